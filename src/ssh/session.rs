//! One browsing session over SSH: the driver's end on a visitor's
//! channel. Its bytes and window-changes come in as events; frames are
//! drawn into a buffer that a writer task sends back.
//!
//! At most one frame waits for the writer: the session draws only when the
//! one-frame queue has room, so while a slow client catches up, keys and
//! resizes change the app's state and the next frame shows the newest state.
//! Ratatui's diff is against the last frame actually queued, so nothing sent
//! is ever skipped and the client's screen stays right.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use prometheus_client::metrics::histogram::Histogram;
use ratatui::Frame;
use russh::server::Msg;
use russh::{Channel, ChannelMsg, ChannelReadHalf, ChannelWriteHalf};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep_until, timeout, timeout_at};

use super::output::{self, ClientScreen};
use crate::browser::Browser;
use crate::driver::{self, End, Event, Limits, Next, Sizes, Transport};
use crate::input::{ESC_WAIT, InputParser};
use crate::layout::Drawn;
use crate::library::Catalogue;
use crate::photos::{self, PhotoMode};
use crate::ui::theme::Theme;

/// The largest screen a client may claim. A PTY request is the client's
/// word: without a cap, 65535×65535 would make ratatui allocate gigabytes.
pub const MAX_WIDTH: u16 = 400;
pub const MAX_HEIGHT: u16 = 150;

/// How long the goodbye (restore, message, exit status, close) may take
/// before a client that stopped reading is left to the connection's end.
const GOODBYE_WAIT: Duration = Duration::from_secs(3);

/// The size to draw at when a client never says a usable one.
pub const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// A size a client sent, if it is one: RFC 4254 says a zero dimension is
/// to be ignored (`ssh -tt` with its input not a terminal sends 0x0).
pub fn usable_size(width: u32, height: u32) -> Option<(u16, u16)> {
    (width > 0 && height > 0).then(|| clamp_size(width, height))
}

/// Clamps a size from the client to what a session will draw.
pub fn clamp_size(width: u32, height: u32) -> (u16, u16) {
    let clamp = |value: u32, max: u16| u16::try_from(value).unwrap_or(max).min(max);
    (clamp(width, MAX_WIDTH), clamp(height, MAX_HEIGHT))
}

/// Asking the visitor's terminal how it shows photos, before browsing.
pub struct PhotoQuestion {
    /// This visitor's terminal, among all (kitty keeps images per terminal).
    pub terminal: u64,
}

/// What a session starts with.
pub struct Start {
    /// Asked first, when the edits have photos and `--images auto`.
    pub photo_question: Option<PhotoQuestion>,
    pub browser: Browser,
    /// The edits, as live reload changes them.
    pub catalogue: watch::Receiver<Arc<Catalogue>>,
    /// What the client's terminal can show (NO_COLOR sent, or not).
    pub theme: Theme,
    pub size: (u16, u16),
    /// The PTY's size in pixels, for a terminal that does not say its cell
    /// size itself.
    pub pixels: (u32, u32),
    pub channel: Channel<Msg>,
    pub idle_timeout: Duration,
    pub max_session: Duration,
    pub shutdown: watch::Receiver<bool>,
    /// Where each frame's drawing time goes (the metrics).
    pub frame_seconds: Histogram,
}

/// What the writer task sends, in order.
enum Out {
    Frame(Vec<u8>),
    /// Why, and what the visitor takes home: the shortlist, when they
    /// quit.
    Goodbye(End, String),
}

/// Runs the session to its end, says goodbye, and tells why it ended.
pub async fn run(start: Start) -> End {
    let Start {
        photo_question,
        browser,
        catalogue,
        theme,
        size: (width, height),
        pixels,
        channel,
        idle_timeout,
        max_session,
        shutdown,
        frame_seconds,
    } = start;
    let (reader, writer) = channel.split();
    let (frames, queue) = mpsc::channel(1);
    let writer = tokio::spawn(write_frames(writer, queue));

    let (end, shortlist, kitty) = match ClientScreen::new(width, height) {
        Ok(screen) => {
            let mut channel = SshChannel {
                reader,
                frames: frames.clone(),
                permit: None,
                screen,
                entered: false,
                sizes: Sizes {
                    cells: (width, height),
                    pixels,
                },
                parser: InputParser::new(),
                pending: VecDeque::new(),
                last_data: Instant::now(),
                frame_seconds,
            };
            let session = driver::Session {
                browser,
                theme,
                catalogue,
                shutdown: Some(shutdown),
                limits: Limits {
                    idle: Some(idle_timeout),
                    session: Some(max_session),
                },
                photo_question: photo_question.map(|question| question.terminal),
            };
            let outcome = driver::drive(&mut channel, session).await;
            let kitty = matches!(
                outcome.theme.photos,
                photos::PhotoMode::Graphics {
                    protocol: photos::Graphics::Kitty,
                    ..
                }
            );
            let shortlist = outcome.browser.take_home().replace('\n', "\r\n");
            (outcome.end, shortlist, kitty)
        }
        Err(_) => (End::DrawFailed, String::new(), false),
    };

    if end != End::ClientLeft {
        let goodbye = async {
            // Kitty keeps its images apart from the text: they go before
            // the screen does, or they would stay over the visitor's shell.
            if kitty {
                let delete = photos::KITTY_DELETE_ALL.as_bytes().to_vec();
                let _ = frames.send(Out::Frame(delete)).await;
            }
            let _ = frames.send(Out::Goodbye(end, shortlist)).await;
            drop(frames);
            let _ = writer.await;
        };
        let _ = timeout(GOODBYE_WAIT, goodbye).await;
    }
    end
}

