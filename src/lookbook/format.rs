//! The lookbook format as data: every table and field, what it holds,
//! whether it is required, a line saying what it is for, and an example.
//! The loader takes its field names from here (anything else is an unknown
//! field), `lookbook schema` writes the JSON Schema from it, and
//! `lookbook new` the starter file, so the three cannot drift apart.

use super::currency::Currency;
use super::model::{Detail, Shape, Size};

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A one-line string.
    Line,
    /// A string that may run over several lines (a `"""` string).
    Text,
    /// A short one-line noun.
    Noun,
    /// A kebab-case id.
    Id,
    /// One of a closed set of words.
    OneOf(&'static [&'static str]),
    /// An ISO currency code this app knows.
    Currency,
    /// A plain amount in the edit's currency.
    Price,
    /// A list of one-line strings.
    Lines,
    /// A list of colour names or `#rrggbb`.
    Colours,
    /// A list of words from a closed set.
    ManyOf(&'static [&'static str]),
    /// A list of item ids.
    Ids,
    /// An `https://` address.
    Url,
    /// The edit's words as a string, or a table ([`CARRIED`]).
    Carried,
    /// A PNG, JPEG or WebP file in the lookbook's folder.
    Photo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// One line: what the field is for.
    pub about: &'static str,
    /// A TOML value that `lookbook check` accepts here.
    pub example: &'static str,
}

const fn required(
    name: &'static str,
    kind: Kind,
    about: &'static str,
    example: &'static str,
) -> Field {
    Field {
        name,
        kind,
        required: true,
        about,
        example,
    }
}

const fn optional(
    name: &'static str,
    kind: Kind,
    about: &'static str,
    example: &'static str,
) -> Field {
    Field {
        required: false,
        ..required(name, kind, about, example)
    }
}

// What a bag looks like: an item's fields, and a look's `carried` table's.
const SIZE: Field = optional(
    "size",
    Kind::OneOf(Size::WORDS),
    "How small it is; the drawing scales to it.",
    "\"mini\"",
);

const SHAPE: Field = optional(
    "shape",
    Kind::OneOf(Shape::WORDS),
    "Its silhouette, for the drawing.",
    "\"clutch\"",
);

const COLOURS: Field = optional(
    "colours",
    Kind::Colours,
    "Colour names or #rrggbb, for the drawing.",
    "[\"black\"]",
);

const DETAILS: Field = optional(
    "details",
    Kind::ManyOf(Detail::WORDS),
    "Features the drawing shows.",
    "[\"bow\"]",
);

/// A table of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// Its key: `[lookbook]`, `[[item]]`.
    pub key: &'static str,
    /// Written `[[key]]`, once per entry.
    pub many: bool,
    pub about: &'static str,
    pub fields: &'static [Field],
}

pub const LOOKBOOK: Table = Table {
    key: "lookbook",
    many: false,
    about: "The edit itself: its title, who published it, its currency, what it lists.",
    fields: &[
        required(
            "title",
            Kind::Line,
            "The edit's title, at the top of the screen.",
            "\"Party clutches\"",
        ),
        required(
            "source",
            Kind::Line,
            "Who published the edit.",
            "\"Your magazine\"",
        ),
        required(
            "currency",
            Kind::Currency,
            "The ISO code every price is in.",
            "\"EUR\"",
        ),
        optional(
            "item",
            Kind::Noun,
            "What the edit lists, in the singular (default \"bag\").",
            "\"clutch\"",
        ),
        optional(
            "items",
            Kind::Noun,
            "Its plural (default: English's plural of it; a noun with no singular, such as sunglasses, is counted in pairs).",
            "\"clutches\"",
        ),
        optional(
            "carried_label",
            Kind::Noun,
            "A look card's word for the item in the look (default \"Carried\" for bags and what is carried like them, \"Featured\" for anything else).",
            "\"Worn\"",
        ),
    ],
};

pub const SECTION: Table = Table {
    key: "section",
    many: true,
    about: "Editorial text, in the \"about this edit\" overlay (i), in order.",
    fields: &[
        required(
            "heading",
            Kind::Line,
            "The section's heading.",
            "\"Why a clutch\"",
        ),
        required(
            "body",
            Kind::Text,
            "Its text; a blank line starts a paragraph.",
            "\"\"\"\nSmall, bright and made for one evening.\"\"\"",
        ),
    ],
};

