//! The edit every session shows, and how a save reaches them all: the
//! watcher publishes each reload here, and every session (and every new
//! one) takes it from here, keeping its own place. One copy of the edit is
//! shared by all.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::watch;

use super::log;
use crate::app::{App, Problem, Reload};
use crate::lookbook::Lookbook;
use crate::words::count;

/// The last good edit, and what is wrong with the file on disk, if anything.
#[derive(Debug, Clone)]
pub struct Edition {
    pub lookbook: Arc<Lookbook>,
    pub problem: Option<Problem>,
}

impl Edition {
    pub fn new(lookbook: Arc<Lookbook>) -> Edition {
        Edition {
            lookbook,
            problem: None,
        }
    }

    /// A new session's app.
    pub fn app(&self) -> App {
        let mut app = App::new(Arc::clone(&self.lookbook));
        // Only a problem to take in: the edit is this one already.
        let _ = self.bring(&mut app, Instant::now());
        app
    }

    /// Brings a session's app to this edition, keeping its place; returns
    /// the app as it was when the edit changed (see [`App::reload`]).
    pub fn bring(&self, app: &mut App, now: Instant) -> Option<App> {
        let mut old = None;
        if !std::ptr::eq(app.lookbook(), &*self.lookbook) {
            old = app.reload(Reload::Loaded(Arc::clone(&self.lookbook)), now);
        }
        if let Some(problem) = &self.problem
            && app.problem() != Some(problem)
        {
            let _ = app.reload(Reload::Failed(problem.clone()), now);
        }
        old
    }
}

/// Publishes the reloads of one file to every session.
#[derive(Debug, Clone)]
pub struct Publisher {
    path: PathBuf,
    sender: Arc<watch::Sender<Edition>>,
}

impl Publisher {
    pub fn new(path: PathBuf, sender: Arc<watch::Sender<Edition>>) -> Publisher {
        Publisher { path, sender }
    }

    /// Logs the reload and hands it to every session.
    pub fn publish(&self, reload: Reload) {
        let path = self.path.display();
        match reload {
            Reload::Loaded(lookbook) => {
                log::line(format_args!(
                    "reloaded {path}: {}, {}",
                    lookbook.nouns.count(lookbook.bags.len()),
                    count(lookbook.looks.len(), "look")
                ));
                self.sender.send_replace(Edition::new(lookbook));
            }
            Reload::Failed(problem) => {
                log::line(format_args!("reload failed: {}", problem.summary));
                self.sender
                    .send_modify(|edition| edition.problem = Some(problem));
            }
        }
    }
}
