//! The app core: state and the actions that change it. No I/O happens here,
//! so the same core runs in a local terminal, an SSH session or a test.

mod action;
mod budget;
pub mod keymap;
mod list;
mod mouse;
mod prompt;
mod query;
mod reload;
mod search_job;
mod shortlist;
mod sort;

use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

pub use crate::edit::Stop;
pub use action::Action;
pub use prompt::{Prompt, PromptKind};
pub use reload::{NOTICE_FOR, Notice};
pub use search_job::{SearchDone, SearchJob};
pub use shortlist::Shortlist;
pub use sort::Sort;

use crate::edit::{Edit, Problem, SearchIndex};
pub use crate::layout::Pane;
use crate::layout::{self, Drawn};
use crate::lookbook::{Lookbook, Price};
use crate::scroll::{Motion, Scroll};
use list::{ListQuery, Listing};

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    About,
    Shortlist,
    /// Every error in the file on disk, while the last good edit shows.
    Errors,
}

#[derive(Debug, Clone)]
pub struct App {
    /// The edit, shared with every other session on it.
    edit: Arc<Edit>,
    /// The screen size, as the transport last reported it.
    size: (u16, u16),
    focus: Pane,
    query: ListQuery,
    listing: Listing,
    /// Over `listing.visible`: the cursor is the selected bag.
    list: Scroll,
    prompt: Option<Prompt>,
    shortlist: Shortlist,
    /// The detail text; its length is what the last frame measured.
    detail: Scroll,
    /// Where the last frame drew whole photos (for pictures of it).
    photos: Vec<layout::PhotoArea>,
    /// Over `stops`.
    styling: Scroll,
    overlay: Option<Overlay>,
    /// The open overlay's text, or the shortlist's cursor.
    overlay_view: Scroll,
    running: bool,
    /// What is wrong with the file on disk, while the last good edit shows.
    problem: Option<Problem>,
    /// A short message that goes by itself ("reloaded · 12 bags, 3 looks").
    notice: Option<Notice>,
}

impl App {
    /// An app on an edit of its own (no other session shares it).
    pub fn new(lookbook: Arc<Lookbook>) -> App {
        App::on(Edit::new(lookbook))
    }

    /// An app on an edit other sessions may share.
    pub fn on(edit: Arc<Edit>) -> App {
        let listing = Listing::new(&edit.lookbook);
        let mut app = App {
            list: Scroll::new(listing.visible.len(), 0),
            styling: Scroll::new(edit.stops.len(), 0),
            edit,
            size: (0, 0),
            focus: Pane::List,
            query: ListQuery::default(),
            listing,
            prompt: None,
            shortlist: Shortlist::default(),
            detail: Scroll::default(),
            photos: Vec::new(),
            overlay: None,
            overlay_view: Scroll::default(),
            running: true,
            problem: None,
            notice: None,
        };
        app.resize(80, 24);
        app
    }

    pub fn lookbook(&self) -> &Lookbook {
        &self.edit.lookbook
    }

    /// Where the last frame drew whole photos.
    pub fn photo_areas(&self) -> &[layout::PhotoArea] {
        &self.photos
    }

    /// The edit's photos, shared with every session on it.
    pub fn photos(&self) -> &crate::photos::Photos {
        &self.edit.photos
    }

