//! Reading the fields of one TOML table, recording every problem instead of
//! stopping at the first: serde stops at the first error, and an editor
//! fixing a file wants to see them all.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::currency::{Currency, Price, parse_price};
use super::diagnostic::Diagnostic;
use super::text::{self, Lines};

/// Where diagnostics are collected, with the source they point into.
pub struct Errors<'s> {
    pub source: &'s str,
    /// The lookbook file's folder, where photo paths start (none for text
    /// that is not a file).
    pub folder: Option<&'s Path>,
    pub list: Vec<Diagnostic>,
    /// What loads but is likely a mistake (a colour we cannot draw).
    pub warnings: Vec<Diagnostic>,
}

impl Errors<'_> {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub fn warn(&mut self, diagnostic: Diagnostic) {
        self.warnings.push(diagnostic);
    }
}

/// The fields of one table, taken out one by one; what is left at the end
/// was not expected.
pub struct Fields<'i> {
    table: DeTable<'i>,
    span: Range<usize>,
    /// How messages name this table: "[[bag]] #3", "[lookbook]".
    what: String,
    /// Required fields that were not there, each with its error, held
    /// until [`Fields::finish`]: a key left over may be the field misspelled
    /// (`retialer`), and then "did you mean" is the one error to give.
    missing: Vec<(String, Diagnostic)>,
}

pub type Value<'i> = Spanned<DeValue<'i>>;

impl<'i> Fields<'i> {
    pub fn new(table: DeTable<'i>, span: Range<usize>, what: String) -> Self {
        Fields {
            table,
            span,
            what,
            missing: Vec::new(),
        }
    }

    pub fn rename(&mut self, what: String) {
        self.what = what;
    }

