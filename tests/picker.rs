//! The picker, as a visitor sees it: several edits offered by title,
//! source and counts, drawn headless and compared with snapshots reviewed
//! by eye; and the keys that choose, open and come back.

use std::sync::Arc;

use lookbook::app::keymap::parse_keys;
use lookbook::browser::Browser;
use lookbook::library::{Catalogue, EditFile};
use lookbook::lookbook::{bundled, parse};
use lookbook::render;
use lookbook::ui::theme::Theme;
use ratatui::buffer::Buffer;

/// The bundled edit, the sneaker edit and the party edit, under the names
/// a host might give their files.
fn catalogue() -> Arc<Catalogue> {
    let fixture = |name: &str| {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("a fixture");
        parse(&text, &path).expect("a valid fixture")
    };
    Arc::new(Catalogue::new(vec![
        EditFile::new("bags".into(), Some("edits/bags.toml".into()), bundled()),
        EditFile::new(
            "sneakers".into(),
            Some("edits/sneakers.toml".into()),
            fixture("sneaker_edit.toml"),
        ),
        EditFile::new(
            "party".into(),
            Some("edits/party.toml".into()),
            fixture("party_edit.toml"),
        ),
    ]))
}

/// What the browser shows after `keys` at `width`×`height`, drawn after each
/// key as a terminal would.
fn after(keys: &str, width: u16, height: u16, theme: &Theme) -> Buffer {
    let mut browser = Browser::new(catalogue(), None);
    let mut buffer = render::browser_frame(&mut browser, theme, width, height);
    for key in parse_keys(keys).expect("known key names") {
        browser.handle_key(key);
        buffer = render::browser_frame(&mut browser, theme, width, height);
    }
    buffer
}

fn screen(keys: &str, width: u16, height: u16) -> String {
    render::text(&after(keys, width, height, &Theme::ansi()))
}

#[test]
fn the_picker_at_120x40_and_50x20() {
    for (width, height) in [(120, 40), (50, 20)] {
        insta::assert_snapshot!(
            format!("picker_{width}x{height}"),
            screen("", width, height)
        );
    }
    insta::assert_snapshot!("picker_second_chosen_50x20", screen("j", 50, 20));
}

#[test]
fn an_edit_opened_from_the_picker_is_the_edit_as_ever_and_q_comes_back() {
    let opened = screen("Enter", 120, 40);
    let alone = {
        let mut app = lookbook::app::App::new(Arc::new(bundled()));
        render::text(&render::frame(&mut app, &Theme::ansi(), 120, 40))
    };
    assert_eq!(opened, alone, "the bundled edit, exactly as it shows alone");
    assert_eq!(screen("Enter j q", 120, 40), screen("", 120, 40));
}

/// The chosen edit's two rows are drawn selected; the others are not.
#[test]
fn the_chosen_edit_is_marked_in_colour_and_without() {
    for theme in [Theme::ansi(), Theme::monochrome()] {
        let buffer = after("j", 120, 40, &theme);
        let style_at = |row: u16| buffer[(60, row)].style();
        // Rows 2-4 are the first edit, 5-7 the second; the third of each
        // is the gap between them.
        assert_eq!(style_at(5), style_at(6));
        assert_ne!(style_at(2), style_at(5), "the chosen edit stands out");
        assert_eq!(style_at(2), style_at(7), "the gap is not part of it");
        assert_eq!(buffer[(1, 5)].symbol(), "▶");
        assert_eq!(buffer[(1, 2)].symbol(), " ");
    }
}

#[test]
fn a_terminal_too_small_says_so_in_the_picker_too() {
    let text = screen("", 20, 6);
    assert!(text.contains("q quits"), "{text}");
}
