//! Putting a drawn frame on a terminal, local or a visitor's. Ratatui
//! writes only the cells that changed since the last frame: right for
//! text, wrong for sixel and iTerm2 photos, which are pixels painted from
//! one cell over many, staying until text is written over each cell. A
//! frame whose photos are not where the last one's were is written whole,
//! on a cleared screen.

use ratatui::backend::{Backend, ClearType};
use ratatui::{Frame, Terminal};

use crate::layout::{Drawn, PhotoArea};
use crate::photos::PhotoMode;

/// Draws a frame with `paint`; `shown` is where the last frame's photos
/// were, and becomes this one's.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    shown: &mut Vec<PhotoArea>,
    mode: PhotoMode,
    paint: impl FnOnce(&mut Frame) -> Drawn,
) -> Result<Drawn, B::Error> {
    terminal.autoresize()?;
    let drawn = paint(&mut terminal.get_frame());
    if mode.paints_pixels() && drawn.photos != *shown {
        forget_screen(terminal)?;
    }
    shown.clone_from(&drawn.photos);
    terminal.apply_buffer()?;
    Ok(drawn)
}

/// Clears the screen, and makes ratatui forget what it showed, so the
/// frame drawn but not yet applied is written whole. Each buffer swap
/// blanks the buffer it leaves; two blank both, and the frame goes back.
pub fn forget_screen<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let frame = terminal.current_buffer_mut().clone();
    terminal.swap_buffers();
    terminal.swap_buffers();
    *terminal.current_buffer_mut() = frame;
    terminal.backend_mut().clear_region(ClearType::All)
}
