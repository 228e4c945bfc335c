//! `lookbook check PATH...`: validate lookbook files, and folders of them,
//! as CI and editors do.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Error, write_stdout};
use crate::library::{self, OpenError};
use crate::lookbook::{JsonDiagnostic, LoadError, Lookbook, Severity, check_path};
use crate::words::count;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lookbook TOML files, or folders of them (every .toml file in the
    /// folder, as browse and serve take them), to check.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,

    /// Fail (exit 1) on warnings too, such as a colour that cannot be
    /// drawn; without it a file with only warnings passes.
    #[arg(long)]
    deny_warnings: bool,

    /// How to report: as a compiler does, or as JSON for tools.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// A summary line for each file that loads, on stdout; each error and
    /// warning on stderr, with its line, as a compiler prints them.
    Text,
    /// One JSON array on stdout, of every error and warning of every
    /// file, each an object with file, line, column (1-based; null for an
    /// error about the whole file, such as no such file), severity
    /// ("error" or "warning"), message and hint (null when none); `[]`
    /// when all is clean. Nothing on stderr, but for a folder that cannot
    /// be listed or has no .toml file.
    Json,
}

pub fn run(args: &CheckArgs) -> Result<ExitCode, Error> {
    let files = library::named(&args.paths)?.lookbooks;
    match args.format {
        CheckFormat::Text => text(&files, args.deny_warnings),
        CheckFormat::Json => json(&files, args.deny_warnings),
    }
}

/// Each file's summary as it is checked, and its warnings (on stderr,
/// like errors); then every file's errors, which fail the check.
fn text(files: &[PathBuf], deny_warnings: bool) -> Result<ExitCode, Error> {
    let mut broken = Vec::new();
    let mut warnings = 0;
    for path in files {
        match check_path(path) {
            Ok((lookbook, warned)) => {
                write_stdout(format!("{}: {}\n", path.display(), summary(&lookbook)).as_bytes())?;
                if !warned.diagnostics.is_empty() {
                    warnings += warned.diagnostics.len();
                    let _ = std::io::stderr().write_all(warned.warnings().as_bytes());
                }
            }
            Err(error) => broken.push(error),
        }
    }
    if !broken.is_empty() {
        return Err(OpenError::Broken(broken).into());
    }
    if deny_warnings && warnings > 0 {
        return Err(Error::Failed(format!(
            "{}, and --deny-warnings fails the check on any",
            count(warnings, "warning")
        )));
    }
    Ok(ExitCode::SUCCESS)
}

/// Every file's errors and warnings as one JSON array on stdout, which is
/// the whole report: a failed check says nothing more.
fn json(files: &[PathBuf], deny_warnings: bool) -> Result<ExitCode, Error> {
    let mut objects = Vec::new();
    let mut failed = false;
    for path in files {
        match check_path(path) {
            Ok((_, warnings)) => {
                failed |= deny_warnings && !warnings.diagnostics.is_empty();
                objects.extend(warnings.json(Severity::Warning));
            }
            Err(error) => {
                failed = true;
                objects.extend(json_errors(path, &error));
            }
        }
    }
    let array = if objects.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n  {}\n]\n", objects.join(",\n  "))
    };
    write_stdout(array.as_bytes())?;
    if failed {
        return Err(Error::Reported);
    }
    Ok(ExitCode::SUCCESS)
}

/// A file's errors as JSON objects: each of its diagnostics, or the one
/// error that kept it from being read.
fn json_errors(path: &Path, error: &LoadError) -> Vec<String> {
    match error {
        LoadError::Invalid(report) => report.json(Severity::Error),
        LoadError::File { reason, .. } => vec![
            JsonDiagnostic {
                file: &path.display().to_string(),
                at: None,
                severity: Severity::Error,
                message: &reason.to_string(),
                hint: None,
            }
            .to_json(),
        ],
    }
}

fn summary(lookbook: &Lookbook) -> String {
    format!(
        "{}, {}, {}",
        lookbook.nouns.count(lookbook.bags.len()),
        count(lookbook.looks.len(), "look"),
        count(lookbook.sections.len(), "section")
    )
}
