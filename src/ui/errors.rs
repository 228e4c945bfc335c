//! The errors overlay: every error in the file being edited, as `lookbook
//! check` prints them, while the last good edit stays on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::Scene;
use super::{overlay, text};
use crate::layout::Extent;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Extent {
    overlay::draw(frame, area, ui, "Errors in the file", lines(ui, area))
}

/// The report's lines, each cut (not wrapped) to the window: a caret line
/// wrapped would point at the wrong character.
fn lines(ui: &Scene, area: Rect) -> Vec<Line<'static>> {
    let width = usize::from(overlay::content_width(area)).max(1);
    let Some(problem) = ui.app.problem() else {
        return vec![Line::styled("The file is fine again.", ui.theme.muted)];
    };
    let intro = "Showing the last good edit until the file is fixed and saved.";
    let mut out = vec![Line::styled(
        text::truncate(intro, width).into_owned(),
        ui.theme.muted,
    )];
    out.push(Line::default());
    out.extend(problem.details.lines().map(|line| {
        let shown = text::truncate(line, width).into_owned();
        if line.starts_with("error:") {
            Line::styled(shown, ui.theme.error)
        } else {
            Line::raw(shown)
        }
    }));
    out
}
