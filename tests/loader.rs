//! The loader, end to end: files on disk (`load_path`) and text (`parse`).
//!
//! Every fixture under `tests/fixtures/` is `valid.toml` with one defect
//! (except `several_errors.toml`, which has five). Each test checks what the
//! diagnostic says, where it points (1-based line and column), and that the
//! rendered report names `path:line:column`, quotes the line and puts a caret
//! under the value at fault.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use lookbook::lookbook::{
    Currency, Detail, LoadError, Lookbook, MAX_FILE_BYTES, Price, Report, Shape, Size, load_path,
    parse,
};

mod support;

/// The minimal valid lookbook every fixture is a near-copy of.
const VALID: &str = include_str!("fixtures/valid.toml");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.toml"))
}

/// Loads a fixture that must be invalid, and returns its report.
fn invalid(name: &str) -> Report {
    match load_path(&fixture(name)) {
        Err(LoadError::Invalid(report)) => *report,
        Err(other) => panic!("{name}.toml: expected content errors, got: {other}"),
        Ok(_) => panic!("{name}.toml: expected content errors, but it loaded"),
    }
}

/// Parses text that must be invalid.
fn invalid_text(source: &str) -> Report {
    match parse(source, "inline.toml") {
        Err(report) => report,
        Ok(_) => panic!("expected errors, but this parsed:\n{source}"),
    }
}

fn valid_text(source: &str) -> Lookbook {
    parse(source, "inline.toml").unwrap_or_else(|report| panic!("{report}"))
}

/// The file-level error for a path, as printed.
fn file_error(path: &Path) -> String {
    match load_path(path) {
        Err(error @ LoadError::File { .. }) => error.to_string(),
        Err(other) => panic!("expected a file error, got content errors:\n{other}"),
        Ok(_) => panic!("expected a file error, but {} loaded", path.display()),
    }
}

/// Checks the rendering of the diagnostic at `line:column`: the location,
/// the offending line as shown (`shown`), and a caret under column `column`.
/// All fixtures have only one-column characters before the caret, so the
/// caret's offset on screen is `column - 1`.
fn assert_rendered(report: &Report, name: &str, (line, column): (usize, usize), shown: &str) {
    let out = report.to_string();
    let location = format!("fixtures/{name}.toml:{line}:{column}");
    assert!(out.contains(&location), "no `{location}` in:\n{out}");
    let gutter = " ".repeat(line.to_string().len());
    let quoted = format!("\n{line} | {shown}\n{gutter} | {}^", " ".repeat(column - 1));
    assert!(
        out.contains(&quoted),
        "expected the line and a caret under column {column}:{quoted}\nin:\n{out}"
    );
}

/// Checks a fixture with exactly one defect: its message, where it points,
/// what it says was expected, and how it is rendered.
fn assert_single(name: &str, message: &str, at: (usize, usize), hint: &str, shown: &str) {
    let report = invalid(name);
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{name}.toml: expected one error, got:\n{report}"
    );
    let diagnostic = &report.diagnostics[0];
    assert_eq!(diagnostic.message, message, "{name}.toml");
    assert_eq!(report.locations(), vec![at], "{name}.toml: {message}");
    let expected = diagnostic.expected.as_deref().unwrap_or_default();
    assert!(
        expected.contains(hint),
        "{name}.toml: expected hint containing {hint:?}, got {expected:?}"
    );
    assert_rendered(&report, name, at, shown);
    let out = report.to_string();
    assert!(out.starts_with(&format!("error: {message}\n")), "{out}");
    assert!(out.ends_with("has 1 error"), "{out}");
}

// --- the minimal fixture ------------------------------------------------

#[test]
fn the_minimal_fixture_is_valid() {
    let lookbook = load_path(&fixture("valid")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lookbook.title, "Minimal edit");
    assert_eq!(lookbook.currency, Currency::GBP);
    let ids: Vec<&str> = lookbook.bags.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["one", "two"]);
    assert_eq!(lookbook.currency.format(lookbook.bags[0].price), "£195");
    assert_eq!(lookbook.bags[1].price, Price::from_minor(4_999));
    assert_eq!(lookbook.currency.format(lookbook.bags[1].price), "£49.99");
    assert_eq!(lookbook.looks.len(), 1);
    assert_eq!(lookbook.looks[0].pairs, [0]);
    assert!(lookbook.sections.is_empty());
}

// --- one fixture per error class ------------------------------------------

#[test]
fn toml_syntax_error() {
    assert_single(
        "syntax",
        "TOML syntax: key with no value",
        (18, 10),
        "expected `=`",
        "retailer \"Shop\"",
    );
}

#[test]
fn missing_field_points_at_the_table_header() {
    assert_single(
        "missing_field",
        "missing field `price` in bag `two`",
        (14, 1),
        "add `price = 195`",
        "[[bag]]",
    );
}

#[test]
fn mistyped_string_field() {
    assert_single(
        "mistyped_brand",
        "wrong type for `brand`: found an integer",
        (10, 9),
        "a string in quotes",
        "brand = 5",
    );
}

#[test]
fn mistyped_list_field() {
    assert_single(
        "mistyped_materials",
        "wrong type for `materials`: found a string",
        (20, 13),
        "a list of strings",
        "materials = \"leather\"",
    );
}

#[test]
fn duplicate_bag_id_names_the_first_use() {
    assert_single(
        "duplicate_id",
        "duplicate bag id `one`",
        (15, 6),
        "already used at line 8",
        "id = \"one\"",
    );
}

#[test]
fn look_pairing_an_unknown_bag() {
    assert_single(
        "unknown_pair",
        "`pairs` names an unknown bag id `three`",
        (26, 17),
        "the id of a [[bag]]",
        "pairs = [\"one\", \"three\"]",
    );
}

#[test]
fn negative_price() {
    assert_single(
        "negative_price",
        "price cannot be negative",
        (19, 9),
        "e.g. 195 or 49.99",
        "price = -5",
    );
}

#[test]
fn price_written_as_text() {
    assert_single(
        "price_string",
        "wrong type for `price`: found a string",
        (19, 9),
        "e.g. 195 or 49.99",
        "price = \"£195\"",
    );
}

#[test]
fn price_with_three_decimals() {
    assert_single(
        "price_decimals",
        "price `49.999` has more than two decimals or an exponent",
        (19, 9),
        // A point between thousands, as Danish shops write prices.
        "write 49999 (forty-nine thousand nine hundred ninety-nine)",
        "price = 49.999",
    );
}

/// A price with a comma or a thousands point is said as such, at the
/// amount's line and column, with each way it could be read.
#[test]
fn a_price_written_with_other_marks_says_what_to_write() {
    for (written, message, hint) in [
        (
            "129,00",
            "price `129,00` has a comma, which a TOML number cannot have",
            "write 129.00",
        ),
        (
            "1,250",
            "price `1,250` has a comma, which a TOML number cannot have",
            "write 1250 (one thousand two hundred fifty) or 1.25",
        ),
        (
            "1.250",
            "price `1.250` has more than two decimals or an exponent",
            "write 1250 (one thousand two hundred fifty) or 1.25",
        ),
    ] {
        let report = invalid_text(&VALID.replace("price = 49.99", &format!("price = {written}")));
        assert_eq!(report.diagnostics.len(), 1, "{written}: {report}");
        assert_eq!(report.diagnostics[0].message, message, "{written}");
        assert_eq!(
            report.diagnostics[0].expected.as_deref(),
            Some(hint),
            "{written}"
        );
        assert_eq!(report.locations(), [(19, 9)], "{written}");
        let shown = report.to_string();
        let caret = format!("^{} {hint}", "^".repeat(written.len() - 1));
        assert!(shown.contains("--> inline.toml:19:9\n"), "{shown}");
        assert!(shown.contains(&caret), "{shown}");
    }
}

#[test]
fn unknown_size() {
    assert_single(
        "unknown_size",
        "unknown size `tiny`",
        (20, 8),
        "one of: nano, micro, mini",
        "size = \"tiny\"",
    );
}

#[test]
fn unknown_shape() {
    assert_single(
        "unknown_shape",
        "unknown shape `round`",
        (20, 9),
        "one of: top-handle, tote, bucket, crossbody",
        "shape = \"round\"",
    );
}

#[test]
fn empty_name() {
    assert_single(
        "empty_name",
        "`name` is empty",
        (16, 8),
        "some text",
        "name = \"\"",
    );
}

#[test]
fn blank_name() {
    assert_single(
        "blank_name",
        "`name` is empty",
        (16, 8),
        "some text",
        "name = \"   \"",
    );
}

#[test]
fn unknown_currency() {
    assert_single(
        "unknown_currency",
        "unknown currency `XYZ`",
        (5, 12),
        "one of: GBP, EUR, USD",
        "currency = \"XYZ\"",
    );
}

