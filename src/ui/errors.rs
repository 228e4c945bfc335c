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
    let quoted = |line: &&str| !ui.theme.source_lines && is_quoted(line);
    out.extend(
        problem
            .details
            .lines()
            .filter(|line| !quoted(line))
            .map(|line| {
                let shown = text::truncate(line, width).into_owned();
                if line.starts_with("error:") {
                    Line::styled(shown, ui.theme.error)
                } else {
                    Line::raw(shown)
                }
            }),
    );
    out
}

/// Whether a line of a report quotes the file: its excerpt (`39 | size =
/// "tiny"`), the caret under it and the gutter around them. The message and
/// its `--> file:line:column` stay.
fn is_quoted(line: &str) -> bool {
    let gutter = line
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit());
    gutter.starts_with(" |") || gutter.starts_with('|')
}

#[cfg(test)]
mod tests {
    use super::is_quoted;

    #[test]
    fn a_reports_excerpt_is_told_from_its_message_and_place() {
        let report = "error: unknown size `tiny`\n  --> edit.toml:39:8\n   |\n39 | size = \"tiny\"\n   |        ^^^^^^ one of nano, micro, mini\nerror: edit.toml has 1 error";
        let kept: Vec<&str> = report.lines().filter(|l| !is_quoted(l)).collect();
        assert_eq!(
            kept,
            [
                "error: unknown size `tiny`",
                "  --> edit.toml:39:8",
                "error: edit.toml has 1 error"
            ]
        );
    }
}
