//! How the app counts things in English, in one place: every layer (the
//! loader's summary, the screen, the SSH log) says "1 look" and "2 looks".

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

#[cfg(test)]
mod tests {
    use super::{count, look_of};

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
}