#[test]
fn unknown_field_suggests_the_known_one() {
    let report = invalid("unknown_field");
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    // Misspelling `price` leaves `price` missing too, but the typo is the
    // one thing to fix: "add `price = ...`" would be wrong advice.
    assert_eq!(messages, ["unknown field `prcie` in bag `two`"]);
    assert_eq!(report.locations(), [(19, 1)]);
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("did you mean `price`?")
    );
    assert_rendered(&report, "unknown_field", (19, 1), "prcie = 49.99");
    assert!(report.to_string().contains("^^^^^ did you mean `price`?"));
}

/// A misspelled required field is one error, at the typo, in every table;
/// a missing field no key left over is close to is still missing.
#[test]
fn a_misspelled_required_field_is_one_error_at_the_typo() {
    let typo = VALID.replacen("retailer = \"Shop\"", "retialer = \"Shop\"", 1);
    let report = invalid_text(&typo);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(
        report.diagnostics[0].message,
        "unknown field `retialer` in bag `one`"
    );
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("did you mean `retailer`?")
    );
    assert_eq!(report.locations(), [(11, 1)]);

    let elsewhere = [
        (
            "[lookbook]",
            "[lookbok]",
            "unknown field `lookbok` in the file",
        ),
        (
            "wearer =",
            "waerer =",
            "unknown field `waerer` in look `look`",
        ),
        ("title =", "tilte =", "unknown field `tilte` in [lookbook]"),
    ];
    for (right, wrong, message) in elsewhere {
        let report = invalid_text(&VALID.replacen(right, wrong, 1));
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(messages, [message], "{wrong}");
    }

    let unrelated = VALID.replacen("retailer = \"Shop\"", "stockist = \"Shop\"", 1);
    let messages: Vec<String> = invalid_text(&unrelated)
        .diagnostics
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        [
            "missing field `retailer` in bag `one`",
            "unknown field `stockist` in bag `one`",
        ]
    );
}

#[test]
fn id_that_is_not_kebab_case() {
    assert_single(
        "bad_id",
        "id `Two_Bag` is not kebab-case",
        (15, 6),
        "lowercase letters, digits and single dashes",
        "id = \"Two_Bag\"",
    );
}

#[test]
fn terminal_escape_written_as_an_escape_sequence() {
    assert_single(
        "escape_control",
        "string contains an escape character (U+001B), which could drive the terminal",
        (16, 9),
        "remove this character",
        "name = \"\\u001b[31mTwo bag\"",
    );
    // The caret covers the whole `\u001b` escape.
    let out = invalid("escape_control").to_string();
    assert!(out.contains("|         ^^^^^^ printable text"), "{out}");
    assert!(!out.contains('\x1b'), "the report itself must be inert");
}

#[test]
fn bel_control_character() {
    assert_single(
        "bel",
        "string contains a control character (U+0007)",
        (16, 16),
        "remove this character",
        "name = \"Two bag\\u0007\"",
    );
}

#[test]
fn literal_bidi_override() {
    // The file holds U+202E itself; the report shows it escaped.
    assert!(
        fs::read_to_string(fixture("bidi"))
            .unwrap()
            .contains('\u{202e}')
    );
    assert_single(
        "bidi",
        "string contains a bidirectional control character (U+202E), which reorders how text reads",
        (16, 13),
        "remove this character",
        "name = \"Two \\u{202e}bag\"",
    );
    let out = invalid("bidi").to_string();
    assert!(!out.contains('\u{202e}'), "{out}");
    assert!(
        out.contains("|             ^^^^^^^^ printable text"),
        "{out}"
    );
}

#[test]
fn line_break_in_a_one_line_field() {
    assert_single(
        "line_break",
        "string contains a line break in a one-line field",
        (16, 12),
        "remove this character",
        "name = \"Two\\nbag\"",
    );
}

#[test]
fn several_errors_are_all_reported_in_file_order() {
    let report = invalid("several_errors");
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "unknown currency `XYZ`",
            "wrong type for `brand`: found an integer",
            "missing field `name` in bag `two`",
            "price cannot be negative",
            "`pairs` names an unknown bag id `three`",
        ]
    );
    let locations = report.locations();
    assert_eq!(locations, [(5, 12), (10, 9), (14, 1), (18, 9), (25, 17)]);
    assert!(locations.is_sorted());

    let out = report.to_string();
    let mut last = 0;
    for &(line, column) in &locations {
        let location = format!("fixtures/several_errors.toml:{line}:{column}");
        let at = out
            .find(&location)
            .unwrap_or_else(|| panic!("no {location} in:\n{out}"));
        assert!(at > last, "{location} is out of order in:\n{out}");
        last = at;
    }
    assert_rendered(&report, "several_errors", (5, 12), "currency = \"XYZ\"");
    assert_rendered(&report, "several_errors", (10, 9), "brand = 5");
    assert_rendered(&report, "several_errors", (14, 1), "[[bag]]");
    assert_rendered(&report, "several_errors", (18, 9), "price = -5");
    assert_rendered(
        &report,
        "several_errors",
        (25, 17),
        "pairs = [\"one\", \"three\"]",
    );
    assert!(out.ends_with("several_errors.toml has 5 errors"), "{out}");
}

#[test]
fn a_lookbook_without_bags() {
    let report = invalid("no_bags");
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].message, "the lookbook has no bags");
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("at least one [[bag]] table")
    );
    let out = report.to_string();
    assert!(out.contains("fixtures/no_bags.toml:"), "{out}");
    assert!(out.contains("^ at least one [[bag]] table"), "{out}");
}

#[test]
fn a_lookbook_without_bags_points_at_the_end_of_the_file() {
    let report = invalid("no_bags");
    // The file is 9 lines ending in a newline: its end is line 10, column 1,
    // where a [[bag]] would be added (parse.rs means `span.end` of the root).
    let source = fs::read_to_string(fixture("no_bags")).unwrap();
    assert_eq!(source.lines().count(), 9);
    assert!(source.ends_with('\n'));
    assert_eq!(report.locations(), [(10, 1)]);
    assert!(
        !report.to_string().contains("1 | # Defect"),
        "the caret should not sit under the opening comment:\n{report}"
    );
}

#[test]
fn report_renders_like_a_compiler() {
    let report = invalid("missing_field");
    let path = fixture("missing_field");
    let path = path.display();
    assert_eq!(
        report.to_string(),
        format!(
            "error: missing field `price` in bag `two`\n  \
             --> {path}:14:1\n   \
             |\n\
             14 | [[bag]]\n   \
             | ^^^^^^^ add `price = 195` to this table\n\
             \n\
             error: {path} has 1 error"
        )
    );
}

// --- more cases, written inline -------------------------------------------

#[test]
fn control_character_in_a_multi_line_note_points_at_its_own_line() {
    let source = VALID.replace(
        "price = 49.99\n",
        "price = 49.99\nnote = \"\"\"\nfirst line\nsecond \\u0007 line\n\"\"\"\n",
    );
    let report = invalid_text(&source);
    assert_eq!(
        report.diagnostics[0].message,
        "string contains a control character (U+0007)"
    );
    assert_eq!(report.locations(), [(22, 8)]);
}

#[test]
fn a_real_line_break_in_a_one_line_field() {
    let source = VALID.replace("name = \"Two bag\"", "name = \"\"\"Two\nbag\"\"\"");
    let report = invalid_text(&source);
    assert_eq!(
        report.diagnostics[0].message,
        "string contains a line break in a one-line field"
    );
    assert_eq!(report.locations(), [(16, 14)]);
}

#[test]
fn an_escape_sequence_in_a_key_does_not_reach_the_report() {
    let report = invalid("escape_in_key");
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.locations(), [(20, 1)]);
    let message = &report.diagnostics[0].message;
    assert!(message.starts_with("unknown field `"), "{message:?}");
    assert!(!message.contains('\x1b'), "{message:?}");
    assert!(!report.to_string().contains('\x1b'), "{report:?}");
}

#[test]
fn crlf_line_endings_are_accepted() {
    let crlf = lookbook::lookbook::BUNDLED.replace('\n', "\r\n");
    let lookbook = parse(&crlf, "crlf.toml").unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(lookbook, lookbook::lookbook::bundled());
    assert!(lookbook.sections.iter().all(|s| !s.body.contains('\r')));
}

#[test]
fn crlf_lines_are_quoted_without_the_carriage_return() {
    let crlf = VALID
        .replace("price = 49.99", "price = -5")
        .replace('\n', "\r\n");
    let report = invalid_text(&crlf);
    assert_eq!(report.locations(), [(19, 9)]);
    let out = report.to_string();
    assert!(out.contains("\n19 | price = -5\n"), "{out}");
}

#[test]
fn text_is_normalised_to_nfc() {
    // `e` followed by U+0301 COMBINING ACUTE ACCENT, written raw and escaped.
    let source = VALID
        .replace("name = \"One bag\"", "name = \"Cafe\u{301} bag\"")
        .replace("name = \"Two bag\"", "name = \"Cafe\\u0301 bag\"")
        .replace(
            "price = 195\n",
            "price = 195\nmaterials = [\"diamante\u{301}\"]\n",
        );
    assert!(source.contains("e\u{301}"));
    let lookbook = valid_text(&source);
    assert_eq!(lookbook.bags[0].name, "Caf\u{e9} bag");
    assert_eq!(lookbook.bags[0].name, "Café bag");
    assert_eq!(lookbook.bags[1].name, "Café bag");
    assert_eq!(lookbook.bags[0].materials, ["diamanté"]);
    assert_eq!(lookbook.bags[0].name.chars().count(), 8);
}

