//! A bag's `url` (issue 15): an OSC 8 hyperlink in the detail pane, whose
//! visible text is the shop's host. The sequence rides in the cells, so it
//! must leave ratatui's diffing and every cell's width as they were: the
//! screen a terminal ends up with, frame after frame, is the frame drawn.
//! Checked through ratatui's real crossterm backend into vt100 (which, like
//! a terminal without OSC 8, ignores the sequence), and with the real
//! binary in a real tmux.

mod support;

use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::lookbook::{Lookbook, load_path};
use lookbook::render::{self, Format, Palette, Size};
use lookbook::ui;
use lookbook::ui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::tmux::{Tmux, e2e_possible, trimmed};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sneaker_edit.toml"
);
const URL: &str = "https://www.shop-a.example/court-one?size=38#details";
const OSC8: &str = "\x1b]8;;https://www.shop-a.example/court-one?size=38#details\x1b\\";

fn sneakers() -> Arc<Lookbook> {
    Arc::new(load_path(Path::new(FIXTURE)).unwrap_or_else(|e| panic!("{e}")))
}

/// The frame headless, as text: what the screen must read.
fn expected(edit: &Arc<Lookbook>, keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::clone(edit));
    let keys = parse_keys(keys).expect("keys");
    let frame = render::after_keys(&mut app, &Theme::ansi(), &keys, Size { width, height });
    trimmed(&render::text(&frame))
}

#[test]
fn the_detail_shows_the_host_and_text_frames_only_the_text() {
    let screen = expected(&sneakers(), "", 120, 40);
    assert!(screen.contains("│ Link      shop-a.example"), "{screen}");
    assert!(!screen.contains('\x1b'), "{screen}");
    // The bundled edit gives no links, and shows no Link row.
    let bundled = Arc::new(lookbook::lookbook::bundled());
    assert!(!expected(&bundled, "", 120, 40).contains("Link "));
}

/// Bytes ratatui's crossterm backend writes, kept for reading.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn links_leave_ratatuis_diffing_and_widths_intact_in_vt100() {
    let (width, height) = (120, 40);
    let edit = sneakers();
    let wire = Wire::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(wire.clone()), options).expect("a terminal");
    let mut vt = vt100::Parser::new(
        NonZeroU16::new(height).expect("rows"),
        NonZeroU16::new(width).expect("columns"),
        0,
    );
    let mut app = App::new(Arc::clone(&edit));
    app.handle(lookbook::app::Action::Resize { width, height });
    let theme = Theme::ansi();
    let mut typed = String::new();
    // Away from the linked bag and back, an overlay over the link and
    // gone, the detail focused and scrolled, the list narrowed.
    for keys in [
        "", "j", "k", "?", "?", "Tab", "j j", "k k", "S-Tab", "j k", "/ r", "Esc",
    ] {
        for key in parse_keys(keys).expect("keys") {
            app.handle_key(key);
        }
        typed = format!("{typed} {keys}");
        wire.0.borrow_mut().clear();
        terminal
            .draw(|frame| {
                let drawn = ui::draw(frame, &app, &theme);
                app.observe(drawn);
            })
            .expect("drawn");
        let bytes = wire.0.borrow().clone();
        vt.process(&bytes);
        let screen: Vec<String> = vt.screen().rows(0, width).collect();
        assert_eq!(
            trimmed(&screen.join("\n")),
            expected(&edit, typed.trim(), width, height),
            "after `{typed}`"
        );
        let sent = String::from_utf8_lossy(&bytes);
        if keys == "k" {
            // Back on the linked bag: its host is sent as a link, a cell
            // at a time, nothing else inside the sequence.
            assert_eq!(
                sent.matches(OSC8).count(),
                "shop-a.example".len(),
                "{sent:?}"
            );
        }
        if app.overlay().is_some() {
            // The help overlay covers the pane: no link under it.
            assert!(!sent.contains("\x1b]8;;https"), "{sent:?}");
        }
        if keys == "?" && app.overlay().is_none() {
            // Help closed: the link's cells are drawn again, linked.
            assert!(sent.contains(OSC8), "{sent:?}");
        }
    }
}

#[test]
fn svg_makes_the_link_an_anchor_and_png_draws_it() {
    let edit = sneakers();
    let mut app = App::new(Arc::clone(&edit));
    let frame = render::after_keys(
        &mut app,
        &Theme::ansi(),
        &[],
        Size {
            width: 120,
            height: 40,
        },
    );
    let picture = render::Picture {
        palette: &Palette::LOOKBOOK,
        title: "links",
        fonts: &[],
        photos: &[],
    };
    let svg = String::from_utf8(render::encode(&frame, Format::Svg, &picture).expect("svg"))
        .expect("utf-8");
    let anchor = format!("<a href=\"{}\">", URL.replace('&', "&amp;"));
    assert_eq!(svg.matches(&anchor).count(), 1, "{svg}");
    let linked = svg
        .split(&anchor)
        .nth(1)
        .and_then(|rest| rest.split("</a>").next());
    assert!(
        linked.is_some_and(|text| text.ends_with(">shop-a.example</text>")),
        "{linked:?}"
    );
    assert!(!svg.contains('\x1b'));
    let png = render::encode(&frame, Format::Png, &picture).expect("png");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn links_leave_the_screen_intact_in_tmux() {
    if !e2e_possible(&["tmux"]) {
        return;
    }
    let (width, height) = (120, 40);
    let edit = sneakers();
    let tmux = Tmux::new("links");
    let binary = env!("CARGO_BIN_EXE_lookbook");
    tmux.start(
        "t",
        width,
        height,
        &format!("env TERM=xterm-256color {binary} --no-watch {FIXTURE}"),
    );
    // The first round types nothing: it waits for the first frame.
    let mut typed = String::new();
    for keys in ["", "j", "k", "?", "?", "Tab", "j j"] {
        for key in keys.split_whitespace() {
            tmux.run(&["send-keys", "-t", "t", key]);
        }
        typed = format!("{typed} {keys}");
        let want = expected(&edit, typed.trim(), width, height);
        tmux.wait_for_screen("t", &format!("the frame after `{typed}`"), &want);
    }
}
