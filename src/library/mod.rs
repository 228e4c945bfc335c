//! Several edits at once: `lookbook a.toml b.toml`, or a folder of them,
//! locally or served. The [`Catalogue`] is every edit by its file's stem
//! (which is also the SSH user name that opens it), each loaded once and
//! shared read-only by every session on it; the [`LiveCatalogue`] hands each change
//! (a save, a file added to or removed from a served folder) to every
//! session at once.
//!
//! - [`open`]: the paths on the command line, read and checked ([`named`]:
//!   the files they name, for `check` too)
//! - [`live`]: saves, new files and removed ones, as changes to the live catalogue

mod live;
mod open;

use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::watch as channel;

use crate::edit::{Edit, Latest, Reload};
use crate::lookbook::Lookbook;
use crate::words::count;

pub use crate::saves::WatchError;
pub use live::{Watches, watch};
pub use open::{Named, OpenError, Opened, named, open};

/// One edit in the catalogue.
#[derive(Debug, Clone)]
pub struct EditFile {
    /// The file's name without `.toml`: how the picker and `ssh NAME@host`
    /// name it. Unique in a catalogue.
    pub stem: String,
    /// The file it is read from; none for the bundled edit.
    pub file: Option<PathBuf>,
    pub latest: Latest,
}

impl EditFile {
    pub fn new(stem: String, file: Option<PathBuf>, lookbook: Lookbook) -> EditFile {
        EditFile {
            stem,
            file,
            latest: Latest::new(Edit::new(Arc::new(lookbook))),
        }
    }

    pub fn lookbook(&self) -> &Lookbook {
        &self.latest.edit.lookbook
    }

    /// The file's name (`bags.toml`), or "bundled".
    pub fn file_name(&self) -> String {
        self.file
            .as_ref()
            .and_then(|file| file.file_name())
            .map_or_else(
                || "bundled".to_string(),
                |name| name.to_string_lossy().into_owned(),
            )
    }

    /// Where the entry comes from, for the log: its file, or "the bundled
    /// edit".
    pub fn origin(&self) -> String {
        self.file.as_ref().map_or_else(
            || "the bundled edit".to_string(),
            |file| file.display().to_string(),
        )
    }
}

/// Every edit, in the order of their stems.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    entries: Vec<EditFile>,
}

impl Catalogue {
    /// A catalogue of `entries`, put in order of their stems.
    pub fn new(mut entries: Vec<EditFile>) -> Catalogue {
        entries.sort_by(|a, b| a.stem.cmp(&b.stem));
        Catalogue { entries }
    }

    /// The bundled edit alone.
    pub fn bundled() -> Catalogue {
        Catalogue::new(vec![EditFile::new(
            BUNDLED_STEM.to_string(),
            None,
            crate::lookbook::bundled(),
        )])
    }

    pub fn entries(&self) -> &[EditFile] {
        &self.entries
    }

    /// Whether any edit has a photo (of a bag or a look) to show.
    pub fn has_photos(&self) -> bool {
        self.entries.iter().any(|entry| {
            let lookbook = entry.lookbook();
            lookbook.bags.iter().any(|b| b.image.is_some())
                || lookbook.looks.iter().any(|l| l.image.is_some())
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where the edit named `stem` is, if it is here.
    pub fn position(&self, stem: &str) -> Option<usize> {
        self.entries.iter().position(|entry| entry.stem == stem)
    }

    pub fn get(&self, stem: &str) -> Option<&EditFile> {
        self.position(stem).map(|at| &self.entries[at])
    }

    /// Makes `change`; returns how it went and what the log says of it, or
    /// nothing when it changed nothing (a reload of an edit no longer here).
    fn apply(&mut self, change: Change) -> Option<(Outcome, String)> {
        match change {
            Change::Reload { stem, reload } => {
                let at = self.position(&stem)?;
                let entry = &mut self.entries[at];
                let origin = entry.origin();
                Some(match reload {
                    Reload::Loaded(edit) => {
                        let line = format!("reloaded {origin}: {}", counts(&edit.lookbook));
                        entry.latest = Latest::new(edit);
                        (Outcome::Reloaded, line)
                    }
                    Reload::Failed(problem) => {
                        let line = format!("reload failed: {}", problem.summary);
                        entry.latest.problem = Some(problem);
                        (Outcome::Failed, line)
                    }
                })
            }
            Change::Added(entry) => {
                let line = format!("added {}: {}", entry.origin(), counts(entry.lookbook()));
                let at = self.entries.partition_point(|e| e.stem < entry.stem);
                if self.entries.get(at).is_some_and(|e| e.stem == entry.stem) {
                    self.entries[at] = entry;
                } else {
                    self.entries.insert(at, entry);
                }
                Some((Outcome::Added, line))
            }
            Change::Removed(stem) => {
                let at = self.position(&stem)?;
                let entry = self.entries.remove(at);
                let line = format!(
                    "removed {}; its sessions keep the last good edit",
                    entry.origin()
                );
                Some((Outcome::Removed, line))
            }
        }
    }
}

/// The stem of the bundled edit, which has no file.
pub const BUNDLED_STEM: &str = "lookbook";

/// `8 bags, 2 looks`.
pub fn counts(lookbook: &Lookbook) -> String {
    format!(
        "{}, {}",
        lookbook.nouns.count(lookbook.bags.len()),
        count(lookbook.looks.len(), "look")
    )
}

/// What happened to one edit on disk.
#[derive(Debug, Clone)]
pub enum Change {
    /// Its file was saved: the new edit, or what is wrong with the file.
    Reload { stem: String, reload: Reload },
    /// A new file in a served folder that loads.
    Added(EditFile),
    /// A file gone from a served folder.
    Removed(String),
}

/// How a change on disk went: for a server's log and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Reloaded,
    /// A save that does not load, or a new file that is not taken in.
    Failed,
    Added,
    Removed,
}

impl Outcome {
    /// As a metric's label.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Reloaded => "reloaded",
            Outcome::Failed => "failed",
            Outcome::Added => "added",
            Outcome::Removed => "removed",
        }
    }
}

