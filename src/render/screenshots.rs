//! Curated screenshots: each scene is a key sequence typed into an edit at a
//! terminal size, drawn as SVG and PNG. The bundled edit's set is
//! `screenshots/` (`lookbook screenshots` rewrites it; a test fails when it
//! is stale); any other edit gets a set built from its own content
//! (`lookbook screenshots PATH`): its first screen, each look, the bag with
//! the most to say, help, about, and the medium and narrow layouts.

use std::borrow::Cow;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::app::App;
use crate::app::keymap::{KeyError, parse_keys};
use crate::edit::{Problem, Reload};
use crate::lookbook::{BUNDLED, LoadError, Lookbook, parse};
use crate::ui::theme::Theme;

use super::{Palette, PngError, Size, after_keys, png, svg};
use crate::layout::PhotoArea;

/// One screenshot: its file name (without extension), what it shows, the
/// keys typed and the terminal size.
#[derive(Debug, Clone)]
pub struct Scene {
    pub name: Cow<'static, str>,
    pub caption: Cow<'static, str>,
    pub keys: Cow<'static, str>,
    pub size: Size,
    /// A save that breaks the file (`from` replaced by `to` in the bundled
    /// edit's text), taken in after the keys: the live-reload banner.
    pub bad_save: Option<(&'static str, &'static str)>,
}

const WIDE: Size = Size {
    width: 120,
    height: 40,
};

pub const SCENES: &[Scene] = &[
    Scene {
        name: Cow::Borrowed("first-screen"),
        caption: Cow::Borrowed("The first screen: every bag, the selected one's detail, the looks"),
        keys: Cow::Borrowed(""),
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("le-chiquito"),
        caption: Cow::Borrowed("Le Chiquito, and who carries it"),
        keys: Cow::Borrowed("G k Tab"),
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("laura-harrier"),
        caption: Cow::Borrowed("Laura Harrier's look, with the bags that recreate it"),
        keys: Cow::Borrowed("Tab Tab"),
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("lily-rose-depp"),
        caption: Cow::Borrowed("Lily-Rose Depp's look, a paired bag selected"),
        keys: Cow::Borrowed("Tab Tab j j j j j"),
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("help"),
        caption: Cow::Borrowed("The help overlay: every key, from the keymap table"),
        keys: Cow::Borrowed("?"),
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("medium-80x24"),
        caption: Cow::Borrowed("The medium layout at 80x24"),
        keys: Cow::Borrowed(""),
        size: Size {
            width: 80,
            height: 24,
        },
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("narrow-50x20"),
        caption: Cow::Borrowed("The narrow layout at 50x20: one pane at a time"),
        keys: Cow::Borrowed(""),
        size: Size {
            width: 50,
            height: 20,
        },
        bad_save: None,
    },
    Scene {
        name: Cow::Borrowed("reload-error"),
        caption: Cow::Borrowed(
            "A bad save while editing: the last good edit stays, the banner says why",
        ),
        keys: Cow::Borrowed("j j Space"),
        size: WIDE,
        bad_save: Some(("size = \"nano\"", "size = \"tiny\"")),
    },
];

