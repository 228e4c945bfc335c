//! From the colours a file writes to terminal colours: every name in the
//! lookbook's colour table (and `#rrggbb`) is its exact sRGB, which the
//! theme's depth brings down to the 256 or 16 colours a terminal has. A
//! colour we cannot name is never guessed: the bag is drawn in the neutral
//! ink instead (and `lookbook check` warns of it).

use ratatui::style::Color;

use super::raster::Ink;
use crate::lookbook::colours;

/// The terminal colour for a colour as the file writes it, if we know it.
pub fn colour(text: &str) -> Option<Color> {
    colours::rgb(text).map(|(r, g, b)| Color::Rgb(r, g, b))
}

/// Whether hardware on a bag of this colour needs a darker metal than
/// white to show.
fn is_light(colour: Color) -> bool {
    match colour {
        Color::White => true,
        Color::Rgb(r, g, b) => u32::from(r) + u32::from(g) + u32::from(b) > 3 * 200,
        _ => false,
    }
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
            Ink::Hardware | Ink::Glint if is_light(self.body) => Color::Gray,
            Ink::Hardware | Ink::Glint => Color::White,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hex_and_phrases() {
        assert_eq!(colour("lime"), Some(Color::Rgb(0, 255, 0)));
        assert_eq!(colour("Bubble gum pink"), Some(Color::Rgb(255, 193, 204)));
        assert_eq!(colour("dusty pink"), Some(Color::Rgb(255, 192, 203)));
        assert_eq!(colour("#FFC1CC"), Some(Color::Rgb(255, 193, 204)));
        assert_eq!(colour("patterned"), None);
        assert_eq!(colour(""), None);
    }

    #[test]
    fn no_drawable_colour_means_neutral() {
        assert_eq!(Palette::of(&[]), Palette::NEUTRAL);
        assert_eq!(Palette::of(&["monogram".into()]), Palette::NEUTRAL);
        let lime = Palette::of(&["lime".into()]);
        assert_eq!(
            (lime.body, lime.trim),
            (Color::Rgb(0, 255, 0), Color::Rgb(0, 153, 0))
        );
    }
}
