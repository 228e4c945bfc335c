//! What photos cost: `cargo bench --bench photos`. Each pair is measured in
//! one run of this binary, against the same edit without photos.
//!
//! - `first_frame::*`: a fresh edit (nothing decoded yet) and its first
//!   120x40 frame, the selected bag's photo a 4000x3000 JPEG: reading,
//!   decoding and scaling it, against the same edit with no photos (its
//!   drawings).
//! - `keystroke::*`: `j`/`k` between two bags with photos, each frame drawn
//!   (both photos already decoded and scaled, as after the first frame),
//!   against the same two bags without photos.
//!
//! Photos are drawn in half blocks, as in any terminal. The photos are
//! made once per run (benches/tools/gen_photo.rs makes the same by hand).

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use divan::Bencher;
use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::edit::Edit;
use lookbook::lookbook::{Lookbook, load_path, parse};
use lookbook::render;
use lookbook::ui::theme::Theme;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() {
    divan::main();
}

/// A photo-like picture: a gradient behind a round "bag".
fn picture(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let (dx, dy) = (
            i64::from(x) - i64::from(width / 2),
            i64::from(y) - i64::from(height / 2),
        );
        let r = i64::from(height / 3);
        let shade = u8::try_from(y * 200 / height.max(1)).unwrap_or(200);
        if dx * dx + dy * dy < r * r {
            image::Rgb([240, 110, shade])
        } else {
            image::Rgb([230, shade, 215])
        }
    })
}

/// The fixture edit with a 4000x3000 JPEG for each of its two bags, and
/// the same text without photos.
static EDITS: LazyLock<(PathBuf, Lookbook)> = LazyLock::new(|| {
    let folder = std::env::temp_dir().join(format!("lookbook-bench-photos-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("images")).expect("a folder");
    for name in ["one", "two"] {
        picture(4000, 3000)
            .save(folder.join(format!("images/{name}.jpg")))
            .expect("a JPEG");
    }
    let valid = include_str!("../tests/fixtures/valid.toml");
    let with = valid
        .replacen(
            "price = 195\n",
            "price = 195\nimage = \"images/one.jpg\"\n",
            1,
        )
        .replacen(
            "price = 49.99\n",
            "price = 49.99\nimage = \"images/two.jpg\"\n",
            1,
        );
    let file = folder.join("edit.toml");
    std::fs::write(&file, with).expect("the edit");
    let plain = parse(valid, "plain.toml").expect("the fixture loads");
    (file, plain)
});

static WITH_PHOTOS: LazyLock<Arc<Lookbook>> =
    LazyLock::new(|| Arc::new(load_path(&EDITS.0).expect("the edit with photos loads")));
static WITHOUT: LazyLock<Arc<Lookbook>> = LazyLock::new(|| Arc::new(EDITS.1.clone()));

fn first_frame(bencher: Bencher, lookbook: &'static Arc<Lookbook>) {
    let theme = Theme::ansi();
    bencher
        .with_inputs(|| App::on(Edit::new(Arc::clone(lookbook))))
        .bench_local_values(|mut app| render::frame(&mut app, &theme, WIDTH, HEIGHT));
}

fn keystroke(bencher: Bencher, lookbook: &'static Arc<Lookbook>) {
    let theme = Theme::ansi();
    let mut app = App::on(Edit::new(Arc::clone(lookbook)));
    let (down, up) = (parse_keys("j").expect("j"), parse_keys("k").expect("k"));
    // Both photos decoded and scaled, as after a visit to each.
    for keys in [&down, &up] {
        render::after_keys(
            &mut app,
            &theme,
            keys,
            render::Size {
                width: WIDTH,
                height: HEIGHT,
            },
        );
    }
    let mut at_top = true;
    bencher.bench_local(|| {
        let keys = if at_top { &down } else { &up };
        at_top = !at_top;
        render::after_keys(
            &mut app,
            &theme,
            keys,
            render::Size {
                width: WIDTH,
                height: HEIGHT,
            },
        )
    });
}

mod first_frame {
    use super::*;

    #[divan::bench(sample_count = 20)]
    fn photo_4000x3000_jpeg(bencher: Bencher) {
        first_frame(bencher, &WITH_PHOTOS);
    }

    #[divan::bench(sample_count = 20)]
    fn no_photos(bencher: Bencher) {
        first_frame(bencher, &WITHOUT);
    }
}

mod keystroke {
    use super::*;

    #[divan::bench(sample_count = 500)]
    fn between_photos(bencher: Bencher) {
        keystroke(bencher, &WITH_PHOTOS);
    }

    #[divan::bench(sample_count = 500)]
    fn no_photos(bencher: Bencher) {
        keystroke(bencher, &WITHOUT);
    }
}
