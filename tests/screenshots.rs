//! The committed screenshots are what the code draws today: regenerated in
//! a temporary directory, every SVG and PNG must match `screenshots/` byte
//! for byte.

use std::fs;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use lookbook::lookbook::bundled;
use lookbook::render::screenshots::{REFRESH, SCENES, write_all};

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

#[test]
fn committed_screenshots_are_current() {
    let dir = std::env::temp_dir().join(format!("lookbook-screenshots-{}", std::process::id()));
    let written = write_all(&Arc::new(bundled()), SCENES, &dir, &[]).expect("the screenshots draw");
    assert_eq!(written.len(), 2 * SCENES.len());
    let mut stale = Vec::new();
    for scene in SCENES {
        // Both are deterministic (bundled fonts, no system lookups), so a
        // PNG that differs by one byte is a picture nobody has looked at.
        for extension in ["svg", "png"] {
            let name = format!("{}.{extension}", scene.name);
            let fresh = fs::read(dir.join(&name)).expect("just written");
            match fs::read(committed().join(&name)) {
                Ok(old) if old == fresh => {}
                Ok(_) => stale.push(format!("{name} differs")),
                Err(_) => stale.push(format!("{name} is missing")),
            }
        }
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(
        stale.is_empty(),
        "screenshots/ is stale ({}): run `{REFRESH}`, look at the PNGs, and commit them",
        stale.join(", ")
    );
}

#[test]
fn no_screenshot_is_left_over() {
    let known: Vec<String> = SCENES
        .iter()
        .flat_map(|s| [format!("{}.svg", s.name), format!("{}.png", s.name)])
        .collect();
    for entry in fs::read_dir(committed()).expect("screenshots/ exists") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".svg") || name.ends_with(".png") {
            assert!(
                known.iter().any(|k| *k == name),
                "screenshots/{name} is no scene of src/render/screenshots.rs: remove it"
            );
        }
    }
}

/// Any edit gets its own set, from its own content, named from its ids (a
/// look whose id is a fixed scene's name gets a suffix).
#[test]
fn any_edit_gets_scenes_of_its_own_content() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/party_edit.toml");
    let dir = std::env::temp_dir().join(format!("lookbook-party-shots-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lookbook"))
        .arg("screenshots")
        .arg(&fixture)
        .arg("--out")
        .arg(&dir)
        .output()
        .expect("lookbook runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| Path::new(line).file_name())
        .map(|name| name.to_string_lossy().to_string())
        .filter(|name| name.ends_with(".svg"))
        .collect();
    assert_eq!(
        names,
        [
            "first-screen.svg",
            "help-look.svg",
            "after-party.svg",
            "moon.svg",
            "help.svg",
            "about.svg",
            "medium-80x24.svg",
            "narrow-50x20.svg"
        ]
    );
    let look = fs::read_to_string(dir.join("after-party.svg")).expect("written");
    assert!(
        look.contains("<title>Party clutches — Look: Another guest</title>"),
        "{}",
        &look[..300]
    );
    assert!(look.contains("sequin jacket"), "the look's own scene");
    let detail = fs::read_to_string(dir.join("moon.svg")).expect("written");
    assert!(
        detail.contains("glass beads"),
        "the bag with the most to say"
    );
    assert!(dir.join("moon.png").exists());
    let _ = fs::remove_dir_all(&dir);
}
