//! Text that terminals draw as lookbook measures it (issue 11).
//!
//! ratatui lays text out in the cells unicode-width gives each grapheme; a
//! terminal that disagrees puts the rest of the row in other columns and
//! breaks the borders. So whatever the loader accepts must come back from a
//! terminal with the same characters in the same columns. Names, brands and
//! titles built from pieces terminals are known to disagree on are loaded
//! (text the loader refuses is skipped: refusing is an answer), drawn with
//! the real app, written as ANSI and read back by vt100, cell by cell. A
//! fixed set of tricky names also goes through a real tmux, when there is
//! one (CI sets `LOOKBOOK_E2E_REQUIRED`, which makes tmux required).
//!
//! Not in the pool, because no fold can fix them without harming the script:
//! Khmer coeng pairs (unicode-width counts the subscript consonant as 0,
//! terminals as 1), U+17D8 (3 cells to unicode-width, at most 2 anywhere
//! else) and emoji newer than the terminal's Unicode tables.

mod support;

use std::num::NonZeroU16;
use std::sync::Arc;

use lookbook::app::App;
use lookbook::lookbook::{Lookbook, parse};
use lookbook::render::{self, Format, Palette};
use lookbook::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use support::tmux::{Tmux, e2e_possible};
use unicode_width::UnicodeWidthStr;

/// What text is made of: plain words and the pieces terminals disagree on.
const PIECES: &[&str] = &[
    // Plain text, and what every terminal agrees on.
    "bag",
    "Mini",
    " ",
    "-",
    "é",
    "👜",
    "バッグ",
    "包",
    "가방",
    "ｶﾞ",
    // Combining marks: composable, not, on nothing, four deep.
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{301}",
    "q\u{350}\u{351}\u{352}\u{357}",
    // Emoji ZWJ sequences, and a joiner on its own.
    "👩\u{200D}👩\u{200D}👧",
    "🧑\u{200D}🎄",
    "🏳\u{FE0F}\u{200D}🌈",
    "👁\u{FE0F}\u{200D}🗨\u{FE0F}",
    "\u{200D}",
    // Presentation selectors.
    "❤\u{FE0F}",
    "☀\u{FE0F}",
    "😀\u{FE0E}",
    "\u{FE0F}",
    // Keycaps.
    "1\u{FE0F}\u{20E3}",
    "#\u{FE0F}\u{20E3}",
    "\u{20E3}",
    // Skin tones.
    "👍\u{1F3FD}",
    "\u{1F3FB}",
    "🧑\u{1F3FF}\u{200D}🎄",
    // Flags: a pair, a lone regional indicator, a tag sequence.
    "🇬🇧",
    "🇫🇷",
    "🇬",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    // Zero-width and blank characters.
    "\u{200B}",
    "\u{200C}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{3164}",
    // Scripts with marks and joiners of their own.
    "क्ष",
    "क्\u{200D}ष",
    "กั้",
    "שָׁ",
    "لا",
    "א\u{200D}ל",
];

/// Pieces the loader refuses, drawn less often so that most cases load.
const REFUSED: &[&str] = &[
    "\u{2028}",
    "\u{2029}",
    "\u{FDD0}",
    "\u{10FFFF}",
    "g\u{350}\u{351}\u{352}\u{353}\u{354}\u{355}",
];

/// A lookbook whose first bags carry `names` (so the first is selected and
/// shown in the detail pane), with `title` in the header and `brand` on
/// every generated bag.
fn lookbook_source(title: &str, names: &[String], brand: &str) -> String {
    let mut source =
        format!("[lookbook]\ntitle = \"{title}\"\nsource = \"Tests\"\ncurrency = \"GBP\"\n");
    for (i, name) in names.iter().enumerate() {
        source.push_str(&format!(
            "\n[[bag]]\nid = \"bag-{i}\"\nname = \"{name}\"\nbrand = \"{brand}\"\n\
             retailer = \"Shop\"\nprice = 195\nseen_on = [\"{name}\"]\n"
        ));
    }
    source.push_str(
        "\n[[bag]]\nid = \"plain\"\nname = \"Plain bag\"\nbrand = \"Brand\"\n\
         retailer = \"Shop\"\nprice = 49.99\n\n[[look]]\nid = \"look\"\n\
         wearer = \"Someone\"\noutfit = [\"jacket\"]\ncarried = \"a bag\"\npairs = [\"plain\"]\n",
    );
    source
}

