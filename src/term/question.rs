//! The photo question, asked of the local terminal: how it shows photos.
//! Asked on the terminal we draw to, and answered on stdin, which is read
//! here with a timeout before crossterm's reader starts, so the answer
//! never reaches the app as keys, and no reader is left behind waiting.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

use crate::input::InputParser;
use crate::photos::{self, PhotoMode};

/// How long the terminal gets to answer. Terminals answer at once, the
/// status report last; this is for one at the far end of an `ssh`.
const ANSWER_WAIT: Duration = Duration::from_millis(500);

/// Asks the terminal on stderr (and stdin) how it shows photos. The mode
/// it said (`fallback` when it said nothing of graphics, or nothing at
/// all), and the keys typed while it answered, in order.
pub fn ask(fallback: PhotoMode) -> io::Result<(PhotoMode, Vec<KeyEvent>)> {
    let mut stderr = io::stderr();
    stderr.write_all(photos::query().as_bytes())?;
    stderr.flush()?;
    let mut answer = photos::Answer::default();
    let mut typing = Vec::new();
    listen(&mut answer, &mut typing)?;
    // The window's size, for a terminal that doesn't say its cell size.
    let size = ratatui::crossterm::terminal::window_size().ok();
    let sizes = photos::Terminal {
        cells: size.as_ref().map_or((0, 0), |s| (s.columns, s.rows)),
        pixels: size.map_or((0, 0), |s| (u32::from(s.width), u32::from(s.height))),
        ..photos::Terminal::default()
    };
    let mut keys = Vec::new();
    let mut parser = InputParser::new();
    parser.feed(&typing, &mut keys);
    parser.flush(&mut keys);
    Ok((answer.mode(0, fallback, sizes), keys))
}

/// Reads stdin into `answer` until it ends, or stdin does, or the wait.
fn listen(answer: &mut photos::Answer, typing: &mut Vec<u8>) -> io::Result<()> {
    let stdin = io::stdin();
    let tty = stdin.as_fd();
    let deadline = Instant::now() + ANSWER_WAIT;
    let mut chunk = [0; 256];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let timeout = Timespec::try_from(left).map_err(io::Error::other)?;
        match poll(&mut [PollFd::new(&tty, PollFlags::IN)], Some(&timeout)) {
            Ok(0) | Err(Errno::INTR) => continue,
            Ok(_) => {}
            Err(error) => return Err(error.into()),
        }
        let read = match rustix::io::read(tty, &mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(Errno::INTR | Errno::AGAIN) => continue,
            Err(error) => return Err(error.into()),
        };
        if answer.hear(&chunk[..read], typing) {
            return Ok(());
        }
    }
    answer.finish(typing);
    Ok(())
}
