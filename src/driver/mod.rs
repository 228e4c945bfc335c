//! The one loop every session runs, whatever carries it: the local
//! terminal and each SSH visitor are [`Transport`]s, ends of the same
//! driver. It owns the order of everything that happens to a session: the
//! first size, the photo question and the keys typed during it, then keys,
//! clicks, resizes, saves of the edit, finished jobs, notices running out,
//! limits and shutdown, each as one [`Event`]; and it draws when something
//! changed and the terminal can take a frame.

mod end;
mod jobs;
mod question;
mod transport;

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tokio::sync::watch;
use tokio::task::spawn_blocking;
use tokio::time::{Instant, sleep_until};

use crate::app::{Action, SearchDone};
use crate::browser::Browser;
use crate::library::Catalogue;
use crate::photos::{Held, Images, PhotoRequest, Shown};
use crate::ui;
use crate::ui::theme::Theme;

pub use end::{End, human};
pub use transport::{Next, Sizes, Transport};

/// Everything that can happen to a session.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted at once (bracketed paste): typed, as keys.
    Paste(String),
    /// A click or a wheel turn, as the action it is.
    Mouse(Action),
    Resize {
        width: u16,
        height: u16,
    },
    /// The edits as a save (or a file added or removed) left them.
    EditReloaded(Arc<Catalogue>),
    SearchDone(SearchDone),
    /// A photo a frame wanted, made (`None`: it could not be); boxed, as
    /// a path and a photo are big beside a key.
    PhotoReady(Box<(PhotoRequest, Option<Shown>)>),
    /// A notice's time ran out.
    Tick,
    Shutdown,
    /// The terminal ended the session (its input ended, it left, a signal).
    Ended(End),
}

/// Time limits on a session; none for the local terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// Ended after this long without input.
    pub idle: Option<Duration>,
    /// Ended after this long whatever.
    pub session: Option<Duration>,
}

/// What a session starts with.
pub struct Session {
    pub browser: Browser,
    /// What the terminal can show; the photo question may change it.
    pub theme: Theme,
    /// The edits, as live reload changes them.
    pub catalogue: watch::Receiver<Arc<Catalogue>>,
    /// Becomes true when the server closes; none where nothing closes it.
    pub shutdown: Option<watch::Receiver<bool>>,
    pub limits: Limits,
    /// Asks the terminal how it shows photos first, when some: which
    /// terminal this is (kitty keeps images per terminal).
    pub photo_question: Option<u64>,
}

/// How a session ended, and what it ended with: the browser (what the
/// visitor takes home) and the theme the terminal answered for.
pub struct Outcome {
    pub end: End,
    pub browser: Browser,
    pub theme: Theme,
}

/// Runs `session` on `transport` until it ends.
pub async fn drive<T: Transport>(transport: &mut T, session: Session) -> Outcome {
    let Session {
        browser,
        theme,
        mut catalogue,
        mut shutdown,
        limits,
        photo_question,
    } = session;
    let mut driver = Driver {
        transport,
        browser,
        theme,
        jobs: jobs::Jobs::new(),
        held: Held::default(),
        dirty: true,
        last_input: Instant::now(),
    };
    let end = match driver.start(photo_question).await {
        Ok(()) => driver.run(&mut catalogue, shutdown.as_mut(), limits).await,
        Err(end) => end,
    };
    Outcome {
        end,
        browser: driver.browser,
        theme: driver.theme,
    }
}

struct Driver<'t, T> {
    transport: &'t mut T,
    browser: Browser,
    theme: Theme,
    jobs: jobs::Jobs,
    /// The photos the screen shows, and those made for the next frame.
    held: Held,
    /// Something changed since the last frame.
    dirty: bool,
    last_input: Instant,
}

