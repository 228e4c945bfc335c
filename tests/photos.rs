//! Photos as users see them: in half blocks in every terminal (and in
//! these snapshots), through a graphics protocol where the terminal has
//! one, the drawings when photos are off; decoded once for every session.
//! The photos are made here, at test time: no binary fixtures.

use std::sync::Arc;

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::edit::Edit;
use lookbook::lookbook::Photo;
use lookbook::lookbook::load_path;
use lookbook::photos::{Graphics, Held, PhotoMode, Photos, Ready, Shown};
use lookbook::render;
use lookbook::ui::theme::Theme;
use ratatui::layout::Size;
use support::photo::edit_with_photos;

mod support;

fn screen(app: &mut App, theme: &Theme, keys: &str, width: u16, height: u16) -> String {
    let keys = parse_keys(keys).expect("keys");
    let size = render::Size { width, height };
    render::text(&render::after_keys(app, theme, &keys, size))
}

#[test]
fn a_photo_shows_in_half_blocks_in_the_detail_pane_and_on_the_look_card() {
    let lookbook =
        load_path(&edit_with_photos("halfblocks", true)).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Arc::new(lookbook));
    let frame = screen(&mut app, &Theme::ansi(), "", 100, 34);
    insta::assert_snapshot!("photo_halfblocks_100x34", frame);
}

/// With photos off, or without colour, the frame is the one the same edit
/// without photos draws: its drawings.
#[test]
fn with_photos_off_or_without_colour_the_drawings_show() {
    let file = edit_with_photos("off", true);
    let lookbook = Arc::new(load_path(&file).unwrap_or_else(|e| panic!("{e}")));
    let text = std::fs::read_to_string(&file).expect("the edit");
    let stripped: String = text
        .lines()
        .filter(|l| !l.starts_with("image = "))
        .map(|l| format!("{l}\n"))
        .collect();
    let plain = Arc::new(lookbook::lookbook::parse(&stripped, "plain.toml").expect("loads"));
    let mut off = Theme::ansi();
    off.photos = PhotoMode::Off;
    for (theme, name) in [(off, "off"), (Theme::monochrome(), "monochrome")] {
        for keys in ["", "Tab Tab"] {
            let photos = screen(&mut App::new(Arc::clone(&lookbook)), &theme, keys, 100, 34);
            let drawings = screen(&mut App::new(Arc::clone(&plain)), &theme, keys, 100, 34);
            assert_eq!(photos, drawings, "{name}, {keys:?}");
        }
    }
    let with = screen(&mut App::new(lookbook), &Theme::ansi(), "", 100, 34);
    let without = screen(&mut App::new(plain), &Theme::ansi(), "", 100, 34);
    assert_ne!(with, without, "photos on show");
}

/// Two sessions on one edit draw the same scaled photo: it was decoded and
/// scaled once, by a job, never by drawing.
#[test]
fn sessions_on_one_edit_share_each_scaled_photo() {
    let file = edit_with_photos("shared", true);
    let lookbook = Arc::new(load_path(&file).unwrap_or_else(|e| panic!("{e}")));
    let edit = Edit::new(Arc::clone(&lookbook));
    let (one, two) = (App::on(Arc::clone(&edit)), App::on(Arc::clone(&edit)));
    let photo = lookbook.bags[0].image.as_ref().expect("a photo");
    let size = Size::new(40, 10);
    let first = made(one.photos(), photo, size);
    let Ready::Drawn(again) = two
        .photos()
        .ready(photo, size, PhotoMode::Halfblocks, &Held::EMPTY)
    else {
        panic!("the other session finds it ready");
    };
    assert!(Arc::ptr_eq(first.picture(), again.picture()));
    let other = made(two.photos(), photo, Size::new(30, 8));
    assert!(
        !Arc::ptr_eq(first.picture(), other.picture()),
        "another size is scaled anew"
    );
    // Another edit with the same photo (the file loaded again, say) finds
    // it made too: one cache for every edit.
    let reloaded = Arc::new(load_path(&file).unwrap_or_else(|e| panic!("{e}")));
    let same = reloaded.bags[0].image.as_ref().expect("a photo");
    let other_edit = Edit::new(Arc::clone(&reloaded));
    assert!(matches!(
        other_edit
            .photos
            .ready(same, size, PhotoMode::Halfblocks, &Held::EMPTY),
        Ready::Drawn(_)
    ));
}

