//! Does a photo being decoded slow everyone else down? `lookbook serve`
//! (the real binary, in a child process) with a hall of in-process russh
//! visitors pressing `j`/`k` once a second at 120x40, in two scenarios, in
//! one run, each on a fresh server:
//!
//! - (a) no photos: the edit served with `--images off` (its drawings);
//! - (b) photos: the same edit with `--images halfblocks`, the visitors'
//!   two bags' photos made ready before the window (so their frames draw
//!   photos), and one more session, the opener, moving onto a bag whose
//!   photo nobody has opened yet, once a second, one fresh photo after
//!   another: each a 4000x3000 JPEG decoded and scaled on the server while
//!   the others press keys.
//!
//! Reported for the others (not the opener): key-to-frame p50 and p99
//! (from sending a key to the first bytes of its frame) in each scenario,
//! (b) against (a), and whether p99 in (b) is under 5 ms, the goal of
//! issue 26; also (b)'s keys sent while a photo was being made ready, on
//! their own, and how long the opener waited for each photo.
//!
//! Run with `cargo bench --bench crowd_photo` (100 visitors for 20 s, 20
//! fresh photos; a minute or so, most of it making the JPEGs). `cargo test
//! --bench crowd_photo` (what `scripts/bench-smoke` runs) does 10 visitors
//! for 2 s and one 1000x750 photo, to keep it compiling and running.
//!
//! The clients share the 2 cores with the server, so latencies include
//! their own work (decrypting each frame) too: an upper bound.

#[path = "support/crowd.rs"]
mod hall;

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hall::{CONNECTING, Key, Login, Server, Visitor, count, ms, percentile, visitor};
use tokio::sync::Semaphore;
use tokio::time::{MissedTickBehavior, timeout};

/// The visitors' terminal: wide enough for the detail pane's picture.
const WIDTH: u32 = 120;
const HEIGHT: u32 = 40;

/// What most terminals call themselves: 256 colours, so photos and
/// drawings come down to the 256.
const TERM: &str = "xterm-256color";

/// The first bag's name: in every first frame.
const FIRST: &[u8] = b"One bag";

/// A half-block photo is a field of upper half blocks, some 250 of them
/// where a picture's frame changes; the drawing a frame shows until the
/// photo is ready has a handful. Frames with this many draw a photo.
const PHOTO_MARK: &str = "▀";
const PHOTO_CELLS: usize = 100;

/// How long the opener waits for a photo before giving up on it.
const PHOTO_WAIT: Duration = Duration::from_secs(60);

/// The goal for (b)'s p99 (issue 26).
const GOAL: Duration = Duration::from_millis(5);

/// What a run does.
struct Plan {
    /// Visitors pressing keys (the opener comes on top in (b)).
    others: usize,
    pressing: Duration,
    /// Fresh photos the opener moves onto, one after another.
    fresh: usize,
    fresh_size: (u32, u32),
    /// The visitors' two bags' photos.
    browsed_size: (u32, u32),
}

/// One scenario, measured.
struct Run {
    /// Sessions whose first frame arrived, of those that tried.
    drawn: usize,
    tried: usize,
    keys: Vec<Key>,
    lost: usize,
    stale: usize,
    bytes: usize,
    /// The opener's visits to fresh photos (none in (a)).
    openings: Vec<Opening>,
    /// The visitors' own two photos, made ready before the window.
    warm: Vec<Option<Duration>>,
    /// The server's CPU time over the window, and its RSS and threads
    /// after it.
    server_cpu: Duration,
    rss_kib: u64,
    threads: u64,
    /// The server's threads over the window, on a CPU and waiting for one.
    sched: Threads,
}

/// A thread's time on a CPU, waiting on a run queue for one, and its turns
/// on one (wake-ups, mostly), from /proc's schedstat.
#[derive(Clone, Copy, Default)]
struct Sched {
    ran: Duration,
    waited: Duration,
    turns: u64,
}

/// What the server's threads did in the window: those it started with
/// (its main thread and the runtime's workers), and those started since
/// (the blocking pool, where photos are decoded and scaled).
#[derive(Default)]
struct Threads {
    runtime: Sched,
    runtime_threads: usize,
    pool: Sched,
    pool_threads: usize,
}

