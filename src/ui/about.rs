//! The about overlay: the edit's own text (what a mini bag is, how to style
//! one), so the lookbook reads as the article it came from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::Scene;
use super::{overlay, text};
use crate::layout::Extent;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Extent {
    let title = format!("About: {}", ui.app.lookbook().title);
    overlay::draw(frame, area, ui, &title, lines(ui, area))
}

fn lines(ui: &Scene, area: Rect) -> Vec<Line<'static>> {
    let theme = ui.theme;
    let lookbook = ui.app.lookbook();
    let width = usize::from(overlay::content_width(area)).max(1);
    let mut out = vec![Line::styled(
        format!("From {}", lookbook.source),
        theme.header_source,
    )];
    for section in &lookbook.sections {
        out.push(Line::default());
        out.extend(
            text::wrap(&section.heading, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.header)),
        );
        out.extend(text::wrap(&section.body, width).into_iter().map(Line::raw));
    }
    out
}
