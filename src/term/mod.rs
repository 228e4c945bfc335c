//! The local terminal transport: raw mode, alternate screen, and the
//! driver's end on them (crossterm's events in, frames out), on a runtime
//! of one thread, as every SSH session runs. The screen is drawn on
//! stderr, so stdout stays free for the shortlist (`lookbook > picks.txt`).
//! The terminal is restored on every way out: quit, error, panic, or a
//! signal (the window closed, `kill`, a tmux kill).

use std::future::poll_fn;
use std::io::{self, IsTerminal, Stderr, Write};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Once};
use std::task::Poll;
use std::thread;
use std::time::{Duration, Instant};

use futures_core::Stream;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event as TermEvent, EventStream, MouseButton,
    MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Size;
use ratatui::{Frame, Terminal};
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::watch;

use crate::app::Action;
use crate::browser::Browser;
use crate::driver::{self, End, Event, Limits, Next, Sizes, Transport};
use crate::layout::{Drawn, PhotoArea};
use crate::library::Catalogue;
use crate::photos::{Graphics, KITTY_DELETE_ALL, PhotoMode};
use crate::repaint;
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

/// Runs the browser until it quits or a signal ends it (the outcome says
/// which, and holds the browser with its shortlists), on a terminal that
/// passed [`check`], as the driver runs every session. `mouse` turns on
/// mouse reporting, which takes text selection away from the terminal, so
/// it is the user's choice. `ask_photos`: the terminal is asked how it
/// shows photos first (with `--images auto`, when the edits have photos),
/// and answers for `theme`. New versions of the edits (live reload) arrive
/// on `catalogue`.
pub fn run(
    browser: Browser,
    theme: &Theme,
    mouse: bool,
    ask_photos: bool,
    catalogue: watch::Receiver<Arc<Catalogue>>,
) -> io::Result<driver::Outcome> {
    restore_on_panic();
    arm_second_signal()?;
    watch_for_hangup();
    // One thread: one session. Jobs (searches, photos) run on its
    // blocking pool.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let session = driver::Session {
        browser,
        theme: theme.clone(),
        catalogue,
        shutdown: None,
        limits: Limits::default(),
        photo_question: ask_photos.then_some(0),
    };
    let result = enter(mouse).and_then(|screen| {
        runtime.block_on(async {
            let mut local = Local::new(screen)?;
            let outcome = driver::drive(&mut local, session).await;
            let blanked = blank(outcome.theme.photos);
            match local.failure.take() {
                Some(error) => Err(error),
                None => blanked.map(|()| outcome),
            }
        })
    });
    // A photo job may still be decoding: nobody waits for it.
    runtime.shutdown_background();
    let restored = leave();
    let outcome = result.and_then(|outcome| restored.map(|()| outcome))?;
    match outcome.end {
        End::DrawFailed => Err(io::Error::other("drawing the screen failed")),
        _ => Ok(outcome),
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

/// A second ending signal while the terminal is being restored exits at
/// once; the first ends the driver (see [`Local::next`]).
fn arm_second_signal() -> io::Result<()> {
    static ARMED: Once = Once::new();
    let mut result = Ok(());
    ARMED.call_once(|| {
        let armed = Arc::new(AtomicBool::new(false));
        for signal in ENDING_SIGNALS {
            // Registered first, so the first signal finds it disarmed.
            result = signal_hook::flag::register_conditional_shutdown(
                signal,
                128 + signal,
                armed.clone(),
            )
            .and_then(|_| signal_hook::flag::register(signal, armed.clone()))
            .map(drop);
            if result.is_err() {
                return;
            }
        }
    });
    result
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

/// The local terminal, as the driver's transport: crossterm's events in
/// (and the ending signals), frames out on stderr.
struct Local {
    screen: LocalTerminal,
    /// Where the last frame's photos were.
    photos: Vec<PhotoArea>,
    /// Made on the first event read, after the photo question: crossterm's
    /// reader would take the terminal's answer for keys.
    events: Option<EventStream>,
    signals: Vec<(i32, Signal)>,
    /// Reading the terminal failed: the browser ends with this error.
    failure: Option<io::Error>,
}

impl Local {
    fn new(screen: LocalTerminal) -> io::Result<Local> {
        let signals = ENDING_SIGNALS
            .into_iter()
            .map(|number| Ok((number, signal(SignalKind::from_raw(number))?)))
            .collect::<io::Result<_>>()?;
        Ok(Local {
            screen,
            photos: Vec::new(),
            events: None,
            signals,
            failure: None,
        })
    }

    /// The number of an ending signal that came.
    async fn signalled(signals: &mut [(i32, Signal)]) -> i32 {
        poll_fn(|cx| {
            for (number, signal) in signals.iter_mut() {
                if signal.poll_recv(cx).is_ready() {
                    return Poll::Ready(*number);
                }
            }
            Poll::Pending
        })
        .await
    }

    /// A terminal event as the driver's, if it is one lookbook uses.
    fn event(&mut self, event: Option<io::Result<TermEvent>>) -> Option<Event> {
        match event {
            Some(Ok(TermEvent::Key(key))) => Some(Event::Key(key)),
            Some(Ok(TermEvent::Resize(width, height))) => Some(Event::Resize { width, height }),
            Some(Ok(TermEvent::Mouse(mouse))) => mouse_action(mouse).map(Event::Mouse),
            Some(Ok(TermEvent::Paste(text))) => Some(Event::Paste(text)),
            Some(Ok(_)) => None,
            Some(Err(error)) => {
                self.failure = Some(error);
                Some(Event::Ended(End::ClientLeft))
            }
            None => Some(Event::Ended(End::InputEnded)),
        }
    }
}

impl Transport for Local {
    fn sizes(&self) -> Sizes {
        let cells = self.screen.size().unwrap_or(Size::new(80, 24));
        // The window's size in pixels, where the terminal reports it.
        let window = ratatui::crossterm::terminal::window_size().ok();
        Sizes {
            cells: (cells.width, cells.height),
            pixels: window.map_or((0, 0), |w| (u32::from(w.width), u32::from(w.height))),
        }
    }

    async fn send_raw(&mut self, bytes: &[u8]) -> Result<(), End> {
        let mut stderr = io::stderr();
        // A question that could not be asked is photos as the names said,
        // never a browser that does not start.
        let _ = stderr.write_all(bytes).and_then(|()| stderr.flush());
        Ok(())
    }

    async fn read_raw(&mut self, deadline: Instant) -> Result<Option<Vec<u8>>, End> {
        let read = tokio::task::spawn_blocking(move || question::read(deadline)).await;
        // Unreadable, it is as if the terminal said no more.
        Ok(read.ok().and_then(Result::ok).flatten())
    }

    async fn next(&mut self, frame_wanted: bool) -> Next {
        // Drawing here costs nothing to wait for: draw first.
        if frame_wanted {
            return Next::FrameReady;
        }
        loop {
            let events = self.events.get_or_insert_with(EventStream::new);
            let event = tokio::select! {
                event = poll_fn(|cx| Pin::new(&mut *events).poll_next(cx)) => event,
                number = Local::signalled(&mut self.signals) => {
                    return Next::Event(Event::Ended(End::Signal(number)));
                }
            };
            if let Some(event) = self.event(event) {
                return Next::Event(event);
            }
        }
    }

    fn draw(
        &mut self,
        mode: PhotoMode,
        paint: &mut dyn FnMut(&mut Frame) -> Drawn,
    ) -> io::Result<Drawn> {
        repaint::draw(&mut self.screen, &mut self.photos, mode, paint)
    }
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
