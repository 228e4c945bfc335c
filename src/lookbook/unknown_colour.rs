//! What `lookbook check` tells a file of a colour it cannot draw. A guess by
//! spelling helps only when the word is a misspelling (`burgandy`); for any
//! other word the three names nearest in spelling are noise (`havana` got
//! aqua, canary and cyan), so the hint says so and points to `#rrggbb`. A
//! word that holds a name (`leopard print`) gets that name and the named
//! colours that look nearest to it.

use super::colours::{named, nearest_by_colour};

/// The hint under the caret for a colour `rgb` found no colour for.
pub fn hint(text: &str) -> String {
    let text = text.trim().to_lowercase();
    let advice = match (misspelt(&text).as_slice(), named_part(&text)) {
        ([], None) => "not a name we know (docs/lookbook-format.md lists them all);".to_string(),
        ([], Some(part)) => format!("{};", near_in_colour(part)),
        (names, _) => format!("did you mean {}? or", either(names)),
    };
    format!("the drawing leaves it out: {advice} write `#rrggbb` for any other colour")
}

/// The names a word is a misspelling of, closest first (at most three): a
/// few edits from the name, not counting spaces and hyphens.
fn misspelt(text: &str) -> Vec<&'static str> {
    let word = letters(text);
    let mut close: Vec<(usize, &'static str)> = Vec::new();
    for &(name, _) in super::colours::NAMED {
        let name_letters = letters(name);
        // "powder blue" after "powderblue" is the same name again.
        if close.iter().any(|&(_, seen)| letters(seen) == name_letters) {
            continue;
        }
        let allowed = typos_allowed(&name_letters);
        if word.len().abs_diff(name_letters.len()) > allowed {
            continue;
        }
        let distance = typo_distance(&word, &name_letters);
        if distance <= allowed {
            close.push((distance, name));
        }
    }
    close.sort_by_key(|&(distance, _)| distance);
    close.into_iter().take(3).map(|(_, name)| name).collect()
}

/// One slip in a short name, two in a long one: more, and a word is
/// another word (`banana` is two from `havana`).
fn typos_allowed(name: &str) -> usize {
    if name.chars().count() >= 7 { 2 } else { 1 }
}

fn letters(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, ' ' | '-')).collect()
}

/// Single-character edits from one spelling to another, two neighbours
/// swapped counting as one (`biege`): optimal string alignment distance.
fn typo_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: the edits from a's first i characters to b's first j.
    let mut d: Vec<Vec<usize>> = (0..=a.len())
        .map(|i| (0..=b.len()).map(|j| if i == 0 { j } else { i }).collect())
        .collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitute = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitute.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The longest run of words in the text that is a name, the first of the
/// longest: `leopard` in "leopard print", `navy` in "navy/white".
fn named_part(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    (1..=words.len()).rev().find_map(|length| {
        words
            .windows(length)
            .map(|run| run.join(" "))
            .find(|run| named(run).is_some())
    })
}

/// "`leopard` alone is a name, near in colour to `peru` and `fawn`".
fn near_in_colour(part: String) -> String {
    let Some(colour) = named(&part) else {
        return format!("`{part}` alone is a name");
    };
    let near: Vec<&str> = nearest_by_colour(colour)
        .into_iter()
        .filter(|&name| named(name) != Some(colour))
        .collect();
    match near.as_slice() {
        [] => format!("`{part}` alone is a name"),
        _ => format!(
            "`{part}` alone is a name, near in colour to {}",
            both(&near)
        ),
    }
}

/// "`a`, `b` or `c`".
fn either(names: &[&str]) -> String {
    joined(names, "or")
}

/// "`a`, `b` and `c`".
fn both(names: &[&str]) -> String {
    joined(names, "and")
}

fn joined(names: &[&str], last: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((only, [])) => only.clone(),
        Some((final_one, rest)) => format!("{} {last} {final_one}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelling_gets_the_name_it_misspells() {
        assert_eq!(misspelt("burgandy"), ["burgundy"]);
        assert_eq!(misspelt("fuschia"), ["fuchsia"]);
        assert_eq!(misspelt("biege"), ["beige"], "a swap is one slip");
        assert_eq!(misspelt("powderblu"), ["powderblue"], "offered once");
        assert_eq!(misspelt("dusty-pnik"), ["dusty pink"]);
    }

    #[test]
    fn another_word_is_not_a_misspelling() {
        for word in ["banana", "monogram", "patterned", "multicolour", "print"] {
            assert_eq!(misspelt(word), Vec::<&str>::new(), "{word}");
        }
    }

    #[test]
    fn typo_distance_counts_a_swap_as_one_edit() {
        assert_eq!(typo_distance("ab", "ba"), 1);
        assert_eq!(typo_distance("biege", "beige"), 1);
        assert_eq!(typo_distance("kitten", "sitting"), 3);
        assert_eq!(typo_distance("", "red"), 3);
        assert_eq!(typo_distance("red", "red"), 0);
    }

    #[test]
    fn the_longest_named_run_of_words_is_found() {
        assert_eq!(named_part("leopard print").as_deref(), Some("leopard"));
        assert_eq!(named_part("navy/white stripe").as_deref(), Some("navy"));
        assert_eq!(
            named_part("powder blue check").as_deref(),
            Some("powder blue")
        );
        assert_eq!(named_part("monogram canvas"), None);
    }

    #[test]
    fn a_misspelling_is_answered_by_spelling() {
        assert_eq!(
            hint("burgandy"),
            "the drawing leaves it out: did you mean `burgundy`? or write `#rrggbb` for any other colour"
        );
        assert_eq!(
            hint("gren"),
            "the drawing leaves it out: did you mean `green` or `grey`? or write `#rrggbb` for any other colour"
        );
    }

    #[test]
    fn a_word_holding_a_name_is_answered_by_colour() {
        assert_eq!(
            hint("Leopard print"),
            "the drawing leaves it out: `leopard` alone is a name, near in colour to `peru` and `fawn`; write `#rrggbb` for any other colour"
        );
        assert_eq!(
            hint("havana stripe"),
            "the drawing leaves it out: `havana` alone is a name, near in colour to `espresso` and `coffee`; write `#rrggbb` for any other colour"
        );
    }

    #[test]
    fn any_other_word_is_pointed_to_hex() {
        assert_eq!(
            hint("monogram"),
            "the drawing leaves it out: not a name we know (docs/lookbook-format.md lists them all); write `#rrggbb` for any other colour"
        );
    }
}
