//! The command line: browse a lookbook, check one, draw it headless, or
//! serve it over SSH. Also what every command shares at this edge: the
//! lookbook it runs on ([`load`]), how it writes to stdout
//! ([`write_stdout`]), and how it fails ([`Error`]).

mod error;

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use ratatui::crossterm::event::KeyEvent;

use crate::app::keymap::{KeyError, parse_keys};
use crate::lookbook::{self as book, LoadError, Lookbook};
use crate::photos::Images;
use crate::render::{Format, Size};
use crate::ssh::Settings;
use crate::ssh::{Limits, Startups};

pub use error::Error;

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

    /// Lookbook TOML files, or folders of them, to browse; saving one
    /// shows the new version.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Click to select and focus, wheel to scroll. Off by default so the
    /// terminal's own text selection keeps working.
    #[arg(long)]
    pub mouse: bool,

    /// Don't watch the files for saves (live reload is on by default).
    #[arg(long)]
    pub no_watch: bool,

    /// How photos show: with the terminal's graphics (kitty, sixel or
    /// iTerm2, when TERM or TERM_PROGRAM names one and the terminal gives
    /// its size in pixels), in half blocks, or not at all (the drawings).
    #[arg(long, value_enum, default_value_t = Images::Auto)]
    pub images: Images,
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
        /// types its characters: "'black satin'".
        #[arg(long, default_value = "", value_parser = key_sequence)]
        keys: KeySequence,
        /// Output format (default: from the --out extension, else text).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// A font file for PNG, tried after the bundled DejaVu Sans Mono and
        /// before the system's fonts (repeatable).
        #[arg(long = "font", value_name = "FILE")]
        fonts: Vec<PathBuf>,
    },
    /// Pictures of an edit (SVG and PNG of each scene): its first screen,
    /// each look, the item with the most to say, help, about, and the medium
    /// and narrow layouts, named from its ids. Without PATH, regenerates
    /// the bundled edit's curated set.
    Screenshots {
        /// A lookbook TOML file (default: the bundled edit).
        path: Option<PathBuf>,
        /// Where to write them [default: screenshots for the bundled edit,
        /// STEM-screenshots for PATH].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// A font file for the PNGs, tried after the bundled DejaVu Sans
        /// Mono and before the system's fonts (repeatable).
        #[arg(long = "font", value_name = "FILE")]
        fonts: Vec<PathBuf>,
    },
    /// Serve the lookbook over SSH: `ssh -p 2222 HOST` browses it.
    Serve(ServeArgs),
    /// Write a starter lookbook to PATH: every table and field once, each
    /// with a comment, the optional ones commented out. Never overwrites.
    New {
        /// The file to write (its folder must exist).
        path: PathBuf,
    },
    /// Print the JSON Schema of the lookbook format, for editors'
    /// completion and inline errors (see docs/lookbook-format.md,
    /// "Starting one, with completion in your editor").
    Schema,
}

/// Keys typed by `--keys`, already read.
#[derive(Debug, Clone, Default)]
pub struct KeySequence(pub Vec<KeyEvent>);

