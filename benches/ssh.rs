//! `lookbook serve`: what a keystroke costs on the wire, and how many
//! sessions a second the server can open.
//!
//! Run with `cargo bench --bench ssh`. The byte counts are printed first:
//! they are exact, not timed; a navigation keystroke's bytes are measured
//! against the full redraw's, at 120x40 on the bundled edit.
//!
//! - `keystroke_frame_120x40`: the server's CPU for one key: handling it,
//!   drawing the frame and diffing it against the last one sent.
//! - `open_session`: one whole session over loopback, from TCP connect to
//!   exit status; its inverse is sessions a second, one at a time.
//!
//! `cargo test --bench ssh` (what `scripts/bench-smoke` runs) prints the
//! byte counts and runs each benchmark once.

#[path = "support/client.rs"]
mod trusting;

use std::net::SocketAddr;
use std::sync::Arc;

use lookbook::app::App;
use lookbook::library::Catalogue;
use lookbook::lookbook::bundled;
use lookbook::ssh::Limits;
use lookbook::ssh::output::{self, ClientScreen};
use lookbook::ssh::{self, Settings};
use lookbook::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use russh::ChannelMsg;
use russh::client;
use trusting::Client;

fn main() {
    let (full, keystroke) = frame_bytes(120, 40);
    println!(
        "bytes at 120x40: full redraw {full}, navigation keystroke (j) {keystroke} ({:.1}% of a full redraw)",
        100.0 * keystroke as f64 / full as f64
    );
    divan::main();
    // The host key `start_server` created; the server dies with us.
    let _ = std::fs::remove_dir_all(key_dir());
}

/// Where this run's server keeps its host key.
fn key_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("lookbook-bench-{}", std::process::id()))
}

/// Bytes the session sends for the first (full) frame, and for the frame
/// after one `j`.
fn frame_bytes(width: u16, height: u16) -> (usize, usize) {
    let mut app = App::new(Arc::new(bundled()));
    app.handle(lookbook::app::Action::Resize { width, height });
    let mut screen = ClientScreen::new(width, height).expect("a screen");
    let mut full = output::enter();
    full.extend(screen.draw(&mut app, &Theme::ansi()).expect("draws"));
    app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    (
        full.len(),
        screen.draw(&mut app, &Theme::ansi()).expect("draws").len(),
    )
}

/// Drawing and diffing one keystroke's frame at 120x40 (the server's CPU per key).
#[divan::bench]
fn keystroke_frame_120x40(bencher: divan::Bencher) {
    let mut app = App::new(Arc::new(bundled()));
    app.handle(lookbook::app::Action::Resize {
        width: 120,
        height: 40,
    });
    let mut screen = ClientScreen::new(120, 40).expect("a screen");
    screen.draw(&mut app, &Theme::ansi()).expect("draws");
    let mut down = true;
    bencher.bench_local(|| {
        let code = if down {
            KeyCode::Char('j')
        } else {
            KeyCode::Char('k')
        };
        down = !down;
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        screen.draw(&mut app, &Theme::ansi()).expect("draws").len()
    });
}

/// One whole session over loopback: TCP, key exchange, auth, PTY, shell,
/// the first frame, `q`, exit status. Its inverse is sessions per second.
#[divan::bench(sample_count = 40, sample_size = 1)]
fn open_session(bencher: divan::Bencher) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let addr = runtime.block_on(start_server());
    // No Nagle on the client either, as OpenSSH sets TCP_NODELAY for
    // interactive sessions; else each small packet waits for delayed ACKs.
    let config = Arc::new(client::Config {
        nodelay: true,
        ..Default::default()
    });
    bencher.bench_local(|| runtime.block_on(one_session(addr, Arc::clone(&config))));
}

async fn start_server() -> SocketAddr {
    let key = key_dir().join("key");
    let mut settings = Settings::new("127.0.0.1:0".parse().expect("addr"), key);
    settings.limits = Limits {
        max_sessions: 1000,
        max_per_ip: 1000,
        per_ip_per_minute: 1_000_000,
        startups: lookbook::ssh::Startups::for_sessions(1000),
    };
    let metrics = ssh::Metrics::default();
    let server = ssh::bind(
        settings,
        ssh::live_catalogue(Catalogue::bundled(), &metrics),
        metrics,
    )
    .await
    .expect("binds");
    let addr = server.local_addr();
    tokio::spawn(server.run(std::future::pending()));
    addr
}

async fn one_session(addr: SocketAddr, config: Arc<client::Config>) {
    let mut session = client::connect(config, addr, Client)
        .await
        .expect("connects");
    let auth = session.authenticate_none("bench").await.expect("auth");
    assert!(auth.success());
    let mut channel = session.channel_open_session().await.expect("channel");
    channel
        .request_pty(false, "xterm", 120, 40, 0, 0, &[])
        .await
        .expect("pty");
    channel.request_shell(false).await.expect("shell");
    let mut quit_sent = false;
    // Bounded: a session sends a handful of messages, then closes.
    for _ in 0..10_000 {
        match channel.wait().await {
            Some(ChannelMsg::Data { .. }) if !quit_sent => {
                channel.data(&b"q"[..]).await.expect("q");
                quit_sent = true;
            }
            Some(ChannelMsg::ExitStatus { exit_status }) => {
                assert_eq!(exit_status, 0);
                break;
            }
            None => break,
            _ => {}
        }
    }
    let _ = session
        .disconnect(russh::Disconnect::ByApplication, "", "")
        .await;
}
