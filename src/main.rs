use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use lookbook::app::App;
use lookbook::cli::{Cli, Command, ServeArgs};
use lookbook::lookbook::{self as book, LoadError, Lookbook};
use lookbook::render::command;
use lookbook::ssh;
use lookbook::term;
use lookbook::ui::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path }) => check(&path),
        Some(Command::Render {
            path,
            size,
            keys,
            format,
            out,
        }) => command::render(&command::Request {
            path: path.as_deref(),
            size,
            keys: &keys.0,
            format,
            out: out.as_deref(),
            no_color: std::env::var("NO_COLOR").ok().as_deref(),
        }),
        Some(Command::Screenshots { out }) => command::screenshots(&out),
        Some(Command::Serve(args)) => serve(&args),
        None => browse(cli.path.as_deref(), cli.mouse),
    }
}

fn load(path: Option<&std::path::Path>) -> Result<Lookbook, LoadError> {
    match path {
        Some(path) => book::load_path(path),
        None => Ok(book::bundled()),
    }
}

fn check(path: &std::path::Path) -> ExitCode {
    match book::load_path(path) {
        Ok(lookbook) => {
            println!("{}: {}", path.display(), summary(&lookbook));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn summary(lookbook: &Lookbook) -> String {
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        count(lookbook.bags.len(), "bag"),
        count(lookbook.looks.len(), "look"),
        count(lookbook.sections.len(), "section")
    )
}

fn browse(path: Option<&std::path::Path>, mouse: bool) -> ExitCode {
    let lookbook = match load(path) {
        Ok(lookbook) => lookbook,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let theme = Theme::for_no_color(std::env::var("NO_COLOR").ok().as_deref());
    match term::run(App::new(Arc::new(lookbook), theme), mouse) {
        Ok(app) => {
            // After the terminal is restored, so `lookbook > picks.txt` works.
            print!("{}", app.shortlist().to_text(app.lookbook()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &ServeArgs) -> ExitCode {
    let lookbook = match load(args.path.as_deref()) {
        Ok(lookbook) => lookbook,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(settings) = args.settings() else {
        eprintln!("error: no data dir for the host key ($HOME is not set); pass --host-key FILE");
        return ExitCode::FAILURE;
    };
    match ssh::run(settings, Arc::new(lookbook)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
