//! Colour names a lookbook may give a bag, each with one sRGB value: the
//! CSS named colours, and the words fashion uses for colour (bordeaux,
//! cognac, ecru, powder blue...). The drawing paints a bag in these (in
//! true colour where the terminal shows it, else the nearest of its 256 or
//! 16), `lookbook check` warns of a name not here, and the schema and the
//! format's page (docs/lookbook-format.md) list them, all from this one table.

use super::lab::Lab;

/// Every name, lower case, with its sRGB value.
pub const NAMED: &[(&str, (u8, u8, u8))] = &[
    ("aliceblue", (240, 248, 255)),
    ("antiquewhite", (250, 235, 215)),
    ("aqua", (0, 255, 255)),
    ("aquamarine", (127, 255, 212)),
    ("azure", (240, 255, 255)),
    ("beige", (245, 245, 220)),
    ("bisque", (255, 228, 196)),
    ("black", (0, 0, 0)),
    ("blanchedalmond", (255, 235, 205)),
    ("blue", (0, 0, 255)),
    ("blueviolet", (138, 43, 226)),
    ("brown", (165, 42, 42)),
    ("burlywood", (222, 184, 135)),
    ("cadetblue", (95, 158, 160)),
    ("chartreuse", (127, 255, 0)),
    ("chocolate", (210, 105, 30)),
    ("coral", (255, 127, 80)),
    ("cornflowerblue", (100, 149, 237)),
    ("cornsilk", (255, 248, 220)),
    ("crimson", (220, 20, 60)),
    ("cyan", (0, 255, 255)),
    ("darkblue", (0, 0, 139)),
    ("darkcyan", (0, 139, 139)),
    ("darkgoldenrod", (184, 134, 11)),
    ("darkgray", (169, 169, 169)),
    ("darkgreen", (0, 100, 0)),
    ("darkgrey", (169, 169, 169)),
    ("darkkhaki", (189, 183, 107)),
    ("darkmagenta", (139, 0, 139)),
    ("darkolivegreen", (85, 107, 47)),
    ("darkorange", (255, 140, 0)),
    ("darkorchid", (153, 50, 204)),
    ("darkred", (139, 0, 0)),
    ("darksalmon", (233, 150, 122)),
    ("darkseagreen", (143, 188, 143)),
    ("darkslateblue", (72, 61, 139)),
    ("darkslategray", (47, 79, 79)),
    ("darkslategrey", (47, 79, 79)),
    ("darkturquoise", (0, 206, 209)),
    ("darkviolet", (148, 0, 211)),
    ("deeppink", (255, 20, 147)),
    ("deepskyblue", (0, 191, 255)),
    ("dimgray", (105, 105, 105)),
    ("dimgrey", (105, 105, 105)),
    ("dodgerblue", (30, 144, 255)),
    ("firebrick", (178, 34, 34)),
    ("floralwhite", (255, 250, 240)),
    ("forestgreen", (34, 139, 34)),
    ("fuchsia", (255, 0, 255)),
    ("gainsboro", (220, 220, 220)),
    ("ghostwhite", (248, 248, 255)),
    ("gold", (255, 215, 0)),
    ("goldenrod", (218, 165, 32)),
    ("gray", (128, 128, 128)),
    ("green", (0, 128, 0)),
    ("greenyellow", (173, 255, 47)),
    ("grey", (128, 128, 128)),
    ("honeydew", (240, 255, 240)),
    ("hotpink", (255, 105, 180)),
    ("indianred", (205, 92, 92)),
    ("indigo", (75, 0, 130)),
    ("ivory", (255, 255, 240)),
    ("khaki", (240, 230, 140)),
    ("lavender", (230, 230, 250)),
    ("lavenderblush", (255, 240, 245)),
    ("lawngreen", (124, 252, 0)),
    ("lemonchiffon", (255, 250, 205)),
    ("lightblue", (173, 216, 230)),
    ("lightcoral", (240, 128, 128)),
    ("lightcyan", (224, 255, 255)),
    ("lightgoldenrodyellow", (250, 250, 210)),
    ("lightgray", (211, 211, 211)),
    ("lightgreen", (144, 238, 144)),
    ("lightgrey", (211, 211, 211)),
    ("lightpink", (255, 182, 193)),
    ("lightsalmon", (255, 160, 122)),
    ("lightseagreen", (32, 178, 170)),
    ("lightskyblue", (135, 206, 250)),
    ("lightslategray", (119, 136, 153)),
    ("lightslategrey", (119, 136, 153)),
    ("lightsteelblue", (176, 196, 222)),
    ("lightyellow", (255, 255, 224)),
    ("lime", (0, 255, 0)),
    ("limegreen", (50, 205, 50)),
    ("linen", (250, 240, 230)),
    ("magenta", (255, 0, 255)),
    ("maroon", (128, 0, 0)),
    ("mediumaquamarine", (102, 205, 170)),
    ("mediumblue", (0, 0, 205)),
    ("mediumorchid", (186, 85, 211)),
    ("mediumpurple", (147, 112, 219)),
    ("mediumseagreen", (60, 179, 113)),
    ("mediumslateblue", (123, 104, 238)),
    ("mediumspringgreen", (0, 250, 154)),
    ("mediumturquoise", (72, 209, 204)),
    ("mediumvioletred", (199, 21, 133)),
    ("midnightblue", (25, 25, 112)),
    ("mintcream", (245, 255, 250)),
    ("mistyrose", (255, 228, 225)),
    ("moccasin", (255, 228, 181)),
    ("navajowhite", (255, 222, 173)),
    ("navy", (0, 0, 128)),
    ("oldlace", (253, 245, 230)),
    ("olive", (128, 128, 0)),
    ("olivedrab", (107, 142, 35)),
    ("orange", (255, 165, 0)),
    ("orangered", (255, 69, 0)),
    ("orchid", (218, 112, 214)),
    ("palegoldenrod", (238, 232, 170)),
    ("palegreen", (152, 251, 152)),
    ("paleturquoise", (175, 238, 238)),
    ("palevioletred", (219, 112, 147)),
    ("papayawhip", (255, 239, 213)),
    ("peachpuff", (255, 218, 185)),
    ("peru", (205, 133, 63)),
    ("pink", (255, 192, 203)),
    ("plum", (221, 160, 221)),
    ("powderblue", (176, 224, 230)),
    ("purple", (128, 0, 128)),
    ("rebeccapurple", (102, 51, 153)),
    ("red", (255, 0, 0)),
    ("rosybrown", (188, 143, 143)),
    ("royalblue", (65, 105, 225)),
    ("saddlebrown", (139, 69, 19)),
    ("salmon", (250, 128, 114)),
    ("sandybrown", (244, 164, 96)),
    ("seagreen", (46, 139, 87)),
    ("seashell", (255, 245, 238)),
    ("sienna", (160, 82, 45)),
    ("silver", (192, 192, 192)),
    ("skyblue", (135, 206, 235)),
    ("slateblue", (106, 90, 205)),
    ("slategray", (112, 128, 144)),
    ("slategrey", (112, 128, 144)),
    ("snow", (255, 250, 250)),
    ("springgreen", (0, 255, 127)),
    ("steelblue", (70, 130, 180)),
    ("tan", (210, 180, 140)),
    ("teal", (0, 128, 128)),
    ("thistle", (216, 191, 216)),
    ("tomato", (255, 99, 71)),
    ("turquoise", (64, 224, 208)),
    ("violet", (238, 130, 238)),
    ("wheat", (245, 222, 179)),
    ("white", (255, 255, 255)),
    ("whitesmoke", (245, 245, 245)),
    ("yellow", (255, 255, 0)),
    ("yellowgreen", (154, 205, 50)),
    ("bordeaux", (92, 1, 32)),
    ("burgundy", (128, 0, 32)),
    ("oxblood", (74, 0, 0)),
    ("wine", (114, 47, 55)),
    ("cognac", (154, 70, 61)),
    ("camel", (193, 154, 107)),
    ("nude", (227, 188, 154)),
    ("blush", (222, 93, 131)),
    ("cream", (255, 253, 208)),
    ("ecru", (194, 178, 128)),
    ("stone", (146, 142, 133)),
    ("taupe", (72, 60, 50)),
    ("forest", (34, 139, 34)),
    ("emerald", (80, 200, 120)),
    ("sage", (156, 175, 136)),
    ("mint", (152, 255, 152)),
    ("cobalt", (0, 71, 171)),
    ("powder blue", (176, 224, 230)),
    ("lilac", (200, 162, 200)),
    ("mustard", (255, 219, 88)),
    ("ochre", (204, 119, 34)),
    ("rust", (183, 65, 14)),
    ("champagne", (247, 231, 206)),
    ("bubble gum pink", (255, 193, 204)),
    ("baby pink", (244, 194, 194)),
    ("hot pink", (255, 105, 180)),
    ("dusty rose", (220, 174, 150)),
    ("rose", (255, 0, 127)),
    ("mauve", (224, 176, 255)),
    ("aubergine", (59, 9, 16)),
    ("berry", (153, 15, 75)),
    ("raspberry", (227, 11, 92)),
    ("cherry", (222, 49, 99)),
    ("scarlet", (255, 36, 0)),
    ("vermilion", (227, 66, 52)),
    ("terracotta", (226, 114, 91)),
    ("peach", (255, 229, 180)),
    ("apricot", (251, 206, 177)),
    ("butter", (255, 253, 116)),
    ("lemon", (255, 247, 0)),
    ("canary", (255, 239, 0)),
    ("sand", (194, 178, 128)),
    ("mocha", (150, 121, 105)),
    ("espresso", (75, 54, 33)),
    ("charcoal", (54, 69, 79)),
    ("graphite", (56, 52, 40)),
    ("pewter", (142, 146, 148)),
    ("gunmetal", (42, 52, 57)),
    ("bronze", (205, 127, 50)),
    ("copper", (184, 115, 51)),
    ("rose gold", (183, 110, 121)),
    ("pearl", (234, 224, 200)),
    ("off white", (250, 249, 246)),
    ("bone", (227, 218, 201)),
    ("oatmeal", (224, 220, 200)),
    ("denim", (21, 96, 189)),
    ("sky blue", (135, 206, 235)),
    ("petrol", (0, 95, 106)),
    ("jade", (0, 168, 107)),
    ("pistachio", (147, 197, 114)),
    ("kelly green", (76, 187, 23)),
    ("neon green", (57, 255, 20)),
    ("neon pink", (255, 110, 199)),
    ("navy blue", (0, 0, 128)),
    ("royal blue", (65, 105, 225)),
    ("baby blue", (137, 207, 240)),
    ("ice blue", (214, 236, 239)),
    ("midnight", (25, 25, 112)),
    ("forest green", (34, 139, 34)),
    ("olive green", (128, 128, 0)),
    ("army green", (75, 83, 32)),
    ("bottle green", (0, 106, 78)),
    ("racing green", (0, 66, 37)),
    ("sea green", (46, 139, 87)),
    // Patterns, which a drawing in one colour cannot show: each is drawn
    // in its ground, the colour most of it is (tortoiseshell's amber brown,
    // havana's darker tortoise, leopard's tawny, camouflage's green).
    ("tortoiseshell", (124, 74, 36)),
    ("havana", (91, 58, 41)),
    ("leopard", (198, 146, 78)),
    ("camo", (120, 134, 107)),
    // The rest as Wikipedia's lists of colours give them (dusty pink and
    // dusty blue, which they lack, as xkcd's colour survey named them;
    // anthracite as RAL 7016). A phrase that used to fall back on its last
    // word ("burnt orange" was orange) is here as the colour it means.
    ("chestnut", (149, 69, 53)),
    ("mahogany", (192, 64, 0)),
    ("coffee", (111, 78, 55)),
    ("cinnamon", (210, 105, 30)),
    ("umber", (99, 81, 71)),
    ("sepia", (112, 66, 20)),
    ("russet", (128, 70, 27)),
    ("fawn", (229, 170, 112)),
    ("buff", (240, 220, 130)),
    ("eggshell", (240, 234, 214)),
    ("vanilla", (243, 229, 171)),
    ("almond", (239, 222, 205)),
    ("straw", (228, 217, 111)),
    ("dark brown", (101, 67, 33)),
    ("light brown", (181, 101, 29)),
    ("chocolate brown", (123, 63, 0)),
    ("dusty pink", (213, 138, 148)),
    ("pale pink", (250, 218, 221)),
    ("pastel pink", (222, 165, 164)),
    ("candy pink", (228, 113, 122)),
    ("salmon pink", (255, 145, 164)),
    ("flamingo pink", (252, 142, 172)),
    ("shocking pink", (252, 15, 192)),
    ("coral pink", (248, 131, 121)),
    ("bubblegum", (255, 193, 204)),
    ("old rose", (192, 128, 129)),
    ("cerise", (222, 49, 99)),
    ("ruby", (224, 17, 95)),
    ("cardinal", (196, 30, 58)),
    ("carmine", (150, 0, 24)),
    ("claret", (127, 23, 52)),
    ("brick red", (203, 65, 84)),
    ("mulberry", (197, 75, 140)),
    ("rosewood", (101, 0, 11)),
    ("tangerine", (242, 133, 0)),
    ("burnt orange", (204, 85, 0)),
    ("pumpkin", (255, 117, 24)),
    ("melon", (253, 188, 180)),
    ("saffron", (244, 196, 48)),
    ("amber", (255, 191, 0)),
    ("ginger", (176, 101, 0)),
    ("burnt sienna", (233, 116, 81)),
    ("old gold", (207, 181, 59)),
    ("brass", (181, 166, 66)),
    ("platinum", (229, 228, 226)),
    ("mint green", (152, 255, 152)),
    ("sage green", (156, 175, 136)),
    ("emerald green", (80, 200, 120)),
    ("hunter green", (53, 94, 59)),
    ("moss green", (138, 154, 91)),
    ("pine green", (1, 121, 111)),
    ("fern green", (79, 121, 66)),
    ("apple green", (141, 182, 0)),
    ("avocado", (86, 130, 3)),
    ("celadon", (172, 225, 175)),
    ("sapphire", (15, 82, 186)),
    ("cerulean", (0, 123, 167)),
    ("ultramarine", (18, 10, 143)),
    ("electric blue", (125, 249, 255)),
    ("periwinkle", (204, 204, 255)),
    ("cornflower", (100, 149, 237)),
    ("french blue", (0, 114, 187)),
    ("prussian blue", (0, 49, 83)),
    ("tiffany blue", (10, 186, 181)),
    ("pale blue", (175, 238, 238)),
    ("pastel blue", (174, 198, 207)),
    ("dusty blue", (90, 134, 173)),
    ("slate", (112, 128, 144)),
    ("amethyst", (153, 102, 204)),
    ("wisteria", (201, 160, 220)),
    ("eggplant", (97, 64, 81)),
    ("royal purple", (120, 81, 169)),
    ("ash grey", (178, 190, 181)),
    ("anthracite", (41, 49, 51)),
];

