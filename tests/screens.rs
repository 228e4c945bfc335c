//! What users see: the app driven by real key sequences, each frame drawn
//! headless and compared with a snapshot reviewed by eye.

use std::sync::Arc;
use std::time::Instant;

use lookbook::app::keymap::parse_keys;
use lookbook::app::{App, Pane};
use lookbook::edit::{Problem, Reload};
use lookbook::layout;
use lookbook::lookbook::{LoadError, Lookbook, bundled};
use lookbook::render;
use lookbook::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// The frame after typing `keys` into a fresh app at `width`×`height`.
fn screen(keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::new(bundled()));
    let keys = parse_keys(keys).expect("known key names");
    let size = render::Size { width, height };
    render::text(&render::after_keys(&mut app, &Theme::ansi(), &keys, size))
}

/// One snapshot per size, named after the scene and the size.
macro_rules! scene {
    ($name:ident, $keys:expr, [$(($w:expr, $h:expr)),+]) => {
        #[test]
        fn $name() {
            $(
                insta::assert_snapshot!(
                    format!("{}_{}x{}", stringify!($name), $w, $h),
                    screen($keys, $w, $h),
                    $keys
                );
            )+
        }
    };
}

scene!(first_screen, "", [(120, 40), (80, 24), (50, 20)]);
scene!(detail_focused, "j Tab", [(120, 40), (80, 24), (50, 20)]);
scene!(styling_focused, "Tab Tab", [(120, 40), (80, 24), (50, 20)]);
scene!(help_overlay, "?", [(120, 40), (80, 24), (50, 20)]);
scene!(about_overlay, "i", [(120, 40), (50, 20)]);
scene!(
    look_card_paired_bag,
    "Tab Tab j j j j j",
    [(120, 40), (80, 24), (50, 20)]
);
scene!(
    le_chiquito_detail,
    "G k Tab",
    [(120, 40), (80, 24), (50, 20)]
);
scene!(paired_bag_selected, "Tab Tab j j Enter", [(120, 40)]);
scene!(filter_typing, "/ d e p p", [(120, 40), (50, 20)]);
scene!(filter_kept, "/ t o t e Enter", [(120, 40)]);
scene!(sort_price_low, "s", [(120, 40)]);
scene!(sort_price_high, "s s", [(120, 40)]);
scene!(sort_brand, "s s s", [(120, 40)]);
scene!(sort_while_filtering, "/ l e a t h e r Enter s", [(120, 40)]);
scene!(budget_set, "b 4 0 0 Enter", [(120, 40), (60, 20), (40, 12)]);
scene!(budget_bad_amount, "b 4 x Enter", [(120, 40)]);
scene!(
    shortlist_view,
    "Space j j Space G Space S",
    [(120, 40), (50, 20)]
);
scene!(shortlist_empty, "S", [(80, 24)]);
scene!(empty_filter, "/ z z z", [(120, 40)]);
scene!(
    empty_budget_and_filter,
    "b 1 0 Enter / n a n o",
    [(120, 40)]
);
scene!(too_small, "", [(29, 10), (30, 9), (12, 4)]);
scene!(too_small_quit_hint, "j", [(20, 3)]);

#[test]
fn a_zero_sized_terminal_draws_nothing_and_survives() {
    assert_eq!(screen("j Tab ?", 0, 0), "");
    assert_eq!(screen("j", 1, 1), "q\n", "even one cell says how to quit");
}

#[test]
fn styles_of_the_first_screen() {
    // The Buffer's Debug form lists every style run, so a lost highlight,
    // focus colour or selection shows in the diff.
    let mut app = App::new(Arc::new(bundled()));
    let buffer = render::frame(&mut app, &Theme::ansi(), 80, 24);
    insta::assert_debug_snapshot!("styles_first_screen_80x24", buffer);
}

#[test]
fn filter_highlights_matched_characters() {
    let mut app = App::new(Arc::new(bundled()));
    for key in parse_keys("/ l i m e").expect("known keys") {
        app.handle_key(key);
    }
    let buffer = render::frame(&mut app, &Theme::ansi(), 60, 12);
    insta::assert_debug_snapshot!("styles_filter_highlight_60x12", buffer);
}

#[test]
fn monochrome_keeps_focus_and_selection_visible() {
    let mut app = App::new(Arc::new(bundled()));
    let buffer = render::frame(&mut app, &Theme::monochrome(), 60, 12);
    insta::assert_debug_snapshot!("styles_monochrome_60x12", buffer);
}

