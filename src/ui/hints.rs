//! The bottom hint bar and, in the narrow layout, the pane tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::theme::Theme;
use super::{pane, text};
use crate::app::keymap::{ERRORS, KEYMAP};
use crate::app::{Action, Pane};

/// One key in the bar: its keys, its word, and whether it stays when the
/// bar is short of room.
pub(super) struct Hint<'a> {
    pub keys: String,
    pub word: &'a str,
    pub kept: bool,
}

impl Hint<'_> {
    fn width(&self) -> usize {
        text::width(&self.keys) + 1 + text::width(self.word) + 2
    }
}

/// The keys that work now, as many as fit: the entry's own keys while one
/// is open, otherwise the keymap's hinted bindings in table order. When
/// room runs short the kept ones stay and the others go from the end.
pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene, tabs: bool) {
    let hints = match ui.app.prompt() {
        Some(prompt) => prompt
            .kind
            .keys()
            .iter()
            .map(|key| Hint {
                keys: key.keys.to_string(),
                word: key.hint,
                kept: false,
            })
            .collect(),
        None => keymap_hints(ui, tabs),
    };
    bar(frame, area, ui.theme, hints);
}

/// The hints that fit in `area`: the kept ones, then the others in order.
pub(super) fn bar(frame: &mut Frame, area: Rect, theme: &Theme, hints: Vec<Hint>) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let mut kept_after: usize = hints.iter().filter(|h| h.kept).map(Hint::width).sum();
    for hint in hints {
        let width = hint.width();
        if hint.kept {
            kept_after -= width;
        }
        if used + width + kept_after > usize::from(area.width) {
            if hint.kept {
                break;
            }
            continue;
        }
        used += width;
        spans.push(Span::styled(hint.keys, theme.key));
        spans.push(Span::styled(format!(" {}  ", hint.word), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The keymap's hints. Kept when room is short: Tab where the panes are
/// tabs (it is how they switch), `i` when the edit has sections to read,
/// and the errors key while there are errors (it comes first then).
fn keymap_hints(ui: &Scene, tabs: bool) -> Vec<Hint<'static>> {
    let sections = !ui.app.lookbook().sections.is_empty();
    let errors = ui.app.problem().map(|_| &ERRORS);
    errors
        .into_iter()
        .chain(KEYMAP)
        .filter_map(|binding| {
            let kept = match binding.action {
                Action::FocusNext => tabs,
                Action::ToggleAbout => sections,
                Action::ShowErrors => true,
                _ => false,
            };
            Some(Hint {
                keys: binding.keys_label(),
                word: binding.hint?,
                kept,
            })
        })
        .collect()
}

/// `Bags │ Detail │ Styling` (the first is the edit's noun), the shown pane marked.
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
        spans.push(Span::styled(
            format!(" {} ", pane::title(pane, &ui.app.lookbook().nouns)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