/// The opener moving onto a fresh photo: when its key went, and how long
/// until the photo was drawn (`None`: never, within `PHOTO_WAIT`).
struct Opening {
    sent: Instant,
    drawn: Option<Duration>,
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let plan = if quick {
        Plan {
            others: 10,
            pressing: Duration::from_secs(2),
            fresh: 1,
            fresh_size: (1000, 750),
            browsed_size: (400, 300),
        }
    } else {
        Plan {
            others: 100,
            pressing: Duration::from_secs(20),
            fresh: 20,
            fresh_size: (4000, 3000),
            browsed_size: (800, 600),
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let dir = std::env::temp_dir().join(format!("lookbook-crowd-photo-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("images")).expect("a temp dir");
    let made = Instant::now();
    let (edit, jpeg_bytes) = write_edit(&dir, &plan);
    eprintln!(
        "crowd_photo: fresh {}x{} JPEGs: {} made in {:.1} s",
        plan.fresh_size.0,
        plan.fresh_size.1,
        plan.fresh,
        made.elapsed().as_secs_f64()
    );
    let load_before = load_average();
    let plain = runtime.block_on(scenario(&plan, &dir, &edit, false));
    let photos = runtime.block_on(scenario(&plan, &dir, &edit, true));
    let load_after = load_average();
    let _ = std::fs::remove_dir_all(&dir);
    report(
        &plan,
        &plain,
        &photos,
        jpeg_bytes,
        (&load_before, &load_after),
    );
    let failed = [&plain, &photos]
        .iter()
        .any(|run| run.drawn < run.tried || run.lost > 0)
        || photos.openings.iter().any(|o| o.drawn.is_none())
        || photos.warm.iter().any(Option::is_none);
    if failed {
        eprintln!("crowd_photo: some sessions were not drawn, lost frames or never got a photo");
        std::process::exit(1);
    }
}

/// A photo-like picture: a soft ground behind a round "bag", with grain,
/// as a camera's photo has (so its JPEG is as big, and as slow to decode,
/// as a real one); `seed` makes each one its own.
fn photo(width: u32, height: u32, seed: u64) -> image::RgbImage {
    let (w, h) = (u64::from(width.max(1)), u64::from(height.max(1)));
    let channel = |v: u64, grain: u64| u8::try_from((v + grain).saturating_sub(16).min(255));
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    image::RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let grain = state % 33;
        let (fx, fy) = (u64::from(x) * 1000 / w, u64::from(y) * 1000 / h);
        let dx = fx.abs_diff(500);
        let dy = fy.abs_diff(550) * h / w;
        let rgb = if dx * dx + dy * dy < 40_000 {
            [250 - 40 * fy / 1000, 120 + 60 * fx / 1000, 170 + seed % 60]
        } else {
            [235 - 30 * fy / 1000, 225 - 20 * fx / 1000, 180 + seed % 60]
        };
        image::Rgb(rgb.map(|v| channel(v, grain).unwrap_or(u8::MAX)))
    })
}

/// `tests/fixtures/valid.toml` with a photo on each of its two bags (the
/// visitors browse those) and `plan.fresh` more bags after them, each with
/// its own fresh photo (the opener's). Returns the edit's path and the
/// fresh JPEGs' mean size in bytes.
fn write_edit(dir: &Path, plan: &Plan) -> (PathBuf, u64) {
    let (bw, bh) = plan.browsed_size;
    for (seed, name) in [(1, "one"), (2, "two")] {
        photo(bw, bh, seed)
            .save(dir.join(format!("images/{name}.jpg")))
            .expect("a JPEG");
    }
    let (fw, fh) = plan.fresh_size;
    let mut fresh_bags = String::new();
    let mut bytes = 0;
    for n in 1..=plan.fresh {
        let file = dir.join(format!("images/fresh-{n}.jpg"));
        photo(fw, fh, 10 + n as u64).save(&file).expect("a JPEG");
        bytes += std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        fresh_bags.push_str(&format!(
            "[[bag]]\nid = \"fresh-{n}\"\nname = \"Fresh bag {n}\"\nbrand = \"Brand\"\n\
             retailer = \"Shop\"\nprice = 100\nimage = \"images/fresh-{n}.jpg\"\n\n"
        ));
    }
    let valid = include_str!("../tests/fixtures/valid.toml");
    let text = valid
        .replacen(
            "price = 195\n",
            "price = 195\nimage = \"images/one.jpg\"\n",
            1,
        )
        .replacen(
            "price = 49.99\n",
            "price = 49.99\nimage = \"images/two.jpg\"\n",
            1,
        )
        .replacen("[[look]]", &format!("{fresh_bags}[[look]]"), 1);
    let edit = dir.join("edit.toml");
    std::fs::write(&edit, text).expect("the edit");
    (edit, bytes / plan.fresh.max(1) as u64)
}

/// One scenario on a fresh server: (a) without photos, or (b) with them
/// and the opener.
async fn scenario(plan: &Plan, dir: &Path, edit: &Path, photos: bool) -> Run {
    let images = if photos { "halfblocks" } else { "off" };
    let args: Vec<OsString> = vec![
        edit.into(),
        "--no-watch".into(),
        "--images".into(),
        images.into(),
    ];
    let mut server = Server::serving(plan.others + 1, dir, &args);
    let startup: HashSet<u32> = sched_times(server.pid()).into_keys().collect();
    let gate = Arc::new(Semaphore::new(CONNECTING));
    let login = |user: String| Login {
        user,
        term: TERM,
        width: WIDTH,
        height: HEIGHT,
        first: FIRST,
    };
    // The opener logs in first and makes the visitors' two photos ready
    // (the first bag's, then the second's), so the visitors' first frames
    // and keys find them made; it stays on the second bag, above the
    // fresh ones.
    let mut opener = None;
    let mut warm = Vec::new();
    if photos {
        let mut first = visitor(server.addr, Arc::clone(&gate), login("opener".into()))
            .await
            .expect("the opener logs in");
        warm.push(
            timeout(PHOTO_WAIT, photo_drawn(&mut first))
                .await
                .ok()
                .flatten(),
        );
        warm.push(open_next(&mut first).await.1);
        opener = Some(first);
    }
    let tasks: Vec<_> = (0..plan.others)
        .map(|i| {
            let login = login(format!("visitor{i}"));
            tokio::spawn(visitor(server.addr, Arc::clone(&gate), login))
        })
        .collect();
    let mut connected = Vec::new();
    for task in tasks {
        connected.extend(task.await.expect("a visitor task"));
    }
    let drawn = connected.len();
    // Let every first frame's bytes arrive before the window opens.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let cpu_before = cpu_time(server.pid());
    let sched_before = sched_times(server.pid());
    let go = tokio::time::Instant::now();
    let presses: Vec<_> = connected
        .into_iter()
        .enumerate()
        .map(|(i, v)| tokio::spawn(v.press(i, plan.others, plan.pressing, go)))
        .collect();
    let opening =
        opener.map(|opener| tokio::spawn(open_fresh(opener, plan.fresh, plan.pressing, go)));
    let mut run = Run {
        drawn: drawn + usize::from(photos),
        tried: plan.others + usize::from(photos),
        keys: Vec::new(),
        lost: 0,
        stale: 0,
        bytes: 0,
        openings: Vec::new(),
        warm,
        server_cpu: Duration::ZERO,
        rss_kib: 0,
        threads: 0,
        sched: Threads::default(),
    };
    for press in presses {
        let pressed = press.await.expect("a pressing task");
        run.keys.extend(pressed.keys);
        run.lost += pressed.lost;
        run.stale += pressed.stale;
        run.bytes += pressed.bytes;
    }
    if let Some(opening) = opening {
        run.openings = opening.await.expect("the opener's task");
    }
    run.server_cpu = cpu_time(server.pid()).saturating_sub(cpu_before);
    run.sched = threads_since(&startup, &sched_before, &sched_times(server.pid()));
    run.rss_kib = server.rss_kib();
    run.threads = threads(server.pid());
    server.stop();
    run
}

/// The opener's window: `fresh` fresh photos spread over `pressing`, one
/// after another (the next when its time comes and the last was drawn).
async fn open_fresh(
    mut opener: Visitor,
    fresh: usize,
    pressing: Duration,
    go: tokio::time::Instant,
) -> Vec<Opening> {
    let every = pressing.div_f64(fresh.max(1) as f64);
    let mut ticks = tokio::time::interval_at(go + every / 2, every);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut openings = Vec::new();
    for _ in 0..fresh {
        ticks.tick().await;
        let (sent, drawn) = open_next(&mut opener).await;
        openings.push(Opening { sent, drawn });
    }
    opener.leave().await;
    openings
}

/// Moves the opener onto the next bag, and waits for its photo.
async fn open_next(opener: &mut Visitor) -> (Instant, Option<Duration>) {
    opener.drain().await;
    let sent = Instant::now();
    if opener.channel.data(&b"j"[..]).await.is_err() {
        return (sent, None);
    }
    let drawn = timeout(PHOTO_WAIT, photo_drawn(opener))
        .await
        .ok()
        .flatten();
    (sent, drawn.map(|_| sent.elapsed()))
}

/// Reads frames until one draws a photo; how long that took.
async fn photo_drawn(visitor: &mut Visitor) -> Option<Duration> {
    let began = Instant::now();
    let mut seen = Vec::new();
    while count(&seen, PHOTO_MARK.as_bytes()) < PHOTO_CELLS {
        seen.extend(visitor.next_data().await?);
    }
    Some(began.elapsed())
}

/// A process's user and system CPU time so far, from /proc (zero where
/// there is none); in clock ticks of 1/100 s, as Linux reports them.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command's name (which may hold spaces), from
    // the third: utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|field| field.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Each thread of a process, by id, and its scheduler times so far (a
/// thread that ended is missing).
fn sched_times(pid: u32) -> HashMap<u32, Sched> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return HashMap::new();
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| {
            let tid: u32 = task.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
            let mut fields = stat.split_whitespace().map(|f| f.parse::<u64>().ok());
            let (ran, waited, turns) = (fields.next()??, fields.next()??, fields.next()??);
            Some((
                tid,
                Sched {
                    ran: Duration::from_nanos(ran),
                    waited: Duration::from_nanos(waited),
                    turns,
                },
            ))
        })
        .collect()
}

