//! OSC 8 hyperlinks, carried in the buffer itself: each cell of a link's
//! text holds its character wrapped in the link's escape sequence, and a
//! forced width of the character's own, so ratatui's diffing, cursor moves
//! and wide-character rules see one ordinary cell. A terminal that knows
//! OSC 8 makes the text clickable; one that does not shows the text.
//! Pictures and text frames read the cells back with [`split`].

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

use crate::layout::LinkArea;

const OPEN: &str = "\x1b]8;;";
/// The string terminator that ends each half of the sequence.
const ST: &str = "\x1b\\";
const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Makes the cells of `link` a hyperlink to its address. The address was
/// checked on load (`lookbook::Link`): nothing in it can end the sequence.
pub fn apply(buffer: &mut Buffer, link: &LinkArea) {
    for x in link.x..link.x.saturating_add(link.width) {
        let Some(cell) = buffer.cell_mut((x, link.y)) else {
            return;
        };
        let visible = cell.symbol().to_string();
        let width = u16::try_from(visible.width()).unwrap_or(1);
        cell.set_symbol(&format!("{OPEN}{}{ST}{visible}{CLOSE}", link.url));
        cell.set_diff_option(CellDiffOption::ForcedWidth(
            NonZeroU16::new(width).unwrap_or(NonZeroU16::MIN),
        ));
    }
}

/// A cell's symbol as the reader sees it, and the address it links to.
pub fn split(symbol: &str) -> (&str, Option<&str>) {
    let linked = symbol
        .strip_prefix(OPEN)
        .and_then(|rest| rest.strip_suffix(CLOSE))
        .and_then(|rest| rest.split_once(ST));
    match linked {
        Some((url, visible)) => (visible, Some(url)),
        None => (symbol, None),
    }
}

/// Whether a terminal that calls itself `term` can be sent OSC 8: every
/// terminal emulator of today either makes a link or ignores the sequence,
/// but the Linux console and hardware terminals would print it.
pub fn supported(term: Option<&str>) -> bool {
    let term = term.unwrap_or("").trim().to_ascii_lowercase();
    let blind = term.is_empty()
        || term == "dumb"
        || term == "ansi"
        || term.starts_with("linux")
        || term.starts_with("vt");
    !blind
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::*;

    #[test]
    fn linked_cells_read_back_as_their_text_and_address() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "Link shop.ex", ratatui::style::Style::new());
        let link = LinkArea {
            x: 5,
            y: 0,
            width: 7,
            url: "https://shop.ex/a".into(),
        };
        apply(&mut buffer, &link);
        assert_eq!(split(buffer[(4, 0)].symbol()), (" ", None));
        let cell = &buffer[(5, 0)];
        assert_eq!(split(cell.symbol()), ("s", Some("https://shop.ex/a")));
        assert_eq!(
            cell.symbol(),
            "\x1b]8;;https://shop.ex/a\x1b\\s\x1b]8;;\x1b\\"
        );
        let text: String = (0..12).map(|x| split(buffer[(x, 0)].symbol()).0).collect();
        assert_eq!(text, "Link shop.ex");
    }

    #[test]
    fn the_console_and_hardware_terminals_get_no_links() {
        for term in [
            None,
            Some("dumb"),
            Some("linux"),
            Some("vt100"),
            Some("vt220"),
        ] {
            assert!(!supported(term), "{term:?}");
        }
        for term in [
            "xterm-256color",
            "xterm-kitty",
            "foot",
            "tmux-256color",
            "wezterm",
        ] {
            assert!(supported(Some(term)), "{term}");
        }
    }
}
