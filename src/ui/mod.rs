//! Pure drawing: `draw(frame, &app)` paints the whole screen from the app's
//! state and nothing else, so any transport (or test) gets the same frame.

mod about;
mod detail;
pub mod drawing;
mod header;
mod help;
mod hints;
mod list;
mod overlay;
mod pane;
mod shortlist;
mod styling;
mod text;
pub mod theme;
mod too_small;

use ratatui::Frame;

use crate::app::{App, Overlay};
use crate::layout::{self, Drawn, Mode};

/// Draws the whole screen; returns what it measured of the text the app
/// scrolls (see [`App::observe`]).
pub fn draw(frame: &mut Frame, app: &App) -> Drawn {
    let area = frame.area();
    let mut drawn = Drawn::default();
    if area.is_empty() {
        return drawn;
    }
    if layout::mode(area) == Mode::TooSmall {
        too_small::draw(frame, area, app.theme());
        return drawn;
    }
    let screen = layout::regions(area, app.focus());
    header::draw(frame, screen.header, app);
    if let Some(tabs) = screen.tabs {
        hints::draw_tabs(frame, tabs, app);
    }
    if let Some(rect) = screen.list {
        list::draw(frame, rect, app);
    }
    if let Some(rect) = screen.detail {
        drawn.detail = Some(detail::draw(frame, rect, app));
    }
    if let Some(rect) = screen.styling {
        styling::draw(frame, rect, app);
    }
    hints::draw(frame, screen.hints, app);
    drawn.overlay = match app.overlay() {
        Some(Overlay::Help) => Some(help::draw(frame, area, app)),
        Some(Overlay::About) => Some(about::draw(frame, area, app)),
        Some(Overlay::Shortlist) => Some(shortlist::draw(frame, area, app)),
        None => None,
    };
    drawn
}
