//! Who may connect. A connection first logs in (key exchange, auth, a PTY
//! and a shell), then becomes a session. Sessions are bounded in all;
//! connections still logging in are bounded separately and more loosely
//! (OpenSSH's `MaxStartups`), so sockets that connect and say nothing can
//! never hold the places of people browsing. Per address, connections at
//! once and new connections a minute are bounded too. A slot is a guard:
//! dropping it (however the connection ended) frees it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use super::counting::Counts;

/// The numbers, from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sessions (a PTY and a shell) at once.
    pub max_sessions: usize,
    /// Connections at once from one address, logging in or browsing.
    pub max_per_ip: usize,
    /// New connections a minute from one address (a burst of this many, then
    /// refilled evenly over the minute).
    pub per_ip_per_minute: u32,
    /// Connections still logging in.
    pub startups: Startups,
}

impl Default for Limits {
    fn default() -> Limits {
        let max_sessions = 64;
        Limits {
            max_sessions,
            max_per_ip: 8,
            per_ip_per_minute: 30,
            startups: Startups::for_sessions(max_sessions),
        }
    }
}

/// OpenSSH's `MaxStartups start:rate:full`: up to `start` connections may
/// be logging in at once; past that, a new one first takes the place of the
/// oldest that has not said a byte (an idle socket), and when every one has
/// spoken, it is dropped with probability `rate`%, rising linearly to 100%
/// at `full`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Startups {
    pub start: usize,
    pub rate: u8,
    pub full: usize,
}

impl Startups {
    /// The default: twice the sessions logging in freely, up to four times
    /// with random drops (at least OpenSSH's 10:30:100 for small servers).
    pub fn for_sessions(max_sessions: usize) -> Startups {
        Startups {
            start: (2 * max_sessions).max(10),
            rate: 30,
            full: (4 * max_sessions).max(100),
        }
    }

    /// The chance (0 to 1) that a new connection is dropped while `logging_in`
    /// others are, none of them idle.
    fn drop_chance(self, logging_in: usize) -> f64 {
        if logging_in < self.start {
            return 0.0;
        }
        if logging_in >= self.full {
            return 1.0;
        }
        let rate = f64::from(self.rate.min(100)) / 100.0;
        let over = (logging_in - self.start) as f64 / (self.full - self.start) as f64;
        rate + (1.0 - rate) * over
    }
}

/// A `--max-startups` that is not one; holds the text as typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StartupsError {
    #[error("`{0}` is not START:RATE:FULL, e.g. 128:30:256")]
    Shape(String),
    #[error("`{0}`: START at least 1, RATE a percentage, FULL above START")]
    OutOfRange(String),
}

impl std::str::FromStr for Startups {
    type Err = StartupsError;

    fn from_str(text: &str) -> Result<Startups, StartupsError> {
        let wrong = || StartupsError::Shape(text.to_string());
        let numbers: Vec<&str> = text.trim().split(':').collect();
        let [start, rate, full] = numbers[..] else {
            return Err(wrong());
        };
        let start: usize = start.parse().map_err(|_| wrong())?;
        let rate: u8 = rate.parse().map_err(|_| wrong())?;
        let full: usize = full.parse().map_err(|_| wrong())?;
        if start == 0 || rate > 100 || full <= start {
            return Err(StartupsError::OutOfRange(text.to_string()));
        }
        Ok(Startups { start, rate, full })
    }
}

impl fmt::Display for Startups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.start, self.rate, self.full)
    }
}

/// Why a connection is turned away; the text is what the client reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Full,
    TooManyFromAddress,
    TooFast,
    /// Too many connections logging in at once (random early drop).
    Busy,
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
            Refusal::Busy => {
                "Too many people are connecting right now; please try again in a moment."
            }
        }
    }

    /// The reason as a metric's label.
    pub fn label(self) -> &'static str {
        match self {
            Refusal::Full => "max-sessions",
            Refusal::TooManyFromAddress => "max-per-ip",
            Refusal::TooFast => "per-ip-rate",
            Refusal::Busy => "max-startups",
        }
    }

    /// The reason as the log says it.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Full => "max-sessions reached",
            Refusal::TooManyFromAddress => "max-per-ip reached",
            Refusal::TooFast => "per-ip rate limit",
            Refusal::Busy => "max-startups reached",
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
    /// Connections logging in, oldest first (ids grow).
    starting: BTreeMap<u64, Starting>,
    /// Those of `starting` not evicted (an evicted one stays listed until
    /// its task drops its slot).
    logging_in: usize,
    next_id: u64,
    per_ip: HashMap<IpAddr, usize>,
    refusing: usize,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug)]
