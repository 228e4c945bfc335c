//! Live reload: watches a lookbook file and, after each save, loads it on
//! the watcher's own thread (never the UI's) and hands the result on.
//!
//! The folder is watched, not the file: editors that save by writing a new
//! file and renaming it over the old one (vim, VS Code, JetBrains, `sed -i`)
//! replace the inode a file watch would follow, while a folder watch sees
//! both that and a write in place. A burst of events (a save is often
//! several) is folded into one reload by the debouncer.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::app::{Problem, Reload};
use crate::lookbook::load_path;

/// Events closer together than this are one save.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Watching one file; dropping it stops the watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `path`; `on_reload` gets what each save left on disk:
/// the new edit, or what is wrong with the file (gone, unreadable, errors).
/// It runs on the watcher's thread.
pub fn watch(
    path: &Path,
    mut on_reload: impl FnMut(Reload) + Send + 'static,
) -> Result<Watch, String> {
    let file = path.to_path_buf();
    let name: OsString = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file to watch", path.display()))?
        .to_os_string();
    let folder = folder_of(path);
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        // Watch errors (a queue overflow) may hide a save: look again.
        let touched = match result {
            Ok(events) => events
                .iter()
                .filter(|event| is_a_change(event.kind))
                .flat_map(|event| &event.paths)
                .any(|changed| changed.file_name() == Some(name.as_os_str())),
            Err(_) => true,
        };
        if touched {
            on_reload(load(&file));
        }
    })
    .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    debouncer
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    Ok(Watch {
        _debouncer: debouncer,
    })
}

/// The file as it is on disk now.
pub fn load(path: &Path) -> Reload {
    if !path.exists() {
        return Reload::Failed(Problem::gone(&path.display().to_string()));
    }
    match load_path(path) {
        Ok(lookbook) => Reload::Loaded(Arc::new(lookbook)),
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
    fn a_bare_name_lives_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("edit.toml")), PathBuf::from("."));
        assert_eq!(folder_of(Path::new("a/edit.toml")), PathBuf::from("a"));
    }
}
