//! End to end: `lookbook serve` as a process, the real OpenSSH client in a
//! tmux pane, keys typed with send-keys and the screen read with
//! capture-pane, as a person would.
//!
//! Needs `ssh` and `tmux`; `.ci/run` installs them and sets
//! `LOOKBOOK_E2E_REQUIRED=1` so CI can't skip this by accident.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::lookbook::bundled;
use lookbook::render;
use lookbook::ui::theme::Theme;
use support::tmux::{Tmux, e2e_possible, trimmed};

mod support;

const LIMIT: Duration = support::tmux::LIMIT;

/// The server process, stopped with SIGTERM on drop if still running.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    fn start_with(extra: &[&str]) -> Server {
        // A folder per server: tests run at once, and two servers creating
        // one host key file would race.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("lookbook-e2e-{}-{n}", std::process::id()));
        let key = dir.join("host_key");
        // Started as systemd starts it: in a session of its own (setsid),
        // with no terminal and no TERM, so nothing the server does may
        // lean on a tty of its own (a visitor's resize once asked one).
        let mut child = Command::new("setsid")
            .arg(env!("CARGO_BIN_EXE_lookbook"))
            .env_remove("TERM")
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(&key)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lookbook serve starts");
        let stderr = child.stderr.take().expect("stderr piped");
        let (lines, received) = mpsc::channel();
        thread::spawn(move || {
            // Reads to the end, so the server never writes into a closed pipe.
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("server: {line}");
                let _ = lines.send(line);
            }
        });
        let deadline = Instant::now() + LIMIT;
        let port = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = received
                .recv_timeout(left)
                .expect("the server says where it listens");
            if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse().expect("a port");
            }
        };
        Server { child, port }
    }

    /// SIGTERM, then the exit status.
    fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop on SIGTERM"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn headless(keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::new(bundled()));
    let keys = parse_keys(keys).expect("known key names");
    let size = render::Size { width, height };
    trimmed(&render::text(&render::after_keys(
        &mut app,
        &Theme::ansi(),
        &keys,
        size,
    )))
}

#[test]
fn the_openssh_client_browses_resizes_and_quits() {
    if !e2e_possible(&["ssh", "tmux"]) {
        return;
    }
    let mut server = Server::start();
    let tmux = Tmux::new("e2e");
    let ssh = format!(
        "ssh -p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
         -o LogLevel=ERROR -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityFile=/dev/null \
         demo@127.0.0.1; echo ssh-exit=$?; sleep 60",
        server.port
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        &ssh,
    ]);

    let first = tmux.wait_for_screen("e2e", "the first screen at 100x30", &headless("", 100, 30));
    assert!(first.contains("Nano Mayfair bag"));

    tmux.run(&["send-keys", "-t", "e2e", "j"]);
    tmux.wait_for_screen("e2e", "the second bag after j", &headless("j", 100, 30));
    tmux.run(&["send-keys", "-t", "e2e", "Down"]);
    tmux.wait_for_screen("e2e", "the third bag after Down", &headless("j j", 100, 30));

    tmux.run(&["resize-window", "-t", "e2e", "-x", "130", "-y", "40"]);
    let wide = tmux.wait_for_screen(
        "e2e",
        "the wide layout at 130x40",
        &headless("j j", 130, 40),
    );
    assert!(wide.contains("Styling"));

    tmux.run(&["send-keys", "-t", "e2e", "q"]);
    // The shell prints ssh's status after ssh is gone: all it wrote is in.
    let after = tmux.wait_for_frame("e2e", "ssh exiting", |s| s.contains("ssh-exit="));
    assert!(after.contains("ssh-exit=0"), "{after}");
    assert!(
        !after.contains("Nano Mayfair"),
        "the lookbook is gone: {after}"
    );
    let modes = tmux.run(&[
        "display",
        "-p",
        "-t",
        "e2e",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(modes.trim(), "0 1", "normal screen, cursor shown");

    let status = server.terminate();
    assert!(
        status.success(),
        "SIGTERM ends the server with 0: {status:?}"
    );
}

/// A client cut before the handshake (here: over the per-address rate) is
/// sent a line and a clean close, which OpenSSH reads as the server's
/// banner line; never a reset, which it reports as "Connection reset by
/// peer" and nothing else.
#[test]
fn a_refused_openssh_client_is_closed_cleanly_with_the_reason() {
    if !e2e_possible(&["ssh"]) {
        return;
    }
    let mut server = Server::start_with(&["--max-new-per-minute", "1"]);
    let ssh = |verbose: bool| {
        let mut command = Command::new("ssh");
        if verbose {
            command.arg("-v");
        }
        command
            .args(["-p", &server.port.to_string()])
            .args([
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
            ])
            .args(["-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-T"])
            .args(["127.0.0.1", "true"])
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs")
    };
    let first = ssh(false);
    assert_eq!(
        first.status.code(),
        Some(1),
        "the first is let in (and refused a command)"
    );
    let second = ssh(true);
    let said = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(255), "{said}");
    assert!(
        said.contains("banner line 0: Too many new connections from your address"),
        "the reason arrives: {said}"
    );
    assert!(said.contains("Connection closed by remote host"), "{said}");
    assert!(!said.contains("reset by peer"), "{said}");
    server.terminate();
}