#[test]
fn tabs_in_a_note_become_spaces() {
    let source = VALID.replace(
        "price = 49.99\n",
        "price = 49.99\nnote = \"a\\tb\"\n\n[[bag]]\nid = \"three\"\nname = \"Three\"\nbrand = \"B\"\nretailer = \"S\"\nprice = 1\nnote = \"\"\"\n\tindented\nab\tc\"\"\"\n",
    );
    let lookbook = valid_text(&source);
    assert_eq!(lookbook.bags[1].note.as_deref(), Some("a   b"));
    // Tab stops every four columns, counted from the start of each line.
    assert_eq!(
        lookbook.bags[2].note.as_deref(),
        Some("    indented\nab  c")
    );
}

#[test]
fn prices_are_exact() {
    for (written, minor, shown) in [
        ("195", 19_500, "£195"),
        ("49.99", 4_999, "£49.99"),
        ("49.5", 4_950, "£49.50"),
        ("1_250", 125_000, "£1,250"),
        ("0.05", 5, "£0.05"),
    ] {
        let lookbook = valid_text(&VALID.replace("price = 49.99", &format!("price = {written}")));
        assert_eq!(
            lookbook.bags[1].price,
            Price::from_minor(minor),
            "{written}"
        );
        assert_eq!(lookbook.currency.format(lookbook.bags[1].price), shown);
    }
    for written in ["5e2", "inf", "nan"] {
        let report = invalid_text(&VALID.replace("price = 49.99", &format!("price = {written}")));
        assert_eq!(
            report.diagnostics[0].message,
            format!("price `{written}` is not a plain amount")
        );
        assert_eq!(report.locations(), [(19, 9)]);
    }
}

#[test]
fn a_missing_lookbook_table_and_no_bags() {
    let report = invalid_text("# nothing here yet\n");
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "missing field `lookbook` in the file",
            "the lookbook has no items"
        ]
    );
}

#[test]
fn unknown_top_level_table_suggests_the_known_one() {
    let report = invalid_text(&format!("{VALID}\n[bags]\nx = 1\n"));
    assert_eq!(
        report.diagnostics[0].message,
        "unknown field `bags` in the file"
    );
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("did you mean `bag`?")
    );
    assert_eq!(report.locations(), [(28, 2)]);
}

// --- file-level errors ----------------------------------------------------

/// A file under the system temp directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(tag: &str) -> TempFile {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let name = format!("lookbook-test-{}-{n}-{tag}.toml", std::process::id());
        TempFile(std::env::temp_dir().join(name))
    }

    fn with_bytes(tag: &str, bytes: &[u8]) -> TempFile {
        let file = TempFile::new(tag);
        fs::write(&file.0, bytes).expect("a temporary file is written");
        file
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

fn assert_one_line(message: &str) {
    assert!(!message.contains('\n'), "{message:?} is not one line");
}

#[test]
fn missing_file() {
    let path = fixture("no-such-file");
    let message = file_error(&path);
    assert_eq!(message, format!("error: {}: no such file", path.display()));
    assert_one_line(&message);
}

#[test]
fn a_directory() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let message = file_error(&path);
    assert_eq!(
        message,
        format!(
            "error: {}: is a directory, expected a lookbook .toml file",
            path.display()
        )
    );
    assert_one_line(&message);
}

#[test]
fn not_utf8() {
    // Latin-1 "café": 0xE9 at byte 28.
    let file = TempFile::with_bytes("latin1", b"[lookbook]\ntitle = \"Mini caf\xe9\"\n");
    let message = file_error(&file.0);
    assert_eq!(
        message,
        format!(
            "error: {}: is not UTF-8 text (invalid byte at offset 28); save it as UTF-8",
            file.0.display()
        )
    );
    assert_one_line(&message);
}

#[test]
fn empty_and_whitespace_only_files() {
    for (tag, bytes) in [("empty", &b""[..]), ("blank", &b"  \n\t\r\n\n"[..])] {
        let file = TempFile::with_bytes(tag, bytes);
        let message = file_error(&file.0);
        assert_eq!(
            message,
            format!(
                "error: {}: is empty, expected a lookbook (see README.md, \"The lookbook file\")",
                file.0.display()
            ),
            "{tag}"
        );
        assert_one_line(&message);
    }
}

#[test]
fn over_the_size_limit() {
    assert_eq!(MAX_FILE_BYTES, 64 * 1024 * 1024);
    let file = TempFile::new("huge");
    // Sparse: costs no disk, and the loader refuses it before reading.
    fs::File::create(&file.0)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let message = file_error(&file.0);
    let prefix = format!("error: {}: ", file.0.display());
    assert!(message.starts_with(&prefix), "{message}");
    assert!(
        message.ends_with("over the 64 MiB limit for a lookbook"),
        "{message}"
    );
    assert_one_line(&message);
}

#[test]
fn over_the_size_limit_does_not_claim_to_be_at_the_limit() {
    let file = TempFile::new("huge-size");
    fs::File::create(&file.0)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let message = file_error(&file.0);
    assert!(!message.contains("is 64 MiB,"), "{message}");
}

// --- the bundled edit -----------------------------------------------------

#[test]
fn the_bundled_lookbook_loads_as_the_edit_gives_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("lookbook.toml");
    let lookbook = load_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lookbook, lookbook::lookbook::bundled());

    assert_eq!(lookbook.title, "The mini bag edit");
    assert_eq!(lookbook.source, "Hello! Fashion");
    assert_eq!(lookbook.currency, Currency::GBP);
    assert_eq!(lookbook.bags.len(), 8);
    assert_eq!(lookbook.looks.len(), 2);
    assert_eq!(lookbook.sections.len(), 2);

    let headings: Vec<&str> = lookbook
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(
        headings,
        ["What is a mini bag?", "How to style a mini bag?"]
    );
    let body = &lookbook.sections[0].body;
    assert!(body.starts_with(
        "A mini bag is pretty self-explanatory - it's an accessory of miniature size"
    ));
    assert!(body.contains("Think keys, credit card and… yep, that's your lot."));
    assert!(
        body.contains("most notably at French label Jacquemus' shows – its adorable Le Chiquito")
    );
    assert!(body.ends_with("going with the flow."));

    // The eight picks, in the edit's order: name, price, retailer.
    let picks: Vec<(&str, String, &str)> = lookbook
        .bags
        .iter()
        .map(|b| {
            (
                b.name.as_str(),
                lookbook.currency.format(b.price),
                b.retailer.as_str(),
            )
        })
        .collect();
    assert_eq!(
        picks,
        [
            ("Nano Mayfair bag", "£195".into(), "Aspinal of London"),
            ("First Nano bag", "£695".into(), "Fendi"),
            ("Micro knotted leather tote", "£650".into(), "Net-A-Porter"),
            (
                "Bon Bon micro metallic leather bucket bag",
                "£625".into(),
                "Net-A-Porter"
            ),
            ("Crossbody bag", "£109".into(), "Arket"),
            (
                "The Bow Mini diamanté and leather cross-body bag",
                "£350".into(),
                "Selfridges"
            ),
            (
                "Le Chiquito leather top-handle bag",
                "£385".into(),
                "Selfridges"
            ),
            ("Lime leather tote bag", "£75".into(), "& Other Stories"),
        ]
    );

    let chiquito = &lookbook.bags[6];
    assert_eq!(chiquito.id, "le-chiquito");
    assert_eq!(chiquito.name, "Le Chiquito leather top-handle bag");
    assert_eq!(chiquito.brand, "Jacquemus");
    assert_eq!(chiquito.retailer, "Selfridges");
    assert_eq!(lookbook.currency.format(chiquito.price), "£385");
    assert_eq!(chiquito.shape, Some(Shape::TopHandle));
    assert_eq!(chiquito.size, None);
    assert_eq!(chiquito.materials, ["leather"]);
    assert_eq!(
        chiquito.seen_on,
        ["Dua Lipa", "Emily Ratajkowski", "Selena Gomez"]
    );
    assert!(
        chiquito
            .note
            .as_deref()
            .unwrap()
            .contains("\"now boasts a cult following\"")
    );

    let bow = &lookbook.bags[5];
    assert_eq!(bow.brand, "Self-Portrait");
    assert_eq!(bow.size, Some(Size::Mini));
    assert_eq!(bow.materials, ["diamanté", "leather"]);
    assert_eq!(lookbook.bags[0].size, Some(Size::Nano));
    assert_eq!(lookbook.bags[7].colours, ["lime"]);
    assert_eq!(bow.details, [Detail::Bow, Detail::Diamante]);
    assert_eq!(lookbook.bags[2].details, [Detail::Knot]);
    let coloured: Vec<&str> = lookbook
        .bags
        .iter()
        .filter(|bag| !bag.colours.is_empty())
        .map(|bag| bag.id.as_str())
        .collect();
    assert_eq!(coloured, ["lime-tote"], "no colour the edit does not give");

    let laura = &lookbook.looks[0];
    assert_eq!(laura.wearer, "Laura Harrier");
    assert_eq!(
        laura.outfit,
        [
            "white collared zip-up jacket",
            "matching straight-leg trousers",
            "pointed silver boots",
        ]
    );
    assert_eq!(
        laura.carried.description,
        "patterned vanity-style Louis Vuitton mini"
    );
    assert_eq!(laura.carried.shape, Some(Shape::Vanity));
    assert_eq!(laura.carried.details, [Detail::Patterned]);
    assert!(laura.carried.colours.is_empty(), "the edit gives no colour");
    let paired: Vec<&str> = laura
        .pairs
        .iter()
        .map(|&i| lookbook.bags[i].id.as_str())
        .collect();
    assert_eq!(paired, ["le-chiquito", "bow-mini", "bon-bon"]);

    let lily_rose = &lookbook.looks[1];
    assert_eq!(lily_rose.wearer, "Lily-Rose Depp");
    assert_eq!(
        lily_rose.outfit,
        ["jeans with appliqué accents", "rounded bouclé jacket"]
    );
    assert_eq!(
        lily_rose.carried.description,
        "tiny bubble gum pink drawstring Chanel number"
    );
    assert_eq!(lily_rose.carried.shape, Some(Shape::Drawstring));
    assert_eq!(lily_rose.carried.colours, ["bubble gum pink"]);

    assert_eq!(lookbook.looks_pairing(6).collect::<Vec<_>>(), [0]);
    assert_eq!(lookbook.looks_pairing(0).collect::<Vec<_>>(), [1]);
    assert_eq!(lookbook.looks_pairing(1).count(), 0);
}

