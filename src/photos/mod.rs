//! Photos as every session on an edit shares them: each scaled once per
//! cell area and way of drawing it, and kept scaled (not decoded).
//! Sessions draw from here; none decodes or scales what another already did,
//! and drawing never decodes: it asks, and a job makes the photo ready.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::Size;
use ratatui::widgets::Widget;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Image, Resize};

use crate::lookbook::{FileVersion, Photo};
use cache::Cache;

mod answer;
mod cache;
mod cells;
mod choose;
mod decode;

pub use answer::{Answer, query};
pub use cache::Usage;
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

    /// A cell's size in pixels: the terminal's for graphics; for half
    /// blocks, the size ratatui-image scales a photo by before it averages
    /// it down to two pixels a cell.
    fn cell_pixels(self) -> (u16, u16) {
        match self {
            PhotoMode::Graphics { cell, .. } => cell,
            PhotoMode::Off | PhotoMode::Halfblocks => (10, 20),
        }
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

/// One photo (as it was when it loaded) drawn at one size, one way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    file: PathBuf,
    version: FileVersion,
    width: u16,
    height: u16,
    mode: PhotoMode,
}

impl Key {
    /// What a photo made for this key keeps in memory: a sixel's or an
    /// iTerm2 image's bytes; a kitty image's pixels in RGBA and base64; a
    /// half-block cell's two colours.
    fn bytes(&self, picture: &Picture) -> usize {
        let size = picture.size();
        let cells = usize::from(size.width) * usize::from(size.height);
        match picture {
            Picture::Cells(cells) => cells.bytes(),
            Picture::Graphics(Protocol::Sixel(sixel)) => sixel.data.len(),
            Picture::Graphics(Protocol::ITerm2(iterm2)) => iterm2.data.len(),
            Picture::Graphics(Protocol::Halfblocks(_)) => cells * 12,
            Picture::Graphics(Protocol::Kitty(_)) => {
                let (width, height) = self.mode.cell_pixels();
                cells * usize::from(width) * usize::from(height) * 16 / 3
            }
        }
    }

    /// The pixels a photo fits into, before it is encoded.
    fn pixels(&self) -> (u32, u32) {
        let (width, height) = self.mode.cell_pixels();
        (
            u32::from(self.width) * u32::from(width),
            u32::from(self.height) * u32::from(height),
        )
    }
}

/// Graphics photos are at most this many pixels a side, however big the
/// pane and however big the cells a terminal says it has: a kitty photo of
/// 2048x2048 is 22 MB to keep.
const MAX_GRAPHICS_SIDE: u16 = 2048;

/// The budget of the one cache every session shares unless the host says
/// otherwise (`--photo-cache`): a half-block photo is some 15 KB and a
/// kitty one at 800x600 pixels some 2.5 MB, so this keeps a few hundred of
/// the one or some twenty-five of the other.
pub const DEFAULT_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The photos of every edit, as drawn: a handle on one cache, bounded in
/// bytes, which every session and every edit of the process shares (see
/// [`Photos::shared`]).
#[derive(Clone)]
pub struct Photos {
    cache: Arc<Cache>,
}

impl Default for Photos {
    fn default() -> Photos {
        Photos::shared()
    }
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
    Drawn(Shown),
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

/// A photo made ready to draw: in half blocks, lookbook's own (see
/// `cells.rs`); in a terminal's graphics, ratatui-image's.
pub enum Picture {
    Cells(cells::HalfBlocks),
    Graphics(Protocol),
}

impl Picture {
    /// The cells it takes.
    pub fn size(&self) -> Size {
        match self {
            Picture::Cells(cells) => cells.size(),
            Picture::Graphics(protocol) => protocol.size(),
        }
    }

    /// Draws it from `at`'s top left.
    pub fn render(&self, at: Rect, buffer: &mut Buffer) {
        match self {
            Picture::Cells(cells) => cells.render(at, buffer),
            Picture::Graphics(protocol) => Image::new(protocol).render(at, buffer),
        }
    }
}

/// A photo made ready for one size and way.
#[derive(Clone)]
pub struct Shown {
    key: Key,
    picture: Arc<Picture>,
}

impl Shown {
    pub fn picture(&self) -> &Arc<Picture> {
        &self.picture
    }
}

/// Its key: not its pixels.
impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Shown").field(&self.key).finish()
    }
}

