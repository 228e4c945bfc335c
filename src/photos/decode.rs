//! Decoding a photo no bigger than it will be drawn, where its format lets
//! the decoder scale down: a JPEG at 1/2, 1/4 or 1/8 of its size, in its
//! own DCT (an 8192x8192 photo for a pane of 600x400 pixels decodes to
//! 1024x1024: 3 MB, not 192). PNG and WebP have no such thing and decode
//! whole, one at a time on the photo thread, then are scaled and dropped.

use std::fs;
use std::path::Path;

use image::{DynamicImage, GrayImage, ImageReader, RgbImage};
use jpeg_decoder::{Decoder, PixelFormat};

/// `file` decoded, at no less than `want` (width, height) in pixels on
/// the side that limits a fit into it.
pub fn decode(file: &Path, want: (u32, u32)) -> Option<DynamicImage> {
    scaled_jpeg(file, want).or_else(|| whole(file))
}

fn whole(file: &Path) -> Option<DynamicImage> {
    ImageReader::open(file)
        .ok()?
        .with_guessed_format()
        .ok()?
        .decode()
        .ok()
}

/// A JPEG decoded smaller than it is; `None` for anything else, or a JPEG
/// that would not be smaller (drawn from the whole decode, as ever).
fn scaled_jpeg(file: &Path, want: (u32, u32)) -> Option<DynamicImage> {
    let bytes = fs::read(file).ok()?;
    if !bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return None;
    }
    // The decoder panics on a few kinds of JPEG it reads but cannot say
    // (odd precisions, component counts): those decode whole instead.
    std::panic::catch_unwind(|| scale_jpeg(&bytes, want))
        .ok()
        .flatten()
}

fn scale_jpeg(bytes: &[u8], want: (u32, u32)) -> Option<DynamicImage> {
    let mut decoder = Decoder::new(bytes);
    decoder.read_info().ok()?;
    let info = decoder.info()?;
    let side = |pixels: u32| u16::try_from(pixels.max(1)).unwrap_or(u16::MAX);
    let (width, height) = decoder.scale(side(want.0), side(want.1)).ok()?;
    if (width, height) == (info.width, info.height) {
        return None;
    }
    let pixels = decoder.decode().ok()?;
    let (width, height) = (u32::from(width), u32::from(height));
    match info.pixel_format {
        PixelFormat::RGB24 => RgbImage::from_raw(width, height, pixels).map(DynamicImage::from),
        PixelFormat::L8 => GrayImage::from_raw(width, height, pixels).map(DynamicImage::from),
        // 16-bit grey and CMYK are rare in photos: decoded whole.
        PixelFormat::L16 | PixelFormat::CMYK32 => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("lookbook-decode-{}-{name}", std::process::id()));
        fs::create_dir_all(&dir).expect("a temp dir");
        dir
    }

    fn jpeg(dir: &Path, width: u32, height: u32) -> std::path::PathBuf {
        let file = dir.join(format!("{width}x{height}.jpg"));
        RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([x.to_le_bytes()[0], y.to_le_bytes()[0], 90])
        })
        .save(&file)
        .expect("a JPEG");
        file
    }

    #[test]
    fn a_big_jpeg_decodes_at_the_smallest_scale_still_as_big_as_wanted() {
        let dir = temp("scaled");
        let file = jpeg(&dir, 1600, 800);
        let image = decode(&file, (400, 400)).expect("decoded");
        // 1/4 (400x200) is as wide as wanted; 1/8 would not be.
        assert_eq!((image.width(), image.height()), (400, 200));
        // A fit into 399x100 is 200x100: its height limits it.
        let image = decode(&file, (399, 100)).expect("decoded");
        assert_eq!((image.width(), image.height()), (200, 100));
        let image = decode(&file, (401, 201)).expect("decoded");
        assert_eq!((image.width(), image.height()), (800, 400));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_jpeg_wanted_whole_and_other_formats_decode_whole() {
        let dir = temp("whole");
        let file = jpeg(&dir, 64, 48);
        let image = decode(&file, (600, 400)).expect("decoded");
        assert_eq!((image.width(), image.height()), (64, 48));
        let png = dir.join("a.png");
        RgbImage::new(300, 200).save(&png).expect("a PNG");
        let image = decode(&png, (30, 20)).expect("decoded");
        assert_eq!((image.width(), image.height()), (300, 200));
        assert!(decode(&dir.join("none.jpg"), (30, 20)).is_none());
        let _ = fs::remove_dir_all(&dir);
    }
}