#[test]
fn a_hundred_thousand_bags() {
    const BAGS: usize = 100_000;
    let mut text = String::with_capacity(16 * 1024 * 1024);
    text.push_str("[lookbook]\ntitle = \"Big\"\nsource = \"Generated\"\ncurrency = \"EUR\"\n");
    for i in 0..BAGS {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"bag-{i}\"\nname = \"Generated bag number {i}\"\n\
             brand = \"Brand {b}\"\nretailer = \"Retailer {r}\"\nprice = {whole}.{cents:02}\n\
             size = \"mini\"\nshape = \"tote\"\nmaterials = [\"leather\", \"canvas\"]\n",
            b = i % 97,
            r = i % 13,
            whole = i % 5000,
            cents = i % 100,
        ));
    }
    text.push_str(
        "\n[[look]]\nid = \"last\"\nwearer = \"Someone\"\noutfit = [\"coat\"]\n\
         carried = \"a bag\"\npairs = [\"bag-0\", \"bag-99999\"]\n",
    );
    assert!(text.len() > 10_000_000, "{} bytes", text.len());
    assert!((text.len() as u64) < MAX_FILE_BYTES);

    let lookbook = parse(&text, "big.toml").unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(lookbook.bags.len(), BAGS);
    let last = &lookbook.bags[BAGS - 1];
    assert_eq!(last.id, "bag-99999");
    assert_eq!(last.name, "Generated bag number 99999");
    assert_eq!(last.price, Price::from_minor(4_999 * 100 + 99));
    assert_eq!(lookbook.currency.format(last.price), "€4,999.99");
    assert_eq!(lookbook.looks[0].pairs, [0, BAGS - 1]);
}

#[test]
fn unknown_detail_lists_the_known_ones() {
    assert_single(
        "unknown_detail",
        "unknown detail `glitter`",
        (20, 19),
        "one of: bow, knot, diamanté, drawstring, chain",
        "details = [\"bow\", \"glitter\"]",
    );
}

#[test]
fn colour_that_is_not_hex() {
    assert_single(
        "bad_hex_colour",
        "colour `#ffc1c` is not a hex colour",
        (20, 12),
        "#rrggbb",
        "colours = [\"#ffc1c\"]",
    );
}

#[test]
fn mistyped_carried() {
    assert_single(
        "mistyped_carried",
        "wrong type for `carried`: found an integer",
        (25, 11),
        "a string, or a table",
        "carried = 42",
    );
}

#[test]
fn carried_table_with_an_unknown_shape() {
    assert_single(
        "carried_table_unknown_shape",
        "unknown shape `round`",
        (25, 44),
        "one of: top-handle",
        "carried = { description = \"a bag\", shape = \"round\" }",
    );
}

#[test]
fn carried_as_a_table_reads_every_field() {
    let source = VALID.replace(
        "carried = \"a bag\"",
        "carried = { description = \"a pink pouch\", shape = \"drawstring\", size = \"nano\", \
         colours = [\"pink\", \"#ffc1cc\"], details = [\"bow\"] }",
    );
    let carried = &valid_text(&source).looks[0].carried;
    assert_eq!(carried.description, "a pink pouch");
    assert_eq!(carried.shape, Some(Shape::Drawstring));
    assert_eq!(carried.size, Some(Size::Nano));
    assert_eq!(carried.colours, ["pink", "#ffc1cc"]);
    assert_eq!(carried.details, [Detail::Bow]);
}

#[test]
fn carried_table_without_a_description() {
    let source = VALID.replace("carried = \"a bag\"", "carried = { shape = \"tote\" }");
    let report = invalid_text(&source);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert!(
        report.diagnostics[0]
            .message
            .contains("missing field `description` in `carried` of look `look`"),
        "{report}"
    );
}

/// A lookbook of `bags` bags, each with an unknown size: one error apiece.
fn bags_with_unknown_sizes(bags: usize) -> String {
    let mut text = String::from("[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"GBP\"\n");
    for i in 0..bags {
        text.push_str(&format!(
            "\n[[bag]]\nid = \"b{i}\"\nname = \"N\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 1\nsize = \"huge\"\n"
        ));
    }
    text
}

#[test]
fn fifty_errors_are_shown_and_the_rest_counted() {
    let report = invalid_text(&bags_with_unknown_sizes(53));
    assert_eq!(report.diagnostics.len(), 53, "every error is found");
    let out = report.to_string();
    assert_eq!(out.matches("error: unknown size `huge`").count(), 50);
    assert!(
        out.ends_with("... and 3 more errors not shown\nerror: inline.toml has 53 errors"),
        "{out}"
    );
    // The fiftieth is shown, the fifty-first is not: b49 is on line 5 + 49 * 8 + 7.
    assert!(
        out.contains(&format!("inline.toml:{}:8", 5 + 49 * 8 + 7)),
        "{out}"
    );
    assert!(
        !out.contains(&format!("inline.toml:{}:8", 5 + 50 * 8 + 7)),
        "{out}"
    );

    let exactly = invalid_text(&bags_with_unknown_sizes(50)).to_string();
    assert!(!exactly.contains("more errors not shown"), "{exactly}");
    assert!(
        exactly.ends_with("error: inline.toml has 50 errors"),
        "{exactly}"
    );
}

#[test]
fn a_diagnostic_on_a_long_line_shows_a_window_around_the_caret() {
    let padding = "x".repeat(150);
    let source = std::fs::read_to_string(fixture("valid"))
        .expect("the valid fixture")
        .replace(
            "name = \"One bag\"",
            &format!("name = \"One bag\" # {padding}\nsize = \"huge\" # {padding}"),
        );
    let out = invalid_text(&source).to_string();
    let quoted = out
        .lines()
        .find(|line| line.contains("size = \"huge\""))
        .unwrap_or_else(|| panic!("the line is quoted:\n{out}"));
    // At the start of the line the window is its first 100 characters.
    assert!(quoted.ends_with('…'), "{quoted}");
    assert_eq!(
        quoted.split_once(" | ").map(|(_, l)| l.chars().count()),
        Some(101)
    );
    let caret = out
        .lines()
        .skip_while(|line| *line != quoted)
        .nth(1)
        .unwrap_or_else(|| panic!("a caret line follows:\n{out}"));
    let at = |line: &str, what: &str| line.find(what).map(|i| line[..i].chars().count());
    assert_eq!(at(caret, "^^^^^^"), at(quoted, "\"huge\""), "{out}");

    // Far into a long line, the window is around the caret, cut both sides.
    let deep = std::fs::read_to_string(fixture("valid"))
        .expect("the valid fixture")
        .replace(
            "name = \"One bag\"",
            &format!("name = \"One bag\"\nmaterials = [\"{padding}\", 5, \"{padding}\"]"),
        );
    let out = invalid_text(&deep).to_string();
    let quoted = out
        .lines()
        .find(|line| line.contains(" | ") && line.contains(", 5, "))
        .unwrap_or_else(|| panic!("the line is quoted:\n{out}"));
    let shown = quoted.split_once(" | ").map_or("", |(_, l)| l);
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{quoted}");
    assert_eq!(shown.chars().count(), 102, "{quoted}");
    let caret = out
        .lines()
        .skip_while(|line| *line != quoted)
        .nth(1)
        .unwrap_or_else(|| panic!("a caret line follows:\n{out}"));
    assert_eq!(at(caret, "^"), at(quoted, ", 5,").map(|i| i + 2), "{out}");
}

