//! A one-line text entry at the top of the list: the filter or the budget.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Filter,
    Budget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Shown under the entry when what was typed can't be used.
    pub error: Option<String>,
}

/// What a key did to the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Changed,
    Accept,
    Cancel,
    Quit,
    Ignored,
}

/// The keys an entry understands, for the hint bar while it is open: the
/// keymap's bindings don't apply while typing, so hinting them would lie.
pub struct EntryKey {
    pub keys: &'static str,
    pub hint: &'static str,
}

const fn key(keys: &'static str, hint: &'static str) -> EntryKey {
    EntryKey { keys, hint }
}

const FILTER_KEYS: &[EntryKey] = &[
    key("Enter", "keep filter"),
    key("Esc", "clear"),
    key("C-w", "delete word"),
    key("C-u", "delete all"),
    key("C-c", "quit"),
];

const BUDGET_KEYS: &[EntryKey] = &[
    key("Enter", "set budget"),
    key("Esc", "cancel"),
    key("C-u", "delete all"),
    key("C-c", "quit"),
];

impl PromptKind {
    pub fn keys(self) -> &'static [EntryKey] {
        match self {
            PromptKind::Filter => FILTER_KEYS,
            PromptKind::Budget => BUDGET_KEYS,
        }
    }
}

/// The longest entry kept: far beyond any query, and it keeps a paste of a
/// whole file from making every keystroke slow.
const MAX_CHARS: usize = 200;

impl Prompt {
    pub fn new(kind: PromptKind, text: String) -> Prompt {
        Prompt {
            kind,
            text,
            error: None,
        }
    }

    pub fn edit(&mut self, key: KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => Edit::Quit,
            KeyCode::Char('u') if ctrl => self.change(String::clear),
            KeyCode::Char('w') if ctrl => self.change(delete_word),
            KeyCode::Char(c)
                if !ctrl && !c.is_control() && self.text.chars().count() < MAX_CHARS =>
            {
                self.change(|text| text.push(c))
            }
            KeyCode::Backspace => self.change(|text| {
                text.pop();
            }),
            KeyCode::Enter => Edit::Accept,
            KeyCode::Esc => Edit::Cancel,
            _ => Edit::Ignored,
        }
    }

    fn change(&mut self, edit: impl FnOnce(&mut String)) -> Edit {
        edit(&mut self.text);
        self.error = None;
        Edit::Changed
    }
}

fn delete_word(text: &mut String) {
    let kept = text.trim_end().rfind(' ').map_or(0, |i| i + 1);
    text.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, ctrl: bool) -> KeyEvent {
        let modifiers = if ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(code, modifiers)
    }

    fn typed(text: &str) -> Prompt {
        let mut prompt = Prompt::new(PromptKind::Filter, String::new());
        for c in text.chars() {
            prompt.edit(key(KeyCode::Char(c), false));
        }
        prompt
    }

    #[test]
    fn letters_type_even_the_ones_control_keys_use() {
        let mut prompt = typed("cuw");
        assert_eq!(prompt.text, "cuw");
        assert_eq!(prompt.edit(key(KeyCode::Char('a'), true)), Edit::Ignored);
        assert_eq!(
            prompt.edit(key(KeyCode::Char('\u{7}'), false)),
            Edit::Ignored
        );
        assert_eq!(prompt.text, "cuw");
    }

    #[test]
    fn control_keys_quit_clear_and_delete_a_word() {
        let mut prompt = typed("mini bag edit");
        assert_eq!(prompt.edit(key(KeyCode::Char('w'), true)), Edit::Changed);
        assert_eq!(prompt.text, "mini bag ");
        prompt.edit(key(KeyCode::Char('w'), true));
        assert_eq!(prompt.text, "mini ");
        prompt.edit(key(KeyCode::Char('w'), true));
        assert_eq!(prompt.text, "");
        let mut prompt = typed("nano");
        prompt.error = Some("not a price".into());
        assert_eq!(prompt.edit(key(KeyCode::Char('u'), true)), Edit::Changed);
        assert_eq!((prompt.text.as_str(), prompt.error.as_ref()), ("", None));
        assert_eq!(prompt.edit(key(KeyCode::Char('c'), true)), Edit::Quit);
    }

    #[test]
    fn an_entry_stops_growing_at_its_limit() {
        let long = "x".repeat(MAX_CHARS + 1);
        let mut prompt = typed(&long);
        assert_eq!(prompt.text.chars().count(), MAX_CHARS);
        assert_eq!(prompt.edit(key(KeyCode::Char('y'), false)), Edit::Ignored);
        prompt.edit(key(KeyCode::Backspace, false));
        prompt.edit(key(KeyCode::Char('y'), false));
        assert!(prompt.text.ends_with('y'));
    }
}
