//! The JSON Schema editors read (`lookbook.schema.json`): the committed
//! file is what `lookbook schema` prints, a real validator (the jsonschema
//! crate) accepts every good edit with it, and rejects the fixtures the
//! loader rejects for reasons a schema can express.

use std::fs;

use lookbook::lookbook::{parse, schema, starter};

mod support;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    fs::read_to_string(format!("{ROOT}/{path}")).expect("readable")
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&read("lookbook.schema.json")).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid draft-07 schema")
}

/// The schema's complaints about a lookbook's text, none when it passes.
fn complaints(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: serde_json::Value = toml::from_str(text).expect("TOML");
    validator
        .iter_errors(&value)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_what_lookbook_schema_prints() {
    assert!(
        read("lookbook.schema.json") == schema::schema(),
        "lookbook.schema.json is stale: run `cargo run -- schema > lookbook.schema.json`"
    );
}

#[test]
fn the_bundled_edit_names_the_schema_on_its_first_line() {
    assert!(read("lookbook.toml").starts_with("#:schema ./lookbook.schema.json\n\n"));
    assert!(starter::starter().starts_with(starter::SCHEMA_LINE));
}

#[test]
fn every_good_edit_passes_the_schema() {
    let validator = validator();
    let mut edits = vec![("starter".to_string(), starter::starter())];
    for path in [
        "lookbook.toml",
        "tests/fixtures/valid.toml",
        "tests/fixtures/sneaker_edit.toml",
        "tests/fixtures/party_edit.toml",
    ] {
        edits.push((path.to_string(), read(path)));
    }
    for (name, text) in edits {
        parse(&text, &name).unwrap_or_else(|report| panic!("{report}"));
        assert_eq!(
            complaints(&validator, &text),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

/// Each fixture the loader rejects for a reason a schema can say.
#[test]
fn what_the_loader_rejects_the_schema_rejects_too() {
    let validator = validator();
    for fixture in [
        "unknown_field",
        "mistyped_brand",
        "mistyped_materials",
        "mistyped_carried",
        "missing_field",
        "unknown_size",
        "unknown_shape",
        "unknown_detail",
        "unknown_currency",
        "carried_table_unknown_shape",
        "price_string",
        "bad_id",
        "bad_hex_colour",
        "empty_name",
        "blank_name",
        "line_break",
        "no_bags",
        "shape_case",
        "currency_case",
        "mistyped_colours",
        "pair_twice",
        "pairs_after_carried",
    ] {
        let text = read(&format!("tests/fixtures/{fixture}.toml"));
        assert!(parse(&text, fixture).is_err(), "{fixture} is a bad edit");
        assert!(
            !complaints(&validator, &text).is_empty(),
            "{fixture} passes the schema"
        );
    }
}

/// tombi, the TOML toolkit editors run, lints with the schema the file
/// names: the bundled edit passes, a copy with a wrong size and a number
/// for a brand fails, each at its line. CI installs it from PyPI.
#[test]
fn tombi_lints_with_the_schema() {
    if !support::tmux::e2e_possible(&["tombi"]) {
        return;
    }
    let dir = std::env::temp_dir().join(format!("lookbook-tombi-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a folder");
    fs::copy(
        format!("{ROOT}/lookbook.schema.json"),
        dir.join("lookbook.schema.json"),
    )
    .expect("the schema beside the copies");
    let good = read("lookbook.toml");
    let broken = good
        .replacen("size = \"nano\"", "size = \"tiny\"", 1)
        .replacen("brand = \"Fendi\"", "brand = 3", 1);
    let lint = |name: &str, text: &str| {
        let file = dir.join(name);
        fs::write(&file, text).expect("written");
        std::process::Command::new("tombi")
            .args(["lint", "--offline"])
            .arg(&file)
            .output()
            .expect("tombi runs")
    };
    let passed = lint("lookbook.toml", &good);
    assert!(
        passed.status.success(),
        "{}",
        String::from_utf8_lossy(&passed.stderr)
    );
    let failed = lint("broken.toml", &broken);
    let said = String::from_utf8_lossy(&failed.stderr).into_owned()
        + &String::from_utf8_lossy(&failed.stdout);
    assert!(!failed.status.success(), "a broken copy passed:\n{said}");
    assert!(
        said.contains("\"tiny\"") && said.contains("broken.toml:39:8"),
        "{said}"
    );
    assert!(said.contains("broken.toml:44:9"), "{said}");
    let _ = fs::remove_dir_all(&dir);
}
