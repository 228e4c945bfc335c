//! `lookbook check PATH`: validate a lookbook file, as CI and editors do.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Error, write_stdout};
use crate::lookbook::Lookbook;
use crate::words::count;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The lookbook TOML file to check.
    path: PathBuf,
}

/// The summary, then any warnings (on stderr, like errors): they don't
/// fail the check.
pub fn run(args: &CheckArgs) -> Result<ExitCode, Error> {
    let path = &args.path;
    let (lookbook, warnings) = crate::lookbook::check_path(path)?;
    write_stdout(format!("{}: {}\n", path.display(), summary(&lookbook)).as_bytes())?;
    if !warnings.diagnostics.is_empty() {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), warnings.warnings().as_bytes());
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(lookbook: &Lookbook) -> String {
    format!(
        "{}, {}, {}",
        lookbook.nouns.count(lookbook.bags.len()),
        count(lookbook.looks.len(), "look"),
        count(lookbook.sections.len(), "section")
    )
}
