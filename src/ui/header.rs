//! The top line: what is being browsed, and who published it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::text;
use crate::words::count;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) {
    let theme = ui.theme;
    let lookbook = ui.app.lookbook();
    let width = usize::from(area.width);
    // What matters most is kept when the line is short: the title, then the
    // budget in force, then the source, then the counts.
    let budget = ui
        .app
        .budget()
        .map(|budget| format!(" · under {}", lookbook.currency.format(budget)));
    let budget_width = budget.as_deref().map_or(0, text::width);
    let title_room = width.saturating_sub(1 + budget_width);
    let title = text::truncate(&lookbook.title, title_room).into_owned();
    let mut used = 1 + text::width(&title) + budget_width;
    let mut spans = vec![Span::raw(" "), Span::styled(title, theme.header)];
    let source_room = width.saturating_sub(used + 3);
    if source_room > 2 {
        let source = text::truncate(&lookbook.source, source_room).into_owned();
        used += 3 + text::width(&source);
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(source, theme.header_source));
    }
    if let Some(budget) = budget {
        spans.push(Span::styled(budget, theme.accent));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let counts = format!(
        "{} · {} ",
        count(lookbook.bags.len(), "bag"),
        count(lookbook.looks.len(), "look")
    );
    if used + 2 + text::width(&counts) <= width {
        let counts = Paragraph::new(Span::styled(counts, theme.muted)).alignment(Alignment::Right);
        frame.render_widget(counts, area);
    }
}