/// The frame, then where each style is: a grid with one letter per cell
/// (`.` for the default style) and a legend naming each letter's style.
/// Text snapshots hold no colour, so this is what shows focus and selection.
fn style_map(buffer: &Buffer) -> String {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    // What an untouched cell holds: no colour of its own, no modifier.
    let plain = Style::new()
        .fg(Color::Reset)
        .bg(Color::Reset)
        .underline_color(Color::Reset);
    let mut styles: Vec<Style> = Vec::new();
    let mut grid = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let style = buffer[(x, y)].style();
            if style == Style::default() || style == plain {
                grid.push('.');
                continue;
            }
            let class = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            grid.push(LETTERS.chars().nth(class).unwrap_or('?'));
        }
        grid.push('\n');
    }
    let legend: String = styles
        .iter()
        .zip(LETTERS.chars())
        .map(|(style, letter)| format!("{letter}: {style:?}\n"))
        .collect();
    format!("{}\n{grid}\n{legend}", render::text(buffer))
}

/// A style snapshot per size, named after the scene and the size.
macro_rules! styled_scene {
    ($name:ident, $keys:expr, [$(($w:expr, $h:expr)),+]) => {
        #[test]
        fn $name() {
            $(
                let mut app = App::new(Arc::new(bundled()));
                let keys = parse_keys($keys).expect("known key names");
                let buffer = render::after_keys(&mut app, &Theme::ansi(), &keys, render::Size { width: $w, height: $h });
                insta::assert_snapshot!(
                    format!("{}_{}x{}", stringify!($name), $w, $h),
                    style_map(&buffer),
                    $keys
                );
            )+
        }
    };
}

styled_scene!(styles_detail_focused, "Tab", [(120, 40), (50, 20)]);
styled_scene!(
    styles_styling_focused_on_a_look,
    "Tab Tab",
    [(120, 40), (50, 20)]
);
styled_scene!(
    styles_styling_focused_on_a_paired_bag,
    "Tab Tab j",
    [(120, 40), (50, 20)]
);

/// The pane whose border the frame draws in the focused style; in the
/// narrow layout the one shown, whose tab is marked.
fn drawn_focus(buffer: &Buffer, theme: &Theme, focus: Pane) -> Vec<Pane> {
    let screen = layout::regions(buffer.area, focus);
    Pane::ALL
        .into_iter()
        .filter(|&pane| {
            screen
                .pane(pane)
                .is_some_and(|Rect { x, y, .. }| Some(buffer[(x, y)].fg) == theme.border_focused.fg)
        })
        .collect()
}

#[test]
fn the_focused_pane_and_only_it_has_the_focused_border() {
    let theme = Theme::ansi();
    for (keys, focus) in [
        ("", Pane::List),
        ("Tab", Pane::Detail),
        ("Tab Tab", Pane::Styling),
        ("S-Tab", Pane::Styling),
    ] {
        for (width, height) in [(120, 40), (80, 24), (50, 20)] {
            let mut app = App::new(Arc::new(bundled()));
            let keys_parsed = parse_keys(keys).expect("known key names");
            let buffer = render::after_keys(
                &mut app,
                &theme,
                &keys_parsed,
                render::Size { width, height },
            );
            assert_eq!(app.focus(), focus, "{keys}");
            assert_eq!(
                drawn_focus(&buffer, &theme, focus),
                [focus],
                "after `{keys}` at {width}x{height}"
            );
        }
    }
}

/// The detail text scrolls as far as its last line and no further; how far
/// that is, only the drawing knows, so this is tested through frames.
#[test]
fn detail_scroll_stops_at_the_end_of_the_text() {
    let mut app = App::new(Arc::new(bundled()));
    let size = render::Size {
        width: 50,
        height: 12,
    };
    let press = |app: &mut App, keys: &str| {
        let keys = parse_keys(keys).expect("known key names");
        render::text(&render::after_keys(app, &Theme::ansi(), &keys, size))
    };
    press(&mut app, "G k Tab");
    let mut frame = String::new();
    for _ in 0..50 {
        frame = press(&mut app, "j");
    }
    let max = app.detail_scroll();
    assert!(max > 0, "Le Chiquito's detail overflows a 50x12 screen");
    assert!(
        frame.contains(" ↑ ") && !frame.contains("↓ more"),
        "{frame}"
    );
    press(&mut app, "j");
    assert_eq!(app.detail_scroll(), max, "no blank space past the end");
    press(&mut app, "k");
    assert_eq!(app.detail_scroll(), max - 1, "one key scrolls back at once");
    press(&mut app, "Tab Tab j");
    assert_eq!(app.detail_scroll(), 0, "a new bag shows from the top");
}

