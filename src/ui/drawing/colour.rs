//! From the colours a file writes to terminal colours. Names map to the 16
//! ANSI colours where one fits (so they follow the user's palette, like the
//! rest of the theme); `#rrggbb` is taken as written. A colour we cannot
//! name is never guessed: the bag is drawn in the neutral ink instead.

use ratatui::style::Color;

use super::raster::Ink;
use crate::lookbook::hex_rgb;

/// Names a fashion editor might write, with the terminal colour drawn.
const NAMED: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("white", Color::White),
    ("ivory", Color::White),
    ("cream", Color::White),
    ("grey", Color::Gray),
    ("gray", Color::Gray),
    ("silver", Color::Gray),
    ("red", Color::Red),
    ("scarlet", Color::LightRed),
    ("burgundy", Color::Red),
    ("green", Color::Green),
    ("lime", Color::LightGreen),
    ("mint", Color::LightGreen),
    ("blue", Color::Blue),
    ("navy", Color::Blue),
    ("sky", Color::LightBlue),
    ("cyan", Color::Cyan),
    ("teal", Color::Cyan),
    ("turquoise", Color::LightCyan),
    ("yellow", Color::Yellow),
    ("gold", Color::Yellow),
    ("magenta", Color::Magenta),
    ("purple", Color::Magenta),
    ("lilac", Color::LightMagenta),
    ("lavender", Color::LightMagenta),
    ("pink", Color::LightMagenta),
    ("bubble gum pink", Color::LightMagenta),
    ("fuchsia", Color::Magenta),
    ("orange", Color::Rgb(255, 140, 0)),
    ("brown", Color::Rgb(120, 72, 36)),
    ("tan", Color::Rgb(196, 150, 100)),
    ("camel", Color::Rgb(193, 154, 107)),
    ("beige", Color::Rgb(222, 204, 170)),
];

/// The terminal colour for a colour as the file writes it: `#rrggbb`, a
/// known name, or a phrase ending in one ("dusty pink"); else `None`.
pub fn colour(text: &str) -> Option<Color> {
    let text = text.trim().to_lowercase();
    if let Some((r, g, b)) = hex_rgb(&text) {
        return Some(Color::Rgb(r, g, b));
    }
    let named = |word: &str| NAMED.iter().find(|(n, _)| *n == word).map(|(_, c)| *c);
    named(&text).or_else(|| text.split_whitespace().last().and_then(named))
}

/// A darker tone of a colour, for handles, edges and pattern.
pub fn darker(colour: Color) -> Color {
    match colour {
        Color::White => Color::Gray,
        Color::LightRed => Color::Red,
        Color::LightGreen => Color::Green,
        Color::LightBlue => Color::Blue,
        Color::LightCyan => Color::Cyan,
        Color::LightYellow => Color::Yellow,
        Color::LightMagenta => Color::Magenta,
        Color::Gray | Color::Black => Color::DarkGray,
        Color::Rgb(r, g, b) => {
            let shade = |c: u8| u8::try_from(u16::from(c) * 3 / 5).unwrap_or(c);
            Color::Rgb(shade(r), shade(g), shade(b))
        }
        _ => Color::Black,
    }
}

/// The colours of one bag's inks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub body: Color,
    pub trim: Color,
}

impl Palette {
    /// What a bag with no colour in the file is drawn in: a grey that
    /// reads as "uncoloured" rather than as a claim about the bag.
    pub const NEUTRAL: Palette = Palette {
        body: Color::Gray,
        trim: Color::DarkGray,
    };

    /// The first colour the file gives that we can draw is the body; a
    /// second, if any, the trim; otherwise a darker tone of the body.
    pub fn of(colours: &[String]) -> Palette {
        let mut drawable = colours.iter().filter_map(|c| colour(c));
        match drawable.next() {
            Some(body) => Palette {
                body,
                trim: drawable.next().unwrap_or_else(|| darker(body)),
            },
            None => Palette::NEUTRAL,
        }
    }

    pub fn ink(&self, ink: Ink) -> Color {
        match ink {
            Ink::Body => self.body,
            Ink::Trim | Ink::Detail => self.trim,
            Ink::Hardware | Ink::Glint if self.body == Color::White => Color::Gray,
            Ink::Hardware | Ink::Glint => Color::White,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hex_and_phrases() {
        assert_eq!(colour("lime"), Some(Color::LightGreen));
        assert_eq!(colour("Bubble gum pink"), Some(Color::LightMagenta));
        assert_eq!(colour("dusty pink"), Some(Color::LightMagenta));
        assert_eq!(colour("#FFC1CC"), Some(Color::Rgb(255, 193, 204)));
        assert_eq!(colour("patterned"), None);
        assert_eq!(colour(""), None);
    }

    #[test]
    fn no_drawable_colour_means_neutral() {
        assert_eq!(Palette::of(&[]), Palette::NEUTRAL);
        assert_eq!(Palette::of(&["monogram".into()]), Palette::NEUTRAL);
        let lime = Palette::of(&["lime".into()]);
        assert_eq!((lime.body, lime.trim), (Color::LightGreen, Color::Green));
    }
}
