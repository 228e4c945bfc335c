//! One edit as all its sessions share it: the lookbook, and what is worked
//! out from it once rather than once per session (where each look's stops
//! begin, the search index). A hundred visitors on one edit hold one copy
//! of each; each session keeps only its own place (the app). Below the app:
//! the library and the save watcher deal in edits and reloads, never in
//! apps.

mod reload;
mod search;
mod stops;

use std::sync::{Arc, OnceLock};

use crate::lookbook::Lookbook;
use crate::photos::Photos;

pub use reload::{Latest, Problem, Reload};
pub use search::SearchIndex;
pub use stops::Stop;
pub(crate) use stops::Stops;

#[derive(Debug)]
pub struct Edit {
    pub lookbook: Arc<Lookbook>,
    pub(crate) stops: Stops,
    /// Built by the first session to filter, then lent to every other.
    search: OnceLock<Arc<SearchIndex>>,
    /// Its photos, decoded and scaled once for every session.
    pub photos: Photos,
}

impl Edit {
    pub fn new(lookbook: Arc<Lookbook>) -> Arc<Edit> {
        Arc::new(Edit {
            stops: Stops::new(&lookbook),
            lookbook,
            search: OnceLock::new(),
            photos: Photos::default(),
        })
    }

    /// The search index, if a session has built it.
    pub fn search(&self) -> Option<Arc<SearchIndex>> {
        self.search.get().cloned()
    }

    /// The search index, built now if no session has yet.
    pub fn search_now(&self) -> Arc<SearchIndex> {
        Arc::clone(
            self.search
                .get_or_init(|| Arc::new(SearchIndex::new(&self.lookbook))),
        )
    }

    /// Keeps an index a session built away from the key path, for the
    /// others; if one got there first, theirs is used from now on.
    pub fn keep_search(&self, index: Arc<SearchIndex>) -> Arc<SearchIndex> {
        Arc::clone(self.search.get_or_init(|| index))
    }
}
