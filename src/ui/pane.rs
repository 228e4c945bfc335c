//! The frame every pane sits in: focus shows in its border and title.

use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

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
