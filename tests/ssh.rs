//! `lookbook serve`, in process: a russh client connects to a server on
//! 127.0.0.1, and a vt100 parser rebuilds the client's screen from the
//! bytes, which must equal the same app drawn headless.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lookbook::app::App;
use lookbook::app::keymap::parse_keys;
use lookbook::library::{Catalogue, Change, EditFile, LiveCatalogue};
use lookbook::lookbook::{Lookbook, bundled, parse};
use lookbook::render;
use lookbook::ssh::{self, Settings};
use lookbook::ssh::{Limits, Tracker};
use lookbook::ui::theme::Theme;
use russh::client::{self, Handle};
use russh::{Channel, ChannelMsg};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;
use tokio::time::{Instant, sleep, timeout};

/// Every wait in these tests ends by this, pass or fail.
mod support;

const LIMIT: Duration = Duration::from_secs(20);

// The trusting client the SSH benchmarks use (each server makes a fresh key).
#[path = "../benches/support/client.rs"]
mod trusting;
use trusting::Client;

struct Running {
    addr: SocketAddr,
    tracker: Tracker,
    /// Where a watcher's reloads go, to reach every session.
    live: LiveCatalogue,
    /// What `--metrics` would serve, now.
    scrape: Box<dyn Fn() -> String + Send + Sync>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
}

impl Running {
    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        timeout(LIMIT, &mut self.done)
            .await
            .expect("the server stops in time")
            .expect("the server task ends cleanly");
    }
}

fn key_path(name: &str) -> PathBuf {
    std::env::temp_dir()
        .join(format!("lookbook-ssh-test-{}", std::process::id()))
        .join(name)
}

/// A server of the bundled edit on 127.0.0.1 with `tweak`ed settings.
async fn serve(name: &str, tweak: impl FnOnce(&mut Settings)) -> Running {
    serve_edit(name, bundled(), tweak).await
}

async fn serve_edit(name: &str, edit: Lookbook, tweak: impl FnOnce(&mut Settings)) -> Running {
    let entry = EditFile::new("edit".into(), Some("edit.toml".into()), edit);
    serve_catalogue(name, Catalogue::new(vec![entry]), tweak).await
}

/// A server of the edits in `catalogue`.
async fn serve_catalogue(
    name: &str,
    catalogue: Catalogue,
    tweak: impl FnOnce(&mut Settings),
) -> Running {
    let listen: SocketAddr = "127.0.0.1:0".parse().expect("an address");
    let mut settings = Settings::new(listen, key_path(name));
    settings.limits = Limits {
        max_sessions: 64,
        max_per_ip: 64,
        per_ip_per_minute: 1000,
        ..Limits::default()
    };
    tweak(&mut settings);
    let metrics = ssh::Metrics::default();
    let server = ssh::bind(settings, ssh::live_catalogue(catalogue, &metrics), metrics)
        .await
        .expect("the server binds");
    let addr = server.local_addr();
    let tracker = server.tracker();
    let scrape = Box::new(server.scraper());
    let live = server.live_catalogue();
    let (stop, stopped) = oneshot::channel::<()>();
    let done = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    Running {
        addr,
        tracker,
        live,
        scrape,
        stop: Some(stop),
        done,
    }
}

/// A client's terminal: what the server sent, as a screen.
struct Term {
    session: Handle<Client>,
    channel: Channel<client::Msg>,
    screen: vt100::Parser,
    /// Every byte the session sent, for what the screen does not keep
    /// (escape sequences vt100 ignores, such as OSC 8 links).
    received: Vec<u8>,
    stderr: String,
    exit_status: Option<u32>,
    closed: bool,
    failures: usize,
}

impl Term {
    async fn connect(addr: SocketAddr, width: u16, height: u16) -> Term {
        Term::connect_from(Ipv4Addr::LOCALHOST.into(), addr, width, height).await
    }

    /// Connects from `source`, one of the loopback addresses.
    async fn connect_from(source: IpAddr, addr: SocketAddr, width: u16, height: u16) -> Term {
        Term::connect_as("demo", source, addr, width, height).await
    }

    /// Connects as `user`, which names the edit to open.
    async fn connect_as(
        user: &str,
        source: IpAddr,
        addr: SocketAddr,
        width: u16,
        height: u16,
    ) -> Term {
        let stream = tcp_from(source, addr).await;
        // TCP_NODELAY, as OpenSSH sets for interactive sessions.
        stream.set_nodelay(true).expect("nodelay");
        let config = Arc::new(client::Config::default());
        let mut session = client::connect_stream(config, stream, Client)
            .await
            .expect("connects");
        let auth = session.authenticate_none(user).await.expect("auth runs");
        assert!(auth.success(), "a public demo lets `none` in");
        let channel = session.channel_open_session().await.expect("a session");
        Term {
            session,
            channel,
            screen: vt100::Parser::new(nonzero(height), nonzero(width), 0),
            received: Vec::new(),
            stderr: String::new(),
            exit_status: None,
            closed: false,
            failures: 0,
        }
    }

