//! The listener and the life of each connection: admission (limits), the
//! login deadline, the connect and disconnect log lines, and shutdown.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use russh::Disconnect;
use russh::server::run_stream;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, sleep_until, timeout};

use super::config::{Access, SERVER_ID, Settings};
use super::counting::Counted;
use super::ending::Ending;
use super::handler::{Connection, Phase};
use super::limits::{Admission, Refusal, Slot, Tracker};
use super::log;
use super::metrics::Metrics;
use super::proxy::{self, Source};
use crate::driver::End;
use crate::library::{Catalogue, LiveCatalogue};

/// What every connection shares.
pub struct Shared {
    /// The edits sessions show (live reload changes them).
    pub catalogue: watch::Receiver<Arc<Catalogue>>,
    /// Refusals, logged a line per address and reason per window.
    pub refusals: log::Refusals,
    pub access: Access,
    pub settings: Settings,
    /// Who holds a place: sessions and connections logging in.
    pub tracker: Tracker,
    /// Turns true when the server is closing.
    pub shutdown: watch::Receiver<bool>,
    pub metrics: Metrics,
}

/// After a session ends, how long the client gets to close the connection
/// itself before the server does.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

/// On shutdown, how long sessions get to say goodbye.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(5);

/// A bound server, not yet accepting.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    shutdown: watch::Sender<bool>,
    live: LiveCatalogue,
}

impl Server {
    pub async fn bind(
        settings: Settings,
        live: LiveCatalogue,
        config: russh::server::Config,
        access: Access,
        metrics: Metrics,
    ) -> io::Result<Server> {
        let listener = TcpListener::bind(settings.listen).await?;
        let (shutdown, receiver) = watch::channel(false);
        let tracker = Tracker::new(settings.limits);
        let mut settings = settings;
        settings.listen = listener.local_addr()?;
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                catalogue: live.subscribe(),
                refusals: log::Refusals::default(),
                access,
                settings,
                tracker,
                shutdown: receiver,
                metrics,
            }),
            config: Arc::new(config),
            shutdown,
            live,
        })
    }

    /// The address actually bound (tests listen on port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.shared.settings.listen
    }

    /// Whether anyone may log in (no authorized keys file).
    pub fn is_public(&self) -> bool {
        matches!(self.shared.access, Access::Anyone)
    }

    /// Where changes to the edits go, to reach every session.
    pub fn live_catalogue(&self) -> LiveCatalogue {
        self.live.clone()
    }

    /// The session counters, to watch from outside.
    pub fn tracker(&self) -> Tracker {
        self.shared.tracker.clone()
    }

    /// The text of a metrics scrape, now.
    pub fn scraper(&self) -> impl Fn() -> String + Send + Sync + 'static {
        let shared = Arc::clone(&self.shared);
        move || {
            let tracker = &shared.tracker;
            shared
                .metrics
                .encode(tracker.sessions(), tracker.logging_in())
        }
    }

    /// Serves until `stop` completes, then stops listening at once (so a
    /// balancer sends new visitors elsewhere), tells every client the
    /// lookbook is closing, waits a little for the goodbyes, and returns.
    pub async fn run(self, stop: impl Future<Output = ()>) {
        let Server {
            listener,
            shared,
            config,
            shutdown,
            live: _,
        } = self;
        let mut connections = JoinSet::new();
        let mut summaries = tokio::time::interval(log::REFUSAL_WINDOW);
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => break,
                _ = summaries.tick() => {
                    for line in shared.refusals.closed(std::time::Instant::now()) {
                        log::line(format_args!("{line}"));
                    }
                }
                accepted = listener.accept() => match accepted {
                    Ok((stream, peer)) => {
                        let shared = Arc::clone(&shared);
                        let config = Arc::clone(&config);
                        connections.spawn(arrive(stream, peer, shared, config));
                    }
                    Err(error) => {
                        // Out of file descriptors and the like: wait, don't spin.
                        log::line(format_args!("accept failed: {error}"));
                        sleep(Duration::from_millis(100)).await;
                    }
                },
                Some(_) = connections.join_next() => {}
            }
        }
        drop(listener);
        // Whatever was still being counted is said before the log ends.
        let end_of_windows = std::time::Instant::now() + log::REFUSAL_WINDOW;
        for line in shared.refusals.closed(end_of_windows) {
            log::line(format_args!("{line}"));
        }
        let open = connections.len();
        log::line(format_args!(
            "closing: telling {open} connection(s) the lookbook is closing"
        ));
        shutdown.send_replace(true);
        let drained = timeout(SHUTDOWN_WAIT, async {
            while connections.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            connections.shutdown().await;
        }
        log::line(format_args!("closed"));
    }
}

/// A number uniform in [0, 1), for a random early drop. Should the system
/// have no randomness to give, nobody is dropped at random.
fn roll() -> f64 {
    getrandom::u32().map_or(1.0, |n| f64::from(n) / (f64::from(u32::MAX) + 1.0))
}

