//! Mouse input, for users who turn it on: a click selects a row or focuses
//! a pane, the wheel moves through the pane under the pointer. Hit-testing
//! uses the same layout the frame is drawn with.

use ratatui::layout::{Position, Rect};

use super::{App, Pane};
use crate::layout;
use crate::scroll::Motion;

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some(pane) = self.pane_at(column, row) else {
            return;
        };
        if self.overlay.is_some() {
            return;
        }
        self.focus = pane;
        if pane == Pane::List {
            let list = self.screen().list.unwrap_or_default();
            let prompt_rows = u16::try_from(self.prompt_rows()).unwrap_or(u16::MAX);
            let first_row = list.y.saturating_add(1).saturating_add(prompt_rows);
            if row >= first_row && row < list.bottom().saturating_sub(1) {
                let clicked = self.list.offset() + usize::from(row - first_row) / self.item_rows();
                if clicked < self.visible().len() {
                    self.set_cursor(clicked);
                }
            }
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, direction: Motion) {
        if self.overlay.is_some() {
            self.overlay_view.scroll(direction);
            return;
        }
        if let Some(pane) = self.pane_at(column, row) {
            let focus = std::mem::replace(&mut self.focus, pane);
            self.navigate(direction);
            self.focus = focus;
        }
    }

    fn screen(&self) -> layout::Regions {
        layout::regions(Rect::new(0, 0, self.size.0, self.size.1), self.focus)
    }

    fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let screen = self.screen();
        let at = Position::new(column, row);
        Pane::ALL
            .into_iter()
            .find(|&pane| screen.pane(pane).is_some_and(|rect| rect.contains(at)))
    }
}