/// A big edit's filter is searched away from the keys; meanwhile the frame
/// says so, and the list is the last one shown.
#[test]
fn the_frame_says_a_big_edit_is_still_filtering() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let bags = 20_010;
    let mut text =
        String::from("[lookbook]\ntitle = \"Big\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    for i in 0..bags {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"Bag {i}\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 10\n"
        ));
    }
    let book = lookbook::lookbook::parse(&text, "big.toml").expect("valid");
    let mut app = App::new(Arc::new(book));
    let theme = Theme::ansi();
    render::frame(&mut app, &theme, 60, 12);
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(60, 12)).expect("a test backend");
        terminal
            .draw(|frame| {
                lookbook::ui::draw(frame, app, &theme);
            })
            .expect("draws");
        render::text(terminal.backend().buffer())
    };
    for key in parse_keys("/ 1 2 3 4").expect("known keys") {
        app.handle_key(key);
    }
    let waiting = draw(&app);
    assert!(waiting.contains("/ 1234█  filtering…"), "{waiting}");
    assert!(waiting.contains("Bags (20010)"), "the last list: {waiting}");
    while let Some(job) = app.search_job() {
        app.search_done(job.run());
    }
    let done = draw(&app);
    assert!(!done.contains("filtering"), "{done}");
    assert!(done.contains("Bags 38 of 20010 · best m… ╮"), "{done}");
    assert!(
        done.contains("│▶  Bag 1234 "),
        "the best match first: {done}"
    );
}

/// A look with more pairs than a u16 counts (its card once drew a blank
/// pane) draws like any other, down to its last pair.
#[test]
fn a_look_with_seventy_thousand_pairs_draws_to_its_last_pair() {
    let pairs = 70_000;
    let mut text = String::from("[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    // A bag for each pair: a look names each bag once.
    for i in 0..pairs {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"Bag {i}\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 1\n"
        ));
    }
    let ids: Vec<String> = (0..pairs).map(|j| format!("\"b{j}\"")).collect();
    text.push_str(&format!(
        "\n[[look]]\nid = \"big\"\nwearer = \"Someone\"\noutfit = [\"jacket\"]\ncarried = \"a bag\"\npairs = [{}]\n",
        ids.join(", ")
    ));
    let book = lookbook::lookbook::parse(&text, "pairs.toml").expect("valid");
    let mut app = App::new(Arc::new(book));
    let keys = parse_keys("Tab Tab G").expect("known keys");
    let size = render::Size {
        width: 120,
        height: 40,
    };
    let frame = render::text(&render::after_keys(&mut app, &Theme::ansi(), &keys, size));
    assert!(frame.contains("╭ Someone "), "the card's title: {frame}");
    assert!(
        frame.contains("▶ Bag 69999 "),
        "the last pair, at the cursor: {frame}"
    );
    assert!(
        frame.contains("│   Bag 69998 "),
        "the pair before it: {frame}"
    );
}

/// The bundled edit, as a save with `change` made to its text would reload.
fn saved(change: impl FnOnce(&str) -> String) -> Reload {
    let source = change(include_str!("../lookbook.toml"));
    match lookbook::lookbook::parse(&source, "lookbook.toml") {
        Ok(edit) => Reload::loaded(edit),
        Err(report) => Reload::Failed(Problem::from_load_error(&LoadError::Invalid(Box::new(
            report,
        )))),
    }
}

/// Two mistakes an author makes: a size the format doesn't know, and a
/// price written as text.
fn bad_save() -> Reload {
    saved(|s| {
        s.replacen("size = \"nano\"", "size = \"tiny\"", 1)
            .replacen("price = 650", "price = \"650\"", 1)
    })
}

/// The frame after `keys`, a reload, then `after` keys.
fn reloaded(keys: &str, reload: Reload, after: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::new(bundled()));
    let size = render::Size { width, height };
    let theme = Theme::ansi();
    let keys = parse_keys(keys).expect("known key names");
    render::after_keys(&mut app, &theme, &keys, size);
    let _ = app.reload(reload, Instant::now());
    let after = parse_keys(after).expect("known key names");
    render::text(&render::after_keys(&mut app, &theme, &after, size))
}

