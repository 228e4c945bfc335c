use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use lookbook::cli::{self, Cli, Command, Error, ServeArgs};
use lookbook::library::{self, Shelf};
use lookbook::lookbook::Lookbook;
use lookbook::photos::{self, Images, PhotoMode};
use lookbook::render::command;
use lookbook::shell::Shell;
use lookbook::ssh;
use lookbook::term;
use lookbook::ui::theme::Theme;
use lookbook::words::count;

/// Every command returns its failure here, and only here is it printed
/// and turned into an exit status (see `Error::report`).
fn main() -> ExitCode {
    match run() {
        Ok(status) => status,
        Err(error) => error.report(),
    }
}

/// The command asked for, and how it ended when it did not fail: 0, or
/// 128 + a signal's number when one ended the browser.
fn run() -> Result<ExitCode, Error> {
    let cli = Cli::try_parse()?;
    match cli.command {
        Some(Command::Check { path }) => check(&path),
        Some(Command::Render {
            path,
            size,
            keys,
            format,
            out,
            fonts,
        }) => command::render(&command::Request {
            path: path.as_deref(),
            size,
            keys: &keys.0,
            format,
            out: out.as_deref(),
            no_color: std::env::var("NO_COLOR").ok().as_deref(),
            fonts: &fonts,
        }),
        Some(Command::Screenshots { path, out, fonts }) => {
            command::screenshots(path.as_deref(), out.as_deref(), &fonts)
        }
        Some(Command::Serve(args)) => serve(&args),
        Some(Command::New { path }) => new(&path),
        Some(Command::Schema) => {
            cli::write_stdout(lookbook::lookbook::schema::schema().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        None => browse(&cli.paths, cli.mouse, !cli.no_watch, cli.images),
    }
}

/// The summary, then any warnings (on stderr, like errors): they don't
/// fail the check.
fn check(path: &Path) -> Result<ExitCode, Error> {
    let (lookbook, warnings) = lookbook::lookbook::check_path(path)?;
    cli::write_stdout(format!("{}: {}\n", path.display(), summary(&lookbook)).as_bytes())?;
    if !warnings.diagnostics.is_empty() {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), warnings.warnings().as_bytes());
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the starter file; an existing file is never touched, and a
/// missing folder is the user's to make.
fn new(path: &Path) -> Result<ExitCode, Error> {
    let starter = lookbook::lookbook::starter::starter();
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, starter.as_bytes()));
    match written {
        Ok(()) => {
            let message = format!(
                "{}: a starter lookbook; edit it, then `lookbook check {0}` or `lookbook {0}`\n",
                path.display()
            );
            cli::write_stdout(message.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Failed(format!(
                "{} already exists; lookbook new never overwrites a file",
                path.display()
            )))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Error::Failed(format!(
            "{}: no such folder; make it first",
            path.parent()
                .map_or_else(|| ".".into(), |p| p.display().to_string())
        ))),
        Err(source) => Err(Error::WriteFile {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn summary(lookbook: &Lookbook) -> String {
    format!(
        "{}, {}, {}",
        lookbook.nouns.count(lookbook.bags.len()),
        count(lookbook.looks.len(), "look"),
        count(lookbook.sections.len(), "section")
    )
}

fn browse(
    paths: &[PathBuf],
    mouse: bool,
    watching: bool,
    images: Images,
) -> Result<ExitCode, Error> {
    let opened = library::open(paths)?;
    term::check(std::env::var("TERM").ok().as_deref()).map_err(|why| match why {
        term::Unsupported::NotATerminal => Error::Failed(why.to_string()),
        term::Unsupported::Dumb => Error::Usage(why.to_string()),
    })?;
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
    let theme = Theme::for_terminal(
        var("NO_COLOR").as_deref(),
        term.as_deref(),
        var("COLORTERM").as_deref(),
    )
    .with_photos(images, PhotoMode::choose(images, terminal));
    // Saves reach the shelf from the watchers' threads; a terminal has no
    // log to write them to. The bundled edit has no file.
    let shelf = Shelf::new(opened.catalogue.clone(), |_, _| {});
    let _watches = if watching {
        Some(library::watch(&opened, &shelf)?)
    } else {
        None
    };
    let shell = Shell::new(shelf.catalogue(), None);
    // Asked only where there are photos to show, as a server asks.
    let ask_photos = images == Images::Auto && opened.catalogue.has_photos();
    let ending = term::run(shell, &theme, mouse, ask_photos, shelf.subscribe())
        .map_err(|error| Error::Failed(error.to_string()))?;
    let shell = match ending {
        term::Ending::Quit(shell) => shell,
        // The shell's convention for a program a signal ended.
        term::Ending::Signal(signal) => {
            return Ok(u8::try_from(128 + signal).map_or(ExitCode::FAILURE, ExitCode::from));
        }
    };
    // After the terminal is restored, so `lookbook > picks.txt` works.
    cli::write_stdout(shell.take_home(false).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn serve(args: &ServeArgs) -> Result<ExitCode, Error> {
    let opened = library::open(&args.paths)?;
    let settings = args.settings().ok_or_else(|| {
        Error::Failed(
            "no data dir for the host key ($HOME is not set); pass --host-key FILE".into(),
        )
    })?;
    ssh::run(settings, opened, !args.no_watch)?;
    Ok(ExitCode::SUCCESS)
}