struct Starting {
    /// Its socket: whether the client has said anything, and how to cut it.
    socket: Arc<Counts>,
    evicted: bool,
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

/// A held place: a connection logging in or browsing, or a polite refusal
/// in progress.
#[derive(Debug)]
pub struct Slot {
    state: Arc<Mutex<State>>,
    ip: IpAddr,
    ticket: Ticket,
    refusal: bool,
}

/// Names a connection to the tracker, to make it a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

impl Tracker {
    pub fn new(limits: Limits) -> Tracker {
        Tracker {
            limits,
            state: Arc::default(),
        }
    }

    /// Decides about a connection from `ip` arriving `now` on `socket`.
    /// `roll`, uniform in [0, 1), decides a random early drop.
    pub fn admit(&self, ip: IpAddr, now: Instant, socket: &Arc<Counts>, roll: f64) -> Admission {
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
            None => {}
            Some(refusal) if state.refusing < MAX_REFUSING => {
                state.refusing += 1;
                let ticket = state.ticket();
                return Admission::Refuse(refusal, self.slot(ip, ticket, true));
            }
            Some(refusal) => return Admission::Cut(refusal),
        }
        let startups = self.limits.startups;
        if state.logging_in >= startups.start
            && !state.evict_idle()
            && roll < startups.drop_chance(state.logging_in)
        {
            return Admission::Cut(Refusal::Busy);
        }
        let ticket = state.ticket();
        state.starting.insert(
            ticket.0,
            Starting {
                socket: Arc::clone(socket),
                evicted: false,
            },
        );
        state.logging_in += 1;
        *state.per_ip.entry(ip).or_insert(0) += 1;
        Admission::Serve(self.slot(ip, ticket, false))
    }

    /// The connection has a PTY and asks for its shell: it becomes one of
    /// the sessions, if there is room.
    pub fn promote(&self, ticket: Ticket) -> Result<(), Refusal> {
        let mut state = lock(&self.state);
        if state.sessions >= self.limits.max_sessions {
            return Err(Refusal::Full);
        }
        match state.starting.get(&ticket.0) {
            Some(starting) if !starting.evicted => {}
            _ => return Err(Refusal::Busy),
        }
        state.starting.remove(&ticket.0);
        state.logging_in -= 1;
        state.sessions += 1;
        Ok(())
    }

    /// Sessions being served now.
    pub fn sessions(&self) -> usize {
        lock(&self.state).sessions
    }

    /// Connections logging in now.
    pub fn logging_in(&self) -> usize {
        lock(&self.state).logging_in
    }

    fn slot(&self, ip: IpAddr, ticket: Ticket, refusal: bool) -> Slot {
        Slot {
            state: Arc::clone(&self.state),
            ip,
            ticket,
            refusal,
        }
    }
}

impl State {
    fn ticket(&mut self) -> Ticket {
        self.next_id += 1;
        Ticket(self.next_id)
    }

    /// Cuts the oldest connection logging in that has not said a byte;
    /// whether there was one. A real client speaks first (its version
    /// line) as soon as it connects, so this takes the place of a socket
    /// held open for nothing, never of someone logging in.
    fn evict_idle(&mut self) -> bool {
        let idle = self
            .starting
            .values_mut()
            .find(|s| !s.evicted && s.socket.get().0 == 0);
        let Some(idle) = idle else {
            return false;
        };
        idle.evicted = true;
        idle.socket.cut();
        self.logging_in -= 1;
        true
    }

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

impl Slot {
    /// What names this connection to [`Tracker::promote`].
    pub fn ticket(&self) -> Ticket {
        self.ticket
    }

