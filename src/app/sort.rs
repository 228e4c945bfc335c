//! The orders the list can be sorted in; `s` cycles through them.

use std::cmp::Ordering;

use crate::lookbook::Lookbook;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The file's order, or best match first while a filter is typed.
    #[default]
    Edit,
    PriceLow,
    PriceHigh,
    Brand,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Edit => Sort::PriceLow,
            Sort::PriceLow => Sort::PriceHigh,
            Sort::PriceHigh => Sort::Brand,
            Sort::Brand => Sort::Edit,
        }
    }

    /// How the list title names the order.
    pub fn label(self, filtering: bool) -> &'static str {
        match self {
            Sort::Edit if filtering => "best match",
            Sort::Edit => "edit order",
            Sort::PriceLow => "price low–high",
            Sort::PriceHigh => "price high–low",
            Sort::Brand => "brand A–Z",
        }
    }

    /// Orders `(bag, score)` pairs; ties keep the edit's order.
    pub fn order(self, lookbook: &Lookbook, rows: &mut [(usize, u32)], filtering: bool) {
        let price = |bag: usize| lookbook.bags[bag].price;
        let compare = |a: &(usize, u32), b: &(usize, u32)| -> Ordering {
            let by = match self {
                Sort::Edit if filtering => b.1.cmp(&a.1),
                Sort::Edit => Ordering::Equal,
                Sort::PriceLow => price(a.0).cmp(&price(b.0)),
                Sort::PriceHigh => price(b.0).cmp(&price(a.0)),
                Sort::Brand => {
                    brand_key(&lookbook.bags[a.0].brand).cmp(&brand_key(&lookbook.bags[b.0].brand))
                }
            };
            by.then(a.0.cmp(&b.0))
        };
        rows.sort_unstable_by(compare);
    }
}

/// Brands compare as a reader would: case and leading punctuation ("&") aside.
fn brand_key(brand: &str) -> String {
    let trimmed = brand.trim_start_matches(|c: char| !c.is_alphanumeric());
    trimmed.to_lowercase()
}
