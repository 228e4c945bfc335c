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

/// One filter's result. Kept for each prefix of the filter being typed, so
/// typing one more character searches only the bags that still matched,
/// and Backspace finds its answer already there.
#[derive(Debug, Clone, Default)]
struct LastMatch {
    filter: String,
    matches: Vec<(usize, u32)>,
}

/// How many prefixes' results are kept: each is a list of matches, so a
/// long filter over a big edit must not keep one per character.
const MAX_KEPT: usize = 24;

#[derive(Debug, Clone, Default)]
pub struct Listing {
    search: Option<Arc<SearchIndex>>,
    /// Results of the filter's prefixes, shortest first; each entry's
    /// filter is a prefix of the next one's.
    kept: Vec<LastMatch>,
    /// Bag indices, in display order.
    pub visible: Vec<usize>,
}

impl Listing {
    pub fn new(lookbook: &Lookbook) -> Listing {
        Listing {
            search: None,
            kept: Vec::new(),
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
        self.kept.last().map(|last| last.matches.len())
    }

    pub fn refresh(&mut self, lookbook: &Lookbook, query: &ListQuery) {
        let filtering = !query.filter.trim().is_empty();
        let mut rows = if filtering {
            self.filter(lookbook, &query.filter)
        } else {
            self.kept.clear();
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
        // Results for filters this one does not extend are of no more use.
        while self
            .kept
            .last()
            .is_some_and(|last| !filter.starts_with(&last.filter))
        {
            self.kept.pop();
        }
        if let Some(same) = self.kept.last().filter(|last| last.filter == filter) {
            return same.matches.clone();
        }
        // A fuzzy query that only grew can only match fewer bags.
        let matches = match self.kept.last() {
            Some(last) => index.matches_among(filter, &last.matches),
            None => index.matches(filter, &(0..lookbook.bags.len()).collect::<Vec<_>>()),
        };
        if self.kept.len() == MAX_KEPT {
            self.kept.remove(0);
        }
        self.kept.push(LastMatch {
            filter: filter.to_string(),
            matches: matches.clone(),
        });
        matches
    }
}
