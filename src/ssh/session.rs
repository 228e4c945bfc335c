//! One browsing session: the same `App` and `ui::draw` as the local
//! terminal, fed by the channel's bytes and window-changes, drawn into a
//! buffer that a writer task sends back.
//!
//! At most one frame waits for the writer: the session draws only when the
//! one-frame queue has room, so while a slow client catches up, keys and
//! resizes change the app's state and the next frame shows the newest state.
//! Ratatui's diff is against the last frame actually queued, so nothing sent
//! is ever skipped and the client's screen stays right.

use std::sync::Arc;
use std::time::Duration;

use prometheus_client::metrics::histogram::Histogram;
use ratatui::crossterm::event::KeyEvent;
use russh::server::Msg;
use russh::{Channel, ChannelMsg, ChannelReadHalf, ChannelWriteHalf};
use tokio::sync::{mpsc, watch};
use tokio::task::{JoinHandle, spawn_blocking};
use tokio::time::{Instant, sleep_until, timeout};

use super::output::{self, ClientScreen};
use crate::app::{Action, SearchDone};
use crate::input::{ESC_WAIT, InputParser};
use crate::library::Catalogue;
use crate::photos;
use crate::shell::Shell;
use crate::ui::theme::Theme;

/// The largest screen a client may claim. A PTY request is the client's
/// word: without a cap, 65535×65535 would make ratatui allocate gigabytes.
pub const MAX_WIDTH: u16 = 400;
pub const MAX_HEIGHT: u16 = 150;

/// How long the goodbye (restore, message, exit status, close) may take
/// before a client that stopped reading is left to the connection's end.
const GOODBYE_WAIT: Duration = Duration::from_secs(3);

/// Clamps a size from the client to what a session will draw.
/// The size to draw at when a client never says a usable one.
pub const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// A size a client sent, if it is one: RFC 4254 says a zero dimension is
/// to be ignored (`ssh -tt` with its input not a terminal sends 0x0).
pub fn usable_size(width: u32, height: u32) -> Option<(u16, u16)> {
    (width > 0 && height > 0).then(|| clamp_size(width, height))
}

pub fn clamp_size(width: u32, height: u32) -> (u16, u16) {
    let clamp = |value: u32, max: u16| u16::try_from(value).unwrap_or(max).min(max);
    (clamp(width, MAX_WIDTH), clamp(height, MAX_HEIGHT))
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The user quit (`q`, `Esc`, Ctrl-C).
    Quit,
    /// The client's input ended (a scripted demo, `ssh host < keys`): a
    /// clean end, like quitting.
    InputEnded,
    /// The client closed the channel or vanished.
    ClientLeft,
    Idle(Duration),
    MaxSession(Duration),
    Shutdown,
    /// Drawing failed (it doesn't, into a buffer; but never panic).
    DrawFailed,
}

impl End {
    /// What the client reads on its restored screen.
    pub fn message(self) -> String {
        match self {
            End::Quit | End::InputEnded => "lookbook: thanks for browsing!".into(),
            End::ClientLeft => String::new(),
            End::Idle(after) => format!(
                "lookbook: closed after {} without a key press. Thanks for browsing!",
                human(after)
            ),
            End::MaxSession(after) => format!(
                "lookbook: sessions last at most {}. Thanks for browsing; you're welcome back!",
                human(after)
            ),
            End::Shutdown => "lookbook: the lookbook is closing. Thanks for browsing!".into(),
            End::DrawFailed => "lookbook: something went wrong drawing the screen, sorry.".into(),
        }
    }

    /// The exit status: 0 when the user chose to quit, 1 when the server
    /// ended the session.
    pub fn exit_status(self) -> u32 {
        match self {
            End::Quit | End::InputEnded => 0,
            _ => 1,
        }
    }

    /// The reason as the log says it.
    pub fn reason(self) -> String {
        match self {
            End::Quit => "quit".into(),
            End::InputEnded => "input ended".into(),
            End::ClientLeft => "client left".into(),
            End::Idle(after) => format!("idle timeout ({})", human(after)),
            End::MaxSession(after) => format!("max-session reached ({})", human(after)),
            End::Shutdown => "server shutting down".into(),
            End::DrawFailed => "draw failed".into(),
        }
    }
}

/// `10 minutes`, `1 hour`, `2 seconds`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    let (n, unit) = if secs >= 3600 && secs.is_multiple_of(3600) {
        (secs / 3600, "hour")
    } else if secs >= 60 && secs.is_multiple_of(60) {
        (secs / 60, "minute")
    } else {
        (secs, "second")
    };
    crate::words::count(usize::try_from(n).unwrap_or(usize::MAX), unit)
}

