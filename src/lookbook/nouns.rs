//! What an edit calls the things it lists: "bag" and "bags" unless the file
//! says otherwise (`[lookbook] item = "sneaker"`). Every label the user
//! reads that names them (pane titles, counts, help, empty states) comes
//! through here, so a sneaker edit never speaks of bags.

/// The singular and plural noun for one edit's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nouns {
    pub one: String,
    pub many: String,
    /// The things themselves, for titles: "Bags", "Sunglasses".
    kind: String,
    /// Counted in pairs ("a pair of sunglasses"): the app's own "pairs
    /// with" would read as the noun, so its sentences say "goes with".
    in_pairs: bool,
    /// A look card's word for the item in the look: "Carried" for bags
    /// and what is carried like them, else neutral; an edit may name it
    /// (`carried_label = "Worn"`).
    pub carried: String,
}

/// Things carried as a bag is: their look cards say "Carried".
const CARRIED: &[&str] = &[
    "bag",
    "handbag",
    "clutch",
    "tote",
    "purse",
    "satchel",
    "backpack",
    "rucksack",
    "pouch",
    "wallet",
    "briefcase",
    "basket",
    "umbrella",
];

/// A look card's word for any other item.
const NEUTRAL_CARRIED: &str = "Featured";

impl Default for Nouns {
    fn default() -> Self {
        Nouns::new("bag", None)
    }
}

/// Nouns English has only in the plural, counted in pairs: `item =
/// "sunglasses"` means "a pair of sunglasses", never "a sunglasses".
const PAIRED: &[&str] = &[
    "sunglasses",
    "glasses",
    "spectacles",
    "goggles",
    "jeans",
    "trousers",
    "shorts",
    "pants",
    "leggings",
    "tights",
    "pyjamas",
    "pajamas",
    "overalls",
    "dungarees",
    "chinos",
    "joggers",
    "culottes",
    "briefs",
    "boxers",
    "knickers",
];

