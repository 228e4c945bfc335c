//! The command line, one file per command (ripgrep's and cargo's shape):
//! each owns its clap arguments and its `run`. Browse a lookbook (no
//! command), check one, draw it headless, take its pictures, serve it over
//! SSH, start one, or print its schema. Also what every command shares at
//! this edge: the lookbook it runs on ([`load`]), how it writes to stdout
//! ([`write_stdout`]), and how it fails ([`Error`]). The core (lookbook,
//! app, ui, render, the driver) knows nothing of clap: what the command
//! line says of its types is said here ([`values`]).

mod browse;
mod check;
mod error;
mod new;
mod render;
mod schema;
mod screenshots;
mod serve;
mod values;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::lookbook::{self as book, LoadError, Lookbook};

pub use browse::BrowseArgs;
pub use error::Error;
pub use render::{KeySequence, KeysError, RenderArgs};
pub use serve::{DurationError, ServeArgs, parse_duration};

/// Browse a lookbook (an editor's picks, with prices and styled looks) in
/// the terminal, locally or served over SSH.
///
/// With no PATH, browses the bundled edit, "The mini bag edit". With
/// several, or a folder of .toml files, a picker lists them.
#[derive(Debug, Parser)]
#[command(name = "lookbook", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub browse: BrowseArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate lookbook files, or folders of them: a summary of each, or
    /// every error (exit 1); --format json for tools.
    ///
    /// Exit status: 0 when every file is clean; 1 when any has an error
    /// (or a warning, with --deny-warnings), or names no lookbook (an
    /// empty folder); 2 when the command line does not parse.
    Check(check::CheckArgs),
    /// Draw the screen without a terminal, after typing some keys, as text,
    /// ANSI text, SVG or PNG.
    Render(RenderArgs),
    /// Pictures of an edit (SVG and PNG of each scene): its first screen,
    /// each look, the item with the most to say, help, about, and the medium
    /// and narrow layouts, named from its ids. Without PATH, regenerates
    /// the bundled edit's curated set.
    Screenshots(screenshots::ScreenshotsArgs),
    /// Serve the lookbook over SSH: `ssh -p 2222 HOST` browses it.
    Serve(ServeArgs),
    /// Write a starter lookbook to PATH: every table and field once, each
    /// with a comment, the optional ones commented out. Never overwrites.
    New(new::NewArgs),
    /// Print the JSON Schema of the lookbook format, for editors'
    /// completion and inline errors (see docs/lookbook-format.md,
    /// "Starting one, with completion in your editor").
    Schema,
}

/// Parses the command line and runs the command asked for; how it ended
/// when it did not fail: 0, or 128 + a signal's number when one ended the
/// browser. Every failure comes back to `main`, which reports it.
pub fn run() -> Result<ExitCode, Error> {
    let cli = Cli::try_parse()?;
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Render(args)) => render::run(&args),
        Some(Command::Screenshots(args)) => screenshots::run(&args),
        Some(Command::Serve(args)) => serve::run(&args),
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Schema) => schema::run(),
        None => browse::run(&cli.browse),
    }
}

/// The lookbook a command runs on: the file at `path`, or the bundled edit
/// when no path was given.
pub fn load(path: Option<&Path>) -> Result<Lookbook, LoadError> {
    match path {
        Some(path) => book::load_path(path),
        None => Ok(book::bundled()),
    }
}

/// Writes a command's output to stdout and flushes it. Unlike `println!`,
/// a closed pipe or a full disk comes back as an error instead of a panic,
/// and the flush makes it come back here rather than be lost at exit.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(Error::WriteStdout)
}
