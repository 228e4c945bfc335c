//! `lookbook serve` with a hall full of visitors: the real server binary in
//! a child process, and N in-process russh clients that log in at once,
//! then each press a key a second. Measured, for 100 and for 1,000
//! sessions in the same run (a fresh server for each):
//!
//! - every session drawn (its first frame arrived);
//! - connect cost: TCP connect to the first frame, median and p99;
//! - key-to-frame latency, from sending a key to the first byte of the
//!   frame it caused, median and p99 (the goal: p99 under 50 ms);
//! - the server's RSS per session: its RSS with every session open, less
//!   its RSS before the first connect, divided by N.
//!
//! Run with `cargo bench --bench crowd` (a minute or so). `cargo test
//! --bench crowd` (what `scripts/bench-smoke` runs) does 10 and 20
//! sessions for 2 s, to keep it compiling and running.
//!
//! The clients share the 2 cores with the server, so latencies include
//! their own work (decrypting each frame) too: an upper bound.

#[path = "support/client.rs"]
mod trusting;

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client;
use russh::{ChannelMsg, Disconnect};
use tokio::sync::Semaphore;
use tokio::time::{MissedTickBehavior, timeout};
use trusting::Client;

/// One measured crowd.
struct Crowd {
    sessions: usize,
    drawn: usize,
    /// From the first connect to the last first frame.
    all_drawn: Duration,
    connect: Vec<Duration>,
    keys: Vec<Duration>,
    /// Keys whose frame never came within `FRAME_WAIT`.
    lost: usize,
    rss_per_session_kib: f64,
}

/// How long a key's frame may take before it counts as lost.
const FRAME_WAIT: Duration = Duration::from_secs(5);

