//! Live reload: watches a lookbook file and, after each save, loads it on
//! the watcher's own thread (never the UI's) and hands the result on.
//!
//! The folder is watched, not the file: editors that save by writing a new
//! file and renaming it over the old one (vim, VS Code, JetBrains, `sed -i`)
//! replace the inode a file watch would follow, while a folder watch sees
//! both that and a write in place. A burst of events (a save is often
//! several) is folded into one reload by the debouncer.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::edit::{Problem, Reload};
use crate::lookbook::load_path;

/// Events closer together than this are one save.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Why a file or folder can't be watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// A path with no file name (`/`, `..`): nothing in a folder to watch.
    #[error("{}: not a file to watch", .0.display())]
    NotAFile(PathBuf),
    #[error("cannot watch {}: {source}", .folder.display())]
    Watcher {
        folder: PathBuf,
        source: notify::Error,
    },
}

/// Watching one file or folder; dropping it stops the watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `path`; `on_reload` gets what each save left on disk:
/// the new edit, or what is wrong with the file (gone, unreadable, errors).
/// It runs on the watcher's thread.
pub fn watch(
    path: &Path,
    mut on_reload: impl FnMut(Reload) + Send + 'static,
) -> Result<Watch, WatchError> {
    let file = path.to_path_buf();
    let name: OsString = path
        .file_name()
        .ok_or_else(|| WatchError::NotAFile(path.to_path_buf()))?
        .to_os_string();
    watch_folder(&folder_of(path), move |touched| {
        if touched.includes(&name) {
            on_reload(load(&file));
        }
    })
}

/// What changed in a watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// These files (created, written, renamed, removed).
    Files(Vec<PathBuf>),
    /// Unknown: the watcher lost events (a queue overflow), so anything
    /// may have changed; look again.
    Anything,
}

impl Touched {
    /// Whether the file named `name` may have changed.
    pub fn includes(&self, name: &OsStr) -> bool {
        match self {
            Touched::Files(files) => files.iter().any(|file| file.file_name() == Some(name)),
            Touched::Anything => true,
        }
    }
}

/// Starts watching the files directly in `folder`; `on_touch` gets each
/// burst of changes, on the watcher's thread.
pub fn watch_folder(
    folder: &Path,
    mut on_touch: impl FnMut(Touched) + Send + 'static,
) -> Result<Watch, WatchError> {
    let cannot = |source| WatchError::Watcher {
        folder: folder.to_path_buf(),
        source,
    };
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let touched = match result {
            Ok(events) => {
                let mut files: Vec<PathBuf> = events
                    .iter()
                    .filter(|event| is_a_change(event.kind))
                    .flat_map(|event| event.paths.iter().cloned())
                    .collect();
                files.sort();
                files.dedup();
                Touched::Files(files)
            }
            Err(_) => Touched::Anything,
        };
        if touched != Touched::Files(Vec::new()) {
            on_touch(touched);
        }
    })
    .map_err(cannot)?;
    debouncer
        .watch(folder, RecursiveMode::NonRecursive)
        .map_err(cannot)?;
    Ok(Watch {
        _debouncer: debouncer,
    })
}

/// The file as it is on disk now.
pub fn load(path: &Path) -> Reload {
    if !path.exists() {
        return Reload::Failed(Problem::gone(&path.display().to_string()));
    }
    // Replaced by a link out of its folder (to /etc/passwd, say), a served
    // file would show visitors what the host never meant to serve.
    if leads_outside(path) {
        return Reload::Failed(Problem::outside(&path.display().to_string()));
    }
    match load_path(path) {
        Ok(lookbook) => Reload::loaded(lookbook),
        Err(error) => Reload::Failed(Problem::from_load_error(&error)),
    }
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether an event can mean new content. Opening and reading (ours
/// included: every reload reads the file) cannot.
fn is_a_change(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether the file at `path` is really somewhere outside the folder it
/// is named in: a symbolic link out of it, or one of its folders moved.
fn leads_outside(path: &Path) -> bool {
    match (path.canonicalize(), folder_of(path).canonicalize()) {
        (Ok(real), Ok(base)) => !real.starts_with(base),
        // Gone meanwhile, or unreadable: the load says which.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_is_not_a_change() {
        assert!(!is_a_change(EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_a_change(EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_a_change(EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_a_change(EventKind::Create(
            notify::event::CreateKind::File
        )));
        assert!(is_a_change(EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }

    #[test]
    fn what_cannot_be_watched_says_so() {
        let Err(error) = watch(Path::new("/"), |_| {}) else {
            panic!("the root is no file");
        };
        assert_eq!(error.to_string(), "/: not a file to watch");
        let gone = Path::new("/nonexistent/lookbook-folder");
        let Err(error) = watch_folder(gone, |_| {}) else {
            panic!("a missing folder can't be watched");
        };
        assert!(matches!(&error, WatchError::Watcher { folder, .. } if folder == gone));
        assert!(
            error
                .to_string()
                .starts_with("cannot watch /nonexistent/lookbook-folder: "),
            "{error}"
        );
    }

    #[test]
    fn a_bare_name_lives_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("edit.toml")), PathBuf::from("."));
        assert_eq!(folder_of(Path::new("a/edit.toml")), PathBuf::from("a"));
    }
}
