//! A photo drawn into a rectangle of cells, centred, the way the theme
//! says the terminal shows photos. Partly scrolled out of view, it is drawn
//! in half blocks whatever the terminal: a graphics protocol draws a whole
//! image from its first cell, and half of one would leave the screen torn.
//! Under an overlay, sixel and iTerm2 photos are half blocks too: their
//! pixels would paint over the overlay's text wherever it is redrawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};

use super::Scene;
use crate::lookbook::Photo;
use crate::photos::{PhotoMode, Ready};

/// Draws `photo` in `area` of `buffer`; returns the cells it took, or
/// `None` when it could not be drawn (not made ready yet, which the scene
/// notes for the transport to do; or the file changed since it loaded), so
/// the caller draws something else.
pub fn draw(
    photo: &Photo,
    area: Rect,
    buffer: &mut Buffer,
    whole: bool,
    ui: &Scene,
) -> Option<Rect> {
    let covered = ui.theme.photos.paints_pixels() && ui.app.overlay().is_some();
    let mode = match ui.theme.photos {
        PhotoMode::Graphics { .. } if !whole || covered => PhotoMode::Halfblocks,
        mode => mode,
    };
    let size = Size::new(area.width, area.height);
    let shown = match ui.app.photos().ready(photo, size, mode, ui.held) {
        Ready::Drawn(shown) => shown,
        Ready::Wanted(request) => {
            ui.want(request);
            return None;
        }
        Ready::Unreadable => return None,
    };
    let picture = shown.picture();
    let size = picture.size();
    let x = area.x + area.width.saturating_sub(size.width) / 2;
    let y = area.y + area.height.saturating_sub(size.height) / 2;
    let at = Rect::new(
        x,
        y,
        size.width.min(area.width),
        size.height.min(area.height),
    );
    picture.render(at, buffer);
    ui.show(shown);
    Some(at)
}
