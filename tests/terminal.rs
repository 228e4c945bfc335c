//! The local terminal, as a user's shell sees it: the real binary in a tmux
//! pane. Ended by `kill` (as a closed window or a tmux kill would end it),
//! the shell must be back as it was: the main screen, a cooked tty with
//! echo, no mouse reporting, and a working prompt. On a terminal that says
//! it can't draw (`TERM=dumb`), the browser does not start. The photo
//! question is answered by tmux, and, as kitty would, by a test that plays
//! the terminal on a pseudo-terminal of its own.
//!
//! Needs `tmux`; `.ci/run` installs it and sets `LOOKBOOK_E2E_REQUIRED=1`.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use support::tmux::{Tmux, drawn, e2e_possible};

/// One shell in a tmux server of its own, killed on drop.
struct Pane {
    tmux: Tmux,
}

impl Pane {
    fn start(name: &str) -> Pane {
        let pane = Pane {
            tmux: Tmux::new(&format!("terminal-{name}")),
        };
        pane.tmux.start("t", 100, 30, "bash --norc --noprofile");
        pane
    }

    fn type_line(&self, line: &str) {
        self.tmux.type_line("t", line);
    }

    fn flag(&self, name: &str) -> String {
        self.tmux.flag("t", name)
    }

    /// Waits for a settled frame that satisfies `done` (see
    /// [`Tmux::wait_for_frame`]).
    fn wait_for_frame(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        self.tmux.wait_for_frame("t", what, done)
    }

    /// Waits until the screen is exactly `want`.
    fn wait_for_screen(&self, what: &str, want: &str) -> String {
        self.tmux.wait_for_screen("t", what, want)
    }

    /// Sets the prompt to `READY$ ` and clears the screen; waits for a
    /// screen that is the prompt alone.
    fn ready(&self) {
        self.type_line("PS1='READY$ '; clear");
        self.wait_for_screen("the prompt alone", "READY$");
    }
}

/// Whether the shell is back and waiting: the screen ends with its prompt
/// (set by [`Pane::ready`]), so whatever ran before it has written all.
fn prompt_last(screen: &str) -> bool {
    screen.lines().last() == Some("READY$")
}

/// The bundled edit's first frame in a 100x30 pane, as `lookbook` with no
/// file draws it.
fn first_frame() -> String {
    drawn(lookbook::lookbook::bundled(), "", 100, 30)
}

fn have_tmux() -> bool {
    e2e_possible(&["tmux"])
}

/// Runs lookbook (with the mouse on, the most to restore) in a fresh pane,
/// ends it with `signal`, and checks what the user is left with.
fn ended_by(signal: &str, number: i32) {
    let pane = Pane::start(signal);
    let pid_file: PathBuf = std::env::temp_dir().join(format!(
        "lookbook-terminal-{signal}-{}.pid",
        std::process::id()
    ));
    pane.ready();
    let binary = env!("CARGO_BIN_EXE_lookbook");
    pane.type_line(&format!(
        "sh -c 'echo $$ > {}; exec {binary} --mouse'; echo \"EX\"\"IT=$?\"",
        pid_file.display()
    ));
    pane.wait_for_screen("the browser's first frame", &first_frame());
    assert_eq!(pane.flag("alternate_on"), "1", "the browser is on");
    let pid = std::fs::read_to_string(&pid_file).expect("the pid was written");
    let _ = std::fs::remove_file(&pid_file);
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), pid.trim()])
        .status()
        .expect("kill runs");
    assert!(killed.success(), "kill -{signal} {pid}");

    let expected = format!("EXIT={}", 128 + number);
    let screen = pane.wait_for_frame(&format!("{expected} and the prompt"), |s| {
        s.lines().any(|l| l.starts_with("EXIT=")) && prompt_last(s)
    });
    assert!(screen.contains(&expected), "{signal}:\n{screen}");
    assert!(
        !screen.contains("Nano Mayfair"),
        "{signal}: the browser is gone"
    );
    assert_eq!(pane.flag("alternate_on"), "0", "{signal}: main screen");
    assert_eq!(pane.flag("mouse_any_flag"), "0", "{signal}: no mouse");
    assert_eq!(pane.flag("cursor_flag"), "1", "{signal}: cursor shown");
    pane.type_line(
        "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo ST\"\"TY",
    );
    // The marker is typed in two quoted halves, so the echoed command line
    // does not itself match.
    let screen = pane.wait_for_frame("stty's answer and the prompt", |s| {
        s.lines()
            .any(|line| line.ends_with("STTY") && !line.contains("stty"))
            && prompt_last(s)
    });
    assert!(
        screen.contains("icanon echo STTY"),
        "{signal}: the tty is cooked, with echo:\n{screen}"
    );
    pane.type_line("echo prompt-works");
    pane.wait_for_frame("the shell to answer", |s| {
        s.lines().any(|line| line == "prompt-works") && prompt_last(s)
    });
}

