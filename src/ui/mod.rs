//! Pure drawing: `draw(frame, &app)` paints the whole screen from the app's
//! state and nothing else, so any transport (or test) gets the same frame.

mod about;
mod detail;
pub mod drawing;
mod header;
mod help;
mod hints;
pub mod layout;
mod list;
mod overlay;
mod pane;
mod shortlist;
mod styling;
pub mod text;
pub mod theme;
mod too_small;

use ratatui::Frame;

use crate::app::{App, Overlay, Pane};
use layout::Mode;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.is_empty() {
        return;
    }
    if layout::mode(area) == Mode::TooSmall {
        too_small::draw(frame, area, app.theme());
        return;
    }
    let screen = layout::screen(area, app.focus());
    header::draw(frame, screen.header, app);
    if let Some(tabs) = screen.tabs {
        hints::draw_tabs(frame, tabs, app);
    }
    if let Some(rect) = screen.list {
        list::draw(frame, rect, app);
    }
    if let Some(rect) = screen.detail {
        detail::draw(frame, rect, app);
    }
    if let Some(rect) = screen.styling {
        styling::draw(frame, rect, app);
    }
    hints::draw(frame, screen.hints, app);
    match app.overlay() {
        Some(Overlay::Help) => help::draw(frame, area, app),
        Some(Overlay::About) => about::draw(frame, area, app),
        Some(Overlay::Shortlist) => shortlist::draw(frame, area, app),
        None => {}
    }
}

/// How far the focused scrollable content (the detail pane, or an open
/// overlay) can scroll at the app's screen size: scrolling stops at the end
/// of the content rather than running into blank space.
pub fn max_scroll(app: &App, width: u16, height: u16) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    match app.overlay() {
        Some(Overlay::Help) => overlay::max_scroll(area, help::content_height(app, area)),
        Some(Overlay::About) => overlay::max_scroll(area, about::content_height(app, area)),
        Some(Overlay::Shortlist) => app.shortlist().len().saturating_sub(1),
        None => {
            let rows = layout::pane_rows(width, height, Pane::Detail);
            layout::screen(area, Pane::Detail)
                .detail
                .map_or(0, |rect| detail::content_height(app, rect))
                .saturating_sub(rows)
        }
    }
}