// --- text every terminal draws alike (issue 11) ------------------------------

#[test]
fn a_line_separator_is_refused_like_a_control_character() {
    assert_single(
        "line_separator",
        "string contains a line separator (U+2028), which terminals do not draw as a line break",
        (16, 12),
        "a real line break, in a multi-line field such as `note` or `body`",
        "name = \"Two\\u2028bag\"",
    );
}

#[test]
fn a_literal_paragraph_separator_is_refused_and_shown_escaped() {
    assert!(
        fs::read_to_string(fixture("paragraph_separator"))
            .unwrap()
            .contains('\u{2029}')
    );
    assert_single(
        "paragraph_separator",
        "string contains a paragraph separator (U+2029), which terminals do not draw as a line break",
        (16, 12),
        "a real line break",
        "name = \"Two\\u{2029}bag\"",
    );
    let out = invalid("paragraph_separator").to_string();
    assert!(
        !out.contains('\u{2029}'),
        "the report itself is one line: {out}"
    );
}

#[test]
fn a_noncharacter_is_refused() {
    assert_single(
        "noncharacter",
        "string contains a noncharacter (U+FDD0), which is not text",
        (16, 16),
        "remove this character",
        "name = \"Two bag\\uFDD0\"",
    );
}

#[test]
fn noncharacters_in_every_plane_are_refused() {
    for (escape, code) in [
        ("\\uFDEF", "U+FDEF"),
        ("\\uFFFE", "U+FFFE"),
        ("\\uFFFF", "U+FFFF"),
        ("\\U0001FFFE", "U+1FFFE"),
        ("\\U0010FFFF", "U+10FFFF"),
    ] {
        let source = VALID.replace("name = \"Two bag\"", &format!("name = \"Two{escape}\""));
        let report = invalid_text(&source);
        assert_eq!(
            report.diagnostics[0].message,
            format!("string contains a noncharacter ({code}), which is not text")
        );
        assert_eq!(report.locations(), [(16, 12)], "{escape}");
    }
    // Their neighbours are characters.
    let source = VALID.replace("name = \"Two bag\"", "name = \"Two \\uFDCF\\uFDF0\\uFFFD\"");
    assert_eq!(
        valid_text(&source).bags[1].name,
        "Two \u{FDCF}\u{FDF0}\u{FFFD}"
    );
}

#[test]
fn a_name_of_only_a_zero_width_space_is_empty() {
    assert_single(
        "zero_width_name",
        "`name` is empty",
        (16, 8),
        "some text",
        "name = \"\\u200B\"",
    );
}

#[test]
fn text_with_nothing_visible_is_empty() {
    for invisible in [
        "\\u200B",        // zero width space
        "\\u200C",        // zero width non-joiner
        "\\u200D",        // zero width joiner
        "\\u2060",        // word joiner
        "\\uFEFF",        // byte order mark
        "\\uFE0F",        // variation selector 16
        "\\u0301",        // a combining mark with nothing to sit on
        " \\u3164 \\t",   // a Hangul filler among blanks
        "\\u2800\\u00A0", // blank Braille, no-break space
    ] {
        let source = VALID.replace("name = \"Two bag\"", &format!("name = \"{invisible}\""));
        let report = invalid_text(&source);
        assert_eq!(report.diagnostics.len(), 1, "{invisible}: {report}");
        assert_eq!(
            report.diagnostics[0].message, "`name` is empty",
            "{invisible}"
        );
        assert_eq!(report.locations(), [(16, 8)], "{invisible}");
    }
    // The same rule holds for every text field, lists included.
    let source = VALID.replace(
        "outfit = [\"jacket\"]",
        "outfit = [\"jacket\", \"\\u200B\"]",
    );
    assert_eq!(
        invalid_text(&source).diagnostics[0].message,
        "`outfit` is empty"
    );
}

/// The width ratatui measures (unicode-width over the whole text) and the
/// width a terminal draws (each character on its own) are the same.
fn measures_alike(text: &str) -> bool {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let terminal: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    text.width() == terminal
}

#[test]
fn emoji_sequences_are_folded_to_what_every_terminal_draws_alike() {
    for (written, folded) in [
        // ZWJ sequences draw as their parts.
        ("👩\u{200D}👩\u{200D}👧 family", "👩👩👧 family"),
        ("🏳\u{FE0F}\u{200D}🌈 pride", "🏳🌈 pride"),
        // VS16 and VS15 go: the base keeps its own width.
        ("\\u2764\\uFE0F heart", "❤ heart"),
        ("😀\u{FE0E} face", "😀 face"),
        // Keycaps become their digit, skin tones their base emoji.
        ("1\u{FE0F}\u{20E3} keycap", "1 keycap"),
        ("👍\u{1F3FD} thumbs", "👍 thumbs"),
        // A subdivision flag's tags overflow a terminal cell.
        (
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} flag",
            "🏴 flag",
        ),
        // Nothing draws a zero-width space, word joiner or BOM.
        ("Le\u{200B}Chiquito\u{2060}\u{FEFF}", "LeChiquito"),
        // A joiner goes between letters too: tmux joins after one even there.
        ("क्\u{200D}ष", "क्ष"),
        // What every terminal agrees on is kept.
        ("🇬🇧 flag", "🇬🇧 flag"),
        ("a\u{200C}b", "a\u{200C}b"),
        ("diamante\u{301}", "diamanté"),
        ("バッグ 👜", "バッグ 👜"),
    ] {
        let source = VALID.replace("name = \"Two bag\"", &format!("name = \"{written}\""));
        let name = valid_text(&source).bags[1].name.clone();
        assert_eq!(name, folded, "{written}");
        assert!(measures_alike(&name), "{name:?}");
    }
    // Before folding, each of these measured otherwise than a terminal draws.
    for sequence in [
        "👩\u{200D}👧",
        "❤\u{FE0F}",
        "1\u{FE0F}\u{20E3}",
        "👍\u{1F3FD}",
    ] {
        assert!(!measures_alike(sequence), "{sequence:?}");
    }
}

#[test]
fn stacked_combining_marks_are_refused_past_four() {
    assert_single(
        "stacked_marks",
        "string stacks 6 combining marks on one character",
        (16, 15),
        "at most 4 per character",
        "name = \"Two bag\u{350}\u{351}\u{352}\u{353}\\u{354}\\u{355}\"",
    );
    // Four stay, as written; composed accents count once.
    let four = VALID.replace(
        "name = \"Two bag\"",
        "name = \"Two bag\u{350}\u{351}\u{352}\u{357} e\u{301}\u{302}\u{303}\u{304}\u{305}\"",
    );
    assert_eq!(
        valid_text(&four).bags[1].name,
        "Two bag\u{350}\u{351}\u{352}\u{357} \u{e9}\u{302}\u{303}\u{304}\u{305}"
    );
    // Written as escapes, the error points at the string.
    let escaped = VALID.replace(
        "name = \"Two bag\"",
        "name = \"Two bag\\u0350\\u0351\\u0352\\u0353\\u0354\"",
    );
    let report = invalid_text(&escaped);
    assert_eq!(
        report.diagnostics[0].message,
        "string stacks 5 combining marks on one character"
    );
    assert_eq!(report.locations(), [(16, 8)]);
}

#[test]
fn a_price_in_hexadecimal_is_refused() {
    assert_single(
        "hex_price",
        "price `0x10` is written in hexadecimal",
        (19, 9),
        "a plain amount in decimal digits: 16",
        "price = 0x10",
    );
}

#[test]
fn a_price_of_minus_zero_is_refused_as_a_slip() {
    assert_single(
        "minus_zero_price",
        "price `-0` has a minus sign",
        (19, 9),
        "a plain amount without a sign: 0",
        "price = -0",
    );
}

