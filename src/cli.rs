//! The command line: browse a lookbook, or check one.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Browse a lookbook of mini bags in the terminal.
///
/// With no PATH, browses the bundled edit ("The mini bag edit").
#[derive(Debug, Parser)]
#[command(name = "lookbook", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A lookbook TOML file to browse.
    pub path: Option<PathBuf>,

    /// Click to select and focus, wheel to scroll. Off by default so the
    /// terminal's own text selection keeps working.
    #[arg(long)]
    pub mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a lookbook file: print a summary, or every error (exit 1).
    Check {
        /// The lookbook TOML file to check.
        path: PathBuf,
    },
}
