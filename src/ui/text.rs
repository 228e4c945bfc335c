//! Measuring and fitting text by display width, so accents, CJK and emoji
//! are cut at the right cell and never overflow a border.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ELLIPSIS: char = '…';

pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` cells, ending in `…` when cut. A wide
/// character that would straddle the edge is dropped whole.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if text.width() <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// Word-wraps `text` to lines of at most `max` cells. Line breaks in the
/// text start new lines (an empty line stays empty); a word longer than a
/// line is broken between characters.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_at_the_right_cell() {
        assert_eq!(truncate("diamanté bag", 9), "diamanté…");
        assert_eq!(truncate("diamanté", 8), "diamanté");
        assert_eq!(truncate("バッグです", 6), "バッ…");
        assert_eq!(truncate("バッグです", 5), "バッ…");
        assert_eq!(truncate("👜👜👜", 4), "👜…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn truncated_text_never_exceeds_its_width() {
        for text in ["bouclé appliqué", "ミニバッグ", "👜 mini", "a"] {
            for max in 0..20 {
                assert!(truncate(text, max).width() <= max, "{text} at {max}");
            }
        }
    }

    #[test]
    fn wraps_words_by_width() {
        assert_eq!(
            wrap("a rounded bouclé jacket", 10),
            ["a rounded", "bouclé", "jacket"]
        );
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(wrap("ミニバッグ", 4), ["ミニ", "バッ", "グ"]);
        assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
    }
}
