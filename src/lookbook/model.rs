//! What a lookbook holds, once validated: plain data, no TOML left in it.

use super::currency::{Currency, Price};
use super::link::Link;
use super::nouns::Nouns;
use super::photo::Photo;

#[derive(Debug, Clone, PartialEq)]
pub struct Lookbook {
    pub title: String,
    /// Who published the edit.
    pub source: String,
    pub currency: Currency,
    /// What the edit calls its items ("bag" unless it says).
    pub nouns: Nouns,
    pub sections: Vec<Section>,
    pub bags: Vec<Bag>,
    pub looks: Vec<Look>,
}

/// Editorial text, shown in the "about this edit" overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bag {
    pub id: String,
    pub name: String,
    pub brand: String,
    pub retailer: String,
    pub price: Price,
    pub size: Option<Size>,
    pub shape: Option<Shape>,
    pub materials: Vec<String>,
    /// Colour names or `#rrggbb`, as the file writes them.
    pub colours: Vec<String>,
    /// Features the drawing shows: a bow, a knot, diamanté...
    pub details: Vec<Detail>,
    /// People the edit says carried this bag.
    pub seen_on: Vec<String>,
    pub note: Option<String>,
    /// The bag's page at its shop, when the file gives one (never made up:
    /// the bundled edit gives none).
    pub url: Option<Link>,
    /// Its photo, when the file gives one (the bundled edit gives none).
    pub image: Option<Photo>,
}

/// A celebrity look from the edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub id: String,
    pub wearer: String,
    pub outfit: Vec<String>,
    /// The bag the wearer carried.
    pub carried: Carried,
    pub note: Option<String>,
    /// Indices into `Lookbook::bags`: the editor's suggestion of picks that
    /// recreate the look (not something the wearer carried).
    pub pairs: Vec<usize>,
    /// A photo of the look, shown on its card.
    pub image: Option<Photo>,
}

/// The bag a wearer carried: the edit's words, and what the file adds about
/// how it looks so it can be drawn (written `carried = "..."` when the file
/// has only the words).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Carried {
    pub description: String,
    pub shape: Option<Shape>,
    pub size: Option<Size>,
    pub colours: Vec<String>,
    pub details: Vec<Detail>,
}

impl Lookbook {
    /// Whether an item of `shape` gets a drawing. Without a shape the
    /// drawing is a generic bag, right only for an edit of bags: a sneaker
    /// edit shows no picture rather than the wrong one.
    pub fn draws(&self, shape: Option<Shape>) -> bool {
        shape.is_some() || self.nouns == Nouns::default()
    }

    /// Indices of the looks that pair with the bag at `bag`, in file order.
    pub fn looks_pairing(&self, bag: usize) -> impl Iterator<Item = usize> + '_ {
        self.looks
            .iter()
            .enumerate()
            .filter(move |(_, look)| look.pairs.contains(&bag))
            .map(|(index, _)| index)
    }
}

/// Declares a closed set of keywords the file may use, with their spelling,
/// so the parser, the error messages ("expected one of ...") and the display
/// all read from the same list.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// How the file spells each, in the same order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keywords! {
    /// How small: the edit's own words, smallest first.
    Size {
        Nano => "nano",
        Micro => "micro",
        Mini => "mini",
        Small => "small",
        Medium => "medium",
        Large => "large",
    }
}

keywords! {
    /// The silhouette of a bag.
    Shape {
        TopHandle => "top-handle",
        Tote => "tote",
        Bucket => "bucket",
        Crossbody => "crossbody",
        Vanity => "vanity",
        Drawstring => "drawstring",
        Clutch => "clutch",
        Shoulder => "shoulder",
        Minaudiere => "minaudière",
        Box => "box",
        Pouch => "pouch",
        Wristlet => "wristlet",
        Baguette => "baguette",
        Hobo => "hobo",
        Saddle => "saddle",
        BeltBag => "belt-bag",
        Backpack => "backpack",
        Satchel => "satchel",
        Bowling => "bowling",
    }
}

keywords! {
    /// A feature a bag's drawing shows, when the edit names it.
    Detail {
        Bow => "bow",
        Knot => "knot",
        Diamante => "diamanté",
        Drawstring => "drawstring",
        Chain => "chain",
        Flap => "flap",
        Tassel => "tassel",
        Patterned => "patterned",
        Metallic => "metallic",
    }
}
