//! Errors in a lookbook file, rendered the way a compiler renders them:
//! `path:line:column`, the offending line, a caret under the value at fault,
//! and what was expected.

use std::fmt::{self, Write as _};
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::json::Severity;
use super::text::{MAX_MARKS, is_forbidden};
use crate::words::count;

/// One thing wrong with the file, located by the byte span of the value at
/// fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Range<usize>,
    pub message: String,
    /// Printed under the caret: what the file should have had there.
    pub expected: Option<String>,
}

impl Diagnostic {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            expected: None,
        }
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }
}

/// Every error found in one file, with the text needed to show them.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file with thousands of broken bags should not bury the terminal.
const MAX_SHOWN: usize = 50;

/// Lines longer than this are shown as a window around the caret.
const MAX_LINE_CHARS: usize = 100;

impl Report {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(&self.source, offset)
    }

    /// The `line:column` of each diagnostic, for tests and tools.
    pub fn locations(&self) -> Vec<(usize, usize)> {
        self.diagnostics
            .iter()
            .map(|d| self.line_column(d.span.start))
            .collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in self.diagnostics.iter().take(MAX_SHOWN) {
            write_one(f, (Severity::Error, &self.name), &self.source, diagnostic)?;
            writeln!(f)?;
        }
        let total = self.diagnostics.len();
        if total > MAX_SHOWN {
            writeln!(f, "... and {} more errors not shown", total - MAX_SHOWN)?;
        }
        write!(f, "error: {} has {}", self.name, count(total, "error"))
    }
}

impl Report {
    /// The diagnostics as warnings (the file loads; `check` still passes):
    /// each as an error is shown, then a count.
    pub fn warnings(&self) -> String {
        struct Warnings<'r>(&'r Report);
        impl fmt::Display for Warnings<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let report = self.0;
                for diagnostic in &report.diagnostics {
                    write_one(
                        f,
                        (Severity::Warning, &report.name),
                        &report.source,
                        diagnostic,
                    )?;
                    writeln!(f)?;
                }
                writeln!(
                    f,
                    "warning: {} has {}",
                    report.name,
                    count(report.diagnostics.len(), "warning")
                )
            }
        }
        Warnings(self).to_string()
    }
}

fn write_one(
    f: &mut fmt::Formatter<'_>,
    (severity, name): (Severity, &str),
    source: &str,
    diagnostic: &Diagnostic,
) -> fmt::Result {
    let start = clamp_to_char(source, diagnostic.span.start);
    let (line, column) = line_column(source, start);
    let gutter = " ".repeat(line.to_string().len());
    writeln!(f, "{}: {}", severity.label(), diagnostic.message)?;
    writeln!(f, "{gutter}--> {name}:{line}:{column}")?;
    writeln!(f, "{gutter} |")?;

    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let text = source[line_start..line_end].trim_end_matches('\r');
    let end = clamp_to_char(
        source,
        diagnostic.span.end.clamp(start, line_start + text.len()),
    ) - line_start;
    let shown = ShownLine::new(text, start - line_start, end);
    writeln!(f, "{line} | {}", shown.text)?;
    let mut caret_line = format!("{gutter} | {}", " ".repeat(shown.caret_column));
    caret_line.push_str(&"^".repeat(shown.caret_width.max(1)));
    if let Some(expected) = &diagnostic.expected {
        let _ = write!(caret_line, " {expected}");
    }
    writeln!(f, "{caret_line}")
}

/// The offending line made safe and short for a terminal: tabs become
/// spaces, control characters (and combining marks past the few a terminal
/// keeps on one character) become visible escapes, and a long line is cut
/// to a window around the caret.
struct ShownLine {
    text: String,
    caret_column: usize,
    caret_width: usize,
}

impl ShownLine {
    fn new(line: &str, caret_start: usize, caret_end: usize) -> Self {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let first_caret = chars.partition_point(|(i, _)| *i < caret_start);
        let skip = first_caret.saturating_sub(MAX_LINE_CHARS / 2);
        let mut shown = ShownLine {
            text: String::new(),
            caret_column: 0,
            caret_width: 0,
        };
        if skip > 0 {
            shown.text.push('…');
        }
        let mut width = usize::from(skip > 0);
        let mut marks = 0;
        for &(offset, c) in chars.iter().skip(skip).take(MAX_LINE_CHARS) {
            marks = if c.width() == Some(0) { marks + 1 } else { 0 };
            let piece = if marks > MAX_MARKS {
                c.escape_unicode().to_string()
            } else {
                visible(c)
            };
            let piece_width: usize = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
            if offset < caret_start {
                shown.caret_column = width + piece_width;
            } else if offset < caret_end {
                shown.caret_width += piece_width;
            }
            width += piece_width;
            shown.text.push_str(&piece);
        }
        if chars.len() > skip + MAX_LINE_CHARS {
            shown.text.push('…');
        }
        shown
    }
}

fn visible(c: char) -> String {
    match c {
        '\t' => "    ".to_string(),
        c if is_forbidden(c) => c.escape_unicode().to_string(),
        c => c.to_string(),
    }
}

fn clamp_to_char(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = clamp_to_char(source, offset);
    let before = &source[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(source: &str, span: Range<usize>, message: &str) -> String {
        Report {
            name: "x.toml".into(),
            source: source.into(),
            diagnostics: vec![Diagnostic::new(span, message).expected("a number")],
        }
        .to_string()
    }

    #[test]
    fn points_a_caret_at_the_value() {
        let out = report("a = 1\nprice = \"£1\"\n", 14..20, "price is not a number");
        assert_eq!(
            out,
            "error: price is not a number\n --> x.toml:2:9\n  |\n2 | price = \"£1\"\n  |         ^^^^ a number\n\nerror: x.toml has 1 error"
        );
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let out = report("name = \"a\u{202e}b\"", 7..14, "bidi");
        assert!(out.contains("name = \"a\\u{202e}b\""), "{out}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_column("é = 1\nbé = x", 12), (2, 5));
    }
}