/// Asking the visitor's terminal how it shows photos, before browsing.
pub struct PhotoQuestion {
    /// This visitor's terminal, among all (kitty keeps images per terminal).
    pub terminal: u64,
    /// The PTY's size in cells and pixels, for a terminal that does not say
    /// its cell size itself.
    pub cells: (u16, u16),
    pub pixels: (u32, u32),
}

/// How long a terminal gets to answer: terminals answer at once, so this
/// is a network round trip and some.
const ANSWER_WAIT: Duration = Duration::from_millis(500);

/// What a session starts with.
pub struct Start {
    /// Asked first, when the edits have photos and `--images auto`.
    pub photo_question: Option<PhotoQuestion>,
    pub shell: Shell,
    /// The edits, as live reload changes them.
    pub catalogue: watch::Receiver<Arc<Catalogue>>,
    /// What the client's terminal can show (NO_COLOR sent, or not).
    pub theme: Theme,
    pub size: (u16, u16),
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
        mut shell,
        mut catalogue,
        theme,
        size: (width, height),
        channel,
        idle_timeout,
        max_session,
        mut shutdown,
        frame_seconds,
    } = start;
    let (mut reader, writer) = channel.split();
    let (frames, queue) = mpsc::channel(1);
    let writer = tokio::spawn(write_frames(writer, queue));

    let (end, shortlist, kitty) = match ClientScreen::new(width, height) {
        Ok(screen) => {
            shell.handle(Action::Resize { width, height });
            let mut session = Session {
                shell,
                theme,
                screen,
                parser: InputParser::new(),
                keys: Vec::new(),
                frame_seconds,
            };
            let limits = (idle_timeout, max_session);
            let watched = Watched {
                shutdown: &mut shutdown,
                catalogue: &mut catalogue,
            };
            let end = match photo_question {
                Some(question) => session.ask_photos(&mut reader, &frames, question).await,
                None => None,
            };
            let end = match end {
                Some(end) => end,
                None => session.run(&mut reader, &frames, watched, limits).await,
            };
            let kitty = matches!(
                session.theme.photos,
                photos::PhotoMode::Graphics {
                    protocol: photos::Graphics::Kitty,
                    ..
                }
            );
            (
                end,
                session.shell.take_home(true).replace('\n', "\r\n"),
                kitty,
            )
        }
        Err(_) => (End::DrawFailed, String::new(), false),
    };

    if end != End::ClientLeft {
        let goodbye = async {
            // Kitty keeps its images apart from the text: they go before
            // the screen does, or they would stay over the visitor's shell.
            if kitty {
                let delete = crate::term::KITTY_DELETE_ALL.as_bytes().to_vec();
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

/// What a session watches besides its channel.
struct Watched<'a> {
    shutdown: &'a mut watch::Receiver<bool>,
    catalogue: &'a mut watch::Receiver<Arc<Catalogue>>,
}

struct Session {
    shell: Shell,
    theme: Theme,
    screen: ClientScreen,
    parser: InputParser,
    keys: Vec<KeyEvent>,
    frame_seconds: Histogram,
}

impl Session {
    async fn run(
        &mut self,
        reader: &mut ChannelReadHalf,
        frames: &mpsc::Sender<Out>,
        watched: Watched<'_>,
        (idle_timeout, max_session): (Duration, Duration),
    ) -> End {
        let Watched {
            shutdown,
            catalogue,
        } = watched;
        let started = Instant::now();
        let mut last_input = started;
        let mut dirty = true;
        if frames.send(Out::Frame(output::enter())).await.is_err() {
            return End::ClientLeft;
        }
        // A search over a big edit runs on the blocking pool, one at a time.
        let mut search: Option<JoinHandle<SearchDone>> = None;
        while self.shell.is_running() {
            if search.is_none() {
                search = self
                    .shell
                    .search_job()
                    .map(|job| spawn_blocking(move || job.run()));
            }
            let searching = search.is_some();
            let esc_deadline = last_input + ESC_WAIT;
            let waiting_esc = self.parser.has_pending();
            let notice_ends = self.shell.next_tick();
            tokio::select! {
                biased;
                _ = shutdown.wait_for(|closing| *closing) => return End::Shutdown,
                // A save of an edit, or one added or removed: pushed to the
                // screen now, not at the next key press.
                Ok(()) = catalogue.changed() => {
                    // Cloned (an Arc), so the publisher is never kept
                    // waiting while this session reloads.
                    let current = Arc::clone(&catalogue.borrow_and_update());
                    if let Some(old) = self.shell.update(current, std::time::Instant::now()) {
                        // The last session to let go of the old edit frees
                        // it: off the runtime's workers.
                        drop(spawn_blocking(move || drop(old)));
                    }
                    dirty = true;
                }
                () = sleep_until(notice_ends.map_or(started, Instant::from_std)), if notice_ends.is_some() => {
                    dirty |= self.shell.tick(std::time::Instant::now());
                }
                done = async {
                    match search.as_mut() {
                        Some(running) => running.await,
                        None => std::future::pending().await,
                    }
                }, if searching => {
                    search = None;
                    if let Ok(done) = done {
                        self.shell.search_done(done);
                        dirty = true;
                    }
                }
                message = reader.wait() => match message {
                    Some(ChannelMsg::Eof) => return End::InputEnded,
                    None | Some(ChannelMsg::Close) => return End::ClientLeft,
                    Some(ChannelMsg::Data { data }) => {
                        last_input = Instant::now();
                        self.parser.feed(&data, &mut self.keys);
                        dirty |= self.handle_keys();
                    }
                    Some(ChannelMsg::WindowChange { col_width, row_height, .. }) => {
                        // Zero dimensions: keep drawing at the last size.
                        let Some((width, height)) = usable_size(col_width, row_height) else {
                            continue;
                        };
                        self.shell.handle(Action::Resize { width, height });
                        if self.screen.resize(width, height).is_err() {
                            return End::DrawFailed;
                        }
                        dirty = true;
                    }
                    Some(_) => {}
                },
                () = sleep_until(esc_deadline), if waiting_esc => {
                    self.parser.flush(&mut self.keys);
                    dirty |= self.handle_keys();
                }
                () = sleep_until(last_input + idle_timeout) => return End::Idle(idle_timeout),
                () = sleep_until(started + max_session) => return End::MaxSession(max_session),
                permit = frames.reserve(), if dirty && self.shell.is_running() => {
                    let Ok(permit) = permit else { return End::ClientLeft };
                    let drawing = std::time::Instant::now();
                    let Ok(frame) = self.screen.draw_shell(&mut self.shell, &self.theme) else {
                        return End::DrawFailed;
                    };
                    self.frame_seconds.observe(drawing.elapsed().as_secs_f64());
                    permit.send(Out::Frame(frame));
                    dirty = false;
                }
            }
        }
        End::Quit
    }

    /// Asks the visitor's terminal how it shows photos and waits briefly for
    /// the answer, read from the channel before any key: the terminal sends
    /// it as if typed. Typing that comes before, among or after the replies
    /// is kept, in order. `Some` when the session ended meanwhile.
    async fn ask_photos(
        &mut self,
        reader: &mut ChannelReadHalf,
        frames: &mpsc::Sender<Out>,
        question: PhotoQuestion,
    ) -> Option<End> {
        if frames
            .send(Out::Frame(photos::query().into_bytes()))
            .await
            .is_err()
        {
            return Some(End::ClientLeft);
        }
        let mut answer = photos::Answer::default();
        let mut typing = Vec::new();
        let deadline = Instant::now() + ANSWER_WAIT;
        loop {
            match tokio::time::timeout_at(deadline, reader.wait()).await {
                Err(_) => {
                    answer.finish(&mut typing);
                    break;
                }
                Ok(Some(ChannelMsg::Eof)) => return Some(End::InputEnded),
                Ok(None | Some(ChannelMsg::Close)) => return Some(End::ClientLeft),
                Ok(Some(ChannelMsg::Data { data })) => {
                    if answer.hear(&data, &mut typing) {
                        break;
                    }
                }
                Ok(Some(_)) => {}
            }
        }
        let sizes = photos::Terminal {
            cells: question.cells,
            pixels: question.pixels,
            ..photos::Terminal::default()
        };
        let mode = answer.mode(question.terminal, self.theme.photos, sizes);
        self.theme = self.theme.clone().with_photos(photos::Images::Auto, mode);
        self.parser.feed(&typing, &mut self.keys);
        self.handle_keys();
        None
    }

    /// Hands the parsed keys to the app; whether there were any.
    fn handle_keys(&mut self) -> bool {
        let any = !self.keys.is_empty();
        for key in self.keys.drain(..) {
            if !self.shell.is_running() {
                break;
            }
            self.shell.handle_key(key);
        }
        any
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

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(human(Duration::from_secs(600)), "10 minutes");
        assert_eq!(human(Duration::from_secs(3600)), "1 hour");
        assert_eq!(human(Duration::from_secs(2)), "2 seconds");
        assert_eq!(human(Duration::from_millis(1500)), "1 second");
    }
}
