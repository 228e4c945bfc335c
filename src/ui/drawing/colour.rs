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

/// The dark background bags are drawn on: the screenshots' window, within
/// a few steps of most dark terminal themes.
pub const DARK_PANE: Color = Color::Rgb(0x1f, 0x1c, 0x24);

/// What a drawing keeps against its pane, at the least: WCAG's ratio for
/// graphics that must be made out.
pub const MIN_CONTRAST: f64 = 3.0;

/// WCAG's contrast ratio of two true colours (none for others).
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Relative luminance of an sRGB colour.
fn luminance(colour: Color) -> Option<f64> {
    let Color::Rgb(r, g, b) = colour else {
        return None;
    };
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b))
}

/// A lighter tone of a dark colour, mixed toward white until it stands out
/// from the dark pane.
fn lifted((r, g, b): (u8, u8, u8)) -> Color {
    let mix = |c: u8, t: u16| u8::try_from((u16::from(c) * (10 - t) + 255 * t) / 10).unwrap_or(c);
    (1..=10)
        .map(|t| Color::Rgb(mix(r, t), mix(g, t), mix(b, t)))
        .find(|&c| contrast(c, DARK_PANE).is_some_and(|ratio| ratio >= MIN_CONTRAST))
        .unwrap_or(Color::Rgb(255, 255, 255))
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
    ///
    /// A body too dark to see on a dark pane (black, navy, chocolate) gets
    /// a trim light enough to be: its handles and edges outline it.
    pub fn of(colours: &[String]) -> Palette {
        let mut drawable = colours.iter().filter_map(|c| colour(c));
        match drawable.next() {
            Some(body) => {
                let trim = drawable.next().unwrap_or_else(|| darker(body));
                let seen = |c: Color| contrast(c, DARK_PANE).is_some_and(|r| r >= MIN_CONTRAST);
                let trim = match body {
                    Color::Rgb(r, g, b) if !seen(body) && !seen(trim) => lifted((r, g, b)),
                    _ => trim,
                };
                Palette { body, trim }
            }
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
        assert_eq!(colour("soft pink"), Some(Color::Rgb(255, 192, 203)));
        assert_eq!(colour("#FFC1CC"), Some(Color::Rgb(255, 193, 204)));
        assert_eq!(colour("patterned"), None);
        assert_eq!(colour(""), None);
    }

    /// Every named colour can be made out on the dark pane: its body, or
    /// the trim that outlines it.
    #[test]
    fn every_named_colour_keeps_three_to_one_on_the_dark_pane() {
        for (name, _) in crate::lookbook::colours::NAMED {
            let palette = Palette::of(&[name.to_string()]);
            let best = [palette.body, palette.trim]
                .into_iter()
                .filter_map(|ink| contrast(ink, DARK_PANE))
                .fold(0.0, f64::max);
            assert!(best >= MIN_CONTRAST, "{name}: {best:.2}");
        }
        let black = Palette::of(&["black".into()]);
        assert_eq!(black.body, Color::Rgb(0, 0, 0), "the body stays black");
        assert_ne!(black.trim, darker(black.body), "a light edge instead");
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
