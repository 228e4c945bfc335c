//! The browser on its own: keys in, which edit shows and what goes home.

use std::sync::Arc;
use std::time::Instant;

use super::*;
use crate::app::keymap::parse_keys;
use crate::library::{Catalogue, EditFile};
use crate::lookbook::{bundled, parse};

const SNEAKERS: &str = include_str!("../../tests/fixtures/sneaker_edit.toml");

fn entry(stem: &str) -> EditFile {
    let lookbook = match stem {
        "sneakers" => parse(SNEAKERS, "sneakers.toml").expect("valid"),
        _ => bundled(),
    };
    EditFile::new(stem.into(), Some(format!("{stem}.toml").into()), lookbook)
}

/// Bags (the bundled edit) and sneakers.
fn two() -> Arc<Catalogue> {
    Arc::new(Catalogue::new(vec![entry("sneakers"), entry("bags")]))
}

fn browser(catalogue: Arc<Catalogue>, wanted: Option<&str>) -> Browser {
    let mut browser = Browser::new(catalogue, wanted);
    browser.handle(Action::Resize {
        width: 120,
        height: 40,
    });
    browser
}

fn press(browser: &mut Browser, keys: &str) {
    for key in parse_keys(keys).expect("known key names") {
        browser.handle_key(key);
    }
}

fn title(browser: &Browser) -> Option<&str> {
    browser.app().map(|app| app.lookbook().title.as_str())
}

#[test]
fn a_lone_edit_opens_at_once_and_q_quits_as_ever() {
    let mut browser = browser(Arc::new(Catalogue::bundled()), Some("whoever"));
    assert_eq!(title(&browser), Some("The mini bag edit"));
    press(&mut browser, "j Space q");
    assert!(!browser.is_running());
    let app = browser.app().expect("still there, with its shortlist");
    assert_eq!(
        browser.take_home(),
        format!(
            "{}{}\n",
            app.shortlist().to_text(app.lookbook()),
            app.shortlist().summary(app.lookbook())
        )
    );
}

#[test]
fn the_picker_opens_the_chosen_edit_and_q_comes_back_to_it() {
    let mut browser = browser(two(), None);
    assert_eq!(title(&browser), None, "the picker");
    assert_eq!(browser.picker_cursor(), 0);
    press(&mut browser, "j Enter");
    assert_eq!(title(&browser), Some("Court classics"));
    assert_eq!(browser.opened_stem(), Some("sneakers"));
    press(&mut browser, "j j Space q");
    assert!(browser.is_running(), "q leaves the edit, not the browser");
    assert_eq!((title(&browser), browser.picker_cursor()), (None, 1));
    press(&mut browser, "Enter");
    let app = browser.app().expect("open again");
    assert_eq!(app.cursor(), 2, "where they left it");
    assert_eq!(app.shortlist().len(), 1);
    // Esc with nothing open leaves the edit too; in the picker it does
    // nothing: Esc never ends a session.
    press(&mut browser, "Esc");
    assert_eq!(title(&browser), None);
    press(&mut browser, "Esc Esc");
    assert!(browser.is_running(), "Esc in the picker");
    press(&mut browser, "k Enter Space q q");
    assert!(!browser.is_running());
    let home = browser.take_home();
    assert!(
        home.starts_with("The mini bag edit\nNano Mayfair bag — "),
        "each edit's picks under its title:\n{home}"
    );
    assert!(
        home.contains("\n1 bag · £195\n\nCourt classics\n"),
        "{home}"
    );
    assert!(home.ends_with("\n1 sneaker · €75\n"), "{home}");
}

#[test]
fn a_name_opens_its_edit_and_q_then_quits() {
    let mut browser = browser(two(), Some("sneakers"));
    assert_eq!(title(&browser), Some("Court classics"));
    assert_eq!(browser.picker_cursor(), 1);
    press(&mut browser, "q");
    assert!(!browser.is_running());
    let mut other = Browser::new(two(), Some("nobody"));
    assert_eq!(title(&other), None, "an unknown name gets the picker");
    press(&mut other, "G Enter C-c");
    assert!(!other.is_running(), "Ctrl-C quits from inside an edit");
}

#[test]
fn the_picker_moves_pages_and_clicks() {
    let mut browser = browser(two(), None);
    press(&mut browser, "G");
    assert_eq!(browser.picker_cursor(), 1);
    press(&mut browser, "g j j j");
    assert_eq!(browser.picker_cursor(), 1, "stops at the end");
    // The edits' rows: the box's border, then three rows each.
    browser.handle(Action::Click { column: 5, row: 4 });
    assert_eq!(browser.opened_stem(), Some("bags"));
    press(&mut browser, "q");
    browser.handle(Action::Click { column: 5, row: 5 });
    assert_eq!(browser.opened_stem(), Some("sneakers"));
    press(&mut browser, "q");
    browser.handle(Action::Click { column: 5, row: 30 });
    assert_eq!(browser.opened_stem(), None, "below the edits");
}

#[test]
fn sessions_on_one_edit_share_it_and_what_is_worked_out_from_it() {
    let catalogue = two();
    let (mut one, mut two) = (
        browser(Arc::clone(&catalogue), Some("bags")),
        browser(catalogue, Some("bags")),
    );
    let (a, b) = (one.app().expect("open"), two.app().expect("open"));
    assert!(Arc::ptr_eq(a.edit(), b.edit()), "one edit, not a copy each");
    press(&mut one, "/ n a n o Enter");
    press(&mut two, "/ m i n i Enter");
    let (a, b) = (one.app().expect("open"), two.app().expect("open"));
    let (a, b) = (
        a.search_index().expect("built"),
        b.search_index().expect("lent"),
    );
    assert!(
        std::ptr::eq(a, b),
        "the second session borrows the first's index"
    );
}

#[test]
fn a_new_catalogue_keeps_the_place_and_a_gone_edit_says_so() {
    let mut browser = browser(two(), None);
    press(&mut browser, "j");
    // A third edit sorts first: the cursor stays on the same edit.
    let three = Arc::new(Catalogue::new(vec![
        entry("sneakers"),
        entry("bags"),
        entry("aaa"),
    ]));
    assert!(browser.update(three, Instant::now()).is_none());
    assert_eq!(browser.picker_cursor(), 2);
    press(&mut browser, "Enter");
    assert_eq!(browser.opened_stem(), Some("sneakers"));
    let without = Arc::new(Catalogue::new(vec![entry("bags")]));
    let _ = browser.update(without, Instant::now());
    let app = browser.app().expect("still browsing the last good edit");
    assert_eq!(app.lookbook().title, "Court classics");
    assert_eq!(
        app.problem().map(|p| p.headline.as_str()),
        Some("sneakers.toml is gone; showing the last good edit")
    );
    press(&mut browser, "q");
    assert_eq!((title(&browser), browser.picker_cursor()), (None, 0));
}
