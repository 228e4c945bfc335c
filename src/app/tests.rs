//! Key handling on the pure app state: no terminal, no drawing.

use std::sync::Arc;

use super::keymap::parse_keys;
use super::*;
use crate::lookbook::bundled;

pub(super) fn app() -> App {
    let mut app = App::new(Arc::new(bundled()));
    app.handle(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

pub(super) fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).expect("known key names") {
        app.handle_key(key);
    }
}

fn selected_name(app: &App) -> &str {
    app.selected()
        .map_or("(none)", |bag| app.lookbook().bags[bag].name.as_str())
}

#[test]
fn moves_through_the_list_and_stops_at_the_ends() {
    let mut app = app();
    press(&mut app, "j j");
    assert_eq!(selected_name(&app), "Micro knotted leather tote");
    press(&mut app, "k k k k");
    assert_eq!(app.selected(), Some(0));
    press(&mut app, "G");
    assert_eq!(selected_name(&app), "Lime leather tote bag");
    press(&mut app, "j ↓ Down");
    assert_eq!(app.selected(), Some(7));
    press(&mut app, "g");
    assert_eq!(app.selected(), Some(0));
    press(&mut app, "End");
    assert_eq!(app.selected(), Some(7));
    press(&mut app, "Home");
    assert_eq!(app.selected(), Some(0));
}

#[test]
fn pages_by_the_height_of_the_list() {
    let mut app = app();
    // 16 rows: the header, the hints and the list's borders leave 12, two
    // for each bag (its name, then its brand): a page is 6 bags.
    app.handle(Action::Resize {
        width: 120,
        height: 16,
    });
    press(&mut app, "PgDn");
    assert_eq!((app.selected(), app.list_offset()), (Some(6), 1));
    press(&mut app, "PgDn");
    assert_eq!((app.selected(), app.list_offset()), (Some(7), 2));
    press(&mut app, "PgUp");
    assert_eq!((app.selected(), app.list_offset()), (Some(1), 1));
    press(&mut app, "j");
    assert_eq!(
        app.list_offset(),
        1,
        "the list scrolls only when the selection leaves it"
    );
    press(&mut app, "k k");
    assert_eq!(app.list_offset(), 0);
}

#[test]
fn tab_cycles_focus_both_ways() {
    let mut app = app();
    press(&mut app, "Tab");
    assert_eq!(app.focus(), Pane::Detail);
    press(&mut app, "Tab");
    assert_eq!(app.focus(), Pane::Styling);
    press(&mut app, "Tab");
    assert_eq!(app.focus(), Pane::List);
    press(&mut app, "S-Tab");
    assert_eq!(app.focus(), Pane::Styling);
}

#[test]
fn moving_in_another_pane_keeps_the_selected_bag() {
    let mut app = app();
    press(&mut app, "j Tab j j");
    assert_eq!(app.selected(), Some(1));
    press(&mut app, "Tab j");
    assert_eq!(app.selected(), Some(1));
    assert_eq!(app.styling_stop(), Some(Stop::Pair { look: 0, pair: 0 }));
}

#[test]
fn enter_on_a_paired_bag_selects_it_in_the_list() {
    let mut app = app();
    press(&mut app, "Tab Tab j j");
    assert_eq!(app.styling_stop(), Some(Stop::Pair { look: 0, pair: 1 }));
    press(&mut app, "Enter");
    assert_eq!(app.focus(), Pane::List);
    assert_eq!(
        selected_name(&app),
        "The Bow Mini diamanté and leather cross-body bag"
    );
}

#[test]
fn enter_leads_from_a_bag_to_its_look() {
    let mut app = app();
    press(&mut app, "G Enter");
    assert_eq!(app.focus(), Pane::Detail);
    press(&mut app, "Enter");
    assert_eq!(app.focus(), Pane::Styling);
    let look = app.styling_stop().map(Stop::look).expect("a look");
    assert_eq!(app.lookbook().looks[look].wearer, "Lily-Rose Depp");
    press(&mut app, "Enter");
    assert_eq!(app.styling_stop(), Some(Stop::Pair { look: 1, pair: 0 }));
}

