//! An edit that is not the bundled one reads as if the app had been written
//! for it: a sneaker edit (`tests/fixtures/sneaker_edit.toml`, made up for
//! tests) never hears of bags, on any screen, at any size.

use std::path::Path;
use std::sync::Arc;

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::lookbook::{Lookbook, load_path};
use lookbook::render;
use lookbook::ui::theme::Theme;

fn sneakers() -> Arc<Lookbook> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sneaker_edit.toml");
    Arc::new(load_path(&path).unwrap_or_else(|e| panic!("{e}")))
}

fn screen(edit: &Arc<Lookbook>, keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::clone(edit));
    let keys = parse_keys(keys).expect("known key names");
    let size = render::Size { width, height };
    render::text(&render::after_keys(&mut app, &Theme::ansi(), &keys, size))
}

/// Every screen a visitor can reach: the panes focused in turn, a look and
/// a paired item, help, about, the shortlist empty and full, a filter and
/// a budget that match nothing.
const SCREENS: &[&str] = &[
    "",
    "Tab",
    "Tab Tab",
    "Tab Tab j",
    "Tab Tab j j j j j j j",
    "?",
    "? PgDn",
    "? End",
    "i",
    "S",
    "Space j Space S",
    "/ z z z",
    "/ z z z Enter",
    "/ r u n Enter b 1 0 Enter",
    "b 5 Enter",
    "b",
    "/",
    "s s s",
];

#[test]
fn no_screen_of_a_sneaker_edit_says_bag_or_mini() {
    let edit = sneakers();
    for (width, height) in [(120, 40), (80, 24), (50, 20), (60, 24)] {
        for keys in SCREENS {
            let frame = screen(&edit, keys, width, height).to_lowercase();
            for word in ["bag", "mini"] {
                let said = frame.contains(word);
                assert!(
                    !said,
                    "`{word}` at {width}x{height} after `{keys}`:\n{frame}"
                );
            }
        }
    }
}

#[test]
fn the_labels_follow_the_edits_noun() {
    let edit = sneakers();
    let first = screen(&edit, "", 120, 40);
    assert!(first.contains("╭ Sneakers (12) "), "{first}");
    assert!(first.contains("12 sneakers · 3 looks"), "{first}");
    let help = screen(&edit, "?", 120, 40);
    assert!(help.contains("next sneaker, line or look"), "{help}");
    assert!(
        help.contains("about this edit: Why white leather · How to lace them"),
        "{help}"
    );
    let picked = screen(&edit, "Space j Space S", 120, 40);
    assert!(picked.contains("2 sneakers · €224.50"), "{picked}");
    let empty = screen(&edit, "S", 120, 40);
    assert!(
        empty.contains("Space on a sneaker adds it here."),
        "{empty}"
    );
    let none = screen(&edit, "/ r u n Enter b 1 0 Enter", 120, 40);
    assert!(
        none.contains("2 sneakers match “run”, none under €10."),
        "{none}"
    );
}

#[test]
fn a_pane_title_cut_by_its_border_ends_in_an_ellipsis() {
    let sorted = screen(&sneakers(), "s", 60, 20);
    let title_row = sorted.lines().nth(1).expect("the list's top border");
    assert!(
        title_row.starts_with("╭ Sneakers (12) · price low… ╮"),
        "{sorted}"
    );
}

#[test]
fn a_look_reads_naturally_whoever_wore_it() {
    let edit = sneakers();
    let detail = screen(&edit, "", 120, 40);
    assert!(
        detail.contains("◆ Look: You, at the office party"),
        "{detail}"
    );
    assert!(!detail.contains("party's"), "{detail}");
    // Jules Dubois's look pairs with the canvas high-top, the third item.
    let weekend = screen(&edit, "j j", 120, 40);
    assert!(weekend.contains("◆ Jules Dubois' look"), "{weekend}");
}

#[test]
fn shapeless_items_of_an_edit_not_of_bags_get_no_bag_drawing() {
    let edit = sneakers();
    let first = screen(&edit, "", 120, 40);
    // The detail pane opens with the name, not a picture above it.
    let detail_top = first.lines().nth(2).expect("a third row");
    assert!(detail_top.contains("│ Court One low-top"), "{first}");
    assert!(!first.contains('▄') && !first.contains('▀'), "{first}");
}

/// The sneaker edit's first screen and help at a wide and a narrow size,
/// reviewed by eye.
#[test]
fn sneaker_edit_screens() {
    let edit = sneakers();
    for (keys, name) in [("", "first"), ("?", "help")] {
        for (width, height) in [(120, 40), (50, 20)] {
            insta::assert_snapshot!(
                format!("sneakers_{name}_{width}x{height}"),
                screen(&edit, keys, width, height),
                keys
            );
        }
    }
}

