//! Frames as pictures and ANSI text: the SVG of one frame reviewed by eye,
//! and the ANSI form read back by a terminal emulator (vt100) to the same
//! text and colours as the Buffer it came from.

use std::sync::Arc;

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::lookbook::bundled;
use lookbook::render::{self, Palette, Size, ansi, palette, svg};
use lookbook::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

fn buffer(keys: &str, width: u16, height: u16, theme: Theme) -> Buffer {
    let mut app = App::new(Arc::new(bundled()));
    let keys = parse_keys(keys).expect("known key names");
    render::after_keys(&mut app, &theme, &keys, Size { width, height })
}

#[test]
fn svg_of_the_narrow_first_screen() {
    let frame = buffer("", 40, 12, Theme::ansi());
    insta::assert_snapshot!(
        "svg_first_screen_40x12",
        svg::with_photos(&frame, &Palette::LOOKBOOK, "The mini bag edit — 40x12", &[])
    );
}

/// The colour vt100 reports for a ratatui colour written as SGR.
fn vt100_colour(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(n) => vt100::Color::Idx(n),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        named => vt100::Color::Idx(palette::ansi_index(named).expect("a named colour")),
    }
}

/// Feeds the ANSI form of `frame` to a terminal of its size (plus the line
/// its last newline scrolls into) and compares every cell.
fn assert_round_trips(frame: &Buffer) {
    let area = frame.area;
    let rows = std::num::NonZeroU16::new(area.height + 1).expect("at least one row");
    let cols = std::num::NonZeroU16::new(area.width.max(1)).expect("at least one column");
    let mut terminal = vt100::Parser::new(rows, cols, 0);
    // A terminal in raw mode needs the carriage return that `cat` gets
    // from the tty driver.
    terminal.process(ansi::ansi(frame).replace('\n', "\r\n").as_bytes());
    let screen = terminal.screen();
    for y in 0..area.height {
        for x in 0..area.width {
            let Some(cell) = screen.cell(y, x) else {
                panic!("vt100 has no cell at {x},{y}");
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let expected = &frame[(x, y)];
            let at = format!(
                "cell {x},{y} ({:?}) of a {}x{} frame",
                expected.symbol(),
                area.width,
                area.height
            );
            let contents = if cell.has_contents() {
                cell.contents()
            } else {
                " "
            };
            assert_eq!(contents, expected.symbol(), "{at}");
            assert_eq!(cell.fgcolor(), vt100_colour(expected.fg), "fg of {at}");
            assert_eq!(cell.bgcolor(), vt100_colour(expected.bg), "bg of {at}");
            let modifier = expected.modifier;
            // vt100 keeps one intensity, the last set: SGR 1 then 2 reads
            // as dim (xterm shows both; the codes are the same either way).
            let bold = modifier.contains(Modifier::BOLD) && !modifier.contains(Modifier::DIM);
            assert_eq!(cell.bold(), bold, "{at}");
            assert_eq!(cell.dim(), modifier.contains(Modifier::DIM), "{at}");
            assert_eq!(cell.italic(), modifier.contains(Modifier::ITALIC), "{at}");
            assert_eq!(
                cell.underline(),
                modifier.contains(Modifier::UNDERLINED),
                "{at}"
            );
            assert_eq!(
                cell.inverse(),
                modifier.contains(Modifier::REVERSED),
                "{at}"
            );
        }
    }
    // And the text a user would copy is the frame's text.
    let rows: Vec<String> = screen
        .rows(0, area.width)
        .take(usize::from(area.height))
        .collect();
    let expected: Vec<String> = render::text(frame).lines().map(str::to_string).collect();
    assert_eq!(rows, expected);
}

#[test]
fn ansi_reads_back_as_the_same_frames() {
    for (keys, width, height) in [
        ("", 120, 40),
        ("G k Tab", 120, 40),
        ("Tab Tab j j j j j", 80, 24),
        ("?", 50, 20),
        ("i", 60, 15),
        ("", 20, 3),
        ("", 1, 1),
    ] {
        assert_round_trips(&buffer(keys, width, height, Theme::ansi()));
        assert_round_trips(&buffer(keys, width, height, Theme::monochrome()));
    }
}

#[test]
fn ansi_round_trips_every_colour_kind_and_wide_characters() {
    let mut frame = Buffer::empty(Rect::new(0, 0, 12, 3));
    frame.set_string(0, 0, "包包 bag", Style::new().fg(Color::LightMagenta));
    frame.set_string(
        0,
        1,
        "idx",
        Style::new().fg(Color::Indexed(214)).bg(Color::Indexed(17)),
    );
    frame.set_string(
        4,
        1,
        "rgb",
        Style::new()
            .fg(Color::Rgb(250, 128, 114))
            .bg(Color::Rgb(1, 2, 3)),
    );
    frame.set_string(
        0,
        2,
        "styled",
        Style::new()
            .fg(Color::DarkGray)
            .bg(Color::White)
            .add_modifier(
                Modifier::DIM | Modifier::ITALIC | Modifier::UNDERLINED | Modifier::REVERSED,
            ),
    );
    assert_round_trips(&frame);
}

mod support;

/// Whether fontconfig knows a font with `codepoint` (hex), as CI's Noto
/// fonts give.
fn a_font_has(codepoint: &str) -> bool {
    std::process::Command::new("fc-list")
        .arg(format!(":charset={codepoint}"))
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.is_empty())
}

