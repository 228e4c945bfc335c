//! Slow work a session hands off, so no key and no other session waits for
//! it: a search over a big edit (on the runtime's blocking pool), and a
//! photo to decode and scale (on the one photo thread every session
//! shares, at the lowest priority). Each comes back as an [`Event`].

use std::collections::HashSet;
use std::sync::{Arc, OnceLock, mpsc as std_mpsc};
use std::thread;

use tokio::sync::mpsc;
use tokio::task::spawn_blocking;

use super::Event;
use crate::browser::Browser;
use crate::edit::Edit;
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
            photo_thread(Box::new(move || {
                let made = edit.photos.prepare(&request);
                let _ = done.send(Event::PhotoReady(Box::new((request, made))));
            }));
        }
    }

    pub fn photo_done(&mut self, request: &PhotoRequest) {
        self.photos.remove(request);
    }
}

/// Making one photo ready.
type PhotoWork = Box<dyn FnOnce() + Send>;

/// Runs `work` on the photo thread. Decoding a large photo takes a core for
/// a tenth of a second or more: one thread for every session, at the
/// lowest priority, so a crowd opening photos at once never takes more than
/// one core, and keys and frames go first. Should the thread be gone (it
/// could not start), the work runs on the blocking pool.
fn photo_thread(work: PhotoWork) {
    static THREAD: OnceLock<Option<std_mpsc::Sender<PhotoWork>>> = OnceLock::new();
    let thread = THREAD.get_or_init(|| {
        let (queue, works) = std_mpsc::channel::<PhotoWork>();
        let started = thread::Builder::new()
            .name("lookbook-photos".into())
            .spawn(move || {
                lowest_priority();
                for work in works {
                    work();
                }
            });
        started.ok().map(|_| queue)
    });
    let refused = match thread {
        Some(queue) => queue.send(work).err().map(|refused| refused.0),
        None => Some(work),
    };
    if let Some(work) = refused {
        drop(spawn_blocking(work));
    }
}

/// Nice 19 for the calling thread (Linux keeps a niceness per thread). A
/// system that refuses leaves it as it is: slower keys, never an error.
fn lowest_priority() {
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
}
