//! The client's screen: a ratatui `Terminal` whose crossterm backend writes
//! into a buffer instead of a tty. After each draw the session takes the
//! buffer as one frame of bytes and hands it to the channel writer. Ratatui
//! diffs against the previous frame, so a keystroke sends only the cells it
//! changed.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{cursor, queue, style, terminal};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use crate::app::App;
use crate::layout::{Drawn, PhotoArea};
use crate::photos::PhotoMode;
use crate::repaint;
use crate::ui;
use crate::ui::theme::Theme;

/// Bytes written by the backend. Shared with [`ClientScreen`], which takes them
/// after each draw (ratatui keeps its backend's writer to itself).
#[derive(Debug, Default, Clone)]
struct FrameBuffer {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl FrameBuffer {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.bytes.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Write for FrameBuffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    /// Nothing to do: the frame is taken after the draw, so one draw is one
    /// message on the channel however often ratatui flushes.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A client's screen, drawn into bytes.
pub struct ClientScreen {
    terminal: Terminal<CrosstermBackend<FrameBuffer>>,
    frame: FrameBuffer,
    /// Where the last frame's photos were.
    photos: Vec<PhotoArea>,
}

impl ClientScreen {
    /// A screen of the client's size. The viewport is fixed: the size comes
    /// from the PTY request and window-changes, never from asking a tty.
    pub fn new(width: u16, height: u16) -> io::Result<ClientScreen> {
        let frame = FrameBuffer::default();
        let terminal = client_terminal(&frame, width, height)?;
        Ok(ClientScreen {
            terminal,
            frame,
            photos: Vec::new(),
        })
    }

    /// Follows a window-change: the next draw repaints everything, on a
    /// cleared screen. A new terminal of the new size rather than ratatui's
    /// `resize`, which asks the server's own tty for its size on the way
    /// (and fails where there is none: under systemd, say).
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.terminal = client_terminal(&self.frame, width, height)?;
        // The "clear screen" belongs to the next frame's bytes.
        queue!(self.frame, terminal::Clear(terminal::ClearType::All))
    }

    /// Draws `app` and returns the bytes that bring the client's screen from
    /// the last frame to this one; the app learns what the frame measured.
    /// Its photos are made ready at once (the driver makes them ready off
    /// the drawing path instead): a frame that wanted some is drawn again.
    pub fn draw(&mut self, app: &mut App, theme: &Theme) -> io::Result<Vec<u8>> {
        let mut drawn = self.paint(theme.photos, |frame| ui::draw(frame, app, theme))?;
        if !drawn.wanted.is_empty() {
            let mut held = std::mem::take(&mut drawn.shown);
            for request in &drawn.wanted {
                held.keep_made(app.edit().photos.prepare(request));
            }
            drawn = self.paint(theme.photos, |frame| {
                ui::draw_holding(frame, app, theme, &held)
            })?;
        }
        app.observe(drawn);
        Ok(self.take())
    }

    /// Draws a frame with `draw`; its bytes wait for [`ClientScreen::take`].
    pub fn paint(
        &mut self,
        mode: PhotoMode,
        draw: impl FnOnce(&mut Frame) -> Drawn,
    ) -> io::Result<Drawn> {
        repaint::draw(&mut self.terminal, &mut self.photos, mode, draw)
    }

    /// The bytes drawn since the last take: one frame, or more.
    pub fn take(&mut self) -> Vec<u8> {
        self.frame.take()
    }
}

/// A terminal drawing into `frame`, fixed at the client's size: nothing
/// ever asks a tty for it.
fn client_terminal(
    frame: &FrameBuffer,
    width: u16,
    height: u16,
) -> io::Result<Terminal<CrosstermBackend<FrameBuffer>>> {
    Terminal::with_options(
        CrosstermBackend::new(frame.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
}

/// What a session sends first: the alternate screen (so the client's own
/// screen comes back untouched on quit), no cursor, a clean page.
pub fn enter() -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = queue!(
        bytes,
        terminal::EnterAlternateScreen,
        cursor::Hide,
        terminal::Clear(terminal::ClearType::All)
    );
    bytes
}

/// What a session sends last: the client's terminal as it was, then
/// `message` (if any) on its own line of the normal screen. The alternate
/// screen is cleared and the cursor put home first: tmux, after the window
/// grew, carries the rows above the cursor over to the normal screen.
pub fn leave(message: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = queue!(
        bytes,
        style::ResetColor,
        style::SetAttribute(style::Attribute::Reset),
        terminal::Clear(terminal::ClearType::All),
        cursor::MoveTo(0, 0),
        cursor::Show,
        terminal::LeaveAlternateScreen
    );
    if !message.is_empty() {
        bytes.extend_from_slice(message.as_bytes());
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lookbook::bundled;
    use crate::ui::theme::Theme;

    #[test]
    fn a_draw_is_one_frame_and_an_unchanged_app_sends_almost_nothing() {
        let mut app = App::new(std::sync::Arc::new(bundled()));
        let mut screen = ClientScreen::new(80, 24).expect("a screen");
        let first = screen.draw(&mut app, &Theme::ansi()).expect("draws");
        assert!(String::from_utf8_lossy(&first).contains("Nano Mayfair bag"));
        let again = screen.draw(&mut app, &Theme::ansi()).expect("draws");
        assert!(again.len() < 64, "no cells changed: {} bytes", again.len());
    }

    #[test]
    fn a_navigation_keystroke_sends_well_under_a_quarter_of_a_full_redraw() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let mut app = App::new(std::sync::Arc::new(bundled()));
        app.handle(crate::app::Action::Resize {
            width: 120,
            height: 40,
        });
        let mut screen = ClientScreen::new(120, 40).expect("a screen");
        let full = enter().len() + screen.draw(&mut app, &Theme::ansi()).expect("draws").len();
        for key in ['j', 'j', 'k'] {
            app.handle_key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
            let keystroke = screen.draw(&mut app, &Theme::ansi()).expect("draws").len();
            assert!(
                keystroke * 4 < full,
                "{key}: {keystroke} bytes against {full} for a full redraw"
            );
        }
    }

    #[test]
    fn leave_undoes_enter() {
        let enter = String::from_utf8(enter()).expect("ascii");
        let leave = String::from_utf8(leave("bye")).expect("ascii");
        assert!(enter.contains("\x1b[?1049h") && enter.contains("\x1b[?25l"));
        assert!(leave.contains("\x1b[?1049l") && leave.contains("\x1b[?25h"));
        assert!(
            leave.contains("\x1b[2J\x1b[1;1H"),
            "blank and home before leaving"
        );
        assert!(leave.ends_with("bye\r\n"));
    }
}
