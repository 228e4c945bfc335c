//! Live reload for a catalogue: each file named on the command line is
//! watched for saves, and each folder for saves and for `.toml` files
//! coming and going. Every change goes to the live catalogue, from the watcher's
//! thread, so each edit reloads on its own and sessions on the others are
//! not disturbed.

use std::path::{Path, PathBuf};

use super::open::{is_lookbook_name, lookbooks_in, stem};
use super::{Change, EditFile, LiveCatalogue, Opened};
use crate::edit::Problem;
use crate::lookbook::load_path;
use crate::saves::{self as watcher, Touched, Watch, WatchError};

/// Everything being watched; dropping it stops the watching.
pub struct Watches {
    _watches: Vec<Watch>,
}

/// Starts watching what `opened` named, publishing to `live catalogue`.
pub fn watch(opened: &Opened, live: &LiveCatalogue) -> Result<Watches, WatchError> {
    let mut watches = Vec::new();
    for file in &opened.files {
        let (live, name) = (live.clone(), stem(file));
        watches.push(watcher::watch(file, move |reload| {
            live.publish(Change::Reload {
                stem: name.clone(),
                reload,
            });
        })?);
    }
    for folder in &opened.folders {
        let (live, served) = (live.clone(), folder.clone());
        watches.push(watcher::watch_folder(folder, move |touched| {
            for file in touched_lookbooks(&served, &touched, &live) {
                take_in(&live, file);
            }
        })?);
    }
    Ok(Watches { _watches: watches })
}

/// The lookbook files in `folder` that `touched` may have changed, as the
/// folder names them (as the catalogue does).
fn touched_lookbooks(folder: &Path, touched: &Touched, live: &LiveCatalogue) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match touched {
        Touched::Files(files) => files
            .iter()
            .filter_map(|file| file.file_name())
            .map(|name| folder.join(name))
            .collect(),
        // Anything may have changed: every file there, and every file the
        // catalogue has from there (some may be gone).
        Touched::Anything => {
            let mut files = lookbooks_in(folder).unwrap_or_default();
            let catalogue = live.catalogue();
            let from_here = catalogue
                .entries()
                .iter()
                .filter_map(|entry| entry.file.clone())
                .filter(|file| file.parent() == Some(folder));
            files.extend(from_here);
            files
        }
    };
    files.retain(|file| is_lookbook_name(file));
    files.sort();
    files.dedup();
    files
}

/// What `file` on disk now means for the catalogue: a save, a new edit, or
/// one gone.
fn take_in(live: &LiveCatalogue, file: PathBuf) {
    let name = stem(&file);
    let catalogue = live.catalogue();
    let there = file.is_file();
    match catalogue.get(&name) {
        Some(entry) if entry.file.as_deref() != Some(file.as_path()) && there => {
            live.turn_away(&format!(
                "not serving {}: {} is already named `{name}`",
                file.display(),
                entry.origin()
            ));
        }
        // A file of that name elsewhere went: not ours.
        Some(entry) if entry.file.as_deref() != Some(file.as_path()) => {}
        Some(_) if there => live.publish(Change::Reload {
            stem: name,
            reload: watcher::load(&file),
        }),
        Some(_) => live.publish(Change::Removed(name)),
        None if there => match load_path(&file) {
            Ok(lookbook) => live.publish(Change::Added(EditFile::new(name, Some(file), lookbook))),
            Err(error) => live.turn_away(&format!(
                "not serving {}: {}",
                file.display(),
                Problem::from_load_error(&error).summary
            )),
        },
        None => {}
    }
}