fn draw(lookbook: Lookbook, width: u16, height: u16) -> Buffer {
    let mut app = App::new(Arc::new(lookbook));
    render::frame(&mut app, &Theme::ansi(), width, height)
}

fn ansi(buffer: &Buffer) -> String {
    let bytes = render::encode(
        buffer,
        Format::Ansi,
        &render::Picture {
            palette: &Palette::LOOKBOOK,
            title: "",
            fonts: &[],
            photos: &[],
        },
    )
    .expect("ANSI encodes");
    String::from_utf8(bytes).expect("ANSI is UTF-8")
}

/// The ANSI form of `frame` as a terminal emulator reads it back: for each
/// row, for each column, the text of the cell that starts there (`None`
/// where a wide character's second half is).
fn vt100_cells(frame: &Buffer) -> Vec<Vec<Option<String>>> {
    let area = frame.area;
    // One more row for the line the last newline scrolls into.
    let rows = NonZeroU16::new(area.height + 1).expect("a row");
    let cols = NonZeroU16::new(area.width).expect("a column");
    let mut terminal = vt100::Parser::new(rows, cols, 0);
    // `cat` gets the carriage return from the tty driver; vt100 has none.
    terminal.process(ansi(frame).replace('\n', "\r\n").as_bytes());
    let screen = terminal.screen();
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| {
                    let cell = screen.cell(y, x).expect("a cell inside the screen");
                    if cell.is_wide_continuation() {
                        None
                    } else if cell.has_contents() {
                        Some(cell.contents().to_string())
                    } else {
                        Some(" ".to_string())
                    }
                })
                .collect()
        })
        .collect()
}

/// Row `y` as ratatui laid it out: each symbol with its column and width,
/// the cells a wide symbol covers skipped, as `render::text` and the ANSI
/// encoder skip them.
fn ratatui_row(frame: &Buffer, y: u16) -> Vec<(u16, String, u16)> {
    let mut row = Vec::new();
    let mut x = 0;
    while x < frame.area.width {
        let symbol = frame[(x, y)].symbol();
        let symbol = if symbol.is_empty() { " " } else { symbol };
        let width = u16::try_from(symbol.width()).unwrap_or(u16::MAX).max(1);
        row.push((x, symbol.to_string(), width));
        x = x.saturating_add(width);
    }
    row
}

/// Checks that every symbol ratatui put at a column is what the terminal
/// has there: the same text, starting in the same column and ending in the
/// same one. A flag may come back as its two halves; their text together
/// is the flag.
fn same_cells(frame: &Buffer, what: &str) -> Result<(), String> {
    let terminal = vt100_cells(frame);
    let text = render::text(frame);
    let rows: Vec<&str> = text.lines().collect();
    for y in 0..frame.area.height {
        let cells = &terminal[usize::from(y)];
        for (x, symbol, width) in ratatui_row(frame, y) {
            let start = usize::from(x);
            let end = (start + usize::from(width)).min(cells.len());
            let starts_here = cells[start].is_some();
            let ends_here = end == cells.len() || cells[end].is_some();
            let read: String = cells[start..end]
                .iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !starts_here || !ends_here || read != symbol {
                let terminal_row: String = cells.iter().flatten().map(String::as_str).collect();
                return Err(format!(
                    "{what}: row {y}, column {x}: ratatui drew {symbol:?} ({width} cells), \
                     the terminal has {read:?}\n  ratatui:  {:?}\n  terminal: {terminal_row:?}",
                    rows[usize::from(y)]
                ));
            }
        }
    }
    Ok(())
}

/// One name, title or brand: a few pieces run together.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        60 => proptest::sample::select(PIECES),
        1 => proptest::sample::select(REFUSED),
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever loads draws in the same cells in a terminal, at a roomy and
    /// a cramped size (where names are cut with an ellipsis).
    #[test]
    fn loaded_text_draws_in_the_cells_it_was_measured_for(
        title in text(),
        names in proptest::collection::vec(text(), 1..4),
        brand in text(),
    ) {
        let source = lookbook_source(&title, &names, &brand);
        let Ok(lookbook) = parse(&source, "generated.toml") else {
            return Ok(());
        };
        for (width, height) in [(80, 24), (44, 14)] {
            let frame = draw(lookbook.clone(), width, height);
            let what = format!("{width}x{height}, title {title:?}, names {names:?}, brand {brand:?}");
            let checked = same_cells(&frame, &what);
            prop_assert!(checked.is_ok(), "{}", checked.err().unwrap_or_default());
        }
    }
}