/// A photo as drawing first finds it (wanted, not made), then as a job
/// makes it.
fn made(photos: &Photos, photo: &Photo, size: Size) -> Shown {
    let Ready::Wanted(request) = photos.ready(photo, size, PhotoMode::Halfblocks, &Held::EMPTY)
    else {
        panic!("drawing never decodes: the first look finds it wanted");
    };
    let made = photos.prepare(&request).expect("made");
    match photos.ready(photo, size, PhotoMode::Halfblocks, &Held::EMPTY) {
        Ready::Drawn(shown) => {
            assert!(Arc::ptr_eq(shown.picture(), made.picture()));
            shown
        }
        _ => panic!("ready once the job ran"),
    }
}

/// In a terminal with the kitty protocol, the photo goes out as kitty
/// graphics (an APC `_G` transmission) rather than half blocks; scrolled
/// part out of view, it is half blocks, never half an image.
#[test]
fn a_kitty_terminal_gets_kitty_graphics_unless_the_photo_is_cut() {
    let lookbook =
        Arc::new(load_path(&edit_with_photos("kitty", true)).unwrap_or_else(|e| panic!("{e}")));
    let mut theme = Theme::ansi();
    theme.photos = PhotoMode::Graphics {
        protocol: Graphics::Kitty,
        cell: (10, 20),
        terminal: 0,
    };
    let mut app = App::new(lookbook);
    let keys = parse_keys("").expect("keys");
    let buffer = render::after_keys(
        &mut app,
        &theme,
        &keys,
        render::Size {
            width: 100,
            height: 26,
        },
    );
    let symbols: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(symbols.contains("\x1b_G"), "a kitty transmission");
    let scrolled = render::after_keys(
        &mut app,
        &theme,
        &parse_keys("Tab j").expect("keys"),
        render::Size {
            width: 100,
            height: 26,
        },
    );
    let symbols: String = scrolled.content().iter().map(|c| c.symbol()).collect();
    assert!(!symbols.contains("\x1b_G"), "no kitty image when cut");
    assert!(symbols.contains('▀'), "half blocks instead");
}

/// A picture of the frame shows the photo itself over its cells (an SVG
/// `<image>`, which the PNG draws), and none under an overlay.
#[test]
fn pictures_show_the_photo_itself() {
    let lookbook = load_path(&edit_with_photos("svg", true)).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Arc::new(lookbook));
    let svg = |app: &mut App, keys: &str| {
        let buffer = render::after_keys(
            app,
            &Theme::ansi(),
            &parse_keys(keys).expect("keys"),
            render::Size {
                width: 100,
                height: 34,
            },
        );
        let picture = render::Picture {
            palette: &render::palette::Palette::LOOKBOOK,
            title: "photos",
            fonts: &[],
            photos: app.photo_areas(),
        };
        String::from_utf8(render::encode(&buffer, render::Format::Svg, &picture).expect("an SVG"))
            .expect("text")
    };
    let shown = svg(&mut app, "");
    assert_eq!(
        shown.matches("<image ").count(),
        2,
        "the bag's photo and the look card's"
    );
    assert!(
        shown.contains("href=\"data:image/png;base64,iVBORw0KGgo"),
        "a PNG in a data URI"
    );
    for photo in app.photo_areas() {
        let (x, y) = (u32::from(photo.area.x) * 9, u32::from(photo.area.y) * 18);
        let (w, h) = (
            u32::from(photo.area.width) * 9,
            u32::from(photo.area.height) * 18,
        );
        // On the window's ground, so no half block shows in its margins.
        let at = format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#1f1c24\"/>\n\
             <image x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\""
        );
        assert!(shown.contains(&at), "at the photo's cells: {at}");
    }
    let covered = svg(&mut app, "?");
    assert!(!covered.contains("<image "), "not over the help");
}

