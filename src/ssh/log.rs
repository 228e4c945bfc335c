//! The server's log: one line per event on stderr, with a UTC timestamp.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Writes one line. A closed stderr (a log pipe gone) must not bring the
/// server down, so a failed write is ignored, unlike `eprintln!`.
pub fn line(args: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr(), "{} {args}", timestamp(SystemTime::now()));
}

/// `2025-11-26T14:47:05Z`.
fn timestamp(now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a date (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamps_are_utc_dates() {
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let leap_day = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
        assert_eq!(timestamp(leap_day), "2024-02-29T12:34:56Z");
    }
}

/// Refusals, one log line per address and reason per window: a flood of
/// refused connects from one address (24,000 in 10 s) would otherwise write
/// a line each, and the log would cost more than refusing. The first in a
/// window is logged at once, the rest are counted and summed up in one line
/// when the window closes.
#[derive(Debug, Default)]
pub struct Refusals {
    windows: Mutex<HashMap<(IpAddr, String), Window>>,
}

#[derive(Debug)]
struct Window {
    opened: Instant,
    more: u64,
}

/// How long one line speaks for.
pub const REFUSAL_WINDOW: Duration = Duration::from_secs(10);

impl Refusals {
    /// Notes a refusal; the line to log now, if it is the first of its
    /// window.
    pub fn refused(&self, peer: SocketAddr, reason: &str, now: Instant) -> Option<String> {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let key = (peer.ip(), reason.to_string());
        match windows.get_mut(&key) {
            Some(window) if now.duration_since(window.opened) < REFUSAL_WINDOW => {
                window.more += 1;
                None
            }
            _ => {
                windows.insert(
                    key,
                    Window {
                        opened: now,
                        more: 0,
                    },
                );
                Some(format!("refused {peer}: {reason}"))
            }
        }
    }

    /// The summaries of the windows that have closed by `now`, which are
    /// forgotten.
    pub fn closed(&self, now: Instant) -> Vec<String> {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let mut lines = Vec::new();
        windows.retain(|(ip, reason), window| {
            let open = now.duration_since(window.opened) < REFUSAL_WINDOW;
            if !open && window.more > 0 {
                lines.push(format!(
                    "refused {} more connection{} from {ip} in {} s: {reason}",
                    window.more,
                    if window.more == 1 { "" } else { "s" },
                    REFUSAL_WINDOW.as_secs()
                ));
            }
            open
        });
        lines.sort();
        lines
    }
}

#[cfg(test)]
mod refusal_tests {
    use super::*;

    #[test]
    fn a_flood_from_one_address_is_one_line_then_one_summary() {
        let refusals = Refusals::default();
        let start = Instant::now();
        let peer = |port| SocketAddr::from(([127, 0, 0, 5], port));
        let logged: Vec<String> = (0..24_000_u16)
            .filter_map(|i| refusals.refused(peer(i % 60_000), "rate limit", start))
            .collect();
        assert_eq!(logged, ["refused 127.0.0.5:0: rate limit"]);
        assert!(
            refusals.closed(start + Duration::from_secs(9)).is_empty(),
            "still open"
        );
        assert_eq!(
            refusals.closed(start + REFUSAL_WINDOW),
            ["refused 23999 more connections from 127.0.0.5 in 10 s: rate limit"]
        );
        assert!(
            refusals.closed(start + REFUSAL_WINDOW).is_empty(),
            "said once"
        );
        let later = start + REFUSAL_WINDOW;
        assert!(
            refusals.refused(peer(1), "rate limit", later).is_some(),
            "a new window"
        );
        let other = SocketAddr::from(([127, 0, 0, 6], 1));
        assert!(
            refusals.refused(other, "rate limit", later).is_some(),
            "each address its own"
        );
    }
}
