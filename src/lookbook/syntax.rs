//! TOML syntax errors as diagnostics. toml gives most of them a span; the
//! one it does not, a dotted key or table header nested past its recursion
//! limit, is found again here so the report still points at the line. A
//! price written with a comma (`129,00`) is a syntax error too, said here
//! as what it is, with what to write instead.

use std::ops::Range;

use super::diagnostic::Diagnostic;
use super::readings::marked_price;

/// The most parts a dotted key may have: toml refuses a key whose path
/// (every part but the last) is this long or longer.
const MAX_KEY_PARTS: usize = 80;

/// Every syntax error of a file, each with a place to point at.
pub fn diagnostics(errors: &[toml::de::Error], source: &str) -> Vec<Diagnostic> {
    let mut deep_keys = deep_keys(source).into_iter();
    let mut diagnostics: Vec<Diagnostic> = errors
        .iter()
        .map(|error| match error.span() {
            Some(span) => price_with_marks(source, span.start)
                .unwrap_or_else(|| diagnostic(span, error.message())),
            None if error.message().contains("recursion") => match deep_keys.next() {
                Some((span, parts)) => Diagnostic::new(
                    span,
                    format!("TOML syntax: a key nested {parts} levels deep"),
                )
                .expected(format!("at most {MAX_KEY_PARTS} levels (`a.b.c` is 3)")),
                None => diagnostic(0..0, error.message()),
            },
            None => diagnostic(0..0, error.message()),
        })
        .collect();
    diagnostics.sort_by_key(|d| d.span.start);
    diagnostics.dedup();
    diagnostics
}

fn diagnostic(span: Range<usize>, message: &str) -> Diagnostic {
    match message.split_once(", expected ") {
        Some((what, expected)) => Diagnostic::new(span, format!("TOML syntax: {what}"))
            .expected(format!("expected {expected}")),
        None => Diagnostic::new(span, format!("TOML syntax: {}", message.trim_end())),
    }
}

/// When the error at `at` is on a `price = ...` line whose amount has a
/// comma or points between thousands, the error that says so, under the
/// whole amount: TOML's own ("expected newline") points at the comma and
/// does not say why.
fn price_with_marks(source: &str, at: usize) -> Option<Diagnostic> {
    let line_start = source.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    let line = &source[line_start..line_end];
    let value = line
        .trim_start()
        .strip_prefix("price")?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let length = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '_')))
        .unwrap_or(value.len());
    let after = value[length..].trim_start();
    if !(after.is_empty() || after.starts_with('#')) {
        return None;
    }
    let written = &value[..length];
    let problem = marked_price(written)?;
    let start = line_start + (line.len() - value.len());
    let hint = problem.expected()?;
    Some(Diagnostic::new(start..start + length, problem.to_string()).expected(hint))
}

/// The dotted keys and table headers of `source` with more than
/// [`MAX_KEY_PARTS`] parts, in file order: the span of each one's first part
/// (the whole key would underline a line of carets) and its number of parts.
/// If toml's limit ever moves below ours, the deepest key is given instead,
/// so the report still points at the likeliest culprit.
fn deep_keys(source: &str) -> Vec<(Range<usize>, usize)> {
    let keys = dotted_runs(source);
    let deep: Vec<_> = keys
        .iter()
        .filter(|run| run.parts > MAX_KEY_PARTS)
        .cloned()
        .collect();
    let deep = if deep.is_empty() {
        keys.into_iter()
            .max_by_key(|run| run.parts)
            .into_iter()
            .collect()
    } else {
        deep
    };
    deep.into_iter()
        .map(|run| (run.start..run.first_end, run.parts))
        .collect()
}

/// `part.part.part`: a key, a table header or a number such as `49.99`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    start: usize,
    first_end: usize,
    end: usize,
    parts: usize,
    /// A dot was read and the next part is awaited.
    dotted: bool,
}

/// Every run of `part.part.part` outside strings and comments, where a part
/// is a bare word or a quoted string, with whitespace allowed around the
/// dots as in a TOML key. Values such as `49.99` are runs too, but of two
/// parts, far below any limit.
fn dotted_runs(source: &str) -> Vec<Run> {
    let bytes = source.as_bytes();
    let mut runs = Vec::new();
    let mut run: Option<Run> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let part_end = match b {
            b'"' | b'\'' => Some(string_end(bytes, i)),
            b if is_bare(b) => Some(i + bytes[i..].iter().take_while(|&&b| is_bare(b)).count()),
            _ => None,
        };
        if let Some(end) = part_end {
            match &mut run {
                Some(current) if current.dotted => {
                    current.end = end;
                    current.parts += 1;
                    current.dotted = false;
                }
                _ => {
                    runs.extend(run.take());
                    run = Some(Run {
                        start: i,
                        first_end: end,
                        end,
                        parts: 1,
                        dotted: false,
                    });
                }
            }
            i = end;
            continue;
        }
        match (b, &mut run) {
            (b' ' | b'\t', _) => {}
            (b'.', Some(current)) if !current.dotted => current.dotted = true,
            _ => {
                runs.extend(run.take());
                if b == b'#' {
                    i += bytes[i..].iter().take_while(|&&b| b != b'\n').count();
                    continue;
                }
            }
        }
        i += 1;
    }
    runs.extend(run);
    runs
}

