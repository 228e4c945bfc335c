//! `lookbook render` and `lookbook screenshots`: the headless transport's
//! command-line edge. Usage errors (sizes, key names) are clap's, exit 2;
//! a bad lookbook or a failed write is exit 1. Both return their failure
//! for `main` to report.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use crate::app::App;
use crate::cli::{self, Error};
use crate::ui::theme::Theme;

use super::{Format, Palette, Picture, Size, after_keys, encode, picture_title, screenshots};

/// What `lookbook render` was asked for.
pub struct Request<'a> {
    pub path: Option<&'a Path>,
    pub size: Size,
    pub keys: &'a [KeyEvent],
    pub format: Option<Format>,
    pub out: Option<&'a Path>,
    /// The value of `NO_COLOR`, which picks the monochrome theme.
    pub no_color: Option<&'a str>,
    /// Font files to try after the bundled font (`--font`).
    pub fonts: &'a [PathBuf],
}

/// Draws the screen after the request's keys, to its file or to stdout.
pub fn render(request: &Request) -> Result<ExitCode, Error> {
    let format = Format::for_output(request.format, request.out)?;
    let lookbook = cli::load(request.path)?;
    if format == Format::Png && request.out.is_none() && io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a PNG would garble the terminal; write it with --out FILE.png".into(),
        ));
    }
    let size = request.size;
    let title = picture_title(&lookbook.title, &format!("{}x{}", size.width, size.height));
    let mut app = App::new(Arc::new(lookbook));
    let theme = Theme::for_no_color(request.no_color);
    let buffer = after_keys(&mut app, &theme, request.keys, size);
    let picture = Picture {
        palette: &Palette::LOOKBOOK,
        title: &title,
        fonts: request.fonts,
        photos: app.photo_areas(),
    };
    let bytes = encode(&buffer, format, &picture)?;
    match request.out {
        Some(path) => std::fs::write(path, bytes).map_err(|source| Error::WriteFile {
            path: path.to_path_buf(),
            source,
        })?,
        None => cli::write_stdout(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the screenshots of the edit at `path` (the bundled edit's curated
/// set without one) into `out`, then lists the files written.
pub fn screenshots(
    path: Option<&Path>,
    out: Option<&Path>,
    fonts: &[PathBuf],
) -> Result<ExitCode, Error> {
    let edit = Arc::new(cli::load(path)?);
    let (scenes, default_out) = match path {
        None => (screenshots::SCENES.to_vec(), PathBuf::from("screenshots")),
        Some(path) => {
            let stem = path.file_stem().map_or_else(
                || "lookbook".into(),
                |stem| stem.to_string_lossy().to_string(),
            );
            (
                screenshots::scenes_for(&edit),
                PathBuf::from(format!("{stem}-screenshots")),
            )
        }
    };
    let out = out.map_or(default_out, Path::to_path_buf);
    let files = screenshots::write_all(&edit, &scenes, &out, fonts)?;
    let list: String = files
        .iter()
        .map(|file| format!("{}\n", file.display()))
        .collect();
    cli::write_stdout(list.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