/// The sRGB of a colour as a file writes it: `#rrggbb`; a name in any case,
/// with or without its spaces ("Powder Blue", "powderblue"); or a phrase
/// that ends in a name ("soft pink", "deep forest green"). `None` for
/// what we cannot draw.
pub fn rgb(text: &str) -> Option<(u8, u8, u8)> {
    let text = text.trim().to_lowercase();
    if let Some(rgb) = super::appearance::hex_rgb(&text) {
        return Some(rgb);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // The longest name the phrase ends in: "bubble gum pink" before "pink".
    (0..words.len()).find_map(|start| named(&words[start..].join(" ")))
}

/// The name's colour, with spaces and hyphens not counted ("powderblue"
/// is "powder blue"). Compared in place: this runs for every bag drawn.
pub(super) fn named(name: &str) -> Option<(u8, u8, u8)> {
    let letters = |s: &'static str| s.chars().filter(|c| !matches!(c, ' ' | '-'));
    let wanted = || name.chars().filter(|c| !matches!(c, ' ' | '-'));
    NAMED
        .iter()
        .find(|(known, _)| *known == name || letters(known).eq(wanted()))
        .map(|(_, rgb)| *rgb)
}

/// The named colours that look nearest to this one, nearest first (at
/// most three), measured in CIELAB as the eye sees, not in sRGB's channels.
/// A colour with several names (`forest`, `forest green`) is offered once,
/// by the first.
pub fn nearest_by_colour(rgb: (u8, u8, u8)) -> Vec<&'static str> {
    let target = Lab::from_rgb(rgb);
    let mut scored: Vec<(f64, &'static str)> = distinct()
        .map(|(name, colour)| (target.distance(Lab::from_rgb(colour)), name))
        .collect();
    // Stable, so of two as near the table's order decides.
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// Each colour in the table once, with the first name it has.
fn distinct() -> impl Iterator<Item = (&'static str, (u8, u8, u8))> {
    NAMED
        .iter()
        .enumerate()
        .filter(|&(at, (_, colour))| !NAMED[..at].iter().any(|(_, seen)| seen == colour))
        .map(|(_, &(name, colour))| (name, colour))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_least_150_names_each_once_in_lower_case() {
        assert!(NAMED.len() >= 150, "{}", NAMED.len());
        for (i, (name, _)) in NAMED.iter().enumerate() {
            assert_eq!(*name, name.to_lowercase());
            assert!(!NAMED[..i].iter().any(|(n, _)| n == name), "{name} twice");
        }
    }

    #[test]
    fn names_phrases_cases_and_hex() {
        assert_eq!(rgb("lime"), Some((0, 255, 0)));
        assert_eq!(rgb("Bubble gum pink"), Some((255, 193, 204)));
        assert_eq!(rgb("soft pink"), rgb("pink"));
        assert_eq!(rgb("Powder Blue"), rgb("powderblue"));
        assert_eq!(rgb("#FFC1CC"), Some((255, 193, 204)));
        assert_eq!(rgb("patterned"), None);
        assert_eq!(rgb(""), None);
    }

    #[test]
    fn fashion_words_and_patterns_have_colours() {
        for name in [
            "tortoiseshell",
            "havana",
            "leopard",
            "nude",
            "dusty pink",
            "anthracite",
        ] {
            assert!(rgb(name).is_some(), "{name}");
        }
        assert_eq!(rgb("Dark Havana"), rgb("havana"));
        // A phrase that fell back on its last word means its own colour.
        assert_ne!(rgb("burnt orange"), rgb("orange"));
        assert_ne!(rgb("mint green"), rgb("green"));
    }

    #[test]
    fn nearest_by_colour_is_what_the_eye_sees() {
        assert_eq!(
            nearest_by_colour((128, 0, 33)),
            ["burgundy", "rosewood", "claret"]
        );
        assert_eq!(nearest_by_colour((250, 0, 5))[0], "red");
        // A dark navy: the nearest in sRGB's channels is gunmetal, a grey.
        assert_eq!(nearest_by_colour((26, 43, 76))[0], "prussian blue");
        // Forest green has three names and is offered by the first.
        let forest = nearest_by_colour((34, 139, 34));
        assert_eq!(forest[0], "forestgreen");
        assert!(!forest.contains(&"forest") && !forest.contains(&"forest green"));
    }

    /// A name is found by its letters, first in the table first: one written
    /// with the same letters as an earlier name must mean the same colour,
    /// or it would never be drawn.
    #[test]
    fn every_name_draws_its_own_colour() {
        for (name, colour) in NAMED {
            assert_eq!(named(name), Some(*colour), "{name}");
        }
    }
}
