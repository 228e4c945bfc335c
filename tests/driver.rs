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
/// asked (each after `latency`, and none once the driver stops waiting),
/// then events, each on its cue; then, once `done` holds for the last frame
/// drawn, its input ends. Frames are drawn whenever the driver wants one.
struct Script {
    sizes: Sizes,
    raw: VecDeque<Vec<u8>>,
    latency: Duration,
    sent: Vec<Vec<u8>>,
    events: VecDeque<(Cue, Event)>,
    screen: Terminal<TestBackend>,
    frames: Vec<(Buffer, Drawn)>,
    done: fn(&Buffer, &Drawn) -> bool,
}

/// When a scripted event comes.
enum Cue {
    /// As soon as the driver listens.
    Now,
    /// After a pause with nothing from the terminal: someone thinking
    /// between keys.
    After(Duration),
    /// Once the last frame drawn shows something: someone reacting to it.
    Seeing(fn(&Buffer, &Drawn) -> bool),
}

impl Script {
    fn new(width: u16, height: u16) -> Script {
        Script {
            sizes: Sizes {
                cells: (width, height),
                pixels: (0, 0),
            },
            raw: VecDeque::new(),
            latency: Duration::ZERO,
            sent: Vec::new(),
            events: VecDeque::new(),
            screen: Terminal::new(TestBackend::new(width, height)).expect("a test terminal"),
            frames: Vec::new(),
            done: |_, _| true,
        }
    }

    fn keys(mut self, keys: &str) -> Script {
        let keys = parse_keys(keys).expect("keys");
        self.events
            .extend(keys.into_iter().map(|key| (Cue::Now, Event::Key(key))));
        self
    }