/// A visitor's channel, as the driver's transport.
struct SshChannel {
    reader: ChannelReadHalf,
    frames: mpsc::Sender<Out>,
    /// Room for one frame in the writer's queue, once there is.
    permit: Option<mpsc::OwnedPermit<Out>>,
    screen: ClientScreen,
    /// Whether the client's screen was set up (alternate screen, no
    /// cursor): with the first frame.
    entered: bool,
    sizes: Sizes,
    parser: InputParser,
    /// Events read and not yet handed over: one packet holds many keys.
    pending: VecDeque<Event>,
    /// When the last bytes came, for a lone ESC's wait.
    last_data: Instant,
    frame_seconds: Histogram,
}

impl SshChannel {
    /// A message from the client, as events; the end when it ended.
    fn hear(&mut self, message: Option<ChannelMsg>) {
        match message {
            Some(ChannelMsg::Eof) => self.pending.push_back(Event::Ended(End::InputEnded)),
            None | Some(ChannelMsg::Close) => {
                self.pending.push_back(Event::Ended(End::ClientLeft));
            }
            Some(ChannelMsg::Data { data }) => {
                self.last_data = Instant::now();
                let mut keys = Vec::new();
                self.parser.feed(&data, &mut keys);
                self.pending.extend(keys.into_iter().map(Event::Key));
            }
            Some(ChannelMsg::WindowChange {
                col_width,
                row_height,
                ..
            }) => {
                // Zero dimensions: keep drawing at the last size.
                let Some((width, height)) = usable_size(col_width, row_height) else {
                    return;
                };
                self.sizes.cells = (width, height);
                self.pending
                    .push_back(match self.screen.resize(width, height) {
                        Ok(()) => Event::Resize { width, height },
                        Err(_) => Event::Ended(End::DrawFailed),
                    });
            }
            Some(_) => {}
        }
    }
}

impl Transport for SshChannel {
    fn sizes(&self) -> Sizes {
        self.sizes
    }

    async fn send_raw(&mut self, bytes: &[u8]) -> Result<(), End> {
        self.frames
            .send(Out::Frame(bytes.to_vec()))
            .await
            .map_err(|_| End::ClientLeft)
    }

    async fn read_raw(&mut self, deadline: std::time::Instant) -> Result<Option<Vec<u8>>, End> {
        loop {
            let message = match timeout_at(Instant::from_std(deadline), self.reader.wait()).await {
                Err(_) => return Ok(None),
                Ok(message) => message,
            };
            match message {
                Some(ChannelMsg::Data { data }) => return Ok(Some(data.to_vec())),
                Some(ChannelMsg::Eof) => return Err(End::InputEnded),
                None | Some(ChannelMsg::Close) => return Err(End::ClientLeft),
                // A resize while the terminal answers waits its turn.
                other => self.hear(other),
            }
        }
    }

    async fn next(&mut self, frame_wanted: bool) -> Next {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Next::Event(event);
            }
            let waiting_esc = self.parser.has_pending();
            let esc_deadline = self.last_data + ESC_WAIT;
            let frames = self.frames.clone();
            tokio::select! {
                biased;
                message = self.reader.wait() => self.hear(message),
                () = sleep_until(esc_deadline), if waiting_esc => {
                    let mut keys = Vec::new();
                    self.parser.flush(&mut keys);
                    self.pending.extend(keys.into_iter().map(Event::Key));
                }
                permit = frames.reserve_owned(), if frame_wanted => match permit {
                    Ok(permit) => {
                        self.permit = Some(permit);
                        return Next::FrameReady;
                    }
                    Err(_) => return Next::Event(Event::Ended(End::ClientLeft)),
                },
            }
        }
    }

    fn draw(
        &mut self,
        mode: PhotoMode,
        paint: &mut dyn FnMut(&mut Frame) -> Drawn,
    ) -> io::Result<Drawn> {
        let drawing = std::time::Instant::now();
        let drawn = self.screen.paint(mode, paint)?;
        let mut frame = self.screen.take();
        self.frame_seconds.observe(drawing.elapsed().as_secs_f64());
        if !self.entered {
            self.entered = true;
            frame.splice(0..0, output::enter());
        }
        match self.permit.take() {
            Some(permit) => {
                permit.send(Out::Frame(frame));
            }
            // The driver draws only when told the writer has room.
            None => return Err(io::Error::other("a frame drawn with no room for it")),
        }
        Ok(drawn)
    }
}

/// Sends frames as the client's window allows (so a slow client slows only
/// its own session), then the goodbye: the client's terminal restored, the
/// reason, exit status, EOF, close.
async fn write_frames(writer: ChannelWriteHalf<Msg>, mut queue: mpsc::Receiver<Out>) {
    while let Some(out) = queue.recv().await {
        match out {
            Out::Frame(bytes) => {
                if writer.data_bytes(bytes).await.is_err() {
                    return;
                }
            }
            Out::Goodbye(end, shortlist) => {
                let farewell = format!("{shortlist}{}", end.message());
                let _ = writer.data_bytes(output::leave(&farewell)).await;
                let _ = writer.exit_status(end.exit_status()).await;
                let _ = writer.eof().await;
                let _ = writer.close().await;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_from_the_client_are_capped() {
        assert_eq!(clamp_size(120, 40), (120, 40));
        assert_eq!(clamp_size(u32::MAX, 70_000), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(clamp_size(0, 0), (0, 0));
    }

    /// RFC 4254: a zero dimension is ignored, either one.
    #[test]
    fn a_size_with_a_zero_in_it_is_no_size() {
        assert_eq!(usable_size(80, 0), None);
        assert_eq!(usable_size(0, 24), None);
        assert_eq!(usable_size(0, 0), None);
        assert_eq!(usable_size(80, 24), Some((80, 24)));
    }
}
