//! The local terminal transport: raw mode, alternate screen, and a loop that
//! draws, reads one event, and hands it to the app. The screen is drawn on
//! stderr, so stdout stays free for the shortlist (`lookbook > picks.txt`).
//! The terminal is restored on every way out: quit, error, or panic.

use std::io::{self, IsTerminal, Stderr};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App};
use crate::layout::Drawn;
use crate::ui;

type LocalTerminal = Terminal<CrosstermBackend<Stderr>>;

/// Runs the app until it quits, and returns it (with its shortlist).
/// `mouse` turns on mouse reporting, which takes text selection away from
/// the terminal, so it is the user's choice.
pub fn run(mut app: App, mouse: bool) -> io::Result<App> {
    if !io::stderr().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "lookbook browses in a terminal, and this is not one (use `lookbook check PATH` to validate a file)",
        ));
    }
    restore_on_panic();
    let result = enter(mouse).and_then(|mut screen| event_loop(&mut screen, &mut app));
    let restored = leave();
    result.and(restored).map(|()| app)
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

fn event_loop(screen: &mut LocalTerminal, app: &mut App) -> io::Result<()> {
    let size = screen.size()?;
    app.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while app.is_running() {
        let mut drawn = Drawn::default();
        screen.draw(|frame| drawn = ui::draw(frame, app))?;
        app.observe(drawn);
        match event::read()? {
            Event::Key(key) => app.handle_key(key),
            Event::Resize(width, height) => app.handle(Action::Resize { width, height }),
            Event::Mouse(mouse) => {
                if let Some(action) = mouse_action(mouse) {
                    app.handle(action);
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
