//! Currencies the file may name, and prices written in them.

use std::fmt;

use super::readings::Readings;

/// An ISO 4217 currency the lookbook can price in, with the one way its
/// prices are written: where its symbol goes, and its grouping and decimal
/// marks. Each is the convention of the currency's own shops (docs/lookbook-format.md
/// lists them); the euro, shared by many conventions, is written as the
/// English-language press writes it, `€1,450.50`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    code: &'static str,
    symbol: &'static str,
    placement: Placement,
    /// Between groups of three digits.
    group: char,
    /// Before the decimals, when a price has any.
    decimal: char,
    /// Whether the currency has a minor unit: the yen has none.
    cents: bool,
}

/// Where a currency's symbol stands, and whether a space parts it from the
/// amount (a no-break space, so a price never wraps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    Before,
    BeforeSpaced,
    AfterSpaced,
}

/// Parts a symbol or a group from the amount without letting a line break.
const NBSP: char = '\u{a0}';

const fn currency(
    code: &'static str,
    symbol: &'static str,
    placement: Placement,
    group: char,
    decimal: char,
) -> Currency {
    Currency {
        code,
        symbol,
        placement,
        group,
        decimal,
        cents: true,
    }
}

const KNOWN: &[Currency] = &[
    currency("GBP", "£", Placement::Before, ',', '.'),
    currency("EUR", "€", Placement::Before, ',', '.'),
    currency("USD", "$", Placement::Before, ',', '.'),
    Currency {
        cents: false,
        ..currency("JPY", "¥", Placement::Before, ',', '.')
    },
    currency("CAD", "CA$", Placement::Before, ',', '.'),
    currency("AUD", "A$", Placement::Before, ',', '.'),
    currency("CHF", "CHF", Placement::BeforeSpaced, '’', '.'),
    currency("SEK", "kr", Placement::AfterSpaced, NBSP, ','),
    currency("DKK", "kr.", Placement::AfterSpaced, '.', ','),
    currency("NOK", "kr", Placement::BeforeSpaced, NBSP, ','),
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

    /// The currency's sign: `£`, `CA$`, `kr`.
    pub fn symbol(self) -> &'static str {
        self.symbol
    }

    /// Whether prices may have decimals (the yen has no minor unit).
    pub fn has_cents(self) -> bool {
        self.cents
    }

    /// `£195`, `£1,250`, `£49.99`, `1\u{a0}450,50\u{a0}kr`: whole amounts
    /// without decimals, in the currency's own marks and placement.
    pub fn format(self, price: Price) -> String {
        let mut amount = group_thousands(price.minor / 100, self.group);
        let cents = price.minor % 100;
        if cents != 0 {
            amount.push(self.decimal);
            amount.push_str(&format!("{cents:02}"));
        }
        match self.placement {
            Placement::Before => format!("{}{amount}", self.symbol),
            Placement::BeforeSpaced => format!("{}{NBSP}{amount}", self.symbol),
            Placement::AfterSpaced => format!("{amount}{NBSP}{}", self.symbol),
        }
    }
}

fn group_thousands(value: u64, mark: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(mark);
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

/// Why a price was refused; [`PriceError::expected`] is what to write
/// instead, when that is more telling than the general hint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    /// Hexadecimal, octal or binary; `value` is the amount, when it reads
    /// as one.
    #[error("price `{written}` is written in {base}")]
    Radix {
        written: String,
        base: &'static str,
        value: Option<u64>,
    },
    #[error("price cannot be negative")]
    Negative,
    /// A sign on a price that is not a debt (`-0`, `+5`).
    #[error("price `{written}` has a {} sign", if *.sign == '-' { "minus" } else { "plus" })]
    Sign {
        written: String,
        sign: char,
        unsigned: String,
    },
    #[error("price `{written}` is not a plain amount")]
    NotPlain { written: String },
    /// `meant` is what it may have meant (see [`Readings`]).
    #[error("price `{written}` has more than two decimals or an exponent")]
    Decimals { written: String, meant: Readings },
    /// Not a number TOML reads at all (`129,00`, `1.250.000`): found by the
    /// syntax errors, on a `price` line.
    #[error("price `{written}` has a comma, which a TOML number cannot have")]
    Comma { written: String, meant: Readings },
    #[error("price `{written}` has more than one point")]
    Points { written: String, meant: Readings },
    #[error("price is too large")]
    TooLarge,
}

impl PriceError {
    /// What to write instead, where the price says it.
    pub fn expected(&self) -> Option<String> {
        match self {
            PriceError::Radix {
                value: Some(value), ..
            } => Some(format!("a plain amount in decimal digits: {value}")),
            PriceError::Sign { unsigned, .. } => {
                Some(format!("a plain amount without a sign: {unsigned}"))
            }
            PriceError::Decimals { meant, .. }
            | PriceError::Comma { meant, .. }
            | PriceError::Points { meant, .. } => meant.hint(),
            _ => None,
        }
    }
}

