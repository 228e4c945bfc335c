//! The README and the docs promise what the app does; these keep them true.

use std::fs;
use std::path::{Path, PathBuf};

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

/// The repository's root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, ARCHITECTURE.md and every page of docs/.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("a docs folder")
        .map(|entry| entry.expect("a docs entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    docs.push(root().join("README.md"));
    docs.push(root().join("ARCHITECTURE.md"));
    docs
}

/// A heading's anchor as GitHub makes it: lower case, punctuation dropped,
/// spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The headings of a markdown text (outside code blocks), without their `#`s.
fn headings(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            let heading = line.trim_start_matches('#');
            if heading.starts_with(' ') {
                out.push(heading.trim().to_string());
            }
        }
    }
    out
}

/// The targets of a markdown text's links and images (outside code blocks
/// and code spans).
fn link_targets(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans are the odd-numbered pieces between backticks.
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, piece)| piece)
            .collect::<Vec<_>>()
            .join(" ");
        for (at, _) in prose.match_indices("](") {
            let rest = &prose[at + 2..];
            if let Some(end) = rest.find(')') {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

#[test]
fn every_link_between_the_docs_leads_somewhere() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = fs::read_to_string(&doc).expect("a readable document");
        let folder = doc.parent().expect("a folder");
        for target in link_targets(&text) {
            if target.starts_with("http://") || target.starts_with("https://") {
                continue;
            }
            let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let file = if path.is_empty() {
                doc.clone()
            } else {
                folder.join(path)
            };
            let named = doc.strip_prefix(root()).unwrap_or(&doc).display();
            if !file.exists() {
                broken.push(format!("{named}: {target}: no such file"));
                continue;
            }
            if fragment.is_empty() {
                continue;
            }
            let there = fs::read_to_string(&file).unwrap_or_default();
            if !headings(&there).iter().any(|h| anchor(h) == fragment) {
                broken.push(format!("{named}: {target}: no such heading"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Every `.rs` file under `folder`.
fn sources(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("a source entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Where the code sends a reader to a heading (`see README.md, "The
/// lookbook file"`), the document has that heading.
#[test]
fn every_heading_the_code_names_exists() {
    let documents = ["README.md", "README", "ARCHITECTURE.md"];
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut named = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a readable source");
        // One line, so a reference may wrap: comment markers dropped, and
        // a string literal's quotes unescaped.
        let text = text
            .lines()
            .map(|line| {
                let line = line.trim_start();
                let line = line.trim_start_matches("//!").trim_start_matches("///");
                line.trim_start()
            })
            .collect::<Vec<_>>()
            .join(" ")
            .replace("\\\"", "\"");
        for (at, _) in text.match_indices(", \"") {
            let before = &text[..at];
            let Some(doc) = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .filter(|doc| documents.contains(doc) || doc.starts_with("docs/"))
            else {
                continue;
            };
            let rest = &text[at + 3..];
            let Some(heading) = rest.split('"').next() else {
                continue;
            };
            named += 1;
            let path = if doc == "README" { "README.md" } else { doc };
            let there = fs::read_to_string(root().join(path)).unwrap_or_default();
            if !headings(&there).iter().any(|h| h == heading) {
                let source = file.strip_prefix(root()).unwrap_or(&file).display();
                missing.push(format!("{source}: {doc}, \"{heading}\""));
            }
        }
    }
    assert!(
        named > 0,
        "the code names no heading: is this test still looking?"
    );
    assert!(
        missing.is_empty(),
        "headings named in src that do not exist:\n{}",
        missing.join("\n")
    );
}
