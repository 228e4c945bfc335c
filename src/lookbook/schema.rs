//! The JSON Schema (draft-07) of the lookbook format, written from the
//! format's own table ([`super::format`]) so it says what the loader
//! accepts: taplo (Even Better TOML) and tombi read it for completion and
//! inline errors. What a schema cannot say (ids that `pairs` names exist,
//! a price's decimals in a currency without cents) stays the loader's.

use super::format::{self, CARRIED, Field, ITEM, ITEM_ALIAS, Kind, LOOK, LOOKBOOK, SECTION, Table};
use super::json::quote;

/// A JSON value, written in a fixed order so the output is the same on
/// every run (the committed schema is compared with it).
enum Json {
    Str(String),
    Num(u64),
    Bool(bool),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

fn words(list: &[&str]) -> Json {
    Json::Array(list.iter().map(|word| s(word)).collect())
}

impl Json {
    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Json::Str(text) => quote(text, out),
            Json::Num(n) => out.push_str(&n.to_string()),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Array(items) if items.iter().all(|i| matches!(i, Json::Str(_))) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            Json::Array(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            Json::Object(members) => {
                out.push_str("{\n");
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    quote(key, out);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// Any character that is not blank: a required string says something.
const NOT_BLANK: &str = "\\S";
/// One line, not blank.
const LINE: &str = "^[^\\n\\r]*\\S[^\\n\\r]*$";
const ID: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
const HEX_OR_NAME: &str = "^(#[0-9a-fA-F]{6}|[^#].*)$";

/// The schema, as `lookbook schema` prints it.
pub fn schema() -> String {
    let item = table(&ITEM);
    let mut properties = vec![(LOOKBOOK.key, table(&LOOKBOOK))];
    properties.push((SECTION.key, list_of(&SECTION, table(&SECTION))));
    properties.push((ITEM.key, list_of(&ITEM, table(&ITEM))));
    properties.push((ITEM_ALIAS, list_of(&ITEM, item)));
    properties.push((LOOK.key, list_of(&LOOK, table(&LOOK))));
    let root = Json::Object(vec![
        ("$schema", s("http://json-schema.org/draft-07/schema#")),
        ("title", s("lookbook")),
        (
            "description",
            s(
                "A lookbook for the `lookbook` terminal app: an edit's picks, with prices, and the looks they pair with. `lookbook check FILE` says everything this schema cannot.",
            ),
        ),
        ("type", s("object")),
        ("required", words(&[LOOKBOOK.key])),
        // Items are [[item]] or [[bag]], one of the two.
        (
            "oneOf",
            Json::Array(vec![
                Json::Object(vec![("required", words(&[ITEM.key]))]),
                Json::Object(vec![("required", words(&[ITEM_ALIAS]))]),
            ]),
        ),
        ("additionalProperties", Json::Bool(false)),
        ("properties", Json::Object(properties)),
    ]);
    let mut out = String::new();
    root.write(&mut out, 0);
    out.push('\n');
    out
}

/// Every colour name the drawing knows, for the schema's description.
pub fn colour_names() -> String {
    super::colours::NAMED
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_of(table: &Table, each: Json) -> Json {
    Json::Object(vec![
        ("description", s(table.about)),
        ("type", s("array")),
        ("minItems", Json::Num(u64::from(table.key == ITEM.key))),
        ("items", each),
    ])
}

fn table(table: &Table) -> Json {
    let required: Vec<&str> = table
        .fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.name)
        .collect();
    let properties = table
        .fields
        .iter()
        .map(|field| (field.name, field_schema(field)))
        .collect();
    Json::Object(vec![
        ("description", s(table.about)),
        ("type", s("object")),
        ("required", words(&required)),
        ("additionalProperties", Json::Bool(false)),
        ("properties", Json::Object(properties)),
    ])
}

fn field_schema(field: &Field) -> Json {
    let about = match field.kind {
        Kind::Colours => format!("{} Names drawn: {}.", field.about, colour_names()),
        _ => field.about.to_string(),
    };
    let mut members = vec![("description", Json::Str(about))];
    members.extend(kind_schema(field.kind));
    if field.required && field.kind == Kind::Lines {
        members.push(("minItems", Json::Num(1)));
    }
    Json::Object(members)
}

fn string(pattern: &str) -> Vec<(&'static str, Json)> {
    vec![("type", s("string")), ("pattern", s(pattern))]
}

fn list(items: Vec<(&'static str, Json)>) -> Vec<(&'static str, Json)> {
    vec![("type", s("array")), ("items", Json::Object(items))]
}

fn kind_schema(kind: Kind) -> Vec<(&'static str, Json)> {
    match kind {
        Kind::Line | Kind::Noun => string(LINE),
        Kind::Text => string(NOT_BLANK),
        Kind::Id => string(ID),
        Kind::OneOf(words_) => vec![("type", s("string")), ("enum", words(words_))],
        Kind::Currency => vec![
            ("type", s("string")),
            ("enum", words(&format::currencies())),
        ],
        Kind::Price => vec![("type", s("number")), ("minimum", Json::Num(0))],
        Kind::Lines => list(string(NOT_BLANK)),
        Kind::Colours => list(string(HEX_OR_NAME)),
        Kind::ManyOf(words_) => list(vec![("type", s("string")), ("enum", words(words_))]),
        Kind::Ids => {
            let mut ids = list(string(ID));
            ids.push(("uniqueItems", Json::Bool(true)));
            ids
        }
        Kind::Url => string("^https://[^\\s]+$"),
        Kind::Photo => string("^[^/\\n][^\\n]*$"),
        Kind::Carried => vec![(
            "oneOf",
            Json::Array(vec![
                Json::Object(vec![("type", s("string")), ("pattern", s(NOT_BLANK))]),
                table(&CARRIED),
            ]),
        )],
    }
}
