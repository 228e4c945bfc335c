//! How many colours the terminal can show, read from what it says of
//! itself (`TERM`, `COLORTERM`), and the exact colours of the drawings
//! brought down to that depth. The theme's own colours are the 16 ANSI ones
//! and pass through untouched: they follow the user's palette.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// The 16 ANSI colours: what every terminal has.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

impl Depth {
    /// The depth a terminal announces. `COLORTERM=truecolor` (or `24bit`)
    /// and `TERM`s that mean 24-bit (`*-direct`, kitty, Ghostty, WezTerm,
    /// Alacritty, foot) give 24-bit; `*-256color`, 256; anything else, 16.
    pub fn detect(term: Option<&str>, colorterm: Option<&str>) -> Depth {
        let colorterm = colorterm.unwrap_or("").trim().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return Depth::TrueColor;
        }
        let term = term.unwrap_or("").trim().to_ascii_lowercase();
        const TRUE_COLOUR_TERMS: [&str; 5] = [
            "xterm-kitty",
            "xterm-ghostty",
            "wezterm",
            "alacritty",
            "foot",
        ];
        if term.ends_with("-direct") || TRUE_COLOUR_TERMS.contains(&term.as_str()) {
            Depth::TrueColor
        } else if term.contains("256color") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }

    /// `colour` as this depth can show it.
    pub fn colour(self, colour: Color) -> Color {
        match (self, colour) {
            (Depth::TrueColor, _) => colour,
            (Depth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(index_256(r, g, b)),
            (Depth::Ansi16, Color::Rgb(r, g, b)) => nearest_ansi(r, g, b),
            (Depth::Ansi16, Color::Indexed(n)) if n >= 16 => {
                let (r, g, b) = rgb_of_256(n);
                nearest_ansi(r, g, b)
            }
            _ => colour,
        }
    }

    /// Brings every cell of a drawn frame to this depth.
    pub fn apply(self, buffer: &mut Buffer) {
        if self == Depth::TrueColor {
            return;
        }
        for cell in &mut buffer.content {
            cell.fg = self.colour(cell.fg);
            cell.bg = self.colour(cell.bg);
        }
    }
}

/// The levels of each channel in the 256-colour palette's 6x6x6 cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The nearest of the 256 palette's cube and grey ramp (16 to 255; the
/// first 16 are the user's own and can't be relied on).
fn index_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |c: u8| {
        (0..CUBE.len())
            .min_by_key(|&i| CUBE[i].abs_diff(c))
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = 16 + 36 * ri + 6 * gi + bi;
    let cube_rgb = (CUBE[ri], CUBE[gi], CUBE[bi]);
    let mean = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    // The ramp is 8, 18, ..., 238: 24 greys.
    let step = usize::from(mean.saturating_sub(3) / 10).min(23);
    let grey = 8 + 10 * u8::try_from(step).unwrap_or(23);
    let to_cube = distance((r, g, b), cube_rgb);
    let to_grey = distance((r, g, b), (grey, grey, grey));
    if to_grey < to_cube {
        232 + u8::try_from(step).unwrap_or(23)
    } else {
        u8::try_from(cube).unwrap_or(231)
    }
}

fn rgb_of_256(n: u8) -> (u8, u8, u8) {
    match n {
        16..=231 => {
            let n = usize::from(n - 16);
            (CUBE[n / 36], CUBE[(n / 6) % 6], CUBE[n % 6])
        }
        232..=255 => {
            let grey = 8 + 10 * (n - 232);
            (grey, grey, grey)
        }
        _ => ANSI[usize::from(n)].1,
    }
}

/// The 16 ANSI colours as xterm draws them by default: a guess at the
/// user's palette, good enough to choose the nearest.
const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn nearest_ansi(r: u8, g: u8, b: u8) -> Color {
    ANSI.iter()
        .min_by_key(|(_, rgb)| distance((r, g, b), *rgb))
        .map_or(Color::Reset, |(colour, _)| *colour)
}

/// Squared distance, weighted for the eye (green counts most).
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    2 * d(a.0, b.0) + 4 * d(a.1, b.1) + 3 * d(a.2, b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_says_its_depth() {
        let detect = Depth::detect;
        assert_eq!(detect(Some("xterm"), None), Depth::Ansi16);
        assert_eq!(detect(None, None), Depth::Ansi16);
        assert_eq!(detect(Some("xterm-256color"), None), Depth::Ansi256);
        assert_eq!(detect(Some("tmux-256color"), None), Depth::Ansi256);
        assert_eq!(
            detect(Some("xterm-256color"), Some("truecolor")),
            Depth::TrueColor
        );
        assert_eq!(detect(Some("screen"), Some("24bit")), Depth::TrueColor);
        assert_eq!(detect(Some("xterm-kitty"), None), Depth::TrueColor);
        assert_eq!(detect(Some("xterm-direct"), None), Depth::TrueColor);
        assert_eq!(detect(Some("xterm"), Some("yes")), Depth::Ansi16);
    }

    #[test]
    fn exact_colours_come_down_to_the_nearest_the_depth_has() {
        let camel = Color::Rgb(193, 154, 107);
        assert_eq!(Depth::TrueColor.colour(camel), camel);
        // 193→175 (3), 154→135/175 (2), 107→95 (1): 16 + 108 + 12 + 1.
        assert_eq!(Depth::Ansi256.colour(camel), Color::Indexed(137));
        assert_eq!(
            Depth::Ansi256.colour(Color::Rgb(128, 128, 128)),
            Color::Indexed(244)
        );
        assert_eq!(
            Depth::Ansi256.colour(Color::Rgb(255, 0, 0)),
            Color::Indexed(196)
        );
        assert_eq!(
            Depth::Ansi16.colour(Color::Rgb(250, 10, 5)),
            Color::LightRed
        );
        assert_eq!(Depth::Ansi16.colour(Color::Rgb(20, 20, 20)), Color::Black);
        assert_eq!(Depth::Ansi16.colour(Color::Indexed(196)), Color::LightRed);
        // The theme's own colours are the user's palette: left alone.
        for depth in [Depth::Ansi16, Depth::Ansi256] {
            assert_eq!(depth.colour(Color::Magenta), Color::Magenta);
            assert_eq!(depth.colour(Color::Reset), Color::Reset);
        }
    }

    #[test]
    fn a_frame_is_brought_down_cell_by_cell() {
        let area = ratatui::layout::Rect::new(0, 0, 2, 1);
        let mut buffer = Buffer::empty(area);
        buffer.content[0].fg = Color::Rgb(255, 0, 0);
        buffer.content[1].bg = Color::Rgb(0, 0, 0);
        Depth::Ansi256.apply(&mut buffer);
        assert_eq!(buffer.content[0].fg, Color::Indexed(196));
        assert_eq!(buffer.content[1].bg, Color::Indexed(16));
        let mut full = Buffer::empty(area);
        full.content[0].fg = Color::Rgb(1, 2, 3);
        Depth::TrueColor.apply(&mut full);
        assert_eq!(full.content[0].fg, Color::Rgb(1, 2, 3));
    }
}
