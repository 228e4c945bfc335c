//! Drawing the app without a terminal: into a ratatui `Buffer`, and from a
//! buffer to plain text. Tests, snapshots and screenshots all start here, so
//! they show exactly what a terminal would.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::{Action, App};
use crate::ui;

/// Draws one frame of `app` at `width`×`height`, after telling it the size.
pub fn frame(app: &mut App, width: u16, height: u16) -> Buffer {
    app.handle(Action::Resize { width, height });
    let backend = TestBackend::new(width, height);
    // A TestBackend never fails to draw.
    let mut terminal = Terminal::new(backend).expect("a test backend");
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("a test backend draws");
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, one per row, trailing spaces kept so the
/// shape of the frame shows. The second cell of a wide character is skipped,
/// as a terminal would show it.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}