/// A socket just accepted: behind a balancer, first who it is for (from
/// the PROXY header); then admission, and the connection.
async fn arrive(
    mut stream: TcpStream,
    socket_peer: SocketAddr,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
) {
    let peer = if shared.settings.proxy_protocol {
        match timeout(HEADER_WAIT, proxy::read_header(&mut stream)).await {
            Ok(Ok(Source::Visitor(visitor))) => visitor,
            Ok(Ok(Source::Balancer)) => return health_check(stream, &shared).await,
            Ok(Ok(Source::Unaddressed(header))) => {
                log::line(format_args!(
                    "{socket_peer}: PROXY header gives no address ({header}); serving with the connection's own"
                ));
                socket_peer
            }
            Ok(Err(error)) => {
                return drop_headless(
                    socket_peer,
                    Ending::BadProxyHeader(Arc::new(error)),
                    &shared,
                );
            }
            Err(_) => return drop_headless(socket_peer, Ending::NoProxyHeader, &shared),
        }
    } else {
        socket_peer
    };
    let guarded = proxy::Unexpected::new(stream, !shared.settings.proxy_protocol);
    let (stream, socket) = Counted::new(guarded, shared.metrics.bytes_out());
    let admission = shared
        .tracker
        .admit(peer.ip(), std::time::Instant::now(), &socket, roll());
    connection(stream, peer, admission, shared, config).await;
}

/// The balancer sends its header at once; a socket that doesn't is not it.
const HEADER_WAIT: Duration = Duration::from_secs(5);

/// With `--proxy-protocol`, a connection without a valid header is dropped:
/// serving it would give it the balancer's address, or let anyone who can
/// reach the port claim any address.
fn drop_headless(peer: SocketAddr, ending: Ending, shared: &Shared) {
    log::line(format_args!("dropping {peer}: {ending}"));
    shared.metrics.ended(&ending);
}

/// The balancer checking on us (a `LOCAL` header): it expects the SSH
/// banner, so it gets just that, without a key exchange or a log line
/// every few seconds.
async fn health_check(mut stream: TcpStream, shared: &Shared) {
    let banner = format!("{SERVER_ID}\r\n");
    let _ = timeout(CUT_WAIT, async {
        stream.write_all(banner.as_bytes()).await?;
        stream.shutdown().await
    })
    .await;
    shared.metrics.ended(&Ending::HealthCheck);
}

async fn connection(
    stream: Counted<Guarded>,
    peer: SocketAddr,
    admission: Admission,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
) {
    let (slot, refusal) = match admission {
        Admission::Serve(slot) => (slot, None),
        Admission::Refuse(refusal, slot) => {
            log::line(format_args!("refusing {peer}: {}", refusal.reason()));
            shared.metrics.refused(refusal);
            (slot, Some(refusal))
        }
        Admission::Cut(refusal) => {
            let socket = stream.into_inner().into_inner();
            return cut(socket, peer, refusal, &shared).await;
        }
    };
    let started = Instant::now();
    log::line(format_args!("connect {peer}"));
    // Keystrokes and frames are small packets: send them at once rather than
    // wait for delayed ACKs (russh does this only for sockets it accepts).
    let _ = stream.get_ref().get_ref().set_nodelay(true);
    let counts = stream.counts();
    let ended = drive(stream, refusal, &slot, &shared, config).await;
    counts.cut();
    let ending = if slot.evicted() {
        Ending::Evicted
    } else {
        ended
    };
    shared.metrics.ended(&ending);
    drop(slot);
    let (bytes_in, bytes_out) = counts.get();
    log::line(format_args!(
        "disconnect {peer} after {:.1}s, {bytes_in} bytes in, {bytes_out} bytes out: {ending}",
        started.elapsed().as_secs_f64()
    ));
}

/// Turned away before the handshake: a line of text (RFC 4253 lets a server
/// send lines before its version), then close. Cheap, as a flood needs.
/// The client's own version line is read (a little, briefly) before the
/// close: closing with it unread makes the kernel send a reset, and
/// OpenSSH then shows only "Connection reset by peer" instead of our line.
async fn cut(mut stream: TcpStream, peer: SocketAddr, refusal: Refusal, shared: &Shared) {
    let ending = Ending::Cut(refusal);
    shared.metrics.refused(refusal);
    shared.metrics.ended(&ending);
    let now = std::time::Instant::now();
    if let Some(line) = shared.refusals.refused(peer, &ending.to_string(), now) {
        log::line(format_args!("{line}"));
    }
    let line = format!("{}\r\n", refusal.message());
    let polite = async {
        stream.write_all(line.as_bytes()).await?;
        stream.shutdown().await?;
        let mut drained = [0_u8; CUT_READ];
        let mut read = 0;
        while read < CUT_READ {
            match stream.read(&mut drained[read..]).await? {
                0 => break,
                n => read += n,
            }
        }
        io::Result::Ok(())
    };
    let _ = timeout(CUT_WAIT, polite).await;
}

