//! Drawing the app without a terminal: into a ratatui `Buffer`, and from a
//! buffer to plain text, ANSI text, SVG or PNG. Tests, snapshots, `lookbook
//! render` and the screenshots all start here, so they show exactly what a
//! terminal would.

pub mod ansi;
mod glyphs;
pub mod palette;
mod photo;
mod png;
pub mod screenshots;
mod size;
pub mod svg;

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};

use crate::app::{Action, App};
use crate::browser::Browser;
use crate::edit::Edit;
use crate::layout::{Drawn, PhotoArea};
use crate::photos::Held;
use crate::ui;
use crate::ui::hyperlink;
use crate::ui::theme::Theme;

pub use palette::Palette;
pub use png::PngError;
pub use screenshots::ScreenshotError;
pub use size::{Size, SizeError};

/// `--format` and `--out` that disagree, or an `--out` extension that
/// names no format: a usage error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The extension, without its point.
    #[error("--out: lookbook writes .txt .ansi .svg .png, not .{0}")]
    Extension(String),
    #[error(
        "--format {} contradicts --out {} (a .{} file)",
        .asked.name(),
        .out.display(),
        .named.name()
    )]
    Contradicts {
        asked: Format,
        out: PathBuf,
        named: Format,
    },
}

/// What a frame is turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain lines, as the snapshots hold them.
    Text,
    /// Lines with SGR colour codes, for `cat` in a terminal.
    Ansi,
    /// A picture in a window frame.
    Svg,
    /// The picture rasterised at 2x.
    Png,
}

impl Format {
    /// The format for `--format` and `--out` together: the one asked for,
    /// else the one the extension names, else text. An extension that
    /// names no format, or another format than `--format`, is a mistake
    /// (a `.jpg` of plain text would be a broken picture), said in one line.
    pub fn for_output(
        asked: Option<Format>,
        out: Option<&std::path::Path>,
    ) -> Result<Format, FormatError> {
        let extension = out
            .and_then(|path| path.extension())
            .map(|e| e.to_string_lossy().to_string());
        let named = out.and_then(Format::from_path);
        match (asked, named, extension) {
            (_, None, Some(extension)) => Err(FormatError::Extension(extension)),
            (Some(asked), Some(named), _) if asked != named => Err(FormatError::Contradicts {
                asked,
                out: out.map(std::path::Path::to_path_buf).unwrap_or_default(),
                named,
            }),
            (Some(format), _, _) | (None, Some(format), _) => Ok(format),
            (None, None, None) => Ok(Format::Text),
        }
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Ansi => "ansi",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Text),
            "ansi" => Some(Format::Ansi),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// The frame a user sees after typing `keys` into `app` in a terminal of
/// `size`: drawn first and after every key, as a terminal draws them, so
/// each key acts on the screen the user saw (paging and scrolling depend
/// on what the last frame laid out).
pub fn after_keys(app: &mut App, theme: &Theme, keys: &[KeyEvent], size: Size) -> Buffer {
    let mut buffer = frame(app, theme, size.width, size.height);
    for &key in keys {
        app.handle_key(key);
        buffer = frame(app, theme, size.width, size.height);
    }
    buffer
}

/// How a picture is made: its colours, its title (see [`picture_title`])
/// and the font files tried after the bundled font (`--font`).
pub struct Picture<'a> {
    pub palette: &'a Palette,
    pub title: &'a str,
    pub fonts: &'a [PathBuf],
    /// Where the frame drew whole photos (`App::photo_areas`).
    pub photos: &'a [PhotoArea],
}

/// The bytes of `buffer` in `format`.
pub fn encode(buffer: &Buffer, format: Format, picture: &Picture) -> Result<Vec<u8>, PngError> {
    Ok(match format {
        Format::Text => text(buffer).into_bytes(),
        Format::Ansi => ansi::ansi(buffer).into_bytes(),
        Format::Svg => {
            svg::with_photos(buffer, picture.palette, picture.title, picture.photos).into_bytes()
        }
        Format::Png => {
            let fonts = png::Fonts::for_text(&text(buffer), picture.fonts)?;
            let svg = svg::with_photos(buffer, picture.palette, picture.title, picture.photos);
            png::png(&svg, &fonts)?
        }
    })
}

/// What a picture says it is (its SVG `<title>`, which screen readers and
/// browsers' tabs show): the edit, then the scene.
pub fn picture_title(edit: &str, scene: &str) -> String {
    format!("{edit} — {scene}")
}