/// Why a scene could not be drawn or its files written.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error(transparent)]
    Keys(#[from] KeyError),
    /// A scene's bad save that is not one (a scene's own mistake).
    #[error("scene {0}: the bad save loads")]
    BadSaveLoads(String),
    #[error(transparent)]
    Png(#[from] PngError),
    #[error("cannot create {}: {source}", .dir.display())]
    CreateDir { dir: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// The command that rewrites the committed set.
pub const REFRESH: &str = "cargo run --release -- screenshots";

/// The frame a scene of `edit` shows.
pub fn scene_buffer(
    edit: &Arc<Lookbook>,
    scene: &Scene,
) -> Result<ratatui::buffer::Buffer, ScreenshotError> {
    scene_frame(edit, scene).map(|(buffer, _)| buffer)
}

/// The scene's frame, and where it drew whole photos.
fn scene_frame(
    edit: &Arc<Lookbook>,
    scene: &Scene,
) -> Result<(ratatui::buffer::Buffer, Vec<PhotoArea>), ScreenshotError> {
    let keys = parse_keys(&scene.keys)?;
    let mut app = App::new(Arc::clone(edit));
    let mut buffer = after_keys(&mut app, &Theme::ansi(), &keys, scene.size);
    if let Some((from, to)) = scene.bad_save {
        let source = BUNDLED.replacen(from, to, 1);
        let Err(report) = parse(&source, "lookbook.toml") else {
            return Err(ScreenshotError::BadSaveLoads(scene.name.to_string()));
        };
        let problem = Problem::from_load_error(&LoadError::Invalid(Box::new(report)));
        let _ = app.reload(Reload::Failed(problem), Instant::now());
        buffer = after_keys(&mut app, &Theme::ansi(), &[], scene.size);
    }
    Ok((buffer, app.photo_areas().to_vec()))
}

/// Writes `NAME.svg` and `NAME.png` of every scene of `edit` into `dir`
/// (created if missing) and returns the files written.
/// `fonts` are tried after the bundled font (see [`png::Fonts`]).
pub fn write_all(
    edit: &Arc<Lookbook>,
    scenes: &[Scene],
    dir: &Path,
    fonts: &[PathBuf],
) -> Result<Vec<PathBuf>, ScreenshotError> {
    fs::create_dir_all(dir).map_err(|source| ScreenshotError::CreateDir {
        dir: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for scene in scenes {
        let (buffer, photos) = scene_frame(edit, scene)?;
        let title = super::picture_title(&edit.title, &scene.caption);
        let svg = svg::with_photos(&buffer, &Palette::LOOKBOOK, &title, &photos);
        let fonts = png::Fonts::for_text(&super::text(&buffer), fonts)?;
        let png = png::png(&svg, &fonts)?;
        for (extension, bytes) in [("svg", svg.as_bytes()), ("png", png.as_slice())] {
            let path = dir.join(format!("{}.{extension}", scene.name));
            if let Err(source) = fs::write(&path, bytes) {
                return Err(ScreenshotError::Write { path, source });
            }
            written.push(path);
        }
    }
    Ok(written)
}

/// How far into the edit the generated scenes look: a scene is keys typed
/// one by one, each drawing a frame, so a look or a bag further down than
/// this many steps is left out of the set.
const MAX_STEPS: usize = 100;

/// The scenes of any edit, named from its ids: the first screen, each look
/// (as far as [`MAX_STEPS`] reach), the bag with the most to say, help,
/// about, and the medium and narrow layouts.
pub fn scenes_for(edit: &Lookbook) -> Vec<Scene> {
    let owned = |name: String, caption: String, keys: String, size: Size| Scene {
        name: Cow::Owned(name),
        caption: Cow::Owned(caption),
        keys: Cow::Owned(keys),
        size,
        bad_save: None,
    };
    let fixed = [
        "first-screen",
        "help",
        "about",
        "medium-80x24",
        "narrow-50x20",
    ];
    let mut taken: Vec<String> = fixed.iter().map(|n| (*n).to_string()).collect();
    let mut unique = |id: &str, kind: &str| {
        let name = if taken.iter().any(|t| t == id) {
            format!("{id}-{kind}")
        } else {
            id.to_string()
        };
        taken.push(name.clone());
        name
    };
    let first = "The first screen";
    let mut scenes = vec![owned(fixed[0].into(), first.into(), String::new(), WIDE)];
    // The styling pane's stops: each look's card, then each of its pairs.
    let mut stop = 0;
    for look in &edit.looks {
        if stop <= MAX_STEPS {
            let keys = std::iter::once("Tab Tab")
                .chain(std::iter::repeat_n("j", stop))
                .collect::<Vec<_>>()
                .join(" ");
            let caption = format!("Look: {}", look.wearer);
            scenes.push(owned(unique(&look.id, "look"), caption, keys, WIDE));
        }
        stop += 1 + look.pairs.len();
    }
    if let Some((index, bag)) = edit
        .bags
        .iter()
        .enumerate()
        .take(MAX_STEPS)
        .max_by_key(|(index, bag)| (things_said(bag), std::cmp::Reverse(*index)))
    {
        let keys = std::iter::repeat_n("j", index)
            .chain(std::iter::once("Tab"))
            .collect::<Vec<_>>()
            .join(" ");
        let caption = format!("{}: all the edit says of it", bag.name);
        scenes.push(owned(unique(&bag.id, "detail"), caption, keys, WIDE));
    }
    let narrow = |width, height| Size { width, height };
    for (name, caption, keys, size) in [
        (fixed[1], "Help: every key", "?", WIDE),
        (fixed[2], "About the edit", "i", WIDE),
        (fixed[3], "The medium layout at 80x24", "", narrow(80, 24)),
        (fixed[4], "The narrow layout at 50x20", "", narrow(50, 20)),
    ] {
        scenes.push(owned(name.into(), caption.into(), keys.into(), size));
    }
    scenes
}

/// How much the detail pane has to say of a bag: its facts and the length
/// of its note.
fn things_said(bag: &crate::lookbook::Bag) -> usize {
    let lists = bag.materials.len() + bag.details.len() + bag.colours.len() + bag.seen_on.len();
    let note = bag
        .note
        .as_ref()
        .map_or(0, |note| note.chars().count() / 40);
    lists + note + usize::from(bag.size.is_some()) + usize::from(bag.shape.is_some())
}