#[test]
fn a_price_is_written_in_plain_decimal_digits() {
    for (written, message, hint) in [
        ("+5", "price `+5` has a plus sign", "without a sign: 5"),
        (
            "-0.0",
            "price `-0.0` has a minus sign",
            "without a sign: 0.0",
        ),
        ("-5", "price cannot be negative", "e.g. 195 or 49.99"),
        (
            "0o17",
            "price `0o17` is written in octal",
            "decimal digits: 15",
        ),
        (
            "0b101",
            "price `0b101` is written in binary",
            "decimal digits: 5",
        ),
        (
            "0xff_ff",
            "price `0xff_ff` is written in hexadecimal",
            "digits: 65535",
        ),
        (
            "1e3",
            "price `1e3` is not a plain amount",
            "e.g. 195 or 49.99",
        ),
        (
            "1.5e2",
            "price `1.5e2` has more than two decimals or an exponent",
            "49.99",
        ),
        (
            "+inf",
            "price `+inf` is not a plain amount",
            "e.g. 195 or 49.99",
        ),
    ] {
        let report = invalid_text(&VALID.replace("price = 49.99", &format!("price = {written}")));
        assert_eq!(report.diagnostics.len(), 1, "{written}: {report}");
        assert_eq!(report.diagnostics[0].message, message, "{written}");
        let expected = report.diagnostics[0]
            .expected
            .as_deref()
            .unwrap_or_default();
        assert!(expected.contains(hint), "{written}: {expected:?}");
        assert_eq!(report.locations(), [(19, 9)], "{written}");
    }
    // Underscores between digits are how TOML writes thousands.
    for (written, minor) in [("1_000", 100_000), ("1_000.50", 100_050), ("0", 0)] {
        let lookbook = valid_text(&VALID.replace("price = 49.99", &format!("price = {written}")));
        assert_eq!(
            lookbook.bags[1].price,
            Price::from_minor(minor),
            "{written}"
        );
    }
}

#[test]
fn a_key_nested_past_the_limit_points_at_its_line() {
    let deep: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
    let line = format!("{} = 1", deep.join("."));
    let shown: String = line.chars().take(100).chain(['…']).collect();
    assert_single(
        "deep_key",
        "TOML syntax: a key nested 100 levels deep",
        (20, 1),
        "at most 80 levels",
        &shown,
    );
}

#[test]
fn a_table_header_nested_past_the_limit_points_at_its_key() {
    let path = (0..90)
        .map(|i| format!("k{i}"))
        .collect::<Vec<_>>()
        .join(".");
    for (written, at) in [
        (format!("\n[{path}]\nx = 1\n"), (28, 2)),
        (format!("\n[[{path}]]\nx = 1\n"), (28, 3)),
        (format!("\n[extra]\nt = {{ {path} = 1 }}\n"), (29, 7)),
    ] {
        let report = invalid_text(&format!("{VALID}{written}"));
        assert_eq!(report.diagnostics.len(), 1, "{report}");
        assert_eq!(
            report.diagnostics[0].message, "TOML syntax: a key nested 90 levels deep",
            "{written}"
        );
        assert_eq!(report.locations(), [at], "{written}");
    }
    // A quoted part is one part, dots and all.
    let quoted = format!("{VALID}\n[extra]\n\"quoted.part\" . {path} = 1\n");
    let report = invalid_text(&quoted);
    assert_eq!(
        report.diagnostics[0].message,
        "TOML syntax: a key nested 91 levels deep"
    );
    assert_eq!(report.locations(), [(29, 1)]);
    // Eighty parts are allowed.
    let eighty = (0..80)
        .map(|i| format!("k{i}"))
        .collect::<Vec<_>>()
        .join(".");
    let report = invalid_text(&format!("{VALID}\n[{eighty}]\nx = 1\n"));
    assert!(
        report.diagnostics[0].message.starts_with("unknown field"),
        "{report}"
    );
}

/// A key at the limit before one past it: the report points at the one
/// past it, not the first long key in the file.
#[test]
fn the_key_past_the_limit_is_the_one_pointed_at() {
    let key = |n: usize| {
        (0..n)
            .map(|i| format!("k{i}"))
            .collect::<Vec<_>>()
            .join(".")
    };
    let text = format!("{VALID}\n[extra]\n{} = 1\n{} = 2\n", key(80), key(81));
    let report = invalid_text(&text);
    let deep = report
        .diagnostics
        .iter()
        .position(|d| d.message == "TOML syntax: a key nested 81 levels deep")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(report.locations()[deep], (30, 1), "{report}");
}

/// `valid.toml` with its `[lookbook]` table given `extra` lines and every
/// `[[bag]]` written `table`.
fn edit_with(extra: &str, table: &str) -> String {
    VALID
        .replace(
            "currency = \"GBP\"\n",
            &format!("currency = \"GBP\"\n{extra}"),
        )
        .replace("[[bag]]", &format!("[[{table}]]"))
}

#[test]
fn the_noun_defaults_to_bag_and_follows_the_file() {
    let bags = valid_text(VALID);
    assert_eq!(
        (bags.nouns.one.as_str(), bags.nouns.many.as_str()),
        ("bag", "bags")
    );
    let sneakers = valid_text(&edit_with("item = \"sneaker\"\n", "item"));
    assert_eq!(sneakers.nouns.count(12), "12 sneakers");
    assert_eq!(sneakers.bags.len(), 2);
    let dresses = valid_text(&edit_with("item = \"dress\"\nitems = \"dresses\"\n", "bag"));
    assert_eq!(dresses.nouns.count(2), "2 dresses");
}

#[test]
fn item_and_bag_tables_in_one_file_are_an_error_at_the_later_one() {
    let mixed = VALID.replacen("[[bag]]", "[[item]]", 1);
    let report = invalid_text(&mixed);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(
        report.diagnostics[0].message,
        "this file has both [[item]] and [[bag]] tables"
    );
    // The [[bag]] (line 14) comes after the [[item]] (line 7).
    assert_eq!(report.locations(), [(14, 1)]);
    // Both kinds were still read: the look's pair resolves, no follow-on errors.
    assert!(!report.to_string().contains("unknown"), "{report}");
}

#[test]
fn a_plural_without_its_singular_and_an_overlong_noun_are_errors() {
    let report = invalid_text(&edit_with("items = \"dresses\"\n", "bag"));
    assert_eq!(report.diagnostics[0].message, "`items` without `item`");
    assert_eq!(report.locations(), [(6, 9)]);
    let long = invalid_text(&edit_with(
        "item = \"extraordinarily long sneaker\"\n",
        "item",
    ));
    assert_eq!(long.diagnostics[0].message, "`item` is 28 columns wide");
    assert!(long.to_string().contains("at most 20 columns"), "{long}");
}

#[test]
fn errors_name_the_table_the_file_uses() {
    let unknown =
        edit_with("item = \"sneaker\"\n", "item").replace("pairs = [\"one\"]", "pairs = [\"zzz\"]");
    let report = invalid_text(&unknown);
    assert_eq!(
        report.diagnostics[0].message,
        "`pairs` names an unknown item id `zzz`"
    );
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("the id of an [[item]] in this file")
    );
    let none = "[lookbook]\ntitle = \"T\"\nsource = \"S\"\ncurrency = \"EUR\"\nitem = \"scarf\"\nitems = \"scarves\"\n";
    let report = invalid_text(none);
    assert_eq!(report.diagnostics[0].message, "the lookbook has no scarves");
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("at least one [[item]] table")
    );
}

#[test]
fn a_yen_price_with_decimals_is_an_error() {
    let yen = VALID.replace("currency = \"GBP\"", "currency = \"JPY\"");
    let report = invalid_text(&yen);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].message, "JPY prices have no decimals");
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("a whole amount, e.g. 49")
    );
    assert_eq!(report.locations(), [(19, 9)]);
    let whole = valid_text(&yen.replace("price = 49.99", "price = 4999"));
    assert_eq!(whole.currency.format(whole.bags[1].price), "¥4,999");
}

#[test]
fn a_url_is_checked_on_load_and_shows_its_host() {
    let with = |url: &str| {
        VALID.replacen(
            "price = 195\n",
            &format!("price = 195\nurl = \"{url}\"\n"),
            1,
        )
    };
    let edit = valid_text(&with("https://www.shop.example/one"));
    let link = edit.bags[0].url.as_ref().expect("a link");
    assert_eq!(
        (link.url.as_str(), link.host.as_str()),
        ("https://www.shop.example/one", "shop.example")
    );
    assert_eq!(edit.bags[1].url, None, "optional");
    let report = invalid_text(&with("http://shop.example/one"));
    assert_eq!(report.diagnostics[0].message, "this `url` cannot be used");
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("`http://` is not allowed: links are https:// only")
    );
    assert_eq!(report.locations(), [(13, 7)]);
}

#[test]
fn the_bundled_edit_invents_no_links() {
    let edit = lookbook::lookbook::bundled();
    assert!(edit.bags.iter().all(|bag| bag.url.is_none()));
}

#[test]
fn every_shape_and_size_is_known_and_a_near_miss_gets_a_guess() {
    let with = |field: &str| VALID.replacen("price = 195\n", &format!("price = 195\n{field}\n"), 1);
    for shape in Shape::ALL {
        for size in Size::ALL {
            let edit = valid_text(&with(&format!("shape = \"{shape}\"\nsize = \"{size}\"")));
            assert_eq!(
                (edit.bags[0].shape, edit.bags[0].size),
                (Some(*shape), Some(*size))
            );
        }
    }
    assert_eq!(Shape::ALL.len(), 19, "eight of the edit's, eleven more");
    for (typo, guess) in [
        ("belt bag", "belt-bag"),
        ("minaudiere", "minaudière"),
        ("satchell", "satchel"),
    ] {
        let report = invalid_text(&with(&format!("shape = \"{typo}\"")));
        let expected = report.diagnostics[0].expected.clone().unwrap_or_default();
        assert!(
            expected.starts_with(&format!("did you mean `{guess}`? one of: top-handle,")),
            "{typo}: {expected}"
        );
    }
    let report = invalid_text(&with("shape = \"trapezoid\""));
    assert!(
        report.diagnostics[0]
            .expected
            .as_deref()
            .is_some_and(|e| e.starts_with("one of:"))
    );
}

