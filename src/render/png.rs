//! The SVG picture rasterised in-process with resvg, at twice its size for
//! sharp text on high-density screens.
//!
//! Fonts, in the order a glyph is looked for: the bundled DejaVu Sans Mono
//! (the same pixels on every machine for all it covers, which is all the
//! bundled edit needs), then the user's (`--font FILE`), then the system's
//! (fontconfig's folders), loaded only for a frame with characters DejaVu
//! lacks: CJK, emoji. Colour emoji draw where the font's format allows
//! (CBDT bitmaps, COLR); a character no font has gets DejaVu's box.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;

use super::svg::FONT_FAMILY;

/// The fonts, compiled in (see `assets/fonts/LICENSE`).
const FONTS: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/DejaVuSansMono.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono-Bold.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono-Oblique.ttf"),
];

/// Pixels per SVG unit.
pub const SCALE: f32 = 2.0;

/// Why a PNG could not be made: a `--font` file, or the picture itself.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("--font {}: {source}", .file.display())]
    FontFile { file: PathBuf, source: io::Error },
    #[error("--font {}: no font in this file", .0.display())]
    NoFont(PathBuf),
    #[error("bad SVG: {0}")]
    Svg(#[source] usvg::Error),
    #[error("picture too large to rasterise")]
    TooLarge,
    #[error("cannot allocate a {width}x{height} picture")]
    Allocate { width: u32, height: u32 },
    /// The png crate's `EncodingError` (tiny-skia does not re-export it).
    #[error("cannot encode PNG: {0}")]
    Encode(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The fonts a picture is drawn with.
#[derive(Clone)]
pub struct Fonts {
    db: Arc<usvg::fontdb::Database>,
}

impl Fonts {
    /// The bundled faces alone, built once per process: parsing three faces
    /// is cheap, but screenshots render several pictures in a row.
    pub fn bundled() -> Fonts {
        static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
        let db = DB.get_or_init(|| Arc::new(bundled_db())).clone();
        Fonts { db }
    }

    /// The fonts to draw `text` with: the bundled faces, then `extra` font
    /// files in order, then the system's when `text` has a character the
    /// bundled faces lack. A file that holds no font is an error.
    pub fn for_text(text: &str, extra: &[PathBuf]) -> Result<Fonts, PngError> {
        let lacking = text.chars().any(|c| !bundled_covers(c));
        if extra.is_empty() && !lacking {
            return Ok(Fonts::bundled());
        }
        let mut db = bundled_db();
        for file in extra {
            let before = db.len();
            db.load_font_file(file)
                .map_err(|source| PngError::FontFile {
                    file: file.clone(),
                    source,
                })?;
            if db.len() == before {
                return Err(PngError::NoFont(file.clone()));
            }
        }
        if lacking {
            let ours = db.len();
            db.load_system_fonts();
            // The system's own DejaVu Sans Mono may be another version:
            // what the bundled faces cover stays drawn by them.
            let theirs: Vec<_> = db
                .faces()
                .skip(ours)
                .filter(|face| face.families.iter().any(|(name, _)| name == FONT_FAMILY))
                .map(|face| face.id)
                .collect();
            for id in theirs {
                db.remove_face(id);
            }
        }
        Ok(Fonts { db: Arc::new(db) })
    }
}

fn bundled_db() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    for font in FONTS {
        db.load_font_data(font.to_vec());
    }
    db.set_monospace_family(FONT_FAMILY);
    db.set_sans_serif_family(FONT_FAMILY);
    db.set_serif_family(FONT_FAMILY);
    db
}

/// Whether the bundled regular face has a glyph for `c`.
pub fn bundled_covers(c: char) -> bool {
    skrifa::FontRef::new(FONTS[0])
        .map(|font| font.charmap().map(c).is_some())
        .unwrap_or(false)
}

/// PNG bytes of an SVG picture, at [`SCALE`], drawn with `fonts`.
pub fn png(svg: &str, fonts: &Fonts) -> Result<Vec<u8>, PngError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: Arc::clone(&fonts.db),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(PngError::Svg)?;
    let size = tree.size().to_int_size().scale_by(SCALE);
    let (width, height) = size
        .map(|s| (s.width(), s.height()))
        .ok_or(PngError::TooLarge)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(PngError::Allocate { width, height })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_load() {
        let db = Fonts::bundled().db;
        assert_eq!(db.len(), 3);
        let names: Vec<String> = db
            .faces()
            .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
            .collect();
        assert!(names.iter().all(|name| name == FONT_FAMILY), "{names:?}");
    }

    #[test]
    fn the_system_is_asked_only_for_what_dejavu_lacks() {
        assert!(bundled_covers('a') && bundled_covers('│') && bundled_covers('é'));
        assert!(!bundled_covers('包') && !bundled_covers('🎉'));
        let plain = Fonts::for_text("The mini bag edit │ £195", &[]).expect("fonts");
        assert!(Arc::ptr_eq(&plain.db, &Fonts::bundled().db));
        let missing = PathBuf::from("/nonexistent/font.ttf");
        let Err(error) = Fonts::for_text("a", &[missing]) else {
            panic!("a missing font file is an error");
        };
        assert!(
            error
                .to_string()
                .starts_with("--font /nonexistent/font.ttf: "),
            "{error}"
        );
    }

    #[test]
    fn rasterises_at_twice_the_size() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"5\">\
                   <text x=\"0\" y=\"4\" font-family=\"DejaVu Sans Mono\">a</text></svg>";
        let png = png(svg, &Fonts::bundled()).expect("a PNG");
        assert_eq!(&png[1..4], b"PNG");
        // Width and height sit big-endian in the IHDR chunk.
        assert_eq!(&png[16..24], &[0, 0, 0, 20, 0, 0, 0, 10]);
        let Err(error) = super::png("<svg", &Fonts::bundled()) else {
            panic!("half an SVG is an error");
        };
        assert!(error.to_string().starts_with("bad SVG: "), "{error}");
    }
}
