//! Colours for pictures: the 16 ANSI colours mapped to one palette, indexed
//! and RGB colours exact, and a cell's style resolved (reverse video, dim)
//! into the colours that are actually painted.

use std::fmt;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// An sRGB colour, written as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `self` mixed with `other`, `weight` parts in 256 of `other`.
    pub fn mix(self, other: Rgb, weight: u16) -> Rgb {
        let channel = |a: u8, b: u8| {
            let (a, b) = (u16::from(a), u16::from(b));
            // (a * (256 - w) + b * w) / 256 never exceeds 255.
            u8::try_from((a * (256 - weight) + b * weight) / 256).unwrap_or(u8::MAX)
        };
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours a picture is painted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// `Color::Reset` as a foreground.
    pub foreground: Rgb,
    /// `Color::Reset` as a background: the window itself.
    pub background: Rgb,
    /// ANSI 0–15: black, red, green, yellow, blue, magenta, cyan, white,
    /// then their bright forms.
    pub ansi: [Rgb; 16],
}

impl Palette {
    /// lookbook's own: a warm aubergine dark with soft jewel tones, so the
    /// magenta focus, yellow prices and cyan labels read as one outfit.
    pub const LOOKBOOK: Palette = Palette {
        foreground: Rgb(0xe8, 0xe3, 0xea),
        background: Rgb(0x1f, 0x1c, 0x24),
        ansi: [
            Rgb(0x15, 0x13, 0x19), // black: text on a coloured selection
            Rgb(0xec, 0x7a, 0x86), // red
            Rgb(0xa6, 0xd1, 0x89), // green
            Rgb(0xf0, 0xc6, 0x7e), // yellow: prices
            Rgb(0x8a, 0xad, 0xf4), // blue
            Rgb(0xe6, 0x9d, 0xd8), // magenta: focus, header, selection
            Rgb(0x81, 0xc8, 0xbe), // cyan: labels, keys
            Rgb(0xc6, 0xbf, 0xcc), // white (ratatui's Gray): titles
            Rgb(0x6c, 0x65, 0x78), // bright black (DarkGray): borders, muted
            Rgb(0xff, 0x9e, 0xa8), // bright red
            Rgb(0xc2, 0xe7, 0xa8), // bright green
            Rgb(0xff, 0xdd, 0xa1), // bright yellow
            Rgb(0xad, 0xc8, 0xff), // bright blue
            Rgb(0xf6, 0xc1, 0xeb), // bright magenta
            Rgb(0xa4, 0xe6, 0xdc), // bright cyan
            Rgb(0xf8, 0xf5, 0xfa), // bright white (White)
        ],
    };

    /// The colour `color` paints, or `None` for `Color::Reset` (the
    /// terminal's default, which depends on whether it is fg or bg).
    pub fn rgb(&self, color: Color) -> Option<Rgb> {
        match color {
            Color::Reset => None,
            Color::Rgb(r, g, b) => Some(Rgb(r, g, b)),
            Color::Indexed(index) => Some(self.indexed(index)),
            named => ansi_index(named).map(|index| self.ansi[usize::from(index)]),
        }
    }

    /// The xterm 256-colour table: the 16 ANSI colours, a 6×6×6 cube, and
    /// 24 greys.
    pub fn indexed(&self, index: u8) -> Rgb {
        match index {
            0..=15 => self.ansi[usize::from(index)],
            16..=231 => {
                let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
                let n = index - 16;
                Rgb(level(n / 36), level(n / 6 % 6), level(n % 6))
            }
            232..=255 => {
                let grey = 8 + 10 * (index - 232);
                Rgb(grey, grey, grey)
            }
        }
    }

