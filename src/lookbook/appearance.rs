//! What a bag looks like, as far as the file says: its colours, its
//! details, and the bag a look's wearer carried. The app draws every bag
//! from these, so they are checked as strictly as prices.

use toml::de::DeValue;

use super::diagnostic::Diagnostic;
use super::fields::{self, Errors, Fields, Value, mistyped};
use super::format;
use super::model::{Carried, Detail, Shape, Size};
use super::text::Lines;

/// `colours = [...]`: any words (an unknown name is drawn in a neutral ink),
/// but a value that starts with `#` must be a whole `#rrggbb`.
pub fn colours(fields: &mut Fields<'_>, errors: &mut Errors) -> Vec<String> {
    let mut out = Vec::new();
    for colour in fields.text_list("colours", errors) {
        if colour.get_ref().starts_with('#') && hex_rgb(colour.get_ref()).is_none() {
            errors.push(
                Diagnostic::new(
                    colour.span(),
                    format!("colour `{}` is not a hex colour", colour.get_ref()),
                )
                .expected("#rrggbb with six hex digits, e.g. \"#ffc1cc\", or a name"),
            );
            continue;
        }
        if super::colours::rgb(colour.get_ref()).is_none() {
            errors.warn(
                Diagnostic::new(
                    colour.span(),
                    format!("colour `{}` is not one we can draw", colour.get_ref()),
                )
                .expected(super::unknown_colour::hint(colour.get_ref())),
            );
        }
        out.push(colour.into_inner());
    }
    out
}

/// `details = [...]`: only the features the drawing knows.
pub fn details(fields: &mut Fields<'_>, errors: &mut Errors) -> Vec<Detail> {
    fields.keyword_list("details", "detail", Detail::ALL, Detail::as_str, errors)
}

/// `#rrggbb` as its three channels.
pub fn hex_rgb(text: &str) -> Option<(u8, u8, u8)> {
    let digits = text.strip_prefix('#')?;
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(digits.get(at..at + 2)?, 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// A look's `carried`: the edit's words as a string, or a table that adds
/// a shape, size, colours and details so the bag can be drawn.
pub fn carried(value: Value<'_>, look: &str, errors: &mut Errors) -> Option<Carried> {
    let span = value.span();
    match value.get_ref() {
        DeValue::String(_) => {
            let description = fields::string("carried", value, Lines::One, errors)?;
            Some(Carried {
                description: description.into_inner(),
                ..Carried::default()
            })
        }
        DeValue::Table(_) => {
            let DeValue::Table(table) = value.into_inner() else {
                return None;
            };
            let what = format!("`carried` of {look}");
            carried_table(Fields::new(table, span, what), errors)
        }
        other => {
            errors.push(mistyped(
                "carried",
                span,
                other,
                "a string, or a table { description = \"...\", shape = \"...\" }",
            ));
            None
        }
    }
}

fn carried_table(mut fields: Fields<'_>, errors: &mut Errors) -> Option<Carried> {
    let description = fields.text("description", Lines::One, errors);
    let shape = fields.keyword("shape", Shape::ALL, Shape::as_str, errors);
    let size = fields.keyword("size", Size::ALL, Size::as_str, errors);
    let colours = colours(&mut fields, errors);
    let details = details(&mut fields, errors);
    misplaced(&mut fields, errors);
    fields.finish(&format::names(&format::CARRIED), errors);
    Some(Carried {
        description: description?.into_inner(),
        shape,
        size,
        colours,
        details,
    })
}

/// A look's own field written below `[look.carried]` lands in the carried
/// table, as TOML reads it: say so, rather than call it unknown.
fn misplaced(fields: &mut Fields<'_>, errors: &mut Errors) {
    for field in format::LOOK.fields {
        let Some(value) = fields.take(field.name) else {
            continue;
        };
        let name = field.name;
        errors.push(
            Diagnostic::new(value.span(), format!("`{name}` is in the [look.carried] table"))
                .expected(format!(
                    "keys after a table header belong to that table: move `{name}` above `[look.carried]`"
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::hex_rgb;

    #[test]
    fn hex_colours_need_six_digits() {
        assert_eq!(hex_rgb("#ffc1cc"), Some((255, 193, 204)));
        assert_eq!(hex_rgb("#FFC1CC"), Some((255, 193, 204)));
        assert_eq!(hex_rgb("#fff"), None);
        assert_eq!(hex_rgb("#ffc1cg"), None);
        assert_eq!(hex_rgb("ffc1cc"), None);
        assert_eq!(hex_rgb("#ffé1c"), None);
        // Seven digits, and signs that integer parsing would take.
        assert_eq!(hex_rgb("#1234567"), None);
        assert_eq!(hex_rgb("#+1+2+3"), None);
    }
}
