//! Which bags the list shows, in what order: the edit, narrowed by the
//! filter and the budget, sorted. Recomputed only when one of those changes,
//! never per frame.

use std::sync::Arc;

use super::search_job::{BACKGROUND_MIN, SearchDone, SearchJob};
use super::sort::Sort;
use crate::edit::Edit;
use crate::edit::SearchIndex;
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
    /// The filter being searched away from the key path, if one is.
    pending: Option<String>,
    /// That search, until a transport takes it to run.
    job: Option<SearchJob>,
    /// Bag indices, in display order.
    pub visible: Vec<usize>,
}

impl Listing {
    pub fn new(lookbook: &Lookbook) -> Listing {
        Listing {
            visible: (0..lookbook.bags.len()).collect(),
            ..Listing::default()
        }
    }

    /// Gets the search index ready when a filter is about to be typed:
    /// built now for a small edit, handed out as a job for a big one.
    pub fn prepare(&mut self, edit: &Edit) {
        if self.search.is_none() {
            self.search = edit.search();
        }
        if self.search.is_some() || self.pending.is_some() {
            return;
        }
        if edit.lookbook.bags.len() < BACKGROUND_MIN {
            self.search = Some(edit.search_now());
        } else {
            self.start(edit, String::new(), None);
        }
    }

    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search.as_deref()
    }

    /// How many bags the filter in force matches, budget aside: an empty
    /// list must not blame the filter for what the budget hid.
    pub fn filter_matches(&self) -> Option<usize> {
        self.kept.last().map(|last| last.matches.len())
    }

    /// Whether a search is running away from the key path.
    pub fn is_searching(&self) -> bool {
        self.pending.is_some()
    }

    /// The search to run away from the key path, once.
    pub fn take_job(&mut self) -> Option<SearchJob> {
        self.job.take()
    }

    /// Takes a finished search in: kept if it answers the filter in force
    /// or a prefix of it, then the list is recomputed.
    pub fn finish(&mut self, edit: &Edit, query: &ListQuery, done: SearchDone) {
        self.search = Some(edit.keep_search(done.index));
        if self.pending.as_deref() == Some(done.filter.as_str()) {
            self.pending = None;
        }
        let useful = !done.filter.trim().is_empty() && query.filter.starts_with(&done.filter);
        if useful && self.extends_kept(&done.filter) {
            self.keep(done.filter, done.matches);
        }
        self.refresh(edit, query);
    }

    fn extends_kept(&self, filter: &str) -> bool {
        self.kept
            .last()
            .is_none_or(|last| filter.starts_with(&last.filter) && filter != last.filter)
    }

    fn keep(&mut self, filter: String, matches: Vec<(usize, u32)>) {
        if self.kept.len() == MAX_KEPT {
            self.kept.remove(0);
        }
        self.kept.push(LastMatch { filter, matches });
    }

    fn start(&mut self, edit: &Edit, filter: String, among: Option<Vec<(usize, u32)>>) {
        let job = SearchJob {
            lookbook: Arc::clone(&edit.lookbook),
            index: self.search.clone().or_else(|| edit.search()),
            filter: filter.clone(),
            among,
        };
        self.pending = Some(filter);
        self.job = Some(job);
    }

    pub fn refresh(&mut self, edit: &Edit, query: &ListQuery) {
        let lookbook = &edit.lookbook;
        let filtering = !query.filter.trim().is_empty();
        let rows = if filtering {
            match self.filter(edit, &query.filter) {
                Some(rows) => rows,
                // Searching away from the key path: the list stays as it
                // was until the result comes.
                None => return,
            }
        } else {
            self.kept.clear();
            (0..lookbook.bags.len()).map(|bag| (bag, 0)).collect()
        };
        self.show(lookbook, query, rows, filtering);
    }

    fn show(
        &mut self,
        lookbook: &Lookbook,
        query: &ListQuery,
        mut rows: Vec<(usize, u32)>,
        filtering: bool,
    ) {
        if let Some(budget) = query.budget {
            rows.retain(|&(bag, _)| lookbook.bags[bag].price <= budget);
        }
        if query.sort != Sort::Edit || filtering {
            query.sort.order(lookbook, &mut rows, filtering);
        }
        self.visible = rows.into_iter().map(|(bag, _)| bag).collect();
    }

    /// The filter's matches, if they can be had on the key path: kept from
    /// before, or a small search; otherwise a job is started.
    fn filter(&mut self, edit: &Edit, filter: &str) -> Option<Vec<(usize, u32)>> {
        let lookbook = &edit.lookbook;
        // Results for filters this one does not extend are of no more use.
        while self
            .kept
            .last()
            .is_some_and(|last| !filter.starts_with(&last.filter))
        {
            self.kept.pop();
        }
        if let Some(same) = self.kept.last().filter(|last| last.filter == filter) {
            return Some(same.matches.clone());
        }
        if self.pending.as_deref() == Some(filter) {
            return None;
        }
        let candidates = self
            .kept
            .last()
            .map_or(lookbook.bags.len(), |last| last.matches.len());
        if self.search.is_none() {
            self.search = edit.search();
        }
        if candidates >= BACKGROUND_MIN
            || (self.search.is_none() && lookbook.bags.len() >= BACKGROUND_MIN)
        {
            let among = self.kept.last().map(|last| last.matches.clone());
            self.start(edit, filter.to_string(), among);
            return None;
        }
        let index = self.search.get_or_insert_with(|| edit.search_now()).clone();
        // A fuzzy query that only grew can only match fewer bags.
        let matches = match self.kept.last() {
            Some(last) => index.matches_among(filter, &last.matches),
            None => index.matches(filter, &(0..lookbook.bags.len()).collect::<Vec<_>>()),
        };
        self.keep(filter.to_string(), matches.clone());
        Some(matches)
    }
}
