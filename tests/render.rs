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
        svg::svg(&frame, &Palette::LOOKBOOK, "The mini bag edit — 40x12")
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