/// A `--keys` that does not read, and how keys are named; clap prints it
/// after the flag's name.
#[derive(Debug, thiserror::Error)]
#[error(
    "{0}\n  keys are named as the help shows them (j ↓ Tab S-Tab Enter Esc C-c PgDn Home ?), \
     separated by spaces; a quoted word types its characters"
)]
pub struct KeysError(#[source] pub KeyError);

fn key_sequence(text: &str) -> Result<KeySequence, KeysError> {
    parse_keys(text).map(KeySequence).map_err(KeysError)
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Lookbook TOML files, or folders of them, to serve (default: the
    /// bundled edit). `ssh NAME@HOST` opens the edit in NAME.toml; any
    /// other name gets a picker. Saving a file shows the new version to
    /// every session on it.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Don't watch the files for saves (live reload is on by default).
    #[arg(long)]
    pub no_watch: bool,

    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,

    /// The ed25519 host key; created (mode 0600) if missing.
    /// [default: DATA_DIR/lookbook/ssh_host_ed25519_key]
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,

    /// Only let in these public keys (OpenSSH authorized_keys format).
    /// Without it, anyone may log in: a public demo.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,

    /// Sessions at once, in all (a session starts with its shell).
    #[arg(long, default_value_t = 64)]
    pub max_sessions: usize,

    /// Connections still logging in, as OpenSSH's MaxStartups: past START,
    /// a new one replaces the oldest that has said nothing, or is dropped
    /// with probability RATE%, rising to 100% at FULL.
    /// [default: 2x:30:4x --max-sessions]
    #[arg(long, value_name = "START:RATE:FULL")]
    pub max_startups: Option<Startups>,

    /// Connections at once from one address, logging in or browsing.
    #[arg(long, default_value_t = 8)]
    pub max_per_ip: usize,

    /// New connections a minute from one address.
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub max_new_per_minute: u32,

    /// Time to log in (auth, PTY, shell): 10s, 1m, ...
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub login_deadline: Duration,

    /// Close a session after this long without a key press: 10m, 30s, 1h.
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    pub idle_timeout: Duration,

    /// Close a session after this long, whatever happens: 1h, 90m.
    #[arg(long, default_value = "1h", value_parser = parse_duration)]
    pub max_session: Duration,

    /// Behind a load balancer (HAProxy's send-proxy or send-proxy-v2):
    /// every connection starts with a PROXY protocol header (v1 or v2)
    /// giving the visitor's address, which the per-address limits and the
    /// log use. A connection without one is dropped.
    #[arg(long)]
    pub proxy_protocol: bool,

    /// Serve Prometheus metrics at http://ADDR/metrics: sessions,
    /// connections by outcome, refusals by reason, bytes out, frame times,
    /// reloads.
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<SocketAddr>,

    /// How visitors see photos: auto (graphics when their TERM or
    /// TERM_PROGRAM names a protocol and their PTY request gives pixels,
    /// else half blocks), halfblocks, or off (the drawings).
    #[arg(long, value_enum, default_value_t = Images::Auto)]
    pub images: Images,
}

impl ServeArgs {
    /// The server settings; `None` when no host key path was given and no
    /// data dir is known.
    pub fn settings(&self) -> Option<Settings> {
        let host_key = self
            .host_key
            .clone()
            .or_else(crate::ssh::default_host_key_path)?;
        let mut settings = Settings::new(self.listen, host_key);
        settings.authorized_keys = self.authorized_keys.clone();
        settings.limits = Limits {
            max_sessions: self.max_sessions,
            max_per_ip: self.max_per_ip,
            per_ip_per_minute: self.max_new_per_minute,
            startups: self
                .max_startups
                .unwrap_or_else(|| Startups::for_sessions(self.max_sessions)),
        };
        settings.login_deadline = self.login_deadline;
        settings.idle_timeout = self.idle_timeout;
        settings.max_session = self.max_session;
        settings.proxy_protocol = self.proxy_protocol;
        settings.metrics = self.metrics;
        settings.images = self.images;
        Some(settings)
    }
}

/// A duration flag that is not one; clap prints it after the flag's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Not a number and a unit; holds the text as typed (trimmed).
    #[error("`{0}` is not a duration like 30s, 10m or 1h")]
    Shape(String),
    #[error("`{0}`: between 1s and a week, please")]
    OutOfRange(String),
}

/// `90` or `90s`, `10m`, `1h`; at least a second, at most a week.
pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    let text = text.trim();
    let shape = || DurationError::Shape(text.to_string());
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "s"),
    };
    let n: u64 = number.parse().map_err(|_| shape())?;
    let secs = match unit {
        "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        _ => None,
    }
    .ok_or_else(shape)?;
    if !(1..=7 * 24 * 3600).contains(&secs) {
        return Err(DurationError::OutOfRange(text.to_string()));
    }
    Ok(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(
            parse_duration("0s"),
            Err(DurationError::OutOfRange("0s".into()))
        );
        assert_eq!(
            parse_duration(" 8d ").map_err(|e| e.to_string()),
            Err("`8d` is not a duration like 30s, 10m or 1h".into())
        );
        assert_eq!(
            parse_duration("8000h").map_err(|e| e.to_string()),
            Err("`8000h`: between 1s and a week, please".into())
        );
        assert!(parse_duration("ten").is_err());
        assert!(parse_duration("5d").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
    }
}