    /// Connects, asks for a PTY of this size and a shell.
    async fn open(addr: SocketAddr, width: u16, height: u16) -> Term {
        Term::open_from(Ipv4Addr::LOCALHOST.into(), addr, width, height).await
    }

    async fn open_from(source: IpAddr, addr: SocketAddr, width: u16, height: u16) -> Term {
        Term::open_as("demo", source, addr, width, height).await
    }

    /// Opens a session as `user`.
    async fn open_as(
        user: &str,
        source: IpAddr,
        addr: SocketAddr,
        width: u16,
        height: u16,
    ) -> Term {
        let term = Term::connect_as(user, source, addr, width, height).await;
        term.channel
            .request_pty(false, "xterm", width.into(), height.into(), 0, 0, &[])
            .await
            .expect("pty");
        term.channel.request_shell(false).await.expect("shell");
        term
    }

    async fn keys(&self, bytes: &[u8]) {
        self.channel.data(bytes).await.expect("keys sent");
    }

    async fn resize(&mut self, width: u16, height: u16) {
        self.screen
            .screen_mut()
            .set_size(nonzero(height), nonzero(width));
        self.channel
            .window_change(width.into(), height.into(), 0, 0)
            .await
            .expect("window change sent");
    }

    /// Reads what the server sends until `done` holds (or the channel
    /// closes); false if it never did within the limit.
    async fn until(&mut self, done: impl Fn(&Term) -> bool) -> bool {
        let deadline = Instant::now() + LIMIT;
        while !done(self) {
            if self.closed {
                return false;
            }
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => return false,
                Ok(None) => self.closed = true,
                Ok(Some(message)) => self.take(message),
            }
        }
        true
    }

    fn take(&mut self, message: ChannelMsg) {
        match message {
            ChannelMsg::Data { data } => {
                self.screen.process(&data);
                self.received.extend_from_slice(&data);
            }
            ChannelMsg::ExtendedData { data, .. } => {
                self.stderr.push_str(&String::from_utf8_lossy(&data));
            }
            ChannelMsg::ExitStatus { exit_status } => self.exit_status = Some(exit_status),
            ChannelMsg::Close => self.closed = true,
            ChannelMsg::Failure => self.failures += 1,
            _ => {}
        }
    }

    /// The screen as text, one line per row, right-trimmed.
    fn text(&self) -> String {
        let screen = self.screen.screen();
        let (_, width) = screen.size();
        let width = width.get();
        screen
            .rows(0, width)
            .map(|row| row.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Waits until the screen shows exactly what the app shows after `keys`
    /// at the current size.
    async fn shows(&mut self, keys: &str) -> bool {
        let (height, width) = self.screen.screen().size();
        let expected = headless(keys, width.get(), height.get());
        self.until(|term| term.text() == expected).await
    }
}

/// A TCP connection from `source` (any of 127.0.0.0/8 is this machine).
async fn tcp_from(source: IpAddr, addr: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind(SocketAddr::new(source, 0))
        .expect("binds a loopback address");
    socket.connect(addr).await.expect("tcp connects")
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

/// The app drawn headless after `keys`, trimmed like [`Term::text`].
fn headless(keys: &str, width: u16, height: u16) -> String {
    drawn(bundled(), &Theme::ansi(), keys, width, height)
}

/// The app on `lookbook` in `theme`, drawn headless after `keys`, trimmed
/// like [`Term::text`]: the whole frame a client must show.
fn drawn(lookbook: Lookbook, theme: &Theme, keys: &str, width: u16, height: u16) -> String {
    let mut app = App::new(Arc::new(lookbook));
    let keys = parse_keys(keys).expect("known key names");
    let size = render::Size { width, height };
    render::text(&render::after_keys(&mut app, theme, &keys, size))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

async fn eventually(what: &str, check: impl Fn() -> bool) {
    let deadline = Instant::now() + LIMIT;
    while !check() {
        assert!(Instant::now() < deadline, "never: {what}");
        sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browse_navigate_resize_and_quit() {
    let server = serve("browse", |_| {}).await;
    let mut term = Term::open(server.addr, 120, 40).await;

    assert!(term.shows("").await, "first screen:\n{}", term.text());
    assert!(term.text().contains("Nano Mayfair bag"));
    let before = term.text();

    term.keys(b"j").await;
    assert!(term.shows("j").await, "after j:\n{}", term.text());
    assert_ne!(term.text(), before, "j changes the detail pane");
    assert!(term.text().contains("│ First Nano bag"), "{}", term.text());

    // An arrow split across two packets is still one Down.
    term.keys(b"\x1b[").await;
    term.keys(b"B").await;
    assert!(term.shows("j j").await, "after ↓:\n{}", term.text());

    term.resize(80, 24).await;
    assert!(term.shows("j j").await, "at 80x24:\n{}", term.text());
    term.resize(50, 20).await;
    assert!(term.shows("j j").await, "at 50x20:\n{}", term.text());

    term.keys(b"q").await;
    assert!(term.until(|t| t.closed).await, "q closes the channel");
    assert_eq!(term.exit_status, Some(0));
    let screen = term.screen.screen();
    assert!(!screen.alternate_screen(), "back on the normal screen");
    assert!(!screen.hide_cursor(), "the cursor shows again");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lone_esc_quits_after_its_short_wait_and_ctrl_c_quits_too() {
    let server = serve("esc", |_| {}).await;
    let mut term = Term::open(server.addr, 80, 24).await;
    assert!(term.shows("").await);
    term.keys(b"?").await;
    assert!(term.shows("?").await, "help:\n{}", term.text());
    term.keys(b"\x1b").await;
    assert!(term.shows("").await, "Esc closed help:\n{}", term.text());
    term.keys(b"\x03").await;
    assert!(term.until(|t| t.closed).await);
    assert_eq!(term.exit_status, Some(0));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exec_is_refused_with_a_line_and_exit_status_1() {
    let server = serve("exec", |_| {}).await;
    let mut term = Term::connect(server.addr, 80, 24).await;
    term.channel
        .exec(true, "cat /etc/passwd")
        .await
        .expect("sent");
    assert!(term.until(|t| t.closed).await);
    assert_eq!(term.exit_status, Some(1));
    assert!(term.stderr.contains("runs no commands"), "{}", term.stderr);
    assert_eq!(term.screen.screen().contents().trim(), "");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shell_without_a_pty_is_refused() {
    let server = serve("nopty", |_| {}).await;
    let mut term = Term::connect(server.addr, 80, 24).await;
    term.channel.request_shell(true).await.expect("sent");
    assert!(term.until(|t| t.closed).await);
    assert_eq!(term.exit_status, Some(1));
    assert!(term.stderr.contains("needs a terminal"), "{}", term.stderr);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sftp_env_and_forwarding_are_refused() {
    let server = serve("refused", |_| {}).await;
    let mut term = Term::connect(server.addr, 80, 24).await;
    term.channel
        .request_subsystem(true, "sftp")
        .await
        .expect("sent");
    term.channel
        .set_env(true, "LD_PRELOAD", "x")
        .await
        .expect("sent");
    term.channel.agent_forward(true).await.expect("sent");
    assert!(term.until(|t| t.failures == 3).await, "three failures");
    let forward = term.session.tcpip_forward("127.0.0.1", 0).await;
    assert!(forward.is_err(), "port forwarding is refused");
    let direct = term
        .session
        .channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5000)
        .await;
    assert!(direct.is_err(), "tunnels are refused");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_color_from_the_client_gives_the_monochrome_theme() {
    let server = serve("nocolor", |_| {}).await;
    let mut term = Term::connect(server.addr, 80, 24).await;
    term.channel
        .set_env(false, "NO_COLOR", "1")
        .await
        .expect("env");
    term.channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .expect("pty");
    term.channel.request_shell(false).await.expect("shell");
    // The whole frame, not its first rows: the colour check reads it all.
    let whole = drawn(bundled(), &Theme::monochrome(), "", 80, 24);
    assert!(
        term.until(|t| t.text() == whole).await,
        "the monochrome frame:\n{}",
        term.text()
    );
    let screen = term.screen.screen();
    let colored = (0..24u16)
        .flat_map(|row| (0..80u16).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .any(|cell| {
            cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
        });
    assert!(!colored, "no colour at all with NO_COLOR");
    server.stop().await;
}

/// The colours a client's screen shows, as vt100 read them.
fn colours(term: &Term) -> Vec<vt100::Color> {
    let screen = term.screen.screen();
    let (rows, cols) = screen.size();
    let mut seen: Vec<vt100::Color> = (0..rows.get())
        .flat_map(|row| (0..cols.get()).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .flat_map(|cell| [cell.fgcolor(), cell.bgcolor()])
        .filter(|c| *c != vt100::Color::Default)
        .collect();
    seen.sort_by_key(|c| format!("{c:?}"));
    seen.dedup();
    seen
}

/// A session for a client that says `TERM` and, as environment, `env`,
/// once it shows all of `whole` (its colours are read from every cell).
async fn open_as(addr: SocketAddr, term_name: &str, env: &[(&str, &str)], whole: &str) -> Term {
    let mut term = Term::connect(addr, 100, 30).await;
    for (name, value) in env {
        term.channel
            .set_env(false, *name, *value)
            .await
            .expect("env");
    }
    term.channel
        .request_pty(false, term_name, 100, 30, 0, 0, &[])
        .await
        .expect("pty");
    term.channel.request_shell(false).await.expect("shell");
    assert!(
        term.until(|t| t.text() == whole).await,
        "{term_name}: the whole frame:\n{}",
        term.text()
    );
    term
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_drawings_colours_follow_the_depth_the_client_announces() {
    // The first bag in camel, a colour the 16 don't have.
    let source = include_str!("../lookbook.toml").replacen(
        "price = 195\n",
        "price = 195\ncolours = [\"camel\"]\n",
        1,
    );
    let edit = parse(&source, "camel.toml").expect("a good edit");
    let whole = drawn(edit.clone(), &Theme::ansi(), "", 100, 30);
    let server = serve_edit("depth", edit, |_| {}).await;
    let is_rgb = |c: &vt100::Color| matches!(c, vt100::Color::Rgb(..));
    let is_256 = |c: &vt100::Color| matches!(c, vt100::Color::Idx(16..));

    let plain = colours(&open_as(server.addr, "xterm", &[], &whole).await);
    assert!(!plain.iter().any(|c| is_rgb(c) || is_256(c)), "{plain:?}");
    let ansi = plain.len();

    let palette = colours(&open_as(server.addr, "xterm-256color", &[], &whole).await);
    assert!(palette.iter().any(is_256), "{palette:?}");
    assert!(!palette.iter().any(is_rgb), "{palette:?}");

    for (term, env) in [
        ("xterm-256color", [("COLORTERM", "truecolor")]),
        ("xterm-kitty", [("COLORTERM", "")]),
    ] {
        let exact = colours(&open_as(server.addr, term, &env, &whole).await);
        assert!(exact.iter().any(is_rgb), "{term}: {exact:?}");
    }
    // The theme itself is the same 16 colours whatever the depth.
    assert!(ansi >= 4, "the 16-colour theme has colour: {plain:?}");
    server.stop().await;
}

/// The row of the list the selection is on, trimmed of the scrollbar.
fn selected_row(term: &Term) -> String {
    term.text()
        .lines()
        .find_map(|line| line.strip_prefix("│▶"))
        .map(|rest| {
            let row = rest.split('│').next().unwrap_or("");
            row.trim_end_matches(['█', '║']).trim().to_string()
        })
        .unwrap_or_default()
}

/// The bundled edit written to a file of its own in a folder named
/// `name`, served as `edit` and watched, each save published to the
/// server's sessions; the folder, the file and the watch (watching until
/// dropped).
fn served_file(server: &Running, name: &str) -> (PathBuf, PathBuf, lookbook::saves::Watch) {
    let dir = key_path(name);
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join("edit.toml");
    std::fs::write(&file, include_str!("../lookbook.toml")).expect("written");
    let live = server.live.clone();
    let watch = lookbook::saves::watch(&file, move |reload| {
        live.publish(Change::Reload {
            stem: "edit".into(),
            reload,
        });
    })
    .expect("watching");
    (dir, file, watch)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_reaches_every_session_at_once_each_in_its_place() {
    let server = serve("reload", |_| {}).await;
    let (dir, file, _watch) = served_file(&server, "reload-edit");
    let bundled_text = include_str!("../lookbook.toml");

    let mut one = Term::open(server.addr, 100, 30).await;
    let mut two = Term::open(server.addr, 100, 30).await;
    one.keys(b"j").await;
    two.keys(b"jjj").await;
    assert!(
        one.until(|t| selected_row(t).starts_with("First Nano"))
            .await
    );
    assert!(two.until(|t| selected_row(t).starts_with("Bon Bon")).await);

    let saved = Instant::now();
    let text = bundled_text.replacen("price = 695", "price = 699", 1);
    std::fs::write(dir.join("edit.toml.swp"), text).expect("written");
    std::fs::rename(dir.join("edit.toml.swp"), &file).expect("renamed");
    // All that a save changes, in one wait each: a frame that arrives in
    // pieces may show the price before the status.
    assert!(
        one.until(|t| selected_row(t).ends_with("£699")
            && t.text().contains("reloaded · 8 bags, 2 looks"))
            .await,
        "{}",
        one.text()
    );
    assert!(
        two.until(|t| t.text().contains("£699") && selected_row(t).starts_with("Bon Bon"))
            .await,
        "{}",
        two.text()
    );
    let took = saved.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "the save took {took:?} to show"
    );

    // A new visitor gets the saved edit.
    let mut three = Term::open(server.addr, 100, 30).await;
    assert!(three.until(|t| t.text().contains("£699")).await);
    // Counted for the metrics, scraped while the sessions run.
    let scrape = (server.scrape)();
    let reloaded = "lookbook_reloads_total{outcome=\"reloaded\"}";
    assert_eq!(metric(&scrape, reloaded), Some(1), "{scrape}");
    assert_eq!(metric(&scrape, "lookbook_sessions"), Some(3), "{scrape}");
    let _ = std::fs::remove_dir_all(&dir);
    server.stop().await;
}

/// A live demo never shows a mistake: a bad save leaves every visitor on
/// the last good edit, with no banner and no `e`; the log and the metrics
/// say it failed; the next good save shows as ever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_save_never_shows_to_visitors() {
    let server = serve("reload-hidden", |_| {}).await;
    let (dir, file, _watch) = served_file(&server, "reload-hidden-edit");
    let bundled_text = include_str!("../lookbook.toml");
    let mut visitor = Term::open(server.addr, 120, 40).await;
    assert!(visitor.until(|t| !selected_row(t).is_empty()).await);
    let broken = bundled_text.replacen("size = \"nano\"", "size = \"tiny\"", 1);
    std::fs::write(dir.join("edit.toml.swp"), broken).expect("written");
    std::fs::rename(dir.join("edit.toml.swp"), &file).expect("renamed");
    let failed = "lookbook_reloads_total{outcome=\"failed\"}";
    eventually("the bad save is seen", || {
        metric(&(server.scrape)(), failed) == Some(1)
    })
    .await;
    // The save came before these keys, so their frame is drawn after it:
    // `e` is bound only while a problem shows, and `j` moves on.
    let first = selected_row(&visitor);
    visitor.keys(b"ej").await;
    assert!(
        visitor
            .until(|t| !selected_row(t).is_empty() && selected_row(t) != first)
            .await,
        "{}",
        visitor.text()
    );
    let screen = visitor.text();
    assert!(!screen.contains("error"), "{screen}");
    assert!(!screen.contains("Errors in the file"), "{screen}");
    let title = screen.lines().next().unwrap_or_default();
    assert!(title.starts_with(" The mini bag edit · "), "{screen}");
    let good = bundled_text.replacen("price = 695", "price = 699", 1);
    std::fs::write(dir.join("edit.toml.swp"), good).expect("written");
    std::fs::rename(dir.join("edit.toml.swp"), &file).expect("renamed");
    assert!(
        visitor
            .until(|t| t.text().contains("£699") && t.text().contains("reloaded · 8 bags"))
            .await,
        "{}",
        visitor.text()
    );
    assert!(!visitor.text().contains("error"), "{}", visitor.text());
    let _ = std::fs::remove_dir_all(&dir);
    server.stop().await;
}

/// With `--show-errors`, a bad save shows a visitor what is wrong (the
/// errors overlay, `e`), but never the file's lines: a served file is the
/// host's, and a save may be anything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_reads_what_is_wrong_with_a_save_but_never_its_lines() {
    let server = serve("reload-quoted", |settings| settings.show_errors = true).await;
    let (dir, file, _watch) = served_file(&server, "reload-quoted-edit");
    let bundled_text = include_str!("../lookbook.toml");
    let mut visitor = Term::open(server.addr, 120, 40).await;
    let broken = bundled_text.replacen("size = \"nano\"", "size = \"tiny\"", 1);
    std::fs::write(dir.join("edit.toml.swp"), broken).expect("written");
    std::fs::rename(dir.join("edit.toml.swp"), &file).expect("renamed");
    assert!(
        visitor
            .until(|t| t.text().contains("unknown size `tiny`"))
            .await,
        "{}",
        visitor.text()
    );
    visitor.keys(b"e").await;
    assert!(
        visitor
            .until(|t| t.text().contains("Errors in the file")
                && t.text().contains("--> ")
                && t.text().contains("edit.toml:39:8"))
            .await,
        "{}",
        visitor.text()
    );
    let screen = visitor.text();
    assert!(!screen.contains("size = \"tiny\""), "{screen}");
    assert!(!screen.contains("^^^"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_clients_at_once_each_keep_their_own_selection() {
    let server = serve("fifty", |_| {}).await;
    let mut terms = Vec::new();
    for _ in 0..50 {
        terms.push(Term::open(server.addr, 80, 24).await);
    }
    eventually("50 sessions", || server.tracker.sessions() == 50).await;
    let presses = |i: usize| i % 8;
    for (i, term) in terms.iter().enumerate() {
        term.keys(&b"jjjjjjjj"[..presses(i)]).await;
    }
    // All 50 sessions are open at once; each screen is then read in turn.
    for (i, term) in terms.iter_mut().enumerate() {
        let keys = vec!["j"; presses(i)].join(" ");
        assert!(
            term.shows(&keys).await,
            "client {i} shows its own selection:\n{}",
            term.text()
        );
    }
    drop(terms);
    eventually("all slots freed", || server.tracker.sessions() == 0).await;
    server.stop().await;
}

/// Sockets that connect and say nothing, from many addresses, each well
/// within the per-address limits: they hold no session's place, and once
/// they fill the places for logging in, newcomers take theirs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_sockets_from_many_addresses_lock_nobody_out() {
    let server = serve("idle-flood", |s| s.limits = Limits::default()).await;
    let start = Limits::default().startups.start;
    let mut idle = Vec::new();
    for i in 0..200_u8 {
        let source = Ipv4Addr::new(127, 0, 2, 1 + i % 100);
        idle.push(tcp_from(source.into(), server.addr).await);
    }
    eventually("the idle sockets fill the places for logging in", || {
        server.tracker.logging_in() >= start
    })
    .await;
    let visitors = (1..=20_u8).map(|n| {
        let addr = server.addr;
        tokio::spawn(async move {
            let began = Instant::now();
            let source = Ipv4Addr::new(127, 0, 3, n);
            let mut term = Term::open_from(source.into(), addr, 80, 24).await;
            let shown = term.shows("").await;
            (shown, began.elapsed(), term)
        })
    });
    let mut terms = Vec::new();
    for (n, visitor) in visitors.collect::<Vec<_>>().into_iter().enumerate() {
        let (shown, took, term) = visitor.await.expect("the visitor's task");
        assert!(shown, "visitor {n} sees the lookbook:\n{}", term.text());
        assert!(took < Duration::from_secs(2), "visitor {n} waited {took:?}");
        terms.push(term);
    }
    assert_eq!(server.tracker.sessions(), 20);
    assert!(server.tracker.logging_in() <= start);
    drop(idle);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_dropped_mid_session_frees_its_slot() {
    let server = serve("dropped", |s| s.limits.max_sessions = 1).await;
    let mut term = Term::open(server.addr, 80, 24).await;
    assert!(term.shows("").await);
    assert_eq!(server.tracker.sessions(), 1);
    drop(term);
    eventually("the slot is freed", || server.tracker.sessions() == 0).await;
    let mut again = Term::open(server.addr, 80, 24).await;
    assert!(again.shows("").await, "a new client gets the slot");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_the_limits_a_client_is_told_and_closed() {
    let server = serve("full", |s| {
        s.limits.max_sessions = 2;
        s.limits.max_per_ip = 1;
    })
    .await;
    let mut first = Term::open(server.addr, 80, 24).await;
    assert!(first.shows("").await);
    let mut second = Term::open(server.addr, 80, 24).await;
    assert!(second.until(|t| t.closed).await);
    assert_eq!(second.exit_status, Some(1));
    assert!(
        second.text().contains("from this address"),
        "{}",
        second.text()
    );
    assert!(first.shows("").await, "the first session is untouched");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_new_connections_are_cut_before_the_handshake() {
    let server = serve("rate", |s| s.limits.per_ip_per_minute = 2).await;
    let _one = Term::open(server.addr, 80, 24).await;
    let _two = Term::open(server.addr, 80, 24).await;
    let mut raw = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("tcp");
    let mut text = String::new();
    timeout(LIMIT, raw.read_to_string(&mut text))
        .await
        .expect("closed in time")
        .expect("read");
    assert!(text.contains("wait a minute"), "{text}");
    assert!(!text.contains("SSH-2.0"), "no handshake: {text}");
    server.stop().await;
}

/// What the server says to a raw socket that opens with `first`, until it
/// closes the connection.
async fn answer_to(addr: SocketAddr, first: &[u8]) -> String {
    let mut raw = tokio::net::TcpStream::connect(addr).await.expect("tcp");
    raw.write_all(first).await.expect("written");
    let mut bytes = Vec::new();
    // Closed with the client's words unread, the socket may be reset.
    let read = timeout(LIMIT, raw.read_to_end(&mut bytes)).await;
    let read = read.expect("closed in time");
    assert!(
        read.as_ref().map_or_else(
            |e| e.kind() == std::io::ErrorKind::ConnectionReset,
            |_| true
        ),
        "{read:?}"
    );
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A metric's value in a scrape.
fn metric(scrape: &str, name: &str) -> Option<u64> {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_header_is_needed_with_the_flag_and_refused_without() {
    const HEADER: &[u8] = b"PROXY TCP4 192.0.2.7 127.0.0.1 40000 2222\r\n";
    const CLIENT: &[u8] = b"SSH-2.0-OpenSSH_9.2\r\n";
    // Without the flag, a balancer's header ends the connection after the
    // banner: it would otherwise be served as the balancer's address.
    let plain = serve("no-proxy", |_| {}).await;
    let answer = answer_to(plain.addr, &[HEADER, CLIENT].concat()).await;
    assert!(
        !answer.contains("curve25519"),
        "no key exchange: {answer:?}"
    );
    let ended = "lookbook_connections_total{outcome=\"error\"}";
    eventually("the connection ends in an error", || {
        metric(&(plain.scrape)(), ended) == Some(1)
    })
    .await;
    plain.stop().await;

    // With it, a client that speaks first without a header gets nothing,
    // and the balancer's own check (a LOCAL header) gets the banner alone.
    let proxied = serve("proxy", |s| s.proxy_protocol = true).await;
    assert_eq!(answer_to(proxied.addr, CLIENT).await, "");
    let local = b"\r\n\r\n\0\r\nQUIT\n\x20\x00\x00\x00";
    let banner = answer_to(proxied.addr, local).await;
    assert!(banner.starts_with("SSH-2.0-lookbook_"), "{banner:?}");
    assert!(
        banner.ends_with("\r\n") && banner.lines().count() == 1,
        "{banner:?}"
    );
    assert_eq!(proxied.tracker.sessions() + proxied.tracker.logging_in(), 0);
    let scrape = (proxied.scrape)();
    let dropped = "lookbook_connections_total{outcome=\"bad-proxy-header\"}";
    assert_eq!(metric(&scrape, dropped), Some(1), "{scrape}");
    let checked = "lookbook_connections_total{outcome=\"health-check\"}";
    assert_eq!(metric(&scrape, checked), Some(1), "{scrape}");
    proxied.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_times_out_politely() {
    let server = serve("idle", |s| s.idle_timeout = Duration::from_secs(1)).await;
    let mut term = Term::open(server.addr, 80, 24).await;
    assert!(term.shows("").await);
    assert!(term.until(|t| t.closed).await, "closed for idleness");
    assert_eq!(term.exit_status, Some(1));
    assert!(!term.screen.screen().alternate_screen());
    assert!(
        term.text().contains("without a key press"),
        "{}",
        term.text()
    );
    eventually("the slot is freed", || server.tracker.sessions() == 0).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_logs_in_is_dropped_at_the_deadline() {
    let server = serve("login", |s| s.login_deadline = Duration::from_secs(1)).await;
    let mut raw = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("tcp");
    let mut bytes = Vec::new();
    let read = timeout(LIMIT, raw.read_to_end(&mut bytes)).await;
    assert!(read.is_ok(), "the server closed the connection in time");
    eventually("the slot is freed", || server.tracker.sessions() == 0).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutting_down_tells_each_client() {
    let server = serve("shutdown", |_| {}).await;
    let mut term = Term::open(server.addr, 80, 24).await;
    assert!(term.shows("").await);
    let stopping = tokio::spawn(server.stop());
    assert!(term.until(|t| t.closed).await);
    assert!(
        term.text().contains("the lookbook is closing"),
        "{}",
        term.text()
    );
    timeout(LIMIT, stopping)
        .await
        .expect("in time")
        .expect("stopped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorized_keys_let_in_only_those_keys() {
    use russh::keys::ssh_key::private::Ed25519Keypair;
    use russh::keys::{PrivateKey, PrivateKeyWithHashAlg};

    let known = PrivateKey::from(Ed25519Keypair::from_seed(&[7; 32]));
    let stranger = PrivateKey::from(Ed25519Keypair::from_seed(&[9; 32]));
    let file = key_path("authorized_keys");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder");
    let line = known.public_key().to_openssh().expect("openssh text");
    std::fs::write(&file, format!("{line} demo@test\n")).expect("written");
    let server = serve("authorized", |s| s.authorized_keys = Some(file.clone())).await;

    let login = |key: PrivateKey| async move {
        let config = Arc::new(client::Config::default());
        let mut session = client::connect(config, server.addr, Client)
            .await
            .expect("connects");
        let none = session.authenticate_none("demo").await.expect("auth runs");
        assert!(!none.success(), "`none` is not enough with authorized keys");
        let key = PrivateKeyWithHashAlg::new(Arc::new(key), None);
        let result = session
            .authenticate_publickey("demo", key)
            .await
            .expect("auth runs");
        result.success()
    };
    assert!(login(known).await, "the listed key gets in");
    assert!(!login(stranger).await, "another key does not");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_takes_their_shortlist_home() {
    let server = serve("take-home", |_| {}).await;
    let mut term = Term::open(server.addr, 100, 30).await;
    assert!(term.shows("").await, "first screen:\n{}", term.text());
    term.keys(b" j ").await;
    assert!(term.shows("Space j Space").await, "{}", term.text());
    term.keys(b"q").await;
    assert!(term.until(|t| t.closed).await, "q closes the channel");
    assert_eq!(term.exit_status, Some(0));
    assert!(!term.screen.screen().alternate_screen());
    let text = term.text();
    for line in [
        "Nano Mayfair bag — Aspinal of London — £195 — Aspinal of London",
        "First Nano bag — Fendi — £695 — Fendi",
        "2 bags · £890",
        "lookbook: thanks for browsing!",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} on the restored screen:\n{text}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn input_that_ends_is_a_clean_end_not_a_disconnect() {
    let server = serve("eof", |_| {}).await;
    let mut term = Term::open(server.addr, 80, 24).await;
    assert!(term.shows("").await, "first screen:\n{}", term.text());
    term.keys(b"j").await;
    assert!(term.shows("j").await, "{}", term.text());
    term.channel.eof().await.expect("eof sent");
    assert!(term.until(|t| t.closed).await, "the channel closes");
    assert_eq!(term.exit_status, Some(0), "exit-status before the close");
    assert!(term.text().contains("lookbook: thanks for browsing!"));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zero_dimensions_from_a_client_are_ignored() {
    let server = serve("zero", |_| {}).await;
    let mut term = Term::connect(server.addr, 80, 24).await;
    term.channel
        .request_pty(false, "xterm", 0, 0, 0, 0, &[])
        .await
        .expect("pty");
    term.channel.request_shell(false).await.expect("shell");
    assert!(term.shows("").await, "drawn at 80x24:\n{}", term.text());
    term.channel
        .window_change(0, 0, 0, 0)
        .await
        .expect("window change sent");
    term.keys(b"j").await;
    assert!(term.shows("j").await, "still 80x24:\n{}", term.text());
    term.keys(b"q").await;
    assert!(term.until(|t| t.closed).await);
    server.stop().await;
}

/// A bag's url reaches an SSH visitor as an OSC 8 link around the shop's
/// host, and the screen is the frame drawn (vt100 ignores the sequence).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bags_link_reaches_the_visitor_as_osc_8() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sneaker_edit.toml"
    );
    let edit = lookbook::lookbook::load_path(std::path::Path::new(path)).expect("loads");
    let server = serve_edit("links", edit, |_| {}).await;
    let mut term = Term::open(server.addr, 120, 40).await;
    assert!(
        term.until(|t| t.text().contains("Link      shop-a.example"))
            .await
    );
    let sent = String::from_utf8_lossy(&term.received).into_owned();
    let link = "\x1b]8;;https://www.shop-a.example/court-one?size=38#details\x1b\\s\x1b]8;;\x1b\\";
    assert!(sent.contains(link), "no link in what was sent");
}

/// Two edits on one server: `a` (the bundled edit) and `b` (the sneakers).
async fn serve_two(name: &str) -> Running {
    let fixture = include_str!("fixtures/sneaker_edit.toml");
    let sneakers = parse(fixture, "b.toml").expect("valid");
    let catalogue = Catalogue::new(vec![
        EditFile::new("a".into(), Some("a.toml".into()), bundled()),
        EditFile::new("b".into(), Some("b.toml".into()), sneakers),
    ]);
    serve_catalogue(name, catalogue, |_| {}).await
}

async fn open_user(user: &str, server: &Running) -> Term {
    Term::open_as(user, Ipv4Addr::LOCALHOST.into(), server.addr, 120, 40).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_user_name_opens_its_edit_and_q_quits() {
    let server = serve_two("two-edits").await;
    let mut a = open_user("a", &server).await;
    let mut b = open_user("b", &server).await;
    assert!(a.shows("").await, "a is the bundled edit:\n{}", a.text());
    assert!(
        b.until(|t| t.text().starts_with(" Court classics · Test suite"))
            .await,
        "b is the sneakers:\n{}",
        b.text()
    );
    b.keys(b" q").await;
    assert!(
        b.until(|t| t.closed).await,
        "q quits an edit opened by name"
    );
    assert_eq!(b.exit_status, Some(0));
    let home = b.screen.screen().contents();
    assert!(
        home.contains("Court One low-top — Atelier Nord — €129 — Shop A\n1 sneaker · €129"),
        "{home}"
    );
    a.keys(b"q").await;
    assert!(a.until(|t| t.closed).await);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_other_name_gets_the_picker_which_opens_and_comes_back() {
    let server = serve_two("picker").await;
    let mut term = open_user("visitor", &server).await;
    let picker = |t: &Term| t.text().starts_with(" Choose an edit");
    // The picker with both edits, the first selected, in one wait.
    assert!(
        term.until(|t| picker(t)
            && t.text().contains("│▶ The mini bag edit")
            && t.text().contains("Court classics"))
            .await,
        "the picker:\n{}",
        term.text()
    );
    term.keys(b"j\r").await;
    assert!(
        term.until(|t| t.text().starts_with(" Court classics"))
            .await,
        "Enter opens the second:\n{}",
        term.text()
    );
    term.keys(b" q").await;
    assert!(
        term.until(|t| picker(t) && t.text().contains("│▶ Court classics"))
            .await,
        "q comes back to the picker on the edit it left:\n{}",
        term.text()
    );
    term.keys(b"q").await;
    assert!(term.until(|t| t.closed).await, "q in the picker quits");
    assert_eq!(term.exit_status, Some(0));
    let home = term.screen.screen().contents();
    assert!(home.contains("1 sneaker · "), "the picks go home:\n{home}");
    server.stop().await;
}

/// An edit whose first bag has a photo.
fn photo_edit(name: &str) -> Lookbook {
    let file = support::photo::edit_with_photos(&format!("ssh-{name}"), false);
    lookbook::lookbook::load_path(&file).unwrap_or_else(|e| panic!("{e}"))
}

/// Over SSH the server asks the visitor's terminal, through the session,
/// how it shows photos; a terminal that answers as kitty does gets the
/// photo as kitty graphics, and its images are deleted when it leaves. A
/// terminal that answers nothing of graphics gets half blocks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kitty_terminal_is_asked_over_the_session_and_gets_kitty_graphics() {
    let server = serve_edit("kitty", photo_edit("kitty"), |_| {}).await;
    let mut term = Term::open(server.addr, 100, 30).await;
    let asked = |t: &Term| contains(&t.received, b"\x1b_Gi=31,s=1,v=1,a=q");
    assert!(term.until(asked).await, "the kitty query arrives");
    assert!(
        contains(&term.received, b"\x1b[5n"),
        "with a status request last"
    );
    // A key pressed before the answer came, which must not be lost; then,
    // as kitty answers: graphics OK, device attributes, 10x20-pixel cells,
    // the status report, with a key among them (Space: shortlist it).
    term.keys(b"j").await;
    term.keys(b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22c \x1b[6;20;10t\x1b[0n")
        .await;
    assert!(
        term.until(|t| t.text().contains("▶✓ Two bag")).await,
        "the j before the answer moved, the Space among it picked:\n{}",
        term.text()
    );
    term.keys(b"k").await;
    let graphics = |t: &Term| contains(&t.received, b"\x1b_Gq=2,");
    assert!(term.until(graphics).await, "kitty graphics arrive");
    term.keys(b"q").await;
    assert!(term.until(|t| t.closed).await);
    assert!(
        contains(&term.received, b"\x1b_Ga=d,d=A\x1b\\"),
        "images deleted on leaving"
    );

    // A terminal that says nothing of graphics gets half blocks.
    let mut plain = Term::open(server.addr, 100, 30).await;
    assert!(plain.until(asked).await);
    plain.keys(b"\x1b[?62;22c\x1b[0n").await;
    let half_blocks = |t: &Term| t.text().contains("▄▄▄▄") || t.text().contains("▀▀▀▀");
    assert!(plain.until(half_blocks).await, "{}", plain.text());
    assert!(!contains(&plain.received, b"\x1b_Gq=2,"));
    server.stop().await;
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
