//! Choosing how a terminal shows photos from what it says of itself
//! before any question is asked: `--images`, its names and its size.

use super::{Graphics, PhotoMode};

/// What `--images` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Images {
    /// The line drawings, never photos.
    Off,
    /// Photos in half blocks, which every terminal shows.
    Halfblocks,
    /// A graphics protocol when the terminal says it has one (and its size
    /// in pixels), half blocks otherwise.
    #[default]
    Auto,
}

/// What a terminal says of itself, for choosing how to show photos.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal<'a> {
    pub term: Option<&'a str>,
    pub term_program: Option<&'a str>,
    /// Its size in cells and in pixels (0 when it doesn't say).
    pub cells: (u16, u16),
    pub pixels: (u32, u32),
}

impl PhotoMode {
    /// How `terminal` shows photos, as `images` asks.
    pub fn choose(images: Images, terminal: Terminal) -> PhotoMode {
        match images {
            Images::Off => PhotoMode::Off,
            Images::Halfblocks => PhotoMode::Halfblocks,
            Images::Auto => match (graphics(terminal), cell_size(terminal)) {
                (Some(protocol), Some(cell)) => PhotoMode::Graphics {
                    protocol,
                    cell,
                    terminal: 0,
                },
                _ => PhotoMode::Halfblocks,
            },
        }
    }
}

/// The graphics protocol a terminal's names point to, if any.
fn graphics(terminal: Terminal) -> Option<Graphics> {
    let term = terminal.term.unwrap_or_default();
    let program = terminal.term_program.unwrap_or_default();
    if term.contains("kitty") || term.contains("ghostty") || program == "ghostty" {
        Some(Graphics::Kitty)
    } else if program == "iTerm.app" || program == "WezTerm" {
        Some(Graphics::Iterm2)
    } else if term.starts_with("foot") || term == "mlterm" {
        Some(Graphics::Sixel)
    } else {
        None
    }
}

/// One cell's size in pixels, when the terminal gives its size in both.
/// The biggest cell a terminal may say it has, in pixels: a 4K screen at a
/// large font has some 40x80. A bigger one is not believed (a visitor could
/// otherwise have the server scale photos for cells of 60000 pixels).
const MAX_CELL: (u16, u16) = (128, 256);

/// Whether a cell size a terminal says is one a terminal has.
pub(super) fn plausible_cell(cell: (u16, u16)) -> bool {
    (1..=MAX_CELL.0).contains(&cell.0) && (1..=MAX_CELL.1).contains(&cell.1)
}

pub(super) fn cell_size(terminal: Terminal) -> Option<(u16, u16)> {
    let (columns, rows) = terminal.cells;
    let (width, height) = terminal.pixels;
    if columns == 0 || rows == 0 {
        return None;
    }
    let cell = |pixels: u32, cells: u16| {
        u16::try_from(pixels / u32::from(cells))
            .ok()
            .filter(|&c| c > 0)
    };
    Some((cell(width, columns)?, cell(height, rows)?)).filter(|&c| plausible_cell(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(term: &str, program: &str, pixels: (u32, u32)) -> PhotoMode {
        let terminal = Terminal {
            term: Some(term),
            term_program: Some(program),
            cells: (100, 30),
            pixels,
        };
        PhotoMode::choose(Images::Auto, terminal)
    }

    #[test]
    fn a_terminal_that_names_a_protocol_and_its_pixels_gets_graphics() {
        let kitty = PhotoMode::Graphics {
            protocol: Graphics::Kitty,
            cell: (9, 18),
            terminal: 0,
        };
        assert_eq!(auto("xterm-kitty", "", (900, 540)), kitty);
        assert_eq!(auto("xterm-ghostty", "", (900, 540)), kitty);
        let iterm = auto("xterm-256color", "iTerm.app", (1000, 600));
        assert_eq!(
            iterm,
            PhotoMode::Graphics {
                protocol: Graphics::Iterm2,
                cell: (10, 20),
                terminal: 0,
            }
        );
        assert!(matches!(
            auto("foot", "", (800, 480)),
            PhotoMode::Graphics {
                protocol: Graphics::Sixel,
                ..
            }
        ));
    }

    #[test]
    fn without_a_protocol_or_pixels_photos_are_half_blocks() {
        assert_eq!(
            auto("xterm-256color", "", (900, 540)),
            PhotoMode::Halfblocks
        );
        assert_eq!(auto("xterm-kitty", "", (0, 0)), PhotoMode::Halfblocks);
        let none = Terminal::default();
        assert_eq!(PhotoMode::choose(Images::Auto, none), PhotoMode::Halfblocks);
        assert_eq!(PhotoMode::choose(Images::Off, none), PhotoMode::Off);
        assert_eq!(
            PhotoMode::choose(Images::Halfblocks, none),
            PhotoMode::Halfblocks
        );
    }
}
