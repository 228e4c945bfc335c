//! Pure drawing: `draw(frame, &app, &theme)` paints the whole screen from
//! the app's state in a theme and nothing else, so any transport (or test)
//! gets the same frame. The theme is the transport's (NO_COLOR, what an SSH
//! client says it can show), not the app's: the app only holds state.

mod about;
mod depth;
mod detail;
pub mod drawing;
mod errors;
mod header;
mod help;
mod hints;
pub(crate) mod hyperlink;
mod list;
mod overlay;
mod pane;
mod photo;
mod picker;
mod shortlist;
mod styling;
mod text;
pub mod theme;
mod too_small;

use std::cell::RefCell;

use ratatui::Frame;

use crate::app::{App, Overlay};
use crate::browser::Browser;
use crate::layout::{self, Drawn, Mode};
use crate::photos::{Held, PhotoRequest, Shown};
use theme::Theme;

/// What a frame holds when its session holds no photos.
static NOTHING_HELD: Held = Held::EMPTY;

/// What one frame draws: the app's state, in a theme, with the photos its
/// session holds; and the photos it showed, and those it found not ready,
/// for the transport to make ready (see [`Drawn`]).
pub struct Scene<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub held: &'a Held,
    shown: RefCell<Held>,
    wanted: RefCell<Vec<PhotoRequest>>,
}

impl<'a> Scene<'a> {
    pub fn new(app: &'a App, theme: &'a Theme) -> Scene<'a> {
        Scene::holding(app, theme, &NOTHING_HELD)
    }

    pub fn holding(app: &'a App, theme: &'a Theme, held: &'a Held) -> Scene<'a> {
        Scene {
            app,
            theme,
            held,
            shown: RefCell::default(),
            wanted: RefCell::default(),
        }
    }

    /// Notes a photo the frame drew, for the session to hold.
    fn show(&self, shown: Shown) {
        self.shown.borrow_mut().keep(shown);
    }

    /// Notes a photo the frame could not draw yet; asked once per frame.
    fn want(&self, request: PhotoRequest) {
        let mut wanted = self.wanted.borrow_mut();
        if !wanted.contains(&request) {
            wanted.push(request);
        }
    }
}

/// Draws the whole screen; returns what it measured of the text the app
/// scrolls (see [`App::observe`]).
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Drawn {
    draw_holding(frame, app, theme, &NOTHING_HELD)
}

/// Draws the whole screen with the photos a session `held`.
pub fn draw_holding(frame: &mut Frame, app: &App, theme: &Theme, held: &Held) -> Drawn {
    let scene = Scene::holding(app, theme, held);
    let mut drawn = draw_scene(frame, &scene);
    drawn.shown = scene.shown.into_inner();
    drawn.wanted = scene.wanted.into_inner();
    theme.depth.apply(frame.buffer_mut());
    if theme.links {
        for link in &drawn.links {
            hyperlink::apply(frame.buffer_mut(), link);
        }
    }
    drawn
}

/// Draws what a browser shows: the edit being browsed, or the picker.
pub fn draw_browser(frame: &mut Frame, browser: &Browser, theme: &Theme, held: &Held) -> Drawn {
    match browser.app() {
        Some(app) => draw_holding(frame, app, theme, held),
        None => {
            picker::draw(frame, browser, theme);
            theme.depth.apply(frame.buffer_mut());
            Drawn::default()
        }
    }
}

fn draw_scene(frame: &mut Frame, ui: &Scene) -> Drawn {
    let app = ui.app;
    let area = frame.area();
    let mut drawn = Drawn::default();
    if area.is_empty() {
        return drawn;
    }
    if layout::mode(area) == Mode::TooSmall {
        too_small::draw(frame, area, ui.theme);
        return drawn;
    }
    let screen = layout::regions(area, app.focus());
    header::draw(frame, screen.header, ui);
    if let Some(tabs) = screen.tabs {
        hints::draw_tabs(frame, tabs, ui);
    }
    if let Some(rect) = screen.list {
        list::draw(frame, rect, ui);
    }
    if let Some(rect) = screen.detail {
        let detail = detail::draw(frame, rect, ui);
        drawn.detail = Some(detail.extent);
        drawn.links.extend(detail.link);
        drawn.photos.extend(detail.photo);
    }
    if let Some(rect) = screen.styling {
        drawn.photos.extend(styling::draw(frame, rect, ui));
    }
    hints::draw(frame, screen.hints, ui, screen.tabs.is_some());
    drawn.overlay = match app.overlay() {
        Some(Overlay::Help) => Some(help::draw(frame, area, ui)),
        Some(Overlay::About) => Some(about::draw(frame, area, ui)),
        Some(Overlay::Shortlist) => Some(shortlist::draw(frame, area, ui)),
        Some(Overlay::Errors) => Some(errors::draw(frame, area, ui)),
        None => None,
    };
    // A link under an overlay is not there to click, nor a photo to show.
    if drawn.overlay.is_some() {
        drawn.links.clear();
        drawn.photos.clear();
    }
    drawn
}
