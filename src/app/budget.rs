//! Reading a budget as a shopper types it: `400`, `£400`, `1,250`, `49.99`.

use crate::lookbook::{Currency, Price};

/// The budget typed, or why it can't be one. An empty entry is `Ok(None)`:
/// no budget.
pub fn parse(text: &str, currency: Currency) -> Result<Option<Price>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let symbol = currency.prefix().trim();
    let amount = trimmed
        .strip_prefix(symbol)
        .or_else(|| trimmed.strip_prefix(currency.code()))
        .unwrap_or(trimmed)
        .trim()
        .replace(',', "");
    let invalid = || format!("not an amount: try 400 or {symbol}49.99");
    if amount.starts_with('-') {
        return Err("a budget cannot be negative".into());
    }
    let (whole, cents) = match amount.split_once('.') {
        Some((whole, cents)) if (1..=2).contains(&cents.len()) => (whole, cents),
        Some(_) => return Err(invalid()),
        None => (amount.as_str(), ""),
    };
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !cents.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(invalid());
    }
    Price::from_digits(whole, cents)
        .map(Some)
        .ok_or_else(|| "that budget is too large".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbp(text: &str) -> Result<Option<Price>, String> {
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
        assert_eq!(gbp(""), Ok(None));
        assert_eq!(gbp("   "), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in [
            "abc",
            "£",
            "4OO",
            "49.999",
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
        assert_eq!(gbp("-5"), Err("a budget cannot be negative".into()));
    }
}
