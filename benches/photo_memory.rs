//! Can photos grow the server? `lookbook serve` (the real binary, in a
//! child process) on an edit of twenty 8192x8192 photos (PNG, JPEG and
//! lossless WebP, each a flat picture: a few hundred KB on disk, 192 MB
//! decoded), issue 31's probe. In one run, each on a fresh server:
//!
//! - (a) the default cache (64 MiB) and (b) a small one (`--photo-cache
//!   16KiB`, four half-block photos: the cache is full and lets photos
//!   go): one visitor at 120x40 pages through every photo, waiting for
//!   each to be drawn, and leaves. Before it, a first visitor has seen a
//!   photo of each format and left: what the first photos cost once for
//!   good (the session machinery; glibc's malloc keeping freed memory in
//!   its arenas once its thresholds rose) is reported apart. Reported: the
//!   server's RSS at the start and after that first visitor, its peak
//!   while the second paged (VmHWM, reset first), and its RSS once it
//!   left; the cache's bytes (from the metrics endpoint). The goals: the
//!   peak within the bound plus one decode (the most decoding one of these
//!   photos takes, measured in this process: a lossless WebP's decoder
//!   holds RGBA and RGB at once, 448 MiB), and what stays after the
//!   visitor left within the bound of where it started; both with 32 MiB
//!   of slack for what glibc's malloc keeps of freed memory (see
//!   `SLACK_KIB`).
//! - (c) memory a session: 20 visitors each on a bag with a photo, and
//!   (d) 20 on the same edit with `--images off` (the drawings): the
//!   server's RSS with them, less before them, a visitor.
//!
//! Run with `cargo bench --bench photo_memory` (a few minutes, most of it
//! decoding: every photo is decoded whole once when the edit loads, to
//! check it, and again when first drawn). `cargo test --bench
//! photo_memory` (what `scripts/bench-smoke` runs) does three 1024x1024
//! photos and 4 visitors, to keep it compiling and running.

#[path = "support/crowd.rs"]
mod hall;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hall::{CONNECTING, Login, Server, Visitor, count, visitor};
use tokio::sync::Semaphore;
use tokio::time::timeout;

const WIDTH: u32 = 120;
const HEIGHT: u32 = 40;
const TERM: &str = "xterm-256color";
/// The first bag's name: in every first frame.
const FIRST: &[u8] = b"Bag 1";

/// A frame with this many half blocks draws a photo (the drawing shown
/// until it is ready has a handful).
const PHOTO_MARKS: [&str; 2] = ["▀", "▄"];
const PHOTO_CELLS: usize = 100;
const PHOTO_WAIT: Duration = Duration::from_secs(120);

struct Plan {
    photos: usize,
    side: u32,
    visitors: usize,
    small_cache: &'static str,
    small_cache_bytes: u64,
}

