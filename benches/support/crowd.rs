//! A hall full of visitors, for the crowd benchmarks: the real server
//! binary in a child process, russh clients that log in and press a key a
//! second, and the figures they make. Shared through `#[path]` by
//! `benches/crowd.rs` and `benches/crowd_photo.rs`, so both measure
//! key-to-frame the same way.

#![allow(dead_code)] // Each bench uses the part it needs.

#[path = "client.rs"]
mod trusting;

use std::ffi::OsString;
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

/// How long a key's frame may take before it counts as lost.
pub const FRAME_WAIT: Duration = Duration::from_secs(5);

/// Connections being set up at once (the rest wait their turn), so the
/// listen backlog never overflows.
pub const CONNECTING: usize = 64;

/// How a visitor logs in: as whom, in a PTY of what `TERM` and size, and
/// the text that says their first frame arrived.
#[derive(Clone)]
pub struct Login {
    pub user: String,
    pub term: &'static str,
    pub width: u32,
    pub height: u32,
    pub first: &'static [u8],
}

/// A visitor with their first frame on screen.
pub struct Visitor {
    pub session: client::Handle<Client>,
    pub channel: russh::Channel<client::Msg>,
    pub connect: Duration,
}

/// A key a visitor pressed: when it was sent, and how long its frame took.
#[derive(Clone, Copy)]
pub struct Key {
    pub sent: Instant,
    pub took: Duration,
}

/// What a visitor's pressing measured.
#[derive(Default)]
pub struct Pressed {
    pub keys: Vec<Key>,
    /// Keys whose frame never came within `FRAME_WAIT`.
    pub lost: usize,
    /// Messages already waiting when a key was about to be sent (the rest
    /// of an earlier frame, or a frame nobody's key caused), read first so
    /// they are never taken for the key's frame.
    pub stale: usize,
    /// Bytes of frames received while pressing.
    pub bytes: usize,
}

/// Connects (when the gate lets it), logs in, opens a PTY and a shell, and
/// waits for the first frame; `None` if any of it failed.
pub async fn visitor(addr: SocketAddr, gate: Arc<Semaphore>, login: Login) -> Option<Visitor> {
    let turn = gate.acquire().await.ok()?;
    let began = Instant::now();
    let config = Arc::new(client::Config {
        nodelay: true,
        ..Default::default()
    });
    let attempt = async {
        let mut session = client::connect(config, addr, Client).await.ok()?;
        if !session.authenticate_none(login.user).await.ok()?.success() {
            return None;
        }
        let mut channel = session.channel_open_session().await.ok()?;
        channel
            .request_pty(false, login.term, login.width, login.height, 0, 0, &[])
            .await
            .ok()?;
        channel.request_shell(false).await.ok()?;
        let mut seen = Vec::new();
        while !contains(&seen, login.first) {
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

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

impl Visitor {
    /// A key a second (`j`, `k`, ...: each moves the selection, so each
    /// draws a frame) for `pressing`, starting at this visitor's offset
    /// within the first second: `i` of `of`. Measures each key's time to
    /// the first bytes of its frame.
    pub async fn press(
        mut self,
        i: usize,
        of: usize,
        pressing: Duration,
        go: tokio::time::Instant,
    ) -> Pressed {
        let offset = Duration::from_secs(1).mul_f64(i as f64 / of as f64);
        let mut ticks = tokio::time::interval_at(go + offset, Duration::from_secs(1));
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let end = go + offset + pressing;
        let mut pressed = Pressed::default();
        let mut down = true;
        loop {
            let tick = ticks.tick().await;
            if tick >= end {
                break;
            }
            let key: &[u8] = if down { b"j" } else { b"k" };
            down = !down;
            let (stale, bytes) = self.drain().await;
            pressed.stale += stale;
            pressed.bytes += bytes;
            let sent = Instant::now();
            if self.channel.data(key).await.is_err() {
                pressed.lost += 1;
                break;
            }
            match timeout(FRAME_WAIT, self.next_data()).await {
                Ok(Some(data)) => {
                    pressed.keys.push(Key {
                        sent,
                        took: sent.elapsed(),
                    });
                    pressed.bytes += data.len();
                }
                _ => pressed.lost += 1,
            }
        }
        pressed.bytes += self.drain().await.1;
        self.leave().await;
        pressed
    }

    /// Waits for the next bytes of a frame; `None` if the channel ended.
    pub async fn next_data(&mut self) -> Option<Vec<u8>> {
        loop {
            match self.channel.wait().await {
                Some(ChannelMsg::Data { data }) => return Some(data.to_vec()),
                Some(ChannelMsg::Close) | None => return None,
                Some(_) => {}
            }
        }
    }

    /// Reads what already arrived, without waiting: how many data
    /// messages, and their bytes.
    pub async fn drain(&mut self) -> (usize, usize) {
        let (mut messages, mut bytes) = (0, 0);
        loop {
            let message = tokio::select! {
                biased;
                message = self.channel.wait() => message,
                () = std::future::ready(()) => None,
            };
            match message {
                Some(ChannelMsg::Data { data }) => {
                    messages += 1;
                    bytes += data.len();
                }
                Some(_) => {}
                None => return (messages, bytes),
            }
        }
    }

    pub async fn leave(self) {
        let _ = self
            .session
            .disconnect(Disconnect::ByApplication, "", "")
            .await;
    }
}

/// The server binary on a free loopback port, with limits wide enough for
/// the crowd.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Serving the bundled edit.
    pub fn start(sessions: usize, dir: &Path) -> Server {
        Server::serving(sessions, dir, &[])
    }

    /// Serving as `args` (an edit's path, `--images`, ...) say, besides
    /// the address, host key and limits.
    pub fn serving(sessions: usize, dir: &Path, args: &[OsString]) -> Server {
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
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the lookbook binary starts");
        // An edit of big photos checks each whole before it listens.
        let ready = Instant::now() + Duration::from_secs(300);
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(Instant::now() < ready, "the server never listened");
            std::thread::sleep(Duration::from_millis(20));
        }
        // Let the probe connection's log line and teardown pass.
        std::thread::sleep(Duration::from_millis(200));
        Server { child, addr }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident set, from /proc (0 where there is none).
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn stop(&mut self) {
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
pub fn percentile(times: &mut [Duration], pct: usize) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    times.sort();
    let at = (times.len() - 1) * pct / 100;
    times[at]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