/// Connections being set up at once (the rest wait their turn), so the
/// listen backlog never overflows.
const CONNECTING: usize = 64;

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let (sizes, pressing) = if quick {
        (vec![10, 20], Duration::from_secs(2))
    } else {
        (vec![100, 1000], Duration::from_secs(20))
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let dir = std::env::temp_dir().join(format!("lookbook-crowd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let crowds: Vec<Crowd> = sizes
        .iter()
        .map(|&n| runtime.block_on(crowd(n, pressing, &dir)))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    print_table(&crowds, pressing);
    let failed = crowds.iter().any(|c| c.drawn < c.sessions || c.lost > 0);
    if failed {
        eprintln!("crowd: some sessions were not drawn or lost frames");
        std::process::exit(1);
    }
}

async fn crowd(sessions: usize, pressing: Duration, dir: &Path) -> Crowd {
    let mut server = Server::start(sessions, dir);
    let before = server.rss_kib();
    let began = Instant::now();
    let gate = Arc::new(Semaphore::new(CONNECTING));
    let tasks: Vec<_> = (0..sessions)
        .map(|i| tokio::spawn(visitor(server.addr, Arc::clone(&gate), i)))
        .collect();
    // Everyone connects; the server's RSS is read with all open; then the
    // keys start together (each at its own offset within a second).
    let mut connected = Vec::new();
    for task in tasks {
        connected.extend(task.await.expect("a visitor task"));
    }
    let drawn = connected.len();
    let all_drawn = began.elapsed();
    let connect = connected.iter().map(|v| v.connect).collect();
    let during = server.rss_kib();
    let go = tokio::time::Instant::now();
    let presses: Vec<_> = connected
        .into_iter()
        .enumerate()
        .map(|(i, v)| tokio::spawn(v.press(i, sessions, pressing, go)))
        .collect();
    let mut keys = Vec::new();
    let mut lost = 0;
    for press in presses {
        let (times, missed) = press.await.expect("a pressing task");
        keys.extend(times);
        lost += missed;
    }
    server.stop();
    Crowd {
        sessions,
        drawn,
        all_drawn,
        connect,
        keys,
        lost,
        rss_per_session_kib: during.saturating_sub(before) as f64 / sessions as f64,
    }
}

/// A visitor with their first frame on screen.
struct Visitor {
    session: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
    connect: Duration,
}

/// Connects (when the gate lets it), logs in, opens a PTY and a shell, and
/// waits for the first frame; `None` if any of it failed.
async fn visitor(addr: SocketAddr, gate: Arc<Semaphore>, i: usize) -> Option<Visitor> {
    let turn = gate.acquire().await.ok()?;
    let began = Instant::now();
    let config = Arc::new(client::Config {
        nodelay: true,
        ..Default::default()
    });
    let attempt = async {
        let mut session = client::connect(config, addr, Client).await.ok()?;
        let user = format!("visitor{i}");
        if !session.authenticate_none(user).await.ok()?.success() {
            return None;
        }
        let mut channel = session.channel_open_session().await.ok()?;
        channel
            .request_pty(false, "xterm", 80, 24, 0, 0, &[])
            .await
            .ok()?;
        channel.request_shell(false).await.ok()?;
        let mut seen = Vec::new();
        while !contains(&seen, b"Nano Mayfair") {
            match channel.wait().await? {
                ChannelMsg::Data { data } => seen.extend_from_slice(&data),
                ChannelMsg::Close | ChannelMsg::ExitStatus { .. } => return None,
                _ => {}
            }
        }
        Some(Visitor {
            session,
            channel,
            connect: began.elapsed(),
        })
    };
    let visitor = timeout(Duration::from_secs(60), attempt).await.ok()?;
    drop(turn);
    visitor
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl Visitor {
    /// A key a second (`j`, `k`, ...: each moves the selection, so each
    /// draws a frame) for `pressing`, starting at this visitor's offset
    /// within the first second. Returns each key's time to its frame, and
    /// how many frames never came.
    async fn press(
        mut self,
        i: usize,
        of: usize,
        pressing: Duration,
        go: tokio::time::Instant,
    ) -> (Vec<Duration>, usize) {
        let offset = Duration::from_secs(1).mul_f64(i as f64 / of as f64);
        let mut ticks = tokio::time::interval_at(go + offset, Duration::from_secs(1));
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let end = go + offset + pressing;
        let mut times = Vec::new();
        let mut lost = 0;
        let mut down = true;
        loop {
            let tick = ticks.tick().await;
            if tick >= end {
                break;
            }
            let key: &[u8] = if down { b"j" } else { b"k" };
            down = !down;
            let sent = Instant::now();
            if self.channel.data(key).await.is_err() {
                lost += 1;
                break;
            }
            match timeout(FRAME_WAIT, self.next_data()).await {
                Ok(true) => times.push(sent.elapsed()),
                _ => lost += 1,
            }
        }
        let _ = self
            .session
            .disconnect(Disconnect::ByApplication, "", "")
            .await;
        (times, lost)
    }

    /// Waits for the next bytes of a frame; false if the channel ended.
    async fn next_data(&mut self) -> bool {
        loop {
            match self.channel.wait().await {
                Some(ChannelMsg::Data { .. }) => return true,
                Some(ChannelMsg::Close) | None => return false,
                Some(_) => {}
            }
        }
    }
}

/// The server binary, serving the bundled edit on a free loopback port
/// with limits wide enough for the crowd.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(sessions: usize, dir: &Path) -> Server {
        let addr = free_port();
        let key: PathBuf = dir.join("host_key");
        let many = (sessions * 4).to_string();
        let child = Command::new(env!("CARGO_BIN_EXE_lookbook"))
            .args(["serve", "--listen", &addr.to_string()])
            .arg("--host-key")
            .arg(&key)
            .args(["--max-sessions", &many, "--max-per-ip", &many])
            .args(["--max-new-per-minute", "1000000"])
            .args(["--max-startups", &format!("{many}:30:{}", sessions * 8)])
            .args(["--login-deadline", "60s"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the lookbook binary starts");
        let ready = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(Instant::now() < ready, "the server never listened");
            std::thread::sleep(Duration::from_millis(20));
        }
        // Let the probe connection's log line and teardown pass.
        std::thread::sleep(Duration::from_millis(200));
        Server { child, addr }
    }

    /// The server's resident set, from /proc (0 where there is none).
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address")
}

/// The `pct`th percentile (nearest rank below).
fn percentile(times: &mut [Duration], pct: usize) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    times.sort();
    let at = (times.len() - 1) * pct / 100;
    times[at]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn print_table(crowds: &[Crowd], pressing: Duration) {
    println!(
        "| sessions | all drawn in | connect p50 | connect p99 | key→frame p50 | key→frame p99 | keys (lost) | server RSS per session |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for crowd in crowds {
        let mut connect = crowd.connect.clone();
        let mut keys = crowd.keys.clone();
        println!(
            "| {} | {:.1} s ({} drawn) | {} | {} | {} | {} | {} ({}) | {:.0} KiB |",
            crowd.sessions,
            crowd.all_drawn.as_secs_f64(),
            crowd.drawn,
            ms(percentile(&mut connect, 50)),
            ms(percentile(&mut connect, 99)),
            ms(percentile(&mut keys, 50)),
            ms(percentile(&mut keys, 99)),
            crowd.keys.len(),
            crowd.lost,
            crowd.rss_per_session_kib,
        );
    }
    if let [small, .., big] = crowds {
        println!(
            "per-session RSS, {} against {} sessions: {:.2}x; key→frame p50: {:.2}x ({} s of a key a second each)",
            big.sessions,
            small.sessions,
            big.rss_per_session_kib / small.rss_per_session_kib.max(1.0),
            ratio(&big.keys, &small.keys),
            pressing.as_secs(),
        );
    }
}

fn ratio(big: &[Duration], small: &[Duration]) -> f64 {
    let mut big = big.to_vec();
    let mut small = small.to_vec();
    let b = percentile(&mut big, 50).as_secs_f64();
    let s = percentile(&mut small, 50).as_secs_f64();
    if s > 0.0 { b / s } else { 0.0 }
}
