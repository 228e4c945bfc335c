//! The app core: state and the actions that change it. No I/O happens here,
//! so the same core runs in a local terminal, an SSH session or a test.

mod action;
pub mod keymap;
mod styling;

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

pub use action::Action;
pub use styling::Stop;

use crate::lookbook::Lookbook;
use crate::ui::layout;
use crate::ui::theme::Theme;

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
}

#[derive(Debug, Clone)]
pub struct App {
    lookbook: Arc<Lookbook>,
    theme: Theme,
    stops: Vec<Stop>,
    /// The screen size, as the transport last reported it.
    size: (u16, u16),
    focus: Pane,
    /// Index of the selected bag; always valid when there are bags.
    selected: usize,
    /// First bag row drawn; kept so the list scrolls only when the
    /// selection would leave the window, as users expect.
    list_offset: usize,
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
        App {
            lookbook,
            theme,
            stops,
            size: (80, 24),
            focus: Pane::List,
            selected: 0,
            list_offset: 0,
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

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn list_offset(&self) -> usize {
        self.list_offset
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

    /// Handles a key press through the keymap; unbound keys do nothing.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::action_for(key) {
            self.handle(action);
        }
    }

    pub fn handle(&mut self, action: Action) {
        match action {
            Action::Quit => self.running = false,
            Action::Resize { width, height } => self.resize(width, height),
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleAbout => self.toggle(Overlay::About),
            Action::Back if self.overlay.is_some() => self.overlay = None,
            Action::Back => self.running = false,
            _ if self.overlay.is_some() => self.scroll_overlay(action),
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::Activate => self.activate(),
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => self.navigate(action),
        }
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
        self.overlay_scroll = 0;
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

    /// How far the detail pane or the open overlay can scroll.
    fn max_scroll(&self) -> usize {
        crate::ui::max_scroll(self, self.size.0, self.size.1)
    }

    fn navigate(&mut self, action: Action) {
        match self.focus {
            Pane::List => self.move_selection(action),
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

    fn move_selection(&mut self, action: Action) {
        let last = self.lookbook.bags.len().saturating_sub(1);
        self.select(step(self.selected, action, last, self.page()));
    }

    /// Selects a bag and shows it from the top.
    fn select(&mut self, bag: usize) {
        if bag != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = bag.min(self.lookbook.bags.len().saturating_sub(1));
        self.keep_selection_in_view();
    }

    fn keep_selection_in_view(&mut self) {
        let rows = layout::pane_rows(self.size.0, self.size.1, Pane::List).max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
    }

    /// Enter leads from a bag to its detail, from the detail to the first
    /// look it pairs with, from a look to its paired bags, and from a paired
    /// bag back to that bag in the list.
    fn activate(&mut self) {
        match self.focus {
            Pane::List => self.focus = Pane::Detail,
            Pane::Detail => {
                if let Some(look) = self.lookbook.looks_pairing(self.selected).next() {
                    self.styling_cursor = self.stop_index(Stop::Look(look));
                }
                self.focus = Pane::Styling;
            }
            Pane::Styling => match self.styling_stop() {
                Some(Stop::Look(look)) if !self.lookbook.looks[look].pairs.is_empty() => {
                    self.styling_cursor = self.stop_index(Stop::Pair { look, pair: 0 });
                }
                Some(Stop::Pair { look, pair }) => {
                    let bag = self.lookbook.looks[look].pairs[pair];
                    self.select(bag);
                    self.focus = Pane::List;
                }
                _ => {}
            },
        }
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
