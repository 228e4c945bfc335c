//! Photos as every session on an edit shares them: each file decoded once,
//! on first sight, and scaled once per cell area and way of drawing it.
//! Sessions draw from here; none decodes or scales what another already did.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use image::DynamicImage;
use ratatui::layout::Size;
use ratatui_image::picker::cap_parser::{Parser, QueryStdioOptions, Response};
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Resize};

use crate::lookbook::Photo;

/// How a terminal shows photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhotoMode {
    /// Not at all: the line drawings instead (`--images off`).
    Off,
    /// Two pixels a cell, in the upper half block's colours: every terminal.
    Halfblocks,
    /// A graphics protocol, with the terminal's cell size in pixels, and
    /// which terminal: kitty keeps the images it was sent, so each kitty
    /// terminal gets its own (0 for every other protocol, whose scaled
    /// photos any terminal may share).
    Graphics {
        protocol: Graphics,
        cell: (u16, u16),
        terminal: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Graphics {
    Kitty,
    Sixel,
    Iterm2,
}

impl PhotoMode {
    fn picker(self) -> Option<Picker> {
        let mut picker = match self {
            PhotoMode::Off => return None,
            PhotoMode::Halfblocks => return Some(Picker::halfblocks()),
            // Deprecated upstream in favour of querying stdio, which a
            // server cannot do for its visitors: it asks over the session
            // and brings the answer here.
            #[allow(deprecated)]
            PhotoMode::Graphics { cell, .. } => {
                Picker::from_fontsize(FontSize::new(cell.0, cell.1))
            }
        };
        picker.set_protocol_type(match self {
            PhotoMode::Graphics {
                protocol: Graphics::Kitty,
                ..
            } => ProtocolType::Kitty,
            PhotoMode::Graphics {
                protocol: Graphics::Sixel,
                ..
            } => ProtocolType::Sixel,
            PhotoMode::Graphics {
                protocol: Graphics::Iterm2,
                ..
            } => ProtocolType::Iterm2,
            _ => ProtocolType::Halfblocks,
        });
        Some(picker)
    }
}

/// One photo drawn at one size, one way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    file: PathBuf,
    width: u16,
    height: u16,
    mode: PhotoMode,
}

/// Scaled photos kept at most: a window dragged through many sizes, or
/// many kitty terminals, must not keep every one.
const MAX_SCALED: usize = 256;

/// A file's pixels, once some session decoded them (`None`: unreadable).
type Decoded = Arc<OnceLock<Option<Arc<DynamicImage>>>>;

#[derive(Default)]
pub struct Photos {
    decoded: Mutex<HashMap<PathBuf, Decoded>>,
    scaled: Mutex<HashMap<Key, Arc<Protocol>>>,
}

impl std::fmt::Debug for Photos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Photos").finish_non_exhaustive()
    }
}

impl Photos {
    /// `photo` ready to draw in `size` cells the `mode` way: `None` when it
    /// cannot be read any more (the file changed since it loaded), so the
    /// caller draws something else. Kitty images are kept per terminal (the
    /// mode says which): the protocol sends an image once, to one terminal.
    pub fn protocol(&self, photo: &Photo, size: Size, mode: PhotoMode) -> Option<Arc<Protocol>> {
        let picker = mode.picker()?;
        let key = Key {
            file: photo.file.clone(),
            width: size.width,
            height: size.height,
            mode,
        };
        if let Some(protocol) = lock(&self.scaled).get(&key) {
            return Some(Arc::clone(protocol));
        }
        let image = self.decoded(photo)?;
        let protocol = picker
            .new_protocol(DynamicImage::clone(&image), size, Resize::Fit(None))
            .ok()
            .map(Arc::new)?;
        let mut scaled = lock(&self.scaled);
        if scaled.len() >= MAX_SCALED {
            scaled.clear();
        }
        scaled.insert(key, Arc::clone(&protocol));
        Some(protocol)
    }

    /// The photo's pixels, decoded by whichever session needed them first.
    fn decoded(&self, photo: &Photo) -> Option<Arc<DynamicImage>> {
        let cell = Arc::clone(lock(&self.decoded).entry(photo.file.clone()).or_default());
        cell.get_or_init(|| {
            let reader = image::ImageReader::open(&photo.file).ok()?;
            reader
                .with_guessed_format()
                .ok()?
                .decode()
                .ok()
                .map(Arc::new)
        })
        .clone()
    }
}

