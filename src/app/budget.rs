//! Reading a budget as a shopper types it: `400`, `£400`, `1,250`, `49.99`,
//! and as other conventions write money: `400,50`, `1.250,50`, `1 250`.
//!
//! The marks decide, never silently: a comma or point followed by one or two
//! digits at the end is the decimal mark; one followed by exactly three is
//! grouping. Anything else (a group of two, both marks used both ways, three
//! decimals) is an error that says what was understood, so `400,50` can
//! never become 40,050.

use crate::lookbook::{Currency, Price};

/// Why a budget typed can't be one; the text is what the prompt shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("a budget cannot be negative")]
    Negative,
    /// `example` is a price in the edit's currency (`£49.99`).
    #[error("not an amount: try 400 or {example}")]
    NotAnAmount { example: String },
    #[error("that budget is too large")]
    TooLarge,
    /// A comma or point used for both thousands and decimals.
    #[error("`{0}` can't mark both thousands and decimals")]
    BothMarks(char),
    /// A mark followed by neither 1–2 digits nor 3.
    #[error("`{mark}` then 1–2 digits (decimals) or 3 (thousands), not {digits}")]
    Digits { mark: char, digits: usize },
    #[error("thousands come in threes, not `{0}`")]
    Thousands(String),
}

/// The budget typed, or why it can't be one. An empty entry is `Ok(None)`:
/// no budget.
pub fn parse(text: &str, currency: Currency) -> Result<Option<Price>, BudgetError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let amount = strip_currency(trimmed, currency.symbol(), currency.code());
    if amount.starts_with('-') {
        return Err(BudgetError::Negative);
    }
    let example = currency.format(Price::from_minor(if currency.has_cents() {
        4_999
    } else {
        1_200_000
    }));
    let invalid = || BudgetError::NotAnAmount { example };
    let (whole, cents) = split_decimals(amount)?;
    let whole = ungroup(whole)?;
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    if !cents.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    Price::from_digits(&whole, cents)
        .map(Some)
        .ok_or(BudgetError::TooLarge)
}

/// The amount without its currency, written before or after it (`£400`,
/// `GBP 400`, `400 €`).
fn strip_currency<'a>(text: &'a str, symbol: &str, code: &str) -> &'a str {
    let marks = [symbol, code].into_iter().filter(|m| !m.is_empty());
    for mark in marks {
        if let Some(rest) = text.strip_prefix(mark).or_else(|| text.strip_suffix(mark)) {
            return rest.trim();
        }
    }
    text
}

/// Splits off the decimals: the last comma or point, when one or two digits
/// follow it. Three digits make it grouping; any other count is a mistake.
fn split_decimals(amount: &str) -> Result<(&str, &str), BudgetError> {
    let Some(at) = amount.rfind([',', '.']) else {
        return Ok((amount, ""));
    };
    let (whole, rest) = amount.split_at(at);
    let mark = if rest.starts_with(',') { ',' } else { '.' };
    let after = &rest[1..];
    match after.len() {
        1 | 2 if !whole.contains(mark) => Ok((whole, after)),
        1 | 2 => Err(BudgetError::BothMarks(mark)),
        3 => Ok((amount, "")),
        digits => Err(BudgetError::Digits { mark, digits }),
    }
}

/// The whole part without its grouping marks (commas, points, spaces, the
/// Swiss apostrophes), each of which must be followed by exactly three
/// digits.
fn ungroup(whole: &str) -> Result<String, BudgetError> {
    let mut groups = whole.split([',', '.', ' ', '\u{a0}', '\u{202f}', '’', '\'']);
    let first = groups.next().unwrap_or("");
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return Err(BudgetError::Thousands(group.to_string()));
        }
        digits.push_str(group);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbp(text: &str) -> Result<Option<Price>, BudgetError> {
        parse(text, Currency::GBP)
    }

    #[test]
    fn reads_amounts_as_typed() {
        assert_eq!(gbp("400"), Ok(Some(Price::from_minor(40_000))));
        assert_eq!(gbp("£400"), Ok(Some(Price::from_minor(40_000))));
        assert_eq!(gbp(" £ 1,250 "), Ok(Some(Price::from_minor(125_000))));
        assert_eq!(gbp("49.99"), Ok(Some(Price::from_minor(4_999))));
        assert_eq!(gbp("49.5"), Ok(Some(Price::from_minor(4_950))));
        assert_eq!(gbp("GBP 75"), Ok(Some(Price::from_minor(7_500))));
        assert_eq!(gbp("75 £"), Ok(Some(Price::from_minor(7_500))));
        assert_eq!(gbp(""), Ok(None));
        assert_eq!(gbp("   "), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in [
            "abc",
            "£",
            "4OO",
            "49.9999",
            "1e3",
            "£-5",
            "-5",
            ".5",
            "5.",
            "$400",
            "99999999999999999999",
        ] {
            assert!(gbp(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(gbp("-5"), Err(BudgetError::Negative));
        let says = |text: &str| gbp(text).expect_err(text).to_string();
        assert_eq!(says("-5"), "a budget cannot be negative");
        assert_eq!(says("abc"), "not an amount: try 400 or £49.99");
        assert_eq!(says("99999999999999999999"), "that budget is too large");
    }

    fn eur(text: &str) -> Result<Option<Price>, BudgetError> {
        parse(text, Currency::from_code("EUR").expect("EUR"))
    }

    #[test]
    fn the_marks_decide_decimals_or_thousands_never_silently() {
        let minor = |m| Ok(Some(Price::from_minor(m)));
        assert_eq!(eur("400,50"), minor(40_050), "a decimal comma");
        assert_eq!(eur("400,5"), minor(40_050));
        assert_eq!(eur("1.250,50"), minor(125_050));
        assert_eq!(eur("1,250.50"), minor(125_050));
        assert_eq!(eur("1,250"), minor(125_000), "three digits: thousands");
        assert_eq!(gbp("49.999"), minor(4_999_900), "in every currency");
        assert_eq!(eur("1.250"), minor(125_000));
        assert_eq!(eur("1 250 €"), minor(125_000));
        assert_eq!(eur("€1,234,567"), minor(123_456_700));
        for (bad, says) in [
            (
                "1,2345",
                "`,` then 1–2 digits (decimals) or 3 (thousands), not 4",
            ),
            ("12,34,567", "in threes, not `34`"),
            ("1,250,50", "`,` can't mark both thousands and decimals"),
            ("1.25.50", "`.` can't mark both"),
        ] {
            let error = eur(bad).expect_err(bad).to_string();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    proptest::proptest! {
        /// Any price, typed as the screen shows it, is that budget.
        #[test]
        fn a_price_typed_as_shown_is_that_budget(minor in 0_u64..100_000_000_000) {
            for code in Currency::known_codes() {
                let currency = Currency::from_code(code).expect("known");
                let price = Price::from_minor(minor);
                let shown = currency.format(price);
                proptest::prop_assert_eq!(parse(&shown, currency), Ok(Some(price)), "{}", shown);
            }
        }
    }
}
