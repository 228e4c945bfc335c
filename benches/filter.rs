//! A filter keystroke over a generated 100k-bag lookbook:
//! `cargo bench --bench filter`. `scripts/bench-filter` runs this and
//! `fzf --filter` over the same 100k bags' text, in one run.
//!
//! - `index`: building the search index (done when `/` is pressed).
//! - `keystroke_first`: the first character of a filter, searching all bags.
//! - `keystroke_more`: one more character, searching the previous matches.
//! - `keystroke_backspace`: a deleted character, searching all bags again.
//! - `frame_filtered`: one 120x40 frame with the filter's highlights.

mod support;

use std::sync::{Arc, LazyLock};

use divan::{Bencher, black_box};
use lookbook::app::keymap::parse_keys;
use lookbook::app::{App, SearchIndex};
use lookbook::lookbook::{Lookbook, parse};
use lookbook::render;
use lookbook::ui::theme::Theme;

const BAGS: usize = 100_000;

static BOOK: LazyLock<Arc<Lookbook>> = LazyLock::new(|| {
    let text = support::big_lookbook(BAGS);
    Arc::new(parse(&text, "big.toml").expect("the generated lookbook is valid"))
});

fn main() {
    divan::main();
}

/// A 120x40 app after typing `keys`.
fn app_after(keys: &str) -> App {
    let mut app = App::new(BOOK.clone());
    render::frame(&mut app, &Theme::ansi(), 120, 40);
    for key in parse_keys(keys).expect("known keys") {
        app.handle_key(key);
    }
    app
}

#[divan::bench(sample_count = 10)]
fn index() -> SearchIndex {
    SearchIndex::new(black_box(&BOOK))
}

fn keystroke(bencher: Bencher, before: &str, key: &str) {
    let prepared = app_after(before);
    let key = parse_keys(key).expect("a known key")[0];
    bencher
        .with_inputs(|| prepared.clone())
        .bench_local_values(|mut app| {
            app.handle_key(key);
            app
        });
}

#[divan::bench(sample_count = 20)]
fn keystroke_first(bencher: Bencher) {
    keystroke(bencher, "/", "l");
}

#[divan::bench(sample_count = 20)]
fn keystroke_more(bencher: Bencher) {
    keystroke(bencher, "/ l e a", "t");
}

#[divan::bench(sample_count = 20)]
fn keystroke_backspace(bencher: Bencher) {
    keystroke(bencher, "/ l e a t", "Backspace");
}

#[divan::bench(sample_count = 20)]
fn frame_filtered(bencher: Bencher) {
    let mut app = app_after("/ l e a t");
    bencher.bench_local(|| render::frame(&mut app, &Theme::ansi(), 120, 40));
}
