//! The local terminal transport: raw mode, alternate screen, and a loop that
//! draws, reads one event, and hands it to the app. The screen is drawn on
//! stderr, so stdout stays free for the shortlist (`lookbook > picks.txt`).
//! The terminal is restored on every way out: quit, error, panic, or a
//! signal (the window closed, `kill`, a tmux kill).

use std::io::{self, IsTerminal, Stderr, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crate::photos::{Graphics, Images, PhotoMode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use tokio::sync::watch;

use crate::app::{Action, SearchDone};
use crate::library::Catalogue;
use crate::repaint;
use crate::shell::Shell;
use crate::ui;
use crate::ui::theme::Theme;

mod question;

type LocalTerminal = Terminal<CrosstermBackend<Stderr>>;

/// The signals that end a terminal program; each restores the terminal
/// and exits with the shell's convention, 128 + the signal's number.
const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// How often the loop looks for a caught signal while no key comes.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// How often the loop looks for a finished search while one runs.
const SEARCH_CHECK: Duration = Duration::from_millis(5);

/// The search running on a thread of its own, one at a time: a newer one
/// waits for it (and replaces any other waiting), so typing fast over a big
/// edit never piles searches up.
#[derive(Default)]
struct Searches {
    running: Option<mpsc::Receiver<SearchDone>>,
}

impl Searches {
    fn running(&self) -> bool {
        self.running.is_some()
    }

    fn start(&mut self, shell: &mut Shell) {
        if self.running.is_some() {
            return;
        }
        let Some(job) = shell.search_job() else {
            return;
        };
        let (done, result) = mpsc::channel();
        thread::spawn(move || {
            // The loop may have ended; then nobody wants the result.
            let _ = done.send(job.run());
        });
        self.running = Some(result);
    }

    /// Hands a finished search to the shell; whether one finished.
    fn collect(&mut self, shell: &mut Shell) -> bool {
        let Some(running) = &self.running else {
            return false;
        };
        match running.try_recv() {
            Ok(done) => {
                shell.search_done(done);
                self.running = None;
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.running = None;
                false
            }
        }
    }
}

/// How a browsing session ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit: the shell, with the shortlists.
    Quit(Box<Shell>),
    /// A signal ended it, after the terminal was restored: exit with
    /// 128 + this number.
    Signal(i32),
}

/// Why the browser can't run here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// stdin or stderr is not a terminal (a pipe, a file, a CI job).
    NotATerminal,
    /// `TERM` is `dumb` or unset: a terminal that says it cannot move the
    /// cursor or show colour, where a full-screen app would be garbage.
    Dumb,
}

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unsupported::NotATerminal => {
                "lookbook browses in a terminal, and this is not one (use `lookbook check PATH` to validate a file)"
            }
            Unsupported::Dumb => {
                "this terminal (TERM is dumb or unset) cannot show the browser; \
                 `lookbook render` prints a frame as text"
            }
        })
    }
}

/// Whether the browser can run on this terminal, given its `TERM`.
pub fn check(term: Option<&str>) -> Result<(), Unsupported> {
    if !io::stderr().is_terminal() || !io::stdin().is_terminal() {
        return Err(Unsupported::NotATerminal);
    }
    match term {
        None | Some("" | "dumb") => Err(Unsupported::Dumb),
        Some(_) => Ok(()),
    }
}

/// Runs the shell until it quits or a signal ends it, on a terminal that
/// passed [`check`]. `mouse` turns on mouse reporting, which takes text
/// selection away from the terminal, so it is the user's choice.
/// `ask_photos`: the terminal is asked how it shows photos first (with
/// `--images auto`, when the edits have photos), and answers for `theme`.
/// New versions of the edits (live reload) arrive on `catalogue`.
pub fn run(
    mut shell: Shell,
    theme: &Theme,
    mouse: bool,
    ask_photos: bool,
    catalogue: &mut watch::Receiver<Arc<Catalogue>>,
) -> io::Result<Ending> {
    restore_on_panic();
    let caught = watch_signals()?;
    watch_for_hangup();
    let mut inputs = Inputs {
        caught: &caught,
        catalogue,
    };
    let result = enter(mouse).and_then(|mut screen| {
        let mut theme = theme.clone();
        if ask_photos {
            // A question that could not be asked is photos as the names
            // said, never a browser that does not start.
            let (mode, keys) = question::ask(theme.photos).unwrap_or((theme.photos, Vec::new()));
            theme = theme.with_photos(Images::Auto, mode);
            for key in keys {
                shell.handle_key(key);
            }
        }
        let ran = event_loop(&mut screen, &mut shell, &theme, &mut inputs);
        ran.and(blank(theme.photos))
    });
    let restored = leave();
    result.and(restored)?;
    match caught.load(Ordering::SeqCst) {
        0 => Ok(Ending::Quit(Box::new(shell))),
        signal => Ok(Ending::Signal(i32::try_from(signal).unwrap_or(1))),
    }
}

/// How often a watcher checks that the terminal is still there.
const HANGUP_CHECK: Duration = Duration::from_millis(250);