    /// The edit as shared: two apps on one edit hold the same one.
    pub fn edit(&self) -> &Arc<Edit> {
        &self.edit
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The selected bag (an index into the lookbook's bags), if any bag is
    /// in the list.
    pub fn selected(&self) -> Option<usize> {
        self.listing.visible.get(self.list.cursor()).copied()
    }

    /// The bags the list shows, in order.
    pub fn visible(&self) -> &[usize] {
        &self.listing.visible
    }

    /// Position of the selection in `visible`.
    pub fn cursor(&self) -> usize {
        self.list.cursor()
    }

    /// The first row of the list in view.
    pub fn list_offset(&self) -> usize {
        self.list.offset()
    }

    /// How many bags the filter matches before the budget narrows them,
    /// while a filter is in force.
    pub fn filter_matches(&self) -> Option<usize> {
        self.listing.filter_matches()
    }

    pub fn filter(&self) -> &str {
        &self.query.filter
    }

    pub fn sort(&self) -> Sort {
        self.query.sort
    }

    pub fn budget(&self) -> Option<Price> {
        self.query.budget
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn shortlist(&self) -> &Shortlist {
        &self.shortlist
    }

    /// The search index, once a filter has been typed.
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.listing.search_index()
    }

    /// The first row of the detail text in view.
    pub fn detail_scroll(&self) -> usize {
        self.detail.offset()
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The first row of the open overlay in view.
    pub fn overlay_scroll(&self) -> usize {
        self.overlay_view.offset()
    }

    /// The shortlist overlay's cursor.
    pub fn shortlist_cursor(&self) -> usize {
        self.overlay_view.cursor()
    }

    /// Whether the filter is being searched away from the key path: the
    /// list shows the last result until it comes.
    pub fn is_searching(&self) -> bool {
        self.listing.is_searching()
    }

    /// A search for the transport to run away from the key path (each is
    /// handed out once); its result goes to [`App::search_done`].
    pub fn search_job(&mut self) -> Option<SearchJob> {
        self.listing.take_job()
    }

    /// Takes a finished search in; a result for a filter since changed is
    /// kept only if the new filter extends it.
    pub fn search_done(&mut self, done: SearchDone) {
        let before = self.selected();
        self.listing.finish(&self.edit, &self.query, done);
        self.after_listing_changed(before);
    }

    /// Where the styling pane's cursor is, if there are looks.
    pub fn styling_stop(&self) -> Option<Stop> {
        self.edit.stops.get(self.styling.cursor())
    }

    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Running again after a quit: the browser keeps an edit that was left
    /// for its picker, to come back to.
    pub fn resume(&mut self) {
        self.running = true;
    }

    /// Handles a key press: typed into the prompt when one is open,
    /// otherwise through the keymap. Unbound keys do nothing, and neither
    /// do releases (terminals with the kitty protocol report them): every
    /// transport's keys come through here, so this is the one filter.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if self.prompt.is_some() {
            self.edit_prompt(key);
        } else if let Some(action) = keymap::action_for(key) {
            self.handle(action);
        }
    }

    pub fn handle(&mut self, action: Action) {
        match action {
            Action::Quit => self.running = false,
            Action::Resize { width, height } => self.resize(width, height),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.wheel(column, row, Motion::Up),
            Action::ScrollDown { column, row } => self.wheel(column, row, Motion::Down),
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleAbout => self.toggle(Overlay::About),
            Action::ShowShortlist => self.toggle(Overlay::Shortlist),
            Action::ShowErrors
                if self.problem.is_some() || self.overlay == Some(Overlay::Errors) =>
            {
                self.toggle(Overlay::Errors);
            }
            Action::ShowErrors => {}
            Action::Back => self.back(),
            _ if self.overlay == Some(Overlay::Shortlist) => self.in_shortlist(action),
            Action::Move(motion) if self.overlay.is_some() => self.overlay_view.scroll(motion),
            _ if self.overlay.is_some() => {}
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::Activate => self.activate(),
            Action::Filter => self.open_prompt(PromptKind::Filter),
            Action::Budget => self.open_prompt(PromptKind::Budget),
            Action::CycleSort => self.set_query(|q| q.sort = q.sort.next()),
            Action::ToggleShortlist => {
                if let Some(bag) = self.selected() {
                    self.shortlist.toggle(bag);
                }
            }
            Action::JumpToLook => self.jump_to_look(),
            Action::Move(motion) => self.navigate(motion),
        }
    }

    /// What the last frame measured of the text the app scrolls: the
    /// drawing is the one place that lays it out, so it says how long it is.
    pub fn observe(&mut self, drawn: Drawn) {
        self.photos = drawn.photos;
        if let Some(detail) = drawn.detail {
            self.detail.resize(detail.len, detail.viewport);
        }
        match (self.overlay, drawn.overlay) {
            // The shortlist's cursor is on its bags, which the app counts;
            // the blank line and the total below them stay in view.
            (Some(Overlay::Shortlist), Some(overlay)) => {
                let rows = overlay.viewport.saturating_sub(2);
                self.overlay_view.resize(self.shortlist.len(), rows);
            }
            (Some(_), Some(overlay)) => self.overlay_view.resize(overlay.len, overlay.viewport),
            _ => {}
        }
    }

    /// Esc closes the innermost thing open: an overlay, then the filter.
    /// With nothing open it does nothing: Esc pressed once too often never
    /// ends a visitor's session (q and Ctrl-C do).
    fn back(&mut self) {
        if self.overlay.is_some() {
            self.overlay = None;
        } else if !self.query.filter.is_empty() {
            self.set_query(|q| q.filter.clear());
        }
    }

    /// Whether Esc has something to close: the prompt, an overlay, the
    /// filter.
    pub fn has_open(&self) -> bool {
        self.prompt.is_some() || self.overlay.is_some() || !self.query.filter.is_empty()
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
        let len = if self.overlay == Some(Overlay::Shortlist) {
            self.shortlist.len()
        } else {
            0
        };
        self.overlay_view = Scroll::new(len, 0);
        self.prompt = None;
        self.fit_list();
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.fit_list();
        let styling_rows = layout::pane_rows(width, height, Pane::Styling);
        self.styling.resize(self.edit.stops.len(), styling_rows);
    }

    /// How many bags the list shows at once at the current size: a page.
    pub fn list_page(&self) -> usize {
        let rows = layout::pane_rows(self.size.0, self.size.1, Pane::List);
        (rows.saturating_sub(self.prompt_rows()) / self.item_rows()).max(1)
    }

    /// Rows each bag takes in the list at the current size.
    pub fn item_rows(&self) -> usize {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let list = layout::regions(area, Pane::List).list.unwrap_or_default();
        layout::item_rows(list.width)
    }

    /// Rows the filter or budget entry takes at the top of the list.
    pub fn prompt_rows(&self) -> usize {
        match &self.prompt {
            Some(prompt) => 1 + usize::from(prompt.error.is_some()),
            None => usize::from(!self.query.filter.is_empty()),
        }
    }

    /// The list's scroll, fitted to what it shows and the rows it has.
    fn fit_list(&mut self) {
        self.list
            .resize(self.listing.visible.len(), self.list_page());
    }

    fn navigate(&mut self, motion: Motion) {
        match self.focus {
            Pane::List => {
                let mut list = self.list;
                list.move_cursor(motion);
                self.set_cursor(list.cursor());
            }
            Pane::Detail => self.detail.scroll(motion),
            Pane::Styling => self.styling.move_cursor(motion),
        }
    }

    /// Moves the selection, showing the new bag from the top.
    fn set_cursor(&mut self, cursor: usize) {
        let before = self.selected();
        self.list.select(cursor);
        if self.selected() != before {
            self.detail.reset();
        }
    }

    /// Selects a bag by its index in the lookbook, widening the list (no
    /// filter, no budget) if the bag is not in it.
    fn select_bag(&mut self, bag: usize) {
        if !self.listing.visible.contains(&bag) {
            self.set_query(|q| {
                q.filter.clear();
                q.budget = None;
            });
        }
        if let Some(position) = self.listing.visible.iter().position(|&b| b == bag) {
            self.set_cursor(position);
        }
    }

    /// Enter leads from a bag to its detail, from the detail to the first
    /// look it pairs with, from a look to its paired bags, and from a paired
    /// bag back to that bag in the list.
    fn activate(&mut self) {
        match self.focus {
            Pane::List => self.focus = Pane::Detail,
            Pane::Detail => self.jump_to_look(),
            Pane::Styling => match self.styling_stop() {
                Some(Stop::Look(look)) if !self.edit.lookbook.looks[look].pairs.is_empty() => {
                    self.styling
                        .select(self.stop_index(Stop::Pair { look, pair: 0 }));
                }
                Some(Stop::Pair { look, pair }) => {
                    let bag = self.edit.lookbook.looks[look].pairs[pair];
                    self.select_bag(bag);
                    self.focus = Pane::List;
                }
                _ => {}
            },
        }
    }

    /// Focuses the styling pane on the first look the selected bag pairs
    /// with (or just focuses it, when the bag pairs with none).
    fn jump_to_look(&mut self) {
        let look = self
            .selected()
            .and_then(|bag| self.edit.lookbook.looks_pairing(bag).next());
        if let Some(look) = look {
            self.styling.select(self.stop_index(Stop::Look(look)));
        }
        self.focus = Pane::Styling;
    }

    fn in_shortlist(&mut self, action: Action) {
        let cursor = self.overlay_view.cursor();
        match action {
            Action::ToggleShortlist => self.shortlist.remove_at(cursor),
            Action::Activate => {
                if let Some(bag) = self.shortlist.get(cursor) {
                    self.overlay = None;
                    self.select_bag(bag);
                    self.focus = Pane::List;
                }
            }
            Action::Move(motion) => self.overlay_view.move_cursor(motion),
            _ => {}
        }
        let rows = self.overlay_view.viewport();
        self.overlay_view.resize(self.shortlist.len(), rows);
    }

    fn stop_index(&self, stop: Stop) -> usize {
        self.edit.stops.index(stop)
    }
}

#[cfg(test)]
mod tests;
