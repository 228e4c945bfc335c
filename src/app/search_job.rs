//! A search too big for the key path. Over a big edit a keystroke only
//! records the filter and hands out a job; a transport runs it away from
//! the keys (a thread locally, a blocking task over SSH, at once headless)
//! and gives the result back with `App::search_done`. The job owns what it
//! needs, so it runs anywhere and the app stays free of threads and I/O.

use std::sync::Arc;

use crate::edit::SearchIndex;
use crate::lookbook::Lookbook;

/// Candidates from this many up are searched away from the key path;
/// fewer are searched at once (a small edit never sees "filtering…").
pub const BACKGROUND_MIN: usize = 20_000;

/// A search to run: build the index if there is none yet, then match.
#[derive(Debug, Clone)]
pub struct SearchJob {
    pub(super) lookbook: Arc<Lookbook>,
    pub(super) index: Option<Arc<SearchIndex>>,
    /// The filter to match; empty to build the index only.
    pub(super) filter: String,
    /// An earlier result this filter narrows, or none to search every bag.
    pub(super) among: Option<Vec<(usize, u32)>>,
}

/// What a job found.
#[derive(Debug)]
pub struct SearchDone {
    pub(super) index: Arc<SearchIndex>,
    pub(super) filter: String,
    pub(super) matches: Vec<(usize, u32)>,
}

impl SearchJob {
    pub fn run(self) -> SearchDone {
        let index = self
            .index
            .unwrap_or_else(|| Arc::new(SearchIndex::new(&self.lookbook)));
        let matches = match (&self.among, self.filter.trim().is_empty()) {
            (_, true) => Vec::new(),
            (Some(earlier), false) => index.matches_among(&self.filter, earlier),
            (None, false) => {
                let bags: Vec<usize> = (0..self.lookbook.bags.len()).collect();
                index.matches(&self.filter, &bags)
            }
        };
        SearchDone {
            index,
            filter: self.filter,
            matches,
        }
    }
}
