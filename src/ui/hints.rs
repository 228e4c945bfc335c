//! The bottom hint bar and, in the narrow layout, the pane tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text;
use crate::app::keymap::KEYMAP;
use crate::app::{App, Pane};

/// The keymap's hinted bindings, in table order, as many as fit.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for binding in KEYMAP {
        let Some(hint) = binding.hint else { continue };
        let keys = binding.keys_label();
        let item_width = text::width(&keys) + 1 + text::width(hint) + 2;
        if used + item_width > usize::from(area.width) {
            break;
        }
        used += item_width;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {hint}  "), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `Bags │ Detail │ Styling`, the shown pane marked.
pub fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme();
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.muted));
        }
        let style = if pane == app.focus() {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(format!(" {} ", pane.title()), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