    /// Whether it was cut to make room (it had said nothing while the
    /// server was busy).
    pub fn evicted(&self) -> bool {
        lock(&self.state)
            .starting
            .get(&self.ticket.0)
            .is_some_and(|s| s.evicted)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut state = lock(&self.state);
        if self.refusal {
            state.refusing = state.refusing.saturating_sub(1);
            return;
        }
        match state.starting.remove(&self.ticket.0) {
            Some(starting) if !starting.evicted => {
                state.logging_in = state.logging_in.saturating_sub(1);
            }
            Some(_) => {}
            None => state.sessions = state.sessions.saturating_sub(1),
        }
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
            startups: Startups::for_sessions(max_sessions),
        })
    }

    /// A socket that has said `bytes` bytes.
    fn socket(bytes: usize) -> Arc<Counts> {
        let counts = Arc::new(Counts::default());
        counts.heard(bytes);
        counts
    }

    fn admit(tracker: &Tracker, ip: IpAddr, now: Instant) -> Admission {
        tracker.admit(ip, now, &socket(40), 0.99)
    }

    /// Admitted and made a session.
    fn session(tracker: &Tracker, ip: IpAddr, now: Instant) -> Slot {
        let Admission::Serve(slot) = admit(tracker, ip, now) else {
            panic!("admitted");
        };
        tracker.promote(slot.ticket()).expect("room for a session");
        slot
    }

    #[test]
    fn sessions_are_counted_from_the_shell_and_freed_on_drop() {
        let tracker = limits(2, 8, 100);
        let now = Instant::now();
        let one = admit(&tracker, A, now);
        let Admission::Serve(one) = one else {
            panic!("admitted")
        };
        assert_eq!((tracker.sessions(), tracker.logging_in()), (0, 1));
        tracker.promote(one.ticket()).expect("room");
        assert_eq!((tracker.sessions(), tracker.logging_in()), (1, 0));
        let _two = session(&tracker, B, now);
        assert!(matches!(
            admit(&tracker, A, now),
            Admission::Refuse(Refusal::Full, _)
        ));
        drop(one);
        assert_eq!(tracker.sessions(), 1);
        assert!(matches!(admit(&tracker, A, now), Admission::Serve(_)));
    }

    #[test]
    fn logging_in_holds_no_session_place() {
        let tracker = limits(2, 100, 1000);
        let now = Instant::now();
        let waiting: Vec<_> = (0..10).map(|_| admit(&tracker, A, now)).collect();
        assert!(waiting.iter().all(|a| matches!(a, Admission::Serve(_))));
        let _one = session(&tracker, B, now);
        let _two = session(&tracker, B, now);
        let Admission::Refuse(Refusal::Full, _) = admit(&tracker, B, now) else {
            panic!("full once two are browsing");
        };
        // One still logging in asks for its shell: no room left.
        let Admission::Serve(late) = &waiting[0] else {
            unreachable!()
        };
        assert_eq!(tracker.promote(late.ticket()), Err(Refusal::Full));
    }

    #[test]
    fn one_address_gets_at_most_its_share() {
        let tracker = limits(64, 2, 100);
        let now = Instant::now();
        let _held: Vec<_> = (0..2).map(|_| admit(&tracker, A, now)).collect();
        assert!(matches!(
            admit(&tracker, A, now),
            Admission::Refuse(Refusal::TooManyFromAddress, _)
        ));
        assert!(matches!(admit(&tracker, B, now), Admission::Serve(_)));
    }

    #[test]
    fn the_rate_limit_refills_over_the_minute() {
        let tracker = limits(64, 64, 2);
        let now = Instant::now();
        assert!(matches!(admit(&tracker, A, now), Admission::Serve(_)));
        assert!(matches!(admit(&tracker, A, now), Admission::Serve(_)));
        assert!(matches!(
            admit(&tracker, A, now),
            Admission::Cut(Refusal::TooFast)
        ));
        assert!(matches!(admit(&tracker, B, now), Admission::Serve(_)));
        let later = now + Duration::from_secs(30);
        assert!(matches!(admit(&tracker, A, later), Admission::Serve(_)));
    }

    #[test]
    fn polite_refusals_are_bounded_too() {
        let tracker = limits(0, 8, 1000);
        let now = Instant::now();
        let held: Vec<_> = (0..MAX_REFUSING).map(|_| admit(&tracker, A, now)).collect();
        assert!(held.iter().all(|a| matches!(a, Admission::Refuse(..))));
        assert!(matches!(
            admit(&tracker, A, now),
            Admission::Cut(Refusal::Full)
        ));
    }

    fn startups(start: usize, rate: u8, full: usize) -> Tracker {
        Tracker::new(Limits {
            max_sessions: 1000,
            max_per_ip: 1000,
            per_ip_per_minute: 100_000,
            startups: Startups { start, rate, full },
        })
    }

    #[test]
    fn a_new_connection_takes_the_place_of_the_oldest_idle_one() {
        let tracker = startups(3, 30, 6);
        let now = Instant::now();
        let idle: Vec<_> = (0..3).map(|_| socket(0)).collect();
        let held: Vec<_> = idle.iter().map(|s| tracker.admit(A, now, s, 0.0)).collect();
        assert!(held.iter().all(|a| matches!(a, Admission::Serve(_))));
        // Even a roll that would drop it: an idle socket gives way instead.
        let newcomer = tracker.admit(B, now, &socket(40), 0.0);
        assert!(matches!(newcomer, Admission::Serve(_)));
        assert_eq!(tracker.logging_in(), 3);
        let cut: Vec<bool> = idle.iter().map(|s| s.is_cut_now()).collect();
        assert_eq!(cut, [true, false, false], "the oldest idle socket is cut");
        let Admission::Serve(first) = &held[0] else {
            unreachable!()
        };
        assert!(first.evicted());
        assert_eq!(tracker.promote(first.ticket()), Err(Refusal::Busy));
        drop(held);
        assert_eq!(
            tracker.logging_in(),
            1,
            "an evicted slot is not counted twice"
        );
    }

    #[test]
    fn past_start_with_none_idle_new_connections_drop_at_random() {
        let tracker = startups(2, 30, 4);
        let now = Instant::now();
        let _talking: Vec<_> = (0..2).map(|_| admit(&tracker, A, now)).collect();
        // At start (2 of 2): a 30% chance.
        assert!(matches!(
            tracker.admit(B, now, &socket(40), 0.29),
            Admission::Cut(Refusal::Busy)
        ));
        let Admission::Serve(_third) = tracker.admit(B, now, &socket(40), 0.31) else {
            panic!("a roll over the chance gets in");
        };
        // Halfway to full (3 of 4): 30% + 70% / 2 = 65%.
        assert!(matches!(
            tracker.admit(B, now, &socket(40), 0.64),
            Admission::Cut(Refusal::Busy)
        ));
        let Admission::Serve(_fourth) = tracker.admit(B, now, &socket(40), 0.66) else {
            panic!("a roll over the chance gets in");
        };
        // Full: every one is dropped.
        assert!(matches!(
            tracker.admit(B, now, &socket(40), 0.999),
            Admission::Cut(Refusal::Busy)
        ));
    }

    #[test]
    fn startups_read_as_openssh_writes_them() {
        assert_eq!(
            "10:30:100".parse(),
            Ok(Startups {
                start: 10,
                rate: 30,
                full: 100
            })
        );
        for wrong in ["10:30", "10:300:100", "0:30:100", "10:30:10", "a:b:c", ""] {
            assert!(wrong.parse::<Startups>().is_err(), "{wrong}");
        }
        let says = |text: &str| text.parse::<Startups>().expect_err(text).to_string();
        assert_eq!(
            says("10:30"),
            "`10:30` is not START:RATE:FULL, e.g. 128:30:256"
        );
        assert_eq!(
            says("10:30:10"),
            "`10:30:10`: START at least 1, RATE a percentage, FULL above START"
        );
        assert_eq!(Startups::for_sessions(64).to_string(), "128:30:256");
        assert_eq!(Startups::for_sessions(2).to_string(), "10:30:100");
    }
}