    /// Takes a field out of the table, if it is there.
    pub fn take(&mut self, key: &str) -> Option<Value<'i>> {
        self.table.remove(key)
    }

    /// Takes a field that must be there; its absence is reported by
    /// [`Fields::finish`], unless a misspelling of it explains it.
    pub fn require(&mut self, key: &str, example: &str) -> Option<Value<'i>> {
        let value = self.take(key);
        if value.is_none() {
            let missing = Diagnostic::new(
                self.span.clone(),
                format!("missing field `{key}` in {}", self.what),
            )
            .expected(format!("add `{key} = {example}` to this table"));
            self.missing.push((key.to_string(), missing));
        }
        value
    }

    /// A required, non-empty string.
    pub fn text(
        &mut self,
        key: &str,
        lines: Lines,
        errors: &mut Errors,
    ) -> Option<Spanned<String>> {
        let value = self.require(key, "\"...\"")?;
        string(key, value, lines, errors)
    }

    /// An optional, non-empty string.
    pub fn optional_text(
        &mut self,
        key: &str,
        lines: Lines,
        errors: &mut Errors,
    ) -> Option<String> {
        let value = self.take(key)?;
        string(key, value, lines, errors).map(Spanned::into_inner)
    }

    /// An optional list of non-empty one-line strings (`materials = [...]`).
    pub fn text_list(&mut self, key: &str, errors: &mut Errors) -> Vec<Spanned<String>> {
        self.take(key)
            .map(|value| string_list(key, value, errors))
            .unwrap_or_default()
    }

    /// A required, non-empty list of strings (`outfit = [...]`).
    pub fn required_text_list(
        &mut self,
        key: &str,
        errors: &mut Errors,
    ) -> Option<Vec<Spanned<String>>> {
        let value = self.require(key, list_example(key))?;
        let span = value.span();
        let reported = errors.list.len();
        let list = string_list(key, value, errors);
        if list.is_empty() && errors.list.len() == reported {
            errors.push(
                Diagnostic::new(span, format!("`{key}` is empty"))
                    .expected(format!("at least one item, e.g. {}", list_example(key))),
            );
        }
        (!list.is_empty()).then_some(list)
    }

    /// A required price: a plain amount, as `parse_price` reads it, whole
    /// in a currency without cents (when the currency is known).
    pub fn price(
        &mut self,
        key: &str,
        currency: Option<Currency>,
        errors: &mut Errors,
    ) -> Option<Price> {
        let value = self.require(key, "195")?;
        let span = value.span();
        let written = match value.get_ref() {
            // What the file says, sign, base prefix and underscores included,
            // so that the message quotes it as written.
            DeValue::Integer(int) => {
                written(errors.source, &span).unwrap_or_else(|| int.to_string())
            }
            DeValue::Float(float) => {
                written(errors.source, &span).unwrap_or_else(|| float.as_str().to_string())
            }
            other => {
                errors.push(mistyped(key, span, other, "a number, e.g. 195 or 49.99"));
                return None;
            }
        };
        let price = parse_price(&written)
            .map_err(|problem| {
                errors.push(Diagnostic::new(span.clone(), problem.to_string()).expected(
                    problem.expected().unwrap_or_else(|| {
                        "a plain amount in the lookbook's currency, e.g. 195 or 49.99".into()
                    }),
                ))
            })
            .ok()?;
        match currency {
            Some(currency) if !currency.has_cents() && price.minor % 100 != 0 => {
                errors.push(
                    Diagnostic::new(span, format!("{currency} prices have no decimals"))
                        .expected(format!("a whole amount, e.g. {}", price.minor / 100)),
                );
                None
            }
            _ => Some(price),
        }
    }

    /// An optional keyword from a closed set (`size = "mini"`).
    pub fn keyword<K: Copy>(
        &mut self,
        key: &str,
        known: &[K],
        word_of: fn(K) -> &'static str,
        errors: &mut Errors,
    ) -> Option<K> {
        let value = self.take(key)?;
        let span = value.span();
        let word = string(key, value, Lines::One, errors)?;
        let found = known
            .iter()
            .copied()
            .find(|k| word_of(*k) == word.get_ref().as_str());
        if found.is_none() {
            let words: Vec<&str> = known.iter().map(|k| word_of(*k)).collect();
            errors.push(
                Diagnostic::new(span, format!("unknown {key} `{}`", word.get_ref()))
                    .expected(one_of(&format!("{key}s"), word.get_ref(), &words)),
            );
        }
        found
    }

    /// An optional list of keywords from a closed set (`details = ["bow"]`);
    /// `singular` names one item in messages ("unknown detail `glitter`").
    pub fn keyword_list<K: Copy>(
        &mut self,
        key: &str,
        singular: &str,
        known: &[K],
        word_of: fn(K) -> &'static str,
        errors: &mut Errors,
    ) -> Vec<K> {
        let words = self.text_list(key, errors);
        let mut found = Vec::with_capacity(words.len());
        for word in words {
            match known
                .iter()
                .copied()
                .find(|k| word_of(*k) == word.get_ref())
            {
                Some(keyword) => found.push(keyword),
                None => {
                    let names: Vec<&str> = known.iter().map(|k| word_of(*k)).collect();
                    errors.push(
                        Diagnostic::new(
                            word.span(),
                            format!("unknown {singular} `{}`", word.get_ref()),
                        )
                        .expected(one_of(
                            &format!("{singular}s"),
                            word.get_ref(),
                            &names,
                        )),
                    );
                }
            }
        }
        found
    }

    /// Reports every field nobody asked for, with a guess at what was
    /// meant, then every required field that was not there. A field left
    /// over that is close to a missing one is taken as its misspelling:
    /// "did you mean `retailer`?" at the typo is the whole story, and
    /// "add `retailer = ...`" would be wrong advice.
    pub fn finish(mut self, known: &[&str], errors: &mut Errors) {
        let mut missing = std::mem::take(&mut self.missing);
        for (key, _) in std::mem::take(&mut self.table) {
            let meant = misspelled(key.get_ref(), &mut missing)
                .or_else(|| closest(key.get_ref(), known).map(str::to_string));
            let diagnostic = Diagnostic::new(
                key.span(),
                format!(
                    "unknown field `{}` in {}",
                    text::printable(key.get_ref()),
                    self.what
                ),
            );
            errors.push(match meant {
                Some(guess) => diagnostic.expected(format!("did you mean `{guess}`?")),
                None => diagnostic.expected(format!("one of: {}", known.join(", "))),
            });
        }
        errors
            .list
            .extend(missing.into_iter().map(|(_, diagnostic)| diagnostic));
    }
}

