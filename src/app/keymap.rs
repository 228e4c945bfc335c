//! The one keymap table: key handling, the help overlay and the hint bar all
//! read it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::lookbook::Lookbook;
use crate::scroll::Motion;

/// A key as the table names it: a code and the modifiers that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The name shown in help and hints, and accepted wherever keys are
    /// typed by name: `j`, `↑`, `S-Tab`, `C-c`, `PgDn`.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }
}

/// Where a binding is listed in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Move,
    Panes,
    Shop,
    App,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Move, Group::Panes, Group::Shop, Group::App];

    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move",
            Group::Panes => "Panes",
            Group::Shop => "Find and shortlist",
            Group::App => "App",
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub group: Group,
    /// The full description, shown in help: a template in which `{item}`,
    /// `{items}` and `{sections}` stand for the edit's own words (see
    /// [`Binding::describe`]).
    pub description: &'static str,
    /// The short word shown in the hint bar, for the bindings that have one.
    /// Bindings appear in the hint bar in table order, most useful first,
    /// and the bar drops the last ones when the terminal is narrow.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The description in the edit's words: "next sneaker", and the about
    /// key naming the edit's sections.
    pub fn describe(&self, lookbook: &Lookbook) -> String {
        let headings: Vec<&str> = lookbook
            .sections
            .iter()
            .map(|section| section.heading.as_str())
            .collect();
        let text = lookbook.nouns.fill(self.description);
        match headings.is_empty() {
            true => text.replace(": {sections}", ""),
            false => text.replace("{sections}", &headings.join(" · ")),
        }
    }

    /// `↓/j`: every key of the binding, as help and hints show them.
    pub fn keys_label(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(|k| k.name()).collect();
        names.join("/")
    }
}

pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[Key::char('?')],
        action: Action::ToggleHelp,
        group: Group::App,
        description: "show or hide this help",
        hint: Some("help"),
    },
    Binding {
        keys: &[Key::char('/')],
        action: Action::Filter,
        group: Group::Shop,
        description: "filter: type to narrow the list (name, brand, shop, material, wearer…); Enter keeps it, Esc clears it",
        hint: Some("filter"),
    },
    Binding {
        keys: &[Key::char('q'), Key::ctrl('c')],
        action: Action::Quit,
        group: Group::App,
        description: "quit",
        hint: Some("quit"),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::char('j')],
        action: Action::Move(Motion::Down),
        group: Group::Move,
        description: "next {item}, line or look",
        hint: Some("down"),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::char('k')],
        action: Action::Move(Motion::Up),
        group: Group::Move,
        description: "previous {item}, line or look",
        hint: Some("up"),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Tab)],
        action: Action::FocusNext,
        group: Group::Panes,
        description: "focus the next pane",
        hint: Some("pane"),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Activate,
        group: Group::Panes,
        description: "open: {item} → detail → its look → {paired} {item}",
        hint: Some("open"),
    },
    Binding {
        keys: &[Key::char('s')],
        action: Action::CycleSort,
        group: Group::Shop,
        description: "sort: edit order, price low–high, price high–low, brand A–Z",
        hint: Some("sort"),
    },
    Binding {
        keys: &[Key::char('b')],
        action: Action::Budget,
        group: Group::Shop,
        description: "budget: show only {items} up to an amount (Enter on an empty entry clears it)",
        hint: Some("budget"),
    },
    Binding {
        keys: &[Key::char(' ')],
        action: Action::ToggleShortlist,
        group: Group::Shop,
        description: "add the {item} to the shortlist, or take it off",
        hint: Some("pick"),
    },
    Binding {
        keys: &[Key::char('S')],
        action: Action::ShowShortlist,
        group: Group::Shop,
        description: "the shortlist and its total; Space removes, Enter shows the {item}",
        hint: Some("shortlist"),
    },
    Binding {
        keys: &[Key::char('l')],
        action: Action::JumpToLook,
        group: Group::Panes,
        description: "the look the selected {item} {pairs with}",
        hint: None,
    },
    Binding {
        keys: &[Key::char('i')],
        action: Action::ToggleAbout,
        group: Group::App,
        description: "about this edit: {sections}",
        hint: Some("about"),
    },
    Binding {
        keys: &[Key::char('g'), Key::plain(KeyCode::Home)],
        action: Action::Move(Motion::Top),
        group: Group::Move,
        description: "first {item}, line or look",
        hint: None,
    },
    Binding {
        keys: &[Key::char('G'), Key::plain(KeyCode::End)],
        action: Action::Move(Motion::Bottom),
        group: Group::Move,
        description: "last {item}, line or look",
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageUp)],
        action: Action::Move(Motion::PageUp),
        group: Group::Move,
        description: "one page up",
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageDown)],
        action: Action::Move(Motion::PageDown),
        group: Group::Move,
        description: "one page down",
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::BackTab)],
        action: Action::FocusPrev,
        group: Group::Panes,
        description: "focus the previous pane",
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        group: Group::App,
        description: "close what is open, then clear the filter (never quits: q does)",
        hint: None,
    },
];