#[test]
fn help_opens_closes_and_swallows_navigation() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    press(&mut app, "j j");
    assert_eq!(
        app.selected(),
        Some(0),
        "keys scroll the help, not the list"
    );
    press(&mut app, "?");
    assert_eq!(app.overlay(), None);
    press(&mut app, "? Esc");
    assert_eq!(app.overlay(), None);
    assert!(app.is_running(), "Esc closes help before it quits");
    press(&mut app, "i");
    assert_eq!(app.overlay(), Some(Overlay::About));
    press(&mut app, "?");
    assert_eq!(
        app.overlay(),
        Some(Overlay::Help),
        "one overlay replaces the other"
    );
}

#[test]
fn quits_on_q_and_ctrl_c_never_on_esc() {
    for keys in ["q", "C-c", "? q", "? C-c"] {
        let mut app = app();
        press(&mut app, keys);
        assert!(!app.is_running(), "{keys} should quit");
    }
    // A second Esc while filtering (or a tenth) keeps the visitor in.
    for keys in [
        "Esc",
        "/ m i Esc Esc",
        "/ m i Enter Esc Esc Esc",
        "? Esc Esc",
    ] {
        let mut app = app();
        press(&mut app, keys);
        assert!(app.is_running(), "{keys} should not quit");
    }
}

#[test]
fn unbound_keys_change_nothing() {
    let mut app = app();
    let before = format!("{app:?}");
    press(&mut app, "x Z 5 Left Right");
    assert_eq!(format!("{app:?}"), before);
}

fn visible_names(app: &App) -> Vec<&str> {
    app.visible()
        .iter()
        .map(|&bag| app.lookbook().bags[bag].name.as_str())
        .collect()
}

#[test]
fn filter_narrows_as_you_type_and_esc_clears_it() {
    let mut app = app();
    press(&mut app, "/ d e p p");
    assert_eq!(app.visible().len(), 3);
    assert_eq!(app.filter(), "depp");
    press(&mut app, "Enter");
    assert!(
        app.prompt().is_none(),
        "Enter keeps the filter and returns to the list"
    );
    assert_eq!(app.visible().len(), 3);
    press(&mut app, "j");
    assert_eq!(app.cursor(), 1, "keys move the list again");
    press(&mut app, "Esc");
    assert_eq!(app.visible().len(), 8);
    assert!(
        app.is_running(),
        "Esc cleared the filter instead of quitting"
    );
}

#[test]
fn typing_in_the_filter_does_not_trigger_keys() {
    let mut app = app();
    press(&mut app, "/ q j k S ? Space");
    assert!(app.is_running());
    assert_eq!(app.overlay(), None);
    assert_eq!(app.filter(), "qjkS? ");
    press(&mut app, "Esc");
    assert_eq!(app.filter(), "", "Esc in the prompt clears the filter");
}

#[test]
fn selection_survives_filter_and_sort_when_still_visible() {
    let mut app = app();
    press(&mut app, "G"); // Lime leather tote bag
    press(&mut app, "s");
    assert_eq!(app.sort(), Sort::PriceLow);
    assert_eq!(selected_name(&app), "Lime leather tote bag");
    assert_eq!(app.cursor(), 0, "the cheapest bag is first");
    press(&mut app, "s");
    assert_eq!(selected_name(&app), "Lime leather tote bag");
    assert_eq!(app.cursor(), 7);
    press(&mut app, "/ t o t e");
    assert_eq!(selected_name(&app), "Lime leather tote bag");
    press(&mut app, "Backspace Backspace Backspace Backspace c h i q");
    assert_eq!(
        selected_name(&app),
        "Le Chiquito leather top-handle bag",
        "gone: the first match is selected"
    );
    press(&mut app, "Esc");
    assert_eq!(selected_name(&app), "Le Chiquito leather top-handle bag");
}