#[test]
fn a_bad_save_shows_a_banner_over_the_last_good_edit() {
    for (width, height) in [(120, 40), (50, 20)] {
        insta::assert_snapshot!(
            format!("reload_bad_save_{width}x{height}"),
            reloaded("j j Space", bad_save(), "", width, height)
        );
    }
}

#[test]
fn e_shows_every_error_of_a_bad_save() {
    for (width, height) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(
            format!("reload_errors_overlay_{width}x{height}"),
            reloaded("", bad_save(), "e", width, height)
        );
    }
    let help = reloaded("", bad_save(), "?", 120, 40);
    assert!(help.contains("every error in the file"), "{help}");
    let quiet = reloaded("", saved(str::to_string), "?", 120, 40);
    assert!(!quiet.contains("every error in the file"), "{quiet}");
}

#[test]
fn a_good_save_says_so_and_keeps_the_place() {
    let frame = reloaded(
        "j j Space / m i c r o Enter",
        saved(|s| s.replace("price = 650", "price = 640")),
        "",
        120,
        40,
    );
    insta::assert_snapshot!("reload_good_save_120x40", frame);
}

/// A kept filter takes the list's first row: the rows below it end above
/// the bottom border, even when the matches fill the pane.
#[test]
fn a_kept_filter_over_a_full_list_leaves_the_border_whole() {
    let mut text = String::from("[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    for i in 0..100 {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"Bag {i}\"\nbrand = \"B\"\nretailer = \"R\"\nprice = {i}\n"
        ));
    }
    let edit = lookbook::lookbook::parse(&text, "full.toml").expect("valid");
    let mut app = App::new(Arc::new(edit));
    let keys = parse_keys("/ b a g Enter").expect("keys");
    let size = render::Size {
        width: 120,
        height: 40,
    };
    let frame = render::text(&render::after_keys(&mut app, &Theme::ansi(), &keys, size));
    let bottom = frame.lines().nth(38).expect("row 38");
    assert!(bottom.starts_with("╰────"), "{frame}");
    assert!(
        frame
            .lines()
            .nth(2)
            .is_some_and(|row| row.starts_with("│/ bag")),
        "{frame}"
    );
}

/// What an empty list says depends on what emptied it: the filter, the
/// budget, or the budget after the filter matched.
#[test]
fn an_empty_list_blames_what_emptied_it() {
    let said = |keys: &str| {
        let text = screen(keys, 120, 40);
        let list: Vec<String> = text
            .lines()
            .map(|line| line.chars().take(44).collect())
            .collect();
        list.join("\n")
    };
    let filter_only = said("/ z z z Enter");
    assert!(
        filter_only.contains("No bags match “zzz”."),
        "{filter_only}"
    );
    assert!(
        !filter_only.contains("budget"),
        "no budget to blame: {filter_only}"
    );

    let both_filter_empty = said("b 1 0 0 0 Enter / z z z Enter");
    assert!(
        both_filter_empty.contains("No bags match “zzz”."),
        "{both_filter_empty}"
    );
    assert!(
        !both_filter_empty.contains("none under"),
        "{both_filter_empty}"
    );
    assert!(
        !both_filter_empty.contains("clears the budget"),
        "{both_filter_empty}"
    );

    let budget_only = said("b 1 Enter");
    assert!(budget_only.contains("Nothing under £1."), "{budget_only}");
    assert!(
        budget_only.contains("b then Enter clears the budget."),
        "{budget_only}"
    );

    let budget_after_filter = said("b 1 Enter / n a n o Enter");
    assert!(
        budget_after_filter.contains("3 bags match “nano”, none under £1."),
        "{budget_after_filter}"
    );
    assert!(
        budget_after_filter.contains("b then Enter clears the budget."),
        "{budget_after_filter}"
    );
}