/// The photos a session shows (its last frame's, and those made for its
/// next): held by the session, so the cache letting one go never takes it
/// from a screen that shows it, and frees it when none does.
#[derive(Clone, Default)]
pub struct Held(Vec<Shown>);

impl Held {
    pub const EMPTY: Held = Held(Vec::new());

    /// Keeps `shown` (once).
    pub fn keep(&mut self, shown: Shown) {
        if self.find(&shown.key).is_none() {
            self.0.push(shown);
        }
    }

    /// Keeps what a job made, if it could.
    pub fn keep_made(&mut self, made: Option<Shown>) {
        if let Some(shown) = made {
            self.keep(shown);
        }
    }

    fn find(&self, key: &Key) -> Option<&Shown> {
        self.0.iter().find(|shown| shown.key == *key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.0).finish()
    }
}

/// The same photos, made once: the same pixels.
impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| a.key == b.key && Arc::ptr_eq(&a.picture, &b.picture))
    }
}

impl Eq for Held {}

impl Photos {
    /// The one cache of the process, which every edit uses.
    pub fn shared() -> Photos {
        static SHARED: OnceLock<Arc<Cache>> = OnceLock::new();
        Photos {
            cache: Arc::clone(SHARED.get_or_init(|| Arc::new(Cache::new(DEFAULT_CACHE_BYTES)))),
        }
    }

    /// A cache of its own, of `bound` bytes.
    pub fn with_bound(bound: usize) -> Photos {
        Photos {
            cache: Arc::new(Cache::new(bound)),
        }
    }

    /// A new budget for this cache (the shared one's, for all).
    pub fn set_bound(&self, bound: usize) {
        self.cache.set_bound(bound);
    }

    pub fn usage(&self) -> Usage {
        self.cache.usage()
    }

    /// `photo` as ready to draw in `size` cells the `mode` way, if a job
    /// made it: `held` first (what the session shows), then the cache.
    /// Kitty images are kept per terminal (the mode says which): the
    /// protocol sends an image once, to one terminal.
    pub fn ready(&self, photo: &Photo, size: Size, mode: PhotoMode, held: &Held) -> Ready {
        // Not `picker()`: building one reads the environment, every frame.
        if mode == PhotoMode::Off {
            return Ready::Unreadable;
        }
        let key = key(photo, size, mode);
        if let Some(shown) = held.find(&key) {
            return Ready::Drawn(shown.clone());
        }
        match self.cache.get(&key) {
            Some(Some(picture)) => Ready::Drawn(Shown { key, picture }),
            Some(None) => Ready::Unreadable,
            None => Ready::Wanted(PhotoRequest {
                photo: photo.clone(),
                key,
            }),
        }
    }

    /// Decodes and scales what `request` asks for, unless another job did:
    /// slow, so a transport runs it on a blocking thread (a test or a
    /// picture at once), then draws again, holding what this returns.
    pub fn prepare(&self, request: &PhotoRequest) -> Option<Shown> {
        let key = &request.key;
        let picture = self.cache.make(key, || scale(request))?;
        Some(Shown {
            key: key.clone(),
            picture,
        })
    }
}

/// The key of `photo` drawn in `size` cells the `mode` way; a graphics
/// photo in no more cells than [`MAX_GRAPHICS_SIDE`] pixels take.
fn key(photo: &Photo, size: Size, mode: PhotoMode) -> Key {
    let (cell_width, cell_height) = mode.cell_pixels();
    let most = |cell: u16| (MAX_GRAPHICS_SIDE / cell.max(1)).max(1);
    let (width, height) = match mode {
        PhotoMode::Graphics { .. } => (
            size.width.min(most(cell_width)),
            size.height.min(most(cell_height)),
        ),
        _ => (size.width, size.height),
    };
    Key {
        file: photo.file.clone(),
        version: photo.version,
        width,
        height,
        mode,
    }
}

