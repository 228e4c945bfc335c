//! The help overlay: every binding of the keymap, by group.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Scene;
use super::{overlay, text};
use crate::app::keymap::{ERRORS, Group, KEYMAP};
use crate::layout::Extent;

/// Key labels are padded to this many cells so descriptions line up.
const KEYS_WIDTH: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Scene) -> Extent {
    overlay::draw(frame, area, ui, "Keys", lines(ui, area))
}

/// Each group, then each binding: keys in a column, the description wrapped
/// beside them.
fn lines(ui: &Scene, area: Rect) -> Vec<Line<'static>> {
    let description_width =
        usize::from(overlay::content_width(area)).saturating_sub(2 + KEYS_WIDTH);
    let theme = ui.theme;
    let mut out = Vec::new();
    for group in Group::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(group.title(), theme.label));
        // The errors key is listed while there are errors to show.
        let errors = ui.app.problem().map(|_| &ERRORS);
        let bindings = KEYMAP.iter().chain(errors);
        for binding in bindings.filter(|b| b.group == group) {
            let keys = binding.keys_label();
            let pad = KEYS_WIDTH.saturating_sub(text::width(&keys));
            let description = text::wrap(&binding.describe(ui.app.lookbook()), description_width);
            for (i, part) in description.into_iter().enumerate() {
                let lead = if i == 0 {
                    vec![
                        Span::raw("  "),
                        Span::styled(keys.clone(), theme.key),
                        Span::raw(" ".repeat(pad)),
                    ]
                } else {
                    vec![Span::raw(
                        " ".repeat(2 + KEYS_WIDTH.max(text::width(&keys))),
                    )]
                };
                out.push(Line::from([lead, vec![Span::raw(part)]].concat()));
            }
        }
    }
    out
}