/// The list pane of a frame: its rows from top border to bottom border,
/// as characters, found by its top-left corner in the first column (none
/// when the terminal is too small for panes).
fn list_pane(frame: &str) -> Option<Vec<Vec<char>>> {
    let rows: Vec<Vec<char>> = frame.lines().map(|l| l.chars().collect()).collect();
    let top = rows.iter().position(|r| r.first() == Some(&'╭'))?;
    let right = rows[top].iter().position(|&c| c == '╮')?;
    let bottom = (top + 1..rows.len()).find(|&y| rows[y].first() == Some(&'╰'))?;
    Some(
        rows[top..=bottom]
            .iter()
            .map(|r| r[..=right].to_vec())
            .collect(),
    )
}

/// At every height, with and without the filter's entry open, the list's
/// rows stay inside its pane (the bottom border is whole), and the
/// scrollbar shows exactly when some bags are out of view.
#[test]
fn the_list_fills_its_pane_and_scrolls_only_when_it_must() {
    // Their starts: a narrow list cuts names short with "…".
    let names: Vec<String> = bundled()
        .bags
        .iter()
        .map(|b| b.name.chars().take(10).collect())
        .collect();
    let (mut checked, mut scrolled, mut whole) = (0, 0, 0);
    for keys in ["", "/"] {
        for width in [60, 120] {
            for height in 8..=40 {
                let frame = screen(keys, width, height);
                let Some(pane) = list_pane(&frame) else {
                    continue;
                };
                checked += 1;
                let last = pane.len() - 1;
                let bottom: String = pane[last][1..pane[last].len() - 1].iter().collect();
                assert!(
                    bottom.chars().all(|c| c == '─'),
                    "{keys:?} at {width}x{height}: the list spills over its border\n{frame}"
                );
                let text: String = pane.iter().map(|r| r.iter().collect::<String>()).collect();
                let shown = names.iter().filter(|n| text.contains(n.as_str())).count();
                let scrollbar = pane[1..last].iter().any(|r| r.last() != Some(&'│'));
                if scrollbar {
                    scrolled += 1;
                } else {
                    whole += 1;
                }
                assert_eq!(
                    scrollbar,
                    shown < names.len(),
                    "{keys:?} at {width}x{height}: {shown} of {} shown\n{frame}",
                    names.len()
                );
            }
        }
    }
    assert!(
        checked > 100 && scrolled > 10 && whole > 10,
        "{checked} {scrolled} {whole}"
    );
}

/// The detail pane's inside, rows as text: the columns between the second
/// pane's side borders, from below its top border to above its bottom.
fn detail_inside(frame: &str) -> Vec<String> {
    let rows: Vec<Vec<char>> = frame.lines().map(|l| l.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().filter(|&&c| c == '╭').count() >= 2)
        .expect("two panes side by side");
    let corners: Vec<usize> = rows[top]
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '╭' || **c == '╮')
        .map(|(x, _)| x)
        .collect();
    let (left, right) = (corners[2], corners[3]);
    let bottom = (top + 1..rows.len())
        .find(|&y| rows[y].get(left) == Some(&'╰'))
        .expect("its bottom border");
    rows[top + 1..bottom]
        .iter()
        .map(|r| r[left + 1..right].iter().collect())
        .collect()
}

/// Scrolling the detail pane moves the drawing with the text, a row a
/// key: what was on the second row is now on the first.
#[test]
fn the_drawing_scrolls_with_the_detail_text() {
    let still = detail_inside(&screen("Tab", 100, 26));
    assert!(
        still.iter().any(|r| r.contains('█')),
        "a drawing: {still:#?}"
    );
    for scrolled in 1..=2 {
        let keys = format!("Tab{}", " j".repeat(scrolled));
        let moved = detail_inside(&screen(&keys, 100, 26));
        assert_eq!(
            moved[..still.len() - scrolled - 1],
            still[scrolled..still.len() - 1],
            "after {scrolled} rows"
        );
    }
}