/// Decodes the file (scaled down where its format can) and scales it. The
/// decoded pixels are not kept: a 4000x3000 photo is 36 MB of them, and
/// the scaled photo is kept instead (a few hundred pixels a side); another
/// size decodes again, off the drawing path.
fn scale(request: &PhotoRequest) -> Option<Arc<Picture>> {
    let key = &request.key;
    let picker = key.mode.picker()?;
    let image = decode::decode(&request.photo.file, key.pixels())?;
    let size = Size::new(key.width, key.height);
    let picture = match key.mode {
        PhotoMode::Halfblocks => Picture::Cells(cells::HalfBlocks::new(&image, size)?),
        _ => Picture::Graphics(picker.new_protocol(image, size, Resize::Fit(None)).ok()?),
    };
    Some(Arc::new(picture))
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

    fn png(name: &str, width: u32, height: u32) -> Photo {
        let dir = std::env::temp_dir().join(format!("lookbook-photos-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        let file = dir.join(name);
        image::RgbImage::from_pixel(width, height, image::Rgb([200, 90, 120]))
            .save(&file)
            .expect("a PNG");
        let meta = std::fs::metadata(&file).expect("written");
        Photo {
            written: name.into(),
            file,
            width,
            height,
            version: FileVersion::of(&meta),
        }
    }

    /// Two photos on one screen that the cache cannot keep both of: each
    /// made once, held by the session that shows them, drawn from there;
    /// never made again and again.
    #[test]
    fn what_a_session_holds_draws_when_the_cache_let_it_go() {
        let photos = Photos::with_bound(0);
        let size = Size::new(20, 8);
        let mut held = Held::default();
        for photo in [png("held-a.png", 60, 40), png("held-b.png", 40, 60)] {
            let Ready::Wanted(request) = photos.ready(&photo, size, PhotoMode::Halfblocks, &held)
            else {
                panic!("nothing made yet");
            };
            held.keep_made(photos.prepare(&request));
            assert_eq!(photos.usage().bytes, 0, "over the bound: not kept");
            assert!(matches!(
                photos.ready(&photo, size, PhotoMode::Halfblocks, &Held::EMPTY),
                Ready::Wanted(_)
            ));
            assert!(matches!(
                photos.ready(&photo, size, PhotoMode::Halfblocks, &held),
                Ready::Drawn(_)
            ));
        }
        assert_eq!(held.len(), 2);
    }

    /// A photo replaced under the same name is another photo.
    #[test]
    fn a_changed_file_is_another_photo() {
        let photos = Photos::with_bound(1 << 20);
        let size = Size::new(20, 8);
        let old = png("changed.png", 60, 40);
        let Ready::Wanted(request) = photos.ready(&old, size, PhotoMode::Halfblocks, &Held::EMPTY)
        else {
            panic!("nothing made yet");
        };
        assert!(photos.prepare(&request).is_some());
        let mut new = old.clone();
        new.version.len += 1;
        assert!(matches!(
            photos.ready(&new, size, PhotoMode::Halfblocks, &Held::EMPTY),
            Ready::Wanted(_)
        ));
        assert!(matches!(
            photos.ready(&old, size, PhotoMode::Halfblocks, &Held::EMPTY),
            Ready::Drawn(_)
        ));
    }

    /// However big the cells a terminal says it has, a graphics photo is
    /// made for at most 2048 pixels a side.
    #[test]
    fn graphics_photos_are_made_for_at_most_2048_pixels_a_side() {
        let photo = png("cells.png", 8, 8);
        let mode = PhotoMode::Graphics {
            protocol: Graphics::Sixel,
            cell: (100, 200),
            terminal: 0,
        };
        let big = key(&photo, Size::new(400, 150), mode);
        assert_eq!((big.width, big.height), (20, 10));
        assert_eq!(big.pixels(), (2000, 2000));
        let small = key(&photo, Size::new(30, 10), mode);
        assert_eq!((small.width, small.height), (20, 10));
        let halfblocks = key(&photo, Size::new(400, 150), PhotoMode::Halfblocks);
        assert_eq!((halfblocks.width, halfblocks.height), (400, 150));
    }
}
