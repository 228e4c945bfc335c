//! How a `lookbook` command fails. Every failure becomes an [`Error`] that
//! travels back up to `main`, and [`Error::report`] is the one place that
//! prints it and picks the exit status, so no command prints its own
//! errors and none can exit with a status of its own making.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::library::{OpenError, WatchError};
use crate::lookbook::LoadError;
use crate::render::{FormatError, PngError, ScreenshotError};
use crate::ssh::ServeError;

/// Exit status of a command line that asks for something that cannot be
/// done, as clap uses for its own usage errors.
const USAGE: u8 = 2;

/// Each layer's error arrives whole (`?` converts it) and is said here,
/// after `error: ` unless it already says so itself.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The arguments did not parse, or asked for `--help` or `--version`:
    /// clap's message, which knows its own stream and status.
    #[error("{0}")]
    Arguments(#[from] clap::Error),
    /// Arguments that parse but ask for the impossible, such as a PNG
    /// written to a terminal: status 2, like clap's.
    #[error("error: {0}")]
    Usage(String),
    /// `--format` and `--out` that disagree: a usage error too.
    #[error("error: {0}")]
    Format(#[from] FormatError),
    /// The lookbook did not load; the message is every diagnostic.
    #[error("{0}")]
    Load(#[from] LoadError),
    /// The lookbooks to browse or serve did not all load, or could not be
    /// found: every file's errors.
    #[error("{0}")]
    Open(#[from] OpenError),
    /// The files to browse could not be watched for saves.
    #[error("error: {0}")]
    Watch(#[from] WatchError),
    /// A picture that will not draw or encode, or a `--font` that is no font.
    #[error("error: {0}")]
    Png(#[from] PngError),
    /// The screenshots could not be drawn or written.
    #[error("error: {0}")]
    Screenshots(#[from] ScreenshotError),
    /// The server could not start.
    #[error("error: {0}")]
    Serve(#[from] ServeError),
    /// The command's output could not be written to stdout.
    #[error("error: cannot write to stdout: {0}")]
    WriteStdout(#[source] io::Error),
    /// The command's output could not be written to the file asked for.
    #[error("error: cannot write {}: {source}", .path.display())]
    WriteFile { path: PathBuf, source: io::Error },
    /// The command has said why it failed in its own output
    /// (`check --format json`, whose JSON is the whole report): status 1,
    /// and nothing more on stderr.
    #[error("")]
    Reported,
    /// Anything else that stops a command (the terminal, a file `new`
    /// won't overwrite), said in one line where it happens: this is the
    /// layer that prints.
    #[error("error: {0}")]
    Failed(String),
}

impl Error {
    /// Prints the error on stderr and returns the status to exit with:
    /// 2 for usage, 1 for a failure. A broken pipe is a reader that has
    /// seen enough (`lookbook check x.toml | head -1`), not a failure: it
    /// exits quietly with 0, as ripgrep does.
    pub fn report(self) -> ExitCode {
        if let Error::Arguments(error) = &self {
            // Help into a closed pipe has no one left to tell; clap's own
            // `exit` ignores this too.
            let _ = error.print();
            return u8::try_from(error.exit_code()).map_or(ExitCode::FAILURE, ExitCode::from);
        }
        if self.is_broken_pipe() {
            return ExitCode::SUCCESS;
        }
        if let Error::Reported = self {
            return ExitCode::FAILURE;
        }
        // A closed stderr leaves nowhere to say anything; the status
        // still tells.
        let _ = writeln!(io::stderr().lock(), "{self}");
        match self {
            Error::Usage(_) | Error::Format(_) => ExitCode::from(USAGE),
            _ => ExitCode::FAILURE,
        }
    }

    fn is_broken_pipe(&self) -> bool {
        match self {
            Error::WriteStdout(source) | Error::WriteFile { source, .. } => {
                source.kind() == io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_write_into_a_closed_pipe_is_a_broken_pipe() {
        let closed = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(Error::WriteStdout(closed()).is_broken_pipe());
        assert!(
            Error::WriteFile {
                path: "fifo".into(),
                source: closed()
            }
            .is_broken_pipe()
        );
        assert!(!Error::WriteStdout(io::Error::from(io::ErrorKind::StorageFull)).is_broken_pipe());
        assert!(!Error::Failed("broken pipe".into()).is_broken_pipe());
    }

    #[test]
    fn messages_are_one_line_after_error() {
        let full = Error::WriteStdout(io::Error::from(io::ErrorKind::StorageFull));
        assert!(
            full.to_string()
                .starts_with("error: cannot write to stdout: ")
        );
        assert_eq!(
            Error::Usage("a PNG would garble the terminal".into()).to_string(),
            "error: a PNG would garble the terminal"
        );
    }
}
