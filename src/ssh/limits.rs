//! Who may connect: at most so many sessions in all and per address, and
//! at most so many new connections a minute from one address. A slot is a
//! guard: dropping it (however the connection ended) frees it.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

/// The numbers, from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_sessions: usize,
    pub max_per_ip: usize,
    /// New connections a minute from one address (a burst of this many, then
    /// refilled evenly over the minute).
    pub per_ip_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sessions: 64,
            max_per_ip: 8,
            per_ip_per_minute: 30,
        }
    }
}

/// Why a connection is turned away; the text is what the client reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Full,
    TooManyFromAddress,
    TooFast,
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Full => "The lookbook is full right now; please try again in a few minutes.",
            Refusal::TooManyFromAddress => {
                "You already have the lookbook open several times from this address; please close one first."
            }
            Refusal::TooFast => {
                "Too many new connections from your address; please wait a minute and try again."
            }
        }
    }

    /// The reason as the log says it.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Full => "max-sessions reached",
            Refusal::TooManyFromAddress => "max-per-ip reached",
            Refusal::TooFast => "per-ip rate limit",
        }
    }
}

/// Connections being turned away politely (through a full handshake) at
/// once; past this, they are cut with a line of text before the handshake,
/// so a flood can't make the server do key exchanges for nothing.
const MAX_REFUSING: usize = 16;

/// Buckets kept before full (idle) ones are forgotten.
const MAX_BUCKETS: usize = 4096;

#[derive(Debug, Clone)]
pub struct Tracker {
    limits: Limits,
    state: Arc<Mutex<State>>,
}

#[derive(Debug, Default)]
struct State {
    sessions: usize,
    per_ip: HashMap<IpAddr, usize>,
    refusing: usize,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// What to do with a new connection.
#[derive(Debug)]
pub enum Admission {
    /// Serve it; the slot is freed when dropped.
    Serve(Slot),
    /// Turn it away with its message inside the SSH session.
    Refuse(Refusal, Slot),
    /// Turn it away at once, before the handshake.
    Cut(Refusal),
}

/// A held place: a session, or a polite refusal in progress.
#[derive(Debug)]
pub struct Slot {
    state: Arc<Mutex<State>>,
    ip: IpAddr,
    refusal: bool,
}

impl Tracker {
    pub fn new(limits: Limits) -> Tracker {
        Tracker {
            limits,
            state: Arc::default(),
        }
    }

    /// Decides about a connection from `ip` arriving `now`.
    pub fn admit(&self, ip: IpAddr, now: Instant) -> Admission {
        let mut state = lock(&self.state);
        if !state.take_token(ip, now, self.limits.per_ip_per_minute) {
            return Admission::Cut(Refusal::TooFast);
        }
        let refusal = if state.sessions >= self.limits.max_sessions {
            Some(Refusal::Full)
        } else if state.per_ip.get(&ip).copied().unwrap_or(0) >= self.limits.max_per_ip {
            Some(Refusal::TooManyFromAddress)
        } else {
            None
        };
        match refusal {
            None => {
                state.sessions += 1;
                *state.per_ip.entry(ip).or_insert(0) += 1;
                Admission::Serve(self.slot(ip, false))
            }
            Some(refusal) if state.refusing < MAX_REFUSING => {
                state.refusing += 1;
                Admission::Refuse(refusal, self.slot(ip, true))
            }
            Some(refusal) => Admission::Cut(refusal),
        }
    }

    /// Sessions being served now.
    pub fn sessions(&self) -> usize {
        lock(&self.state).sessions
    }

    fn slot(&self, ip: IpAddr, refusal: bool) -> Slot {
        Slot {
            state: Arc::clone(&self.state),
            ip,
            refusal,
        }
    }
}

impl State {
    fn take_token(&mut self, ip: IpAddr, now: Instant, per_minute: u32) -> bool {
        let capacity = f64::from(per_minute.max(1));
        if self.buckets.len() >= MAX_BUCKETS && !self.buckets.contains_key(&ip) {
            self.buckets
                .retain(|_, b| refill(*b, now, capacity).tokens < capacity);
        }
        let bucket = self.buckets.entry(ip).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        *bucket = refill(*bucket, now, capacity);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

fn refill(bucket: Bucket, now: Instant, capacity: f64) -> Bucket {
    let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
    Bucket {
        tokens: (bucket.tokens + elapsed * capacity / 60.0).min(capacity),
        at: now,
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut state = lock(&self.state);
        if self.refusal {
            state.refusing = state.refusing.saturating_sub(1);
            return;
        }
        state.sessions = state.sessions.saturating_sub(1);
        if let Some(count) = state.per_ip.get_mut(&self.ip) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                state.per_ip.remove(&self.ip);
            }
        }
    }
}

/// The counters stay consistent even if a holder panicked, so a poisoned
/// lock is still used.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2));

    fn limits(max_sessions: usize, max_per_ip: usize, per_minute: u32) -> Tracker {
        Tracker::new(Limits {
            max_sessions,
            max_per_ip,
            per_ip_per_minute: per_minute,
        })
    }

    #[test]
    fn slots_are_counted_and_freed_on_drop() {
        let tracker = limits(2, 8, 100);
        let now = Instant::now();
        let one = tracker.admit(A, now);
        let two = tracker.admit(B, now);
        assert!(matches!(one, Admission::Serve(_)));
        assert!(matches!(two, Admission::Serve(_)));
        assert!(matches!(
            tracker.admit(A, now),
            Admission::Refuse(Refusal::Full, _)
        ));
        drop(one);
        assert_eq!(tracker.sessions(), 1);
        assert!(matches!(tracker.admit(A, now), Admission::Serve(_)));
    }

    #[test]
    fn one_address_gets_at_most_its_share() {
        let tracker = limits(64, 2, 100);
        let now = Instant::now();
        let _held: Vec<_> = (0..2).map(|_| tracker.admit(A, now)).collect();
        assert!(matches!(
            tracker.admit(A, now),
            Admission::Refuse(Refusal::TooManyFromAddress, _)
        ));
        assert!(matches!(tracker.admit(B, now), Admission::Serve(_)));
    }

    #[test]
    fn the_rate_limit_refills_over_the_minute() {
        let tracker = limits(64, 64, 2);
        let now = Instant::now();
        assert!(matches!(tracker.admit(A, now), Admission::Serve(_)));
        assert!(matches!(tracker.admit(A, now), Admission::Serve(_)));
        assert!(matches!(
            tracker.admit(A, now),
            Admission::Cut(Refusal::TooFast)
        ));
        assert!(matches!(tracker.admit(B, now), Admission::Serve(_)));
        let later = now + Duration::from_secs(30);
        assert!(matches!(tracker.admit(A, later), Admission::Serve(_)));
    }

    #[test]
    fn polite_refusals_are_bounded_too() {
        let tracker = limits(0, 8, 1000);
        let now = Instant::now();
        let held: Vec<_> = (0..MAX_REFUSING).map(|_| tracker.admit(A, now)).collect();
        assert!(held.iter().all(|a| matches!(a, Admission::Refuse(..))));
        assert!(matches!(
            tracker.admit(A, now),
            Admission::Cut(Refusal::Full)
        ));
    }
}
