//! The SVG picture rasterised in-process with resvg, at twice its size for
//! sharp text on high-density screens. Only the bundled DejaVu Sans Mono is
//! loaded, never the system's fonts, so every machine draws the same glyphs.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::svg::FONT_FAMILY;

/// The fonts, compiled in (see `assets/fonts/LICENSE`).
const FONTS: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/DejaVuSansMono.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono-Bold.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono-Oblique.ttf"),
];

/// Pixels per SVG unit.
pub const SCALE: f32 = 2.0;

/// The font database, built once per process: parsing three faces is cheap,
/// but screenshots render several pictures in a row.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for font in FONTS {
            db.load_font_data(font.to_vec());
        }
        db.set_monospace_family(FONT_FAMILY);
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// PNG bytes of an SVG picture, at [`SCALE`].
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("bad SVG: {e}"))?;
    let size = tree.size().to_int_size().scale_by(SCALE);
    let (width, height) = size
        .map(|s| (s.width(), s.height()))
        .ok_or("picture too large to rasterise")?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot allocate a {width}x{height} picture"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_load() {
        let db = fontdb();
        assert_eq!(db.len(), 3);
        let names: Vec<String> = db
            .faces()
            .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
            .collect();
        assert!(names.iter().all(|name| name == FONT_FAMILY), "{names:?}");
    }

    #[test]
    fn rasterises_at_twice_the_size() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"5\">\
                   <text x=\"0\" y=\"4\" font-family=\"DejaVu Sans Mono\">a</text></svg>";
        let png = png(svg).expect("a PNG");
        assert_eq!(&png[1..4], b"PNG");
        // Width and height sit big-endian in the IHDR chunk.
        assert_eq!(&png[16..24], &[0, 0, 0, 20, 0, 0, 0, 10]);
        assert!(super::png("<svg").is_err());
    }
}