macro_rules! signal_test {
    ($name:ident, $signal:literal, $number:expr) => {
        #[test]
        fn $name() {
            if !have_tmux() {
                return;
            }
            ended_by($signal, $number);
        }
    };
}

signal_test!(sigterm_restores_the_terminal, "TERM", 15);
signal_test!(sighup_restores_the_terminal, "HUP", 1);
signal_test!(sigint_restores_the_terminal, "INT", 2);
signal_test!(sigquit_restores_the_terminal, "QUIT", 3);

#[test]
fn a_dumb_terminal_is_pointed_to_render() {
    if !have_tmux() {
        return;
    }
    let pane = Pane::start("dumb");
    let binary = env!("CARGO_BIN_EXE_lookbook");
    for term in ["TERM=dumb", "-u TERM"] {
        // A clean screen first: each run says the same, so the last one's
        // answer must be gone before this one's is read.
        pane.ready();
        pane.type_line(&format!("env {term} {binary}; echo \"EX\"\"IT=$?\""));
        let screen = pane.wait_for_frame("the exit and the prompt", |s| {
            s.lines().any(|l| l.starts_with("EXIT=")) && prompt_last(s)
        });
        assert!(screen.contains("EXIT=2"), "{term}:\n{screen}");
        // The pane wraps the line at 100 columns: look at its start.
        let said = "error: this terminal (TERM is dumb or unset) cannot show the browser; `lookbook render`";
        assert!(screen.contains(said), "{term}:\n{screen}");
        assert_eq!(pane.flag("alternate_on"), "0", "{term}: never drawn");
    }
}

/// A terminal that disappears (its tmux server killed, a window closed)
/// must not leave lookbook behind, spinning on a dead tty.
#[test]
fn a_vanished_terminal_ends_the_browser() {
    if !have_tmux() {
        return;
    }
    let pane = Pane::start("vanished");
    let pid_file = std::env::temp_dir().join(format!(
        "lookbook-terminal-vanished-{}.pid",
        std::process::id()
    ));
    let binary = env!("CARGO_BIN_EXE_lookbook");
    pane.type_line(&format!(
        "sh -c 'echo $$ > {}; exec {binary}'; sleep 60",
        pid_file.display()
    ));
    pane.wait_for_screen("the browser's first frame", &first_frame());
    let pid = std::fs::read_to_string(&pid_file).expect("the pid was written");
    let _ = std::fs::remove_file(&pid_file);
    let proc_dir = std::path::Path::new("/proc").join(pid.trim());
    drop(pane);
    let deadline = Instant::now() + Duration::from_secs(5);
    while proc_dir.exists() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    // A zombie (exited, not yet reaped by its parent) has no command line.
    let alive = std::fs::read(proc_dir.join("cmdline")).is_ok_and(|cmd| !cmd.is_empty());
    assert!(!alive, "lookbook {} outlived its terminal", pid.trim());
}

