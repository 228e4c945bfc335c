//! Live reload, as an author lives it: save the file, see the frame.
//!
//! - save-to-frame: from the rename that saves the file (as vim does) to
//!   the first frame drawn with the new edit, through the real watcher
//!   (which waits 150 ms for a burst of events to settle) and a loop like
//!   the terminal's; for the bundled edit and for the 100k-bag file;
//! - key-to-frame while the 100k file reloads: a key every 10 ms, its
//!   latency measured during the reloads against keys with no reload in
//!   flight, in the same run (the load runs on the watcher's thread, so
//!   keys should not wait for it);
//! - memory: RSS after 1,000 reloads of the bundled edit against after 10.
//!
//! `cargo bench --bench reload` prints the table (about a minute). `cargo
//! test --bench reload` (what `scripts/bench-smoke` runs) does a few saves
//! of a 2,000-bag file and 100 reloads, to keep it compiling and running.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use lookbook::app::App;
use lookbook::edit::Reload;
use lookbook::lookbook::{bundled, load_path};
use lookbook::render;
use lookbook::saves::{self, watch};
use lookbook::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What reaches the stand-in for the terminal's loop.
enum Input {
    /// A key, sent at this instant.
    Key(Instant),
    Reload(Reload),
    Stop,
}

/// What one run of saves measured.
#[derive(Default)]
struct Measured {
    /// Each save's time to the first frame that shows it.
    saves: Vec<Duration>,
    /// Key-to-frame for keys sent while a save was on its way to the
    /// screen (from the save to its frame).
    keys_reloading: Vec<Duration>,
    /// Key-to-frame for the other keys.
    keys_quiet: Vec<Duration>,
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let (big_bags, saves, big_saves, many) = if quick {
        (2_000, 3, 2, 100)
    } else {
        (100_000, 20, 8, 1_000)
    };
    let dir = std::env::temp_dir().join(format!("lookbook-bench-reload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");

    let small = dir.join("edit.toml");
    let bundled_text = include_str!("../lookbook.toml");
    std::fs::write(&small, bundled_text).expect("written");
    // First, before the big file's allocations can blur the count.
    let (after_few, after_many) = memory(&small, many);
    let small_run = saving(&small, bundled_text, "price = 195", saves, false);

    let big = dir.join("big.toml");
    let big_text = support::big_lookbook(big_bags);
    std::fs::write(&big, &big_text).expect("written");
    let first_price = first_price_line(&big_text);
    let big_run = saving(&big, &big_text, &first_price, big_saves, true);
    let _ = std::fs::remove_dir_all(&dir);

    println!("| what | median | p99 | n |");
    println!("|---|---|---|---|");
    let row = |what: &str, mut times: Vec<Duration>| {
        let n = times.len();
        println!(
            "| {what} | {} | {} | {n} |",
            ms(percentile(&mut times, 50)),
            ms(percentile(&mut times, 99))
        );
    };
    row("save to frame, bundled edit", small_run.saves);
    row(&format!("save to frame, {big_bags} bags"), big_run.saves);
    row(
        &format!("key to frame, no reload ({big_bags} bags)"),
        big_run.keys_quiet,
    );
    row(
        &format!("key to frame, while {big_bags} bags reload"),
        big_run.keys_reloading,
    );
    println!(
        "RSS after {many} reloads: {after_many} KiB, after 10: {after_few} KiB ({:.3}x)",
        after_many as f64 / after_few.max(1) as f64
    );
}

/// The first `price = N` line of a generated file, to change on each save.
fn first_price_line(text: &str) -> String {
    text.lines()
        .find(|line| line.starts_with("price = "))
        .expect("a price")
        .to_string()
}

/// Saves `file` `times` times (each a new price for the first bag, on the
/// line `needle`), renaming over it, and measures each save's time to its
/// frame; with `keys`, a key every 10 ms throughout.
fn saving(file: &Path, text: &str, needle: &str, times: usize, keys: bool) -> Measured {
    let lookbook = load_path(file).expect("a good file");
    let (inputs, inbox) = channel();
    let (frames, shown) = channel();
    let watcher_inputs = inputs.clone();
    let _watch = watch(file, move |reload| {
        let _ = watcher_inputs.send(Input::Reload(reload));
    })
    .expect("watching");
    let ui = thread::spawn(move || ui_loop(App::new(Arc::new(lookbook)), &inbox, &frames));
    let stop = Arc::new(AtomicBool::new(false));
    let typist = keys.then(|| {
        let inputs = inputs.clone();
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) && inputs.send(Input::Key(Instant::now())).is_ok() {
                thread::sleep(Duration::from_millis(10));
            }
        })
    });
    // Let the watcher settle and the keys reach a steady rhythm.
    thread::sleep(Duration::from_millis(500));
    let mut windows = Vec::new();
    for i in 0..times {
        let price = 1000 + i as u64;
        let new = text.replacen(needle, &format!("price = {price}"), 1);
        let temp = file.with_extension("toml.swp");
        std::fs::write(&temp, new).expect("written");
        let saved = Instant::now();
        std::fs::rename(&temp, file).expect("renamed");
        let drawn = loop {
            let (shows, at) = shown
                .recv_timeout(Duration::from_secs(60))
                .expect("a save reaches the screen");
            if shows == price * 100 {
                break at;
            }
        };
        windows.push((saved, drawn));
        thread::sleep(Duration::from_millis(300));
    }
    stop.store(true, Ordering::SeqCst);
    if let Some(typist) = typist {
        let _ = typist.join();
    }
    let _ = inputs.send(Input::Stop);
    let keys = ui.join().expect("the loop ends");
    let during = |sent: Instant| {
        windows
            .iter()
            .any(|(from, to)| (*from..=*to).contains(&sent))
    };
    let (reloading, quiet): (Vec<_>, Vec<_>) =
        keys.into_iter().partition(|(sent, _)| during(*sent));
    Measured {
        saves: windows
            .iter()
            .map(|(from, to)| to.duration_since(*from))
            .collect(),
        keys_reloading: reloading.into_iter().map(|(_, took)| took).collect(),
        keys_quiet: quiet.into_iter().map(|(_, took)| took).collect(),
    }
}