/// What one paging run measured, in KiB.
struct Paged {
    cache: &'static str,
    bound_kib: u64,
    /// Before any visitor, and once one had seen a photo of each format.
    start: u64,
    before: u64,
    peak: u64,
    after: u64,
    cache_bytes: u64,
    cache_photos: u64,
    drawn: usize,
    took: Duration,
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let plan = if quick {
        Plan {
            photos: 3,
            side: 1024,
            visitors: 4,
            small_cache: "8KiB",
            small_cache_bytes: 8 << 10,
        }
    } else {
        Plan {
            photos: 20,
            side: 8192,
            visitors: 20,
            small_cache: "16KiB",
            small_cache_bytes: 16 << 10,
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let dir = std::env::temp_dir().join(format!("lookbook-photo-memory-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("images")).expect("a temp dir");
    let made = Instant::now();
    let (edit, disk) = write_edit(&dir, &plan);
    eprintln!(
        "photo_memory: {} photos of {s}x{s} ({} KB on disk in all) made in {:.1} s",
        plan.photos,
        disk / 1000,
        made.elapsed().as_secs_f64(),
        s = plan.side,
    );
    let default = runtime.block_on(page(&plan, &dir, &edit, "64MiB", 64 << 20));
    let small = runtime.block_on(page(
        &plan,
        &dir,
        &edit,
        plan.small_cache,
        plan.small_cache_bytes,
    ));
    let with_photos = runtime.block_on(per_session(&plan, &dir, &edit, "halfblocks"));
    let drawings = runtime.block_on(per_session(&plan, &dir, &edit, "off"));
    let dir_photos: Vec<PathBuf> = ["1.png", "2.jpg", "3.webp"]
        .iter()
        .map(|name| dir.join("images").join(name))
        .collect();
    let decode_kib = one_decode_kib(&dir_photos);
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "photo_memory: {} photos of {s}x{s}; one decode (the most any of PNG, JPEG and WebP took, \
         decoded whole here with the image crate) is {} MiB",
        plan.photos,
        decode_kib / 1024,
        s = plan.side
    );
    let mut missed = false;
    for run in [&default, &small] {
        missed |= report(run, decode_kib);
    }
    println!(
        "(c) {} visitors on photos: {} KiB a session; (d) on the drawings (--images off): {} KiB a session",
        plan.visitors, with_photos, drawings
    );
    // The quick run is too small to measure (its bound is a few photos):
    // only a photo never drawn fails it.
    let undrawn = [&default, &small].iter().any(|run| run.drawn < plan.photos);
    if undrawn || (missed && !quick) {
        eprintln!("photo_memory: a photo was never drawn, or a goal was missed");
        std::process::exit(1);
    }
}

/// What is not photos in a reading of RSS: glibc's malloc keeps freed
/// memory in its arenas once its mmap threshold rose (to at most 32 MiB),
/// and RSS counts whole pages. Measured, it comes and goes by some 15 MiB
/// between readings and never grows with photos or visitors.
const SLACK_KIB: u64 = 32 * 1024;

/// Prints one paging run; whether it missed a goal.
fn report(run: &Paged, decode_kib: u64) -> bool {
    let grew_peak = run.peak.saturating_sub(run.before);
    let stayed = run.after.saturating_sub(run.before);
    let peak_ok = grew_peak <= run.bound_kib + decode_kib + SLACK_KIB;
    let after_ok = stayed <= run.bound_kib + SLACK_KIB;
    let cache_ok = run.cache_bytes <= run.bound_kib * 1024;
    println!(
        "({}) --photo-cache {}: {} photos drawn in {:.1} s; RSS at the start {} MiB, once a visitor had seen three photos {} MiB; then peak {} MiB (+{} MiB; goal ≤ the bound + one decode + 32 MiB: {}), \
         after the visitor left {} MiB (+{} KiB; goal ≤ the bound + 32 MiB: {}); cache {} photos, {} KiB (≤ bound: {})",
        if run.cache == "64MiB" { "a" } else { "b" },
        run.cache,
        run.drawn,
        run.took.as_secs_f64(),
        run.start / 1024,
        run.before / 1024,
        run.peak / 1024,
        grew_peak / 1024,
        yes(peak_ok),
        run.after / 1024,
        stayed,
        yes(after_ok),
        run.cache_photos,
        run.cache_bytes / 1024,
        yes(cache_ok),
    );
    !(peak_ok && after_ok && cache_ok)
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "NO" }
}

/// One visitor pages through every photo and leaves, on a fresh server
/// with a cache of `cache`.
async fn page(plan: &Plan, dir: &Path, edit: &Path, cache: &'static str, bound: u64) -> Paged {
    let metrics = free_port();
    let args: Vec<OsString> = vec![
        edit.into(),
        "--no-watch".into(),
        "--images".into(),
        "halfblocks".into(),
        "--photo-cache".into(),
        cache.into(),
        "--metrics".into(),
        metrics.to_string().into(),
    ];
    let mut server = Server::serving(2, dir, &args);
    let pid = server.pid();
    let gate = Arc::new(Semaphore::new(CONNECTING));
    // Where the server starts from: one visitor has been and gone, with
    // a photo of each format (PNG, JPEG, WebP), so what the first photos
    // cost once for good is counted apart: the session machinery (the
    // runtime's threads, the photo thread), and glibc's malloc raising its
    // thresholds after the first big frees (it then keeps some tens of MB
    // of freed memory in its arenas, never more).
    let start = status(pid, "VmRSS");
    if let Some(mut first) = visitor(server.addr, Arc::clone(&gate), login("first".into())).await {
        let _ = timeout(PHOTO_WAIT, photo_drawn(&mut first)).await;
        for _ in 1..plan.photos.min(3) {
            if first.channel.data(&b"j"[..]).await.is_err() {
                break;
            }
            let _ = timeout(PHOTO_WAIT, photo_drawn(&mut first)).await;
        }
        first.leave().await;
    }
    settle().await;
    let before = status(pid, "VmRSS");
    reset_peak(pid);
    let began = Instant::now();
    let mut drawn = 0;
    if let Some(mut visitor) = visitor(server.addr, gate, login("pager".into())).await {
        // The first came with the first frame: the first visitor had it
        // made (and the next two: they come with the frame after the key).
        drawn += 1;
        for _ in 1..plan.photos {
            if visitor.channel.data(&b"j"[..]).await.is_err() {
                break;
            }
            match timeout(PHOTO_WAIT, photo_drawn(&mut visitor)).await {
                Ok(Some(())) => drawn += 1,
                _ => break,
            }
        }
        visitor.leave().await;
    }
    let took = began.elapsed();
    settle().await;
    let peak = status(pid, "VmHWM");
    let after = status(pid, "VmRSS");
    let scrape = scrape(metrics);
    server.stop();
    Paged {
        cache,
        bound_kib: bound / 1024,
        start,
        before,
        peak,
        after,
        cache_bytes: sample(&scrape, "lookbook_photo_cache_bytes"),
        cache_photos: sample(&scrape, "lookbook_photo_cache_photos"),
        drawn,
        took,
    }
}

/// The server's memory a visitor, in KiB: `plan.visitors` on the first
/// bag (its photo drawn, or its drawing with `--images off`).
async fn per_session(plan: &Plan, dir: &Path, edit: &Path, images: &str) -> u64 {
    let args: Vec<OsString> = vec![
        edit.into(),
        "--no-watch".into(),
        "--images".into(),
        images.into(),
    ];
    let mut server = Server::serving(plan.visitors, dir, &args);
    let pid = server.pid();
    // One visitor first, so the photo is made and every later visitor
    // only holds it: the memory measured is the sessions'.
    let gate = Arc::new(Semaphore::new(CONNECTING));
    let mut first = visitor(server.addr, Arc::clone(&gate), login("first".into()))
        .await
        .expect("the first visitor logs in");
    if images != "off" {
        let _ = timeout(PHOTO_WAIT, photo_drawn(&mut first)).await;
    }
    settle().await;
    let before = status(pid, "VmRSS");
    let tasks: Vec<_> = (0..plan.visitors)
        .map(|i| {
            tokio::spawn(visitor(
                server.addr,
                Arc::clone(&gate),
                login(format!("v{i}")),
            ))
        })
        .collect();
    let mut visitors = Vec::new();
    for task in tasks {
        visitors.extend(task.await.expect("a visitor task"));
    }
    settle().await;
    let with = status(pid, "VmRSS");
    let n = visitors.len().max(1) as u64;
    for v in visitors {
        v.leave().await;
    }
    first.leave().await;
    server.stop();
    with.saturating_sub(before) / n
}

fn login(user: String) -> Login {
    Login {
        user,
        term: TERM,
        width: WIDTH,
        height: HEIGHT,
        first: FIRST,
    }
}

/// Reads frames until one draws a photo.
async fn photo_drawn(visitor: &mut Visitor) -> Option<()> {
    let mut seen = Vec::new();
    let blocks = |seen: &[u8]| -> usize {
        PHOTO_MARKS
            .iter()
            .map(|mark| count(seen, mark.as_bytes()))
            .sum()
    };
    while blocks(&seen) < PHOTO_CELLS {
        seen.extend(visitor.next_data().await?);
    }
    Some(())
}

/// Lets the server finish what it was doing (a frame, a photo job, a
/// session's teardown) before its memory is read.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

/// A field of /proc/PID/status, in KiB.
fn status(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    text.lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// What decoding one photo whole takes at its peak, in KiB: the most of
/// `files`, each decoded here (the image crate, as the server's loader and
/// its PNG and WebP jobs do), this process's peak RSS reset before each.
fn one_decode_kib(files: &[PathBuf]) -> u64 {
    let mut most = 0;
    for file in files {
        let before = status(std::process::id(), "VmRSS");
        reset_peak(std::process::id());
        let decoded = image::open(file).expect("a photo decodes");
        drop(decoded);
        let peak = status(std::process::id(), "VmHWM");
        most = most.max(peak.saturating_sub(before));
    }
    most
}

/// Resets the process's peak RSS to its RSS now (Linux 4.0 and later).
fn reset_peak(pid: u32) {
    if std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_err() {
        eprintln!("photo_memory: could not reset the peak: it includes the start");
    }
}

fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

/// The metrics endpoint's text.
fn scrape(addr: SocketAddr) -> String {
    let mut text = String::new();
    if let Ok(mut stream) = TcpStream::connect(addr) {
        let _ = stream.write_all(b"GET /metrics HTTP/1.0\r\n\r\n");
        let _ = stream.read_to_string(&mut text);
    }
    text
}

/// A metric's value in a scrape (0 when missing).
fn sample(scrape: &str, name: &str) -> u64 {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or(0)
}

/// A flat picture (a bag on a ground, each its own colours, shading from
/// top to bottom so half blocks draw it in halves, not spaces): small on disk,
/// 192 MB decoded at 8192x8192.
fn picture(side: u32, seed: u8) -> image::RgbImage {
    let (centre, radius) = (i64::from(side / 2), i64::from(side / 3));
    image::RgbImage::from_fn(side, side, |x, y| {
        let (dx, dy) = (i64::from(x) - centre, i64::from(y) - centre);
        let shade = u8::try_from(u64::from(y) * 200 / u64::from(side)).unwrap_or(u8::MAX);
        if dx * dx + dy * dy < radius * radius {
            image::Rgb([240, shade, seed.wrapping_mul(37)])
        } else {
            image::Rgb([shade, seed.wrapping_mul(53), 180])
        }
    })
}

/// The edit: a bag a photo, PNG, JPEG and lossless WebP in turn. Returns
/// its path and the photos' bytes on disk.
fn write_edit(dir: &Path, plan: &Plan) -> (PathBuf, u64) {
    let mut text = String::from(
        "[lookbook]\ntitle = \"Twenty big photos\"\nsource = \"A benchmark\"\ncurrency = \"USD\"\n\n",
    );
    let mut disk = 0;
    for n in 1..=plan.photos {
        let seed = u8::try_from(n).unwrap_or(u8::MAX);
        let picture = picture(plan.side, seed);
        let name = match n % 3 {
            1 => format!("images/{n}.png"),
            2 => format!("images/{n}.jpg"),
            _ => format!("images/{n}.webp"),
        };
        let file = dir.join(&name);
        if name.ends_with(".webp") {
            let out = std::fs::File::create(&file).expect("a WebP file");
            image::codecs::webp::WebPEncoder::new_lossless(std::io::BufWriter::new(out))
                .encode(
                    picture.as_raw(),
                    plan.side,
                    plan.side,
                    image::ExtendedColorType::Rgb8,
                )
                .expect("a WebP");
        } else {
            picture.save(&file).expect("a photo");
        }
        disk += std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        text.push_str(&format!(
            "[[bag]]\nid = \"bag-{n}\"\nname = \"Bag {n}\"\nbrand = \"Brand\"\n\
             retailer = \"Shop\"\nprice = 100\nimage = \"{name}\"\n\n"
        ));
    }
    let edit = dir.join("edit.toml");
    std::fs::write(&edit, text).expect("the edit");
    (edit, disk)
}
