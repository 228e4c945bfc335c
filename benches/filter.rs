//! A filter keystroke over a generated 100k-bag lookbook:
//! `cargo bench --bench filter`.
//!
//! Over an edit this big the search runs away from the key path (a thread
//! locally, the blocking pool over SSH), so each keystroke has two figures,
//! measured against each other in one run of this binary: what the key
//! itself costs (the screen can redraw right after), and what the search it
//! starts costs (when the list updates).
//!
//! - `index`: building the search index (started in the background when
//!   `/` is pressed).
//! - `keystroke_*`: handling the key: the first character of a filter, one
//!   more character, a Backspace (answered from the kept prefix result).
//! - `search_first`: the search the first character starts, over all bags.
//! - `search_more`: the search one more character starts, over the
//!   previous matches.
//!
//! `scripts/bench-filter` runs this binary and `fzf --filter` over the same
//! 100k bags' text (`benches/tools/search_lines.rs`), in one run; fzf's
//! figure is a whole process, reading the lines included. The filtered
//! frame is drawn in `benches/lookbook.rs`, beside the frames it is compared
//! with. `cargo test --bench filter` (what `scripts/bench-smoke` runs) runs
//! each benchmark once.

mod support;

use std::sync::{Arc, LazyLock};

use divan::{Bencher, black_box};
use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::edit::SearchIndex;
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

/// A 120x40 app after typing `keys`, every search they started finished
/// (`render::frame` runs them).
fn app_after(keys: &str) -> App {
    let mut app = App::new(BOOK.clone());
    render::frame(&mut app, &Theme::ansi(), 120, 40);
    for key in parse_keys(keys).expect("known keys") {
        app.handle_key(key);
        render::frame(&mut app, &Theme::ansi(), 120, 40);
    }
    app
}

/// The search that typing `key` after `before` starts, ready to run.
fn search(bencher: Bencher, before: &str, key: &str) {
    let mut app = app_after(before);
    app.handle_key(parse_keys(key).expect("a known key")[0]);
    let job = app
        .search_job()
        .expect("a big edit searches in the background");
    bencher
        .with_inputs(|| job.clone())
        .bench_local_values(|job| job.run());
}

#[divan::bench(sample_count = 10)]
fn index(bencher: Bencher) {
    // Generated and parsed here, not in the first timed sample.
    let book = &**BOOK;
    bencher.bench_local(|| SearchIndex::new(black_box(book)));
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
fn search_first(bencher: Bencher) {
    search(bencher, "/", "l");
}

#[divan::bench(sample_count = 20)]
fn search_more(bencher: Bencher) {
    search(bencher, "/ l e a", "t");
}
