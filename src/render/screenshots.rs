//! The curated screenshots in `screenshots/`: each scene is a key sequence
//! typed into the bundled edit at a terminal size, drawn as SVG and PNG.
//! `lookbook screenshots` rewrites them; a test fails when they are stale.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::app::keymap::parse_keys;
use crate::app::{App, Problem, Reload};
use crate::lookbook::{BUNDLED, LoadError, bundled, parse};
use crate::ui::theme::Theme;

use super::{Palette, Size, after_keys, png, svg};

/// One screenshot: its file name (without extension), what it shows, the
/// keys typed and the terminal size.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    pub name: &'static str,
    pub caption: &'static str,
    pub keys: &'static str,
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
        name: "first-screen",
        caption: "The first screen: every bag, the selected one's detail, the looks",
        keys: "",
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: "le-chiquito",
        caption: "Le Chiquito, and who carries it",
        keys: "G k Tab",
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: "laura-harrier",
        caption: "Laura Harrier's look, with the bags that recreate it",
        keys: "Tab Tab",
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: "lily-rose-depp",
        caption: "Lily-Rose Depp's look, a paired bag selected",
        keys: "Tab Tab j j j j j",
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: "help",
        caption: "The help overlay: every key, from the keymap table",
        keys: "?",
        size: WIDE,
        bad_save: None,
    },
    Scene {
        name: "medium-80x24",
        caption: "The medium layout at 80x24",
        keys: "",
        size: Size {
            width: 80,
            height: 24,
        },
        bad_save: None,
    },
    Scene {
        name: "narrow-50x20",
        caption: "The narrow layout at 50x20: one pane at a time",
        keys: "",
        size: Size {
            width: 50,
            height: 20,
        },
        bad_save: None,
    },
    Scene {
        name: "reload-error",
        caption: "A bad save while editing: the last good edit stays, the banner says why",
        keys: "j j Space",
        size: WIDE,
        bad_save: Some(("size = \"nano\"", "size = \"tiny\"")),
    },
];

/// The command that rewrites the committed set.
pub const REFRESH: &str = "cargo run --release -- screenshots";

/// The SVG of a scene, in lookbook's palette and its ANSI theme.
pub fn scene_svg(scene: &Scene) -> Result<String, String> {
    let buffer = scene_buffer(scene)?;
    let title = super::picture_title(&bundled().title, scene.caption);
    Ok(svg::svg(&buffer, &Palette::LOOKBOOK, &title))
}

/// The frame a scene shows.
pub fn scene_buffer(scene: &Scene) -> Result<ratatui::buffer::Buffer, String> {
    let keys = parse_keys(scene.keys)?;
    let mut app = App::new(Arc::new(bundled()));
    let mut buffer = after_keys(&mut app, &Theme::ansi(), &keys, scene.size);
    if let Some((from, to)) = scene.bad_save {
        let source = BUNDLED.replacen(from, to, 1);
        let Err(report) = parse(&source, "lookbook.toml") else {
            return Err(format!("scene {}: the bad save loads", scene.name));
        };
        let problem = Problem::from_load_error(&LoadError::Invalid(Box::new(report)));
        let _ = app.reload(Reload::Failed(problem), Instant::now());
        buffer = after_keys(&mut app, &Theme::ansi(), &[], scene.size);
    }
    Ok(buffer)
}

/// Writes `NAME.svg` and `NAME.png` of every scene into `dir` (created if
/// missing) and returns the files written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for scene in SCENES {
        let svg = scene_svg(scene)?;
        let png = png::png(&svg)?;
        for (extension, bytes) in [("svg", svg.as_bytes()), ("png", png.as_slice())] {
            let path = dir.join(format!("{}.{extension}", scene.name));
            fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}