impl<T: Transport> Driver<'_, T> {
    /// The terminal's size first, then the photo question, then the keys
    /// typed while it was asked: in this order, whatever the transport.
    async fn start(&mut self, photo_question: Option<u64>) -> Result<(), End> {
        let (width, height) = self.transport.sizes().cells;
        self.browser.handle(Action::Resize { width, height });
        let Some(terminal) = photo_question else {
            return Ok(());
        };
        let (mode, keys) = question::ask(self.transport, terminal, self.theme.photos).await?;
        self.theme = self.theme.clone().with_photos(Images::Auto, mode);
        for key in keys {
            if !self.browser.is_running() {
                break;
            }
            self.browser.handle_key(key);
        }
        Ok(())
    }

    async fn run(
        &mut self,
        catalogue: &mut watch::Receiver<Arc<Catalogue>>,
        mut shutdown: Option<&mut watch::Receiver<bool>>,
        limits: Limits,
    ) -> End {
        let started = Instant::now();
        loop {
            if !self.browser.is_running() {
                return End::Quit;
            }
            self.jobs.search(&mut self.browser);
            let notice_ends = self.browser.next_tick().map(Instant::from_std);
            let idle_ends = limits.idle.map(|idle| self.last_input + idle);
            let session_ends = limits.session.map(|limit| started + limit);
            let event = tokio::select! {
                biased;
                () = closing(shutdown.as_deref_mut()) => Event::Shutdown,
                // Cloned (an Arc), so the publisher is never kept waiting
                // while this session reloads.
                Ok(()) = catalogue.changed() => {
                    Event::EditReloaded(Arc::clone(&catalogue.borrow_and_update()))
                }
                Some(done) = self.jobs.finished.recv() => done,
                () = sleep_until(notice_ends.unwrap_or(started)), if notice_ends.is_some() => {
                    Event::Tick
                }
                next = self.transport.next(self.dirty) => match next {
                    Next::Event(event) => event,
                    Next::FrameReady => match self.draw() {
                        Ok(()) => continue,
                        Err(end) => Event::Ended(end),
                    },
                },
                () = sleep_until(idle_ends.unwrap_or(started)), if idle_ends.is_some() => {
                    Event::Ended(End::Idle(limits.idle.unwrap_or_default()))
                }
                () = sleep_until(session_ends.unwrap_or(started)), if session_ends.is_some() => {
                    Event::Ended(End::MaxSession(limits.session.unwrap_or_default()))
                }
            };
            if let Some(end) = self.apply(event) {
                return end;
            }
        }
    }

    /// What an event does to the session; the end, when it ends it.
    fn apply(&mut self, event: Event) -> Option<End> {
        let now = std::time::Instant::now();
        match event {
            Event::Key(key) => {
                self.last_input = Instant::now();
                self.browser.handle_key(key);
            }
            Event::Paste(text) => {
                self.last_input = Instant::now();
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.browser.handle_key(KeyEvent::from(KeyCode::Char(c)));
                }
            }
            Event::Mouse(action) => {
                self.last_input = Instant::now();
                self.browser.handle(action);
            }
            Event::Resize { width, height } => {
                self.browser.handle(Action::Resize { width, height })
            }
            Event::EditReloaded(catalogue) => {
                if let Some(old) = self.browser.update(catalogue, now) {
                    // The last session to let go of the old edit frees it:
                    // off the runtime's workers.
                    drop(spawn_blocking(move || drop(old)));
                }
            }
            Event::SearchDone(done) => {
                self.jobs.search_done();
                self.browser.search_done(done);
            }
            Event::PhotoReady(ready) => {
                let (request, made) = *ready;
                self.jobs.photo_done(&request);
                self.held.keep_made(made);
            }
            Event::Tick => {
                if !self.browser.tick(now) {
                    return None;
                }
            }
            Event::Shutdown => return Some(End::Shutdown),
            Event::Ended(end) => return Some(end),
        }
        self.dirty = true;
        None
    }

    /// Draws a frame; the photos it wanted are made ready meanwhile.
    fn draw(&mut self) -> Result<(), End> {
        let (browser, theme, held) = (&self.browser, &self.theme, &self.held);
        let mut drawn = self
            .transport
            .draw(theme.photos, &mut |frame| {
                ui::draw_browser(frame, browser, theme, held)
            })
            .map_err(|_| End::DrawFailed)?;
        self.held = std::mem::take(&mut drawn.shown);
        if let Some(app) = self.browser.app() {
            self.jobs
                .photos(app.edit(), std::mem::take(&mut drawn.wanted));
        }
        self.browser.observe(drawn);
        self.dirty = false;
        Ok(())
    }
}

/// Resolves when the server closes (or can no longer say it is open).
async fn closing(shutdown: Option<&mut watch::Receiver<bool>>) {
    match shutdown {
        Some(shutdown) => {
            let _ = shutdown.wait_for(|closing| *closing).await;
        }
        None => std::future::pending().await,
    }
}
