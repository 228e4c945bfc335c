//! The help overlay: every binding of the keymap, by group.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{overlay, text};
use crate::app::App;
use crate::app::keymap::{Group, KEYMAP};

/// Key labels are padded to this many cells so descriptions line up.
const KEYS_WIDTH: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    overlay::draw(frame, area, app, "Keys", lines(app));
}

pub fn content_height() -> usize {
    Group::ALL.len() * 2 + KEYMAP.len() - 1
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut out = Vec::new();
    for group in Group::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(group.title(), theme.label));
        for binding in KEYMAP.iter().filter(|b| b.group == group) {
            let keys = binding.keys_label();
            let pad = KEYS_WIDTH.saturating_sub(text::width(&keys));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, theme.key),
                Span::raw(" ".repeat(pad)),
                Span::raw(binding.description),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::App;
    use crate::ui::theme::Theme;

    #[test]
    fn content_height_matches_the_lines() {
        let app = App::new(
            std::sync::Arc::new(crate::lookbook::bundled()),
            Theme::ansi(),
        );
        assert_eq!(lines(&app).len(), content_height());
    }
}