/// Pixels in a cell run of the PNG that stand out from the cell's own
/// background (ink), and of those, the ones in colour (not a grey).
fn ink(png: &resvg::tiny_skia::Pixmap, (col, row): (u16, u16), cells: u16) -> (usize, usize) {
    let scale = 2;
    let (x0, y0) = svg::cell_origin(col, row);
    let (x0, y0) = (x0 * scale, y0 * scale);
    let background = png.pixel(x0, y0).expect("inside the picture");
    let (mut count, mut coloured) = (0, 0);
    for y in y0..y0 + 18 * scale {
        for x in x0..x0 + 9 * scale * u32::from(cells) {
            let p = png.pixel(x, y).expect("inside the picture");
            let far = |a: u8, b: u8| a.abs_diff(b) > 60;
            if far(p.red(), background.red())
                || far(p.green(), background.green())
                || far(p.blue(), background.blue())
            {
                count += 1;
                let (lo, hi) = [p.red(), p.green(), p.blue()]
                    .iter()
                    .fold((255, 0), |(lo, hi), &c| (c.min(lo), c.max(hi)));
                if hi - lo > 60 {
                    coloured += 1;
                }
            }
        }
    }
    (count, coloured)
}

/// Where `text` starts in the frame.
fn find(frame: &Buffer, text: &str) -> (u16, u16) {
    let first = text.chars().next().expect("some text");
    for y in 0..frame.area.height {
        for x in 0..frame.area.width {
            if frame[(x, y)].symbol().starts_with(first) {
                return (x, y);
            }
        }
    }
    panic!("{text} is not in the frame");
}

/// CJK and emoji, which the bundled DejaVu lacks, draw from the system's
/// fonts (CI installs Debian's Noto CJK and Noto Color Emoji). A missing
/// glyph would draw the same box for every character, so 三 (three
/// strokes) must have more ink than 一 (one); the emoji must be in colour.
#[test]
fn cjk_and_emoji_draw_from_the_system_fonts() {
    let fonts =
        support::tmux::e2e_possible(&["fc-list"]) && a_font_has("5b85") && a_font_has("1f389");
    if !fonts {
        assert!(
            std::env::var_os("LOOKBOOK_E2E_REQUIRED").is_none(),
            "CI must install fonts-noto-cjk and fonts-noto-color-emoji"
        );
        return;
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/party_edit.toml"
    );
    let edit = Arc::new(lookbook::lookbook::load_path(std::path::Path::new(path)).expect("loads"));
    let png_of = |keys: &str| {
        let mut app = App::new(Arc::clone(&edit));
        let keys = parse_keys(keys).expect("keys");
        let frame = render::after_keys(
            &mut app,
            &Theme::ansi(),
            &keys,
            Size {
                width: 120,
                height: 40,
            },
        );
        let picture = render::Picture {
            palette: &Palette::LOOKBOOK,
            title: "fonts",
            fonts: &[],
            photos: &[],
        };
        let bytes = render::encode(&frame, render::Format::Png, &picture).expect("a PNG");
        let png = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decodes");
        (frame, png)
    };
    let (frame, png) = png_of("Tab");
    let (three, _) = ink(&png, find(&frame, "三"), 2);
    let (one, _) = ink(&png, find(&frame, "一"), 2);
    assert!(
        one > 10 && three > one * 3 / 2,
        "三 {three} pixels, 一 {one}"
    );
    let (frame, png) = png_of("j Tab");
    let (inked, coloured) = ink(&png, find(&frame, "🎉"), 2);
    assert!(
        coloured > 40,
        "🎉: {inked} inked pixels, {coloured} in colour"
    );
}

/// A character no font has still shows: DejaVu's replacement box, never an
/// empty cell.
#[test]
fn a_character_no_font_has_is_a_visible_box() {
    let mut frame = Buffer::empty(Rect::new(0, 0, 4, 1));
    frame.set_string(1, 0, "\u{10FFFD}", Style::new());
    let picture = render::Picture {
        palette: &Palette::LOOKBOOK,
        title: "a box",
        fonts: &[],
        photos: &[],
    };
    let bytes = render::encode(&frame, render::Format::Png, &picture).expect("a PNG");
    let png = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decodes");
    let (inked, _) = ink(&png, (1, 0), 1);
    assert!(inked > 20, "{inked} inked pixels");
    assert_eq!(ink(&png, (3, 0), 1).0, 0, "an empty cell stays empty");
}
