//! The floor `lookbook check` is measured against in `scripts/bench-load`:
//! read the file to a String and parse it to a bare `toml::Table`, with no
//! validation and no model. Prints the number of top-level keys.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: toml_floor PATH");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match text.parse::<toml::Table>() {
        Ok(table) => {
            println!("{path}: {} top-level keys", table.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {path}: {error}");
            ExitCode::FAILURE
        }
    }
}
