//! What a price written as a shop writes it may have meant. A lookbook's
//! prices are TOML numbers, a point before the decimals and no thousands
//! mark, but an editor copies `1.250` from a Danish shop or `129,00` from a
//! Swedish one: the loader's error then says what to write instead, each
//! way the amount can be read.

use super::currency::PriceError;
use crate::words::spelled;

/// What an amount written with marks a price does not take may have meant,
/// read both ways the world writes amounts: `1.250` and `1,250` are 1250
/// with a thousands mark, and 1.25 with a decimal one (a trailing zero
/// dropped); `129,00` is 129.00; `1.250,50` is 1250.50. A hint offers
/// each reading there is, so the author picks, rather than a guess.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings {
    /// Read with thousands marks (and a decimal mark after them).
    grouped: Option<String>,
    /// Read with one decimal mark.
    decimal: Option<String>,
}

impl Readings {
    /// The readings of `amount`: digits with `.` and `,` marks, without a
    /// sign or `_`. None for anything else.
    pub fn of(amount: &str) -> Readings {
        let groups: Vec<&str> = amount.split(['.', ',']).collect();
        let marks: Vec<char> = amount.chars().filter(|c| matches!(c, '.' | ',')).collect();
        let digits = |group: &&str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
        if marks.is_empty() || !groups.iter().all(digits) {
            return Readings::default();
        }
        Readings {
            grouped: grouped(&groups, &marks),
            decimal: match groups[..] {
                [whole, fraction] => decimal(whole, fraction),
                _ => None,
            },
        }
    }

    /// "write 1250 (one thousand two hundred fifty) or 1.25": a whole
    /// reading spelled out, so it is not mistaken for the other.
    pub fn hint(&self) -> Option<String> {
        let grouped = self
            .grouped
            .as_ref()
            .map(|amount| match amount.parse::<u64>() {
                Ok(whole) => format!("{amount} ({})", spelled(whole)),
                Err(_) => amount.clone(),
            });
        let readings: Vec<String> = grouped.into_iter().chain(self.decimal.clone()).collect();
        (!readings.is_empty()).then(|| format!("write {}", readings.join(" or ")))
    }
}

/// `1,250` or `1.250.000` as a whole amount, `1,250.50` or `1.250,50` with
/// decimals: a first group of one to three digits (no leading zero), then
/// groups of three after one kind of mark, then, after the other, one or
/// two decimals.
fn grouped(groups: &[&str], marks: &[char]) -> Option<String> {
    let (first, rest) = groups.split_first()?;
    if first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let thousands = marks[0];
    let decimals = match marks.iter().position(|&mark| mark != thousands) {
        None => None,
        Some(at) if at + 1 == marks.len() && at > 0 => rest.last(),
        Some(_) => return None,
    };
    let whole_groups = &rest[..rest.len() - usize::from(decimals.is_some())];
    if !whole_groups.iter().all(|group| group.len() == 3) {
        return None;
    }
    let whole = format!("{first}{}", whole_groups.concat());
    match decimals {
        Some(decimals) if decimals.len() <= 2 => Some(format!("{whole}.{decimals}")),
        Some(_) => None,
        None => Some(whole),
    }
}

/// `129,00` as 129.00, `1.250` as 1.25 (decimals past two only if zeros).
fn decimal(whole: &str, fraction: &str) -> Option<String> {
    let whole = whole.parse::<u64>().ok()?;
    let (kept, dropped) = fraction.split_at(fraction.len().min(2));
    dropped
        .bytes()
        .all(|b| b == b'0')
        .then(|| format!("{whole}.{kept}"))
}

/// A price TOML could not read as a number, written with marks (a comma,
/// or a point between thousands), as the error for its line: none when it
/// is not such a price, so TOML's own error stands.
pub fn marked_price(written: &str) -> Option<PriceError> {
    let amount: String = written.chars().filter(|&c| c != '_').collect();
    let meant = Readings::of(&amount);
    meant.hint()?;
    let written = written.to_string();
    if amount.contains(',') {
        Some(PriceError::Comma { written, meant })
    } else if amount.matches('.').count() > 1 {
        Some(PriceError::Points { written, meant })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookbook::currency::parse_price;

    fn hint(written: &str) -> Option<String> {
        parse_price(written).expect_err(written).expected()
    }

    #[test]
    fn three_decimals_are_read_both_ways_the_world_writes_them() {
        assert_eq!(
            hint("1.250").as_deref(),
            Some("write 1250 (one thousand two hundred fifty) or 1.25")
        );
        assert_eq!(
            hint("49.999").as_deref(),
            Some("write 49999 (forty-nine thousand nine hundred ninety-nine)")
        );
        assert_eq!(hint("0.250").as_deref(), Some("write 0.25"));
        assert_eq!(hint("1_000.500").as_deref(), Some("write 1000.50"));
        assert_eq!(hint("1.2345"), None, "no reading: the general hint");
        assert_eq!(hint("1.5e2"), None);
    }

    #[test]
    fn a_price_with_marks_toml_cannot_read_is_said_as_such() {
        let said = |written| marked_price(written).map(|p| (p.to_string(), p.expected()));
        assert_eq!(
            said("129,00"),
            Some((
                "price `129,00` has a comma, which a TOML number cannot have".into(),
                Some("write 129.00".into())
            ))
        );
        assert_eq!(
            said("1,250").and_then(|(_, hint)| hint).as_deref(),
            Some("write 1250 (one thousand two hundred fifty) or 1.25")
        );
        assert_eq!(
            said("1,250.99").and_then(|(_, hint)| hint).as_deref(),
            Some("write 1250.99")
        );
        assert_eq!(
            said("1.250.000").map(|(message, _)| message).as_deref(),
            Some("price `1.250.000` has more than one point")
        );
        // Marks that make no amount, or no marks TOML refuses.
        for written in ["1,2,3", "1,,5", ",5", "1.250", "12.5", "0,250,000"] {
            assert_eq!(said(written), None, "{written}");
        }
    }
}
