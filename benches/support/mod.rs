//! A large, realistic lookbook for benchmarks: `big_lookbook(100_000)` is a
//! valid file of about 18 MB, near the size the loader's limits are written
//! for (its docs put 100k bags at about 15 MB).
//!
//! Shared by `benches/lookbook.rs`, `benches/filter.rs` and, through
//! `#[path]`, by `benches/tools/gen_big.rs` (which `scripts/bench-load` and
//! `scripts/bench-filter` run), so all of them measure the same text.
//! Deterministic: the same `n` always gives the same bytes.

use std::fmt::Write as _;

const BRANDS: &[&str] = &[
    "Aspinal of London",
    "Fendi",
    "Acne Studios",
    "Jimmy Choo",
    "Arket",
    "Self-Portrait",
    "Jacquemus",
    "& Other Stories",
    "Mulberry",
    "Strathberry",
    "Cult Gaia",
    "Staud",
    "By Far",
    "Loewe",
    "Bottega Veneta",
    "Wandler",
    "Simon Miller",
    "Chloé",
    "Coach",
    "Ganni",
];

const RETAILERS: &[&str] = &[
    "Net-A-Porter",
    "Selfridges",
    "Harvey Nichols",
    "Liberty London",
    "Matches",
    "Mytheresa",
    "John Lewis",
    "Farfetch",
];

const PREFIXES: &[&str] = &[
    "Nano", "Micro", "Mini", "Le Petit", "Baby", "The Tiny", "Pocket", "Teeny",
];

const MATERIALS: &[&str] = &[
    "leather",
    "suede",
    "raffia",
    "patent leather",
    "bouclé",
    "diamanté",
    "satin",
    "metallic leather",
    "crochet",
    "croc-effect leather",
    "canvas",
    "velvet",
];

const COLOURS: &[&str] = &[
    "black",
    "ivory",
    "lime",
    "bubble gum pink",
    "tan",
    "silver",
    "cobalt",
    "burgundy",
    "sage",
    "lilac",
];

/// Shape keywords as the file spells them, with the word a name would use.
const SHAPES: &[(&str, &str)] = &[
    ("top-handle", "top-handle bag"),
    ("tote", "tote"),
    ("bucket", "bucket bag"),
    ("crossbody", "cross-body bag"),
    ("vanity", "vanity case"),
    ("drawstring", "drawstring pouch"),
    ("clutch", "clutch"),
    ("shoulder", "shoulder bag"),
];

const SIZES: &[&str] = &["nano", "micro", "mini"];

const WEARERS: &[&str] = &[
    "Dua Lipa",
    "Emily Ratajkowski",
    "Selena Gomez",
    "Laura Harrier",
    "Lily-Rose Depp",
    "Zendaya",
    "Hailey Bieber",
    "Bella Hadid",
];

const OUTFITS: &[&str] = &[
    "white collared zip-up jacket",
    "matching straight-leg trousers",
    "pointed silver boots",
    "jeans with appliqué accents",
    "rounded bouclé jacket",
    "slip dress in champagne satin",
    "oversized grey blazer",
    "knee-high leather boots",
];

const NOTES: &[&str] = &[
    "Only fits a card, keys and a lip balm, which is rather the point.",
    "Seen all over the runway this season; the chain strap converts it into a cross-body.",
    "A cult favourite: restocks sell out within the week, so sign up for alerts.",
    "The hardware is gold-tone brass and the lining is soft \"suede-feel\" microfibre.",
];

/// A small xorshift generator: deterministic, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        // Below n, which came from a usize.
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True about once in `n` calls.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// A TOML string literal, for the few strings that hold quotes.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The kebab-case id of a bag: its name's ASCII words, then its number.
fn id_for(name: &str, index: usize) -> String {
    let mut id = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
    {
        id.push_str(&word.to_ascii_lowercase());
        id.push('-');
    }
    write!(id, "{index}").expect("writing to a String");
    id
}

/// A valid lookbook with `n` bags (and one look per thousand bags, at least
/// two, each pairing three bags from across the file), in `[[bag]]` tables
/// like the bundled edit's: about 180 bytes a bag.
pub fn big_lookbook(n: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(n * 170 + 4096);
    out.push_str(
        "[lookbook]\n\
         title = \"The big mini bag edit\"\n\
         source = \"Benchmark generator\"\n\
         currency = \"GBP\"\n\n\
         [[section]]\n\
         heading = \"What is a mini bag?\"\n\
         body = \"\"\"\n\
         An accessory of miniature size: think keys, credit card and… yep, that's your lot.\"\"\"\n\n",
    );
    let mut ids = Vec::with_capacity(n);
    for index in 0..n {
        let brand = rng.pick(BRANDS);
        let material = rng.pick(MATERIALS);
        let (shape, shape_word) = rng.pick(SHAPES);
        let name = format!("{} {material} {shape_word}", rng.pick(PREFIXES));
        let id = id_for(&name, index);
        let retailer = if rng.one_in(3) {
            brand
        } else {
            rng.pick(RETAILERS)
        };
        let whole = 45 + rng.below(2_400);
        let price = if rng.one_in(5) {
            format!("{whole}.99")
        } else {
            whole.to_string()
        };
        write!(
            out,
            "[[bag]]\nid = \"{id}\"\nname = \"{name}\"\nbrand = \"{brand}\"\n\
             retailer = \"{retailer}\"\nprice = {price}\n"
        )
        .expect("writing to a String");
        if rng.one_in(2) {
            writeln!(out, "size = \"{}\"", rng.pick(SIZES)).expect("writing to a String");
        }
        if !rng.one_in(4) {
            writeln!(out, "shape = \"{shape}\"").expect("writing to a String");
        }
        if rng.one_in(2) {
            writeln!(out, "materials = [\"{material}\"]").expect("writing to a String");
        }
        if rng.one_in(6) {
            writeln!(
                out,
                "colours = [\"{}\", \"{}\"]",
                rng.pick(COLOURS),
                rng.pick(COLOURS)
            )
            .expect("writing to a String");
        }
        if rng.one_in(20) {
            writeln!(out, "seen_on = [\"{}\"]", rng.pick(WEARERS)).expect("writing to a String");
        }
        if rng.one_in(30) {
            writeln!(out, "note = {}", quoted(rng.pick(NOTES))).expect("writing to a String");
        }
        out.push('\n');
        ids.push(id);
    }
    if n > 0 {
        for look in 0..(n / 1000).max(2) {
            let wearer = rng.pick(WEARERS);
            // Three different bags (a look names each once), or every bag
            // when there are fewer.
            let mut picked: Vec<usize> = Vec::new();
            while picked.len() < 3.min(ids.len()) {
                let bag = rng.below(ids.len());
                if !picked.contains(&bag) {
                    picked.push(bag);
                }
            }
            let pairs: Vec<String> = picked.iter().map(|&bag| quoted(&ids[bag])).collect();
            write!(
                out,
                "[[look]]\nid = \"look-{look}\"\nwearer = \"{wearer}\"\n\
                 outfit = [\"{}\", \"{}\"]\n\
                 carried = \"tiny {} {} number\"\n\
                 note = {}\npairs = [{}]\n\n",
                rng.pick(OUTFITS),
                rng.pick(OUTFITS),
                rng.pick(COLOURS),
                rng.pick(MATERIALS),
                quoted(rng.pick(NOTES)),
                pairs.join(", ")
            )
            .expect("writing to a String");
        }
    }
    out
}
