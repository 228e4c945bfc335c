//! The driver, as any transport meets it: a scripted terminal (its size,
//! what it answers the photo question, the events it sends) and the frames
//! the driver draws on it. What every session goes through, in one order:
//! the terminal's size, the photo question, the keys typed meanwhile, then
//! events; photos made ready off the drawing path; the ends.

mod support;

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lookbook::app::keymap::parse_keys;
use lookbook::browser::Browser;
use lookbook::driver::{self, End, Event, Limits, Next, Session, Sizes, Transport};
use lookbook::layout::Drawn;
use lookbook::library::{Catalogue, EditFile};
use lookbook::lookbook::{bundled, load_path};
use lookbook::photos::{self, PhotoMode};
use lookbook::render;
use lookbook::ui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::{Frame, Terminal};
use tokio::sync::watch;

/// A terminal that plays a script: raw bytes while the photo question is
/// asked, then events; then, once `done` holds for the last frame drawn,
/// its input ends. Frames are drawn whenever the driver wants one.
struct Script {
    sizes: Sizes,
    raw: VecDeque<Vec<u8>>,
    sent: Vec<Vec<u8>>,
    events: VecDeque<Event>,
    screen: Terminal<TestBackend>,
    frames: Vec<(Buffer, Drawn)>,
    done: fn(&Buffer, &Drawn) -> bool,
}

impl Script {
    fn new(width: u16, height: u16) -> Script {
        Script {
            sizes: Sizes {
                cells: (width, height),
                pixels: (0, 0),
            },
            raw: VecDeque::new(),
            sent: Vec::new(),
            events: VecDeque::new(),
            screen: Terminal::new(TestBackend::new(width, height)).expect("a test terminal"),
            frames: Vec::new(),
            done: |_, _| true,
        }
    }

    fn keys(mut self, keys: &str) -> Script {
        let keys = parse_keys(keys).expect("keys");
        self.events.extend(keys.into_iter().map(Event::Key));
        self
    }

    fn last(&self) -> &Buffer {
        &self.frames.last().expect("a frame drawn").0
    }
}

impl Transport for Script {
    fn sizes(&self) -> Sizes {
        self.sizes
    }

    async fn send_raw(&mut self, bytes: &[u8]) -> Result<(), End> {
        self.sent.push(bytes.to_vec());
        Ok(())
    }

    async fn read_raw(&mut self, _deadline: Instant) -> Result<Option<Vec<u8>>, End> {
        Ok(self.raw.pop_front())
    }

    async fn next(&mut self, frame_wanted: bool) -> Next {
        if frame_wanted {
            return Next::FrameReady;
        }
        if let Some(event) = self.events.pop_front() {
            return Next::Event(event);
        }
        match self.frames.last() {
            Some((buffer, drawn)) if (self.done)(buffer, drawn) => {
                Next::Event(Event::Ended(End::InputEnded))
            }
            // Nothing more to say until the driver has something new.
            _ => std::future::pending().await,
        }
    }

    fn draw(
        &mut self,
        _mode: PhotoMode,
        paint: &mut dyn FnMut(&mut Frame) -> Drawn,
    ) -> io::Result<Drawn> {
        let mut drawn = Drawn::default();
        // A test terminal never fails to draw.
        let Ok(_) = self.screen.draw(|frame| drawn = paint(frame));
        let buffer = self.screen.backend().buffer().clone();
        self.frames.push((buffer, drawn.clone()));
        Ok(drawn)
    }
}

fn session(catalogue: Arc<Catalogue>, theme: Theme) -> (Session, watch::Sender<Arc<Catalogue>>) {
    let (edits, watched) = watch::channel(Arc::clone(&catalogue));
    let session = Session {
        browser: Browser::new(catalogue, None),
        theme,
        catalogue: watched,
        shutdown: None,
        limits: Limits::default(),
        photo_question: None,
    };
    (session, edits)
}

fn bundled_catalogue() -> Arc<Catalogue> {
    Arc::new(Catalogue::bundled())
}

/// Runs the driver on `script` for at most 20 s (a driver that never ends
/// fails the test rather than hanging it).
fn drive(script: &mut Script, session: Session) -> driver::Outcome {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime
        .block_on(async {
            tokio::time::timeout(Duration::from_secs(20), driver::drive(script, session)).await
        })
        .expect("the session ended")
}

/// The frame a headless render shows after `keys` at this size.
fn headless(keys: &str, width: u16, height: u16) -> Buffer {
    let mut browser = Browser::new(bundled_catalogue(), None);
    let mut buffer = render::browser_frame(&mut browser, &Theme::ansi(), width, height);
    for key in parse_keys(keys).expect("keys") {
        browser.handle_key(key);
        buffer = render::browser_frame(&mut browser, &Theme::ansi(), width, height);
    }
    buffer
}