/// Plurals English does not make with an s (or es): the ones fashion and
/// accessories use.
const IRREGULAR: &[(&str, &str)] = &[
    ("scarf", "scarves"),
    ("knife", "knives"),
    ("leaf", "leaves"),
    ("half", "halves"),
    ("shelf", "shelves"),
    ("wife", "wives"),
    ("life", "lives"),
    ("thief", "thieves"),
    ("wolf", "wolves"),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("person", "people"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("mouse", "mice"),
    ("series", "series"),
    ("species", "species"),
];

impl Nouns {
    /// `one`'s plural is English's for it unless the file gives `many`
    /// (`items`). A noun with no singular (`sunglasses`, `jeans`) and a
    /// counted phrase (`pair of sunglasses`) are counted by their first
    /// word: "1 pair of sunglasses", "10 pairs of sunglasses".
    pub fn new(one: &str, many: Option<&str>) -> Self {
        let one = one.trim();
        let lower = one.to_lowercase();
        let paired_noun = PAIRED.contains(&lower.as_str());
        let phrase = lower
            .strip_prefix("pair of ")
            .or_else(|| lower.strip_prefix("pairs of "))
            .map(|_| &one[one.find(" of ").map_or(0, |at| at + 4)..]);
        if let Some(things) = phrase.or(paired_noun.then_some(one)) {
            return Nouns {
                one: format!("pair of {things}"),
                many: format!("pairs of {things}"),
                kind: capitalised(things),
                in_pairs: true,
                carried: NEUTRAL_CARRIED.to_string(),
            };
        }
        let many = many.map_or_else(|| plural(one), |many| many.trim().to_string());
        let last = lower.rsplit(' ').next().unwrap_or_default();
        let carried = if CARRIED.contains(&last) {
            "Carried"
        } else {
            NEUTRAL_CARRIED
        };
        Nouns {
            kind: capitalised(&many),
            one: one.to_string(),
            many,
            in_pairs: false,
            carried: carried.to_string(),
        }
    }

    /// The same nouns, with the edit's own word for a look's item.
    pub fn with_carried(mut self, label: &str) -> Self {
        self.carried = label.trim().to_string();
        self
    }

    /// `1 sneaker`, `12 sneakers`, `0 sneakers`.
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", self.of(n))
    }

    /// The noun for `n` of them: `sneaker` for one, `sneakers` otherwise.
    pub fn of(&self, n: usize) -> &str {
        if n == 1 { &self.one } else { &self.many }
    }

    /// The things as a title: `Sneakers`, `Sunglasses` (not "Pairs of").
    pub fn title(&self) -> String {
        self.kind.clone()
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
    /// pass (a noun that itself contains braces is left as written);
    /// `{pairs with}` and `{paired}` are the app's own words for a look's
    /// suggestions, "goes with" and "suggested" for things counted in pairs
    /// ("the selected pair of sunglasses goes with", never "pairs with").
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
            } else if after.starts_with("{pairs with}") {
                (self.pairs_with().to_string(), "{pairs with}".len())
            } else if after.starts_with("{Pairs with}") {
                (capitalised(self.pairs_with()), "{Pairs with}".len())
            } else if after.starts_with("{paired}") {
                let paired = if self.in_pairs { "suggested" } else { "paired" };
                (paired.to_string(), "{paired}".len())
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

impl Nouns {
    fn pairs_with(&self) -> &'static str {
        if self.in_pairs {
            "goes with"
        } else {
            "pairs with"
        }
    }
}

/// English's plural of `noun` (its last word, for `ankle boot`): the
/// irregular ones, then -es after s, x, z, ch and sh, -ies after a
/// consonant and y, else -s.
fn plural(noun: &str) -> String {
    let (head, last) = match noun.rfind(' ') {
        Some(at) => noun.split_at(at + 1),
        None => ("", noun),
    };
    let lower = last.to_lowercase();
    if let Some((_, many)) = IRREGULAR.iter().find(|(one, _)| *one == lower) {
        // Keeps the writer's first capital, if any.
        let many = if last.starts_with(char::is_uppercase) {
            capitalised(many)
        } else {
            (*many).to_string()
        };
        return format!("{head}{many}");
    }
    let ends = |suffix: &str| lower.ends_with(suffix);
    let last_but_one = lower.chars().rev().nth(1);
    let many = if ["s", "x", "z", "ch", "sh"].into_iter().any(ends) {
        format!("{last}es")
    } else if ends("y")
        && last_but_one.is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
    {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    format!("{head}{many}")
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
    fn a_look_carries_a_bag_and_features_anything_else_unless_the_edit_says() {
        assert_eq!(Nouns::default().carried, "Carried");
        assert_eq!(Nouns::new("bucket bag", None).carried, "Carried");
        assert_eq!(Nouns::new("clutch", Some("clutches")).carried, "Carried");
        assert_eq!(Nouns::new("sunglasses", None).carried, "Featured");
        assert_eq!(Nouns::new("sneaker", None).carried, "Featured");
        let worn = Nouns::new("sneaker", None).with_carried("Worn");
        assert_eq!(worn.carried, "Worn");
    }

    #[test]
    fn plurals_follow_english() {
        for (one, many) in [
            ("dress", "dresses"),
            ("watch", "watches"),
            ("scarf", "scarves"),
            ("box", "boxes"),
            ("brush", "brushes"),
            ("accessory", "accessories"),
            ("tray", "trays"),
            ("ankle boot", "ankle boots"),
            ("Scarf", "Scarves"),
            ("bag", "bags"),
        ] {
            assert_eq!(Nouns::new(one, None).many, many, "{one}");
        }
    }

    #[test]
    fn a_noun_with_no_singular_is_counted_in_pairs() {
        for written in ["sunglasses", "pair of sunglasses", "pairs of sunglasses"] {
            let nouns = Nouns::new(written, Some("sunglasses"));
            assert_eq!(nouns.count(1), "1 pair of sunglasses", "{written}");
            assert_eq!(nouns.count(10), "10 pairs of sunglasses", "{written}");
            assert_eq!(nouns.title(), "Sunglasses", "{written}");
            assert_eq!(nouns.a(), "a pair of sunglasses");
        }
        let jeans = Nouns::new("jeans", None);
        assert_eq!(jeans.count(2), "2 pairs of jeans");
        assert_eq!(jeans.title(), "Jeans");
    }

    /// The app's own "pairs" (a look's suggestions) never meets "pair of".
    #[test]
    fn things_counted_in_pairs_go_with_a_look() {
        let template = "the look the selected {item} {pairs with}; its look → {paired} {item}";
        assert_eq!(
            Nouns::default().fill(template),
            "the look the selected bag pairs with; its look → paired bag"
        );
        assert_eq!(
            Nouns::new("sunglasses", None).fill(template),
            "the look the selected pair of sunglasses goes with; its look → suggested pair of sunglasses"
        );
        assert_eq!(Nouns::new("jeans", None).fill("{Pairs with}"), "Goes with");
        assert_eq!(Nouns::default().fill("{Pairs with}"), "Pairs with");
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