/// Bound only while the file on disk has errors (the last good edit shows):
/// help and the hint bar list it then, and only then.
pub const ERRORS: Binding = Binding {
    keys: &[Key::char('e')],
    action: Action::ShowErrors,
    group: Group::App,
    description: "every error in the file being edited (the last good edit shows meanwhile)",
    hint: Some("errors"),
};

/// Every binding: the keymap, then the ones that come and go.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().chain(std::iter::once(&ERRORS))
}

/// A key name or a `--keys` sequence that does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("unknown key `{0}`")]
    Unknown(String),
    /// A quote opened and never closed; `rest` is from the quote on.
    #[error("unclosed quote in `{rest}`: close it with {quote}")]
    UnclosedQuote { rest: String, quote: char },
    /// A closing quote with more of the word after it.
    #[error("a quoted word must end before `{0}`: put a space after the quote")]
    AfterQuote(String),
}

/// Reads a key by the name help shows (`j`, `↓` or `Down`, `S-Tab`, `C-c`,
/// `PgDn`, `Space`), for tests and for driving the app headless.
pub fn parse_key(name: &str) -> Result<KeyEvent, KeyError> {
    let (ctrl, base) = match name.strip_prefix("C-") {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, name),
    };
    let code = match base {
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" | "PageUp" => KeyCode::PageUp,
        "PgDn" | "PageDown" => KeyCode::PageDown,
        "Tab" => KeyCode::Tab,
        "S-Tab" | "BackTab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Backspace" | "BS" => KeyCode::Backspace,
        "Space" => KeyCode::Char(' '),
        single if single.chars().count() == 1 => {
            KeyCode::Char(single.chars().next().unwrap_or(' '))
        }
        _ => return Err(KeyError::Unknown(name.to_string())),
    };
    let mut modifiers = if ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    if code == KeyCode::BackTab {
        modifiers |= KeyModifiers::SHIFT;
    }
    Ok(KeyEvent::new(code, modifiers))
}

