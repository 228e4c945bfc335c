//! What a terminal too small for the lookbook shows instead.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::text;
use super::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let title = ("Make the terminal bigger", theme.header);
    let short_title = ("Too small", theme.header);
    let size = format!(
        "lookbook needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}",
        area.width, area.height
    );
    let size = (size.as_str(), theme.muted);
    let quit = ("q quits", theme.key);
    // The most helpful message that fits; how to quit is always in it.
    let choices = [
        vec![title, size, quit],
        vec![title, quit],
        vec![short_title, quit],
        vec![quit],
    ];
    let width = usize::from(area.width);
    let lines = choices
        .iter()
        .map(|choice| wrapped(choice, width))
        .find(|lines| lines.len() <= usize::from(area.height))
        .unwrap_or_else(|| wrapped(&[quit], width));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let [middle] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Paragraph::new(lines), middle);
}

fn wrapped(message: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    message
        .iter()
        .flat_map(|(words, style)| {
            text::wrap(words, width)
                .into_iter()
                .map(move |line| Line::styled(line, *style).centered())
        })
        .collect()
}