#[test]
fn keys_arrive_as_a_terminal_draws_them_frame_by_frame() {
    let mut script = Script::new(120, 40).keys("j j Tab");
    let (session, _edits) = session(bundled_catalogue(), Theme::ansi());
    let outcome = drive(&mut script, session);
    assert_eq!(outcome.end, End::InputEnded);
    assert_eq!(*script.last(), headless("j j Tab", 120, 40));
    let app = outcome.browser.app().expect("the edit");
    assert_eq!(app.cursor(), 2);
}

/// Keys typed while the terminal answered the photo question act on the
/// terminal's own size, not on a default: the size comes first. PgDn pages
/// by what fits, so the size shows in where it lands.
#[test]
fn the_size_comes_first_then_the_question_then_the_keys_typed_during_it() {
    let mut script = Script::new(120, 40);
    script.raw.push_back(b"\x1b[6~".to_vec());
    // The status report, which every terminal answers last.
    script.raw.push_back(b"\x1b[0n".to_vec());
    let (mut session, _edits) = session(bundled_catalogue(), Theme::ansi());
    session.photo_question = Some(7);
    let outcome = drive(&mut script, session);
    assert_eq!(script.sent, [photos::query().into_bytes()], "asked once");
    assert_eq!(*script.last(), headless("PgDn", 120, 40));
    assert_ne!(
        headless("PgDn", 120, 40),
        headless("PgDn", 80, 24),
        "the size matters to PgDn"
    );
    assert_eq!(
        outcome.theme.photos,
        Theme::ansi().photos,
        "no graphics said"
    );
}

/// A photo is never decoded while drawing: the first frame shows the
/// drawing, a job makes the photo ready, and the next frame shows it, as a
/// headless render (which makes photos ready at once) does.
#[test]
fn a_photo_is_made_ready_off_the_drawing_path_then_drawn() {
    let file = support::photo::edit_with_photos("driver", false);
    let lookbook = load_path(&file).unwrap_or_else(|e| panic!("{e}"));
    let catalogue = Arc::new(Catalogue::new(vec![EditFile::new(
        "edit".into(),
        Some(file),
        lookbook,
    )]));
    let mut script = Script::new(100, 34);
    script.done = |_, drawn| !drawn.photos.is_empty();
    let (session, _edits) = session(Arc::clone(&catalogue), Theme::ansi());
    drive(&mut script, session);
    let (first, first_drawn) = &script.frames[0];
    assert!(first_drawn.photos.is_empty(), "no photo in the first frame");
    assert_eq!(first_drawn.wanted.len(), 1, "the bag's photo was asked for");
    let mut browser = Browser::new(catalogue, None);
    let expected = render::browser_frame(&mut browser, &Theme::ansi(), 100, 34);
    assert_ne!(*first, expected, "the photo was not drawn yet");
    assert_eq!(*script.last(), expected);
}

#[test]
fn a_server_closing_ends_the_session() {
    let mut script = Script::new(80, 24);
    script.done = |_, _| false;
    let (mut session, _edits) = session(bundled_catalogue(), Theme::ansi());
    let (closing, shutdown) = watch::channel(false);
    session.shutdown = Some(shutdown);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let outcome = runtime.block_on(async {
        let close = async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            closing.send_replace(true);
        };
        let (outcome, ()) = tokio::join!(driver::drive(&mut script, session), close);
        outcome
    });
    assert_eq!(outcome.end, End::Shutdown);
    assert!(script.frames.len() <= 1, "nothing changed after a frame");
}

#[test]
fn a_quiet_session_ends_at_its_idle_limit_and_a_long_one_at_its_length() {
    for (limits, end) in [
        (
            Limits {
                idle: Some(Duration::from_millis(30)),
                session: None,
            },
            End::Idle(Duration::from_millis(30)),
        ),
        (
            Limits {
                idle: None,
                session: Some(Duration::from_millis(40)),
            },
            End::MaxSession(Duration::from_millis(40)),
        ),
    ] {
        let mut script = Script::new(80, 24);
        script.done = |_, _| false;
        let (mut session, _edits) = session(bundled_catalogue(), Theme::ansi());
        session.limits = limits;
        assert_eq!(drive(&mut script, session).end, end);
    }
}

/// The session ends (its input does) once the new title is on screen: a
/// save is drawn without a key.
#[test]
fn a_save_reaches_the_screen_without_a_key() {
    let mut script = Script::new(120, 40);
    script.done =
        |buffer, _| render::row_text(buffer, buffer.area, 0).contains("The mini bag edit, revised");
    let (session, edits) = session(bundled_catalogue(), Theme::ansi());
    let mut changed = bundled();
    changed.title = "The mini bag edit, revised".into();
    let revised = Arc::new(Catalogue::new(vec![EditFile::new(
        "lookbook".into(),
        None,
        changed,
    )]));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let (outcome, ()) = runtime.block_on(async {
        let save = async {
            tokio::time::sleep(Duration::from_millis(30)).await;
            edits.send_replace(revised);
        };
        let session =
            tokio::time::timeout(Duration::from_secs(20), driver::drive(&mut script, session));
        tokio::join!(session, save)
    });
    assert_eq!(outcome.expect("the session ended").end, End::InputEnded);
}
