//! How a `lookbook` command fails. Every failure becomes an [`Error`] that
//! travels back up to `main`, and [`Error::report`] is the one place that
//! prints it and picks the exit status, so no command prints its own
//! errors and none can exit with a status of its own making.

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::library::OpenError;
use crate::lookbook::LoadError;

/// Exit status of a command line that asks for something that cannot be
/// done, as clap uses for its own usage errors.
const USAGE: u8 = 2;

#[derive(Debug)]
pub enum Error {
    /// The arguments did not parse, or asked for `--help` or `--version`:
    /// clap's message, which knows its own stream and status.
    Arguments(clap::Error),
    /// Arguments that parse but ask for the impossible, such as a PNG
    /// written to a terminal: status 2, like clap's.
    Usage(String),
    /// The lookbook did not load; the message is every diagnostic.
    Load(LoadError),
    /// The lookbooks to browse or serve did not all load, or could not be
    /// found: every file's errors.
    Open(OpenError),
    /// The command's output could not be written to stdout.
    WriteStdout(io::Error),
    /// The command's output could not be written to the file asked for.
    WriteFile { path: PathBuf, source: io::Error },
    /// Anything else that stops a command (the terminal, the server, a
    /// picture that will not encode), said in one line.
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
        // A closed stderr leaves nowhere to say anything; the status
        // still tells.
        let _ = writeln!(io::stderr().lock(), "{self}");
        match self {
            Error::Usage(_) => ExitCode::from(USAGE),
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Arguments(error) => error.fmt(f),
            // Already `error: ...`, one line or a compiler-style report.
            Error::Load(error) => error.fmt(f),
            Error::Open(error) => error.fmt(f),
            Error::Usage(message) | Error::Failed(message) => write!(f, "error: {message}"),
            Error::WriteStdout(source) => write!(f, "error: cannot write to stdout: {source}"),
            Error::WriteFile { path, source } => {
                write!(f, "error: cannot write {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Arguments(error) => Some(error),
            Error::Load(error) => Some(error),
            Error::Open(error) => Some(error),
            Error::WriteStdout(source) | Error::WriteFile { source, .. } => Some(source),
            Error::Usage(_) | Error::Failed(_) => None,
        }
    }
}

impl From<LoadError> for Error {
    fn from(error: LoadError) -> Self {
        Error::Load(error)
    }
}

impl From<OpenError> for Error {
    fn from(error: OpenError) -> Self {
        Error::Open(error)
    }
}

impl From<clap::Error> for Error {
    fn from(error: clap::Error) -> Self {
        Error::Arguments(error)
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