// --- boundaries the mutation run found untested ------------------------------

#[test]
fn a_file_of_exactly_the_limit_loads_whole() {
    let file = TempFile::new("at-limit");
    // VALID, padded with a comment to the limit, its last byte the `]`
    // that closes `pairs`: a read one byte short would be a syntax error.
    let body = VALID.trim_end();
    assert!(body.ends_with(']'));
    let (head, tail) = body.split_at(body.rfind("\n[[look]]").expect("a look"));
    let pad = usize::try_from(MAX_FILE_BYTES).unwrap() - body.len() - 3;
    let text = format!("{head}\n#{}\n{tail}", "x".repeat(pad));
    assert_eq!(text.len() as u64, MAX_FILE_BYTES);
    fs::write(&file.0, &text).unwrap();
    let edit = load_path(&file.0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(edit.looks[0].pairs, [0]);
}

#[test]
fn an_over_size_file_says_its_size() {
    let file = TempFile::new("size-said");
    fs::File::create(&file.0)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let message = file_error(&file.0);
    assert!(
        message.ends_with(": is 67108865 bytes, over the 64 MiB limit for a lookbook"),
        "{message}"
    );
}

/// A pipe reports no length: the limit holds on what is read.
#[test]
#[cfg(unix)]
fn a_pipe_past_the_limit_is_refused_as_it_is_read() {
    let file = TempFile::new("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&file.0)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = file.0.clone();
    let writer = std::thread::spawn(move || {
        let mut pipe = fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = vec![b'#'; 1 << 20];
        for _ in 0..=MAX_FILE_BYTES >> 20 {
            if std::io::Write::write_all(&mut pipe, &chunk).is_err() {
                break;
            }
        }
    });
    let message = file_error(&file.0);
    let _ = writer.join();
    assert!(
        message.ends_with(": is over the 64 MiB limit for a lookbook"),
        "{message}"
    );
}

#[test]
#[cfg(unix)]
fn an_unreadable_file_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let file = TempFile::new("unreadable");
    fs::write(&file.0, VALID).unwrap();
    fs::set_permissions(&file.0, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&file.0).is_ok() {
        // Root (CI runs as root) reads anything: the refusal is asked of
        // the binary run as a user who may not read the file.
        denied_to_nobody();
        return;
    }
    let message = file_error(&file.0);
    assert_eq!(
        message,
        format!("error: {}: permission denied", file.0.display())
    );
}

/// A folder of a test's own, removed with what is in it on drop.
#[cfg(unix)]
struct TempDir(PathBuf);

#[cfg(unix)]
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The user and group ids of `nobody`, from /etc/passwd.
#[cfg(unix)]
fn nobody() -> (u32, u32) {
    let passwd = fs::read_to_string("/etc/passwd").expect("/etc/passwd is readable");
    passwd
        .lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| fields.first() == Some(&"nobody"))
        .and_then(|fields| Some((fields.get(2)?.parse().ok()?, fields.get(3)?.parse().ok()?)))
        .expect("as root, this test needs the user `nobody` to drop privileges to")
}

/// As root: `lookbook check` run as `nobody` (uid and gid set, extra
/// groups dropped, by the child before it runs the binary) on a file of
/// mode 000, in a folder `nobody` may enter, says permission denied with
/// the file's path. The binary is a copy in that folder, so `nobody` can
/// run it wherever the build is; a readable file beside the locked one
/// must load, so the refusal is the file's mode and nothing else.
#[cfg(unix)]
fn denied_to_nobody() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let dir = TempDir(std::env::temp_dir().join(format!(
        "lookbook-test-{}-unreadable-as-nobody",
        std::process::id()
    )));
    let _ = fs::remove_dir_all(&dir.0);
    fs::create_dir(&dir.0).expect("a folder");
    let mode = |path: &Path, mode: u32| {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("a mode");
    };
    mode(&dir.0, 0o755);
    let binary = dir.0.join("lookbook");
    fs::copy(env!("CARGO_BIN_EXE_lookbook"), &binary).expect("the binary is copied");
    mode(&binary, 0o755);
    let readable = dir.0.join("readable.toml");
    fs::write(&readable, VALID).expect("written");
    mode(&readable, 0o644);
    let locked = dir.0.join("locked.toml");
    fs::write(&locked, VALID).expect("written");
    mode(&locked, 0o000);

    let (uid, gid) = nobody();
    let check = |file: &Path| {
        let output = Command::new(&binary)
            .arg("check")
            .arg(file)
            .uid(uid)
            .gid(gid)
            .current_dir(&dir.0)
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs as nobody");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (output.status.code(), stderr)
    };
    let (code, said) = check(&readable);
    assert_eq!(
        code,
        Some(0),
        "nobody must load a readable file beside the locked one: {said}"
    );
    let (code, said) = check(&locked);
    assert_eq!(
        said,
        format!("error: {}: permission denied\n", locked.display())
    );
    assert_eq!(code, Some(1), "{said}");
}

#[test]
fn unknown_keys_are_quoted_escaped_and_nothing_else() {
    let report = invalid("escape_in_key");
    assert_eq!(
        report.diagnostics[0].message,
        "unknown field `\\u{1b}[2J` in bag `two`"
    );
    let newline = invalid_text(&format!("{VALID}\"a\\nb\" = 1\n"));
    assert_eq!(
        newline.diagnostics[0].message,
        "unknown field `a\\u{a}b` in look `look`"
    );
}

#[test]
fn an_empty_outfit_is_an_error() {
    let report = invalid_text(&VALID.replace("outfit = [\"jacket\"]", "outfit = []"));
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].message, "`outfit` is empty");
}

#[test]
fn a_long_field_name_is_guessed_from_three_typos_away() {
    let report =
        invalid_text(&VALID.replacen("price = 195\n", "price = 195\nmtrils = [\"a\"]\n", 1));
    assert_eq!(
        report.diagnostics[0].expected.as_deref(),
        Some("did you mean `materials`?")
    );
}

#[test]
fn a_carried_string_is_the_description() {
    let edit = valid_text(VALID);
    assert_eq!(edit.looks[0].carried.description, "a bag");
    assert_eq!(edit.looks[0].carried.shape, None);
}

/// Only a multi-line field turns `\r\n` into a line break; in a one-line
/// field the carriage return is the character at fault.
#[test]
fn a_carriage_return_in_a_one_line_field_is_named() {
    let report = invalid_text(&VALID.replace("name = \"One bag\"", "name = \"One\\r\\nbag\""));
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let message = &report.diagnostics[0].message;
    assert!(message.contains("U+000D"), "{message}");
}

// --- friendlier checks: the last cryptic mistakes, each with a fixture ---

#[test]
fn an_unknown_pair_close_to_a_known_id_gets_a_guess() {
    assert_single(
        "pair_typo",
        "`pairs` names an unknown bag id `tow`",
        (26, 10),
        "did you mean `two`?",
        "pairs = [\"tow\"]",
    );
}

#[test]
fn a_keyword_in_the_wrong_case_is_told_its_case() {
    assert_single(
        "shape_case",
        "unknown shape `Clutch`",
        (13, 9),
        "shapes are lower case: `clutch`",
        "shape = \"Clutch\"",
    );
    assert_single(
        "currency_case",
        "unknown currency `gbp`",
        (5, 12),
        "currency codes are upper case: `GBP`",
        "currency = \"gbp\"",
    );
}

#[test]
fn a_type_error_shows_an_example_of_its_own_field() {
    assert_single(
        "mistyped_colours",
        "wrong type for `colours`: found a string",
        (13, 11),
        "expected a list of strings, e.g. [\"black\"]",
        "colours = \"black\"",
    );
    assert_single(
        "mistyped_materials",
        "wrong type for `materials`: found a string",
        (20, 13),
        "e.g. [\"leather\"]",
        "materials = \"leather\"",
    );
}

#[test]
fn the_same_bag_twice_in_a_look_is_an_error() {
    assert_single(
        "pair_twice",
        "`pairs` names bag `one` twice",
        (26, 24),
        "each bag once",
        "pairs = [\"one\", \"two\", \"one\"]",
    );
}

#[test]
fn pairs_below_the_carried_table_says_why() {
    assert_single(
        "pairs_after_carried",
        "`pairs` is in the [look.carried] table",
        (28, 9),
        "keys after a table header belong to that table: move `pairs` above `[look.carried]`",
        "pairs = [\"one\"]",
    );
}

