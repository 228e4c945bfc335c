//! What a terminal too small for the lookbook shows instead.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::text;
use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = [
        ("Make the terminal bigger".to_string(), theme.header),
        (
            format!(
                "lookbook needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}",
                area.width, area.height
            ),
            theme.muted,
        ),
        ("q quits".to_string(), theme.key),
    ];
    let lines: Vec<Line> = message
        .iter()
        .flat_map(|(words, style)| {
            text::wrap(words, usize::from(area.width))
                .into_iter()
                .map(move |line| Line::styled(line, *style).centered())
        })
        .collect();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let [middle] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Paragraph::new(lines), middle);
}
