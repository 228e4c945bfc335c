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

impl FromStr for Size {
    type Err = String;

    fn from_str(text: &str) -> Result<Size, String> {
        let shape = || format!("size `{text}` is not WIDTHxHEIGHT in cells, e.g. 120x40");
        let (width, height) = text.trim().split_once(['x', 'X', '×']).ok_or_else(shape)?;
        let number = |part: &str, what: &str, max: u16| -> Result<u16, String> {
            let part = part.trim();
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape());
            }
            match part.parse::<u32>() {
                Ok(n) if (1..=u32::from(max)).contains(&n) => u16::try_from(n).map_err(|_| shape()),
                _ => Err(format!("{what} {part} is out of range: 1 to {max} cells")),
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
        let error = |text: &str| text.parse::<Size>().err().unwrap_or_default();
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