/// What a live catalogue tells of each change.
type Log = dyn Fn(Outcome, &str) + Send + Sync;

/// The catalogue as it is now, for every session to follow.
#[derive(Clone)]
pub struct LiveCatalogue {
    sender: Arc<channel::Sender<Arc<Catalogue>>>,
    log: Arc<Log>,
}

impl std::fmt::Debug for LiveCatalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveCatalogue").finish_non_exhaustive()
    }
}

impl LiveCatalogue {
    /// A live catalogue of `catalogue`; `log` gets how each change went and a line
    /// (a server logs and counts them; a local terminal has nowhere to).
    pub fn new(
        catalogue: Catalogue,
        log: impl Fn(Outcome, &str) + Send + Sync + 'static,
    ) -> LiveCatalogue {
        let (sender, _) = channel::channel(Arc::new(catalogue));
        LiveCatalogue {
            sender: Arc::new(sender),
            log: Arc::new(log),
        }
    }

    /// The catalogue now.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        Arc::clone(&self.sender.borrow())
    }

    /// Follows the catalogue: the receiver sees each change.
    pub fn subscribe(&self) -> channel::Receiver<Arc<Catalogue>> {
        self.sender.subscribe()
    }

    /// Makes `change` and hands the new catalogue to every session. The
    /// catalogue is copied (a few `Arc`s per edit), never an edit.
    pub fn publish(&self, change: Change) {
        let mut catalogue = Catalogue::clone(&self.sender.borrow());
        if let Some((outcome, line)) = catalogue.apply(change) {
            (self.log)(outcome, &line);
            self.sender.send_replace(Arc::new(catalogue));
        }
    }

    /// Says why a file could not join the catalogue.
    pub fn turn_away(&self, line: &str) {
        (self.log)(Outcome::Failed, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Problem;
    use crate::lookbook::bundled;
    use std::sync::Mutex;

    fn entry(stem: &str) -> EditFile {
        EditFile::new(stem.into(), Some(format!("{stem}.toml").into()), bundled())
    }

    fn logged() -> (LiveCatalogue, Arc<Mutex<Vec<String>>>) {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&lines);
        let live = LiveCatalogue::new(Catalogue::new(vec![entry("b"), entry("a")]), move |o, l| {
            kept.lock()
                .expect("lock")
                .push(format!("{}: {l}", o.label()));
        });
        (live, lines)
    }

    fn stems(live: &LiveCatalogue) -> Vec<String> {
        let catalogue = live.catalogue();
        catalogue.entries().iter().map(|e| e.stem.clone()).collect()
    }

    #[test]
    fn entries_keep_the_order_of_their_stems_as_files_come_and_go() {
        let (live, lines) = logged();
        assert_eq!(stems(&live), ["a", "b"]);
        live.publish(Change::Added(entry("ab")));
        assert_eq!(stems(&live), ["a", "ab", "b"]);
        live.publish(Change::Removed("a".into()));
        assert_eq!(stems(&live), ["ab", "b"]);
        live.publish(Change::Removed("a".into()));
        assert_eq!(
            lines.lock().expect("lock").len(),
            2,
            "a second removal changes nothing"
        );
        assert_eq!(
            lines.lock().expect("lock")[..],
            [
                "added: added ab.toml: 8 bags, 2 looks",
                "removed: removed a.toml; its sessions keep the last good edit"
            ]
        );
    }

    #[test]
    fn a_save_changes_its_edit_alone() {
        let (live, lines) = logged();
        let before = live.catalogue();
        let mut receiver = live.subscribe();
        live.publish(Change::Reload {
            stem: "b".into(),
            reload: Reload::Failed(Problem::gone("b.toml")),
        });
        assert!(receiver.has_changed().expect("open"));
        let after = receiver.borrow_and_update().clone();
        let (a, b) = (after.get("a").expect("a"), after.get("b").expect("b"));
        assert!(Arc::ptr_eq(
            &a.latest.edit,
            &before.get("a").expect("a").latest.edit
        ));
        assert!(Arc::ptr_eq(
            &b.latest.edit,
            &before.get("b").expect("b").latest.edit
        ));
        assert!(a.latest.problem.is_none() && b.latest.problem.is_some());
        live.publish(Change::Reload {
            stem: "a".into(),
            reload: Reload::loaded(bundled()),
        });
        let now = live.catalogue();
        assert!(!Arc::ptr_eq(
            &now.get("a").expect("a").latest.edit,
            &a.latest.edit
        ));
        assert_eq!(
            lines.lock().expect("lock")[..],
            [
                "failed: reload failed: b.toml is gone; showing the last good edit",
                "reloaded: reloaded a.toml: 8 bags, 2 looks"
            ]
        );
    }
}
