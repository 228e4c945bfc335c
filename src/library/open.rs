//! The edits named on the command line: files, and folders of `.toml`
//! files, each checked before anything starts. One broken file stops the
//! start with its errors (every broken file's, at once): a demo host finds
//! out at the console, not from a visitor.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Catalogue, EditFile};
use crate::lookbook::{LoadError, load_path};

/// What the command line named, read.
#[derive(Debug)]
pub struct Opened {
    pub catalogue: Catalogue,
    /// Files named one by one, watched for saves.
    pub files: Vec<PathBuf>,
    /// Folders named, watched for saves and for files coming and going.
    pub folders: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Files that do not load: each one's errors.
    #[error("{}", each_on_its_line(.0))]
    Broken(Vec<LoadError>),
    /// A folder named that can't be listed.
    #[error("error: {}: cannot read: {source}", .folder.display())]
    Unreadable { folder: PathBuf, source: io::Error },
    /// A folder named with no lookbook in it.
    #[error("error: {}: no .toml files in this folder", .0.display())]
    EmptyFolder(PathBuf),
    /// Two files with one name (`first` and `second` as [`EditFile::origin`]
    /// says them), which could not both be opened by it.
    #[error(
        "error: {first} and {second} are both named `{stem}`: an edit is opened by its \
         file's name, so rename one"
    )]
    SameName {
        first: String,
        second: String,
        stem: String,
    },
}

fn each_on_its_line(errors: &[LoadError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads every edit `paths` names; none names the bundled edit.
pub fn open(paths: &[PathBuf]) -> Result<Opened, OpenError> {
    if paths.is_empty() {
        return Ok(Opened {
            catalogue: Catalogue::bundled(),
            files: Vec::new(),
            folders: Vec::new(),
        });
    }
    let Named {
        lookbooks,
        files,
        folders,
    } = named(paths)?;
    let mut entries = Vec::new();
    let mut broken = Vec::new();
    for file in lookbooks {
        match load_path(&file) {
            Ok(lookbook) => entries.push(EditFile::new(stem(&file), Some(file), lookbook)),
            Err(error) => broken.push(error),
        }
    }
    if !broken.is_empty() {
        return Err(OpenError::Broken(broken));
    }
    unique(&entries)?;
    Ok(Opened {
        catalogue: Catalogue::new(entries),
        files,
        folders,
    })
}

/// The lookbook files the command line named, not yet read.
#[derive(Debug, Default)]
pub struct Named {
    /// Every file to read, in the order named, each folder's in name order.
    pub lookbooks: Vec<PathBuf>,
    /// Files named one by one.
    pub files: Vec<PathBuf>,
    /// Folders named.
    pub folders: Vec<PathBuf>,
}

/// The files `paths` names: a file as it is (read later, so a missing one
/// is that file's error), a folder as the `.toml` files in it. What
/// `browse`, `serve` and `check` all take.
pub fn named(paths: &[PathBuf]) -> Result<Named, OpenError> {
    let mut named = Named::default();
    for path in paths {
        if path.is_dir() {
            let inside = lookbooks_in(path).map_err(|source| OpenError::Unreadable {
                folder: path.clone(),
                source,
            })?;
            if inside.is_empty() {
                return Err(OpenError::EmptyFolder(path.clone()));
            }
            named.lookbooks.extend(inside);
            named.folders.push(path.clone());
        } else {
            named.lookbooks.push(path.clone());
            named.files.push(path.clone());
        }
    }
    Ok(named)
}

/// The `.toml` files directly in `folder`, in name order.
pub(super) fn lookbooks_in(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let listing = fs::read_dir(folder)?;
    let mut files: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| is_lookbook_name(path) && path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Whether a file in a served folder is one to serve: `NAME.toml`, not
/// hidden (an editor's `.a.toml.swp`, a `.#a.toml` lock).
pub(super) fn is_lookbook_name(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_none_or(|name| name.starts_with('.'));
    !hidden && path.extension().is_some_and(|ext| ext == "toml")
}

/// The name an edit goes by: its file's name without the extension.
pub(super) fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Two files with one stem could not both be opened by name.
fn unique(entries: &[EditFile]) -> Result<(), OpenError> {
    let mut seen: Vec<&EditFile> = Vec::new();
    for entry in entries {
        if let Some(first) = seen.iter().find(|e| e.stem == entry.stem) {
            return Err(OpenError::SameName {
                first: first.origin(),
                second: entry.origin(),
                stem: entry.stem.clone(),
            });
        }
        seen.push(entry);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lookbook-open-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a temp dir");
        dir
    }

    #[test]
    fn a_folder_serves_its_toml_files_in_name_order() {
        let dir = folder("order");
        for name in [
            "b.toml",
            "a.toml",
            ".a.toml.swp",
            ".hidden.toml",
            "notes.txt",
        ] {
            fs::write(dir.join(name), crate::lookbook::BUNDLED).expect("written");
        }
        fs::create_dir(dir.join("c.toml")).expect("a folder named like a file");
        let opened = open(std::slice::from_ref(&dir)).expect("opens");
        let stems: Vec<&str> = opened
            .catalogue
            .entries()
            .iter()
            .map(|e| e.stem.as_str())
            .collect();
        assert_eq!(stems, ["a", "b"]);
        assert_eq!((opened.files.len(), opened.folders), (0, vec![dir.clone()]));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_broken_file_is_reported_and_nothing_opens() {
        let dir = folder("broken");
        fs::write(dir.join("a.toml"), crate::lookbook::BUNDLED).expect("written");
        fs::write(dir.join("b.toml"), "[lookbook]\ntitle = 1\n").expect("written");
        let missing = dir.join("gone.toml");
        let Err(OpenError::Broken(errors)) = open(&[dir.clone(), missing]) else {
            panic!("a broken file stops the start");
        };
        assert_eq!(errors.len(), 2);
        let text = OpenError::Broken(errors).to_string();
        assert!(text.contains("b.toml:2:9"), "{text}");
        assert!(text.contains("gone.toml: no such file"), "{text}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn one_name_twice_and_an_empty_folder_are_refused() {
        let dir = folder("twice");
        fs::create_dir_all(dir.join("x")).expect("a folder");
        fs::write(dir.join("a.toml"), crate::lookbook::BUNDLED).expect("written");
        fs::write(dir.join("x/a.toml"), crate::lookbook::BUNDLED).expect("written");
        let Err(twice @ OpenError::SameName { .. }) =
            open(&[dir.join("a.toml"), dir.join("x/a.toml")])
        else {
            panic!("two edits named a");
        };
        let message = twice.to_string();
        assert!(message.starts_with("error: "), "{message}");
        assert!(
            message.ends_with(
                "x/a.toml are both named `a`: an edit is opened by its file's name, so rename one"
            ),
            "{message}"
        );
        fs::remove_file(dir.join("x/a.toml")).expect("removed");
        let Err(OpenError::EmptyFolder(empty)) = open(&[dir.join("x")]) else {
            panic!("an empty folder");
        };
        assert_eq!(empty, dir.join("x"));
        assert_eq!(
            OpenError::EmptyFolder(empty).to_string(),
            format!(
                "error: {}: no .toml files in this folder",
                dir.join("x").display()
            )
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
