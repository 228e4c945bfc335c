//! Several edits in one session: a picker of the catalogue's edits, and
//! the edit chosen from it. Like the app it holds, the browser is state and
//! actions only, no I/O: the local terminal and every SSH session drive it
//! the same way, and a test drives it with keys.
//!
//! An edit opened from the picker goes back to it on `q`; one opened
//! directly (the only edit, or by name: `ssh a@host`) quits on `q`, as a
//! lone edit always has. An edit left for the picker keeps its place and
//! shortlist for when the visitor comes back, and what they picked in
//! every edit goes home with them.

use std::sync::Arc;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::keymap::action_for;
use crate::app::{Action, App, SearchDone, SearchJob};
use crate::edit::{Latest, Problem};
use crate::layout::{self, Drawn, PICKER_ROWS_PER_EDIT};
use crate::library::{Catalogue, EditFile};
use crate::lookbook::Lookbook;
use crate::scroll::{Motion, Scroll};

/// The edit being browsed.
#[derive(Debug, Clone)]
struct Browsed {
    stem: String,
    app: App,
    /// Whether `q` returns to the picker (it was chosen there) or quits.
    from_picker: bool,
}

/// Whether a browser shows what is wrong with an edit's file on disk. The
/// author's own window does, so she sees her mistake; a room of visitors
/// keeps the last good edit, silently (`serve --show-errors` shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problems {
    Shown,
    Hidden,
}

#[derive(Debug, Clone)]
pub struct Browser {
    catalogue: Arc<Catalogue>,
    problems: Problems,
    /// Over the catalogue's entries.
    picker: Scroll,
    opened: Option<Browsed>,
    /// Edits visited and left for the picker, by stem, as they were left.
    left: Vec<(String, App)>,
    /// The edit a search job was handed out for, so its result goes there.
    searching: Option<String>,
    size: (u16, u16),
    running: bool,
}

impl Browser {
    /// A browser on `catalogue`. It opens the edit named `wanted` if there is
    /// one, the only edit if there is only one, and otherwise the picker.
    pub fn new(catalogue: Arc<Catalogue>, wanted: Option<&str>) -> Browser {
        Browser::showing(catalogue, wanted, Problems::Shown)
    }

    /// A browser that shows or hides the problems with the files on disk.
    pub fn showing(catalogue: Arc<Catalogue>, wanted: Option<&str>, problems: Problems) -> Browser {
        let mut browser = Browser {
            picker: Scroll::new(catalogue.len(), 1),
            catalogue,
            problems,
            opened: None,
            left: Vec::new(),
            searching: None,
            size: (80, 24),
            running: true,
        };
        let direct = match wanted.and_then(|stem| browser.catalogue.position(stem)) {
            Some(at) => Some(at),
            None if browser.catalogue.len() == 1 => Some(0),
            None => None,
        };
        if let Some(at) = direct {
            browser.picker.select(at);
            browser.open(at, false);
        }
        browser.resize(80, 24);
        browser
    }

    /// The catalogue the picker shows.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The edit being browsed; none while the picker shows.
    pub fn app(&self) -> Option<&App> {
        self.opened.as_ref().map(|opened| &opened.app)
    }

    pub fn app_mut(&mut self) -> Option<&mut App> {
        self.opened.as_mut().map(|opened| &mut opened.app)
    }

    /// The name of the edit being browsed.
    pub fn opened_stem(&self) -> Option<&str> {
        self.opened.as_ref().map(|opened| opened.stem.as_str())
    }

    /// The picker's cursor: an index into the catalogue's entries.
    pub fn picker_cursor(&self) -> usize {
        self.picker.cursor()
    }

    /// The first entry in the picker's view.
    pub fn picker_offset(&self) -> usize {
        self.picker.offset()
    }

    pub fn is_running(&self) -> bool {
        self.running
    }