/// One step of a visitor's: keys, or a new window size.
#[derive(Debug, Clone, Copy)]
enum Step {
    Keys(&'static str),
    Resize(u16, u16),
}

/// A theme for a terminal that shows photos with `protocol`.
fn graphics(protocol: Graphics) -> Theme {
    let mut theme = Theme::ansi();
    theme.photos = PhotoMode::Graphics {
        protocol,
        cell: (10, 20),
        terminal: 0,
    };
    theme
}

fn terminal(width: u16, height: u16) -> vt100::Parser {
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut terminal = vt100::Parser::new(nonzero(height), nonzero(width), 0);
    terminal.process(&lookbook::ssh::output::enter());
    terminal
}

/// A terminal that got only the frame `app` draws now.
fn fresh(app: &mut App, theme: &Theme, width: u16, height: u16) -> vt100::Parser {
    let mut screen = lookbook::ssh::output::ClientScreen::new(width, height).expect("a screen");
    let mut fresh = terminal(width, height);
    fresh.process(&screen.draw(app, theme).expect("a frame"));
    fresh
}

/// The first few cells two terminals show differently.
fn differences(one: &vt100::Parser, other: &vt100::Parser) -> Vec<(String, String)> {
    cells(one)
        .into_iter()
        .zip(cells(other))
        .filter(|(one, other)| one != other)
        .take(5)
        .collect()
}

/// Every cell as the terminal shows it: its text (a cell never written
/// shows as a blank one), colours and attributes.
fn cells(terminal: &vt100::Parser) -> Vec<String> {
    let screen = terminal.screen();
    let (rows, columns) = screen.size();
    let mut cells = Vec::new();
    for row in 0..rows.get() {
        for column in 0..columns.get() {
            let cell = screen.cell(row, column).expect("a cell");
            cells.push(format!(
                "{row},{column} {:?} {:?} {:?} {}{}{}{}",
                match cell.contents() {
                    "" => " ",
                    text => text,
                },
                cell.fgcolor(),
                cell.bgcolor(),
                cell.bold(),
                cell.italic(),
                cell.underline(),
                cell.inverse(),
            ));
        }
    }
    cells
}

/// A terminal with photos in graphics is drawn frame after frame, as a
/// visitor's gets them, through overlays, resizes and other bags; after
/// each frame it shows what a terminal that got only that frame shows:
/// nothing of an earlier photo or overlay is left behind. Sixel and iTerm2
/// photos are pixels, which this terminal cannot see: a frame whose photos
/// moved starts on a cleared screen, and one whose photos stayed does not.
#[test]
fn a_photo_in_graphics_leaves_nothing_behind() {
    use lookbook::app::Action;
    use lookbook::ssh::output::ClientScreen;
    let steps = [
        Step::Keys("?"),
        Step::Keys("Esc"),
        Step::Keys("j"),
        Step::Keys("k"),
        Step::Resize(90, 30),
        Step::Keys("Tab"),
        Step::Keys("j"),
        Step::Keys("k"),
        Step::Keys("i"),
        Step::Keys("Esc"),
        Step::Keys("Tab"),
        Step::Keys("Tab"),
        Step::Resize(100, 34),
        Step::Keys("S"),
        Step::Keys("Esc"),
        Step::Keys("/"),
        Step::Keys("Esc"),
    ];
    for protocol in [Graphics::Kitty, Graphics::Sixel, Graphics::Iterm2] {
        let theme = graphics(protocol);
        let file = edit_with_photos(&format!("repaint-{protocol:?}"), true);
        let lookbook = Arc::new(load_path(&file).unwrap_or_else(|e| panic!("{e}")));
        let mut app = App::new(lookbook);
        let (mut width, mut height) = (100, 34);
        app.handle(Action::Resize { width, height });
        let mut screen = ClientScreen::new(width, height).expect("a screen");
        let mut seen = terminal(width, height);
        seen.process(&screen.draw(&mut app, &theme).expect("a frame"));
        assert_eq!(app.photo_areas().len(), 2, "the bag's photo and the look's");
        for step in steps {
            let before = app.photo_areas().to_vec();
            match step {
                Step::Keys(keys) => {
                    for key in parse_keys(keys).expect("keys") {
                        app.handle_key(key);
                    }
                }
                Step::Resize(w, h) => {
                    (width, height) = (w, h);
                    app.handle(Action::Resize { width, height });
                    screen.resize(width, height).expect("resized");
                    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
                    seen.set_size(nonzero(height), nonzero(width));
                }
            }
            let frame = screen.draw(&mut app, &theme).expect("a frame");
            seen.process(&frame);
            let differ = differences(&seen, &fresh(&mut app, &theme, width, height));
            assert!(
                differ.is_empty(),
                "{protocol:?}: after {step:?}, the screen is not the frame \
                 (seen, a fresh terminal): {differ:#?}"
            );
            let cleared = frame.windows(4).any(|w| w == b"\x1b[2J");
            let moved = app.photo_areas() != before.as_slice();
            let resized = matches!(step, Step::Resize(..));
            assert_eq!(
                cleared,
                resized || (moved && protocol != Graphics::Kitty),
                "{protocol:?}: after {step:?}, photos moved: {moved}"
            );
            // Under an overlay, no pixels: they would cover its text.
            let pixels: &[u8] = match protocol {
                Graphics::Kitty => continue,
                Graphics::Sixel => b"\x1bP",
                Graphics::Iterm2 => b"\x1b]1337;",
            };
            let painted = frame.windows(pixels.len()).any(|w| w == pixels);
            assert!(
                !(app.overlay().is_some() && painted),
                "{protocol:?}: pixels under the overlay after {step:?}"
            );
        }
    }
}

/// A window dragged to another size and back finds the photo it had
/// ready: scaling for one size keeps the others.
#[test]
fn a_photo_scaled_for_a_size_stays_ready_when_another_size_is_scaled() {
    let lookbook =
        Arc::new(load_path(&edit_with_photos("back", false)).unwrap_or_else(|e| panic!("{e}")));
    let edit = Edit::new(Arc::clone(&lookbook));
    let photo = lookbook.bags[0].image.as_ref().expect("a photo");
    let first = made(&edit.photos, photo, Size::new(40, 10));
    made(&edit.photos, photo, Size::new(30, 8));
    let Ready::Drawn(again) = edit.photos.ready(
        photo,
        Size::new(40, 10),
        PhotoMode::Halfblocks,
        &Held::EMPTY,
    ) else {
        panic!("back at the first size, the photo is ready");
    };
    assert!(Arc::ptr_eq(first.picture(), again.picture()));
}

/// However many sizes a window is dragged through, the scaled photos kept
/// stay within the cache's bound in bytes: the least recently drawn go.
#[test]
fn scaled_photos_are_kept_within_the_bound_in_bytes() {
    let lookbook =
        Arc::new(load_path(&edit_with_photos("kept", false)).unwrap_or_else(|e| panic!("{e}")));
    let photo = lookbook.bags[0].image.as_ref().expect("a photo");
    const BOUND: usize = 64 * 1024;
    let photos = Photos::with_bound(BOUND);
    let sizes: Vec<Size> = (1..=16)
        .flat_map(|width| (1..=16).map(move |height| Size::new(width, height)))
        .collect();
    let ready = |size: Size| {
        matches!(
            photos.ready(photo, size, PhotoMode::Halfblocks, &Held::EMPTY),
            Ready::Drawn(_)
        )
    };
    for &size in &sizes {
        made(&photos, photo, size);
        assert!(photos.usage().bytes <= BOUND, "{:?}", photos.usage());
    }
    let kept = sizes.iter().filter(|&&size| ready(size)).count();
    assert!(kept < sizes.len(), "some went: {kept} kept");
    assert!(ready(sizes[sizes.len() - 1]), "the last made is kept");
    assert!(!ready(sizes[0]), "the first made went");
    assert_eq!(photos.usage().photos, kept);
}

/// A sixel terminal gets the photo as sixel graphics (a DCS `P`), an
/// iTerm2 one as an inline image (OSC 1337), rather than half blocks.
#[test]
fn sixel_and_iterm2_terminals_get_their_own_graphics() {
    for (protocol, intro) in [(Graphics::Sixel, "\x1bP"), (Graphics::Iterm2, "\x1b]1337;")] {
        let name = format!("own-{protocol:?}");
        let lookbook =
            Arc::new(load_path(&edit_with_photos(&name, true)).unwrap_or_else(|e| panic!("{e}")));
        let mut app = App::new(lookbook);
        let buffer = render::after_keys(
            &mut app,
            &graphics(protocol),
            &parse_keys("").expect("keys"),
            render::Size {
                width: 100,
                height: 26,
            },
        );
        let symbols: String = buffer.content().iter().map(|c| c.symbol()).collect();
        assert!(symbols.contains(intro), "{protocol:?}");
        assert!(!symbols.contains('▀'), "{protocol:?}: no half blocks");
    }
}
