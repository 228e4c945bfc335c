//! The frame every pane sits in: focus shows in its border and title.

use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::theme::Theme;
use crate::layout::Pane;

/// What each pane is called, in its title and its tab.
pub fn title(pane: Pane) -> &'static str {
    match pane {
        Pane::List => "Bags",
        Pane::Detail => "Detail",
        Pane::Styling => "Styling",
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
