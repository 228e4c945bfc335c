//! Which bags the list shows, in what order: the edit, narrowed by the
//! filter and the budget, sorted. Recomputed only when one of those changes,
//! never per frame.

use std::sync::Arc;

use super::search::SearchIndex;
use super::sort::Sort;
use crate::lookbook::{Lookbook, Price};

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub filter: String,
    pub sort: Sort,
    pub budget: Option<Price>,
}

/// The filter's last result, kept so that typing one more character only
/// searches the bags that still matched.
#[derive(Debug, Clone, Default)]
struct LastMatch {
    filter: String,
    matches: Vec<(usize, u32)>,
}

#[derive(Debug, Clone, Default)]
pub struct Listing {
    search: Option<Arc<SearchIndex>>,
    last: Option<LastMatch>,
    /// Bag indices, in display order.
    pub visible: Vec<usize>,
}

impl Listing {
    pub fn new(lookbook: &Lookbook) -> Listing {
        Listing {
            search: None,
            last: None,
            visible: (0..lookbook.bags.len()).collect(),
        }
    }

    /// The search index, built the first time someone filters.
    pub fn search(&mut self, lookbook: &Lookbook) -> Arc<SearchIndex> {
        self.search
            .get_or_insert_with(|| Arc::new(SearchIndex::new(lookbook)))
            .clone()
    }

    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search.as_deref()
    }

    /// How many bags the filter in force matches, budget aside: an empty
    /// list must not blame the filter for what the budget hid.
    pub fn filter_matches(&self) -> Option<usize> {
        self.last.as_ref().map(|last| last.matches.len())
    }

    pub fn refresh(&mut self, lookbook: &Lookbook, query: &ListQuery) {
        let filtering = !query.filter.trim().is_empty();
        let mut rows = if filtering {
            self.filter(lookbook, &query.filter)
        } else {
            self.last = None;
            (0..lookbook.bags.len()).map(|bag| (bag, 0)).collect()
        };
        if let Some(budget) = query.budget {
            rows.retain(|&(bag, _)| lookbook.bags[bag].price <= budget);
        }
        if query.sort != Sort::Edit || filtering {
            query.sort.order(lookbook, &mut rows, filtering);
        }
        self.visible = rows.into_iter().map(|(bag, _)| bag).collect();
    }

    fn filter(&mut self, lookbook: &Lookbook, filter: &str) -> Vec<(usize, u32)> {
        let index = self.search(lookbook);
        // A fuzzy query that only grew can only match fewer bags.
        let matches = match self.last.take() {
            Some(last) if filter.starts_with(&last.filter) => {
                index.matches(filter, last.matches.into_iter().map(|(bag, _)| bag))
            }
            _ => index.matches(filter, 0..lookbook.bags.len()),
        };
        self.last = Some(LastMatch {
            filter: filter.to_string(),
            matches: matches.clone(),
        });
        matches
    }
}
