//! Photos in pictures of a frame: each photo the frame drew whole becomes
//! an `<image>` over its cells, the photo itself (scaled to the cells, as a
//! PNG in a data URI) rather than its half blocks, on the window's ground:
//! a photo of another shape than its cells leaves margins, where its half
//! blocks would show as a sliver. A photo that cannot be read keeps its
//! half blocks.

use std::fmt::Write;
use std::io::Cursor;

use image::imageops::FilterType;

use super::palette::Rgb;
use super::svg::{CELL_H, CELL_W};
use crate::layout::PhotoArea;

/// The `<image>` elements for `photos`, each on a `ground` of its cells,
/// in the grid's coordinates.
pub fn images(photos: &[PhotoArea], ground: Rgb) -> String {
    let mut out = String::new();
    for photo in photos {
        let (x, y) = (
            u32::from(photo.area.x) * u32::from(CELL_W),
            u32::from(photo.area.y) * u32::from(CELL_H),
        );
        let (width, height) = (
            u32::from(photo.area.width) * u32::from(CELL_W),
            u32::from(photo.area.height) * u32::from(CELL_H),
        );
        let Some(png) = scaled_png(photo, width, height) else {
            continue;
        };
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"{ground}\"/>\n\
             <image x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" \
             preserveAspectRatio=\"xMidYMid meet\" href=\"data:image/png;base64,{}\"/>",
            base64_simd::STANDARD.encode_to_string(&png)
        );
    }
    out
}

/// The photo fitted into `width`x`height` pixels, as PNG bytes.
fn scaled_png(photo: &PhotoArea, width: u32, height: u32) -> Option<Vec<u8>> {
    let image = image::ImageReader::open(&photo.file)
        .ok()?
        .with_guessed_format()
        .ok()?
        .decode()
        .ok()?;
    let fitted = image.resize(width.max(1), height.max(1), FilterType::Triangle);
    let mut png = Vec::new();
    fitted
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(png)
}
