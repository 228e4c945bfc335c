//! The photo question, asked once at the start of a session on whatever
//! terminal carries it: how it shows photos. The answer comes back on the
//! terminal's input as if typed, so it is read raw, before any event, and
//! keys typed before, among or after the replies are kept, in order.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;

use super::{End, Transport};
use crate::input::InputParser;
use crate::photos::{self, PhotoMode};

/// How long a terminal gets to answer: terminals answer at once, so this is
/// for one at the far end of a network, and some.
const ANSWER_WAIT: Duration = Duration::from_millis(500);

/// Asks; the mode the terminal said (`fallback` when it said nothing of
/// graphics, or nothing at all) and the keys typed meanwhile. `terminal`
/// tells this terminal from others (kitty keeps images per terminal).
pub async fn ask<T: Transport>(
    transport: &mut T,
    terminal: u64,
    fallback: PhotoMode,
) -> Result<(PhotoMode, Vec<KeyEvent>), End> {
    transport.send_raw(photos::query().as_bytes()).await?;
    let mut answer = photos::Answer::default();
    let mut typing = Vec::new();
    let deadline = Instant::now() + ANSWER_WAIT;
    loop {
        match transport.read_raw(deadline).await? {
            Some(bytes) => {
                if answer.hear(&bytes, &mut typing) {
                    break;
                }
            }
            None => {
                answer.finish(&mut typing);
                break;
            }
        }
    }
    let sizes = transport.sizes();
    let sizes = photos::Terminal {
        cells: sizes.cells,
        pixels: sizes.pixels,
        ..photos::Terminal::default()
    };
    let mut keys = Vec::new();
    let mut parser = InputParser::new();
    parser.feed(&typing, &mut keys);
    parser.flush(&mut keys);
    Ok((answer.mode(terminal, fallback, sizes), keys))
}
