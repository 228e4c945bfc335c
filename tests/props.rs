//! Properties that must hold for any size and any key sequence: nothing
//! panics, and the selection always names a bag that exists.

use std::sync::Arc;

use lookbook::app::keymap::{KEYMAP, parse_keys};
use lookbook::app::{Action, App};
use lookbook::lookbook::{Lookbook, bundled};
use lookbook::render;
use lookbook::ui::theme::Theme;
use proptest::prelude::*;

fn lookbook() -> Arc<Lookbook> {
    Arc::new(bundled())
}

/// Every size from 0x0 to 160x50, in a few states that draw different
/// things (overlays, each pane focused, the styling cursor deep in a card).
#[test]
fn every_size_draws_without_panicking() {
    let book = lookbook();
    for keys in [
        "",
        "?",
        "i j j",
        "G Tab",
        "Tab Tab j j j j j j",
        "G k Tab Enter Enter",
    ] {
        for width in 0..=160 {
            for height in 0..=50 {
                let mut app = App::new(book.clone());
                render::frame(&mut app, &Theme::ansi(), width, height);
                for key in parse_keys(keys).expect("known keys") {
                    app.handle_key(key);
                }
                let buffer = render::frame(&mut app, &Theme::ansi(), width, height);
                assert_eq!(buffer.area.width, width);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(usize, usize),
    /// A key typed into a filter or budget entry.
    Type(&'static str),
    Resize(u16, u16),
}

/// What a shopper types into the filter and budget entries.
const TYPED: &[&str] = &[
    "a",
    "e",
    "o",
    "n",
    "z",
    "4",
    "0",
    "£",
    ".",
    ",",
    "Space",
    "Backspace",
    "Enter",
];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..KEYMAP.len(), 0..3usize).prop_map(|(b, k)| Step::Key(b, k)),
        4 => prop::sample::select(TYPED).prop_map(Step::Type),
        1 => (0..=160u16, 0..=50u16).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_key_sequence_keeps_a_real_selection(steps in prop::collection::vec(step(), 0..60)) {
        let book = lookbook();
        let mut app = App::new(book.clone());
        let (mut width, mut height) = (80, 24);
        for step in steps {
            match step {
                Step::Key(binding, key) => {
                    let keys = KEYMAP[binding].keys;
                    let name = keys[key % keys.len()].name();
                    // Quitting would end the session; keep exploring instead.
                    if KEYMAP[binding].action == Action::Quit || KEYMAP[binding].action == Action::Back {
                        continue;
                    }
                    for event in parse_keys(&name).expect("keymap names read back") {
                        app.handle_key(event);
                    }
                }
                Step::Type(name) => {
                    for event in parse_keys(name).expect("typed keys have names") {
                        app.handle_key(event);
                    }
                }
                Step::Resize(w, h) => (width, height) = (w, h),
            }
            render::frame(&mut app, &Theme::monochrome(), width, height);
            // The selection is a bag the list shows, or none when it shows none.
            match app.selected() {
                Some(bag) => {
                    prop_assert!(bag < book.bags.len());
                    prop_assert!(app.visible().contains(&bag));
                }
                None => prop_assert!(app.visible().is_empty()),
            }
            prop_assert!(app.is_running());
            prop_assert!(app.visible().iter().all(|&bag| app.budget().is_none_or(|b| book.bags[bag].price <= b)));
        }
    }
}