pub const ITEM: Table = Table {
    key: "item",
    many: true,
    about: "One pick, in the edit's order; written [[item]], or [[bag]] in an edit of bags.",
    fields: &[
        required(
            "id",
            Kind::Id,
            "A kebab-case id, unique in the file, that looks' pairs name.",
            "\"first-pick\"",
        ),
        required(
            "name",
            Kind::Line,
            "The item's name.",
            "\"Your first pick\"",
        ),
        required("brand", Kind::Line, "Who makes it.", "\"A brand\""),
        required("retailer", Kind::Line, "Where it is sold.", "\"A shop\""),
        required(
            "price",
            Kind::Price,
            "A plain amount in the edit's currency, e.g. 195 or 49.99.",
            "120",
        ),
        SIZE,
        SHAPE,
        optional(
            "materials",
            Kind::Lines,
            "What it is made of.",
            "[\"leather\"]",
        ),
        COLOURS,
        DETAILS,
        optional(
            "seen_on",
            Kind::Lines,
            "Who the edit says carried it.",
            "[\"A celebrity\"]",
        ),
        optional(
            "note",
            Kind::Text,
            "What the edit says of it.",
            "\"A note in the edit's words.\"",
        ),
        optional(
            "url",
            Kind::Url,
            "Its page at the shop (https only).",
            "\"https://shop.example/first-pick\"",
        ),
        PHOTO,
    ],
};

pub const LOOK: Table = Table {
    key: "look",
    many: true,
    about: "A look someone wore, with the items that recreate it.",
    fields: &[
        required(
            "id",
            Kind::Id,
            "A kebab-case id, unique among looks.",
            "\"first-look\"",
        ),
        required("wearer", Kind::Line, "Who wore it.", "\"A celebrity\""),
        required(
            "outfit",
            Kind::Lines,
            "The pieces of the outfit, at least one.",
            "[\"a black dress\"]",
        ),
        required(
            "carried",
            Kind::Carried,
            "The item in the look (the bag they carried, the shoes they wore), in the edit's words, or a [look.carried] table.",
            "\"a small black clutch\"",
        ),
        optional(
            "note",
            Kind::Text,
            "How the edit describes the look.",
            "\"A note in the edit's words.\"",
        ),
        optional(
            "pairs",
            Kind::Ids,
            "Ids of the items that recreate the look.",
            "[\"first-pick\"]",
        ),
        PHOTO,
    ],
};

/// A photo, for an item (in its detail pane) and for a look (on its card).
const PHOTO: Field = optional(
    "image",
    Kind::Photo,
    "A photo: a PNG, JPEG or WebP file, its path from the lookbook's folder (at most 10 MB and 8192 pixels a side).",
    "\"images/first-pick.jpg\"",
);

/// A look's `carried`, written as a table so its card can draw the bag.
pub const CARRIED: Table = Table {
    key: "carried",
    many: false,
    about: "The bag a look's wearer carried, with what its drawing needs.",
    fields: &[
        required(
            "description",
            Kind::Line,
            "The bag, in the edit's words.",
            "\"a small black clutch\"",
        ),
        SHAPE,
        SIZE,
        COLOURS,
        DETAILS,
    ],
};

/// Every top-level table, in the order a file is written.
pub const TABLES: [&Table; 4] = [&LOOKBOOK, &SECTION, &ITEM, &LOOK];

/// The field names of `table`, for the loader's unknown-field check.
pub fn names(table: &Table) -> Vec<&'static str> {
    table.fields.iter().map(|field| field.name).collect()
}

/// The currency codes a file may use.
pub fn currencies() -> Vec<&'static str> {
    Currency::known_codes().collect()
}

/// `[[bag]]`, the other name of `[[item]]`, which an edit of bags may use.
pub const ITEM_ALIAS: &str = "bag";

/// Every top-level key a file may have.
pub fn top_level() -> Vec<&'static str> {
    let mut keys: Vec<&str> = TABLES.iter().map(|table| table.key).collect();
    keys.insert(3, ITEM_ALIAS);
    keys
}
