//! Photos as every session on an edit shares them: each file decoded once,
//! on first sight, and scaled once per cell area and way of drawing it.
//! Sessions draw from here; none decodes or scales what another already did.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use image::DynamicImage;
use ratatui::layout::Size;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Resize};

use crate::lookbook::Photo;

mod answer;
mod choose;

pub use answer::{Answer, query};
pub use choose::{Images, Terminal};

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
    /// Whether photos are pixels painted from their first cell over the
    /// rest (sixel, iTerm2), which stay until text is written over each
    /// cell. Kitty's are placeholder characters: text, redrawn as text is.
    pub fn paints_pixels(self) -> bool {
        matches!(
            self,
            PhotoMode::Graphics {
                protocol: Graphics::Sixel | Graphics::Iterm2,
                ..
            }
        )
    }

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
