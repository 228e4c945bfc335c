//! Photos as every session on an edit shares them: each scaled once per
//! cell area and way of drawing it, and kept scaled (not decoded).
//! Sessions draw from here; none decodes or scales what another already did,
//! and drawing never decodes: it asks, and a job makes the photo ready.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use ratatui::layout::Size;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Resize};

use crate::lookbook::Photo;

mod answer;
mod choose;

pub use answer::{Answer, query};
pub use choose::{Images, Terminal};

/// Kitty's "delete every image, and free its data": kitty keeps images
/// apart from the text, so clearing the screen leaves them.
pub const KITTY_DELETE_ALL: &str = "\x1b_Ga=d,d=A\x1b\\";

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

/// A photo scaled for one size and way, once a job made it (`None`: it
/// could not be made). Jobs for the same one wait for the first.
type Scaled = Arc<OnceLock<Option<Arc<Protocol>>>>;

#[derive(Default)]
pub struct Photos {
    scaled: Mutex<HashMap<Key, Scaled>>,
}

impl std::fmt::Debug for Photos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Photos").finish_non_exhaustive()
    }
}

/// What drawing finds of a photo: decoding and scaling are slow (a large
/// JPEG takes a good part of a second), so drawing never does them; it
/// asks, and a job does them off the drawing path.
pub enum Ready {
    /// Ready to draw.
    Drawn(Arc<Protocol>),
    /// Not made yet: draw something else, and have this request run.
    Wanted(PhotoRequest),
    /// It cannot be made (the file changed since it loaded): draw
    /// something else, for good.
    Unreadable,
}

/// A photo a frame wanted and could not draw yet: what a job needs to
/// make it ready (see [`Photos::prepare`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhotoRequest {
    photo: Photo,
    key: Key,
}

impl Photos {
    /// `photo` as ready to draw in `size` cells the `mode` way, if a job
    /// made it. Kitty images are kept per terminal (the mode says which):
    /// the protocol sends an image once, to one terminal.
    pub fn ready(&self, photo: &Photo, size: Size, mode: PhotoMode) -> Ready {
        if mode.picker().is_none() {
            return Ready::Unreadable;
        }
        let key = Key {
            file: photo.file.clone(),
            width: size.width,
            height: size.height,
            mode,
        };
        let made = lock(&self.scaled)
            .get(&key)
            .and_then(|cell| cell.get().cloned());
        match made {
            Some(Some(protocol)) => Ready::Drawn(protocol),
            Some(None) => Ready::Unreadable,
            None => Ready::Wanted(PhotoRequest {
                photo: photo.clone(),
                key,
            }),
        }
    }

    /// Decodes and scales what `request` asks for, unless another job did:
    /// slow, so a transport runs it on a blocking thread (a test or a
    /// picture at once), then draws again.
    pub fn prepare(&self, request: &PhotoRequest) {
        let cell = {
            let mut scaled = lock(&self.scaled);
            if scaled.len() >= MAX_SCALED && !scaled.contains_key(&request.key) {
                scaled.clear();
            }
            Arc::clone(scaled.entry(request.key.clone()).or_default())
        };
        cell.get_or_init(|| self.scale(request));
    }

    /// Decodes the file and scales it. The decoded pixels are not kept:
    /// a 4000x3000 photo is 36 MB of them, and every scaled photo is kept
    /// instead (a few hundred pixels a side); another size decodes again,
    /// off the drawing path.
    fn scale(&self, request: &PhotoRequest) -> Option<Arc<Protocol>> {
        let key = &request.key;
        let picker = key.mode.picker()?;
        let image = image::ImageReader::open(&request.photo.file)
            .ok()?
            .with_guessed_format()
            .ok()?
            .decode()
            .ok()?;
        let size = Size::new(key.width, key.height);
        picker
            .new_protocol(image, size, Resize::Fit(None))
            .ok()
            .map(Arc::new)
    }
}

/// A poisoned lock still holds a usable cache.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An edit's debug output (a failing test's, a log's) names its photos
    /// and leaves out their pixels.
    #[test]
    fn photos_debug_without_their_pixels() {
        assert_eq!(format!("{:?}", Photos::default()), "Photos { .. }");
    }
}
