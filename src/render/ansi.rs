//! The frame as text with SGR colour codes: `cat` it in any terminal and it
//! shows in that terminal's own colours, as lookbook itself would.

use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

use super::palette::ansi_index;
use crate::ui::hyperlink;

/// One line per row, each ending in a reset so nothing bleeds into the
/// shell. Only style changes are written; wide characters take their two
/// cells and the cell they cover is skipped, as in [`super::text`].
pub fn ansi(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut current: Option<(Color, Color, Modifier)> = None;
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            if current != Some(style) {
                out.push_str(&sgr(cell));
                current = Some(style);
            }
            // A link keeps its sequence: the file is for a terminal.
            let (visible, link) = hyperlink::split(cell.symbol());
            let symbol = printable(visible);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            match link {
                Some(_) if symbol == visible => out.push_str(cell.symbol()),
                _ => out.push_str(symbol),
            }
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// A blank for what a terminal could not show as one cell.
fn printable(symbol: &str) -> &str {
    if symbol.is_empty() || symbol.chars().any(char::is_control) {
        " "
    } else {
        symbol
    }
}

/// The full SGR sequence for a cell's style, starting from a reset so each
/// sequence stands alone.
fn sgr(cell: &Cell) -> String {
    let mut codes = vec!["0".to_string()];
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if cell.modifier.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    codes.extend(colour(cell.fg, 30, 90, 38));
    codes.extend(colour(cell.bg, 40, 100, 48));
    let mut out = String::from("\x1b[");
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(code);
    }
    out.push('m');
    out
}

/// The SGR parameter for a colour: `base`+n for ANSI 0–7, `bright`+n for
/// 8–15, `extended;5;n` for indexed, `extended;2;r;g;b` for RGB.
fn colour(color: Color, base: u8, bright: u8, extended: u8) -> Option<String> {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = match color {
        Color::Reset => return None,
        Color::Indexed(n) => write!(out, "{extended};5;{n}"),
        Color::Rgb(r, g, b) => write!(out, "{extended};2;{r};{g};{b}"),
        named => match ansi_index(named) {
            Some(n @ 0..=7) => write!(out, "{}", base + n),
            Some(n) => write!(out, "{}", bright + n - 8),
            None => return None,
        },
    };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn writes_style_changes_and_resets_each_line() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 2));
        buffer.set_string(0, 0, "ab", Style::new().fg(Color::Magenta).bold());
        buffer.set_string(0, 1, "c", Style::new().bg(Color::Indexed(200)));
        buffer.set_string(1, 1, "d", Style::new().fg(Color::Rgb(1, 2, 3)));
        assert_eq!(
            ansi(&buffer),
            "\x1b[0;1;35mab\x1b[0m  \x1b[0m\n\
             \x1b[0;48;5;200mc\x1b[0;38;2;1;2;3md\x1b[0m  \x1b[0m\n"
        );
    }

    #[test]
    fn bright_colours_use_the_bright_codes() {
        assert_eq!(colour(Color::DarkGray, 30, 90, 38).as_deref(), Some("90"));
        assert_eq!(colour(Color::White, 40, 100, 48).as_deref(), Some("107"));
        assert_eq!(colour(Color::Gray, 30, 90, 38).as_deref(), Some("37"));
    }

    #[test]
    fn wide_characters_cover_their_second_cell() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer.set_string(0, 0, "包x", Style::new());
        assert_eq!(ansi(&buffer), "\x1b[0m包x\x1b[0m\n");
    }
}
