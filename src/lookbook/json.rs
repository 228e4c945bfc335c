//! JSON as lookbook writes it, by hand (no serde in the build): strings
//! quoted so any text is valid JSON, for the schema; and diagnostics as
//! objects, for tools (`lookbook check --format json`).

use std::fmt::Write as _;

use super::diagnostic::Report;

/// `text` as a JSON string: quotes, backslashes and control characters
/// escaped; everything else, any Unicode, as it is.
pub fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// How serious a diagnostic is: an error stops the file loading; a
/// warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// As reports say it: `error`, `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One diagnostic as tools read it.
#[derive(Debug, Clone, Copy)]
pub struct JsonDiagnostic<'a> {
    pub file: &'a str,
    /// 1-based line and column (in characters), as the text report says
    /// them; none for an error about the whole file (no such file).
    pub at: Option<(usize, usize)>,
    pub severity: Severity,
    pub message: &'a str,
    /// What to write instead; none when there is nothing to add.
    pub hint: Option<&'a str>,
}

impl JsonDiagnostic<'_> {
    /// `{"file": ..., "line": ..., "column": ..., "severity": ...,
    /// "message": ..., "hint": ...}` on one line; absent values are null.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"file\": ");
        quote(self.file, &mut out);
        let (line, column) = match self.at {
            Some((line, column)) => (line.to_string(), column.to_string()),
            None => ("null".into(), "null".into()),
        };
        let _ = write!(
            out,
            ", \"line\": {line}, \"column\": {column}, \"severity\": \"{}\", \"message\": ",
            self.severity.label()
        );
        quote(self.message, &mut out);
        out.push_str(", \"hint\": ");
        match self.hint {
            Some(hint) => quote(hint, &mut out),
            None => out.push_str("null"),
        }
        out.push('}');
        out
    }
}

impl Report {
    /// Every diagnostic (none left out, unlike the text), as JSON objects.
    pub fn json(&self, severity: Severity) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|diagnostic| {
                JsonDiagnostic {
                    file: &self.name,
                    at: Some(self.line_column(diagnostic.span.start)),
                    severity,
                    message: &diagnostic.message,
                    hint: diagnostic.expected.as_deref(),
                }
                .to_json()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_is_a_valid_json_string() {
        let mut out = String::new();
        quote("a \"b\" \\ c\nd\te\u{1b}é\u{2028}", &mut out);
        assert_eq!(out, "\"a \\\"b\\\" \\\\ c\\nd\\u0009e\\u001bé\u{2028}\"");
    }

    #[test]
    fn a_diagnostic_is_one_object_on_one_line() {
        let error = JsonDiagnostic {
            file: "a.toml",
            at: Some((19, 9)),
            severity: Severity::Error,
            message: "price `1.250` has more than two decimals",
            hint: Some("write 1250 or 1.25"),
        };
        assert_eq!(
            error.to_json(),
            "{\"file\": \"a.toml\", \"line\": 19, \"column\": 9, \"severity\": \"error\", \
             \"message\": \"price `1.250` has more than two decimals\", \"hint\": \"write 1250 or 1.25\"}"
        );
        let whole_file = JsonDiagnostic {
            at: None,
            hint: None,
            severity: Severity::Warning,
            ..error
        };
        assert!(
            whole_file
                .to_json()
                .contains("\"line\": null, \"column\": null, \"severity\": \"warning\"")
        );
        assert!(whole_file.to_json().ends_with("\"hint\": null}"));
    }
}