#[test]
fn sort_cycles_through_four_orders() {
    let mut app = app();
    let first = |app: &App| visible_names(app)[0].to_string();
    press(&mut app, "s");
    assert_eq!(first(&app), "Lime leather tote bag");
    press(&mut app, "s");
    assert_eq!(first(&app), "First Nano bag");
    press(&mut app, "s");
    assert_eq!(app.sort(), Sort::Brand);
    assert_eq!(
        first(&app),
        "Micro knotted leather tote",
        "Acne Studios first"
    );
    assert_eq!(
        visible_names(&app)[6],
        "Lime leather tote bag",
        "& Other Stories sorts under O"
    );
    press(&mut app, "s");
    assert_eq!(app.sort(), Sort::Edit);
    assert_eq!(first(&app), "Nano Mayfair bag");
}

#[test]
fn budget_narrows_the_list_and_bad_amounts_keep_the_old_one() {
    let mut app = app();
    press(&mut app, "b 4 0 0 Enter");
    assert_eq!(
        app.budget(),
        Some(crate::lookbook::Price::from_minor(40_000))
    );
    assert_eq!(app.visible().len(), 5);
    press(&mut app, "b x y z Enter");
    assert!(
        app.prompt().and_then(|p| p.error.as_ref()).is_some(),
        "an inline error"
    );
    assert_eq!(
        app.budget(),
        Some(crate::lookbook::Price::from_minor(40_000)),
        "the old budget is kept"
    );
    press(&mut app, "Esc");
    assert!(app.prompt().is_none());
    press(&mut app, "b £ 1 0 0 Enter");
    assert_eq!(app.visible().len(), 1);
    press(&mut app, "b Enter");
    assert_eq!(app.budget(), None, "an empty entry clears the budget");
    assert_eq!(app.visible().len(), 8);
}

#[test]
fn shortlist_toggles_and_removes_in_place() {
    let mut app = app();
    press(&mut app, "Space j Space j Space");
    assert_eq!(app.shortlist().len(), 3);
    assert_eq!(app.shortlist().summary(app.lookbook()), "3 bags · £1,540");
    press(&mut app, "k Space");
    assert_eq!(app.shortlist().len(), 2, "Space again takes a bag off");
    press(&mut app, "S");
    assert_eq!(app.overlay(), Some(Overlay::Shortlist));
    press(&mut app, "j Space");
    assert_eq!(app.shortlist().len(), 1);
    press(&mut app, "Enter");
    assert_eq!(app.overlay(), None);
    assert_eq!(selected_name(&app), "Nano Mayfair bag");
    let text = app.shortlist().to_text(app.lookbook());
    assert_eq!(
        text,
        "Nano Mayfair bag — Aspinal of London — £195 — Aspinal of London\n"
    );
}

#[test]
fn a_paired_bag_outside_the_filter_is_still_reachable() {
    let mut app = app();
    press(&mut app, "/ l i m e Enter Tab Tab j Enter");
    assert_eq!(selected_name(&app), "Le Chiquito leather top-handle bag");
    assert_eq!(app.filter(), "", "the filter made way for the bag");
}

#[test]
fn l_jumps_from_a_bag_to_its_look() {
    let mut app = app();
    press(&mut app, "G l");
    assert_eq!(app.focus(), Pane::Styling);
    assert_eq!(app.styling_stop(), Some(Stop::Look(1)));
}

#[test]
fn mouse_clicks_select_and_focus() {
    let mut app = app();
    // At 120x40 the list's first bag takes rows 2 and 3; the detail pane
    // starts at column 42.
    app.handle(Action::Click { column: 5, row: 6 });
    assert_eq!(app.selected(), Some(2));
    app.handle(Action::Click {
        column: 60,
        row: 10,
    });
    assert_eq!(app.focus(), Pane::Detail);
    app.handle(Action::ScrollDown { column: 5, row: 6 });
    assert_eq!(
        app.selected(),
        Some(3),
        "the wheel moves the list under the pointer"
    );
    assert_eq!(app.focus(), Pane::Detail, "without taking focus");
}