/// An edit of seven looks of different heights (one to five outfit
/// pieces, one to four paired bags, a note on every other), over ten bags:
/// cards in several rows, so the styling pane has to scroll.
fn many_looks() -> lookbook::lookbook::Lookbook {
    use std::fmt::Write as _;
    let mut toml = String::from(
        "[lookbook]\ntitle = \"Seven looks\"\nsource = \"tests/screens.rs\"\n\
         currency = \"GBP\"\n\n[[section]]\nheading = \"Looks\"\nbody = \"Many.\"\n\n",
    );
    for bag in 0..10 {
        writeln!(
            toml,
            "[[bag]]\nid = \"b{bag}\"\nname = \"Bag number {bag}\"\nbrand = \"Brand {bag}\"\n\
             retailer = \"Shop\"\nprice = {}\n",
            100 + bag * 10
        )
        .expect("writing to a String");
    }
    for look in 0..7 {
        let outfit: Vec<String> = (0..=look % 5).map(|k| format!("\"piece {k}\"")).collect();
        let pairs: Vec<String> = (0..=look % 4)
            .map(|k| format!("\"b{}\"", (look * 3 + k) % 10))
            .collect();
        let note = if look % 2 == 0 {
            "note = \"A note long enough to wrap over two or three rows of a card.\"\n"
        } else {
            ""
        };
        // Every other bag carried has a shape, so its card draws it.
        let carried = if look % 2 == 1 {
            "[look.carried]\ndescription = \"tiny pink bucket\"\nshape = \"bucket\"\n"
        } else {
            "carried = \"tiny pink number\"\n"
        };
        let (plain, table) = if look % 2 == 1 {
            ("", carried)
        } else {
            (carried, "")
        };
        writeln!(
            toml,
            "[[look]]\nid = \"l{look}\"\nwearer = \"Wearer {look}\"\noutfit = [{}]\n{note}\
             {plain}pairs = [{}]\n{table}",
            outfit.join(", "),
            pairs.join(", ")
        )
        .expect("writing to a String");
    }
    lookbook::lookbook::parse(&toml, "many.toml").expect("the edit loads")
}

/// The styling pane's rows, inside its side borders, and its bottom border,
/// wherever the layout puts it.
fn styling_pane(frame: &str) -> Option<(Vec<String>, String)> {
    let rows: Vec<Vec<char>> = frame.lines().map(|l| l.chars().collect()).collect();
    let title: Vec<char> = "╭ Styling".chars().collect();
    let (top, left) = rows.iter().enumerate().find_map(|(y, r)| {
        r.windows(title.len())
            .position(|w| w == title.as_slice())
            .map(|x| (y, x))
    })?;
    let right = left + rows[top][left..].iter().position(|&c| c == '╮')?;
    let bottom = (top + 1..rows.len()).find(|&y| rows[y].get(left) == Some(&'╰'))?;
    let inside = |y: usize| rows[y][left + 1..right].iter().collect::<String>();
    Some(((top + 1..bottom).map(inside).collect(), inside(bottom)))
}

/// Every card in the pane is whole from its top border to its bottom one:
/// down each card's left edge, a `╭`, then `│` to a `╰` (a card cut by the
/// pane's edge repeats its title row or closes its border there; one cut
/// to its title row alone leaves the "↓ more" to the pane's border).
fn check_card_borders(inside: &[String], bottom: &str) -> Result<(), String> {
    let rows: Vec<Vec<char>> = inside.iter().map(|r| r.chars().collect()).collect();
    let edges: std::collections::BTreeSet<usize> = rows
        .iter()
        .flat_map(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, c)| **c == '╭')
                .map(|(x, _)| x)
        })
        .collect();
    for x in edges {
        let column: String = rows.iter().filter_map(|r| r.get(x)).collect();
        let mut open = false;
        for (y, c) in column.chars().enumerate() {
            open = match (open, c) {
                (false, '╭') | (true, '│') => true,
                (true, '╰') => false,
                // A narrower row of cards: nothing drawn at this column.
                (false, ' ') => false,
                _ => return Err(format!("column {x}, row {y}: {c:?} in {column:?}")),
            };
        }
        let title_only = column.ends_with('╭') && bottom.contains("↓ more");
        if open && !title_only {
            return Err(format!("column {x}: a card never closes: {column:?}"));
        }
    }
    Ok(())
}

/// Where the card titled `title` starts (its top-left corner's row and
/// column) among `rows`, if it is in view.
fn card_corner(rows: &[Vec<char>], title: &str) -> Option<(usize, usize)> {
    let head: Vec<char> = format!("╭ {title} ").chars().collect();
    rows.iter().enumerate().find_map(|(y, r)| {
        r.windows(head.len())
            .position(|w| w == head.as_slice())
            .map(|x| (y, x))
    })
}