/// Reads a space-separated sequence of key names. A quoted word (`"bag"`
/// or `'mini bag'`) types its characters one by one, spaces included.
pub fn parse_keys(names: &str) -> Result<Vec<KeyEvent>, KeyError> {
    let mut keys = Vec::new();
    let mut rest = names.trim_start();
    while let Some(first) = rest.chars().next() {
        if first == '"' || first == '\'' {
            let body = &rest[first.len_utf8()..];
            let Some(end) = body.find(first) else {
                return Err(KeyError::UnclosedQuote {
                    rest: rest.to_string(),
                    quote: first,
                });
            };
            keys.extend(
                body[..end]
                    .chars()
                    .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
            rest = &body[end + first.len_utf8()..];
            if rest.starts_with(|c: char| !c.is_whitespace()) {
                return Err(KeyError::AfterQuote(rest.to_string()));
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            keys.push(parse_key(&rest[..end])?);
            rest = &rest[end..];
        }
        rest = rest.trim_start();
    }
    Ok(keys)
}

/// The action a key press asks for, if any.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    // No binding uses Alt: Alt-q is not q (terminals send it for other
    // reasons, such as a compose key or a window-manager shortcut).
    if event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let key = Key {
        code: event.code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    };
    // Terminals send Ctrl-C as 'c' with CONTROL, and some send upper case
    // when Shift is held too.
    let key = match key.code {
        KeyCode::Char(c) if key.ctrl => Key::ctrl(c.to_ascii_lowercase()),
        _ => key,
    };
    bindings()
        .find(|binding| binding.keys.contains(&key))
        .map(|binding| binding.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn every_key_is_bound_once() {
        let keys: Vec<Key> = bindings().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(key),
                "{} is bound twice",
                key.name()
            );
        }
    }

    #[test]
    fn reads_keys_as_terminals_send_them() {
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            press(
                KeyCode::Char('C'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Move(Motion::Bottom))
        );
        assert_eq!(
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::CONTROL), None);
        assert_eq!(press(KeyCode::Char('q'), KeyModifiers::ALT), None);
        assert_eq!(press(KeyCode::Esc, KeyModifiers::ALT), None);
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn key_names_read_as_the_events_a_terminal_sends() {
        let read = |name: &str| parse_key(name).expect("a known name");
        assert_eq!(
            read("j"),
            KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)
        );
        assert_eq!(
            read("C-c"),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        );
        // Terminals send Shift-Tab as BackTab with SHIFT, and only it.
        assert_eq!(
            read("S-Tab"),
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!(read("Tab"), KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        assert_eq!(
            read("C-Tab"),
            KeyEvent::new(KeyCode::Tab, KeyModifiers::CONTROL)
        );
    }

    #[test]
    fn every_key_name_reads_back() {
        for key in bindings().flat_map(|b| b.keys) {
            let event = parse_key(&key.name()).expect("a known name");
            assert_eq!(
                action_for(event),
                bindings().find(|b| b.keys.contains(key)).map(|b| b.action)
            );
        }
        assert!(parse_key("Hyper-x").is_err());
        assert!(parse_keys("j j Tab Enter").is_ok());
    }

    #[test]
    fn quoted_words_type_their_characters() {
        let typed = |text: &str| -> Vec<KeyCode> {
            parse_keys(text)
                .expect("valid keys")
                .into_iter()
                .map(|k| k.code)
                .collect()
        };
        assert_eq!(
            typed("j \"a b\" Tab"),
            [
                KeyCode::Char('j'),
                KeyCode::Char('a'),
                KeyCode::Char(' '),
                KeyCode::Char('b'),
                KeyCode::Tab
            ]
        );
        assert_eq!(
            typed("'\"' \"'\""),
            [KeyCode::Char('"'), KeyCode::Char('\'')]
        );
        assert_eq!(typed("  \"\"  "), []);
        let error = |text: &str| parse_keys(text).expect_err(text).to_string();
        assert_eq!(
            error("j \"open"),
            "unclosed quote in `\"open`: close it with \""
        );
        assert_eq!(
            error("\"a\"b c"),
            "a quoted word must end before `b c`: put a space after the quote"
        );
        assert_eq!(
            parse_keys("j Hyper-x"),
            Err(KeyError::Unknown("Hyper-x".into()))
        );
        assert_eq!(error("j Hyper-x"), "unknown key `Hyper-x`");
    }

    #[test]
    fn names_keys_for_people() {
        assert_eq!(KEYMAP[3].keys_label(), "↓/j");
        assert_eq!(Key::ctrl('c').name(), "C-c");
        assert_eq!(Key::plain(KeyCode::BackTab).name(), "S-Tab");
    }
}
