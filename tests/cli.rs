//! The `lookbook` binary, run as a user would run it: `check`, browsing a
//! file that is not valid, and `--help`. Paths are relative to the crate
//! root, so messages read as they would on a user's machine.

use std::process::{Command, Output, Stdio};

/// Runs the binary in the crate root with stdin closed and stdout/stderr
/// piped, so neither end is a terminal.
fn lookbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lookbook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("the lookbook binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn assert_no_escapes(output: &Output) {
    assert!(
        !output.stdout.contains(&0x1b),
        "escape sequence in stdout: {:?}",
        stdout(output)
    );
    assert!(
        !output.stderr.contains(&0x1b),
        "escape sequence in stderr: {:?}",
        stderr(output)
    );
}

#[test]
fn check_the_bundled_lookbook() {
    let output = lookbook(&["check", "lookbook.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "lookbook.toml: 8 bags, 2 looks, 2 sections\n"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn check_the_minimal_fixture_counts_in_the_singular() {
    let output = lookbook(&["check", "tests/fixtures/valid.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "tests/fixtures/valid.toml: 2 bags, 1 look, 0 sections\n"
    );
}

#[test]
fn check_a_file_with_several_errors_prints_them_all() {
    let output = lookbook(&["check", "tests/fixtures/several_errors.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    let expected = [
        ("unknown currency `XYZ`", 5, 12),
        ("wrong type for `brand`: found an integer", 10, 9),
        ("missing field `name` in bag `two`", 14, 1),
        ("price cannot be negative", 18, 9),
        ("`pairs` names an unknown bag id `three`", 25, 17),
    ];
    let mut last = 0;
    for (message, line, column) in expected {
        let gutter = " ".repeat(line.to_string().len());
        let block = format!(
            "error: {message}\n{gutter}--> tests/fixtures/several_errors.toml:{line}:{column}\n"
        );
        let found = err
            .find(&block)
            .unwrap_or_else(|| panic!("no {block:?} in:\n{err}"));
        assert!(found >= last, "{message} is out of order in:\n{err}");
        last = found;
    }
    assert!(err.contains("5 | currency = \"XYZ\"\n"), "{err}");
    assert!(err.contains("18 | price = -5\n   |         ^^"), "{err}");
    assert!(
        err.ends_with("error: tests/fixtures/several_errors.toml has 5 errors\n"),
        "{err}"
    );
    assert_no_escapes(&output);
}

#[test]
fn check_a_missing_file_is_one_line() {
    let output = lookbook(&["check", "tests/fixtures/no-such-file.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "error: tests/fixtures/no-such-file.toml: no such file\n"
    );
}

#[test]
fn check_a_directory_is_one_line() {
    let output = lookbook(&["check", "tests/fixtures"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: tests/fixtures: is a directory, expected a lookbook .toml file\n"
    );
}

#[test]
fn browsing_an_invalid_file_prints_the_errors_and_leaves_the_terminal_alone() {
    let output = lookbook(&["tests/fixtures/several_errors.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(
        err.contains("error: unknown currency `XYZ`\n --> tests/fixtures/several_errors.toml:5:12"),
        "{err}"
    );
    assert!(
        err.ends_with("error: tests/fixtures/several_errors.toml has 5 errors\n"),
        "{err}"
    );
    assert_no_escapes(&output);
}

#[test]
fn browsing_a_file_with_a_control_character_shows_it_escaped() {
    for fixture in ["escape_control", "bel", "bidi"] {
        let path = format!("tests/fixtures/{fixture}.toml");
        let output = lookbook(&[&path]);
        assert_eq!(output.status.code(), Some(1), "{fixture}");
        assert!(
            stderr(&output).contains(&format!("--> {path}:16:")),
            "{}",
            stderr(&output)
        );
        assert_no_escapes(&output);
        assert!(!stderr(&output).contains('\u{202e}'), "{fixture}");
    }
}

#[test]
fn an_escape_sequence_in_a_key_never_reaches_the_terminal() {
    let output = lookbook(&["check", "tests/fixtures/escape_in_key.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--> tests/fixtures/escape_in_key.toml:20:1"),
        "{:?}",
        stderr(&output)
    );
    assert_no_escapes(&output);
}

#[test]
fn browsing_without_a_terminal_says_so() {
    for args in [&["tests/fixtures/valid.toml"][..], &[][..]] {
        let output = lookbook(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        let err = stderr(&output);
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains("use `lookbook check PATH`"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_no_escapes(&output);
    }
}

#[test]
fn help() {
    let output = lookbook(&["--help"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("Usage: lookbook"), "{out}");
    assert!(out.contains("check"), "{out}");
    assert!(out.contains("[PATH]"), "{out}");
    assert_no_escapes(&output);
}