/// The editing loop as an author lives it: the real binary on her file,
/// saved by an editor that renames over it (`sed -i`), broken, fixed.
#[test]
fn saving_the_file_shows_the_new_edit_in_place() {
    if !have_tmux() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("lookbook-terminal-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join("edit.toml");
    std::fs::write(&file, include_str!("../lookbook.toml")).expect("written");
    let pane = Pane::start("reload");
    let binary = env!("CARGO_BIN_EXE_lookbook");
    pane.type_line(&format!("{binary} {}", file.display()));
    pane.wait_for_screen("the first frame", &headless(&file, "", 100, 30));
    pane.tmux.run(&[
        "send-keys",
        "-t",
        "t",
        "j",
        "j",
        "Space",
        "/",
        "t",
        "o",
        "t",
        "e",
        "Enter",
    ]);
    pane.wait_for_screen(
        "the filter kept",
        &headless(&file, "j j Space / t o t e Enter", 100, 30),
    );
    let sed = |script: &str| {
        let status = Command::new("sed")
            .args(["-i", script])
            .arg(&file)
            .status()
            .expect("sed runs");
        assert!(status.success());
    };

    sed("s/price = 650/price = 640/");
    // A reload's frame has no headless twin (the status says when): the
    // whole of what changed and what stays, in one settled frame.
    let selected = |s: &str| {
        s.lines()
            .find(|l| l.contains('▶'))
            .is_some_and(|l| l.contains("✓ Micro knotted leather tote"))
    };
    pane.wait_for_frame(
        "the new price, reloaded, the pick and the filter kept",
        |s| {
            s.contains("£640")
                && s.contains("reloaded · 8 bags, 2 looks")
                && selected(s)
                && s.contains("/ tote")
        },
    );

    sed("0,/size = \"nano\"/s//size = \"tiny\"/");
    pane.wait_for_frame("the banner over the last good edit", |s| {
        s.contains("error: ")
            && s.contains("edit.toml:39:8 unknown size `tiny`")
            && s.contains("£640")
            && selected(s)
    });

    sed("s/size = \"tiny\"/size = \"nano\"/");
    pane.wait_for_frame("the banner gone", |s| {
        !s.contains("error: ") && s.contains("reloaded · 8 bags, 2 looks") && selected(s)
    });
    let _ = std::fs::remove_dir_all(&dir);
}

/// A window that grew while lookbook ran: after quitting, the shell's
/// screen holds the shell's lines and the shortlist, not the top of
/// lookbook's last frame (tmux brings back rows it pushed away).
#[test]
fn quitting_after_the_window_grew_leaves_no_frame_behind() {
    if !have_tmux() {
        return;
    }
    let pane = Pane::start("grew");
    pane.ready();
    pane.type_line(env!("CARGO_BIN_EXE_lookbook"));
    pane.wait_for_screen("the first frame", &first_frame());
    pane.tmux.run(&["send-keys", "-t", "t", "Space"]);
    pane.tmux
        .run(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    pane.wait_for_screen(
        "the bigger frame",
        &drawn(lookbook::lookbook::bundled(), "Space", 120, 40),
    );
    pane.tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = pane.wait_for_frame("the shell again", |s| {
        s.matches("READY$").count() >= 2 && prompt_last(s)
    });
    assert!(
        screen.contains("Nano Mayfair bag — Aspinal of London — £195"),
        "{screen}"
    );
    assert!(!screen.contains('│'), "a frame was left behind:\n{screen}");
}

/// The frame the app draws for `file` after `keys`, photos in half blocks,
/// as tmux shows it (no trailing blanks).
fn headless(file: &std::path::Path, keys: &str, width: u16, height: u16) -> String {
    let lookbook = lookbook::lookbook::load_path(file).unwrap_or_else(|e| panic!("{e}"));
    drawn(lookbook, keys, width, height)
}

/// An edit with photos: lookbook asks the terminal how it shows them (here
/// tmux, which answers without graphics). The answer never reaches the app
/// or the shell as typing; a key typed at once is kept; the photos show in
/// half blocks, frame for frame as drawn headless; quitting leaves the
/// shell clean.
#[test]
fn the_photo_question_is_answered_without_a_trace() {
    if !have_tmux() {
        return;
    }
    let file = support::photo::edit_with_photos("terminal-question", true);
    let pane = Pane::start("question");
    pane.ready();
    let binary = env!("CARGO_BIN_EXE_lookbook");
    pane.type_line(&format!("{binary} {}; echo exit=$?", file.display()));
    pane.tmux.run(&["send-keys", "-t", "t", "j"]);
    let second = headless(&file, "j", 100, 30);
    pane.wait_for_screen("the j typed at once", &second);
    let filtering = headless(&file, "j k /", 100, 30);
    assert!(filtering.contains("▀▀▀▀"), "the bag's photo:\n{filtering}");
    pane.tmux.run(&["send-keys", "-t", "t", "k", "/"]);
    pane.wait_for_screen("the filter open, empty, on the first bag", &filtering);
    // Esc and q one at a time: together they read as Alt-q.
    pane.tmux.run(&["send-keys", "-t", "t", "Escape"]);
    pane.wait_for_screen("the filter closed", &headless(&file, "j k / Esc", 100, 30));
    pane.tmux.run(&["send-keys", "-t", "t", "q"]);
    // The command line says `exit=$?`; the shell's answer comes after.
    let screen = pane.wait_for_frame("the shell again", |s| {
        s.matches("exit=").count() == 2 && prompt_last(s)
    });
    assert!(screen.contains("exit=0"), "{screen}");
    let after = screen.split("exit=0").nth(1).unwrap_or_default();
    assert_eq!(
        after.trim(),
        "READY$",
        "nothing of the answer after quitting:\n{screen}"
    );
    assert!(!screen.contains("^["), "no answer shown as text:\n{screen}");
}

/// The binary on a pseudo-terminal this test plays the terminal of: one
/// that answers the photo question as kitty does. Keys typed before and
/// among the replies are kept; the photo goes out as kitty graphics; on
/// quitting, kitty's images are deleted before the screen is left.
#[test]
fn a_kitty_terminal_is_asked_and_gets_kitty_graphics() {
    use std::io::{Read, Write};
    use std::process::Stdio;
    use std::sync::mpsc;

    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use rustix::termios::{Winsize, tcsetwinsize};

    let file = support::photo::edit_with_photos("terminal-kitty", false);
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("a pty");
    grantpt(&master).expect("granted");
    unlockpt(&master).expect("unlocked");
    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, size).expect("a size");
    let name = ptsname(&master, Vec::new()).expect("its name");
    let name = name.to_str().expect("a path");
    let open = || {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name)
            .expect("the pty's other end")
    };
    // In a session of its own with the pty as its controlling terminal,
    // as a shell starts it: the size is read from /dev/tty.
    let mut child = Command::new("setsid")
        .args(["--ctty", env!("CARGO_BIN_EXE_lookbook")])
        .arg(&file)
        .env("TERM", "xterm-256color")
        .env_remove("TERM_PROGRAM")
        .stdin(open())
        .stderr(open())
        .stdout(Stdio::piped())
        .spawn()
        .expect("lookbook starts");
    let mut terminal = std::fs::File::from(master);
    let mut reader = terminal.try_clone().expect("a reader");
    let (chunks, received) = mpsc::channel();
    thread::spawn(move || {
        let mut chunk = [0; 4096];
        // Ends when the child is gone (EIO on the master).
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            let _ = chunks.send(chunk[..n].to_vec());
        }
    });
    let mut output = Output {
        bytes: Vec::new(),
        received,
    };
    let has =
        |needle: &'static [u8]| move |out: &[u8]| out.windows(needle.len()).any(|w| w == needle);
    let asked = output.until("the kitty query", &has(b"\x1b_Gi=31,s=1,v=1,a=q"));
    assert!(
        has(b"\x1b[5n")(&output.bytes),
        "with the status request last"
    );
    // `j` before the answer; the replies (graphics OK, device attributes,
    // 10x20-pixel cells, the status) with Space among them.
    terminal.write_all(b"j").expect("typed");
    thread::sleep(Duration::from_millis(50));
    terminal
        .write_all(b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22c \x1b[6;20;10t\x1b[0n")
        .expect("answered");
    let frame = |out: &[u8]| {
        let mut screen = vt100::Parser::new(
            30.try_into().expect("rows"),
            100.try_into().expect("columns"),
            0,
        );
        screen.process(&out[asked..]);
        screen.screen().contents()
    };
    output.until("the second bag picked", &|out| {
        frame(out).contains("▶✓ Two bag")
    });
    terminal.write_all(b"k").expect("typed");
    output.until("kitty graphics", &has(b"\x1b_Gq=2,"));
    terminal.write_all(b"q").expect("typed");
    let status = child.wait().expect("lookbook ends");
    assert!(status.success(), "{status:?}");
    let leaving = output.until("the alternate screen left", &has(b"\x1b[?1049l"));
    let delete = b"\x1b_Ga=d,d=A\x1b\\";
    let delete = output
        .bytes
        .windows(delete.len())
        .position(|w| w == delete)
        .expect("kitty's images deleted");
    assert!(delete < leaving, "before the screen is left");
    let mut shortlist = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut shortlist)
        .expect("the shortlist");
    assert!(shortlist.contains("Two bag"), "{shortlist}");
    // Then its count and total, as the SSH receipt says them.
    assert!(shortlist.ends_with("\n1 bag · £49.99\n"), "{shortlist}");
}

/// What a program wrote to its terminal, as it arrives.
struct Output {
    bytes: Vec<u8>,
    received: std::sync::mpsc::Receiver<Vec<u8>>,
}

impl Output {
    /// Reads until `done` holds of all that came; how much that was.
    fn until(&mut self, what: &str, done: &dyn Fn(&[u8]) -> bool) -> usize {
        let deadline = Instant::now() + support::tmux::LIMIT;
        while !done(&self.bytes) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.received.recv_timeout(left) {
                Ok(chunk) => self.bytes.extend(chunk),
                Err(_) => panic!(
                    "never saw {what}: {:?}",
                    String::from_utf8_lossy(&self.bytes)
                ),
            }
        }
        self.bytes.len()
    }
}
