//! Key handling on the pure app state: no terminal, no drawing.

use std::sync::Arc;

use super::keymap::parse_keys;
use super::*;
use crate::lookbook::bundled;

fn app() -> App {
    let mut app = App::new(Arc::new(bundled()), Theme::ansi());
    app.handle(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).expect("known key names") {
        app.handle_key(key);
    }
}

fn selected_name(app: &App) -> &str {
    &app.lookbook().bags[app.selected()].name
}

#[test]
fn moves_through_the_list_and_stops_at_the_ends() {
    let mut app = app();
    press(&mut app, "j j");
    assert_eq!(selected_name(&app), "Micro knotted leather tote");
    press(&mut app, "k k k k");
    assert_eq!(app.selected(), 0);
    press(&mut app, "G");
    assert_eq!(selected_name(&app), "Lime leather tote bag");
    press(&mut app, "j ↓ Down");
    assert_eq!(app.selected(), 7);
    press(&mut app, "g");
    assert_eq!(app.selected(), 0);
    press(&mut app, "End");
    assert_eq!(app.selected(), 7);
    press(&mut app, "Home");
    assert_eq!(app.selected(), 0);
}

#[test]
fn pages_by_the_height_of_the_list() {
    let mut app = app();
    // 10 rows: the header, the hints and the list's borders leave 6 for bags.
    app.handle(Action::Resize {
        width: 120,
        height: 10,
    });
    press(&mut app, "PgDn");
    assert_eq!((app.selected(), app.list_offset()), (6, 1));
    press(&mut app, "PgDn");
    assert_eq!((app.selected(), app.list_offset()), (7, 2));
    press(&mut app, "PgUp");
    assert_eq!((app.selected(), app.list_offset()), (1, 1));
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
    assert_eq!(app.selected(), 1);
    press(&mut app, "Tab j");
    assert_eq!(app.selected(), 1);
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
    assert_eq!(app.selected(), 0, "keys scroll the help, not the list");
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
fn quits_on_q_esc_and_ctrl_c() {
    for keys in ["q", "Esc", "C-c", "? q", "? C-c"] {
        let mut app = app();
        press(&mut app, keys);
        assert!(!app.is_running(), "{keys} should quit");
    }
}

#[test]
fn detail_scroll_stops_at_the_end_of_the_text() {
    let mut app = app();
    app.handle(Action::Resize {
        width: 50,
        height: 12,
    });
    press(&mut app, "G k Tab");
    for _ in 0..50 {
        press(&mut app, "j");
    }
    let max = crate::ui::max_scroll(&app, 50, 12);
    assert!(max > 0, "Le Chiquito's detail overflows a 50x12 screen");
    assert_eq!(app.detail_scroll(), max);
    press(&mut app, "k");
    assert_eq!(
        app.detail_scroll(),
        max - 1,
        "one key press scrolls back at once"
    );
    press(&mut app, "Tab Tab j");
    assert_eq!(app.detail_scroll(), 0, "a new bag shows from the top");
}

#[test]
fn unbound_keys_change_nothing() {
    let mut app = app();
    let before = format!("{app:?}");
    press(&mut app, "x Z 5 Left Right");
    assert_eq!(format!("{app:?}"), before);
}