/// How many rows of the card titled `title` in the pane's `inside` show
/// some of its thumbnail (block characters in the thumbnail's columns), if
/// the card is in view.
fn thumbnail_rows(inside: &[String], title: &str) -> Option<usize> {
    let rows: Vec<Vec<char>> = inside.iter().map(|r| r.chars().collect()).collect();
    let (top, x) = card_corner(&rows, title)?;
    let columns = x + 2..x + 2 + 16;
    let is_block = |c: char| ('\u{2580}'..='\u{259f}').contains(&c);
    Some(
        rows[top + 1..]
            .iter()
            .take_while(|r| r.get(x) != Some(&'╰') && r.get(x) != Some(&'╭'))
            .filter(|r| {
                r.get(columns.clone())
                    .is_some_and(|cells| cells.iter().any(|&c| is_block(c)))
            })
            .count(),
    )
}

/// The rows of the card titled `title` in the pane's `inside`, its side
/// borders included, if the card is in view.
fn card_text(inside: &[String], title: &str) -> Option<Vec<String>> {
    let rows: Vec<Vec<char>> = inside.iter().map(|r| r.chars().collect()).collect();
    let (top, x) = card_corner(&rows, title)?;
    let right = x + rows[top][x..].iter().position(|&c| c == '╮')?;
    Some(
        rows[top..]
            .iter()
            .take_while(|r| r.get(x) != Some(&'╰'))
            .map(|r| {
                r.get(x..=right)
                    .map(|c| c.iter().collect())
                    .unwrap_or_default()
            })
            .collect(),
    )
}

/// The styling pane's inside, focused, in a window `width` wide and tall
/// enough for every card.
fn styling_inside(book: &Arc<Lookbook>, width: u16) -> Vec<String> {
    let mut app = App::new(Arc::clone(book));
    let keys = parse_keys("Tab Tab").expect("keys");
    let frame = render::text(&render::after_keys(
        &mut app,
        &Theme::ansi(),
        &keys,
        render::Size { width, height: 200 },
    ));
    styling_pane(&frame).expect("a styling pane").0
}

