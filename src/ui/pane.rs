//! The frame every pane sits in: focus shows in its border and title.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Scrollbar, ScrollbarOrientation, ScrollbarState};

use std::borrow::Cow;

use super::theme::Theme;
use crate::layout::Pane;
use crate::lookbook::Nouns;

/// What each pane is called, in its title and its tab: the list by what
/// the edit lists ("Bags", "Sneakers").
pub fn title(pane: Pane, nouns: &Nouns) -> Cow<'static, str> {
    match pane {
        Pane::List => Cow::Owned(nouns.title()),
        Pane::Detail => Cow::Borrowed("Detail"),
        Pane::Styling => Cow::Borrowed("Styling"),
    }
}

pub fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let (border, border_type, title_style) = if focused {
        (
            theme.border_focused,
            theme.border_type_focused,
            theme.title_focused,
        )
    } else {
        (theme.border, theme.border_type, theme.title)
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border)
        .title(title.into().style(title_style))
}

/// The scrollbar on the right border of a pane at `area`, for `len` rows
/// of which `rows` show from `offset`.
pub fn scrollbar(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    (len, rows, offset): (usize, usize, usize),
) {
    let mut state = ScrollbarState::new(len.saturating_sub(rows))
        .position(offset)
        .viewport_content_length(rows);
    let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .thumb_style(theme.accent)
        .track_style(theme.muted);
    frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut state);
}

/// An item's rows, every span drawn in the selection's style when it is
/// the selected one.
pub fn rows(rows: Vec<Vec<Span<'static>>>, selection: Option<Style>) -> Vec<Line<'static>> {
    rows.into_iter()
        .map(|spans| match selection {
            Some(style) => Line::from(
                spans
                    .into_iter()
                    .map(|s| s.patch_style(style))
                    .collect::<Vec<_>>(),
            ),
            None => Line::from(spans),
        })
        .collect()
}
