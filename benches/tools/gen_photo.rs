//! Writes a made-up photo (a soft gradient behind a round "bag"), for the
//! photo benchmarks and for trying photos by hand; the format follows the
//! extension (.png, .jpg, .webp).
//!
//!     cargo run --release --example gen_photo -- images/big.jpg 4000x3000

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, size] = &args[..] else {
        eprintln!("usage: gen_photo OUT.(png|jpg|webp) WIDTHxHEIGHT");
        return ExitCode::FAILURE;
    };
    let Some((width, height)) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
    else {
        eprintln!("gen_photo: {size}: expected WIDTHxHEIGHT");
        return ExitCode::FAILURE;
    };
    match lookbook_photo(width, height).save(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_photo: {path}: {error}");
            ExitCode::FAILURE
        }
    }
}

fn lookbook_photo(width: u32, height: u32) -> image::RgbImage {
    // In thousandths of the width and height, so the picture is the same
    // at any size.
    let (w, h) = (u64::from(width.max(1)), u64::from(height.max(1)));
    let channel = |v: u64| u8::try_from(v.min(255)).unwrap_or(u8::MAX);
    image::RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (u64::from(x) * 1000 / w, u64::from(y) * 1000 / h);
        let dx = fx.abs_diff(500);
        let dy = fy.abs_diff(550) * h / w;
        if dx * dx + dy * dy < 40_000 {
            image::Rgb([
                channel(250 - 40 * fy / 1000),
                channel(120 + 60 * fx / 1000),
                170,
            ])
        } else {
            image::Rgb([
                channel(235 - 30 * fy / 1000),
                channel(225 - 20 * fx / 1000),
                channel(210 + 30 * fy / 1000),
            ])
        }
    })
}
