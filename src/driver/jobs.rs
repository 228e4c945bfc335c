//! Slow work a session hands off, so no key and no other session waits for
//! it: a search over a big edit, and a photo to decode and scale. Each runs
//! on the runtime's blocking pool and comes back as an [`Event`].

use std::collections::HashSet;
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::task::spawn_blocking;

use super::Event;
use crate::app::Edit;
use crate::browser::Browser;
use crate::photos::PhotoRequest;

pub struct Jobs {
    done: mpsc::UnboundedSender<Event>,
    /// Where finished jobs arrive, as events.
    pub finished: mpsc::UnboundedReceiver<Event>,
    /// One search at a time: a newer filter waits for it, so typing fast
    /// over a big edit never piles searches up.
    searching: bool,
    /// Photos being made ready, each asked for once.
    photos: HashSet<PhotoRequest>,
}

impl Jobs {
    pub fn new() -> Jobs {
        let (done, finished) = mpsc::unbounded_channel();
        Jobs {
            done,
            finished,
            searching: false,
            photos: HashSet::new(),
        }
    }

    /// Starts the search the browser wants, unless one runs.
    pub fn search(&mut self, browser: &mut Browser) {
        if self.searching {
            return;
        }
        let Some(job) = browser.search_job() else {
            return;
        };
        self.searching = true;
        let done = self.done.clone();
        drop(spawn_blocking(move || {
            // The session may have ended; then nobody wants the result.
            let _ = done.send(Event::SearchDone(job.run()));
        }));
    }

    pub fn search_done(&mut self) {
        self.searching = false;
    }

    /// Starts making ready the photos a frame of `edit` wanted.
    pub fn photos(&mut self, edit: &Arc<Edit>, wanted: Vec<PhotoRequest>) {
        for request in wanted {
            if !self.photos.insert(request.clone()) {
                continue;
            }
            let (edit, done) = (Arc::clone(edit), self.done.clone());
            drop(spawn_blocking(move || {
                edit.photos.prepare(&request);
                let _ = done.send(Event::PhotoReady(request));
            }));
        }
    }

    pub fn photo_done(&mut self, request: &PhotoRequest) {
        self.photos.remove(request);
    }
}
