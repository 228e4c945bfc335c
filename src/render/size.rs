//! A picture's size in cells, as typed on the command line: `120x40`.

use std::fmt;
use std::str::FromStr;

/// Width and height in terminal cells, each within [`Size::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    /// The largest picture: bigger than any real terminal, small enough to
    /// rasterise in a moment.
    pub const MAX: Size = Size {
        width: 400,
        height: 200,
    };
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// A `--size` that is not one; clap prints the text after `--size`'s name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    /// Not two numbers around an `x`; holds the text as typed.
    #[error("size `{0}` is not WIDTHxHEIGHT in cells, e.g. 120x40")]
    Shape(String),
    /// `what` is `width` or `height`; `number` as typed.
    #[error("{what} {number} is out of range: 1 to {max} cells")]
    OutOfRange {
        what: &'static str,
        number: String,
        max: u16,
    },
}

impl FromStr for Size {
    type Err = SizeError;

    fn from_str(text: &str) -> Result<Size, SizeError> {
        let shape = || SizeError::Shape(text.to_string());
        let (width, height) = text.trim().split_once(['x', 'X', '×']).ok_or_else(shape)?;
        let number = |part: &str, what: &'static str, max: u16| -> Result<u16, SizeError> {
            let part = part.trim();
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape());
            }
            match part.parse::<u32>() {
                Ok(n) if (1..=u32::from(max)).contains(&n) => u16::try_from(n).map_err(|_| shape()),
                _ => Err(SizeError::OutOfRange {
                    what,
                    number: part.to_string(),
                    max,
                }),
            }
        };
        Ok(Size {
            width: number(width, "width", Size::MAX.width)?,
            height: number(height, "height", Size::MAX.height)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sizes_from_one_cell_to_the_maximum() {
        let size = |text: &str| text.parse::<Size>();
        assert_eq!(
            size("120x40"),
            Ok(Size {
                width: 120,
                height: 40
            })
        );
        assert_eq!(size("1x1").map(|s| s.to_string()), Ok("1x1".into()));
        assert_eq!(size("400X200").map(|s| s.to_string()), Ok("400x200".into()));
        assert_eq!(size("80×24").map(|s| s.to_string()), Ok("80x24".into()));
    }

    #[test]
    fn nonsense_sizes_say_what_is_wrong() {
        assert_eq!(
            "0x10".parse::<Size>(),
            Err(SizeError::OutOfRange {
                what: "width",
                number: "0".into(),
                max: 400
            })
        );
        assert_eq!(
            " 1x2x3".parse::<Size>().map_err(|e| e.to_string()),
            Err("size ` 1x2x3` is not WIDTHxHEIGHT in cells, e.g. 120x40".into())
        );
        let error = |text: &str| {
            text.parse::<Size>()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(error("0x10"), "width 0 is out of range: 1 to 400 cells");
        assert_eq!(
            error("10x201"),
            "height 201 is out of range: 1 to 200 cells"
        );
        assert_eq!(
            error("99999999999x1"),
            "width 99999999999 is out of range: 1 to 400 cells"
        );
        for nonsense in ["", "120", "x40", "120x", "-1x5", "1.5x2", "axb", "1x2x3"] {
            assert!(
                error(nonsense).contains("is not WIDTHxHEIGHT"),
                "{nonsense}: {}",
                error(nonsense)
            );
        }
    }
}