    /// A key press: Ctrl-C quits from anywhere; other keys go to the edit
    /// being browsed, or move and choose in the picker.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c' | 'C'));
        if ctrl_c {
            self.running = false;
            return;
        }
        match &mut self.opened {
            // Esc with nothing to close goes back to the picker the edit
            // was chosen in; it never ends the session.
            Some(opened)
                if opened.from_picker
                    && !opened.app.has_open()
                    && action_for(key) == Some(Action::Back) =>
            {
                self.leave_for_picker();
            }
            Some(opened) => {
                opened.app.handle_key(key);
                self.after_app();
            }
            None => {
                if let Some(action) = action_for(key) {
                    self.handle(action);
                }
            }
        }
    }

    pub fn handle(&mut self, action: Action) {
        if let Action::Resize { width, height } = action {
            self.resize(width, height);
        }
        if let Some(opened) = &mut self.opened {
            opened.app.handle(action);
            self.after_app();
            return;
        }
        match action {
            Action::Move(motion) => self.picker.move_cursor(motion),
            Action::Activate => self.open(self.picker.cursor(), true),
            Action::Quit => self.running = false,
            Action::Click { column, row } => {
                if let Some(at) = self.entry_at(column, row) {
                    self.picker.select(at);
                    self.open(at, true);
                }
            }
            Action::ScrollUp { .. } => self.picker.scroll(Motion::Up),
            Action::ScrollDown { .. } => self.picker.scroll(Motion::Down),
            _ => {}
        }
    }

    /// The edit whose rows hold the screen cell, in the picker.
    fn entry_at(&self, column: u16, row: u16) -> Option<usize> {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let inner = layout::picker_regions(area)
            .list
            .inner(ratatui::layout::Margin::new(1, 1));
        let cell = ratatui::layout::Position::new(column, row);
        if !inner.contains(cell) {
            return None;
        }
        let at = self.picker.offset() + usize::from(row - inner.y) / PICKER_ROWS_PER_EDIT;
        (at < self.catalogue.len()).then_some(at)
    }

    /// After the app took a key: an edit that quit returns to the picker,
    /// or ends the browser.
    fn after_app(&mut self) {
        let Some(opened) = self.opened.take_if(|opened| !opened.app.is_running()) else {
            return;
        };
        if !opened.from_picker {
            self.running = false;
            self.opened = Some(opened);
            return;
        }
        self.opened = Some(opened);
        self.leave_for_picker();
    }

    /// Back in the picker; should they come back, the edit is where they
    /// left it.
    fn leave_for_picker(&mut self) {
        let Some(opened) = self.opened.take() else {
            return;
        };
        let mut app = opened.app;
        app.resume();
        self.left.retain(|(stem, _)| *stem != opened.stem);
        self.left.push((opened.stem, app));
    }

    fn open(&mut self, at: usize, from_picker: bool) {
        let Some(entry) = self.catalogue.entries().get(at) else {
            return;
        };
        let stem = entry.stem.clone();
        let app = match self.left.iter().position(|(left, _)| *left == stem) {
            Some(i) => {
                let (_, mut app) = self.left.remove(i);
                // Saves made while away.
                let _ = app.bring_to(&self.seen(&entry.latest), Instant::now());
                app
            }
            None => App::on_latest(&self.seen(&entry.latest)),
        };
        let mut opened = Browsed {
            stem,
            app,
            from_picker,
        };
        let (width, height) = self.size;
        opened.app.handle(Action::Resize { width, height });
        self.opened = Some(opened);
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.picker
            .resize(self.catalogue.len(), layout::picker_page(width, height));
    }

    /// A new catalogue (a save, a file added or removed). The edit being
    /// browsed is brought to its new version, keeping its place; one whose
    /// file is gone keeps its last good edit and says so. Returns the app
    /// as it was, for the transport to drop off the key path.
    #[must_use = "drop the old app off the key path"]
    pub fn update(&mut self, catalogue: Arc<Catalogue>, now: Instant) -> Option<App> {
        let chosen = self
            .catalogue
            .entries()
            .get(self.picker.cursor())
            .map(|entry| entry.stem.clone());
        let origin = self
            .opened
            .as_ref()
            .and_then(|opened| self.catalogue.get(&opened.stem))
            .map(EditFile::origin);
        self.catalogue = catalogue;
        let (width, height) = self.size;
        self.resize(width, height);
        if let Some(at) = chosen.and_then(|stem| self.catalogue.position(&stem)) {
            self.picker.select(at);
        }
        let latest = self
            .opened
            .as_ref()
            .and_then(|opened| self.catalogue.get(&opened.stem))
            .map(|entry| self.seen(&entry.latest));
        let problems = self.problems;
        let opened = self.opened.as_mut()?;
        match latest {
            Some(latest) => opened.app.bring_to(&latest, now),
            None if problems == Problems::Hidden => None,
            None => {
                let gone = Problem::gone(&origin.unwrap_or_else(|| opened.stem.clone()));
                if opened.app.problem() != Some(&gone) {
                    let _ = opened.app.reload(crate::edit::Reload::Failed(gone), now);
                }
                None
            }
        }
    }

    /// Whether this browser shows the problems with the files on disk.
    pub fn problems(&self) -> Problems {
        self.problems
    }

    /// `latest` as this browser sees it: without its problem when problems
    /// are hidden.
    fn seen(&self, latest: &Latest) -> Latest {
        match self.problems {
            Problems::Shown => latest.clone(),
            Problems::Hidden => Latest::new(Arc::clone(&latest.edit)),
        }
    }

    /// What the last frame measured, for the edit being browsed.
    pub fn observe(&mut self, drawn: Drawn) {
        if let Some(app) = self.app_mut() {
            app.observe(drawn);
        }
    }

    /// A search for the transport to run away from the key path.
    pub fn search_job(&mut self) -> Option<SearchJob> {
        let opened = self.opened.as_mut()?;
        let job = opened.app.search_job()?;
        self.searching = Some(opened.stem.clone());
        Some(job)
    }

    /// A finished search, for the edit it was run for (left or not).
    pub fn search_done(&mut self, done: SearchDone) {
        let Some(stem) = self.searching.take() else {
            return;
        };
        if let Some(opened) = self.opened.as_mut().filter(|o| o.stem == stem) {
            opened.app.search_done(done);
        } else if let Some((_, app)) = self.left.iter_mut().find(|(left, _)| *left == stem) {
            app.search_done(done);
        }
    }

    /// Lets time pass; whether the screen changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        self.app_mut().is_some_and(|app| app.tick(now))
    }

    /// When [`Browser::tick`] next has something to do.
    pub fn next_tick(&self) -> Option<Instant> {
        self.app().and_then(App::next_tick)
    }

    /// Every edit's shortlist with something on it, in the order of the
    /// edits' names: what the visitor takes home.
    pub fn shortlists(&self) -> Vec<&App> {
        let mut apps: Vec<(&str, &App)> = self
            .left
            .iter()
            .map(|(stem, app)| (stem.as_str(), app))
            .chain(self.opened.iter().map(|o| (o.stem.as_str(), &o.app)))
            .filter(|(_, app)| !app.shortlist().is_empty())
            .collect();
        apps.sort_by_key(|(stem, _)| *stem);
        apps.into_iter().map(|(_, app)| app).collect()
    }

    /// The shortlists as text, one line per item, then the count and total
    /// (what the local terminal prints on quit, and the SSH receipt holds);
    /// each edit's under its title when there are several.
    pub fn take_home(&self) -> String {
        let apps = self.shortlists();
        let titled = apps.len() > 1;
        let mut text = String::new();
        for app in apps {
            let lookbook: &Lookbook = app.lookbook();
            if titled {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&format!("{}\n", lookbook.title));
            }
            text.push_str(&app.shortlist().to_text(lookbook));
            text.push_str(&format!("{}\n", app.shortlist().summary(lookbook)));
        }
        text
    }
}

#[cfg(test)]
mod tests;
