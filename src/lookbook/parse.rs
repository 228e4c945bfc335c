//! From TOML text to a validated `Lookbook`, collecting every error.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::appearance;
use super::currency::Currency;
use super::diagnostic::{Diagnostic, Report};
use super::fields::{Errors, Fields, Value, mistyped};
use super::format;
use super::link::{self, Link};
use super::model::{Bag, Look, Lookbook, Section, Shape, Size};
use super::nouns::Nouns;
use super::photo::{self, Photo};
use super::text::Lines;

/// A noun is a pane's title ("Sneakers (12)"): short enough for a narrow pane.
const MAX_NOUN_WIDTH: usize = 20;

/// Parses and validates a lookbook. `name` is how messages refer to the file.
pub fn parse(source: &str, name: &str) -> Result<Lookbook, Report> {
    parse_with_warnings(source, name).map(|(lookbook, _)| lookbook)
}

/// As [`parse`], with what loads but is likely a mistake (a report of
/// warnings, empty when there are none).
pub fn parse_with_warnings(source: &str, name: &str) -> Result<(Lookbook, Report), Report> {
    parse_in(source, name, None)
}

/// As [`parse_with_warnings`], for a lookbook file in `folder`, where its
/// photos are (without one, a photo is an error).
pub fn parse_in(
    source: &str,
    name: &str,
    folder: Option<&Path>,
) -> Result<(Lookbook, Report), Report> {
    let fail = |diagnostics: Vec<Diagnostic>| Report {
        name: name.to_string(),
        source: source.to_string(),
        diagnostics,
    };
    let (root, syntax) = DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        // A tree rebuilt around syntax errors would only add confusing
        // follow-on errors, so syntax errors are reported alone.
        return Err(fail(super::syntax::diagnostics(&syntax, source)));
    }
    let mut errors = Errors {
        source,
        folder,
        list: Vec::new(),
        warnings: Vec::new(),
    };
    let lookbook = walk(root, &mut errors);
    let mut diagnostics = errors.list;
    let mut warnings = errors.warnings;
    warnings.sort_by_key(|d| d.span.start);
    match lookbook {
        Some(lookbook) if diagnostics.is_empty() => Ok((lookbook, fail(warnings))),
        _ => {
            diagnostics.sort_by_key(|d| d.span.start);
            Err(fail(diagnostics))
        }
    }
}

fn walk(root: Spanned<DeTable<'_>>, errors: &mut Errors) -> Option<Lookbook> {
    let span = root.span();
    let mut top = Fields::new(root.into_inner(), span.start..span.start, "the file".into());
    let meta = top
        .require(
            "lookbook",
            "{ title = \"...\", source = \"...\", currency = \"GBP\" }",
        )
        .and_then(|value| table(value, "lookbook", "[lookbook]".into(), errors))
        .and_then(|fields| meta(fields, errors));
    let sections: Vec<Option<Section>> = tables(top.take("section"), "section", errors)
        .into_iter()
        .map(|fields| section(fields, errors))
        .collect();
    let nouns = meta.as_ref().map(|meta| &meta.nouns);
    let currency = meta.as_ref().map(|meta| meta.currency);
    let (key, item_tables) = item_tables(&mut top, nouns, errors);
    let mut ids = HashMap::with_capacity(item_tables.len());
    let bags: Vec<Option<Bag>> = item_tables
        .into_iter()
        .enumerate()
        .map(|(index, fields)| bag(fields, key, currency, index, &mut ids, errors))
        .collect();
    let mut look_ids = HashMap::new();
    let looks: Vec<Option<Look>> = tables(top.take("look"), "look", errors)
        .into_iter()
        .enumerate()
        .map(|(index, fields)| look(fields, key, index, &mut look_ids, &ids, errors))
        .collect();
    top.finish(&format::top_level(), errors);
    let Meta {
        title,
        source,
        currency,
        nouns,
    } = meta?;
    Some(Lookbook {
        title,
        source,
        currency,
        nouns,
        sections: sections.into_iter().collect::<Option<Vec<_>>>()?,
        bags: bags.into_iter().collect::<Option<Vec<_>>>()?,
        looks: looks.into_iter().collect::<Option<Vec<_>>>()?,
    })
}