/// What each group of threads did between `before` and `after`.
fn threads_since(
    startup: &HashSet<u32>,
    before: &HashMap<u32, Sched>,
    after: &HashMap<u32, Sched>,
) -> Threads {
    let mut threads = Threads::default();
    for (tid, now) in after {
        let then = before.get(tid).copied().unwrap_or_default();
        let (group, count) = if startup.contains(tid) {
            (&mut threads.runtime, &mut threads.runtime_threads)
        } else {
            (&mut threads.pool, &mut threads.pool_threads)
        };
        group.ran += now.ran.saturating_sub(then.ran);
        group.waited += now.waited.saturating_sub(then.waited);
        group.turns += now.turns.saturating_sub(then.turns);
        *count += 1;
    }
    threads
}

/// A process's threads (the runtime's workers and its blocking pool).
fn threads(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| {
            let fields: Vec<&str> = text.split_whitespace().take(3).collect();
            (fields.len() == 3).then(|| fields.join(" "))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// Key-to-frame p50, p99 and the slowest of `keys`.
fn spread(keys: &[Key]) -> (Duration, Duration, Duration) {
    let mut took: Vec<Duration> = keys.iter().map(|key| key.took).collect();
    let p50 = percentile(&mut took, 50);
    let p99 = percentile(&mut took, 99);
    (p50, p99, took.last().copied().unwrap_or_default())
}

/// Whether `key` was sent while one of `openings` waited for its photo.
fn while_opening(key: &Key, openings: &[Opening]) -> bool {
    openings.iter().any(|o| {
        let until = o.sent + o.drawn.unwrap_or(PHOTO_WAIT);
        key.sent >= o.sent && key.sent < until
    })
}

/// A line of the table: `keys` of `run` (all of them, or some).
fn row(name: &str, sessions: &str, keys: &[Key], run: Option<&Run>) {
    if keys.is_empty() {
        println!("| {name} | {sessions} | 0 | – | – | – | | |");
        return;
    }
    let (p50, p99, slowest) = spread(keys);
    let (lost, per_key, cpu) = match run {
        Some(run) => (
            format!(" ({})", run.lost),
            format!("{}", run.bytes / run.keys.len().max(1)),
            format!("{:.2} s", run.server_cpu.as_secs_f64()),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    println!(
        "| {name} | {sessions} | {}{lost} | {} | {} | {} | {per_key} | {cpu} |",
        keys.len(),
        ms(p50),
        ms(p99),
        ms(slowest),
    );
}

fn report(plan: &Plan, plain: &Run, photos: &Run, jpeg_bytes: u64, load: (&str, &str)) {
    println!(
        "crowd_photo: {} visitors pressing j/k once a second for {} s at {WIDTH}x{HEIGHT}, each \
         scenario on a fresh server. The clients share the machine's 2 cores with the server, so \
         latencies include their own work (decrypting each frame): an upper bound. Load average \
         before / after: {} / {}.",
        plan.others,
        plan.pressing.as_secs(),
        load.0,
        load.1,
    );
    println!();
    println!(
        "| scenario | sessions | keys (lost) | key→frame p50 | key→frame p99 | slowest | bytes per key | server CPU in the window |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let during: Vec<Key> = photos
        .keys
        .iter()
        .filter(|key| while_opening(key, &photos.openings))
        .copied()
        .collect();
    let sessions = |run: &Run| format!("{} of {} drawn", run.drawn, run.tried);
    row(
        "(a) no photos (`--images off`)",
        &sessions(plain),
        &plain.keys,
        Some(plain),
    );
    row(
        "(b) photos (`--images halfblocks`), opener on fresh JPEGs",
        &format!("{} + opener, {}", plan.others, sessions(photos)),
        &photos.keys,
        Some(photos),
    );
    row(
        "(b), only keys sent while a photo was being made ready",
        "",
        &during,
        None,
    );
    println!();
    let (a50, a99, _) = spread(&plain.keys);
    let (b50, b99, _) = spread(&photos.keys);
    let ratio = |b: Duration, a: Duration| {
        if a.is_zero() {
            0.0
        } else {
            b.as_secs_f64() / a.as_secs_f64()
        }
    };
    println!(
        "(b)/(a): key→frame p50 {:.2}x, p99 {:.2}x",
        ratio(b50, a50),
        ratio(b99, a99)
    );
    let verdict = |p99: Duration| if p99 < GOAL { "yes" } else { "NO" };
    let (_, d99, _) = spread(&during);
    let while_made = if during.is_empty() {
        "none was sent then".to_string()
    } else {
        format!("{} ({})", verdict(d99), ms(d99))
    };
    println!(
        "p99 in (b) under {}: {} ({}); keys sent while a photo was being made ready: {while_made}",
        ms(GOAL),
        verdict(b99),
        ms(b99),
    );
    let mut waits: Vec<Duration> = photos.openings.iter().filter_map(|o| o.drawn).collect();
    let busy: Duration = waits.iter().sum();
    let (w50, wmax) = (
        percentile(&mut waits, 50),
        waits.last().copied().unwrap_or_default(),
    );
    println!(
        "opener: fresh {}x{} JPEGs ({} KiB each on average), {} of {} drawn; its key to the \
         photo drawn p50 {}, slowest {}; a photo was being made ready {:.0}% of the window",
        plan.fresh_size.0,
        plan.fresh_size.1,
        jpeg_bytes / 1024,
        photos.openings.iter().filter(|o| o.drawn.is_some()).count(),
        plan.fresh,
        ms(w50),
        ms(wmax),
        100.0 * busy.as_secs_f64() / plan.pressing.as_secs_f64(),
    );
    let warm: Vec<String> = photos
        .warm
        .iter()
        .map(|w| w.map_or_else(|| "never".into(), ms))
        .collect();
    println!(
        "the visitors' two {}x{} photos, made ready before the window: {}; frames not caused by \
         a key (read before the next key): (a) {}, (b) {}",
        plan.browsed_size.0,
        plan.browsed_size.1,
        warm.join(", "),
        plain.stale,
        photos.stale,
    );
    for (name, run) in [("(a)", plain), ("(b)", photos)] {
        let t = &run.sched;
        let per_turn = |s: &Sched| {
            let turns = u32::try_from(s.turns.max(1)).unwrap_or(u32::MAX);
            ms(s.waited / turns)
        };
        println!(
            "server threads in the window, {name}: the {} it started with (main, runtime \
             workers) ran {:.2} s and waited {:.2} s for a CPU ({} a turn); the blocking pool's {} \
             ran {:.2} s and waited {:.2} s ({} a turn)",
            t.runtime_threads,
            t.runtime.ran.as_secs_f64(),
            t.runtime.waited.as_secs_f64(),
            per_turn(&t.runtime),
            t.pool_threads,
            t.pool.ran.as_secs_f64(),
            t.pool.waited.as_secs_f64(),
            per_turn(&t.pool),
        );
    }
    println!(
        "server after the window: (a) {} MiB RSS, {} threads; (b) {} MiB RSS, {} threads",
        plain.rss_kib / 1024,
        plain.threads,
        photos.rss_kib / 1024,
        photos.threads,
    );
}
