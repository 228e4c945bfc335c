//! The `lookbook` binary, run as a user would run it: `check`, browsing a
//! file that is not valid, and `--help`. Paths are relative to the crate
//! root, so messages read as they would on a user's machine.

use std::process::{Command, Output, Stdio};

use support::tmux::{Tmux, drawn, e2e_possible};

mod support;

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

/// A folder of its own for a test, emptied first.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lookbook-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    dir
}

const VALID: &str = include_str!("fixtures/valid.toml");

/// A folder is every `.toml` file in it, in name order, as `browse` and
/// `serve` take it; a folder with none is one line.
#[test]
fn check_a_folder_checks_each_lookbook_in_it() {
    let dir = scratch("check-folder");
    std::fs::write(dir.join("b.toml"), VALID.replace("49.99", "129,00")).expect("written");
    std::fs::write(dir.join("a.toml"), VALID).expect("written");
    std::fs::write(dir.join("notes.txt"), "not a lookbook").expect("written");
    let folder = dir.display().to_string();
    let output = lookbook(&["check", &folder]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!("{folder}/a.toml: 2 bags, 1 look, 0 sections\n")
    );
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "error: price `129,00` has a comma, which a TOML number cannot have\n  --> {folder}/b.toml:19:9\n"
        )),
        "{err}"
    );
    assert!(err.contains("^^^^^^ write 129.00\n"), "{err}");
    assert!(err.ends_with("b.toml has 1 error\n"), "{err}");

    std::fs::remove_file(dir.join("b.toml")).expect("removed");
    let clean = lookbook(&["check", &folder]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));

    let empty = scratch("check-empty-folder");
    let output = lookbook(&["check", &empty.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: no .toml files in this folder\n",
            empty.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
}

/// Several files: each one that loads is summed up, every broken one's
/// errors are printed, and one broken file fails the check.
#[test]
fn check_several_files_fails_on_the_broken_one() {
    let output = lookbook(&[
        "check",
        "lookbook.toml",
        "tests/fixtures/price_decimals.toml",
        "tests/fixtures/valid.toml",
        "tests/fixtures/no-such-file.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "lookbook.toml: 8 bags, 2 looks, 2 sections\n\
         tests/fixtures/valid.toml: 2 bags, 1 look, 0 sections\n"
    );
    let err = stderr(&output);
    assert!(
        err.starts_with(
            "error: price `49.999` has more than two decimals or an exponent\n  \
             --> tests/fixtures/price_decimals.toml:19:9\n"
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "error: tests/fixtures/price_decimals.toml has 1 error\n\
             error: tests/fixtures/no-such-file.toml: no such file\n"
        ),
        "{err}"
    );
    assert_no_escapes(&output);

    let clean = lookbook(&["check", "lookbook.toml", "tests/fixtures/valid.toml"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert_eq!(stderr(&clean), "");
}

/// `--deny-warnings` fails a check that has only warnings, after showing
/// them; without it they pass (see `check_warns_of_a_colour_it_cannot_draw`).
#[test]
fn check_deny_warnings_fails_on_a_warning() {
    let output = lookbook(&[
        "check",
        "--deny-warnings",
        "tests/fixtures/undrawable_colour.toml",
        "lookbook.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "tests/fixtures/undrawable_colour.toml: 2 bags, 1 look, 0 sections\n\
         lookbook.toml: 8 bags, 2 looks, 2 sections\n"
    );
    let err = stderr(&output);
    assert!(
        err.starts_with("warning: colour `burgandy` is not one we can draw\n"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "has 1 warning\nerror: 1 warning, and --deny-warnings fails the check on any\n"
        ),
        "{err}"
    );
    let clean = lookbook(&["check", "--deny-warnings", "lookbook.toml"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
}

/// `--format json`: one array on stdout of every error and warning, each
/// with the same six fields, and nothing on stderr.
#[test]
fn check_json_lists_every_diagnostic_of_every_file() {
    let output = lookbook(&[
        "check",
        "--format",
        "json",
        "lookbook.toml",
        "tests/fixtures/undrawable_colour.toml",
        "tests/fixtures/several_errors.toml",
        "tests/fixtures/no-such-file.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");
    let found: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let found = found.as_array().expect("an array");
    for object in found {
        let mut keys: Vec<&str> = object
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["column", "file", "hint", "line", "message", "severity"]
        );
    }
    let row = |object: &serde_json::Value| {
        (
            object["file"].as_str().expect("a file").to_string(),
            object["line"].as_u64(),
            object["column"].as_u64(),
            object["severity"].as_str().expect("a severity").to_string(),
        )
    };
    let rows: Vec<_> = found.iter().map(row).collect();
    let at = |file: &str, line, column, severity: &str| {
        (
            format!("tests/fixtures/{file}.toml"),
            line,
            column,
            severity.to_string(),
        )
    };
    assert_eq!(
        rows,
        [
            at("undrawable_colour", Some(13), Some(12), "warning"),
            at("several_errors", Some(5), Some(12), "error"),
            at("several_errors", Some(10), Some(9), "error"),
            at("several_errors", Some(14), Some(1), "error"),
            at("several_errors", Some(18), Some(9), "error"),
            at("several_errors", Some(25), Some(17), "error"),
            at("no-such-file", None, None, "error"),
        ]
    );
    assert_eq!(
        found[0]["message"],
        "colour `burgandy` is not one we can draw"
    );
    assert!(
        found[0]["hint"]
            .as_str()
            .is_some_and(|hint| hint.contains("`burgundy`"))
    );
    assert_eq!(found[4]["message"], "price cannot be negative");
    assert_eq!(found[6]["message"], "no such file");
    assert!(found[6]["hint"].is_null());

    let clean = lookbook(&["check", "--format", "json", "lookbook.toml"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "[]\n");
    let denied = lookbook(&[
        "check",
        "--format",
        "json",
        "--deny-warnings",
        "tests/fixtures/undrawable_colour.toml",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    assert_eq!(stderr(&denied), "");
    let warnings: serde_json::Value = serde_json::from_str(&stdout(&denied)).expect("JSON");
    assert_eq!(warnings[0]["severity"], "warning");
}

/// A command line that does not parse is status 2, as clap's own errors.
#[test]
fn check_usage_errors_exit_with_status_2() {
    for args in [
        &["check"][..],
        &["check", "--format", "xml", "lookbook.toml"],
        &["check", "--deny-warnings"],
    ] {
        let output = lookbook(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
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
    assert!(
        out.contains("Usage: lookbook [OPTIONS] [PATH]...\n       lookbook <COMMAND>"),
        "{out}"
    );
    for command in ["check", "render", "screenshots", "serve"] {
        assert!(
            out.lines()
                .any(|line| line.trim_start().starts_with(command)),
            "{command} is listed:\n{out}"
        );
    }
    assert!(out.contains("--mouse"), "{out}");
    // It speaks of lookbooks in general, naming the bundled edit only as
    // the default.
    assert!(out.starts_with("Browse a lookbook"), "{out}");
    assert!(
        out.contains("With no PATH, browses the bundled edit, \"The mini bag edit\"."),
        "{out}"
    );
    assert_eq!(out.matches("mini").count(), 1, "{out}");
    assert_eq!(stderr(&output), "");
    assert_no_escapes(&output);
}

#[test]
fn check_speaks_of_the_edits_own_items() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sneaker_edit.toml"
    );
    let output = lookbook(&["check", path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{path}: 12 sneakers, 3 looks, 2 sections\n")
    );
}

#[test]
fn render_draws_the_screen_after_the_keys_as_text() {
    let output = lookbook(&["render", "--size", "50x20", "--keys", "j Tab"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The same frame the snapshot tests see (screens__detail_focused_50x20).
    let mut app = lookbook::app::App::new(std::sync::Arc::new(lookbook::lookbook::bundled()));
    let keys = lookbook::app::keymap::parse_keys("j Tab").expect("known keys");
    let size = lookbook::render::Size {
        width: 50,
        height: 20,
    };
    let expected = lookbook::render::text(&lookbook::render::after_keys(
        &mut app,
        &lookbook::ui::theme::Theme::ansi(),
        &keys,
        size,
    ));
    assert_eq!(stdout(&output), expected);
    assert_no_escapes(&output);
}

/// What the library draws for `keys` on `lookbook` at `width`×`height`,
/// encoded as `format`: what the binary must print.
fn expected_frame(
    path: Option<&str>,
    keys: &str,
    (width, height): (u16, u16),
    format: lookbook::render::Format,
) -> Vec<u8> {
    let book = match path {
        Some(path) => lookbook::lookbook::load_path(std::path::Path::new(path))
            .unwrap_or_else(|error| panic!("{error}")),
        None => lookbook::lookbook::bundled(),
    };
    let title = lookbook::render::picture_title(&book.title, &format!("{width}x{height}"));
    let mut app = lookbook::app::App::new(std::sync::Arc::new(book));
    let keys = lookbook::app::keymap::parse_keys(keys).expect("known keys");
    let buffer = lookbook::render::after_keys(
        &mut app,
        &lookbook::ui::theme::Theme::ansi(),
        &keys,
        lookbook::render::Size { width, height },
    );
    let picture = lookbook::render::Picture {
        palette: &lookbook::render::Palette::LOOKBOOK,
        title: &title,
        fonts: &[],
        photos: &[],
    };
    lookbook::render::encode(&buffer, format, &picture).expect("the frame encodes")
}

#[test]
fn render_reads_a_lookbook_file_and_every_format() {
    use lookbook::render::Format;
    let path = "tests/fixtures/valid.toml";
    for (name, format) in [
        ("text", Format::Text),
        ("ansi", Format::Ansi),
        ("svg", Format::Svg),
    ] {
        let output = lookbook(&[
            "render", path, "--size", "30x10", "--keys", "j", "--format", name,
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            stdout(&output),
            String::from_utf8(expected_frame(Some(path), "j", (30, 10), format))
                .expect("text formats are UTF-8"),
            "{name}"
        );
        assert_eq!(stderr(&output), "", "{name}");
    }
}

#[test]
fn render_writes_a_png_named_by_its_extension() {
    let path = std::env::temp_dir().join(format!("lookbook-cli-{}.png", std::process::id()));
    let path_arg = path.to_string_lossy().to_string();
    let output = lookbook(&[
        "render", "--size", "30x10", "--keys", "?", "--out", &path_arg,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "a file was asked for, not stdout");
    let png = std::fs::read(&path).expect("the PNG was written");
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        png,
        expected_frame(None, "?", (30, 10), lookbook::render::Format::Png),
        "the PNG of the help overlay at 30x10"
    );
}

#[test]
fn render_types_quoted_words() {
    // A quoted word types its letters, as if named one by one.
    let typed = lookbook(&["render", "--size", "40x12", "--keys", "'jj' Tab"]);
    let named = lookbook(&["render", "--size", "40x12", "--keys", "j j Tab"]);
    assert_eq!(typed.status.code(), Some(0), "{}", stderr(&typed));
    assert_eq!(stdout(&typed), stdout(&named));
}

#[test]
fn render_rejects_unknown_keys_and_nonsense_sizes_with_usage_errors() {
    let output = lookbook(&["render", "--keys", "j Hyper-x"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown key `Hyper-x`"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
    for (size, message) in [
        ("0x10", "width 0 is out of range: 1 to 400 cells"),
        ("120x201", "height 201 is out of range: 1 to 200 cells"),
        (
            "big",
            "size `big` is not WIDTHxHEIGHT in cells, e.g. 120x40",
        ),
    ] {
        let output = lookbook(&["render", "--size", size]);
        assert_eq!(output.status.code(), Some(2), "{size}");
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }
    let output = lookbook(&["render", "--format", "gif"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("invalid value 'gif' for '--format <FORMAT>'")
            && err.contains("[possible values: text, ansi, svg, png]"),
        "{err}"
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn render_of_an_invalid_lookbook_prints_its_errors() {
    let output = lookbook(&["render", "tests/fixtures/unknown_size.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("unknown size"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn render_sizes_from_one_cell_to_the_largest() {
    for (size, cells) in [("1x1", (1, 1)), ("400x200", (400, 200))] {
        let output = lookbook(&["render", "--size", size]);
        assert_eq!(output.status.code(), Some(0), "{size}: {}", stderr(&output));
        let out = stdout(&output);
        assert_eq!(out.lines().count(), cells.1, "{size}: one line a row");
        assert!(
            out.lines()
                .all(|line| unicode_width::UnicodeWidthStr::width(line) == cells.0),
            "{size}: every row is as wide as the screen"
        );
    }
}

/// Runs the binary as `lookbook()` does, with `stdout` as its stdout.
fn lookbook_writing_to(args: &[&str], stdout: impl Into<Stdio>) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lookbook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the lookbook binary runs")
}

/// The write end of a pipe whose reader is already gone, as when
/// `| head -1` has read its line and exited: every write fails with a
/// broken pipe, with no race against the reader.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    writer
}

#[test]
fn output_into_a_closed_pipe_exits_quietly() {
    for args in [
        &["check", "lookbook.toml"][..],
        &["render"],
        &["render", "--format", "svg"],
        &["--help"],
    ] {
        let output = lookbook_writing_to(args, closed_pipe());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_says_so_in_one_line() {
    for args in [&["render"][..], &["check", "lookbook.toml"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full opens");
        let output = lookbook_writing_to(args, full);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr(&output);
        assert!(
            err.starts_with("error: cannot write to stdout: No space left on device"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn screenshots_into_a_directory_that_cannot_be_made_say_so() {
    // A path under a regular file can never be a directory, even for root.
    let file = std::env::temp_dir().join(format!("lookbook-cli-shots-{}", std::process::id()));
    std::fs::write(&file, "not a directory").expect("a temporary file");
    let out = file.join("screenshots");
    let output = lookbook(&["screenshots", "--out", &out.to_string_lossy()]);
    let _ = std::fs::remove_file(&file);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!("error: cannot create {}: ", out.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_shortlist_printed_on_quit_survives_a_closed_pipe_and_a_full_disk() {
    if !e2e_possible(&["tmux"]) {
        return;
    }
    let tmux = Tmux::new("cli");
    let bin = env!("CARGO_BIN_EXE_lookbook");
    // The screen is drawn on stderr, the pane's terminal; only stdout is
    // redirected. `true` has exited long before a key quits the app.
    for (session, stdout, status) in [
        ("closed", "| true", "${PIPESTATUS[0]}"),
        ("full", "> /dev/full", "$?"),
    ] {
        let script = format!("'{bin}' {stdout}; echo \"lookbook-exit={status}\"; sleep 600");
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "120",
            "-y",
            "40",
            "bash",
            "-c",
            &script,
        ]);
        tmux.wait_for_screen(
            session,
            "the browser's first frame",
            &drawn(lookbook::lookbook::bundled(), "", 120, 40),
        );
        // Pick the selected bag, so there is a shortlist to print, and quit.
        tmux.run(&["send-keys", "-t", session, "Space", "q"]);
        // bash says how lookbook exited once it is gone: all it wrote is in.
        let screen = tmux.wait_for_frame(session, "the exit", |s| s.contains("lookbook-exit="));
        assert!(!screen.contains("panicked"), "{session}:\n{screen}");
        if session == "closed" {
            assert!(screen.contains("lookbook-exit=0"), "{session}:\n{screen}");
        } else {
            assert!(screen.contains("lookbook-exit=1"), "{session}:\n{screen}");
            assert!(
                screen.contains("error: cannot write to stdout: No space left on device"),
                "{session}:\n{screen}"
            );
        }
    }
}

#[test]
fn render_refuses_an_extension_it_cannot_write_and_a_contradiction() {
    let dir = std::env::temp_dir().join(format!("lookbook-cli-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let jpg = dir.join("x.jpg");
    let output = lookbook(&["render", "--out", &jpg.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: --out: lookbook writes .txt .ansi .svg .png, not .jpg"
    );
    assert!(!jpg.exists(), "nothing written");
    let png = dir.join("x.png");
    let png_arg = png.display().to_string();
    let output = lookbook(&["render", "--format", "svg", "--out", &png_arg]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--format svg contradicts --out"),
        "{}",
        stderr(&output)
    );
    assert!(!png.exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `serve` with one broken file among several refuses to start: every
/// broken file's errors, exit 1, and no server (no host key made, nothing
/// listening). Browsing the same files fails the same way, before the
/// terminal is touched.
#[test]
fn one_broken_edit_among_several_stops_the_start() {
    let key = std::env::temp_dir().join(format!("lookbook-cli-broken-{}", std::process::id()));
    let key_arg = key.display().to_string();
    let files = [
        "tests/fixtures/valid.toml",
        "tests/fixtures/unknown_size.toml",
        "tests/fixtures/price_string.toml",
    ];
    let mut serve = vec!["serve", "--listen", "127.0.0.1:0", "--host-key", &key_arg];
    serve.extend(files);
    for args in [serve, files.to_vec()] {
        let output = lookbook(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(stdout(&output), "");
        let err = stderr(&output);
        assert!(
            err.contains("--> tests/fixtures/unknown_size.toml:")
                && err.contains("--> tests/fixtures/price_string.toml:"),
            "both files' errors:\n{err}"
        );
        assert!(!err.contains("valid.toml"), "not the good one:\n{err}");
        assert!(!err.contains("listening"), "{err}");
        assert_no_escapes(&output);
    }
    assert!(!key.exists(), "the server never started");
}

#[test]
fn two_files_of_one_name_are_refused() {
    let dir = std::env::temp_dir().join(format!("lookbook-cli-twice-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("x")).expect("a folder");
    let (one, two) = (dir.join("valid.toml"), dir.join("x/valid.toml"));
    for file in [&one, &two] {
        std::fs::copy("tests/fixtures/valid.toml", file).expect("copied");
    }
    let output = lookbook(&[&one.display().to_string(), &two.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with(
            "are both named `valid`: an edit is opened by its file's name, so rename one\n"
        ),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `lookbook new` writes a starter that checks; it never overwrites a
/// file, and a missing folder is an error, not made.
#[test]
fn new_writes_a_starter_once() {
    let dir = std::env::temp_dir().join(format!("lookbook-cli-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join("party.toml");
    let path = file.display().to_string();
    let output = lookbook(&["new", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(&format!("{path}: a starter lookbook")));
    let check = lookbook(&["check", &path]);
    assert_eq!(
        stdout(&check),
        format!("{path}: 1 bag, 1 look, 1 section\n")
    );

    std::fs::write(&file, "mine").expect("the author's own text");
    let again = lookbook(&["new", &path]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        stderr(&again),
        format!("error: {path} already exists; lookbook new never overwrites a file\n")
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");

    let nowhere = dir.join("no-such-folder/x.toml").display().to_string();
    let missing = lookbook(&["new", &nowhere]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no-such-folder: no such folder; make it first"));
    assert!(!dir.join("no-such-folder").exists());

    let schema = lookbook(&["schema"]);
    assert_eq!(schema.status.code(), Some(0));
    assert!(
        stdout(&schema)
            .starts_with("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\"")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A colour we cannot draw is a warning: the check passes (exit 0), the
/// summary comes first, and the warning says where, the name it misspells,
/// and that `#rrggbb` draws any other colour.
#[test]
fn check_warns_of_a_colour_it_cannot_draw() {
    let output = lookbook(&["check", "tests/fixtures/undrawable_colour.toml"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "tests/fixtures/undrawable_colour.toml: 2 bags, 1 look, 0 sections\n"
    );
    let err = stderr(&output);
    assert!(
        err.starts_with(
            "warning: colour `burgandy` is not one we can draw\n  --> tests/fixtures/undrawable_colour.toml:13:12\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "^^^^^^^^^^ the drawing leaves it out: did you mean `burgundy`? or write `#rrggbb` for any other colour\n"
        ),
        "{err}"
    );
    assert!(err.ends_with("has 1 warning\n"), "{err}");
    assert_no_escapes(&output);
}
