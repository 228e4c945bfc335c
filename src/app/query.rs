//! The filter, sort and budget: what the list shows, and the entry that
//! edits them.

use ratatui::crossterm::event::KeyEvent;

use super::list::ListQuery;
use super::prompt::{Edit, Prompt, PromptKind};
use super::{App, Pane, budget};

impl App {
    /// Changes the filter, sort or budget and recomputes the list, keeping
    /// the same bag selected when it is still in the list.
    pub(super) fn set_query(&mut self, change: impl FnOnce(&mut ListQuery)) {
        let before = self.selected();
        change(&mut self.query);
        self.listing.refresh(&self.edit, &self.query);
        self.after_listing_changed(before);
    }

    /// Keeps the bag that was selected (`before`) selected when it is still
    /// listed, otherwise selects the first.
    pub(super) fn after_listing_changed(&mut self, before: Option<usize>) {
        let kept = before.and_then(|bag| self.listing.visible.iter().position(|&b| b == bag));
        self.fit_list();
        self.list.select(kept.unwrap_or(0));
        if self.selected() != before {
            self.detail.reset();
        }
    }

    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        if kind == PromptKind::Filter {
            // Build the search index now, so the first character typed costs
            // no more than the ones after it.
            self.listing.prepare(&self.edit);
        }
        let text = match kind {
            PromptKind::Filter => self.query.filter.clone(),
            PromptKind::Budget => String::new(),
        };
        self.prompt = Some(Prompt::new(kind, text));
        self.focus = Pane::List;
        self.fit_list();
    }

    pub(super) fn edit_prompt(&mut self, key: KeyEvent) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        let kind = prompt.kind;
        match (prompt.edit(key), kind) {
            (Edit::Quit, _) => self.running = false,
            (Edit::Changed, PromptKind::Filter) => {
                let text = prompt.text.clone();
                self.set_query(|q| q.filter = text);
            }
            (Edit::Accept, PromptKind::Filter) => self.prompt = None,
            (Edit::Cancel, PromptKind::Filter) => {
                self.prompt = None;
                self.set_query(|q| q.filter.clear());
            }
            (Edit::Accept, PromptKind::Budget) => self.apply_budget(),
            (Edit::Cancel, PromptKind::Budget) => self.prompt = None,
            (Edit::Changed | Edit::Ignored, _) => {}
        }
        self.fit_list();
    }

    /// Sets the budget typed, or keeps the old one and says what was wrong.
    fn apply_budget(&mut self) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match budget::parse(&prompt.text, self.edit.lookbook.currency) {
            Ok(budget) => {
                self.prompt = None;
                self.set_query(|q| q.budget = budget);
            }
            // The prompt shows it as typed text, under the entry.
            Err(error) => prompt.error = Some(error.to_string()),
        }
    }
}