/// The sneaker edit under another noun: `item = "…"` (and `items`).
fn edit_of(item: &str, items: Option<&str>) -> Arc<Lookbook> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sneaker_edit.toml");
    let text = std::fs::read_to_string(path).expect("the sneaker edit");
    let items = items.map_or_else(String::new, |items| format!("\nitems = \"{items}\""));
    let text = text.replacen(
        "item = \"sneaker\"",
        &format!("item = \"{item}\"{items}"),
        1,
    );
    Arc::new(lookbook::lookbook::parse(&text, "edit.toml").unwrap_or_else(|e| panic!("{e}")))
}

/// Nouns with no singular, irregular plurals and a counted phrase read
/// right on every screen a visitor can reach, at every size: no
/// "sunglassess", no "this sunglasses", no "1 jeans", no "pair of
/// sunglasses pairs with"; the app's own "pairs" never meets the noun's.
#[test]
fn every_noun_reads_right_on_every_screen() {
    let nouns: &[(&str, Option<&str>, &[&str], &str)] = &[
        (
            "sunglasses",
            None,
            &[
                "sunglassess",
                "this sunglasses",
                "1 sunglasses",
                "sunglasses pairs",
            ],
            "pairs of sunglasses",
        ),
        (
            "sunglasses",
            Some("sunglasses"),
            &["this sunglasses", "1 sunglasses", "sunglasses pairs"],
            "pairs of sunglasses",
        ),
        (
            "pair of sunglasses",
            None,
            &["pair of sunglassess", "pairs with", "paired pair"],
            "pairs of sunglasses",
        ),
        (
            "jeans",
            None,
            &["jeanss", "1 jeans", "this jeans"],
            "pairs of jeans",
        ),
        (
            "trousers",
            None,
            &["trouserss", "1 trousers"],
            "pairs of trousers",
        ),
        ("scarf", None, &["scarfs"], "scarves"),
        ("watch", None, &["watchs"], "watches"),
        ("dress", None, &["dresss"], "dresses"),
    ];
    for (item, items, wrong, right) in nouns {
        let edit = edit_of(item, *items);
        let mut seen_right = false;
        for (width, height) in [(120, 40), (80, 24), (50, 20)] {
            for keys in SCREENS
                .iter()
                .chain(&["Tab Tab j Space S", "? End", "l", "Enter Enter"])
            {
                let frame = screen(&edit, keys, width, height).to_lowercase();
                // A help line cut by the overlay's width may end mid-word:
                // read the frame with its lines joined.
                let joined = frame.replace('\n', " ");
                for bad in *wrong {
                    assert!(
                        !joined.contains(bad),
                        "`{bad}` for item = {item:?} at {width}x{height} after `{keys}`:\n{frame}"
                    );
                }
                assert!(
                    !joined.contains("pair of sunglasses pairs")
                        && !joined.contains("pairs of jeans pair"),
                    "the app's pairs met the noun's: {item:?} after `{keys}`:\n{frame}"
                );
                seen_right |= joined.contains(right);
            }
        }
        assert!(seen_right, "{item:?}: `{right}` on some screen");
    }
}

/// The receipt and the counts say the noun right too.
#[test]
fn counts_and_receipts_count_pairs() {
    let edit = edit_of("sunglasses", None);
    assert_eq!(edit.nouns.count(1), "1 pair of sunglasses");
    let frame = screen(&edit, "Space S", 120, 40);
    assert!(frame.contains("1 pair of sunglasses · €"), "{frame}");
    assert!(frame.contains("Sunglasses ("), "the list's title: {frame}");
}

/// A look card names the item in the look in the edit's word: "Carried"
/// for bags, "Featured" for anything else, or `carried_label`.
#[test]
fn a_look_card_says_the_edits_word_for_its_item() {
    let frame = |edit: &Arc<Lookbook>| screen(edit, "", 120, 40);
    assert!(
        frame(&sneakers()).contains("│ Featured"),
        "{}",
        frame(&sneakers())
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sneaker_edit.toml");
    let text = std::fs::read_to_string(path).expect("the sneaker edit");
    let text = text.replacen(
        "item = \"sneaker\"",
        "item = \"sneaker\"\ncarried_label = \"Worn\"",
        1,
    );
    let worn =
        Arc::new(lookbook::lookbook::parse(&text, "edit.toml").unwrap_or_else(|e| panic!("{e}")));
    assert!(frame(&worn).contains("│ Worn"), "{}", frame(&worn));
    assert!(!frame(&worn).contains("Featured"));
}
