//! Photos for tests, made at test time (no binary fixtures): a picture,
//! and a copy of the minimal fixture with photos beside it.

#![allow(dead_code)] // Each test file uses the part it needs.

use std::path::PathBuf;

/// A made-up photo: a soft ground behind a round pink "bag", its colours
/// changing from row to row so half blocks show its shape.
pub fn picture(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let (dx, dy) = (
            i64::from(x) - i64::from(width / 2),
            i64::from(y) - i64::from(height / 2),
        );
        let radius = i64::from(width.min(height) / 3);
        if dx * dx + dy * dy < radius * radius {
            image::Rgb([240, 110, 170])
        } else {
            image::Rgb([230, 225, y.to_le_bytes()[0]])
        }
    })
}

/// `tests/fixtures/valid.toml` in a folder of `name`'s own, its first bag
/// with `images/bag.png` (400x300) and, with `look`, its look with
/// `images/look.jpg` (300x400), the photos written beside it.
pub fn edit_with_photos(name: &str, look: bool) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("lookbook-photo-edit-{}-{name}", std::process::id()));
    std::fs::create_dir_all(folder.join("images")).expect("a folder");
    picture(400, 300)
        .save(folder.join("images/bag.png"))
        .expect("a PNG");
    picture(300, 400)
        .save(folder.join("images/look.jpg"))
        .expect("a JPEG");
    let valid = include_str!("../fixtures/valid.toml");
    let mut text = valid.replacen(
        "price = 195\n",
        "price = 195\nimage = \"images/bag.png\"\n",
        1,
    );
    if look {
        text = text.replacen(
            "pairs = [\"one\"]",
            "pairs = [\"one\"]\nimage = \"images/look.jpg\"",
            1,
        );
    }
    let file = folder.join("edit.toml");
    std::fs::write(&file, text).expect("the edit");
    file
}
