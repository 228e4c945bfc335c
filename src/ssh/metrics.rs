//! What an operator scrapes (`--metrics ADDR`): sessions, connections by
//! how they ended, refusals by reason, bytes out, frame times and reloads,
//! in the Prometheus text format (prometheus-client writes it).
//!
//! The counters are kept whether or not anyone scrapes them (an atomic add
//! each); `--metrics` only serves them. The endpoint is a few lines of
//! HTTP/1.0 rather than a web framework: one GET, answered and closed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

use super::ending::Ending;
use super::limits::Refusal;
use super::{ServeError, log};
use crate::photos::Photos;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Reason {
    reason: &'static str,
}

/// The server's numbers; cheap to clone (each metric is an `Arc`).
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    sessions: Gauge,
    logging_in: Gauge,
    connections: Family<Outcome, Counter>,
    refusals: Family<Reason, Counter>,
    bytes_out: Counter,
    frame_seconds: Histogram,
    reloads: Family<Outcome, Counter>,
    photo_cache_bytes: Gauge,
    photo_cache_photos: Gauge,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let sessions = Gauge::default();
        let logging_in = Gauge::default();
        let connections = Family::default();
        let refusals = Family::default();
        let bytes_out = Counter::default();
        // 50 µs to about 0.4 s: a frame is a fraction of a millisecond;
        // the top buckets are there to show a server in trouble.
        let frame_seconds = Histogram::new(exponential_buckets(0.000_05, 2.0, 14));
        let reloads = Family::default();
        let photo_cache_bytes = Gauge::default();
        let photo_cache_photos = Gauge::default();
        let mut registry = Registry::with_prefix("lookbook");
        registry.register(
            "sessions",
            "Sessions open (a shell started)",
            sessions.clone(),
        );
        registry.register(
            "logging_in",
            "Connections still logging in",
            logging_in.clone(),
        );
        registry.register(
            "connections",
            "Connections ended, by how they ended",
            connections.clone(),
        );
        registry.register(
            "refusals",
            "Connections turned away, by which limit",
            refusals.clone(),
        );
        registry.register("sent_bytes", "Bytes sent to clients", bytes_out.clone());
        registry.register(
            "frame_seconds",
            "Time to draw and encode one frame",
            frame_seconds.clone(),
        );
        registry.register(
            "reloads",
            "Changes to the served edits, by outcome",
            reloads.clone(),
        );
        registry.register(
            "photo_cache_bytes",
            "Bytes of photos made ready to draw, kept for every session (--photo-cache bounds it)",
            photo_cache_bytes.clone(),
        );
        registry.register(
            "photo_cache_photos",
            "Photos made ready to draw, kept for every session",
            photo_cache_photos.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            sessions,
            logging_in,
            connections,
            refusals,
            bytes_out,
            frame_seconds,
            reloads,
            photo_cache_bytes,
            photo_cache_photos,
        }
    }
}

impl Metrics {
    /// A connection ended; counted by its `Ending::label`.
    pub fn ended(&self, ending: &Ending) {
        let outcome = ending.label();
        self.connections.get_or_create(&Outcome { outcome }).inc();
    }

    /// A connection was turned away by a limit; counted by its
    /// `Refusal::label`.
    pub fn refused(&self, refusal: Refusal) {
        let reason = refusal.label();
        self.refusals.get_or_create(&Reason { reason }).inc();
    }

    /// The counter a connection adds the bytes it sends to, as it sends them.
    pub fn bytes_out(&self) -> Counter {
        self.bytes_out.clone()
    }

    /// The histogram a session times its frames into.
    pub fn frame_seconds(&self) -> Histogram {
        self.frame_seconds.clone()
    }

    /// An edit changed on disk: `reloaded`, `failed`, `added` or `removed`.
    pub fn reloaded(&self, outcome: &'static str) {
        self.reloads.get_or_create(&Outcome { outcome }).inc();
    }