/// A control character written as an escape is pointed at where it was
/// written: the caret covers the escape itself, whichever escape it is.
#[test]
fn each_escape_of_a_control_character_is_located() {
    let valid = std::fs::read_to_string(fixture("valid")).expect("the fixture");
    for escape in ["\\b", "\\f", "\\e", "\\r", "\\x1b", "\\u001b"] {
        let source = valid.replacen(
            "name = \"One bag\"",
            &format!("name = \"One{escape}bag\""),
            1,
        );
        let report = invalid_text(&source);
        let start = source.find(escape).expect("written");
        assert_eq!(
            report.diagnostics[0].span,
            start..start + escape.len(),
            "{escape}: {report}"
        );
    }
}

/// A tab after a tab counts from where the first one ended.
#[test]
fn tabs_in_a_row_stop_at_each_tab_stop() {
    let source = VALID.replace("price = 49.99\n", "price = 49.99\nnote = \"abc\\t\\td\"\n");
    let lookbook = valid_text(&source);
    assert_eq!(lookbook.bags[1].note.as_deref(), Some("abc     d"));
}

/// Too many combining marks are pointed at the character that carries
/// them, with its marks, not at an earlier character with marks enough.
#[test]
fn a_stack_of_marks_is_located_at_its_own_character() {
    let valid = std::fs::read_to_string(fixture("valid")).expect("the fixture");
    let acute = '\u{301}';
    // e with one mark, a with exactly the most allowed, x with one too many.
    let fine_one = format!("e{acute}");
    let fine_many = format!("a{}", acute.to_string().repeat(4));
    let stacked = format!("x{}", acute.to_string().repeat(5));
    let name = format!("One {fine_one} {fine_many} {stacked} bag");
    let source = valid.replacen("name = \"One bag\"", &format!("name = \"{name}\""), 1);
    let report = invalid_text(&source);
    let start = source.find(&stacked).expect("written");
    assert_eq!(
        report.diagnostics[0].span,
        start..start + stacked.len(),
        "{report}"
    );
}

/// `carried` written as a plain string is its description, nothing drawn.
#[test]
fn carried_as_a_string_is_its_description() {
    let lookbook = valid_text(VALID);
    let carried = &lookbook.looks[0].carried;
    assert_eq!(carried.description, "a bag");
    assert_eq!((carried.shape, carried.size), (None, None));
    assert!(carried.colours.is_empty() && carried.details.is_empty());
}

/// A copy of `tests/fixtures/photos/NAME.toml` in a folder of its own, with
/// the photos its siblings name written beside it (made here: no binary
/// fixtures), and one file just outside it. `test` names the folder, so
/// tests running at once each have their own.
fn photo_fixture(name: &str, test: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!(
        "lookbook-photos-{}-{test}-{name}",
        std::process::id()
    ));
    let folder = root.join("edit");
    let images = folder.join("images");
    std::fs::create_dir_all(&images).expect("a folder");
    let pixels = support::photo::picture;
    pixels(40, 30).save(images.join("one.png")).expect("a PNG");
    pixels(48, 64)
        .save(images.join("look.jpg"))
        .expect("a JPEG");
    pixels(8193, 1)
        .save(images.join("wide.png"))
        .expect("a wide PNG");
    pixels(2, 2)
        .save(root.join("outside.png"))
        .expect("a PNG outside");
    std::fs::write(images.join("notes.png"), "not a picture at all").expect("text");
    std::fs::write(images.join("broken.png"), b"\x89PNG\r\n\x1a\nnothing after").expect("a stub");
    for (made, cut) in [
        ("whole.jpg", "truncated.jpg"),
        ("whole.png", "truncated.png"),
    ] {
        pixels(300, 200).save(images.join(made)).expect("a photo");
        let bytes = std::fs::read(images.join(made)).expect("its bytes");
        std::fs::write(images.join(cut), &bytes[..bytes.len() / 3]).expect("a third of it");
    }
    std::fs::write(images.join("huge.webp"), webp_declaring(12_000, 12_000)).expect("a WebP");
    let heavy = std::fs::File::create(images.join("heavy.png")).expect("a file");
    heavy
        .set_len(10 * 1024 * 1024 + 1)
        .expect("10 MB and a byte");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/photos/{name}.toml"));
    let copy = folder.join(format!("{name}.toml"));
    std::fs::copy(source, &copy).expect("the fixture copied");
    copy
}

/// A lossless WebP whose header says it is `width`x`height`, with no
/// pixels after it: 30 bytes that would decode to hundreds of megabytes.
fn webp_declaring(width: u32, height: u32) -> Vec<u8> {
    let size = (width - 1) | ((height - 1) << 14);
    let mut chunk = vec![0x2f];
    chunk.extend_from_slice(&size.to_le_bytes());
    let mut webp = b"RIFF".to_vec();
    webp.extend_from_slice(&(12 + u32::try_from(chunk.len()).expect("small")).to_le_bytes());
    webp.extend_from_slice(b"WEBPVP8L");
    webp.extend_from_slice(&u32::try_from(chunk.len()).expect("small").to_le_bytes());
    webp.extend_from_slice(&chunk);
    webp
}

#[test]
fn photos_load_with_their_size_and_place() {
    let lookbook = load_path(&photo_fixture("good", "loads")).unwrap_or_else(|e| panic!("{e}"));
    let bag = lookbook.bags[0].image.as_ref().expect("the bag's photo");
    assert_eq!(
        (bag.width, bag.height, bag.written.as_str()),
        (40, 30, "images/one.png")
    );
    assert!(
        bag.file.ends_with("edit/images/one.png"),
        "{}",
        bag.file.display()
    );
    let look = lookbook.looks[0].image.as_ref().expect("the look's photo");
    assert_eq!((look.width, look.height), (48, 64));
    assert!(lookbook.bags[1].image.is_none());
}

/// Each bad photo is an error at its path's line and column, saying what
/// is wrong with it.
#[test]
fn a_bad_photo_is_an_error_at_its_path() {
    for (name, says) in [
        ("missing", "no file `images/none.png` beside the lookbook"),
        (
            "not-an-image",
            "`images/notes.png` is not a PNG, JPEG or WebP image",
        ),
        (
            "too-heavy",
            "`images/heavy.png` is 10485761 bytes, over the 10 MB limit",
        ),
        (
            "too-wide",
            "`images/wide.png` is 8193x1 pixels, over 8192 a side",
        ),
        (
            "outside",
            "`../outside.png` is outside the lookbook's folder",
        ),
        ("broken", "`images/broken.png` is a broken image"),
        // Whole headers, then a third of the data: caught by decoding.
        ("truncated-jpeg", "`images/truncated.jpg` is a broken image"),
        ("truncated-png", "`images/truncated.png` is a broken image"),
        // Too big to decode: said as such, not as broken.
        (
            "huge-webp",
            "`images/huge.webp` is 12000x12000 pixels, over 8192 a side",
        ),
    ] {
        let report = match load_path(&photo_fixture(name, "errors")) {
            Err(LoadError::Invalid(report)) => report,
            other => panic!("{name}: expected content errors, got {other:?}"),
        };
        let text = report.to_string();
        assert_eq!(report.diagnostics.len(), 1, "{name}: {text}");
        assert!(text.contains(says), "{name}: {text}");
        assert!(
            text.contains(&format!("{name}.toml:13:9")),
            "{name}: {text}"
        );
    }
}

/// A path is judged by where it leads: out of the folder and back in is
/// inside; a missing file there is missing, not outside.
#[test]
fn a_photo_path_that_climbs_out_and_back_in_is_inside() {
    let copy = photo_fixture("back-in", "back-in");
    let lookbook = load_path(&copy).unwrap_or_else(|e| panic!("{e}"));
    let photo = lookbook.bags[0].image.as_ref().expect("the bag's photo");
    assert_eq!((photo.width, photo.height), (40, 30));

    let text = std::fs::read_to_string(&copy).expect("the copy");
    std::fs::write(&copy, text.replace("images/one.png", "images/none.png")).expect("written");
    let report = match load_path(&copy) {
        Err(LoadError::Invalid(report)) => report.to_string(),
        other => panic!("expected content errors, got {other:?}"),
    };
    assert!(
        report.contains("error: no file `../edit/images/none.png` beside the lookbook\n"),
        "{report}"
    );
    assert!(report.contains("back-in.toml:13:9"), "{report}");
}

/// A link inside the folder that leads out of it is refused too.
#[cfg(unix)]
#[test]
fn a_photo_linked_from_outside_the_folder_is_refused() {
    let copy = photo_fixture("good", "linked");
    let images = copy.parent().expect("its folder").join("images");
    std::fs::remove_file(images.join("one.png")).expect("removed");
    std::os::unix::fs::symlink("../../outside.png", images.join("one.png")).expect("a link");
    let report = match load_path(&copy) {
        Err(LoadError::Invalid(report)) => report.to_string(),
        other => panic!("expected content errors, got {other:?}"),
    };
    assert!(
        report.contains("`images/one.png` leads outside the lookbook's folder"),
        "{report}"
    );
}
