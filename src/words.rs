//! How the app counts things in English, in one place: every layer (the
//! loader's summary, the screen, the SSH log) says "1 look" and "2 looks",
//! and a hint spells out an amount ("one thousand two hundred fifty").

/// `1 bag`, `2 bags`, `0 bags`.
pub fn count(n: usize, singular: &str) -> String {
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {singular}s")
    }
}

/// A look named by who wore it: "Laura Harrier's look" when the wearer
/// reads as a name; otherwise ("You, at the office party", "a guest",
/// "you") "Look: ..." rather than a possessive that reads wrong.
pub fn look_of(wearer: &str) -> String {
    let pronoun = matches!(
        wearer.to_lowercase().as_str(),
        "i" | "me" | "you" | "we" | "us" | "they" | "them" | "he" | "she" | "him" | "her"
    );
    let name = !pronoun
        && !wearer.contains([',', ':', ';', '(', ')'])
        && wearer
            .split_whitespace()
            .all(|word| word.chars().next().is_some_and(|c| !c.is_lowercase()));
    match name {
        true if wearer.ends_with('s') => format!("{wearer}' look"),
        true => format!("{wearer}'s look"),
        false => format!("Look: {wearer}"),
    }
}

/// A whole number in words, as a hint spells out an amount that could be
/// misread: `1250` is "one thousand two hundred fifty".
pub fn spelled(n: u64) -> String {
    const SCALES: [&str; 7] = [
        "",
        "thousand",
        "million",
        "billion",
        "trillion",
        "quadrillion",
        "quintillion",
    ];
    if n == 0 {
        return "zero".to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words = Vec::new();
    for (scale, &group) in SCALES.iter().zip(&groups).rev() {
        if group > 0 {
            words.push(hundreds(group));
            if !scale.is_empty() {
                words.push((*scale).to_string());
            }
        }
    }
    words.join(" ")
}

/// 1 to 999 in words: "two hundred fifty", "forty-nine".
fn hundreds(n: u64) -> String {
    const ONES: [&str; 20] = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word = |i: u64| usize::try_from(i).map_or("", |i| ONES.get(i).copied().unwrap_or(""));
    let ten = |i: u64| usize::try_from(i).map_or("", |i| TENS.get(i).copied().unwrap_or(""));
    let mut words = Vec::new();
    if n >= 100 {
        words.push(format!("{} hundred", word(n / 100)));
    }
    match n % 100 {
        0 => {}
        below @ 1..20 => words.push(word(below).to_string()),
        tens if tens % 10 == 0 => words.push(ten(tens / 10).to_string()),
        tens => words.push(format!("{}-{}", ten(tens / 10), word(tens % 10))),
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{count, look_of, spelled};

    #[test]
    fn a_look_is_possessive_only_for_a_name() {
        assert_eq!(look_of("Laura Harrier"), "Laura Harrier's look");
        assert_eq!(look_of("Lily-Rose Depp"), "Lily-Rose Depp's look");
        assert_eq!(look_of("Iris Apfel"), "Iris Apfel's look");
        assert_eq!(look_of("Jules Dubois"), "Jules Dubois' look");
        assert_eq!(look_of("三宅一生"), "三宅一生's look");
        assert_eq!(
            look_of("You, at the office party"),
            "Look: You, at the office party"
        );
        assert_eq!(look_of("a wedding guest"), "Look: a wedding guest");
        assert_eq!(look_of("You"), "Look: You");
    }

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "bag"), "1 bag");
        assert_eq!(count(0, "look"), "0 looks");
        assert_eq!(count(2, "error"), "2 errors");
    }

    #[test]
    fn numbers_are_spelled_as_a_person_says_them() {
        assert_eq!(spelled(1250), "one thousand two hundred fifty");
        assert_eq!(
            spelled(49_999),
            "forty-nine thousand nine hundred ninety-nine"
        );
        assert_eq!(spelled(0), "zero");
        assert_eq!(spelled(7), "seven");
        assert_eq!(spelled(13), "thirteen");
        assert_eq!(spelled(40), "forty");
        assert_eq!(spelled(100), "one hundred");
        assert_eq!(spelled(1_000_001), "one million one");
        assert_eq!(spelled(12_000_300), "twelve million three hundred");
        assert!(spelled(u64::MAX).starts_with("eighteen quintillion "));
    }
}