    fn then(mut self, cue: Cue, event: Event) -> Script {
        self.events.push_back((cue, event));
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

    async fn read_raw(&mut self, deadline: Instant) -> Result<Option<Vec<u8>>, End> {
        let deadline = tokio::time::Instant::from_std(deadline);
        let comes = tokio::time::Instant::now() + self.latency;
        if self.raw.is_empty() || comes >= deadline {
            tokio::time::sleep_until(deadline).await;
            return Ok(None);
        }
        tokio::time::sleep_until(comes).await;
        Ok(self.raw.pop_front())
    }

    async fn next(&mut self, frame_wanted: bool) -> Next {
        if frame_wanted {
            return Next::FrameReady;
        }
        let ready = match self.events.front() {
            Some((Cue::Now, _)) => true,
            Some((Cue::After(pause), _)) => {
                // Cancel safe: the event stays until the pause is over.
                tokio::time::sleep(*pause).await;
                true
            }
            Some((Cue::Seeing(shows), _)) => self
                .frames
                .last()
                .is_some_and(|(buffer, drawn)| shows(buffer, drawn)),
            None => false,
        };
        if ready && let Some((_, event)) = self.events.pop_front() {
            return Next::Event(event);
        }
        if !self.events.is_empty() {
            // Not on screen yet: nothing to say until there is a new frame.
            return std::future::pending().await;
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

/// The bundled edit saved with a new title, as the watcher would bring it.
fn revised_catalogue() -> Arc<Catalogue> {
    let mut changed = bundled();
    changed.title = "The mini bag edit, revised".into();
    Arc::new(Catalogue::new(vec![EditFile::new(
        "lookbook".into(),
        None,
        changed,
    )]))
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
    let revised = revised_catalogue();
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

/// Everything on a frame, as one string to look in.
fn shows(buffer: &Buffer, text: &str) -> bool {
    (buffer.area.top()..buffer.area.bottom())
        .any(|y| render::row_text(buffer, buffer.area, y).contains(text))
}

/// A terminal at the far end of a network answers the photo question as
/// kitty does, without its cell size: the session gets kitty graphics,
/// cells as the terminal's size in pixels over its size in cells say.
#[test]
fn a_far_terminal_that_answers_in_time_gets_graphics_its_size_in_pixels_says() {
    let mut script = Script::new(100, 34);
    script.sizes.pixels = (1000, 680);
    // Well inside the half second a terminal gets, even on a loaded machine.
    script.latency = Duration::from_millis(50);
    script.raw.push_back(b"\x1b_Gi=31;OK\x1b\\".to_vec());
    script.raw.push_back(b"\x1b[?62;22c\x1b[0n".to_vec());
    let (mut session, _edits) = session(bundled_catalogue(), Theme::ansi());
    session.photo_question = Some(7);
    let outcome = drive(&mut script, session);
    assert_eq!(
        outcome.theme.photos,
        PhotoMode::Graphics {
            protocol: photos::Graphics::Kitty,
            cell: (10, 20),
            terminal: 7,
        }
    );
}

/// Someone who pauses between keys, each pause well shorter than the idle
/// limit (so a loaded machine can't make one longer), browses on past it;
/// the session's own limit is far off.
#[test]
fn pauses_shorter_than_the_idle_limit_keep_a_session_open() {
    let mut script = Script::new(120, 40);
    for _ in 0..7 {
        let j = parse_keys("j").expect("keys").remove(0);
        script = script.then(Cue::After(Duration::from_millis(150)), Event::Key(j));
    }
    let (mut session, _edits) = session(bundled_catalogue(), Theme::ansi());
    session.limits = Limits {
        idle: Some(Duration::from_millis(1000)),
        session: Some(Duration::from_secs(20)),
    };
    let outcome = drive(&mut script, session);
    assert_eq!(outcome.end, End::InputEnded);
    assert_eq!(outcome.browser.app().expect("the edit").cursor(), 7);
}

/// Text pasted into the filter is typed, its line break and tab left out.
#[test]
fn a_paste_is_typed_without_its_control_characters() {
    let mut script = Script::new(120, 40)
        .keys("/")
        .then(Cue::Now, Event::Paste("lime\n\t".into()));
    let (session, _edits) = session(bundled_catalogue(), Theme::ansi());
    drive(&mut script, session);
    assert_eq!(*script.last(), headless("/ l i m e", 120, 40));
    assert_ne!(headless("/ l i m e", 120, 40), headless("/", 120, 40));
}

/// A save's notice says what changed, then goes by itself: the screen is
/// drawn again without a key once its time is up.
#[test]
fn a_saves_notice_goes_by_itself() {
    let mut script = Script::new(120, 40);
    script.done = |buffer, _| shows(buffer, "revised") && !shows(buffer, "reloaded");
    let (session, _edits) = session(bundled_catalogue(), Theme::ansi());
    let revised = revised_catalogue();
    script = script.then(Cue::Now, Event::EditReloaded(revised));
    assert_eq!(drive(&mut script, session).end, End::InputEnded);
    assert!(
        script
            .frames
            .iter()
            .any(|(buffer, _)| shows(buffer, "reloaded")),
        "the notice showed"
    );
}

/// A save makes a new edit. A photo it did not change is the same photo
/// (one cache for every edit): drawn at once, never made again. A photo
/// file that changed is made ready anew, then drawn.
#[test]
fn after_a_save_only_a_changed_photo_is_made_ready_again() {
    for changed in [false, true] {
        let file = support::photo::edit_with_photos(&format!("driver-save-{changed}"), false);
        let load = || {
            let lookbook = load_path(&file).unwrap_or_else(|e| panic!("{e}"));
            Arc::new(Catalogue::new(vec![EditFile::new(
                "edit".into(),
                Some(file.clone()),
                lookbook,
            )]))
        };
        let before = load();
        if changed {
            let photo = file.with_file_name("images/bag.png");
            support::photo::picture(420, 300)
                .save(photo)
                .expect("a PNG");
        }
        let mut script = Script::new(100, 34).then(
            Cue::Seeing(|_, drawn| !drawn.photos.is_empty()),
            Event::EditReloaded(load()),
        );
        script.done = |buffer, drawn| shows(buffer, "reloaded") && !drawn.photos.is_empty();
        let (session, _edits) = session(before, Theme::ansi());
        drive(&mut script, session);
        let photos: Vec<bool> = script
            .frames
            .iter()
            .map(|(_, drawn)| !drawn.photos.is_empty())
            .collect();
        let first = photos.iter().position(|&p| p).expect("a photo drawn");
        let made_again = photos[first..].contains(&false);
        assert_eq!(made_again, changed, "changed {changed}: {photos:?}");
    }
}

/// A big edit's filter is searched away from the keys, one search at a
/// time: typed fast, the last filter is searched once the first search is
/// done, and its matches are drawn without another key.
#[test]
fn a_big_edits_filter_is_searched_off_the_keys_and_drawn() {
    let mut text =
        String::from("[lookbook]\ntitle = \"Big\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    for i in 0..20_010 {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"Bag {i}\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 10\n"
        ));
    }
    let book = lookbook::lookbook::parse(&text, "big.toml").expect("valid");
    let catalogue = Arc::new(Catalogue::new(vec![EditFile::new(
        "big".into(),
        None,
        book,
    )]));
    let mut script = Script::new(60, 12).keys("/ 1 2 3 4");
    script.done = |buffer, _| !shows(buffer, "filtering");
    let (session, _edits) = session(catalogue, Theme::ansi());
    drive(&mut script, session);
    let last = script.last();
    assert!(shows(last, "Bags 38 of 20010"), "{}", render::text(last));
    assert!(shows(last, "│▶  Bag 1234 "), "{}", render::text(last));
}