    /// What a cell paints: colours with `Reset` filled in, REVERSED swapped
    /// and DIM faded, so that cells merge by what they look like.
    pub fn resolve(&self, cell: &Cell) -> Painted {
        let modifier = cell.modifier;
        let mut fg = self.rgb(cell.fg).unwrap_or(self.foreground);
        let mut bg = self.rgb(cell.bg);
        if modifier.contains(Modifier::REVERSED) {
            let old_bg = bg.unwrap_or(self.background);
            bg = Some(fg);
            fg = old_bg;
        }
        if modifier.contains(Modifier::DIM) {
            fg = fg.mix(bg.unwrap_or(self.background), 112);
        }
        Painted {
            fg,
            bg: bg.filter(|&bg| bg != self.background),
            bold: modifier.contains(Modifier::BOLD),
            italic: modifier.contains(Modifier::ITALIC),
            underline: modifier.contains(Modifier::UNDERLINED),
            crossed_out: modifier.contains(Modifier::CROSSED_OUT),
        }
    }
}

/// A cell's look once resolved. `bg` is `None` where the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Painted {
    pub fg: Rgb,
    pub bg: Option<Rgb>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub crossed_out: bool,
}

/// The ANSI number (0–15) of a named colour; what SGR 30–37 and 90–97 use.
pub fn ansi_index(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Reset | Color::Indexed(_) | Color::Rgb(..) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    const P: Palette = Palette::LOOKBOOK;

    fn cell(style: Style) -> Cell {
        let mut cell = Cell::new("x");
        cell.set_style(style);
        cell
    }

    #[test]
    fn named_colours_use_the_palette() {
        assert_eq!(P.rgb(Color::Magenta), Some(P.ansi[5]));
        assert_eq!(P.rgb(Color::DarkGray), Some(P.ansi[8]));
        assert_eq!(P.rgb(Color::White), Some(P.ansi[15]));
        assert_eq!(P.rgb(Color::Reset), None);
        assert_eq!(P.rgb(Color::Indexed(3)), P.rgb(Color::Yellow));
    }

    #[test]
    fn indexed_and_rgb_colours_are_exact() {
        assert_eq!(P.rgb(Color::Rgb(1, 2, 3)), Some(Rgb(1, 2, 3)));
        assert_eq!(P.indexed(16), Rgb(0, 0, 0));
        assert_eq!(P.indexed(196), Rgb(255, 0, 0));
        assert_eq!(P.indexed(110), Rgb(135, 175, 215));
        assert_eq!(P.indexed(231), Rgb(255, 255, 255));
        assert_eq!(P.indexed(232), Rgb(8, 8, 8));
        assert_eq!(P.indexed(255), Rgb(238, 238, 238));
        assert_eq!(Rgb(0xab, 0x0c, 0xff).to_string(), "#ab0cff");
    }

    #[test]
    fn reverse_swaps_colours_with_defaults_filled_in() {
        let plain = P.resolve(&cell(Style::new().add_modifier(Modifier::REVERSED)));
        assert_eq!((plain.fg, plain.bg), (P.background, Some(P.foreground)));
        let coloured = P.resolve(&cell(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Magenta)
                .add_modifier(Modifier::REVERSED),
        ));
        assert_eq!((coloured.fg, coloured.bg), (P.ansi[5], Some(P.ansi[0])));
    }

    #[test]
    fn the_window_background_paints_nothing() {
        assert_eq!(P.resolve(&cell(Style::new())).bg, None);
        let bg = Color::Rgb(P.background.0, P.background.1, P.background.2);
        assert_eq!(P.resolve(&cell(Style::new().bg(bg))).bg, None);
    }

    #[test]
    fn dim_fades_towards_the_background() {
        let dim = P.resolve(&cell(Style::new().add_modifier(Modifier::DIM)));
        assert_ne!(dim.fg, P.foreground);
        assert_eq!(dim.fg, P.foreground.mix(P.background, 112));
        assert_eq!(Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 0), Rgb(0, 0, 0));
        assert_eq!(
            Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 128),
            Rgb(127, 127, 127)
        );
    }
}
