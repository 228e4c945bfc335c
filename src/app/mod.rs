//! The app core: state and the actions that change it. No I/O happens here,
//! so the same core runs in a local terminal, an SSH session or a test.

mod action;
mod budget;
pub mod keymap;
mod list;
mod mouse;
mod prompt;
mod query;
mod search;
mod shortlist;
mod sort;
mod styling;

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

pub use action::Action;
pub use prompt::{Prompt, PromptKind};
pub use search::SearchIndex;
pub use shortlist::Shortlist;
pub use sort::Sort;
pub use styling::Stop;

use crate::lookbook::{Lookbook, Price};
use crate::ui::layout;
use crate::ui::theme::Theme;
use list::{ListQuery, Listing};

/// The panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
    Styling,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Detail, Pane::Styling];

    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Bags",
            Pane::Detail => "Detail",
            Pane::Styling => "Styling",
        }
    }

    fn next(self) -> Pane {
        Pane::ALL[(self as usize + 1) % Pane::ALL.len()]
    }

    fn prev(self) -> Pane {
        Pane::ALL[(self as usize + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    About,
    Shortlist,
}

#[derive(Debug, Clone)]
pub struct App {
    lookbook: Arc<Lookbook>,
    theme: Theme,
    stops: Vec<Stop>,
    /// The screen size, as the transport last reported it.
    size: (u16, u16),
    focus: Pane,
    query: ListQuery,
    listing: Listing,
    /// Index into `listing.visible` of the selected bag.
    cursor: usize,
    /// First row drawn; kept so the list scrolls only when the selection
    /// would leave the window, as users expect.
    list_offset: usize,
    prompt: Option<Prompt>,
    shortlist: Shortlist,
    detail_scroll: usize,
    /// Index into `stops`.
    styling_cursor: usize,
    overlay: Option<Overlay>,
    overlay_scroll: usize,
    running: bool,
}

impl App {
    pub fn new(lookbook: Arc<Lookbook>, theme: Theme) -> App {
        let stops = styling::stops(&lookbook);
        let listing = Listing::new(&lookbook);
        App {
            lookbook,
            theme,
            stops,
            size: (80, 24),
            focus: Pane::List,
            query: ListQuery::default(),
            listing,
            cursor: 0,
            list_offset: 0,
            prompt: None,
            shortlist: Shortlist::default(),
            detail_scroll: 0,
            styling_cursor: 0,
            overlay: None,
            overlay_scroll: 0,
            running: true,
        }
    }

    pub fn lookbook(&self) -> &Lookbook {
        &self.lookbook
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The selected bag (an index into the lookbook's bags), if any bag is
    /// in the list.
    pub fn selected(&self) -> Option<usize> {
        self.listing.visible.get(self.cursor).copied()
    }

    /// The bags the list shows, in order.
    pub fn visible(&self) -> &[usize] {
        &self.listing.visible
    }

    /// Position of the selection in `visible`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn list_offset(&self) -> usize {
        self.list_offset
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

    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn overlay_scroll(&self) -> usize {
        self.overlay_scroll
    }

    /// Where the styling pane's cursor is, if there are looks.
    pub fn styling_stop(&self) -> Option<Stop> {
        self.stops.get(self.styling_cursor).copied()
    }

    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Handles a key press: typed into the prompt when one is open,
    /// otherwise through the keymap. Unbound keys do nothing.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
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
            Action::ScrollUp { column, row } => self.wheel(column, row, Action::Up),
            Action::ScrollDown { column, row } => self.wheel(column, row, Action::Down),
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleAbout => self.toggle(Overlay::About),
            Action::ShowShortlist => self.toggle(Overlay::Shortlist),
            Action::Back => self.back(),
            _ if self.overlay == Some(Overlay::Shortlist) => self.in_shortlist(action),
            _ if self.overlay.is_some() => self.scroll_overlay(action),
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
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => self.navigate(action),
        }
    }

    /// Esc closes the innermost thing open: an overlay, then the filter;
    /// with nothing open it quits.
    fn back(&mut self) {
        if self.overlay.is_some() {
            self.overlay = None;
        } else if !self.query.filter.is_empty() {
            self.set_query(|q| q.filter.clear());
        } else {
            self.running = false;
        }
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
        self.overlay_scroll = 0;
        self.prompt = None;
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.keep_selection_in_view();
        let max = self.max_scroll();
        if self.overlay.is_some() {
            self.overlay_scroll = self.overlay_scroll.min(max);
        } else {
            self.detail_scroll = self.detail_scroll.min(max);
        }
    }

    /// Rows of the focused pane at the current size (at least one, so
    /// paging always moves).
    fn page(&self) -> usize {
        layout::pane_rows(self.size.0, self.size.1, self.focus).max(1)
    }

    /// Rows of bags the list shows at the current size.
    pub fn list_rows(&self) -> usize {
        let rows = layout::pane_rows(self.size.0, self.size.1, Pane::List);
        rows.saturating_sub(self.prompt_rows()).max(1)
    }

    /// Rows the filter or budget entry takes at the top of the list.
    pub fn prompt_rows(&self) -> usize {
        match &self.prompt {
            Some(prompt) => 1 + usize::from(prompt.error.is_some()),
            None => usize::from(!self.query.filter.is_empty()),
        }
    }

    /// How far the detail pane or the open overlay can scroll.
    fn max_scroll(&self) -> usize {
        crate::ui::max_scroll(self, self.size.0, self.size.1)
    }

    fn navigate(&mut self, action: Action) {
        match self.focus {
            Pane::List => self.move_cursor(action),
            Pane::Detail => {
                self.detail_scroll =
                    step(self.detail_scroll, action, self.max_scroll(), self.page());
            }
            Pane::Styling => {
                let last = self.stops.len().saturating_sub(1);
                self.styling_cursor = step(self.styling_cursor, action, last, self.page());
            }
        }
    }

    fn scroll_overlay(&mut self, action: Action) {
        self.overlay_scroll = step(self.overlay_scroll, action, self.max_scroll(), self.page());
    }

    fn move_cursor(&mut self, action: Action) {
        let last = self.listing.visible.len().saturating_sub(1);
        self.set_cursor(step(self.cursor, action, last, self.list_rows()));
    }

    /// Moves the selection, showing the new bag from the top.
    fn set_cursor(&mut self, cursor: usize) {
        let before = self.selected();
        self.cursor = cursor.min(self.listing.visible.len().saturating_sub(1));
        if self.selected() != before {
            self.detail_scroll = 0;
        }
        self.keep_selection_in_view();
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

    fn keep_selection_in_view(&mut self) {
        let rows = self.list_rows();
        if self.cursor < self.list_offset {
            self.list_offset = self.cursor;
        } else if self.cursor >= self.list_offset + rows {
            self.list_offset = self.cursor + 1 - rows;
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
                Some(Stop::Look(look)) if !self.lookbook.looks[look].pairs.is_empty() => {
                    self.styling_cursor = self.stop_index(Stop::Pair { look, pair: 0 });
                }
                Some(Stop::Pair { look, pair }) => {
                    let bag = self.lookbook.looks[look].pairs[pair];
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
            .and_then(|bag| self.lookbook.looks_pairing(bag).next());
        if let Some(look) = look {
            self.styling_cursor = self.stop_index(Stop::Look(look));
        }
        self.focus = Pane::Styling;
    }

    fn in_shortlist(&mut self, action: Action) {
        let len = self.shortlist.len();
        match action {
            Action::ToggleShortlist => self.shortlist.remove_at(self.overlay_scroll),
            Action::Activate => {
                if let Some(bag) = self.shortlist.get(self.overlay_scroll) {
                    self.overlay = None;
                    self.select_bag(bag);
                    self.focus = Pane::List;
                }
            }
            _ => {
                self.overlay_scroll = step(
                    self.overlay_scroll,
                    action,
                    len.saturating_sub(1),
                    self.page(),
                )
            }
        }
        self.overlay_scroll = self
            .overlay_scroll
            .min(self.shortlist.len().saturating_sub(1));
    }

    fn stop_index(&self, stop: Stop) -> usize {
        self.stops.iter().position(|s| *s == stop).unwrap_or(0)
    }
}

/// Moves a cursor within `0..=last` by one step, one page, or to an end.
fn step(current: usize, action: Action, last: usize, page: usize) -> usize {
    let next = match action {
        Action::Up => current.saturating_sub(1),
        Action::Down => current.saturating_add(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => current.saturating_sub(page),
        Action::PageDown => current.saturating_add(page),
        _ => current,
    };
    next.min(last)
}

#[cfg(test)]
mod tests;
