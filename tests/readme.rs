//! The README and the docs promise what the app does; these keep them true.

use lookbook::app::keymap::KEYMAP;
use lookbook::lookbook::bundled;

const README: &str = include_str!("../README.md");
/// The lookbook format, where the colour names moved from the README.
const FORMAT: &str = include_str!("../docs/lookbook-format.md");

#[test]
fn the_keys_table_is_the_keymap() {
    let keys_section = README
        .split("\n## Keys\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Keys section");
    let rows: Vec<String> = keys_section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(str::to_string)
        .collect();
    // As the bundled edit words them (another edit's help says its own noun).
    let edit = bundled();
    let expected: Vec<String> = KEYMAP
        .iter()
        .map(|b| format!("| `{}` | {} |", b.keys_label(), b.describe(&edit)))
        .collect();
    assert_eq!(
        rows, expected,
        "README's keys table differs from src/app/keymap.rs"
    );
}

#[test]
fn the_two_setup_commands_come_first() {
    let first_block = README.split("```sh\n").nth(1).expect("a sh block");
    let commands: Vec<&str> = first_block
        .lines()
        .take_while(|line| !line.starts_with("```"))
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .collect();
    assert_eq!(commands, ["cargo run --release", "cargo test"]);
}

#[test]
fn the_colours_section_lists_every_colour_name() {
    let section = FORMAT
        .split("\n## Colours\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Colours section in docs/lookbook-format.md");
    let names = lookbook::lookbook::colours::NAMED
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ");
    assert!(
        section.contains(&format!("{names}.")),
        "docs/lookbook-format.md's colour list differs from src/lookbook/colours.rs"
    );
    assert!(section.contains(&format!(
        "these {} names",
        lookbook::lookbook::colours::NAMED.len()
    )));
}
