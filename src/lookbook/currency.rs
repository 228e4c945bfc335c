//! Currencies the file may name, and prices written in them.

use std::fmt;

/// An ISO 4217 currency the lookbook can price in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    code: &'static str,
    /// Written before the amount; codes without a symbol of their own use
    /// the code and a space, as shops do ("CHF 250").
    prefix: &'static str,
}

const KNOWN: &[Currency] = &[
    Currency {
        code: "GBP",
        prefix: "£",
    },
    Currency {
        code: "EUR",
        prefix: "€",
    },
    Currency {
        code: "USD",
        prefix: "$",
    },
    Currency {
        code: "JPY",
        prefix: "¥",
    },
    Currency {
        code: "CAD",
        prefix: "CA$",
    },
    Currency {
        code: "AUD",
        prefix: "A$",
    },
    Currency {
        code: "CHF",
        prefix: "CHF ",
    },
    Currency {
        code: "SEK",
        prefix: "SEK ",
    },
    Currency {
        code: "DKK",
        prefix: "DKK ",
    },
    Currency {
        code: "NOK",
        prefix: "NOK ",
    },
];

impl Currency {
    pub const GBP: Currency = KNOWN[0];

    pub fn from_code(code: &str) -> Option<Currency> {
        KNOWN.iter().copied().find(|c| c.code == code)
    }

    pub fn known_codes() -> impl Iterator<Item = &'static str> {
        KNOWN.iter().map(|c| c.code)
    }

    pub fn code(self) -> &'static str {
        self.code
    }

    /// What is written before an amount: `£`, `CA$`, `CHF `.
    pub fn prefix(self) -> &'static str {
        self.prefix
    }

    /// `£195`, `£1,250`, `£49.99`: whole amounts without decimals.
    pub fn format(self, price: Price) -> String {
        let whole = group_thousands(price.minor / 100);
        match price.minor % 100 {
            0 => format!("{}{whole}", self.prefix),
            cents => format!("{}{whole}.{cents:02}", self.prefix),
        }
    }
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An amount in hundredths of the lookbook's currency, so that sums and
/// comparisons are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Price {
    pub minor: u64,
}

impl Price {
    /// The largest price the file may give: far beyond any bag, small enough
    /// that a total of a hundred thousand of them cannot overflow.
    pub const MAX_MINOR: u64 = 10_000_000_000_000;

    pub fn from_minor(minor: u64) -> Price {
        Price { minor }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_shop() {
        let gbp = Currency::GBP;
        assert_eq!(gbp.format(Price::from_minor(19_500)), "£195");
        assert_eq!(gbp.format(Price::from_minor(125_000)), "£1,250");
        assert_eq!(gbp.format(Price::from_minor(4_999)), "£49.99");
        assert_eq!(gbp.format(Price::from_minor(5)), "£0.05");
        assert_eq!(
            gbp.format(Price::from_minor(12_345_678_900)),
            "£123,456,789"
        );
        let chf = Currency::from_code("CHF").unwrap();
        assert_eq!(chf.format(Price::from_minor(25_000)), "CHF 250");
    }

    #[test]
    fn unknown_codes_are_not_currencies() {
        assert_eq!(Currency::from_code("XYZ"), None);
        assert_eq!(Currency::from_code("gbp"), None);
    }
}
