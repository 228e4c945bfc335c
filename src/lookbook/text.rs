//! Text from the file made safe to draw: what is drawn is what was written.
//!
//! Control characters (escape sequences, BEL) could drive the user's
//! terminal, and bidi overrides make text read differently than it is stored,
//! so both are refused. Tabs become spaces so widths are knowable, and text is
//! NFC-normalised so that "é" typed two ways measures and matches the same.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_width::UnicodeWidthChar;

use super::diagnostic::Diagnostic;

/// Tab stops every four columns.
const TAB_WIDTH: usize = 4;

/// A character the file must not contain in any string.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n' || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text from the file made safe to echo in a message: forbidden characters
/// are shown as escapes instead of reaching the terminal.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden) && !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_forbidden(c) || c == '\n' {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Whether a field may span several lines (a section body, a note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Checks and normalises a string value whose TOML token spans `span` in
/// `source`. On a forbidden character, the error points at it.
pub fn clean(
    value: Cow<'_, str>,
    span: Range<usize>,
    source: &str,
    lines: Lines,
) -> Result<String, Diagnostic> {
    // Files saved with Windows line endings keep `\r\n` inside multi-line
    // strings; the line break is what was meant.
    let value = if lines == Lines::Many && value.contains("\r\n") {
        Cow::Owned(value.replace("\r\n", "\n"))
    } else {
        value
    };
    let bad = value
        .chars()
        .find(|&c| is_forbidden(c) || (c == '\n' && lines == Lines::One));
    if let Some(c) = bad {
        return Err(forbidden_char(c, span, source));
    }
    let value = if value.contains('\t') {
        Cow::Owned(expand_tabs(&value))
    } else {
        value
    };
    Ok(match is_nfc_quick(value.chars()) {
        IsNormalized::Yes => value.into_owned(),
        _ => value.nfc().collect(),
    })
}

fn forbidden_char(c: char, span: Range<usize>, source: &str) -> Diagnostic {
    let at = locate(c, span.clone(), source).unwrap_or(span);
    let what = match c {
        '\n' => "a line break in a one-line field".to_string(),
        '\u{1b}' => "an escape character (U+001B), which could drive the terminal".to_string(),
        c if is_bidi_control(c) => format!(
            "a bidirectional control character ({}), which reorders how text reads",
            codepoint(c)
        ),
        c => format!("a control character ({})", codepoint(c)),
    };
    Diagnostic::new(at, format!("string contains {what}"))
        .expected("printable text: remove this character")
}

fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Finds where in the token `c` was written: as the character itself or as
/// an escape sequence that produces it.
fn locate(c: char, span: Range<usize>, source: &str) -> Option<Range<usize>> {
    let token = source.get(span.clone())?;
    if let Some(i) = token.find(c) {
        return Some(span.start + i..span.start + i + c.len_utf8());
    }
    let escapes = token.match_indices('\\').map(|(i, _)| i);
    for i in escapes {
        let rest = &token[i + 1..];
        let len = match rest.chars().next()? {
            'u' => 5,
            'U' => 9,
            'x' => 3,
            _ => 1,
        };
        let escape = rest.get(..len)?;
        if decode_escape(escape) == Some(c) {
            return Some(span.start + i..span.start + i + 1 + len);
        }
    }
    None
}

fn decode_escape(escape: &str) -> Option<char> {
    let (kind, hex) = escape.split_at(1);
    match kind {
        "u" | "U" | "x" => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
        "b" => Some('\u{8}'),
        "f" => Some('\u{c}'),
        "e" => Some('\u{1b}'),
        "n" => Some('\n'),
        "r" => Some('\r'),
        _ => None,
    }
}

fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += c.width().unwrap_or(0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_token(token: &str) -> Result<String, Diagnostic> {
        let value = toml::de::DeValue::parse(token).expect("valid TOML value");
        let text = value.get_ref().as_str().expect("a string").to_string();
        clean(Cow::Owned(text), 0..token.len(), token, Lines::One)
    }

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(clean_token("\"diamante\u{301}\"").unwrap(), "diamanté");
    }

    #[test]
    fn expands_tabs_to_stops() {
        assert_eq!(expand_tabs("a\tb\n\tc"), "a   b\n    c");
    }

    #[test]
    fn points_at_the_escape_that_made_a_control_character() {
        let err = clean_token(r#""bold \u001b[1m""#).unwrap_err();
        assert_eq!(err.span, 6..12);
        assert!(err.message.contains("escape character"));
    }

    #[test]
    fn points_at_a_literal_bidi_override() {
        let err = clean_token("\"ab\u{202e}c\"").unwrap_err();
        assert_eq!(err.span, 3..6);
        assert!(err.message.contains("U+202E"));
    }

    #[test]
    fn refuses_line_breaks_in_one_line_fields() {
        let err = clean_token("\"a\\nb\"").unwrap_err();
        assert_eq!(err.span, 2..4);
    }
}