#[test]
fn an_empty_result_selects_nothing() {
    let mut app = app();
    press(&mut app, "/ z z z z");
    assert_eq!(app.selected(), None);
    press(&mut app, "Enter j k G Space Tab Enter");
    assert_eq!(app.selected(), None);
    assert!(app.shortlist().is_empty());
}

#[test]
fn a_budget_equal_to_a_price_keeps_that_bag() {
    let mut app = app();
    // Le Chiquito is £385: "up to an amount" includes the amount.
    press(&mut app, "b 3 8 5 Enter");
    let listed: Vec<&str> = app
        .visible()
        .iter()
        .map(|&bag| app.lookbook().bags[bag].name.as_str())
        .collect();
    assert!(
        listed.contains(&"Le Chiquito leather top-handle bag"),
        "{listed:?}"
    );
    press(&mut app, "b 3 8 4 . 9 9 Enter");
    assert!(
        !app.visible()
            .iter()
            .any(|&bag| app.lookbook().bags[bag].name.starts_with("Le Chiquito")),
        "a penny under its price hides it"
    );
}

#[test]
fn sort_ties_keep_the_edit_order() {
    // The bundled edit has no equal prices or brands, so make some: three
    // bags at £195, two by Acne Studios.
    let text = crate::lookbook::BUNDLED
        .replace("price = 650", "price = 195")
        .replace("price = 625", "price = 195")
        .replace("brand = \"Fendi\"", "brand = \"Acne Studios\"");
    let book = crate::lookbook::parse(&text, "ties.toml").expect("still valid");
    let mut app = App::new(Arc::new(book));
    app.handle(Action::Resize {
        width: 120,
        height: 40,
    });
    let names = |app: &App| -> Vec<String> {
        app.visible()
            .iter()
            .map(|&bag| app.lookbook().bags[bag].name.clone())
            .collect()
    };
    press(&mut app, "s");
    assert_eq!(
        names(&app)[2..5],
        [
            "Nano Mayfair bag",
            "Micro knotted leather tote",
            "Bon Bon micro metallic leather bucket bag"
        ],
        "price low–high, ties in edit order"
    );
    press(&mut app, "s");
    assert_eq!(
        names(&app)[3..6],
        [
            "Nano Mayfair bag",
            "Micro knotted leather tote",
            "Bon Bon micro metallic leather bucket bag"
        ],
        "price high–low, ties in edit order"
    );
    press(&mut app, "s");
    assert_eq!(
        names(&app)[..2],
        ["First Nano bag", "Micro knotted leather tote"],
        "brand A–Z, ties in edit order"
    );
}

#[test]
fn backspace_finds_the_shorter_filter_as_it_was() {
    let mut app = app();
    press(&mut app, "/ l e");
    let before: Vec<usize> = app.visible().to_vec();
    press(&mut app, "a t");
    assert!(app.visible().len() <= before.len());
    press(&mut app, "Backspace Backspace");
    assert_eq!(app.filter(), "le");
    assert_eq!(app.visible(), before, "the same bags, in the same order");
    press(&mut app, "C-u l e");
    assert_eq!(app.visible(), before, "typed again from scratch");
}

/// An edit big enough that its filter is searched away from the key path.
fn big_edit() -> App {
    edit_of(super::search_job::BACKGROUND_MIN + 10)
}