/// Ends the process as a hang-up would (status 129) when the terminal goes
/// away without a SIGHUP (its window closed after the shell had left): a
/// gone terminal reads as endless end-of-file, and crossterm would spin on
/// it for ever, at full CPU, where no check in the loop can see it. There
/// is nothing left to restore.
fn watch_for_hangup() {
    static WATCHER: Once = Once::new();
    WATCHER.call_once(|| {
        thread::spawn(|| {
            loop {
                thread::sleep(HANGUP_CHECK);
                if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
                    std::process::exit(128 + signal_hook::consts::SIGHUP);
                }
            }
        });
    });
}

/// Notes which ending signal came, for the loop to stop at; a second one
/// while the terminal is being restored exits at once.
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let caught = Arc::new(AtomicUsize::new(0));
    let armed = Arc::new(AtomicBool::new(false));
    for signal in ENDING_SIGNALS {
        // Registered first, so the first signal finds it disarmed.
        signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, armed.clone())?;
        let number = usize::try_from(signal).unwrap_or(1);
        signal_hook::flag::register_usize(signal, caught.clone(), number)?;
        signal_hook::flag::register(signal, armed.clone())?;
    }
    Ok(caught)
}

fn enter(mouse: bool) -> io::Result<LocalTerminal> {
    enable_raw_mode()?;
    execute!(io::stderr(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stderr(), EnableMouseCapture)?;
    }
    let mut screen = Terminal::new(CrosstermBackend::new(io::stderr()))?;
    // No `screen.clear()`: it asks the terminal for the cursor position on
    // stdout, which may be a file. The alternate screen starts blank.
    screen.hide_cursor()?;
    Ok(screen)
}

/// Clears the alternate screen and puts the cursor home, last thing before
/// leaving it. tmux, leaving an alternate screen that grew meanwhile,
/// shrinks it back first, pushing the rows above the cursor into the main
/// screen's history, and growing again brings them back: the user's shell
/// would show the top of lookbook's last frame.
///
/// Written straight to stderr: ratatui's `clear` asks the terminal where
/// the cursor is on stdout, which may be a closed pipe by now.
///
/// Kitty keeps images apart from the text, so clearing the screen leaves
/// them: they are deleted too (all of them, with their data), or they would
/// stay over the user's shell.
fn blank(photos: PhotoMode) -> io::Result<()> {
    let mut stderr = io::stderr();
    if matches!(
        photos,
        PhotoMode::Graphics {
            protocol: Graphics::Kitty,
            ..
        }
    ) {
        stderr.write_all(KITTY_DELETE_ALL.as_bytes())?;
    }
    execute!(
        stderr,
        Clear(ClearType::All),
        ratatui::crossterm::cursor::MoveTo(0, 0)
    )
}

/// Kitty's "delete every image, and free its data".
pub const KITTY_DELETE_ALL: &str = "\x1b_Ga=d,d=A\x1b\\";

/// Puts the terminal back as it was; safe to call more than once.
fn leave() -> io::Result<()> {
    let mut stderr = io::stderr();
    let shown = execute!(
        stderr,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    disable_raw_mode().and(shown)
}

fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = leave();
            previous(info);
        }));
    });
}

/// What reaches the loop besides the terminal's events.
struct Inputs<'a> {
    /// An ending signal's number, once one came.
    caught: &'a AtomicUsize,
    catalogue: &'a mut watch::Receiver<Arc<Catalogue>>,
}

impl Inputs<'_> {
    /// Takes in the edits as the last reload left them, and lets time pass
    /// (a notice going); whether the screen changed.
    fn take(&mut self, shell: &mut Shell) -> bool {
        // An error means no watcher is left: nothing more will change.
        let changed = self.catalogue.has_changed().unwrap_or(false);
        if changed {
            let current = Arc::clone(&self.catalogue.borrow_and_update());
            if let Some(old) = shell.update(current, Instant::now()) {
                thread::spawn(move || drop(old));
            }
        }
        shell.tick(Instant::now()) || changed
    }
}

fn event_loop(
    screen: &mut LocalTerminal,
    shell: &mut Shell,
    theme: &Theme,
    inputs: &mut Inputs,
) -> io::Result<()> {
    let caught = inputs.caught;
    let size = screen.size()?;
    shell.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut stale = true;
    let mut searches = Searches::default();
    let mut photos_shown = Vec::new();
    while shell.is_running() && caught.load(Ordering::SeqCst) == 0 {
        let searched = searches.collect(shell);
        if inputs.take(shell) || searched {
            stale = true;
        }
        searches.start(shell);
        if stale {
            let drawn = repaint::draw(screen, &mut photos_shown, theme.photos, |frame| {
                ui::draw_shell(frame, shell, theme)
            })?;
            shell.observe(drawn);
        }
        // A signal does not wake a blocking read, so wait in short steps,
        // shorter while a search may come back.
        let wait = if searches.running() {
            SEARCH_CHECK
        } else {
            SIGNAL_CHECK
        };
        stale = event::poll(wait)?;
        if !stale {
            continue;
        }
        match event::read()? {
            Event::Key(key) => shell.handle_key(key),
            Event::Resize(width, height) => shell.handle(Action::Resize { width, height }),
            Event::Mouse(mouse) => {
                if let Some(action) = mouse_action(mouse) {
                    shell.handle(action);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
        _ => None,
    }
}
