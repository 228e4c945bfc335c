//! What an edit calls the things it lists: "bag" and "bags" unless the file
//! says otherwise (`[lookbook] item = "sneaker"`). Every label the user
//! reads that names them (pane titles, counts, help, empty states) comes
//! through here, so a sneaker edit never speaks of bags.

/// The singular and plural noun for one edit's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nouns {
    pub one: String,
    pub many: String,
}

impl Default for Nouns {
    fn default() -> Self {
        Nouns::new("bag", None)
    }
}

impl Nouns {
    /// `many` defaults to the singular with an "s": English's common case;
    /// a file whose noun is irregular (`item = "dress"`) says `items`.
    pub fn new(one: &str, many: Option<&str>) -> Self {
        Nouns {
            one: one.to_string(),
            many: many.map_or_else(|| format!("{one}s"), str::to_string),
        }
    }

    /// `1 sneaker`, `12 sneakers`, `0 sneakers`.
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", self.of(n))
    }

    /// The noun for `n` of them: `sneaker` for one, `sneakers` otherwise.
    pub fn of(&self, n: usize) -> &str {
        if n == 1 { &self.one } else { &self.many }
    }

    /// The plural as a title: `Sneakers`.
    pub fn title(&self) -> String {
        capitalised(&self.many)
    }

    /// The singular after an indefinite article: `a bag`, `an umbrella`.
    /// By the first letter, which is right for most nouns; an editor whose
    /// noun begins with a silent h or a "yoo" sound sees "an hour"-style
    /// slips only in help text.
    pub fn a(&self) -> String {
        let vowel = self
            .one
            .chars()
            .next()
            .is_some_and(|c| "aeiouAEIOU".contains(c));
        let article = if vowel { "an" } else { "a" };
        format!("{article} {}", self.one)
    }

    /// A template with `{item}`, `{items}` and `{an item}` replaced, in one
    /// pass (a noun that itself contains braces is left as written).
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open..];
            let (word, len) = if after.starts_with("{items}") {
                (self.many.clone(), "{items}".len())
            } else if after.starts_with("{item}") {
                (self.one.clone(), "{item}".len())
            } else if after.starts_with("{an item}") {
                (self.a(), "{an item}".len())
            } else {
                ("{".to_string(), 1)
            };
            out.push_str(&word);
            rest = &after[len..];
        }
        out.push_str(rest);
        out
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Nouns;

    #[test]
    fn the_default_is_the_bundled_edits_bags() {
        let nouns = Nouns::default();
        assert_eq!(nouns.count(1), "1 bag");
        assert_eq!(nouns.count(8), "8 bags");
        assert_eq!(nouns.title(), "Bags");
    }

    #[test]
    fn the_plural_defaults_to_an_s_and_can_be_given() {
        assert_eq!(Nouns::new("sneaker", None).count(0), "0 sneakers");
        let dresses = Nouns::new("dress", Some("dresses"));
        assert_eq!(dresses.count(2), "2 dresses");
        assert_eq!(dresses.count(1), "1 dress");
        assert_eq!(dresses.title(), "Dresses");
    }

    #[test]
    fn titles_capitalise_the_first_letter_only_where_there_is_case() {
        assert_eq!(Nouns::new("écharpe", None).title(), "Écharpes");
        assert_eq!(Nouns::new("バッグ", Some("バッグ")).title(), "バッグ");
    }

    #[test]
    fn the_article_follows_the_first_letter() {
        assert_eq!(Nouns::new("umbrella", None).a(), "an umbrella");
        assert_eq!(Nouns::default().a(), "a bag");
    }

    #[test]
    fn templates_are_filled_in_one_pass() {
        let nouns = Nouns::new("scarf", Some("scarves"));
        assert_eq!(
            nouns.fill("next {item}; {items} up to {x}; on {an item}"),
            "next scarf; scarves up to {x}; on a scarf"
        );
        let odd = Nouns::new("{items}", None);
        assert_eq!(odd.fill("a {item}."), "a {items}.");
    }
}
