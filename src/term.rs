//! The local terminal transport: raw mode, alternate screen, and a loop that
//! draws, reads one event, and hands it to the app. The terminal is restored
//! on every way out: quit, error, or panic (ratatui's panic hook).

use std::io::{self, IsTerminal};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{Action, App};
use crate::ui;

pub fn run(mut app: App) -> io::Result<App> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "lookbook browses in a terminal, and this is not one (use `lookbook check PATH` to validate a file)",
        ));
    }
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut app);
    let restored = ratatui::try_restore();
    result.and(restored).map(|()| app)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while app.is_running() {
        terminal.draw(|frame| ui::draw(frame, app))?;
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
            Event::Resize(width, height) => app.handle(Action::Resize { width, height }),
            _ => {}
        }
    }
    Ok(())
}