/// The terminal's loop without a terminal: each input handled, then a
/// frame drawn (at 120x40), as `term::run` does. Each reload's frame is
/// reported (the first bag's price, when) on `frames`; returns each key's
/// send time and time to its frame.
fn ui_loop(
    mut app: App,
    inbox: &Receiver<Input>,
    frames: &Sender<(u64, Instant)>,
) -> Vec<(Instant, Duration)> {
    let theme = Theme::ansi();
    let mut keys = Vec::new();
    let mut down = true;
    render::frame(&mut app, &theme, 120, 40);
    while let Ok(input) = inbox.recv() {
        match input {
            Input::Stop => break,
            Input::Reload(reload) => {
                // As the terminal does: the old edit is freed elsewhere.
                if let Some(old) = app.reload(reload, Instant::now()) {
                    thread::spawn(move || drop(old));
                }
                render::frame(&mut app, &theme, 120, 40);
                let price = app.lookbook().bags[0].price.minor;
                let _ = frames.send((price, Instant::now()));
            }
            Input::Key(sent) => {
                let code = if down { 'j' } else { 'k' };
                down = !down;
                app.handle_key(KeyEvent::new(KeyCode::Char(code), KeyModifiers::NONE));
                render::frame(&mut app, &theme, 120, 40);
                keys.push((sent, sent.elapsed()));
            }
        }
    }
    keys
}

/// RSS (KiB) after 10 reloads of `file`, and after `many`.
fn memory(file: &Path, many: usize) -> (u64, u64) {
    let theme = Theme::ansi();
    let mut app = App::new(Arc::new(bundled()));
    let reload = |app: &mut App| {
        drop(app.reload(saves::load(file), Instant::now()));
        render::frame(app, &theme, 120, 40);
    };
    for _ in 0..10 {
        reload(&mut app);
    }
    let few = rss_kib();
    for _ in 10..many {
        reload(&mut app);
    }
    (few, rss_kib())
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The `pct`th percentile (nearest rank below).
fn percentile(times: &mut [Duration], pct: usize) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    times.sort();
    times[(times.len() - 1) * pct / 100]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