/// Names that each held something a terminal drew otherwise before the
/// loader folded or refused it; all of them load.
const TRICKY_NAMES: &[&str] = &[
    "👩\u{200D}👩\u{200D}👧 family tote",
    "❤\u{FE0F} heart mini",
    "1\u{FE0F}\u{20E3} keycap clutch",
    "👍\u{1F3FD} thumbs up bag",
    "🏳\u{FE0F}\u{200D}🌈 pride",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland",
    "🇬🇧 Union flag 🇫🇷",
    "バッグ 包 가방 ｶﾞ",
    "e\u{301}\u{302}\u{303}\u{304} four marks",
    "क्\u{200D}ष กั้ שָׁ לא",
    "Le\u{200B}Chiquito\u{2060}",
    "😀\u{FE0E} 1\u{20E3} ☀\u{FE0F}",
];

fn tricky_lookbook() -> Lookbook {
    let names: Vec<String> = TRICKY_NAMES.iter().map(|name| name.to_string()).collect();
    let source = lookbook_source("Tricky 👩\u{200D}👧 edit", &names, "Brand ❤\u{FE0F}");
    parse(&source, "tricky.toml").unwrap_or_else(|report| panic!("{report}"))
}

#[test]
fn tricky_names_load_and_draw_in_the_same_cells() {
    let lookbook = tricky_lookbook();
    assert_eq!(lookbook.bags[0].name, "👩👩👧 family tote");
    assert_eq!(lookbook.title, "Tricky 👩👧 edit");
    for (width, height) in [(80, 24), (44, 14), (120, 40)] {
        let frame = draw(lookbook.clone(), width, height);
        same_cells(&frame, &format!("{width}x{height}")).unwrap_or_else(|e| panic!("{e}"));
    }
}

// --- the same names in a real terminal ---------------------------------------

/// Shows `frame` in tmux by `cat`ting its ANSI form in a pane of the same
/// size (and one more row, for the last newline), and checks that tmux
/// shows every row as ratatui drew it, trailing spaces and all. Waits for
/// the whole frame, settled: `cat` may be caught halfway through.
fn through_tmux(tmux: &Tmux, frame: &Buffer, tag: &str) {
    let file = std::env::temp_dir().join(format!(
        "lookbook-unicode-{}-{tag}.ansi",
        std::process::id()
    ));
    std::fs::write(&file, ansi(frame)).expect("the ANSI file is written");
    let (width, height) = (frame.area.width, frame.area.height);
    let command = format!("cat '{}'; sleep 60", file.display());
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        tag,
        "-x",
        &width.to_string(),
        "-y",
        &(height + 1).to_string(),
        &command,
    ]);
    let text = render::text(frame);
    let expected: Vec<&str> = text.lines().collect();
    assert_eq!(expected.len(), usize::from(height), "{tag}: one line a row");
    let rows = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .take(usize::from(height))
            .map(str::to_string)
            .collect()
    };
    let shown = tmux.try_wait_for_cells(tag, |screen| rows(screen) == expected);
    let _ = std::fs::remove_file(&file);
    // The session stays until the server goes (on drop): killing the only
    // session ends the server, and the next size's new-session could
    // reach it while it exits ("server exited unexpectedly").
    if let Err(last) = shown {
        // Never the whole frame: say which row differs, or that it never
        // settled.
        for (y, (expected, shown)) in expected.iter().zip(rows(&last.screen)).enumerate() {
            assert_eq!(
                &shown, expected,
                "{width}x{height}, row {y}: tmux shows the first, ratatui drew the second"
            );
        }
        panic!(
            "{width}x{height}: tmux never showed the whole frame ({}):\n{}",
            last.why, last.screen
        );
    }
}

#[test]
fn tricky_names_draw_in_tmux_as_measured() {
    if !e2e_possible(&["tmux"]) {
        return;
    }
    let tmux = Tmux::new("unicode");
    let lookbook = tricky_lookbook();
    for (width, height) in [(80, 24), (44, 14)] {
        let frame = draw(lookbook.clone(), width, height);
        through_tmux(&tmux, &frame, &format!("f{width}x{height}"));
    }
}
