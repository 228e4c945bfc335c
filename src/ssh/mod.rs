//! The SSH transport: `lookbook serve` lets anyone run `ssh -p 2222 host`
//! and browse the lookbook in their own terminal, each connection with its
//! own `App`. The core, keymap and drawing are the local terminal's; only
//! the transport differs.
//!
//! - [`config`]: settings, the host key, who may log in
//! - [`server`]: the listener, each connection's life, shutdown, the log
//! - [`handler`]: the SSH requests: auth, PTY, shell; everything else refused
//! - [`session`]: one browsing session: the driver's end on a channel
//! - [`crate::input`]: bytes from the client's terminal into key events
//! - [`output`]: a ratatui terminal that draws into a buffer
//! - [`limits`]: how many sessions, from where, how fast
//! - [`ending`]: how a connection ended, for the log and the metrics
//! - [`proxy`]: behind a balancer, who the visitor really is (PROXY protocol)
//! - [`metrics`]: what an operator scrapes (`--metrics`)

mod config;
mod counting;
mod ending;
mod handler;
mod limits;
mod log;
mod metrics;
pub mod output;
mod proxy;
mod server;
mod session;

use std::future::Future;
use std::io;
use std::net::SocketAddr;

pub use config::{ConfigError, Settings, default_host_key_path};
pub use limits::{Limits, Startups, StartupsError, Tracker};
pub use metrics::Metrics;
pub use server::Server;

use crate::library::{self, Catalogue, LiveCatalogue, Opened, WatchError};

/// Why the server did not start (once it runs, nothing stops it but a
/// signal). Each is one line, for the user.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The host key or the authorized keys.
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: SocketAddr, source: io::Error },
    #[error("cannot serve metrics on {addr}: {source}")]
    Metrics { addr: SocketAddr, source: io::Error },
    #[error("cannot start the server's runtime: {0}")]
    Runtime(#[source] io::Error),
    #[error("cannot listen for signals: {0}")]
    Signals(#[source] io::Error),
    /// The files served, to reload them on saves.
    #[error(transparent)]
    Watch(#[from] WatchError),
}

/// Binds the server for `settings`: reads or creates the host key, reads the
/// authorized keys.
pub async fn bind(
    settings: Settings,
    live: LiveCatalogue,
    metrics: Metrics,
) -> Result<Server, ServeError> {
    let access = config::Access::load(settings.authorized_keys.as_deref())?;
    let (key, created) = config::host_key(&settings.host_key)?;
    let fingerprint = key.public_key().fingerprint(russh::keys::HashAlg::Sha256);
    log::line(format_args!(
        "host key {} ({}): {fingerprint}",
        settings.host_key.display(),
        if created { "created" } else { "existing" }
    ));
    let config = config::russh_config(key, &access);
    let listen = settings.listen;
    let catalogue = live.catalogue();
    let server = Server::bind(settings, live, config, access, metrics)
        .await
        .map_err(|source| ServeError::Listen {
            addr: listen,
            source,
        })?;
    log::line(format_args!(
        "listening on {} ({}); connect with: ssh -p {} {}",
        server.local_addr(),
        if server.is_public() {
            "anyone may log in"
        } else {
            "authorized keys only"
        },
        server.local_addr().port(),
        server.local_addr().ip()
    ));
    // Which name opens which edit: the demo host reads it to the room.
    for entry in catalogue.entries() {
        log::line(format_args!(
            "ssh -p {} {}@{} opens {}",
            server.local_addr().port(),
            entry.stem,
            server.local_addr().ip(),
            entry.lookbook().title
        ));
    }
    Ok(server)
}

/// A live catalogue of `catalogue` whose changes go to the server's log, and are
/// counted in `metrics`.
pub fn live_catalogue(catalogue: Catalogue, metrics: &Metrics) -> LiveCatalogue {
    let metrics = metrics.clone();
    LiveCatalogue::new(catalogue, move |outcome, line| {
        metrics.reloaded(outcome.label());
        log::line(format_args!("{line}"));
    })
}

/// Runs the server on its own runtime until SIGINT or SIGTERM. With
/// `watching`, each file (and folder) `opened` names is watched, and every
/// save reaches the sessions on its edit.
pub fn run(settings: Settings, opened: Opened, watching: bool) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(serve(settings, opened, watching))
}

/// Serves until SIGINT or SIGTERM, then closes every session politely.
pub async fn serve(settings: Settings, opened: Opened, watching: bool) -> Result<(), ServeError> {
    let stop = signals()?;
    let catalogue = opened.catalogue.clone();
    for entry in catalogue.entries() {
        log::line(format_args!(
            "serving {} as `{}`: {}",
            entry.origin(),
            entry.stem,
            library::counts(entry.lookbook())
        ));
    }
    let metrics = Metrics::default();
    let scrapes = match settings.metrics {
        Some(addr) => Some(metrics::bind(addr).await?),
        None => None,
    };
    let live = live_catalogue(catalogue, &metrics);
    let server = bind(settings, live.clone(), metrics).await?;
    if let Some(listener) = scrapes {
        if let Ok(addr) = listener.local_addr() {
            metrics::announce(addr);
        }
        tokio::spawn(metrics::serve(listener, server.scraper()));
    }
    let _watch = if watching {
        let watches = library::watch(&opened, &live)?;
        for path in opened.files.iter().chain(&opened.folders) {
            log::line(format_args!("watching {} for saves", path.display()));
        }
        Some(watches)
    } else {
        None
    };
    server.run(stop).await;
    Ok(())
}

/// SIGINT or SIGTERM, listened for from this call on (not from the first
/// poll), so a signal right after start still closes the server politely.
#[cfg(unix)]
fn signals() -> Result<impl Future<Output = ()>, ServeError> {
    use tokio::signal::unix::{SignalKind, signal};
    let listen = |kind| signal(kind).map_err(ServeError::Signals);
    let mut interrupt = listen(SignalKind::interrupt())?;
    let mut terminate = listen(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => log::line(format_args!("SIGINT received")),
            _ = terminate.recv() => log::line(format_args!("SIGTERM received")),
        }
    })
}

#[cfg(not(unix))]
fn signals() -> Result<impl Future<Output = ()>, ServeError> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
