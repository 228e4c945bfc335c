//! The top line: what is being browsed, and who published it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text;
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let lookbook = app.lookbook();
    let counts = format!(
        "{} bags · {} looks ",
        lookbook.bags.len(),
        lookbook.looks.len()
    );
    let width = usize::from(area.width);
    let room_for_counts =
        width > text::width(&lookbook.title) + text::width(&lookbook.source) + counts.len() + 8;
    let title_room = width.saturating_sub(1);
    let title = text::truncate(&lookbook.title, title_room).into_owned();
    let source_room = title_room.saturating_sub(text::width(&title) + 3);
    let mut spans = vec![Span::raw(" "), Span::styled(title, theme.header)];
    if source_room > 2 {
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(
            text::truncate(&lookbook.source, source_room).into_owned(),
            theme.header_source,
        ));
    }
    if let Some(budget) = app.budget() {
        spans.push(Span::styled(
            format!(" · under {}", lookbook.currency.format(budget)),
            theme.accent,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if room_for_counts {
        let counts = Paragraph::new(Span::styled(counts, theme.muted)).alignment(Alignment::Right);
        frame.render_widget(counts, area);
    }
}
