//! A file of an edit as a save left it: the new edit, or what is wrong
//! with the file while the last good edit shows (`Problem`); and `Latest`,
//! the two together, which every session on the file is brought to.

use std::sync::Arc;

use super::Edit;
use crate::lookbook::{LoadError, Lookbook};
use crate::words::count;

/// What the watcher found on disk.
#[derive(Debug, Clone)]
pub enum Reload {
    /// A good save: the new edit.
    Loaded(Arc<Edit>),
    /// A save that can't be shown: why.
    Failed(Problem),
}

/// What is wrong with the file on disk, while the last good edit shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// One line: the first error as `file:line:col message`, or what
    /// happened to the file.
    pub headline: String,
    /// Errors after the first.
    pub more: usize,
    /// Every error, as `lookbook check` prints them.
    pub details: String,
    /// For a log: `PATH: 3 errors (first: 14:9 unknown size "tiny")`.
    pub summary: String,
}

impl Reload {
    /// A good save of `lookbook`.
    pub fn loaded(lookbook: Lookbook) -> Reload {
        Reload::Loaded(Edit::new(Arc::new(lookbook)))
    }
}

impl Problem {
    pub fn from_load_error(error: &LoadError) -> Problem {
        match error {
            LoadError::File { path, reason } => Problem::one_line(format!("{path}: {reason}")),
            LoadError::Invalid(report) => {
                let first = report.diagnostics.first().map(|first| {
                    let (line, column) = report.line_column(first.span.start);
                    format!("{line}:{column} {}", first.message)
                });
                let name = &report.name;
                let errors = count(report.diagnostics.len(), "error");
                Problem {
                    headline: first
                        .as_ref()
                        .map_or_else(|| name.clone(), |first| format!("{name}:{first}")),
                    more: report.diagnostics.len().saturating_sub(1),
                    details: report.to_string(),
                    summary: match &first {
                        Some(first) => format!("{name}: {errors} (first: {first})"),
                        None => format!("{name}: {errors}"),
                    },
                }
            }
        }
    }

    /// The file was deleted or moved away.
    pub fn gone(path: &str) -> Problem {
        Problem::one_line(format!("{path} is gone; showing the last good edit"))
    }

    /// The file now leads outside its folder (a link out of it).
    pub fn outside(path: &str) -> Problem {
        Problem::one_line(format!(
            "{path} leads outside its folder; showing the last good edit"
        ))
    }

    fn one_line(headline: String) -> Problem {
        Problem {
            details: format!("error: {headline}"),
            summary: headline.clone(),
            headline,
            more: 0,
        }
    }
}

/// The last good edit of a file, and what is wrong with the file on disk,
/// if anything: what a new session starts from, and what a session on the
/// file is brought to after each save.
#[derive(Debug, Clone)]
pub struct Latest {
    pub edit: Arc<Edit>,
    pub problem: Option<Problem>,
}

impl Latest {
    pub fn new(edit: Arc<Edit>) -> Latest {
        Latest {
            edit,
            problem: None,
        }
    }
}
