//! The command line: browse a lookbook, check one, or draw it headless.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use ratatui::crossterm::event::KeyEvent;

use crate::app::keymap::parse_keys;
use crate::render::{Format, Size};

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
    /// Draw the screen without a terminal, after typing some keys, as text,
    /// ANSI text, SVG or PNG.
    Render {
        /// A lookbook TOML file (default: the bundled edit).
        path: Option<PathBuf>,
        /// Terminal size in cells, WIDTHxHEIGHT, from 1x1 to 400x200.
        #[arg(long, default_value = "120x40")]
        size: Size,
        /// Keys to type first, named as the help shows them and separated
        /// by spaces: "j j Tab Enter", "S-Tab", "C-c", "PgDn". A quoted word
        /// types its characters: "'mini bag'".
        #[arg(long, default_value = "", value_parser = key_sequence)]
        keys: KeySequence,
        /// Output format (default: from the --out extension, else text).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Regenerate the curated screenshots (SVG and PNG of each scene).
    Screenshots {
        /// Where to write them.
        #[arg(long, value_name = "DIR", default_value = "screenshots")]
        out: PathBuf,
    },
}

/// Keys typed by `--keys`, already read.
#[derive(Debug, Clone, Default)]
pub struct KeySequence(pub Vec<KeyEvent>);

fn key_sequence(text: &str) -> Result<KeySequence, String> {
    parse_keys(text).map(KeySequence).map_err(|error| {
        format!(
            "{error}\n  keys are named as the help shows them (j ↓ Tab S-Tab Enter Esc C-c PgDn Home ?), \
             separated by spaces; a quoted word types its characters"
        )
    })
}
