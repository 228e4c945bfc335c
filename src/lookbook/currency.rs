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

    /// The price of whole units and up to two decimals, each written in
    /// decimal digits (checked by the caller); none if it is not a price
    /// (over [`Price::MAX_MINOR`], or not digits after all).
    pub fn from_digits(whole: &str, decimals: &str) -> Option<Price> {
        if decimals.len() > 2 {
            return None;
        }
        let cents: u64 = format!("{decimals:0<2}").parse().ok()?;
        whole
            .parse::<u64>()
            .ok()?
            .checked_mul(100)?
            .checked_add(cents)
            .filter(|&minor| minor <= Price::MAX_MINOR)
            .map(Price::from_minor)
    }
}

/// Why a price was refused, and what to write instead when that is more
/// telling than the general hint.
#[derive(Debug, PartialEq, Eq)]
pub struct PriceProblem {
    pub message: String,
    pub expected: Option<String>,
}

impl PriceProblem {
    fn new(message: impl Into<String>) -> Self {
        PriceProblem {
            message: message.into(),
            expected: None,
        }
    }

    fn instead(mut self, expected: String) -> Self {
        self.expected = Some(expected);
        self
    }
}

/// A price as written in the file. A price is money, so each amount has one
/// way to be written: decimal digits (with `_` between them, as TOML allows),
/// then a point and one or two decimals if there are pence or cents. A sign
/// (even on `-0`, which is no debt but is a slip), a hexadecimal, octal or
/// binary number and an exponent are refused, with the plain amount to
/// write instead where there is one.
pub fn parse_price(written: &str) -> Result<Price, PriceProblem> {
    let amount: String = written.chars().filter(|&c| c != '_').collect();
    let (sign, unsigned) = match amount.strip_prefix(['-', '+']) {
        Some(rest) => (amount.chars().next(), rest),
        None => (None, amount.as_str()),
    };
    for (prefix, radix, base) in [
        ("0x", 16, "hexadecimal"),
        ("0o", 8, "octal"),
        ("0b", 2, "binary"),
    ] {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            let problem = PriceProblem::new(format!("price `{written}` is written in {base}"));
            return Err(match u64::from_str_radix(digits, radix) {
                Ok(value) => problem.instead(format!("a plain amount in decimal digits: {value}")),
                Err(_) => problem,
            });
        }
    }
    let price = parse_unsigned(unsigned, written)?;
    match sign {
        None => Ok(price),
        Some('-') if price.minor > 0 => Err(PriceProblem::new("price cannot be negative")),
        Some(sign) => {
            let name = if sign == '-' { "minus" } else { "plus" };
            Err(
                PriceProblem::new(format!("price `{written}` has a {name} sign"))
                    .instead(format!("a plain amount without a sign: {unsigned}")),
            )
        }
    }
}

/// Digits, optionally a point and up to two decimals; `written` is quoted
/// in messages.
fn parse_unsigned(amount: &str, written: &str) -> Result<Price, PriceProblem> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || (amount.contains('.') && fraction.is_empty()) {
        return Err(PriceProblem::new(format!(
            "price `{written}` is not a plain amount"
        )));
    }
    if fraction.len() > 2 || !digits(fraction) {
        return Err(PriceProblem::new(format!(
            "price `{written}` has more than two decimals or an exponent"
        )));
    }
    Price::from_digits(whole, fraction).ok_or_else(|| PriceProblem::new("price is too large"))
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

    fn price(written: &str) -> Result<u64, String> {
        parse_price(written)
            .map(|price| price.minor)
            .map_err(|problem| problem.message)
    }

    #[test]
    fn prices_parse_exactly() {
        assert_eq!(price("1250"), Ok(125_000));
        assert_eq!(price("1_250"), Ok(125_000));
        assert_eq!(price("49.99"), Ok(4_999));
        assert_eq!(price("49.5"), Ok(4_950));
        assert_eq!(price("0"), Ok(0));
        assert_eq!(price("0.05"), Ok(5));
        assert!(price("49.999").is_err());
        assert!(price("99999999999999999999").is_err());
    }

    #[test]
    fn a_price_is_plain_decimal_digits() {
        for written in ["1e3", "1.5e2", "inf", "nan", "+inf", "-nan"] {
            assert!(price(written).is_err(), "{written}");
        }
        assert_eq!(price("-5"), Err("price cannot be negative".into()));
        assert_eq!(price("-0.5"), Err("price cannot be negative".into()));
        assert_eq!(price("-0"), Err("price `-0` has a minus sign".into()));
        assert_eq!(price("-0.0"), Err("price `-0.0` has a minus sign".into()));
        assert_eq!(price("+5"), Err("price `+5` has a plus sign".into()));
        assert_eq!(
            parse_price("0x10").map_err(|p| p.expected),
            Err(Some("a plain amount in decimal digits: 16".into()))
        );
        assert_eq!(
            price("0o17"),
            Err("price `0o17` is written in octal".into())
        );
        assert_eq!(
            price("0b101"),
            Err("price `0b101` is written in binary".into())
        );
    }

    #[test]
    fn unknown_codes_are_not_currencies() {
        assert_eq!(Currency::from_code("XYZ"), None);
        assert_eq!(Currency::from_code("gbp"), None);
    }
}
