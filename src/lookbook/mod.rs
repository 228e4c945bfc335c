//! The lookbook: its model, and how a TOML file becomes one.
//!
//! `load` reads a file with its size and encoding limits, `parse` walks the
//! TOML tree and validates every field (collecting all errors, each with the
//! span of the value at fault; `syntax` places TOML's own errors, `text`
//! holds the policy every string goes through), and `diagnostic` renders
//! those errors the way a compiler does (`json`, as tools read them).

mod appearance;
pub mod colours;
mod currency;
mod diagnostic;
mod fields;
mod format;
mod json;
mod lab;
mod link;
mod load;
mod model;
mod nouns;
mod parse;
mod photo;
mod readings;
pub mod schema;
pub mod starter;
mod syntax;
mod text;
mod unknown_colour;

pub use appearance::hex_rgb;
pub use currency::{Currency, Price};
pub use diagnostic::{Diagnostic, Report};
pub use json::{JsonDiagnostic, Severity};
pub use link::{Link, LinkError};
pub use load::{FileError, LoadError, MAX_FILE_BYTES, check_path, load_path};
pub use model::{Bag, Carried, Detail, Look, Lookbook, Section, Shape, Size};
pub use nouns::Nouns;
pub use parse::{parse, parse_in, parse_with_warnings};
pub use photo::{FileVersion, Photo};

/// The edit this app was written for, compiled into the binary so that
/// `lookbook` with no argument has something to show.
pub const BUNDLED: &str = include_str!("../../lookbook.toml");

/// The name under which the bundled edit appears in messages.
pub const BUNDLED_NAME: &str = "lookbook.toml (bundled)";

/// The bundled edit, parsed. It is validated by a test, so a failure here is
/// a build defect rather than user input.
pub fn bundled() -> Lookbook {
    parse(BUNDLED, BUNDLED_NAME).expect("the bundled lookbook.toml is valid (see tests)")
}
