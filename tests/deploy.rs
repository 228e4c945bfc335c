//! End to end: `deploy/` as docs/serving.md's "Deploying" section uses it. Each
//! command of that section is taken from that page and run, moved to this
//! test's own ports, folders and binary: the systemd unit is verified by
//! systemd-analyze; two instances sharing one host key serve 40 OpenSSH
//! clients, each from its own loopback address, through the real HAProxy.
//!
//! Needs haproxy, ssh, curl and systemd-analyze; `.ci/run` installs them
//! and sets `LOOKBOOK_E2E_REQUIRED=1` so CI can't skip this by accident.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use support::tmux::e2e_possible;

mod support;

const SERVING: &str = include_str!("../docs/serving.md");
const BINARY: &str = env!("CARGO_BIN_EXE_lookbook");
const LIMIT: Duration = Duration::from_secs(60);

/// The command lines of docs/serving.md's "Deploying" section, in order.
fn deploying() -> Vec<&'static str> {
    let section = SERVING
        .split("\n## Deploying\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/serving.md has a Deploying section");
    section
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .flat_map(str::lines)
        .collect()
}

/// The page's line that starts with `start`, and no other.
fn step(start: &str) -> Vec<&'static str> {
    deploying()
        .into_iter()
        .filter(|line| line.starts_with(start))
        .collect()
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lookbook-deploy-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// A line of the page as words, each path, address and program moved by `moves`
/// (the page's text, this test's text), `sudo` dropped.
fn localised(line: &str, moves: &[(&str, String)]) -> Vec<String> {
    let mut line = line.trim_start_matches("sudo ").to_string();
    for (from, to) in moves {
        line = line.replace(from, to);
    }
    line.split_whitespace().map(str::to_string).collect()
}

fn run(words: &[String]) -> std::process::Output {
    Command::new(&words[0])
        .args(&words[1..])
        .output()
        .unwrap_or_else(|e| panic!("{words:?} runs: {e}"))
}

#[test]
fn the_systemd_unit_installs_and_verifies() {
    if !e2e_possible(&["systemd-analyze"]) {
        return;
    }
    // systemd-analyze checks the unit against the units it ships with
    // (their folder is copied in) and that its program is there.
    let root = scratch("root");
    for folder in ["usr/local/bin", "etc/systemd/system", "usr/lib/systemd"] {
        fs::create_dir_all(root.join(folder)).expect("a folder in the root");
    }
    let shipped = ["/usr/lib/systemd/system", "/lib/systemd/system"]
        .into_iter()
        .find(|p| Path::new(p).is_dir())
        .expect("systemd's units");
    let copied = Command::new("cp")
        .args(["-a", shipped])
        .arg(root.join("usr/lib/systemd/system"))
        .status()
        .expect("cp runs");
    assert!(copied.success());
    let at = |p: &str| root.join(p).display().to_string();
    let moves = [
        ("target/release/lookbook", BINARY.to_string()),
        ("/usr/local/bin/", at("usr/local/bin/")),
        ("/etc/systemd/system/", at("etc/systemd/system/")),
        (
            "deploy/",
            concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/").into(),
        ),
        (
            "systemd-analyze verify",
            format!("systemd-analyze verify --root={}", root.display()),
        ),
    ];
    let steps: Vec<_> = step("sudo install")
        .into_iter()
        .chain(step("sudo systemd-analyze verify"))
        .collect();
    assert_eq!(steps.len(), 3, "two installs and a verify: {steps:?}");
    for line in steps {
        let output = run(&localised(line, &moves));
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{line}: {said}");
        // systemd-analyze exits 0 past unknown keys and bad values; it
        // only says so.
        assert!(said.trim().is_empty(), "{line} says:\n{said}");
    }
    assert!(root.join("etc/systemd/system/lookbook.service").is_file());
    let _ = fs::remove_dir_all(&root);
}

/// A port free now (taken and let go).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    listener.local_addr().expect("an address").port()
}

/// What a process has said so far (stdout and stderr, as they came).
#[derive(Clone, Default)]
struct Said(Arc<Mutex<Vec<u8>>>);

impl Said {
    fn follow(&self, from: impl Read + Send + 'static) {
        let said = self.clone();
        thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            let mut from = from;
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                said.0.lock().expect("lock").extend_from_slice(&buf[..n]);
            }
        });
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("lock")).into_owned()
    }

    fn has(&self, what: &str) -> bool {
        self.text().contains(what)
    }
}

/// A process the test started, killed on drop if still running.
struct Running {
    child: Child,
    said: Said,
    name: String,
}

