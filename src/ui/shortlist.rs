//! The shortlist overlay: the picked bags with their prices and the total.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Scene;
use super::{overlay, text};
use crate::layout::Extent;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Extent {
    let lookbook = ui.app.lookbook();
    let theme = ui.theme;
    let width = usize::from(overlay::content_width(area));
    let shortlist = ui.app.shortlist();
    let mut lines = Vec::new();
    if shortlist.is_empty() {
        lines.push(Line::styled("Nothing picked yet.", theme.muted));
        let how = format!("Space on {} adds it here.", lookbook.nouns.a());
        lines.push(Line::styled(how, theme.muted));
    }
    for (i, bag_index) in shortlist.iter().enumerate() {
        let bag = &lookbook.bags[bag_index];
        let price = lookbook.currency.format(bag.price);
        let at_cursor = i == ui.app.shortlist_cursor();
        let marker = if at_cursor { "▶ " } else { "  " };
        let room = width.saturating_sub(2 + text::width(&price) + 1);
        let name = text::truncate(&bag.name, room).into_owned();
        let gap = width.saturating_sub(2 + text::width(&name) + text::width(&price));
        let mut spans = vec![
            Span::styled(marker, theme.accent),
            Span::styled(name, theme.name),
            Span::raw(" ".repeat(gap)),
            Span::styled(price, theme.price),
        ];
        if at_cursor {
            spans = spans
                .into_iter()
                .map(|s| s.patch_style(theme.selected))
                .collect();
        }
        lines.push(Line::from(spans));
    }
    if !shortlist.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(shortlist.summary(lookbook), theme.header),
            Span::styled("   Space removes · Enter shows", theme.muted),
        ]));
    }
    overlay::draw(frame, area, ui, "Shortlist", lines)
}
