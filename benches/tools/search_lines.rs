//! The text lookbook's filter searches, one bag a line, for comparing with
//! `fzf --filter` (`scripts/bench-filter`):
//! `cargo run --release --example search_lines -- big.toml > lines.txt`.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: search_lines LOOKBOOK.toml");
        return ExitCode::FAILURE;
    };
    let book = match lookbook::lookbook::load_path(std::path::Path::new(&path)) {
        Ok(book) => book,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let mut wearers = vec![Vec::new(); book.bags.len()];
    for look in &book.looks {
        for &bag in &look.pairs {
            wearers[bag].push(look.wearer.as_str());
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (bag, wearers) in book.bags.iter().zip(&wearers) {
        let shape = bag.shape.map(|s| s.as_str()).unwrap_or("");
        let line = [
            bag.name.as_str(),
            &bag.brand,
            &bag.retailer,
            shape,
            &bag.materials.join(" "),
            &bag.colours.join(" "),
            &wearers.join(" "),
            bag.note.as_deref().unwrap_or(""),
        ]
        .join(" | ");
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