impl Running {
    fn start(name: &str, words: &[String], env: &[(&str, String)], stdin: Stdio) -> Running {
        let program = if words[0] == "lookbook" {
            BINARY
        } else {
            &words[0]
        };
        let mut child = Command::new(program)
            .args(&words[1..])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{words:?} starts: {e}"));
        let said = Said::default();
        said.follow(child.stdout.take().expect("stdout"));
        said.follow(child.stderr.take().expect("stderr"));
        Running {
            child,
            said,
            name: name.to_string(),
        }
    }

    fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + LIMIT;
        while !self.said.has(what) {
            assert!(
                Instant::now() < deadline,
                "{} never said {what:?}; it said:\n{}",
                self.name,
                self.said.text()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn stdin(&mut self) -> Option<ChildStdin> {
        self.child.stdin.take()
    }

    fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.exit()
    }

    fn exit(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "{} did not exit", self.name);
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The sum of a metric's samples in a scrape (`name` with its labels).
fn sample(scrape: &str, name: &str) -> u64 {
    scrape
        .lines()
        .filter_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .filter_map(|value| value.trim().parse::<u64>().ok())
        .sum()
}

/// The page's scrape, run with curl against `metrics`.
fn scrape(curl: &str, metrics: &str) -> String {
    let words = localised(curl, &[("127.0.0.1:9201", metrics.to_string())]);
    let output = run(&words);
    assert!(output.status.success(), "{words:?} failed");
    String::from_utf8(output.stdout).expect("text")
}

/// The address the n-th visitor connects from.
fn visitor(n: u8) -> String {
    format!("127.0.0.{n}")
}

struct Cluster {
    front: u16,
    ssh: &'static str,
    known: PathBuf,
}

impl Cluster {
    /// The page's `ssh` line, from `from`, remembering the host key in a
    /// file of its own; its input stays open until the test closes it.
    fn visit(&self, name: &str, from: &str) -> (Running, ChildStdin) {
        let known = self.known.join(name);
        let mut words = localised(
            self.ssh,
            &[
                ("2222", self.front.to_string()),
                ("HOST", "visitor@127.0.0.1".into()),
            ],
        );
        let options = [
            "-tt",
            "-F",
            "/dev/null",
            "-b",
            from,
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            &format!("UserKnownHostsFile={}", known.display()),
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
        ];
        words.splice(1..1, options.iter().map(|o| o.to_string()));
        let mut client = Running::start(name, &words, &[], Stdio::piped());
        let stdin = client.stdin().expect("stdin");
        (client, stdin)
    }

    /// The host key the client named `name` was shown.
    fn host_key(&self, name: &str) -> String {
        let known = fs::read_to_string(self.known.join(name)).expect("a known_hosts file");
        known
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const SCREEN: &str = "The mini bag edit";

#[test]
fn two_instances_behind_haproxy_serve_forty_visitors_by_their_own_addresses() {
    if !e2e_possible(&["haproxy", "ssh", "curl"]) {
        return;
    }
    let dir = scratch("haproxy");
    let key = dir.join("ssh_host_ed25519_key");
    let known = dir.join("known");
    fs::create_dir_all(&known).expect("a folder");
    let ports: Vec<String> = (0..5)
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let [one, two, metrics_one, metrics_two, front] = &ports[..] else {
        unreachable!()
    };
    let moves = [
        ("127.0.0.1:2201", one.clone()),
        ("127.0.0.1:2202", two.clone()),
        ("127.0.0.1:9201", metrics_one.clone()),
        ("127.0.0.1:9202", metrics_two.clone()),
        (
            "/var/lib/lookbook/ssh_host_ed25519_key",
            key.display().to_string(),
        ),
    ];

    // The instances, each the page's line plus the limit under test.
    let serve = step("lookbook serve");
    assert_eq!(serve.len(), 2, "two instances: {serve:?}");
    let start = |name: &str, line: &str| {
        let mut words = localised(line, &moves);
        words.extend(["--max-per-ip".into(), "2".into()]);
        let instance = Running::start(name, &words, &[], Stdio::null());
        instance.wait_for("listening on");
        // Which name opens which edit, for the host to read to the room.
        instance.wait_for("@127.0.0.1 opens The mini bag edit");
        instance
    };
    // One at a time: the first makes the host key the second reads.
    let mut instances = [start("one", serve[0]), start("two", serve[1])];
    assert!(instances[1].said.has("(existing)"), "the key is shared");

    let haproxy_line = step("LOOKBOOK_FRONT=")[0];
    let mut words = localised(haproxy_line, &[]);
    let _front_default = words.remove(0);
    let haproxy = Running::start(
        "haproxy",
        &words,
        &[
            ("LOOKBOOK_FRONT", front.clone()),
            ("LOOKBOOK_ONE", one.clone()),
            ("LOOKBOOK_TWO", two.clone()),
        ],
        Stdio::null(),
    );

    // Both healthy: each has answered HAProxy's checks (and its scrape works).
    let curl = step("curl")[0];
    let metrics = [metrics_one.as_str(), metrics_two.as_str()];
    let deadline = Instant::now() + LIMIT;
    while metrics.iter().any(|m| {
        sample(
            &scrape(curl, m),
            "lookbook_connections_total{outcome=\"health-check\"}",
        ) < 2
    }) {
        assert!(
            Instant::now() < deadline,
            "HAProxy never checked both; it said:\n{}",
            haproxy.said.text()
        );
        thread::sleep(Duration::from_millis(100));
    }

    let cluster = Cluster {
        front: front
            .rsplit(':')
            .next()
            .expect("a port")
            .parse()
            .expect("a port"),
        ssh: step("ssh -p")[0],
        known,
    };
    let mut visitors: Vec<(u8, Running, ChildStdin)> = (10..50)
        .map(|n| {
            let (client, stdin) = cluster.visit(&format!("v{n}"), &visitor(n));
            (n, client, stdin)
        })
        .collect();
    for (_, client, _) in &visitors {
        client.wait_for(SCREEN);
    }

    // Scraped during the sessions: every visitor is a session, on both
    // instances, each logged with its own address.
    let scrapes: Vec<String> = metrics.iter().map(|m| scrape(curl, m)).collect();
    let sessions: Vec<u64> = scrapes
        .iter()
        .map(|s| sample(s, "lookbook_sessions"))
        .collect();
    assert_eq!(sessions.iter().sum::<u64>(), 40, "{sessions:?}");
    assert!(sessions.iter().all(|&n| n > 0), "both serve: {sessions:?}");
    for s in &scrapes {
        assert!(sample(s, "lookbook_sent_bytes_total") > 0, "{s}");
        assert!(sample(s, "lookbook_frame_seconds_count") > 0, "{s}");
    }
    let served_by = |instance: &Running| -> BTreeSet<u8> {
        (10..50)
            .filter(|&n| instance.said.has(&format!("connect {}:", visitor(n))))
            .collect()
    };
    // The logs are read by threads of their own, which a loaded machine
    // may run after a visitor's screen arrived: wait for every connection.
    let deadline = Instant::now() + LIMIT;
    let (on_one, on_two) = loop {
        let (on_one, on_two) = (served_by(&instances[0]), served_by(&instances[1]));
        if on_one.union(&on_two).count() == 40 || Instant::now() >= deadline {
            break (on_one, on_two);
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(on_one.len() + on_two.len(), 40, "{on_one:?} {on_two:?}");
    assert!(on_one.is_disjoint(&on_two));

    // One host key, whichever instance answered.
    let keys: BTreeSet<String> = (10..50)
        .map(|n| cluster.host_key(&format!("v{n}")))
        .collect();
    assert_eq!(keys.len(), 1, "{keys:?}");

    // --max-per-ip 2 holds per visitor: a second window from one address
    // opens, a third is refused; everyone else is untouched.
    let crowded = visitor(10);
    let (second, _second_in) = cluster.visit("v10-second", &crowded);
    second.wait_for(SCREEN);
    let (mut third, _third_in) = cluster.visit("v10-third", &crowded);
    third.wait_for("You already have the lookbook open several times");
    assert!(!third.exit().success());
    let refused: u64 = metrics
        .iter()
        .map(|m| {
            sample(
                &scrape(curl, m),
                "lookbook_refusals_total{reason=\"max-per-ip\"}",
            )
        })
        .sum();
    assert_eq!(refused, 1);

    // SIGTERM drains instance one: its visitors are told, and a newcomer
    // from one of their addresses is served by instance two.
    assert!(instances[0].terminate().success());
    for (n, client, _) in &mut visitors {
        if on_one.contains(n) {
            client.wait_for("the lookbook is closing");
            // Exit status 1, as for any end the visitor didn't choose.
            assert_eq!(client.exit().code(), Some(1));
        }
    }
    let moved = *on_one.first().expect("instance one had visitors");
    let (newcomer, _newcomer_in) = cluster.visit("newcomer", &visitor(moved));
    newcomer.wait_for(SCREEN);
    instances[1].wait_for(&format!("connect {}:", visitor(moved)));

    // The rest leave by closing their input: a clean end, each.
    for (n, mut client, stdin) in visitors.drain(..) {
        drop(stdin);
        if on_two.contains(&n) {
            assert!(client.exit().success(), "{}", client.said.text());
        }
    }
    assert!(instances[1].terminate().success());
    drop(haproxy);
    let _ = fs::remove_dir_all(&dir);
}