/// A byte of a bare key: TOML 1.1 allows letters beyond ASCII, and outside
/// strings and comments no other UTF-8 can appear.
fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || !b.is_ascii()
}

/// The end of the string opening at `start` (one past its closing quote,
/// or the end of the source): basic or literal, one-line or multi-line.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let multi = bytes.get(start..start + 3) == Some(&[quote; 3][..]);
    let close: &[u8] = if multi {
        &bytes[start..start + 3]
    } else {
        &bytes[start..=start]
    };
    let mut i = start + close.len();
    while i < bytes.len() {
        if quote == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(close) {
            // A multi-line string may end in up to two more quotes.
            let mut end = i + close.len();
            while multi && bytes.get(end) == Some(&quote) && end < i + close.len() + 2 {
                end += 1;
            }
            return end;
        }
        if !multi && bytes[i] == b'\n' {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(source: &str) -> Vec<(&str, usize)> {
        dotted_runs(source)
            .into_iter()
            .map(|run| (&source[run.start..run.end], run.parts))
            .collect()
    }

    #[test]
    fn finds_dotted_keys_and_headers() {
        assert_eq!(
            parts("[a.b]\nc . \"d.e\" = 1.5 # x.y.z\n"),
            [("a.b", 2), ("c . \"d.e\"", 2), ("1.5", 2)]
        );
        assert_eq!(
            parts("k = '''a.b.c'''\nt = { u.v = \"w.x\" }"),
            [
                ("k", 1),
                ("'''a.b.c'''", 1),
                ("t", 1),
                ("u.v", 2),
                ("\"w.x\"", 1)
            ]
        );
    }

    #[test]
    fn strings_end_where_toml_ends_them() {
        assert_eq!(string_end(br#""a\"b" x"#, 0), 6);
        assert_eq!(string_end(br#""""a"b""""" x"#, 0), 11);
        assert_eq!(string_end(b"'a\\' x", 0), 4);
        assert_eq!(string_end(b"\"open\nnext", 0), 5);
        // An escape right after the quote; a string open at the end.
        assert_eq!(string_end(br#""\"x" y"#, 0), 5);
        assert_eq!(string_end(b"\"abc", 0), 4);
        // A multi-line string takes two more quotes, never three.
        assert_eq!(string_end(b"'''a'''''' x", 0), 9);
    }

    /// What a price with a comma or thousands points says, and where.
    fn price_error(line: &str) -> Option<(String, Option<String>, Range<usize>)> {
        let source = format!("[[bag]]\n{line}\n");
        let (_, errors) = toml::de::DeTable::parse_recoverable(&source);
        let found = diagnostics(&errors, &source);
        let first = found.first()?;
        let span = first.span.start - 8..first.span.end - 8;
        Some((first.message.clone(), first.expected.clone(), span))
    }

    #[test]
    fn a_price_with_a_comma_says_what_to_write() {
        let said = |line| price_error(line).expect("a syntax error");
        let (message, hint, span) = said("price = 129,00");
        assert_eq!(
            message,
            "price `129,00` has a comma, which a TOML number cannot have"
        );
        assert_eq!(hint.as_deref(), Some("write 129.00"));
        assert_eq!(span, 8..14, "under the whole amount");
        assert_eq!(
            said("  price=1,250 # a note").1.as_deref(),
            Some("write 1250 (one thousand two hundred fifty) or 1.25")
        );
        assert_eq!(said("price = 1.250,50").1.as_deref(), Some("write 1250.50"));
        let (message, hint, _) = said("price = 1.250.000");
        assert_eq!(message, "price `1.250.000` has more than one point");
        assert_eq!(
            hint.as_deref(),
            Some("write 1250000 (one million two hundred fifty thousand)")
        );
        // Not a price, or not an amount: TOML's own error stands.
        for line in ["name = 129,00", "price = 12,3,4", "price = 1,50 x"] {
            assert!(said(line).0.starts_with("TOML syntax:"), "{line}");
        }
    }

    #[test]
    fn runs_need_one_dot_between_parts() {
        assert_eq!(parts("a b"), [("a", 1), ("b", 1)]);
        assert_eq!(parts("a..b"), [("a", 1), ("b", 1)]);
        assert_eq!(parts("a_b.c-d"), [("a_b.c-d", 2)]);
        assert_eq!(parts("é.ü"), [("é.ü", 2)]);
    }
}
