//! The bottom hint bar and, in the narrow layout, the pane tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::{pane, text};
use crate::app::Pane;
use crate::app::keymap::{ERRORS, KEYMAP};

/// The keys that work now, as many as fit: the entry's own keys while one
/// is open, otherwise the keymap's hinted bindings in table order.
pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) {
    let hints: Vec<(String, &str)> = match ui.app.prompt() {
        Some(prompt) => prompt
            .kind
            .keys()
            .iter()
            .map(|key| (key.keys.to_string(), key.hint))
            .collect(),
        None => {
            // While the file has errors, the key that shows them comes first.
            let errors = ui.app.problem().map(|_| &ERRORS);
            errors
                .into_iter()
                .chain(KEYMAP)
                .filter_map(|binding| Some((binding.keys_label(), binding.hint?)))
                .collect()
        }
    };
    let theme = ui.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, hint) in hints {
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
pub fn draw_tabs(frame: &mut Frame, area: Rect, ui: &Scene) {
    let theme = ui.theme;
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.muted));
        }
        let style = if pane == ui.app.focus() {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(format!(" {} ", pane::title(pane)), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
