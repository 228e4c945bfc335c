//! `lookbook new PATH`: a starter lookbook to edit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{Error, write_stdout};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The file to write (its folder must exist).
    path: PathBuf,
}

/// Writes the starter file; an existing file is never touched, and a
/// missing folder is the user's to make.
pub fn run(args: &NewArgs) -> Result<ExitCode, Error> {
    let path: &Path = &args.path;
    let starter = crate::lookbook::starter::starter();
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, starter.as_bytes()));
    match written {
        Ok(()) => {
            let message = format!(
                "{}: a starter lookbook; edit it, then `lookbook check {0}` or `lookbook {0}`\n",
                path.display()
            );
            write_stdout(message.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Failed(format!(
                "{} already exists; lookbook new never overwrites a file",
                path.display()
            )))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Error::Failed(format!(
            "{}: no such folder; make it first",
            path.parent()
                .map_or_else(|| ".".into(), |p| p.display().to_string())
        ))),
        Err(source) => Err(Error::WriteFile {
            path: path.to_path_buf(),
            source,
        }),
    }
}