/// Draws one frame of `app` in `theme` at `width`×`height`, after telling
/// it the size.
pub fn frame(app: &mut App, theme: &Theme, width: u16, height: u16) -> Buffer {
    app.handle(Action::Resize { width, height });
    // Headless, a search for a big edit runs at once: the same keys always
    // draw the same frame.
    while let Some(job) = app.search_job() {
        app.search_done(job.run());
    }
    let edit = Arc::clone(app.edit());
    let (buffer, drawn) = headless(width, height, Some(&edit), |frame, held| {
        ui::draw_holding(frame, app, theme, held)
    });
    app.observe(drawn);
    buffer
}

/// Draws one frame of what `browser` shows, as [`frame`] draws an app.
pub fn browser_frame(browser: &mut Browser, theme: &Theme, width: u16, height: u16) -> Buffer {
    browser.handle(Action::Resize { width, height });
    while let Some(job) = browser.search_job() {
        browser.search_done(job.run());
    }
    let edit = browser.app().map(|app| Arc::clone(app.edit()));
    let (buffer, drawn) = headless(width, height, edit.as_ref(), |frame, held| {
        ui::draw_browser(frame, browser, theme, held)
    });
    browser.observe(drawn);
    buffer
}

/// Draws a frame; headless, the photos it wanted are made ready at once
/// and it is drawn again, so the same keys always draw the same frame.
fn headless(
    width: u16,
    height: u16,
    edit: Option<&Arc<Edit>>,
    mut draw: impl FnMut(&mut Frame, &Held) -> Drawn,
) -> (Buffer, Drawn) {
    let (buffer, drawn) = draw_once(width, height, |frame| draw(frame, &Held::EMPTY));
    match edit {
        Some(edit) if !drawn.wanted.is_empty() => {
            let mut held = drawn.shown;
            for request in &drawn.wanted {
                held.keep_made(edit.photos.prepare(request));
            }
            draw_once(width, height, |frame| draw(frame, &held))
        }
        _ => (buffer, drawn),
    }
}

fn draw_once(width: u16, height: u16, draw: impl FnOnce(&mut Frame) -> Drawn) -> (Buffer, Drawn) {
    let backend = TestBackend::new(width, height);
    // A TestBackend never fails to draw.
    let mut terminal = Terminal::new(backend).expect("a test backend");
    let mut drawn = Drawn::default();
    terminal
        .draw(|frame| drawn = draw(frame))
        .expect("a test backend draws");
    (terminal.backend().buffer().clone(), drawn)
}

/// The buffer as lines of text, one per row, trailing spaces kept so the
/// shape of the frame shows. The second cell of a wide character is skipped,
/// as a terminal would show it.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        out.push_str(&row_text(buffer, area, y));
        out.push('\n');
    }
    out
}

/// Row `y` of `buffer` within `area`'s columns as text, the second cell of
/// a wide character skipped: what a terminal shows there.
pub fn row_text(buffer: &Buffer, area: Rect, y: u16) -> String {
    let mut out = String::with_capacity(usize::from(area.width));
    let mut skip = 0;
    for x in area.left()..area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let (symbol, _) = hyperlink::split(buffer[(x, y)].symbol());
        skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Format, FormatError};

    #[test]
    fn the_format_follows_the_flag_and_the_extension_and_they_must_agree() {
        let out = |name: &'static str| Some(Path::new(name));
        assert_eq!(Format::for_output(None, None), Ok(Format::Text));
        assert_eq!(Format::for_output(None, out("a.PNG")), Ok(Format::Png));
        assert_eq!(Format::for_output(Some(Format::Svg), None), Ok(Format::Svg));
        assert_eq!(
            Format::for_output(Some(Format::Ansi), out("frame")),
            Ok(Format::Ansi)
        );
        assert_eq!(
            Format::for_output(Some(Format::Svg), out("a.svg")),
            Ok(Format::Svg)
        );
        let says = |asked, name| {
            Format::for_output(asked, out(name))
                .expect_err(name)
                .to_string()
        };
        assert_eq!(
            Format::for_output(None, out("x.jpg")),
            Err(FormatError::Extension("jpg".into()))
        );
        assert_eq!(
            says(None, "x.jpg"),
            "--out: lookbook writes .txt .ansi .svg .png, not .jpg"
        );
        assert_eq!(
            says(Some(Format::Svg), "x.png"),
            "--format svg contradicts --out x.png (a .png file)"
        );
    }
}
