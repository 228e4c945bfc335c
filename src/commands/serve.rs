//! `lookbook serve [PATH]...`: the edits over SSH, to anyone who connects
//! (or to the keys allowed), within the limits a public demo needs.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::Error;
use crate::library;
use crate::photos::{self, Images};
use crate::ssh::{self, Limits, Settings, Startups};

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

    /// Memory for photos made ready to draw, shared by every session and
    /// edit: 64MiB, 512KiB, 1GiB (units of 1024). Past it the least
    /// recently drawn go; a session still holds those it shows.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub photo_cache: usize,

    /// Show visitors what is wrong with a save that failed (the error
    /// banner and `e`). Off by default: a live demo keeps the last good
    /// edit on every screen, silently; the log says what is wrong.
    #[arg(long)]
    pub show_errors: bool,
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
        settings.show_errors = self.show_errors;
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

/// A size flag that is not one; clap prints it after the flag's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    #[error("`{0}` is not a size like 64MiB, 512KiB or 1GiB")]
    Shape(String),
    #[error("`{0}`: at most 64GiB, please")]
    TooBig(String),
}

/// `1048576`, `512KiB`, `64MiB`, `1GiB` (`K`, `KB`, `M`, ... too: all
/// units of 1024); at most 64 GiB.
pub fn parse_size(text: &str) -> Result<usize, SizeError> {
    const MOST: u64 = 64 << 30;
    let text = text.trim();
    let shape = || SizeError::Shape(text.to_string());
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let n: u64 = number.parse().map_err(|_| shape())?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(shape()),
    };
    let bytes = n
        .checked_mul(1 << shift)
        .filter(|&bytes| bytes <= MOST)
        .ok_or_else(|| SizeError::TooBig(text.to_string()))?;
    usize::try_from(bytes).map_err(|_| SizeError::TooBig(text.to_string()))
}

pub fn run(args: &ServeArgs) -> Result<ExitCode, Error> {
    photos::Photos::shared().set_bound(args.photo_cache);
    let opened = library::open(&args.paths)?;
    let settings = args.settings().ok_or_else(|| {
        Error::Failed(
            "no data dir for the host key ($HOME is not set); pass --host-key FILE".into(),
        )
    })?;
    ssh::run(settings, opened, !args.no_watch)?;
    Ok(ExitCode::SUCCESS)
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

    #[test]
    fn sizes_parse_in_units_of_1024() {
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size(" 1 GB "), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("0"), Ok(0));
        assert_eq!(parse_size("64GiB"), Ok(64 << 30));
        assert_eq!(
            parse_size("65GiB").map_err(|e| e.to_string()),
            Err("`65GiB`: at most 64GiB, please".into())
        );
        assert_eq!(
            parse_size("lots").map_err(|e| e.to_string()),
            Err("`lots` is not a size like 64MiB, 512KiB or 1GiB".into())
        );
        assert!(parse_size("5TiB").is_err());
        assert!(parse_size("-1M").is_err());
        assert!(parse_size("99999999999999999999").is_err());
    }
}
