//! `lookbook [PATH]...`: browse in this terminal, the command with no name.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Error, write_stdout};
use crate::browser::Browser;
use crate::driver::End;
use crate::library::{self, LiveCatalogue};
use crate::photos::{self, Images, PhotoMode};
use crate::term;
use crate::ui::theme::Theme;

#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Lookbook TOML files, or folders of them, to browse; saving one
    /// shows the new version.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Click to select and focus, wheel to scroll. Off by default so the
    /// terminal's own text selection keeps working.
    #[arg(long)]
    pub mouse: bool,

    /// Don't watch the files for saves (live reload is on by default).
    #[arg(long)]
    pub no_watch: bool,

    /// How photos show: with the terminal's graphics (kitty, sixel or
    /// iTerm2, when TERM or TERM_PROGRAM names one and the terminal gives
    /// its size in pixels), in half blocks, or not at all (the drawings).
    #[arg(long, value_enum, default_value_t = Images::Auto)]
    pub images: Images,
}

pub fn run(args: &BrowseArgs) -> Result<ExitCode, Error> {
    let images = args.images;
    let opened = library::open(&args.paths)?;
    term::check(std::env::var("TERM").ok().as_deref()).map_err(|why| match why {
        term::Unsupported::NotATerminal => Error::Failed(why.to_string()),
        term::Unsupported::Dumb => Error::Usage(why.to_string()),
    })?;
    let theme = theme(images);
    // Saves reach the live catalogue from the watchers' threads; a terminal has no
    // log to write them to. The bundled edit has no file.
    let live = LiveCatalogue::new(opened.catalogue.clone(), |_, _| {});
    let _watches = if args.no_watch {
        None
    } else {
        Some(library::watch(&opened, &live)?)
    };
    let browser = Browser::new(live.catalogue(), None);
    // Asked only where there are photos to show, as a server asks.
    let ask_photos = images == Images::Auto && opened.catalogue.has_photos();
    let outcome = term::run(browser, &theme, args.mouse, ask_photos, live.subscribe())
        .map_err(|error| Error::Failed(error.to_string()))?;
    if let End::Signal(signal) = outcome.end {
        // The Unix shell's convention for a program a signal ended.
        return Ok(u8::try_from(128 + signal).map_or(ExitCode::FAILURE, ExitCode::from));
    }
    // After the terminal is restored, so `lookbook > picks.txt` works.
    write_stdout(outcome.browser.take_home().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// What this terminal says it can show: colour, links, photos.
fn theme(images: Images) -> Theme {
    let var = |name| std::env::var(name).ok();
    let (term, term_program) = (var("TERM"), var("TERM_PROGRAM"));
    // The window's size in pixels, where the terminal reports it.
    let size = ratatui::crossterm::terminal::window_size().ok();
    let terminal = photos::Terminal {
        term: term.as_deref(),
        term_program: term_program.as_deref(),
        cells: size.as_ref().map_or((0, 0), |s| (s.columns, s.rows)),
        pixels: size.map_or((0, 0), |s| (u32::from(s.width), u32::from(s.height))),
    };
    Theme::for_terminal(
        var("NO_COLOR").as_deref(),
        term.as_deref(),
        var("COLORTERM").as_deref(),
    )
    .with_photos(images, PhotoMode::choose(images, terminal))
}
