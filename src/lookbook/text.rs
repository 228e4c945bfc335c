//! Text from the file made safe to draw: what is drawn is what was written,
//! and every terminal draws it in the cells ratatui measured for it.
//!
//! ratatui measures a grapheme cluster with unicode-width; a terminal
//! measures each character on its own (vt100, xterm) or joins some sequences
//! its own way (tmux 3.3 joins after a U+200D, even between Hebrew letters).
//! Where they disagree the rest of the row shifts and borders break, so every
//! string goes through one policy, in this order:
//!
//! 1. **Refused**, with an error at the character (which the report shows
//!    escaped): control characters other than tab and line break, which could
//!    drive the terminal (escape sequences, BEL); bidi overrides, which make
//!    text read differently than it is stored; U+2028 LINE SEPARATOR and
//!    U+2029 PARAGRAPH SEPARATOR, which some terminals break the line at and
//!    others drop (a multi-line field takes a real line break); and
//!    noncharacters (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF in every plane),
//!    which are not text and which terminals drop or draw as a box.
//! 2. **Folded**: the parts of emoji sequences that terminals disagree on are
//!    dropped, leaving characters every terminal draws at the width
//!    unicode-width gives them: U+200D ZERO WIDTH JOINER (👩‍👧 becomes 👩👧,
//!    drawn side by side as most terminals draw it), the variation selectors
//!    U+FE00..U+FE0F (❤️ becomes ❤: VS16 widens it in some terminals only),
//!    skin-tone modifiers U+1F3FB..U+1F3FF (👍🏽 becomes 👍), the keycap mark
//!    U+20E3 (1️⃣ becomes 1) and tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿 becomes 🏴, whose tags
//!    overflow a terminal cell). Zero-width spaces, word joiners and
//!    byte-order marks (U+200B, U+2060, U+FEFF) go too: nothing draws them.
//! 3. Tabs become spaces so widths are knowable, and text is NFC-normalised so
//!    that "é" typed two ways measures and matches the same.
//! 4. **Refused**: more than [`MAX_MARKS`] zero-width characters (combining
//!    marks) on one character, which terminals cut short.
//! 5. A field with nothing visible (only whitespace, combining marks,
//!    zero-width characters or blank fillers such as U+3164) is "empty", the
//!    same error as `""` (see [`has_visible`]).

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_width::UnicodeWidthChar;

use super::diagnostic::Diagnostic;

/// Tab stops every four columns.
const TAB_WIDTH: usize = 4;

/// A terminal keeps about 20 bytes of text per cell (vt100 22, tmux 21) and
/// drops the combining characters past that: four, of at most four bytes
/// each, fit on any character.
pub const MAX_MARKS: usize = 4;

/// A character the file must not contain in any string.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
        || is_bidi_control(c)
        || is_separator(c)
        || is_noncharacter(c)
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks that
/// terminals do not agree on.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// The 66 code points Unicode reserves never to be characters.
fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || u32::from(c) & 0xFFFE == 0xFFFE
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

/// Checks, folds and normalises a string value whose TOML token spans `span`
/// in `source`, as the module documentation says. On a forbidden character,
/// the error points at it.
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
    if value.is_ascii() {
        // Nothing to fold, normalise or stack: the common case, kept fast.
        return Ok(if value.contains('\t') {
            expand_tabs(&value)
        } else {
            value.into_owned()
        });
    }
    let value = if value.chars().any(is_folded) {
        Cow::Owned(value.chars().filter(|&c| !is_folded(c)).collect())
    } else {
        value
    };
    let value = if value.contains('\t') {
        Cow::Owned(expand_tabs(&value))
    } else {
        value
    };
    let value = match is_nfc_quick(value.chars()) {
        IsNormalized::Yes => value.into_owned(),
        _ => value.nfc().collect(),
    };
    match longest_mark_run(&value) {
        marks if marks > MAX_MARKS => Err(too_many_marks(marks, span, source)),
        _ => Ok(value),
    }
}

/// A character dropped from every string: each is invisible on its own,
/// and each makes unicode-width measure the characters around it otherwise
/// than some terminal draws them.
fn is_folded(c: char) -> bool {
    matches!(
        c,
        '\u{200D}' // zero width joiner: emoji ZWJ sequences
            | '\u{FE00}'..='\u{FE0F}' // variation selectors, VS15/VS16 above all
            | '\u{1F3FB}'..='\u{1F3FF}' // emoji skin-tone modifiers
            | '\u{20E3}' // combining enclosing keycap
            | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' // tags: subdivision flags
            | '\u{200B}' | '\u{2060}' | '\u{FEFF}' // zero-width space, word joiner, BOM
    )
}

