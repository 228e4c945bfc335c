//! A centred window over the panes, with scrolling content: the frame the
//! help and about overlays share.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::Scene;
use super::pane;
use crate::layout::Extent;

/// Widest an overlay gets: wider reads badly.
const MAX_WIDTH: u16 = 72;

/// Narrower strips of the panes beside an overlay show only fragments of
/// them (a stray `)`, half a border), so below this the overlay takes the
/// whole width instead.
const MIN_SIDE_MARGIN: u16 = 12;

/// How wide the window is on a screen `screen_width` wide.
fn width(screen_width: u16) -> u16 {
    if screen_width >= MAX_WIDTH + 2 * MIN_SIDE_MARGIN {
        MAX_WIDTH
    } else {
        screen_width
    }
}

/// The window for content of `content_height` lines on this screen.
pub fn window(area: Rect, content_height: usize) -> Rect {
    let height = u16::try_from(content_height + 2).unwrap_or(u16::MAX);
    let [row] = Layout::vertical([Constraint::Max(
        height.min(area.height.saturating_sub(2)).max(3),
    )])
    .flex(Flex::Center)
    .areas(area);
    let [window] = Layout::horizontal([Constraint::Max(width(area.width))])
        .flex(Flex::Center)
        .areas(row);
    window
}

/// Width available to content inside the window's border and padding.
pub fn content_width(area: Rect) -> u16 {
    width(area.width).saturating_sub(4)
}

pub fn max_scroll(area: Rect, content_height: usize) -> usize {
    let window = window(area, content_height);
    content_height.saturating_sub(usize::from(window.height.saturating_sub(2)))
}

/// Draws the window; returns how long its content is and how much shows.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &Scene,
    title: &str,
    lines: Vec<Line<'static>>,
) -> Extent {
    let theme = ui.theme;
    let window = window(area, lines.len());
    let extent = Extent {
        len: lines.len(),
        viewport: usize::from(window.height.saturating_sub(2)),
    };
    let scroll = ui.app.overlay_scroll().min(max_scroll(area, lines.len()));
    let footer = if max_scroll(area, lines.len()) > 0 {
        " ↑↓ scroll · Esc close "
    } else {
        " Esc close "
    };
    let block = pane::block(theme, format!(" {title} "), true)
        .title_bottom(Line::styled(footer, theme.muted).right_aligned());
    let visible: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Clear, window);
    frame.render_widget(&block, window);
    let inner = block
        .inner(window)
        .inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Paragraph::new(visible), inner);
    extent
}
