//! What carries a session: a terminal's events in, frames out, and what
//! the terminal can do. The local terminal and an SSH channel are the two
//! ends today; a third (a web page) is a third implementation, never a
//! third loop.

use std::io;
use std::time::Instant;

use ratatui::Frame;

use super::{End, Event};
use crate::layout::Drawn;
use crate::photos::PhotoMode;

/// The terminal's size in cells, and in pixels where it says (0 where not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub cells: (u16, u16),
    pub pixels: (u32, u32),
}

/// What a transport has for the driver.
#[derive(Debug)]
pub enum Next {
    Event(Event),
    /// The terminal can take a frame.
    FrameReady,
}

/// A terminal the driver runs a session on. Its futures are cancel safe:
/// the driver waits on several at once and drops those that lost.
// The transports are ours, always used as generics (never `dyn`), and the
// compiler sees each one's futures whole: whether a session's future may
// move between threads follows from the transport it runs on.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// The terminal's size now.
    fn sizes(&self) -> Sizes;

    /// Writes `bytes` to the terminal outside any frame: the photo question.
    async fn send_raw(&mut self, bytes: &[u8]) -> Result<(), End>;

    /// What the terminal sent, as it sent it, before any event is read: the
    /// photo question's answer and the keys typed around it. `None` once
    /// `deadline` passed with nothing.
    async fn read_raw(&mut self, deadline: Instant) -> Result<Option<Vec<u8>>, End>;

    /// The next event from the terminal (a key, a paste, a click, a resize
    /// that the transport's screen already follows, or its end); or, when
    /// a frame is wanted, that the terminal can take one now. Input comes
    /// first: while it keeps coming, a slow client gets the newest state.
    async fn next(&mut self, frame_wanted: bool) -> Next;

    /// Draws one frame with `paint` and sends it, once
    /// [`Transport::next`] said [`Next::FrameReady`].
    fn draw(
        &mut self,
        mode: PhotoMode,
        paint: &mut dyn FnMut(&mut Frame) -> Drawn,
    ) -> io::Result<Drawn>;
}
