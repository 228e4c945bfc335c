//! `lookbook render` and `lookbook screenshots`: the headless transport's
//! command-line edge. Usage errors (sizes, key names) are clap's, exit 2;
//! a bad lookbook or a failed write is exit 1.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use crate::app::App;
use crate::lookbook::{self as book};
use crate::ui::theme::Theme;

use super::{Format, Palette, Size, after_keys, encode, screenshots};

/// What `lookbook render` was asked for.
pub struct Request<'a> {
    pub path: Option<&'a Path>,
    pub size: Size,
    pub keys: &'a [KeyEvent],
    pub format: Option<Format>,
    pub out: Option<&'a Path>,
    /// The value of `NO_COLOR`, which picks the monochrome theme.
    pub no_color: Option<&'a str>,
}

pub fn render(request: &Request) -> ExitCode {
    let lookbook = match request.path {
        Some(path) => book::load_path(path),
        None => Ok(book::bundled()),
    };
    let lookbook = match lookbook {
        Ok(lookbook) => lookbook,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let format = request
        .format
        .or_else(|| request.out.and_then(Format::from_path))
        .unwrap_or(Format::Text);
    if format == Format::Png && request.out.is_none() && io::stdout().is_terminal() {
        eprintln!("error: a PNG would garble the terminal; write it with --out FILE.png");
        return ExitCode::from(2);
    }
    let mut app = App::new(Arc::new(lookbook), Theme::for_no_color(request.no_color));
    let buffer = after_keys(&mut app, request.keys, request.size);
    let written = encode(&buffer, format, &Palette::LOOKBOOK).and_then(|bytes| match request.out {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| format!("cannot write to stdout: {e}")),
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn screenshots(out: &Path) -> ExitCode {
    match screenshots::write_all(out) {
        Ok(files) => {
            for file in &files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
