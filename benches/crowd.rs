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

#[path = "support/crowd.rs"]
mod hall;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hall::{CONNECTING, Login, Server, ms, percentile, visitor};
use tokio::sync::Semaphore;

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
        .map(|i| {
            let login = Login {
                user: format!("visitor{i}"),
                term: "xterm",
                width: 80,
                height: 24,
                first: b"Nano Mayfair",
            };
            tokio::spawn(visitor(server.addr, Arc::clone(&gate), login))
        })
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
        let pressed = press.await.expect("a pressing task");
        keys.extend(pressed.keys.iter().map(|key| key.took));
        lost += pressed.lost;
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