/// A poisoned lock still holds a usable cache.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// What `--images` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
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
fn cell_size(terminal: Terminal) -> Option<(u16, u16)> {
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
    Some((cell(width, columns)?, cell(height, rows)?))
}

/// What a server sends to learn how a visitor's terminal shows photos:
/// whether it draws kitty graphics, its device attributes (sixel), its
/// cell size in pixels, and a status report every terminal answers, last,
/// so the answer's end is known.
pub fn query() -> String {
    Parser::query(false, QueryStdioOptions::default())
}

/// A terminal's answer to [`query`], heard a chunk at a time.
pub struct Answer {
    parser: Parser,
    kitty: bool,
    sixel: bool,
    cell: Option<(u16, u16)>,
    done: bool,
}

impl Default for Answer {
    fn default() -> Answer {
        Answer {
            parser: Parser::new(),
            kitty: false,
            sixel: false,
            cell: None,
            done: false,
        }
    }
}

impl Answer {
    /// Takes `bytes` from the terminal; returns where in them the answer
    /// ended (what follows is the visitor's typing), once it has.
    pub fn hear(&mut self, bytes: &[u8]) -> Option<usize> {
        for (at, c) in String::from_utf8_lossy(bytes).char_indices() {
            for response in self.parser.push(c) {
                match response {
                    Response::Kitty => self.kitty = true,
                    Response::Sixel => self.sixel = true,
                    Response::CellSize(size) => self.cell = size.or(self.cell),
                    Response::Status => self.done = true,
                    _ => {}
                }
            }
            if self.done {
                return Some((at + c.len_utf8()).min(bytes.len()));
            }
        }
        None
    }

    /// How the terminal that gave this answer shows photos: a graphics
    /// protocol it said it has, at the cell size it said (or `pixels` over
    /// `cells`, the PTY's), as `terminal`; else what `fallback` chose.
    pub fn mode(&self, terminal: u64, fallback: PhotoMode, sizes: Terminal) -> PhotoMode {
        let protocol = if self.kitty {
            Graphics::Kitty
        } else if self.sixel {
            Graphics::Sixel
        } else {
            return fallback;
        };
        match self.cell.or_else(|| cell_size(sizes)) {
            Some(cell) => PhotoMode::Graphics {
                protocol,
                cell,
                terminal: if protocol == Graphics::Kitty {
                    terminal
                } else {
                    0
                },
            },
            None => fallback,
        }
    }
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

    #[test]
    fn a_kitty_terminal_answers_and_its_typing_follows() {
        let mut answer = Answer::default();
        // The kitty reply, device attributes without sixel, the cell size,
        // then the status report, then a key the visitor pressed.
        let reply = b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22c\x1b[6;20;10t\x1b[0nj";
        let (first, rest) = reply.split_at(9);
        assert_eq!(answer.hear(first), None, "not yet");
        let end = answer.hear(rest).expect("the end of the answer");
        assert_eq!(&rest[end..], b"j");
        let mode = answer.mode(7, PhotoMode::Halfblocks, Terminal::default());
        assert_eq!(
            mode,
            PhotoMode::Graphics {
                protocol: Graphics::Kitty,
                cell: (10, 20),
                terminal: 7
            }
        );
    }

    #[test]
    fn a_sixel_terminal_without_a_cell_size_uses_the_pty_pixels() {
        let mut answer = Answer::default();
        assert!(answer.hear(b"\x1b[?62;4;22c\x1b[0n").is_some());
        let sizes = Terminal {
            cells: (100, 30),
            pixels: (800, 480),
            ..Terminal::default()
        };
        let mode = answer.mode(7, PhotoMode::Halfblocks, sizes);
        assert_eq!(
            mode,
            PhotoMode::Graphics {
                protocol: Graphics::Sixel,
                cell: (8, 16),
                terminal: 0
            }
        );
        // Nothing said of graphics: whatever was chosen before.
        let mut plain = Answer::default();
        assert!(plain.hear(b"\x1b[?62;22c\x1b[0n").is_some());
        assert_eq!(
            plain.mode(7, PhotoMode::Halfblocks, sizes),
            PhotoMode::Halfblocks
        );
    }
}