/// Whether `text` has something to see: a character that is not
/// whitespace, not zero-width (combining marks, joiners, selectors) and not
/// a filler that draws as a blank.
pub fn has_visible(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && c.width().is_some_and(|w| w > 0) && !is_blank_filler(c))
}

/// Hangul fillers and the blank Braille pattern: letters that draw nothing.
fn is_blank_filler(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
    )
}

fn is_zero_width(c: char) -> bool {
    c.width() == Some(0)
}

/// The most zero-width characters that follow one another in `text`: what a
/// terminal must fit into one cell with the character before them.
fn longest_mark_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if is_zero_width(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn too_many_marks(marks: usize, span: Range<usize>, source: &str) -> Diagnostic {
    let at = locate_mark_run(span.clone(), source).unwrap_or(span);
    Diagnostic::new(
        at,
        format!("string stacks {marks} combining marks on one character"),
    )
    .expected(format!(
        "at most {MAX_MARKS} per character: terminals draw only the first few"
    ))
}

/// The character carrying too many marks, with its marks, when the token
/// holds them as written characters rather than escapes.
fn locate_mark_run(span: Range<usize>, source: &str) -> Option<Range<usize>> {
    let token = source.get(span.clone())?;
    let mut base = 0;
    let mut run = 0;
    for (i, c) in token.char_indices() {
        if !is_zero_width(c) {
            base = i;
            run = 0;
            continue;
        }
        run += 1;
        if run > MAX_MARKS {
            let end = token[i..]
                .char_indices()
                .find(|&(_, c)| !is_zero_width(c))
                .map_or(token.len(), |(j, _)| i + j);
            return Some(span.start + base..span.start + end);
        }
    }
    None
}

fn forbidden_char(c: char, span: Range<usize>, source: &str) -> Diagnostic {
    let at = locate(c, span.clone(), source).unwrap_or(span);
    let what = match c {
        '\n' => "a line break in a one-line field".to_string(),
        '\u{1b}' => "an escape character (U+001B), which could drive the terminal".to_string(),
        '\u{2028}' => {
            "a line separator (U+2028), which terminals do not draw as a line break".into()
        }
        '\u{2029}' => {
            "a paragraph separator (U+2029), which terminals do not draw as a line break".into()
        }
        c if is_bidi_control(c) => format!(
            "a bidirectional control character ({}), which reorders how text reads",
            codepoint(c)
        ),
        c if is_noncharacter(c) => format!("a noncharacter ({}), which is not text", codepoint(c)),
        c => format!("a control character ({})", codepoint(c)),
    };
    let expected = if is_separator(c) {
        "a real line break, in a multi-line field such as `note` or `body`; or a space"
    } else {
        "printable text: remove this character"
    };
    Diagnostic::new(at, format!("string contains {what}")).expected(expected)
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
    fn folds_emoji_sequences_to_their_parts() {
        // Written as TOML escapes, so the folding is what is tested.
        let folded = clean_token(r#""\U0001F469\u200D\U0001F467 \u2764\uFE0F 1\uFE0F\u20E3""#);
        assert_eq!(folded.unwrap(), "\u{1F469}\u{1F467} \u{2764} 1");
        let toned = clean_token(r#""\U0001F44D\U0001F3FD""#);
        assert_eq!(toned.unwrap(), "\u{1F44D}");
    }

    #[test]
    fn noncharacters_are_exactly_the_66() {
        let count = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_noncharacter(c))
            .count();
        assert_eq!(count, 66);
        assert!(!is_noncharacter('\u{FFFD}') && !is_noncharacter('\u{FDCF}'));
    }

    #[test]
    fn nothing_visible_in_blanks_and_zero_width_characters() {
        assert!(has_visible("a"));
        assert!(has_visible("\u{301}a"));
        assert!(has_visible("\u{1F3FD}"));
        for blank in ["", " \t", "\u{200C}\u{301}", "\u{3164}\u{2800}", "\u{3000}"] {
            assert!(!has_visible(blank), "{blank:?}");
        }
    }

    #[test]
    fn a_line_break_ends_a_run_of_marks() {
        assert_eq!(
            longest_mark_run("e\u{301}\u{302}\n\u{303}\u{304}\u{305}"),
            3
        );
        assert_eq!(longest_mark_run("plain"), 0);
    }

    #[test]
    fn refuses_line_breaks_in_one_line_fields() {
        let err = clean_token("\"a\\nb\"").unwrap_err();
        assert_eq!(err.span, 2..4);
    }
}
