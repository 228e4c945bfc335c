//! A tmux server of a test's own, for end-to-end tests that look at a real
//! terminal: start programs in panes, type with send-keys, read the screen
//! with capture-pane. Shared by the test files (`mod support;`).
//!
//! A screen is only ever read whole: capture-pane shows whatever tmux has
//! been given so far, and a frame written in pieces (a slow machine, a
//! frame cut into SSH packets) can be caught half drawn. So every read
//! waits for a settled frame, [`Tmux::wait_for_frame`]: two captures in a
//! row, [`SETTLE`] apart, alike and showing what the test waits for. Tests
//! that know the whole frame wait for exactly it ([`Tmux::wait_for_screen`]).

#![allow(dead_code)] // Each test file uses the part it needs.

use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long a test waits for a screen before it fails: generous, as a
/// loaded machine (a cold build beside the tests) is slow, not wrong.
pub const LIMIT: Duration = Duration::from_secs(30);

/// Between two captures that must be alike for a frame to count as drawn.
pub const SETTLE: Duration = Duration::from_millis(60);

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

/// The frame the app draws for `lookbook` after `keys` (names as `--keys`
/// takes them) at `width`×`height`, photos in half blocks, as [`trimmed`]:
/// what a pane running lookbook on that edit shows, to the character.
pub fn drawn(
    lookbook: lookbook::lookbook::Lookbook,
    keys: &str,
    width: u16,
    height: u16,
) -> String {
    use lookbook::render;
    let mut app = lookbook::app::App::new(std::sync::Arc::new(lookbook));
    let keys = lookbook::app::keymap::parse_keys(keys).expect("known key names");
    let theme = lookbook::ui::theme::Theme::ansi();
    let size = render::Size { width, height };
    trimmed(&render::text(&render::after_keys(
        &mut app, &theme, &keys, size,
    )))
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

    /// The screen of `target` as it is this instant, as [`trimmed`]; maybe
    /// half drawn, so only the waits below read it.
    fn screen(&self, target: &str) -> String {
        trimmed(&self.run(&["capture-pane", "-p", "-t", target]))
    }

    /// The same, every row kept whole (trailing spaces and blank rows).
    fn cells(&self, target: &str) -> String {
        self.run(&["capture-pane", "-p", "-N", "-t", target])
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

    /// Waits for a settled frame of `target` (as [`trimmed`]) that
    /// satisfies `done`, and returns it: the same capture twice in a row,
    /// [`SETTLE`] apart, so a frame tmux has only been given part of is
    /// never read. `done` should say as much of the frame as the test
    /// knows, not one word of it. Fails after [`LIMIT`], showing the last
    /// capture.
    pub fn wait_for_frame(&self, target: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
        settled(|| self.screen(target), done).unwrap_or_else(|last| {
            panic!(
                "never saw {what} in a settled frame of `{target}` within {LIMIT:?} \
                 ({}); the last capture:\n{}",
                last.why, last.screen
            )
        })
    }

    /// Waits until `target`'s screen (as [`trimmed`]) is exactly `want`.
    /// Fails after [`LIMIT`], showing both.
    pub fn wait_for_screen(&self, target: &str, what: &str, want: &str) -> String {
        settled(|| self.screen(target), |screen| screen == want).unwrap_or_else(|last| {
            panic!(
                "never saw {what} on `{target}` within {LIMIT:?} ({}); \
                 wanted:\n{want}\n--- the last capture:\n{}",
                last.why, last.screen
            )
        })
    }

    /// [`Tmux::wait_for_frame`] on the screen with every row whole
    /// (capture-pane -N: trailing spaces and blank rows kept), for a test
    /// that compares cells; on timeout the last capture, for the test to
    /// say what differs.
    pub fn try_wait_for_cells(
        &self,
        target: &str,
        done: impl Fn(&str) -> bool,
    ) -> Result<String, Unsettled> {
        settled(|| self.cells(target), done)
    }
}

/// What a wait saw last when it gave up.
#[derive(Debug)]
pub struct Unsettled {
    /// The last capture.
    pub screen: String,
    /// Why it was not taken: still changing, or not what was waited for.
    pub why: &'static str,
}

/// Captures until two in a row, [`SETTLE`] apart, are alike and `done`
/// holds of them; gives up after [`LIMIT`].
fn settled(capture: impl Fn() -> String, done: impl Fn(&str) -> bool) -> Result<String, Unsettled> {
    let deadline = Instant::now() + LIMIT;
    let mut last = capture();
    loop {
        thread::sleep(SETTLE);
        let screen = capture();
        let still = screen == last;
        if still && done(&screen) {
            return Ok(screen);
        }
        if Instant::now() >= deadline {
            let why = if still {
                "settled, but not that"
            } else {
                "still changing"
            };
            return Err(Unsettled { screen, why });
        }
        last = screen;
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
