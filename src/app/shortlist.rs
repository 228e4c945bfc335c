//! The bags a shopper picked, in the order picked.

use crate::lookbook::{Lookbook, Price};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    bags: Vec<usize>,
}

impl Shortlist {
    pub fn toggle(&mut self, bag: usize) {
        match self.bags.iter().position(|&b| b == bag) {
            Some(i) => {
                self.bags.remove(i);
            }
            None => self.bags.push(bag),
        }
    }

    pub fn contains(&self, bag: usize) -> bool {
        self.bags.contains(&bag)
    }

    pub fn remove_at(&mut self, index: usize) {
        if index < self.bags.len() {
            self.bags.remove(index);
        }
    }

    pub fn get(&self, index: usize) -> Option<usize> {
        self.bags.get(index).copied()
    }

    pub fn len(&self) -> usize {
        self.bags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bags.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bags.iter().copied()
    }

    pub fn total(&self, lookbook: &Lookbook) -> Price {
        Price::from_minor(
            self.bags
                .iter()
                .map(|&b| lookbook.bags[b].price.minor)
                .sum(),
        )
    }

    /// `3 bags · £1,430`
    pub fn summary(&self, lookbook: &Lookbook) -> String {
        format!(
            "{} · {}",
            lookbook.nouns.count(self.len()),
            lookbook.currency.format(self.total(lookbook))
        )
    }

    /// One line per bag, as plain text for a file or a pipe: name, brand,
    /// price, retailer.
    pub fn to_text(&self, lookbook: &Lookbook) -> String {
        self.bags
            .iter()
            .map(|&b| {
                let bag = &lookbook.bags[b];
                let price = lookbook.currency.format(bag.price);
                format!(
                    "{} — {} — {} — {}\n",
                    bag.name, bag.brand, price, bag.retailer
                )
            })
            .collect()
    }
}
