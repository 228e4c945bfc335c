//! The layers go one way, in fact: each module of `src/` may use only the
//! modules below it (ARCHITECTURE.md draws the same table), and the core
//! (the lookbook, the edit, the app, the drawing, the pictures) knows
//! nothing of clap, SSH or terminals. A `use crate::...` that breaks this
//! fails here, naming the file and the module it reached for.

use std::collections::BTreeSet;
use std::path::Path;

/// Each module and the modules it may use. The order is the layers', from
/// the bottom: none uses one after it.
const LAYERS: &[(&str, &[&str])] = &[
    ("words", &[]),
    ("scroll", &[]),
    ("input", &[]),
    ("lookbook", &["words"]),
    ("photos", &["lookbook"]),
    ("layout", &["photos"]),
    ("repaint", &["layout", "photos"]),
    ("edit", &["lookbook", "photos", "words"]),
    ("saves", &["edit", "lookbook"]),
    ("library", &["edit", "lookbook", "saves", "words"]),
    (
        "app",
        &["edit", "layout", "lookbook", "photos", "scroll", "words"],
    ),
    (
        "browser",
        &["app", "edit", "layout", "library", "lookbook", "scroll"],
    ),
    (
        "ui",
        &[
            "app", "browser", "edit", "layout", "library", "lookbook", "photos", "words",
        ],
    ),
    (
        "render",
        &[
            "app", "browser", "edit", "layout", "lookbook", "photos", "ui",
        ],
    ),
    (
        "driver",
        &[
            "app", "browser", "edit", "input", "layout", "library", "photos", "ui", "words",
        ],
    ),
    (
        "term",
        &[
            "app", "browser", "driver", "layout", "library", "photos", "repaint", "ui",
        ],
    ),
    (
        "ssh",
        &[
            "app", "browser", "driver", "edit", "input", "layout", "library", "lookbook", "photos",
            "repaint", "ui", "words",
        ],
    ),
    (
        "commands",
        &[
            "app", "browser", "driver", "edit", "library", "lookbook", "photos", "render", "ssh",
            "term", "ui", "words",
        ],
    ),
];

/// The core: what a transport or a command is built on. None of it may
/// name a transport's or the command line's crates.
const CORE: &[&str] = &[
    "lookbook", "edit", "app", "ui", "render", "layout", "photos",
];
const NOT_IN_CORE: &[&str] = &["clap", "russh", "tokio", "crossterm::terminal"];

/// The Rust files of module `name`: `src/NAME.rs`, or everything under
/// `src/NAME/`.
fn files(name: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{name}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut found = Vec::new();
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found
}

/// The modules a file names as `crate::NAME`.
fn uses(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn every_module_uses_only_the_modules_below_it() {
    let mut broken = Vec::new();
    for (at, (name, allowed)) in LAYERS.iter().enumerate() {
        let below: BTreeSet<&str> = LAYERS[..at].iter().map(|(n, _)| *n).collect();
        for allowed_one in *allowed {
            assert!(
                below.contains(allowed_one),
                "{name} may use {allowed_one}, which is not below it in LAYERS"
            );
        }
        for file in files(name) {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for used in uses(&text) {
                if used != *name && !allowed.contains(&used.as_str()) {
                    broken.push(format!("{} uses crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "against the layers:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_module_of_the_crate_has_its_layer() {
    let lib = include_str!("../src/lib.rs");
    let modules: BTreeSet<&str> = lib
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';')
        })
        .collect();
    let layered: BTreeSet<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
    assert_eq!(modules, layered, "src/lib.rs's modules and LAYERS");
}

#[test]
fn the_core_knows_nothing_of_clap_ssh_or_terminals() {
    let mut broken = Vec::new();
    for name in CORE {
        for file in files(name) {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for crate_name in NOT_IN_CORE {
                    if line.contains(&format!("{crate_name}::")) {
                        broken.push(format!("{}: {}", file.display(), line.trim()));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "in the core:\n{}", broken.join("\n"));
}

/// The checks above read what they should: a file that breaks the layers
/// is found.
#[test]
fn a_use_of_a_module_above_is_seen() {
    let used = uses("use crate::ssh::Settings;\nfn f() { crate::app::App::new(); }");
    assert_eq!(used, BTreeSet::from(["ssh".to_string(), "app".to_string()]));
}
