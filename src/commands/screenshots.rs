//! `lookbook screenshots [PATH]`: pictures of an edit's scenes, SVG and PNG.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{Error, load, write_stdout};
use crate::render::screenshots;

#[derive(Debug, Args)]
pub struct ScreenshotsArgs {
    /// A lookbook TOML file (default: the bundled edit).
    path: Option<PathBuf>,
    /// Where to write them [default: screenshots for the bundled edit,
    /// STEM-screenshots for PATH].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// A font file for the PNGs, tried after the bundled DejaVu Sans
    /// Mono and before the system's fonts (repeatable).
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
}

/// Writes the screenshots of the edit at `path` (the bundled edit's curated
/// set without one) into `out`, then lists the files written.
pub fn run(args: &ScreenshotsArgs) -> Result<ExitCode, Error> {
    let (path, out, fonts) = (args.path.as_deref(), args.out.as_deref(), &args.fonts);
    let edit = Arc::new(load(path)?);
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
    write_stdout(list.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
