//! A tmux server of a test's own, for end-to-end tests that look at a real
//! terminal: start programs in panes, type with send-keys, read the screen
//! with capture-pane. Shared by the test files (`mod support;`).

#![allow(dead_code)] // Each test file uses the part it needs.

use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long a test waits for a screen before it fails.
pub const LIMIT: Duration = Duration::from_secs(30);

/// A screen's text as capture-pane gives it: rows right-trimmed, trailing
/// blank rows gone, so a frame drawn headless compares with a real pane.
pub fn trimmed(screen: &str) -> String {
    screen
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

/// Whether `tool` runs here (tmux, ssh).
pub fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Whether an end-to-end test may run: its tools are here, or it must say
/// why not; CI sets `LOOKBOOK_E2E_REQUIRED` so nothing is skipped there.
pub fn e2e_possible(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools.iter().copied().filter(|t| !have(t)).collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("LOOKBOOK_E2E_REQUIRED").is_none(),
        "{missing:?} required here"
    );
    eprintln!("skipped: needs {missing:?}");
    false
}

/// A tmux server of its own (its own socket), killed on drop.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    /// A server named for the test and this process.
    pub fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("lookbook-{name}-{}", std::process::id()),
        }
    }

    /// Runs a tmux command on this server (UTF-8 forced); its output.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-u")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts `command` in a new session `target` of `width`×`height`.
    pub fn start(&self, target: &str, width: u16, height: u16, command: &str) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            target,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
    }

    /// The screen of `target`, as [`trimmed`].
    pub fn screen(&self, target: &str) -> String {
        trimmed(&self.run(&["capture-pane", "-p", "-t", target]))
    }

    /// One of tmux's format variables for `target` (`alternate_on`...).
    pub fn flag(&self, target: &str, name: &str) -> String {
        self.run(&["display", "-p", "-t", target, &format!("#{{{name}}}")])
            .trim_end()
            .to_string()
    }

    /// Types `line` and Enter into `target`.
    pub fn type_line(&self, target: &str, line: &str) {
        self.run(&["send-keys", "-t", target, "-l", line]);
        self.run(&["send-keys", "-t", target, "Enter"]);
    }

    /// Waits until `target`'s screen satisfies `done`; fails after LIMIT.
    pub fn wait_for(&self, target: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + LIMIT;
        loop {
            let screen = self.screen(target);
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {what}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
