//! What the command line says of the core's types: the names and help of
//! `--format` and `--images` values. Here, not derived on the types, so the
//! core knows nothing of clap.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::photos::Images;
use crate::render::Format;

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Text, Format::Ansi, Format::Svg, Format::Png]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Format::Text => "Plain lines, as the snapshots hold them",
            Format::Ansi => "Lines with SGR colour codes, for `cat` in a terminal",
            Format::Svg => "A picture in a window frame",
            Format::Png => "The picture rasterised at 2x",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

impl ValueEnum for Images {
    fn value_variants<'a>() -> &'a [Self] {
        &[Images::Off, Images::Halfblocks, Images::Auto]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Images::Off => PossibleValue::new("off").help("The line drawings, never photos"),
            Images::Halfblocks => PossibleValue::new("halfblocks")
                .help("Photos in half blocks, which every terminal shows"),
            Images::Auto => PossibleValue::new("auto").help(
                "A graphics protocol when the terminal says it has one \
                 (and its size in pixels), half blocks otherwise",
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--images auto` is written back as the default in the help: each
    /// value's name reads back as itself.
    #[test]
    fn every_value_reads_back_by_its_name() {
        for format in Format::value_variants() {
            assert_eq!(Format::from_str(format.name(), false), Ok(*format));
        }
        for images in Images::value_variants() {
            let name = images.to_possible_value().expect("a value");
            assert_eq!(Images::from_str(name.get_name(), false), Ok(*images));
        }
    }

    /// `lookbook --help` lists every value, each with a line of help.
    #[test]
    fn the_help_offers_every_format_and_images_value() {
        let named = |values: Vec<Option<PossibleValue>>| -> Vec<String> {
            values
                .into_iter()
                .map(|value| {
                    let value = value.expect("a value");
                    assert!(value.get_help().is_some(), "{value:?} has help");
                    value.get_name().to_string()
                })
                .collect()
        };
        let formats = Format::value_variants().iter();
        assert_eq!(
            named(formats.map(ValueEnum::to_possible_value).collect()),
            ["text", "ansi", "svg", "png"]
        );
        let images = Images::value_variants().iter();
        assert_eq!(
            named(images.map(ValueEnum::to_possible_value).collect()),
            ["off", "halfblocks", "auto"]
        );
    }
}