/// A generated edit of `bags` bags, a third of them lime totes.
fn edit_of(bags: usize) -> App {
    let mut text =
        String::from("[lookbook]\ntitle = \"Big\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    for i in 0..bags {
        let name = if i % 3 == 0 {
            "Lime tote"
        } else {
            "Pink pouch"
        };
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"{name} {i}\"\nbrand = \"B\"\nretailer = \"R\"\nprice = {}\n",
            i % 90 + 10
        ));
    }
    let book = crate::lookbook::parse(&text, "big.toml").expect("valid");
    let mut app = App::new(Arc::new(book));
    app.handle(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

#[test]
fn a_big_edit_is_filtered_away_from_the_key_path() {
    let mut app = big_edit();
    let all = app.visible().len();
    press(&mut app, "/");
    let index = app
        .search_job()
        .expect("the index is built away from the keys");
    assert!(app.is_searching());
    app.search_done(index.run());
    assert!(!app.is_searching());
    press(&mut app, "l i m e");
    assert!(app.is_searching(), "a letter only starts a search");
    assert_eq!(
        app.visible().len(),
        all,
        "the list stays as it was meanwhile"
    );
    let job = app.search_job().expect("one job, for the filter as typed");
    assert!(app.search_job().is_none(), "handed out once");
    app.search_done(job.run());
    assert!(!app.is_searching());
    assert_eq!(
        app.visible().len(),
        all.div_ceil(3),
        "every third bag is lime"
    );
    assert!(
        app.visible()
            .iter()
            .all(|&bag| app.lookbook().bags[bag].name.starts_with("Lime"))
    );
}

#[test]
fn a_search_that_comes_back_late_is_kept_only_if_the_filter_extends_it() {
    let mut app = big_edit();
    press(&mut app, "/");
    let index = app.search_job().expect("the index job");
    app.search_done(index.run());
    press(&mut app, "p");
    let early = app.search_job().expect("a search for `p`");
    press(&mut app, "i");
    let late = app.search_job().expect("a search for `pi`");
    app.search_done(early.run());
    assert!(app.is_searching(), "`pi` is still being searched");
    app.search_done(late.run());
    assert!(!app.is_searching());
    assert!(
        app.visible()
            .iter()
            .all(|&bag| app.lookbook().bags[bag].name.starts_with("Pink"))
    );
    // Backspace: `p` was kept when it came back, so it is there at once.
    press(&mut app, "Backspace");
    assert!(!app.is_searching());
    assert_eq!(app.filter(), "p");
}

#[test]
fn clicks_on_the_list_land_on_the_row_under_the_pointer_and_nowhere_else() {
    let mut app = app();
    // At 120x40 the list's top border is row 1, its bags rows 2 to 17 (two
    // each: name, then brand), its bottom border row 38.
    app.handle(Action::Click { column: 5, row: 12 });
    assert_eq!(app.selected(), Some(5));
    app.handle(Action::Click { column: 5, row: 9 });
    assert_eq!(
        app.selected(),
        Some(3),
        "a bag's brand row is the bag's too"
    );
    app.handle(Action::Click { column: 5, row: 13 });
    assert_eq!(app.selected(), Some(5));
    for row in [1, 18, 38] {
        app.handle(Action::Click { column: 5, row });
        assert_eq!(
            app.selected(),
            Some(5),
            "a click on row {row} selects nothing"
        );
    }
    // A list that fills its pane: its bottom border is no row either.
    let mut full = edit_of(100);
    full.handle(Action::Click { column: 5, row: 38 });
    assert_eq!(full.selected(), Some(0));
    full.handle(Action::Click { column: 5, row: 37 });
    assert_eq!(full.selected(), Some(17), "the last bag in view");
}

/// What a frame would measure of an overlay `len` rows long in `viewport`.
fn overlay_of(len: usize, viewport: usize) -> layout::Drawn {
    layout::Drawn {
        detail: None,
        overlay: Some(layout::Extent { len, viewport }),
        ..layout::Drawn::default()
    }
}

#[test]
fn keys_scroll_an_overlay_as_long_as_the_frame_measured_it() {
    let mut app = app();
    press(&mut app, "?");
    app.observe(overlay_of(50, 10));
    press(&mut app, "j j");
    assert_eq!(app.overlay_scroll(), 2);
    press(&mut app, "G");
    assert_eq!(app.overlay_scroll(), 40);
    assert_eq!(app.focus(), Pane::List, "the panes behind do not move");
    assert_eq!(app.selected(), Some(0));
}

#[test]
fn the_shortlist_cursor_counts_the_picks_not_the_rows() {
    let mut app = app();
    press(&mut app, "Space j Space j Space S");
    // Six rows measured: three picks, a blank line, the total, and more.
    app.observe(overlay_of(6, 5));
    press(&mut app, "G");
    assert_eq!(app.shortlist_cursor(), 2);
}

#[test]
fn the_index_is_built_in_place_for_a_small_edit_and_away_for_a_big_one() {
    let mut small = app();
    press(&mut small, "/");
    assert!(small.search_job().is_none() && small.search_index().is_some());
    // From exactly the threshold on, away from the keys.
    let mut big = edit_of(super::search_job::BACKGROUND_MIN);
    press(&mut big, "/");
    assert!(big.search_job().is_some() && big.search_index().is_none());
}

#[test]
fn opening_the_filter_again_while_its_index_builds_starts_no_second_build() {
    let mut app = big_edit();
    press(&mut app, "/");
    let index = app.search_job().expect("the index job");
    press(&mut app, "Esc /");
    assert!(app.search_job().is_none(), "one build at a time");
    app.search_done(index.run());
    assert!(!app.is_searching());
    // The index's own result (for no filter) says nothing of a filter.
    assert_eq!(app.filter_matches(), None);
}

#[test]
fn enter_on_a_look_without_pairs_stays_on_it() {
    let source = "[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"GBP\"\n\n\
        [[bag]]\nid = \"a\"\nname = \"A\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 1\n\n\
        [[look]]\nid = \"bare\"\nwearer = \"W\"\noutfit = [\"coat\"]\ncarried = \"a bag\"\n\n\
        [[look]]\nid = \"paired\"\nwearer = \"V\"\noutfit = [\"coat\"]\ncarried = \"a bag\"\npairs = [\"a\"]\n";
    let book = crate::lookbook::parse(source, "t.toml").expect("valid");
    let mut app = App::new(Arc::new(book));
    press(&mut app, "Tab Tab Enter");
    assert_eq!(app.styling_stop(), Some(Stop::Look(0)));
    press(&mut app, "j Enter");
    assert_eq!(app.styling_stop(), Some(Stop::Pair { look: 1, pair: 0 }));
}

#[test]
fn the_detail_starts_from_the_top_for_another_bag_only() {
    let mut app = app();
    let scrolled = |app: &mut App| {
        app.observe(layout::Drawn {
            detail: Some(layout::Extent {
                len: 50,
                viewport: 10,
            }),
            overlay: None,
            ..layout::Drawn::default()
        });
        press(app, "Tab j j");
        assert_eq!(app.detail_scroll(), 2);
    };
    scrolled(&mut app);
    // Sorting keeps the same bag selected: the place in its text too.
    press(&mut app, "s");
    assert_eq!(app.detail_scroll(), 2);
    // A filter that hides it selects another, shown from the top.
    press(&mut app, "/ l i m e");
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn the_shortlist_cursor_stays_on_its_bags_with_the_total_in_view() {
    let mut app = app();
    press(
        &mut app,
        "Space j Space j Space j Space j Space j Space j Space j Space S",
    );
    assert_eq!(app.shortlist().len(), 8);
    // The frame drew the 8 bags, a blank line and the total: 10 lines in 6.
    app.observe(overlay_of(10, 6));
    press(&mut app, "G");
    assert_eq!(app.shortlist_cursor(), 7, "the cursor ends on the last bag");
    // Four bag rows in view, so the total's two lines stay below them.
    assert_eq!(app.overlay_scroll(), 4);
}
