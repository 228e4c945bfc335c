//! Reading a lookbook file from disk, with limits that keep a bad path or a
//! huge file from turning into a hang or a crash.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

use super::diagnostic::Report;
use super::model::Lookbook;
use super::parse::parse_in;

/// Far above any real lookbook (100k bags is about 15 MB) and far below what
/// would strain memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read as a lookbook at all: one line says why.
    File { path: String, reason: String },
    /// The file was read, and its content has errors.
    Invalid(Box<Report>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::File { path, reason } => write!(f, "error: {path}: {reason}"),
            LoadError::Invalid(report) => report.fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

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

fn read_text(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory, expected a lookbook .toml file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is {} bytes, over the {} MiB limit for a lookbook",
            meta.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew (or is a
    // device that reports no length).
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "is over the {} MiB limit for a lookbook",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty, expected a lookbook (see README.md, \"The lookbook file\")".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        format!("is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8")
    })
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => error.to_string(),
    }
}
