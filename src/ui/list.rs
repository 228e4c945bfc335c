//! The list pane: one row per bag, name and price. Only the rows in view are
//! built, so a frame costs the same for eight bags or a hundred thousand.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{pane, text};
use crate::app::{App, Pane};
use crate::lookbook::Bag;

/// Marks the selected row in every theme, colour or not.
const MARKER: &str = "▶ ";
const NO_MARKER: &str = "  ";

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let bags = &app.lookbook().bags;
    let focused = app.focus() == Pane::List;
    let title = format!(" {} ({}) ", Pane::List.title(), bags.len());
    let block = pane::block(theme, title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let rows = usize::from(inner.height);
    let offset = visible_offset(app.list_offset(), app.selected(), rows, bags.len());
    let lines: Vec<Line> = bags
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(index, bag)| row(app, bag, index == app.selected(), focused, inner.width))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    if bags.len() > rows {
        let mut state = ScrollbarState::new(bags.len().saturating_sub(rows))
            .position(offset)
            .viewport_content_length(rows);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(theme.accent)
            .track_style(theme.muted);
        frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// The stored offset, moved as little as needed to show the selection at
/// the size actually drawn.
fn visible_offset(offset: usize, selected: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let offset = offset.min(len.saturating_sub(rows));
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

fn row<'a>(app: &App, bag: &'a Bag, selected: bool, focused: bool, width: u16) -> Line<'a> {
    let theme = app.theme();
    let width = usize::from(width);
    let price = app.lookbook().currency.format(bag.price);
    let marker = if selected { MARKER } else { NO_MARKER };
    let fixed = text::width(marker) + text::width(&price) + 1;
    let (name_room, show_price) = if width >= fixed + 4 {
        (width - fixed, true)
    } else {
        (width.saturating_sub(text::width(marker)), false)
    };
    let name = text::truncate(&bag.name, name_room);
    let mut spans = vec![
        Span::styled(marker, theme.accent),
        Span::styled(name.clone(), theme.name),
    ];
    if show_price {
        let gap = width - text::width(marker) - text::width(&name) - text::width(&price);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(price, theme.price));
    }
    if selected {
        let style = theme.selection(focused);
        spans = spans
            .into_iter()
            .map(|span| span.patch_style(style))
            .collect();
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::visible_offset;

    #[test]
    fn offset_moves_only_to_show_the_selection() {
        assert_eq!(visible_offset(0, 3, 5, 10), 0);
        assert_eq!(visible_offset(0, 7, 5, 10), 3);
        assert_eq!(visible_offset(4, 2, 5, 10), 2);
        assert_eq!(visible_offset(9, 9, 5, 10), 5);
        assert_eq!(visible_offset(0, 0, 0, 0), 0);
    }
}
