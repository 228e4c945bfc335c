//! Writes the benchmarks' generated lookbook to a file, for
//! `scripts/bench-load` and `scripts/bench-filter`:
//! `cargo run --release --example gen_big -- PATH [BAGS]` (BAGS defaults to
//! 100000). The text is `benches/support/mod.rs`'s, so the scripts and the
//! in-process benches measure the same file.

#[path = "../support/mod.rs"]
mod support;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: gen_big PATH [BAGS]");
        return ExitCode::FAILURE;
    };
    let bags = match args.next().map(|n| n.parse::<usize>()) {
        None => 100_000,
        Some(Ok(n)) => n,
        Some(Err(error)) => {
            eprintln!("error: BAGS: {error}");
            return ExitCode::FAILURE;
        }
    };
    let text = support::big_lookbook(bags);
    if let Err(error) = std::fs::write(&path, &text) {
        eprintln!("error: {path}: {error}");
        return ExitCode::FAILURE;
    }
    println!("{path}: {bags} bags, {} bytes", text.len());
    ExitCode::SUCCESS
}