/// A price as written in the file. A price is money, so each amount has one
/// way to be written: decimal digits (with `_` between them, as TOML allows),
/// then a point and one or two decimals if there are pence or cents. A sign
/// (even on `-0`, which is no debt but is a slip), a hexadecimal, octal or
/// binary number and an exponent are refused, with the plain amount to
/// write instead where there is one.
pub fn parse_price(written: &str) -> Result<Price, PriceError> {
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
            return Err(PriceError::Radix {
                written: written.to_string(),
                base,
                value: u64::from_str_radix(digits, radix).ok(),
            });
        }
    }
    let price = parse_unsigned(unsigned, written)?;
    match sign {
        None => Ok(price),
        Some('-') if price.minor > 0 => Err(PriceError::Negative),
        Some(sign) => Err(PriceError::Sign {
            written: written.to_string(),
            sign,
            unsigned: unsigned.to_string(),
        }),
    }
}

/// Digits, optionally a point and up to two decimals; `written` is quoted
/// in messages.
fn parse_unsigned(amount: &str, written: &str) -> Result<Price, PriceError> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let written = || written.to_string();
    if whole.is_empty() || !digits(whole) || (amount.contains('.') && fraction.is_empty()) {
        return Err(PriceError::NotPlain { written: written() });
    }
    if fraction.len() > 2 || !digits(fraction) {
        return Err(PriceError::Decimals {
            written: written(),
            meant: Readings::of(amount),
        });
    }
    Price::from_digits(whole, fraction).ok_or(PriceError::TooLarge)
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
        let format = |code, minor| {
            let shown = Currency::from_code(code)
                .expect("known")
                .format(Price::from_minor(minor));
            shown.replace('\u{a0}', " ")
        };
        assert_eq!(format("CHF", 25_000), "CHF 250");
        assert_eq!(format("CHF", 145_050), "CHF 1’450.50");
        assert_eq!(format("EUR", 145_050), "€1,450.50");
        assert_eq!(format("SEK", 145_050), "1 450,50 kr");
        assert_eq!(format("DKK", 145_050), "1.450,50 kr.");
        assert_eq!(format("NOK", 145_050), "kr 1 450,50");
        assert_eq!(format("JPY", 1_200_000), "¥12,000");
        assert_eq!(format("CAD", 7_500), "CA$75");
    }

    #[test]
    fn a_price_never_breaks_across_lines() {
        let sek = Currency::from_code("SEK").expect("SEK");
        assert!(!sek.format(Price::from_minor(145_050)).contains(' '));
    }

    fn price(written: &str) -> Result<u64, PriceError> {
        parse_price(written).map(|price| price.minor)
    }

    /// What the file's diagnostic says of a refused price.
    fn refused(written: &str) -> String {
        parse_price(written).expect_err(written).to_string()
    }

    #[test]
    fn prices_parse_exactly() {
        assert_eq!(price("1250"), Ok(125_000));
        assert_eq!(price("1_250"), Ok(125_000));
        assert_eq!(price("49.99"), Ok(4_999));
        assert_eq!(price("49.5"), Ok(4_950));
        assert_eq!(price("0"), Ok(0));
        assert_eq!(price("0.05"), Ok(5));
        assert_eq!(
            refused("49.999"),
            "price `49.999` has more than two decimals or an exponent"
        );
        assert_eq!(price("99999999999999999999"), Err(PriceError::TooLarge));
        assert_eq!(refused("99999999999999999999"), "price is too large");
        assert_eq!(refused("4x"), "price `4x` is not a plain amount");
    }

    #[test]
    fn a_price_is_plain_decimal_digits() {
        for written in ["1e3", "1.5e2", "inf", "nan", "+inf", "-nan"] {
            assert!(price(written).is_err(), "{written}");
        }
        assert_eq!(price("-5"), Err(PriceError::Negative));
        assert_eq!(refused("-5"), "price cannot be negative");
        assert_eq!(refused("-0.5"), "price cannot be negative");
        assert_eq!(refused("-0"), "price `-0` has a minus sign");
        assert_eq!(refused("-0.0"), "price `-0.0` has a minus sign");
        assert_eq!(refused("+5"), "price `+5` has a plus sign");
        assert_eq!(
            parse_price("+5").map_err(|p| p.expected()),
            Err(Some("a plain amount without a sign: 5".into()))
        );
        assert_eq!(
            parse_price("0x10").map_err(|p| p.expected()),
            Err(Some("a plain amount in decimal digits: 16".into()))
        );
        assert_eq!(
            parse_price("0xzz").map_err(|p| p.expected()),
            Err(None),
            "no amount to suggest"
        );
        assert_eq!(refused("0o17"), "price `0o17` is written in octal");
        assert_eq!(refused("0b101"), "price `0b101` is written in binary");
        assert_eq!(refused("0x10"), "price `0x10` is written in hexadecimal");
    }

    #[test]
    fn unknown_codes_are_not_currencies() {
        assert_eq!(Currency::from_code("XYZ"), None);
        assert_eq!(Currency::from_code("gbp"), None);
    }
}
