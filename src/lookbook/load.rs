//! Reading a lookbook file from disk, with limits that keep a bad path or a
//! huge file from turning into a hang or a crash.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::diagnostic::Report;
use super::model::Lookbook;
use super::parse::parse_in;

/// Far above any real lookbook (100k bags is about 15 MB) and far below what
/// would strain memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read as a lookbook at all: one line says why.
    #[error("error: {path}: {reason}")]
    File {
        path: String,
        #[source]
        reason: FileError,
    },
    /// The file was read, and its content has errors.
    #[error("{0}")]
    Invalid(Box<Report>),
}

/// Why a file could not be read as a lookbook at all; the text follows its
/// path (`edit.toml: no such file`).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error(transparent)]
    Io(std::io::Error),
    #[error("is a directory, expected a lookbook .toml file")]
    Directory,
    #[error("is {0} bytes, over the {MAX_MIB} MiB limit for a lookbook")]
    TooLarge(u64),
    /// Longer once read than its length said (it grew, or is a device).
    #[error("is over the {MAX_MIB} MiB limit for a lookbook")]
    ReadTooMuch,
    #[error("is empty, expected a lookbook (see README.md, \"The lookbook file\")")]
    Empty,
    #[error("is not UTF-8 text (invalid byte at offset {0}); save it as UTF-8")]
    NotUtf8(usize),
}

impl From<std::io::Error> for FileError {
    fn from(error: std::io::Error) -> FileError {
        match error.kind() {
            std::io::ErrorKind::NotFound => FileError::NotFound,
            std::io::ErrorKind::PermissionDenied => FileError::PermissionDenied,
            _ => FileError::Io(error),
        }
    }
}

/// [`MAX_FILE_BYTES`] as messages say it.
const MAX_MIB: u64 = MAX_FILE_BYTES / (1024 * 1024);

pub fn load_path(path: &Path) -> Result<Lookbook, LoadError> {
    check_path(path).map(|(lookbook, _)| lookbook)
}

/// As [`load_path`], with the file's warnings (what `lookbook check`
/// prints after its summary).
pub fn check_path(path: &Path) -> Result<(Lookbook, Report), LoadError> {
    let name = path.display().to_string();
    let source = read_text(path).map_err(|reason| LoadError::File {
        path: name.clone(),
        reason,
    })?;
    let folder = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    parse_in(&source, &name, folder).map_err(|report| LoadError::Invalid(Box::new(report)))
}

fn read_text(path: &Path) -> Result<String, FileError> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(FileError::Directory);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew (or is a
    // device that reports no length).
    fs::File::open(path).and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::ReadTooMuch);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| FileError::NotUtf8(e.utf8_error().valid_up_to()))
}