    /// The text a scrape gets, with the gauges read now.
    pub fn encode(&self, sessions: usize, logging_in: usize) -> String {
        self.sessions.set(gauge(sessions));
        self.logging_in.set(gauge(logging_in));
        let photos = Photos::shared().usage();
        self.photo_cache_bytes.set(gauge(photos.bytes));
        self.photo_cache_photos.set(gauge(photos.photos));
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

fn gauge(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// Binds the metrics endpoint, so a taken port stops the start.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, ServeError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Metrics { addr, source })
}

/// Answers scrapes on `listener` until the task is dropped; `scrape` gives
/// the text of each.
pub async fn serve(listener: TcpListener, scrape: impl Fn() -> String + Send + Sync + 'static) {
    let scrape = Arc::new(scrape);
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let scrape = Arc::clone(&scrape);
        tokio::spawn(async move {
            let _ = timeout(REQUEST_WAIT, answer(stream, &*scrape)).await;
        });
    }
}

/// A scraper that says nothing is closed after this.
const REQUEST_WAIT: Duration = Duration::from_secs(5);
/// A request head is a few hundred bytes; more is not a scraper.
const MAX_HEAD: usize = 8 * 1024;

async fn answer(mut stream: TcpStream, scrape: &(dyn Fn() -> String + Send + Sync)) {
    let mut head = Vec::new();
    let mut chunk = [0_u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let response = respond(&head, scrape);
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// The whole response to a request head.
fn respond(head: &[u8], scrape: &dyn Fn() -> String) -> String {
    let line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    let mut words = line.split(|&b| b == b' ');
    let (method, path) = (words.next(), words.next());
    let (status, kind, body) = match (method, path) {
        (Some(b"GET"), Some(b"/metrics")) => (
            "200 OK",
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
            scrape(),
        ),
        (Some(b"GET"), _) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "lookbook serves its metrics at /metrics\n".to_string(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            "only GET /metrics\n".to_string(),
        ),
    };
    format!(
        "HTTP/1.0 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Logs where the metrics are.
pub fn announce(addr: SocketAddr) {
    log::line(format_args!("metrics on http://{addr}/metrics"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scrape_holds_every_metric_with_its_labels() {
        let metrics = Metrics::default();
        metrics.ended(&Ending::Session(crate::driver::End::Quit));
        metrics.ended(&Ending::Session(crate::driver::End::Idle(
            Duration::from_secs(600),
        )));
        metrics.refused(Refusal::TooManyFromAddress);
        metrics.bytes_out().inc_by(1234);
        metrics.frame_seconds().observe(0.0004);
        metrics.reloaded("failed");
        let text = metrics.encode(3, 1);
        for line in [
            "lookbook_sessions 3",
            "lookbook_logging_in 1",
            "lookbook_connections_total{outcome=\"served\"} 2",
            "lookbook_refusals_total{reason=\"max-per-ip\"} 1",
            "lookbook_sent_bytes_total 1234",
            "lookbook_frame_seconds_count 1",
            "lookbook_frame_seconds_bucket{le=\"0.0004\"} 1",
            "lookbook_frame_seconds_bucket{le=\"0.0002\"} 0",
            "lookbook_reloads_total{outcome=\"failed\"} 1",
            "# EOF",
        ] {
            assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
        }
    }

    #[test]
    fn only_get_metrics_is_answered_with_them() {
        let scrape = || "lookbook_sessions 0\n".to_string();
        let ok = respond(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", &scrape);
        assert!(ok.starts_with("HTTP/1.0 200 OK\r\n"), "{ok}");
        assert!(ok.contains("Content-Length: 20\r\n"), "{ok}");
        assert!(ok.ends_with("\r\n\r\nlookbook_sessions 0\n"), "{ok}");
        let elsewhere = respond(b"GET / HTTP/1.1\r\n\r\n", &scrape);
        assert!(elsewhere.starts_with("HTTP/1.0 404 "), "{elsewhere}");
        let post = respond(b"POST /metrics HTTP/1.1\r\n\r\n", &scrape);
        assert!(post.starts_with("HTTP/1.0 405 "), "{post}");
        assert!(respond(b"", &scrape).starts_with("HTTP/1.0 405 "));
    }
}
