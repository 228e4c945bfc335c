//! Load and draw costs: `cargo bench --bench lookbook`. Every ratio the
//! docs/benchmarks.md quotes from here divides two medians of one run of this binary.
//!
//! - `load_bundled`: parse and validate the bundled eight-bag edit.
//! - `frame::*`: one headless 120x40 frame (`render::frame`, so a fresh
//!   TestBackend each time); unfiltered, the selection is in the middle of
//!   the list. The bundled edit (`bags_8`: 8 bags, 2 looks) is the baseline
//!   the others are measured against: the generated lookbook (`bags_100k`:
//!   100k bags, 100 looks), the same 100k bags with only 2 looks
//!   (`bags_100k_looks_2`, which separates the cost of many bags from the
//!   cost of many looks), and the 100k bags filtered by `leat` with the
//!   prompt open and the matched letters highlighted
//!   (`bags_100k_filtered`). The goal is a big frame within 2x of the small
//!   one.
//! - `parse_big::*`: the generated 100k-bag text (about 18 MB) through
//!   `lookbook::parse`, against a bare `toml::Table` parse of the same text as
//!   the floor. `scripts/bench-load` measures the same pair end to end, with
//!   peak memory.
//!
//! A frame benchmark takes 2000 samples (about a second), so a burst of
//! other work on a shared machine moves its median less; the whole run
//! takes under a minute. `cargo test --bench lookbook` (what
//! `scripts/bench-smoke` runs) runs each benchmark once.

mod support;

use std::sync::{Arc, LazyLock};

use divan::{Bencher, black_box};
use lookbook::app::keymap::parse_keys;
use lookbook::app::{Action, App};
use lookbook::lookbook::{BUNDLED, BUNDLED_NAME, Lookbook, bundled, parse};
use lookbook::render;
use lookbook::scroll::Motion;
use lookbook::ui::theme::Theme;

const BIG_BAGS: usize = 100_000;
const BIG_NAME: &str = "big.toml (generated)";
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// Generated once, shared by every bench that needs it.
static BIG_TEXT: LazyLock<String> = LazyLock::new(|| support::big_lookbook(BIG_BAGS));
static BIG_BOOK: LazyLock<Arc<Lookbook>> = LazyLock::new(|| {
    Arc::new(parse(&BIG_TEXT, BIG_NAME).expect("the generated lookbook is valid"))
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 200)]
fn load_bundled() -> Lookbook {
    parse(black_box(BUNDLED), BUNDLED_NAME).expect("the bundled lookbook is valid")
}

mod frame {
    use super::*;

    /// An app at 120x40, already drawn once, with its cursor moved to row
    /// `row` of the list by key actions, as a user would.
    fn app_at(lookbook: Arc<Lookbook>, row: usize) -> App {
        let mut app = App::new(lookbook);
        render::frame(&mut app, &Theme::ansi(), WIDTH, HEIGHT);
        while app.cursor() < row {
            app.handle(Action::Move(Motion::PageDown));
        }
        while app.cursor() > row {
            app.handle(Action::Move(Motion::Up));
        }
        assert_eq!(app.cursor(), row);
        assert!(app.selected().is_some());
        app
    }

    #[divan::bench(sample_count = 2000)]
    fn bags_8(bencher: Bencher) {
        let lookbook = Arc::new(bundled());
        let middle = lookbook.bags.len() / 2;
        let mut app = app_at(lookbook, middle);
        bencher.bench_local(|| render::frame(black_box(&mut app), &Theme::ansi(), WIDTH, HEIGHT));
    }

    #[divan::bench(sample_count = 2000)]
    fn bags_100k(bencher: Bencher) {
        let mut app = app_at(Arc::clone(&BIG_BOOK), BIG_BAGS / 2);
        bencher.bench_local(|| render::frame(black_box(&mut app), &Theme::ansi(), WIDTH, HEIGHT));
    }

    #[divan::bench(sample_count = 2000)]
    fn bags_100k_looks_2(bencher: Bencher) {
        let mut lookbook = Lookbook::clone(&BIG_BOOK);
        lookbook.looks.truncate(2);
        let mut app = app_at(Arc::new(lookbook), BIG_BAGS / 2);
        bencher.bench_local(|| render::frame(black_box(&mut app), &Theme::ansi(), WIDTH, HEIGHT));
    }

    /// Typed as a user would, each key followed by a frame, so the search
    /// each one starts has finished (`render::frame` runs it) before the
    /// measured frames.
    #[divan::bench(sample_count = 2000)]
    fn bags_100k_filtered(bencher: Bencher) {
        let mut app = App::new(Arc::clone(&BIG_BOOK));
        render::frame(&mut app, &Theme::ansi(), WIDTH, HEIGHT);
        for key in parse_keys("/ l e a t").expect("known keys") {
            app.handle_key(key);
            render::frame(&mut app, &Theme::ansi(), WIDTH, HEIGHT);
        }
        assert!(!app.is_searching(), "the filter's search has finished");
        assert!(app.selected().is_some(), "`leat` matches some bags");
        bencher.bench_local(|| render::frame(black_box(&mut app), &Theme::ansi(), WIDTH, HEIGHT));
    }
}

mod parse_big {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn lookbook_parse(bencher: Bencher) {
        let text = BIG_TEXT.as_str();
        bencher
            .bench(|| parse(black_box(text), BIG_NAME).expect("the generated lookbook is valid"));
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn toml_table_floor(bencher: Bencher) {
        let text = BIG_TEXT.as_str();
        bencher.bench(|| {
            black_box(text)
                .parse::<toml::Table>()
                .expect("the generated lookbook is valid TOML")
        });
    }
}