/// A value that must be a table (`[lookbook]`).
fn table<'i>(value: Value<'i>, key: &str, what: String, errors: &mut Errors) -> Option<Fields<'i>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Table(table) => Some(Fields::new(table, span, what)),
        other => {
            errors.push(mistyped(
                key,
                span,
                &other,
                &format!("a table, written [{key}]"),
            ));
            None
        }
    }
}

/// A value that must be an array of tables (`[[bag]]`), taken apart so each
/// table's memory is released as soon as it has been read.
fn tables<'i>(value: Option<Value<'i>>, key: &str, errors: &mut Errors) -> Vec<Fields<'i>> {
    let Some(value) = value else {
        return Vec::new();
    };
    let span = value.span();
    let mut items = match value.into_inner() {
        DeValue::Array(items) => items,
        other => {
            errors.push(mistyped(
                key,
                span,
                &other,
                &format!("a list of tables, each written [[{key}]]"),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter_mut().enumerate() {
        let item = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
        let span = item.span();
        let what = format!("[[{key}]] #{}", index + 1);
        match item.into_inner() {
            DeValue::Table(table) => out.push(Fields::new(table, span, what)),
            other => errors.push(mistyped(
                key,
                span,
                &other,
                &format!("a table, written [[{key}]]"),
            )),
        }
    }
    out
}

/// The item tables, written `[[item]]` in any edit or `[[bag]]` as the
/// bundled edit does, but not both in one file; returns which one the file
/// uses, for messages.
fn item_tables<'i>(
    top: &mut Fields<'i>,
    nouns: Option<&Nouns>,
    errors: &mut Errors,
) -> (&'static str, Vec<Fields<'i>>) {
    let item = top.take("item");
    let bag = top.take("bag");
    match (item, bag) {
        (Some(item), Some(bag)) => {
            let later = if item.span().start > bag.span().start {
                item.span()
            } else {
                bag.span()
            };
            errors.push(
                Diagnostic::new(later, "this file has both [[item]] and [[bag]] tables")
                    .expected("one of the two for every item: [[item]] suits any edit"),
            );
            let mut all = tables(Some(item), "item", errors);
            all.extend(tables(Some(bag), "bag", errors));
            ("item", all)
        }
        (Some(item), None) => ("item", tables(Some(item), "item", errors)),
        (None, Some(bag)) => ("bag", tables(Some(bag), "bag", errors)),
        (None, None) => {
            // A bag edit is told of the table it knows; any other of the
            // table that suits it.
            let (many, table) = match nouns {
                Some(nouns) if *nouns == Nouns::default() => ("bags", "bag"),
                Some(nouns) => (nouns.many.as_str(), "item"),
                None => ("items", "item"),
            };
            errors.push(
                Diagnostic::new(
                    errors.source.len()..errors.source.len(),
                    format!("the lookbook has no {many}"),
                )
                .expected(format!("at least one [[{table}]] table")),
            );
            ("item", Vec::new())
        }
    }
}

/// The `[lookbook]` table: the edit's own name for itself and its items.
struct Meta {
    title: String,
    source: String,
    currency: Currency,
    nouns: Nouns,
}

fn meta(mut fields: Fields<'_>, errors: &mut Errors) -> Option<Meta> {
    let title = fields.text("title", Lines::One, errors);
    let source = fields.text("source", Lines::One, errors);
    let currency = fields
        .text("currency", Lines::One, errors)
        .and_then(|code| {
            let found = Currency::from_code(code.get_ref());
            if found.is_none() {
                let known: Vec<&str> = Currency::known_codes().collect();
                let upper = code.get_ref().to_uppercase();
                let expected = if known.contains(&upper.as_str()) {
                    format!("currency codes are upper case: `{upper}`")
                } else {
                    format!("an ISO code, one of: {}", known.join(", "))
                };
                errors.push(
                    Diagnostic::new(
                        code.span(),
                        format!("unknown currency `{}`", code.get_ref()),
                    )
                    .expected(expected),
                );
            }
            found
        });
    let nouns = nouns(&mut fields, errors);
    fields.finish(&format::names(&format::LOOKBOOK), errors);
    Some(Meta {
        title: title?.into_inner(),
        source: source?.into_inner(),
        currency: currency?,
        nouns: nouns?,
    })
}

/// `item` and `items`: both optional, but a plural alone would pair with
/// "bag", so it needs its singular.
fn nouns(fields: &mut Fields<'_>, errors: &mut Errors) -> Option<Nouns> {
    let one = noun(fields, "item", errors);
    let many = noun(fields, "items", errors);
    let carried = match noun(fields, "carried_label", errors) {
        Some(Ok(label)) => Some(label.into_inner()),
        Some(Err(())) => return None,
        None => None,
    };
    let nouns = match (one, many) {
        (None, None) => Some(Nouns::default()),
        (Some(Ok(one)), None) => Some(Nouns::new(one.get_ref(), None)),
        (Some(Ok(one)), Some(Ok(many))) => Some(Nouns::new(one.get_ref(), Some(many.get_ref()))),
        (None, Some(Ok(many))) => {
            errors.push(
                Diagnostic::new(many.span(), "`items` without `item`").expected(
                    "the singular too, e.g. `item = \"dress\"` beside `items = \"dresses\"`",
                ),
            );
            None
        }
        _ => None,
    }?;
    Some(match carried {
        Some(label) => nouns.with_carried(&label),
        None => nouns,
    })
}

/// One noun: a single line, short enough for a title. `Err` when the value
/// was there but wrong (its error already pushed).
fn noun(
    fields: &mut Fields<'_>,
    key: &str,
    errors: &mut Errors,
) -> Option<Result<Spanned<String>, ()>> {
    let value = fields.take(key)?;
    let Some(text) = super::fields::string(key, value, Lines::One, errors) else {
        return Some(Err(()));
    };
    let width = unicode_width::UnicodeWidthStr::width(text.get_ref().as_str());
    if width > MAX_NOUN_WIDTH {
        errors.push(
            Diagnostic::new(text.span(), format!("`{key}` is {width} columns wide")).expected(
                format!("a noun of at most {MAX_NOUN_WIDTH} columns, e.g. \"sneaker\""),
            ),
        );
        return Some(Err(()));
    }
    Some(Ok(text))
}

fn section(mut fields: Fields<'_>, errors: &mut Errors) -> Option<Section> {
    let heading = fields.text("heading", Lines::One, errors);
    let body = fields.text("body", Lines::Many, errors);
    fields.finish(&format::names(&format::SECTION), errors);
    Some(Section {
        heading: heading?.into_inner(),
        body: body?.into_inner().trim().to_string(),
    })
}

/// Reads a `[[bag]]`; `ids` maps each id seen so far to its bag index and span.
fn bag(
    mut fields: Fields<'_>,
    key: &str,
    currency: Option<Currency>,
    index: usize,
    ids: &mut HashMap<String, (usize, Range<usize>)>,
    errors: &mut Errors,
) -> Option<Bag> {
    let id = fields.text("id", Lines::One, errors);
    let id = id.and_then(|id| {
        fields.rename(format!("{key} `{}`", id.get_ref()));
        unique_id(id, index, ids, key, errors)
    });
    let name = fields.text("name", Lines::One, errors);
    let brand = fields.text("brand", Lines::One, errors);
    let retailer = fields.text("retailer", Lines::One, errors);
    let price = fields.price("price", currency, errors);
    let size = fields.keyword("size", Size::ALL, Size::as_str, errors);
    let shape = fields.keyword("shape", Shape::ALL, Shape::as_str, errors);
    let materials = plain(fields.text_list("materials", errors));
    let colours = appearance::colours(&mut fields, errors);
    let details = appearance::details(&mut fields, errors);
    let seen_on = plain(fields.text_list("seen_on", errors));
    let note = fields.optional_text("note", Lines::Many, errors);
    let url = url(&mut fields, errors);
    let image = photo(&mut fields, errors);
    fields.finish(&format::names(&format::ITEM), errors);
    Some(Bag {
        id: id?,
        name: name?.into_inner(),
        brand: brand?.into_inner(),
        retailer: retailer?.into_inner(),
        price: price?,
        size,
        shape,
        materials,
        colours,
        details,
        seen_on,
        note,
        url,
        image,
    })
}

/// An optional `image`, checked against the lookbook's folder.
fn photo(fields: &mut Fields<'_>, errors: &mut Errors) -> Option<Photo> {
    let value = fields.take("image")?;
    let text = super::fields::string("image", value, Lines::One, errors)?;
    photo::check(text.get_ref(), text.span(), errors.folder)
        .map_err(|diagnostic| errors.push(diagnostic))
        .ok()
}

/// An optional `url`, checked (see [`link::parse`]).
fn url(fields: &mut Fields<'_>, errors: &mut Errors) -> Option<Link> {
    let value = fields.take("url")?;
    let text = super::fields::string("url", value, Lines::One, errors)?;
    link::parse(text.get_ref())
        .map_err(|reason| {
            errors.push(
                Diagnostic::new(text.span(), "this `url` cannot be used")
                    .expected(reason.to_string()),
            );
        })
        .ok()
}

fn look(
    mut fields: Fields<'_>,
    key: &str,
    index: usize,
    look_ids: &mut HashMap<String, (usize, Range<usize>)>,
    bag_ids: &HashMap<String, (usize, Range<usize>)>,
    errors: &mut Errors,
) -> Option<Look> {
    let id = fields.text("id", Lines::One, errors).and_then(|id| {
        fields.rename(format!("look `{}`", id.get_ref()));
        unique_id(id, index, look_ids, "look", errors)
    });
    let wearer = fields.text("wearer", Lines::One, errors);
    let outfit = fields.required_text_list("outfit", errors).map(plain);
    let carried = fields
        .require("carried", "\"...\"")
        .and_then(|value| appearance::carried(value, &look_name(id.as_deref()), errors));
    let note = fields.optional_text("note", Lines::Many, errors);
    let mut pairs: Vec<usize> = Vec::new();
    for id in fields.text_list("pairs", errors) {
        let (span, name) = (id.span(), id.get_ref().clone());
        let Some(bag) = resolve_bag(id, key, bag_ids, errors) else {
            continue;
        };
        if pairs.contains(&bag) {
            errors.push(
                Diagnostic::new(span, format!("`pairs` names {key} `{name}` twice"))
                    .expected(format!("each {key} once: remove this one")),
            );
        } else {
            pairs.push(bag);
        }
    }
    let image = photo(&mut fields, errors);
    fields.finish(&format::names(&format::LOOK), errors);
    Some(Look {
        id: id?,
        wearer: wearer?.into_inner(),
        outfit: outfit?,
        carried: carried?,
        note,
        pairs,
        image,
    })
}

/// How messages name a look whose id may not have been valid.
fn look_name(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("look `{id}`"),
        None => "this look".to_string(),
    }
}

fn unique_id(
    id: Spanned<String>,
    index: usize,
    ids: &mut HashMap<String, (usize, Range<usize>)>,
    kind: &str,
    errors: &mut Errors,
) -> Option<String> {
    if !check_id_shape(&id, errors) {
        return None;
    }
    if let Some((_, first)) = ids.get(id.get_ref()) {
        let (line, _) = super::diagnostic::line_column(errors.source, first.start);
        errors.push(
            Diagnostic::new(id.span(), format!("duplicate {kind} id `{}`", id.get_ref())).expected(
                format!("a unique id: this one is already used at line {line}"),
            ),
        );
        return None;
    }
    ids.insert(id.get_ref().clone(), (index, id.span()));
    Some(id.into_inner())
}

/// Ids are kebab-case so they read well in `pairs` lists and never need
/// quoting or escaping anywhere they appear.
fn check_id_shape(id: &Spanned<String>, errors: &mut Errors) -> bool {
    let text = id.get_ref();
    let ok = text.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !ok {
        errors.push(
            Diagnostic::new(id.span(), format!("id `{text}` is not kebab-case"))
                .expected("lowercase letters, digits and single dashes, e.g. \"le-chiquito\""),
        );
    }
    ok
}

fn resolve_bag(
    id: Spanned<String>,
    key: &str,
    bag_ids: &HashMap<String, (usize, Range<usize>)>,
    errors: &mut Errors,
) -> Option<usize> {
    let found = bag_ids.get(id.get_ref()).map(|(index, _)| *index);
    if found.is_none() {
        let article = if key == "item" { "an" } else { "a" };
        let known: Vec<&str> = bag_ids.keys().map(String::as_str).collect();
        let expected = match super::fields::closest(id.get_ref(), &known) {
            Some(guess) => format!("did you mean `{guess}`?"),
            None => format!("the id of {article} [[{key}]] in this file"),
        };
        errors.push(
            Diagnostic::new(
                id.span(),
                format!("`pairs` names an unknown {key} id `{}`", id.get_ref()),
            )
            .expected(expected),
        );
    }
    found
}

fn plain(values: Vec<Spanned<String>>) -> Vec<String> {
    values.into_iter().map(Spanned::into_inner).collect()
}
