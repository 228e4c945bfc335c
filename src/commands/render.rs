//! `lookbook render [PATH]`: one frame drawn without a terminal, after
//! typing some keys, as text, ANSI text, SVG or PNG. Usage errors (sizes,
//! key names) are clap's, exit 2; a bad lookbook or a failed write is exit 1.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use ratatui::crossterm::event::KeyEvent;

use super::{Error, load, write_stdout};
use crate::app::App;
use crate::app::keymap::{KeyError, parse_keys};
use crate::render::{Format, Palette, Picture, Size, after_keys, encode, picture_title};
use crate::ui::theme::Theme;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A lookbook TOML file (default: the bundled edit).
    path: Option<PathBuf>,
    /// Terminal size in cells, WIDTHxHEIGHT, from 1x1 to 400x200.
    #[arg(long, default_value = "120x40")]
    size: Size,
    /// Keys to type first, named as the help shows them and separated
    /// by spaces: "j j Tab Enter", "S-Tab", "C-c", "PgDn". A quoted word
    /// types its characters: "'black satin'".
    #[arg(long, default_value = "", value_parser = key_sequence)]
    keys: KeySequence,
    /// Output format (default: from the --out extension, else text).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// A font file for PNG, tried after the bundled DejaVu Sans Mono and
    /// before the system's fonts (repeatable).
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
}

/// Keys typed by `--keys`, already read.
#[derive(Debug, Clone, Default)]
pub struct KeySequence(pub Vec<KeyEvent>);

/// A `--keys` that does not read, and how keys are named; clap prints it
/// after the flag's name.
#[derive(Debug, thiserror::Error)]
#[error(
    "{0}\n  keys are named as the help shows them (j ↓ Tab S-Tab Enter Esc C-c PgDn Home ?), \
     separated by spaces; a quoted word types its characters"
)]
pub struct KeysError(#[source] pub KeyError);

fn key_sequence(text: &str) -> Result<KeySequence, KeysError> {
    parse_keys(text).map(KeySequence).map_err(KeysError)
}

/// Draws the screen after the keys asked for, to its file or to stdout.
pub fn run(args: &RenderArgs) -> Result<ExitCode, Error> {
    let format = Format::for_output(args.format, args.out.as_deref())?;
    let lookbook = load(args.path.as_deref())?;
    if format == Format::Png && args.out.is_none() && io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a PNG would garble the terminal; write it with --out FILE.png".into(),
        ));
    }
    let size = args.size;
    let title = picture_title(&lookbook.title, &format!("{}x{}", size.width, size.height));
    let mut app = App::new(Arc::new(lookbook));
    let theme = Theme::for_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let buffer = after_keys(&mut app, &theme, &args.keys.0, size);
    let picture = Picture {
        palette: &Palette::LOOKBOOK,
        title: &title,
        fonts: &args.fonts,
        photos: app.photo_areas(),
    };
    let bytes = encode(&buffer, format, &picture)?;
    match &args.out {
        Some(path) => std::fs::write(path, bytes).map_err(|source| Error::WriteFile {
            path: path.to_path_buf(),
            source,
        })?,
        None => write_stdout(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