/// A table dropped unfinished would lose its missing-field errors, and a
/// lookbook that fails to load with nothing said.
impl Drop for Fields<'_> {
    fn drop(&mut self) {
        debug_assert!(
            self.missing.is_empty() || std::thread::panicking(),
            "{} dropped before `finish` reported its missing fields",
            self.what
        );
    }
}

/// The missing field `key` is a misspelling of, if any: taken off the
/// list, so its "missing field" error is not given too.
fn misspelled(key: &str, missing: &mut Vec<(String, Diagnostic)>) -> Option<String> {
    let names: Vec<&str> = missing.iter().map(|(name, _)| name.as_str()).collect();
    let guess = closest(key, &names)?;
    let at = names.iter().position(|name| *name == guess)?;
    Some(missing.remove(at).0)
}

/// An example of the list `key` holds (`colours`: `["black"]`), from the
/// format's table, so a type error shows what fits that field.
fn list_example(key: &str) -> &'static str {
    super::format::TABLES
        .iter()
        .chain([&&super::format::CARRIED])
        .flat_map(|table| table.fields)
        .find(|field| field.name == key && field.example.starts_with('['))
        .map_or("[\"...\"]", |field| field.example)
}

/// A list of non-empty one-line strings.
fn string_list(key: &str, value: Value<'_>, errors: &mut Errors) -> Vec<Spanned<String>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .iter()
            .cloned()
            .filter_map(|item| string(key, item, Lines::One, errors))
            .collect(),
        other => {
            let expected = format!("a list of strings, e.g. {}", list_example(key));
            errors.push(mistyped(key, span, &other, &expected));
            Vec::new()
        }
    }
}

/// A string value with something visible in it, checked and normalised
/// (see `text`); one of only blanks or zero-width characters is "empty".
pub fn string(
    key: &str,
    value: Value<'_>,
    lines: Lines,
    errors: &mut Errors,
) -> Option<Spanned<String>> {
    let span = value.span();
    let text: Cow<'_, str> = match value.into_inner() {
        DeValue::String(text) => text,
        other => {
            errors.push(mistyped(key, span, &other, "a string in quotes"));
            return None;
        }
    };
    match text::clean(text, span.clone(), errors.source, lines) {
        Ok(clean) if !text::has_visible(&clean) => {
            errors.push(
                Diagnostic::new(span, format!("`{key}` is empty"))
                    .expected("some text (or remove the line if the field is optional)"),
            );
            None
        }
        Ok(clean) => Some(Spanned::new(span, clean)),
        Err(diagnostic) => {
            errors.push(diagnostic);
            None
        }
    }
}

pub fn mistyped(key: &str, span: Range<usize>, found: &DeValue<'_>, expected: &str) -> Diagnostic {
    Diagnostic::new(
        span,
        format!("wrong type for `{key}`: found {}", describe(found)),
    )
    .expected(format!("expected {expected}"))
}

/// "a string", "an integer", ...: TOML's types as a person would say them.
pub fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn written(source: &str, span: &Range<usize>) -> Option<String> {
    source
        .get(span.clone())
        .map(|token| token.trim().to_string())
}

/// What a closed set (`plural`: "shapes") expects of a word it does not
/// know: the word in lower case when that is all it lacks (`Clutch`), the
/// closest word first when one is close (`belt bag`, `minaudiere`), then
/// them all.
pub fn one_of(plural: &str, word: &str, known: &[&str]) -> String {
    let lower = word.to_lowercase();
    if lower != word && known.contains(&lower.as_str()) {
        return format!("{plural} are lower case: `{lower}`");
    }
    match closest(word, known) {
        Some(guess) => format!("did you mean `{guess}`? one of: {}", known.join(", ")),
        None => format!("one of: {}", known.join(", ")),
    }
}

/// The known word closest in spelling to a typo, if any is close.
pub fn closest<'k>(typo: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|&k| (edit_distance(typo, k), k))
        .filter(|&(distance, k)| distance <= 2.max(k.len() / 3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_typos() {
        assert_eq!(closest("prcie", &["price", "name"]), Some("price"));
        assert_eq!(
            closest("colors", &["colours", "materials"]),
            Some("colours")
        );
        assert_eq!(closest("zzzzzz", &["price", "name"]), None);
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abcd", ""), 4);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("ab", "ba"), 2);
    }
}