/// Walking the styling cursor over every look and paired bag, at several
/// sizes: the cursor's row is always in view, cards stay inside the pane,
/// and each row of cards spans the pane's width exactly, card against card.
#[test]
fn the_styling_cursor_stays_in_view_over_rows_of_cards() {
    let book = Arc::new(many_looks());
    let stops: usize = book.looks.iter().map(|l| 1 + l.pairs.len()).sum();
    // Each look's thumbnail as a pane tall enough for every card shows it.
    let tall = {
        let inside = styling_inside(&book, 160);
        (0..book.looks.len())
            .map(|i| thumbnail_rows(&inside, &format!("Wearer {i}")).expect("every card"))
            .collect::<Vec<usize>>()
    };
    assert!(
        tall.iter().all(|&n| n > 0),
        "every card has a thumbnail: {tall:?}"
    );
    // And each card's height, border to border, in a pane `width` wide.
    let heights_at = |width: u16| -> Vec<usize> {
        let inside = styling_inside(&book, width);
        let tops: Vec<usize> = (0..inside.len())
            .filter(|&y| inside[y].starts_with('╭'))
            .collect();
        tops.iter()
            .map(|&top| {
                (top..inside.len())
                    .find(|&y| inside[y].starts_with('╰'))
                    .expect("a bottom")
                    - top
                    + 1
            })
            .collect()
    };
    let mut heights_by_width = std::collections::HashMap::new();
    let mut checked = 0;
    // Every height at 120 wide: some window ends exactly between rows.
    // Odd widths too: two cards a row share them unevenly.
    let sizes = [(160, 50), (100, 30), (80, 24), (81, 24), (61, 30), (62, 30)]
        .into_iter()
        .chain((24..=44).chain([60, 80]).map(|height| (120, height)));
    for (width, height) in sizes {
        let mut app = App::new(Arc::clone(&book));
        let size = render::Size { width, height };
        let keys = parse_keys("Tab Tab").expect("keys");
        render::after_keys(&mut app, &Theme::ansi(), &keys, size);
        for step in 0..stops {
            let frame = render::text(&render::after_keys(
                &mut app,
                &Theme::ansi(),
                &parse_keys(if step == 0 { "" } else { "j" }).expect("keys"),
                size,
            ));
            let Some((inside, bottom)) = styling_pane(&frame) else {
                continue;
            };
            checked += 1;
            let at = format!("{width}x{height}, stop {step}");
            let border = bottom.replace(" ↓ more ", "");
            assert!(border.chars().all(|c| c == '─'), "{at}: spilled\n{frame}");
            let shows = |what: &str| inside.iter().any(|row| row.contains(what));
            match app.styling_stop().expect("a stop") {
                lookbook::app::Stop::Pair { look, pair } => {
                    let bag = book.looks[look].pairs[pair];
                    let name: String = book.bags[bag].name.chars().take(10).collect();
                    assert!(shows(&format!("▶ {name}")), "{at}: no cursor\n{frame}");
                }
                stop => {
                    let wearer = &book.looks[stop.look()].wearer;
                    assert!(shows(wearer), "{at}: no {wearer}\n{frame}");
                }
            }
            check_card_borders(&inside, &bottom)
                .unwrap_or_else(|why| panic!("{at}: {why}\n{frame}"));
            // A thumbnail is drawn whole or not at all.
            for (i, &whole) in tall.iter().enumerate() {
                let shown = thumbnail_rows(&inside, &format!("Wearer {i}"));
                assert!(
                    shown.is_none_or(|n| n == 0 || n == whole),
                    "{at}: look {i}'s thumbnail shows {shown:?} of {whole} rows\n{frame}"
                );
            }
            // Looks below the last one in view: the pane says there is more.
            let shown: Vec<usize> = (0..book.looks.len())
                .filter(|&i| shows(&format!("Wearer {i} ")))
                .collect();
            let last = shown.iter().max().copied().unwrap_or(0);
            let more =
                bottom.contains("↓ more") || inside.last().is_some_and(|r| r.contains("↓ more"));
            assert!(
                last + 1 == book.looks.len() || more,
                "{at}: looks below, no ↓ more\n{frame}"
            );
            // A card's total once, however tall its row.
            for i in 0..book.looks.len() {
                let text = card_text(&inside, &format!("Wearer {i}")).unwrap_or_default();
                let totals = text.iter().filter(|r| r.contains("Together")).count();
                assert!(totals <= 1, "{at}: look {i} totals {totals} times\n{frame}");
            }
            // No card twice.
            for i in 0..book.looks.len() {
                let title = format!("╭ Wearer {i} ");
                let times: usize = inside
                    .iter()
                    .map(|r| r.matches(title.as_str()).count())
                    .sum();
                assert!(times <= 1, "{at}: look {i} shown {times} times\n{frame}");
            }
            // At the last stop, with a card a row and the last card whole,
            // every earlier card that fits whole above it is shown, and no
            // other.
            let one_a_row = inside.iter().all(|r| r.matches('╭').count() <= 1);
            let room = inside.len();
            let heights = heights_by_width
                .entry(width)
                .or_insert_with(|| heights_at(width));
            if step + 1 == stops && one_a_row && heights[heights.len() - 1] <= room {
                let (mut fit, mut used) = (0, 0);
                for h in heights.iter().rev() {
                    if used + h > room {
                        break;
                    }
                    used += h;
                    fit += 1;
                }
                let expected: Vec<usize> = (book.looks.len() - fit..book.looks.len()).collect();
                assert_eq!(shown, expected, "{at}: the cards that fit\n{frame}");
                assert!(fit >= 2 || (width, height) != (120, 40), "{at}\n{frame}");
            }
            for row in inside.iter().filter(|r| r.starts_with('╭')) {
                let cards = row.matches('╭').count();
                assert!(
                    row.ends_with('╮') && row.matches("╮╭").count() == cards - 1,
                    "{at}: a row of cards that does not span the pane\n{frame}"
                );
            }
        }
    }
    assert!(checked > 50, "{checked}");
}

/// The about overlay scrolls a row a key, from its top.
#[test]
fn the_about_overlay_scrolls_from_its_top() {
    let top = screen("i", 80, 20);
    let down = screen("i j", 80, 20);
    let rows = |frame: &str| -> Vec<String> { frame.lines().map(str::to_string).collect() };
    let (top, down) = (rows(&top), rows(&down));
    assert_eq!(
        top[2],
        "│ From Hello! Fashion                                                          │"
    );
    // Everything inside moved up one row.
    assert_eq!(down[2..10], top[3..11]);
}

/// The shortlist's cursor is drawn where it is, not on the first row.
#[test]
fn the_shortlist_draws_its_cursor_where_it_is() {
    let frame = screen("Space j Space S j", 80, 24);
    assert!(frame.contains("│   Nano Mayfair bag"), "{frame}");
    assert!(frame.contains("│ ▶ First Nano bag"), "{frame}");
}