/// How much of a refused client's talk is read before closing, and for how
/// long: its version line is well under this; a flood gets no more.
const CUT_READ: usize = 1024;
const CUT_WAIT: Duration = Duration::from_secs(1);

/// A socket as SSH reads it: turning away a PROXY header it didn't expect.
type Guarded = proxy::Unexpected<TcpStream>;

/// Runs the SSH connection to its end; returns why it ended.
async fn drive(
    stream: Counted<Guarded>,
    refusal: Option<Refusal>,
    slot: &Slot,
    shared: &Arc<Shared>,
    config: Arc<russh::server::Config>,
) -> Ending {
    let settings = &shared.settings;
    let deadline = Instant::now() + settings.login_deadline;
    let late = || {
        let ending = Ending::LoginDeadline(settings.login_deadline);
        log::line(format_args!("{ending} passed"));
        ending
    };
    let (phase_sender, mut phase) = watch::channel(Phase::LoggingIn);
    let refused_keys = Arc::new(AtomicUsize::new(0));
    let handler = Connection::new(
        Arc::clone(shared),
        refusal.map_or(Ok(slot.ticket()), Err),
        phase_sender,
        Arc::clone(&refused_keys),
    );
    let ending = |phase: &watch::Receiver<Phase>| ending(phase, &refused_keys);
    let running = match tokio::time::timeout_at(deadline, run_stream(config, stream, handler)).await
    {
        Err(_) => return late(),
        Ok(Err(error)) => return Ending::Ssh(Arc::new(error)),
        Ok(Ok(running)) => running,
    };
    let handle = running.handle();
    tokio::pin!(running);
    let mut shutdown = shared.shutdown.clone();

    // Logging in: auth, a channel, a PTY and a shell, before the deadline.
    // A second receiver to read the phase while `phase` is being waited on.
    let status = phase.clone();
    tokio::select! {
        _ = &mut running => return ending(&status),
        () = until(&mut phase, |p| !matches!(p, Phase::LoggingIn)) => {}
        () = sleep_until(deadline) => {
            let ended = late();
            let _ = handle
                .disconnect(Disconnect::ByApplication, "login took too long".into(), String::new())
                .await;
            let _ = timeout(CLOSE_GRACE, &mut running).await;
            return ended;
        }
        () = until(&mut shutdown, |closing| *closing) => {
            let _ = handle
                .disconnect(Disconnect::ByApplication, "the lookbook is closing".into(), String::new())
                .await;
            let _ = timeout(CLOSE_GRACE, &mut running).await;
            return Ending::ShutdownLoggingIn;
        }
    }

    // Running (or turned away): the session ends itself; the client then
    // closes, or is closed after a grace period.
    tokio::select! {
        _ = &mut running => {
            // The session notices the closed channel at once; give it a
            // moment to say why it ended.
            let mut done = status.clone();
            let _ = timeout(Duration::from_millis(500), until(&mut done, |p| matches!(p, Phase::Done(_)))).await;
        }
        () = until(&mut phase, |p| matches!(p, Phase::Done(_))) => {
            if timeout(CLOSE_GRACE, &mut running).await.is_err() {
                let _ = handle
                    .disconnect(Disconnect::ByApplication, "bye".into(), String::new())
                    .await;
                let _ = timeout(CLOSE_GRACE, &mut running).await;
            }
        }
    }
    ending(&status)
}

/// Waits until the watched value satisfies `done` (or its sender is gone),
/// without holding the value's lock across an await.
async fn until<T>(watched: &mut watch::Receiver<T>, done: impl FnMut(&T) -> bool) {
    let _ = watched.wait_for(done).await;
}

fn ending(phase: &watch::Receiver<Phase>, refused_keys: &AtomicUsize) -> Ending {
    match &*phase.borrow() {
        Phase::Done(ending) => ending.clone(),
        Phase::Running => Ending::Session(End::ClientLeft),
        Phase::LoggingIn => match refused_keys.load(Ordering::Relaxed) {
            0 => Ending::Left,
            keys => Ending::LoginFailed { keys },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_login_is_logged_as_one() {
        let (sender, phase) = watch::channel(Phase::LoggingIn);
        let refused = AtomicUsize::new(0);
        let said = |ending: Ending| (ending.to_string(), ending.label());
        assert_eq!(
            said(ending(&phase, &refused)),
            ("client left without starting a session".into(), "left")
        );
        refused.store(2, Ordering::Relaxed);
        assert_eq!(
            said(ending(&phase, &refused)),
            ("login failed: 2 keys not authorized".into(), "login-failed")
        );
        sender.send_replace(Phase::Running);
        assert_eq!(
            said(ending(&phase, &refused)),
            ("client left".into(), "served")
        );
        sender.send_replace(Phase::Done(Ending::Exec));
        assert_eq!(
            said(ending(&phase, &refused)),
            ("refused: exec".into(), "refused")
        );
    }
}
