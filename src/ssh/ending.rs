//! How a connection ended, every way it can: one enum whose Display is the
//! reason the log gives (`disconnect ... : idle timeout (10 minutes)`) and
//! whose [`Ending::label`] is the `outcome` label of
//! `lookbook_connections_total`, so the log and the metrics can't disagree.
//!
//! A session's own ends (quit, idle, ...) are the driver's [`End`], which
//! every transport shares; here they are one variant, [`Ending::Session`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::limits::Refusal;
use super::proxy::HeaderError;
use crate::driver::{End, human};
use crate::words::count;

#[derive(Debug, Clone)]
pub enum Ending {
    /// A session ran (`served`), and ended so.
    Session(End),

    // Turned away inside SSH with a line of text (`refused`).
    /// Over a limit: the session's place was not there.
    Refused(Refusal),
    /// A shell without a PTY.
    NoPty,
    /// A command (`ssh host ls`).
    Exec,

    // Never a session.
    /// Left while logging in (`left`).
    Left,
    /// Left after offering only keys that are not authorized
    /// (`login-failed`).
    LoginFailed { keys: usize },
    /// Not logged in (auth, PTY, shell) within the deadline (`timed-out`).
    LoginDeadline(Duration),
    /// The server closed while it was logging in (`shutdown`).
    ShutdownLoggingIn,
    /// Cut to make room: it had said nothing while the server was busy
    /// (`evicted`).
    Evicted,
    /// The SSH connection failed (`error`).
    Ssh(Arc<russh::Error>),

    // Before SSH.
    /// Over a limit, and cut before the handshake with a line of text
    /// (`cut`).
    Cut(Refusal),
    /// With `--proxy-protocol`, a header that is not one
    /// (`bad-proxy-header`).
    BadProxyHeader(Arc<HeaderError>),
    /// With `--proxy-protocol`, no header in time (`bad-proxy-header`).
    NoProxyHeader,
    /// The balancer checking on us (`health-check`).
    HealthCheck,
}

impl Ending {
    /// The `outcome` label of `lookbook_connections_total`.
    pub fn label(&self) -> &'static str {
        match self {
            Ending::Session(_) => "served",
            Ending::Refused(_) | Ending::NoPty | Ending::Exec => "refused",
            Ending::Left => "left",
            Ending::LoginFailed { .. } => "login-failed",
            Ending::LoginDeadline(_) => "timed-out",
            Ending::ShutdownLoggingIn => "shutdown",
            Ending::Evicted => "evicted",
            Ending::Ssh(_) => "error",
            Ending::Cut(_) => "cut",
            Ending::BadProxyHeader(_) | Ending::NoProxyHeader => "bad-proxy-header",
            Ending::HealthCheck => "health-check",
        }
    }
}

/// The reason as the log says it: after `disconnect PEER ...: `, or, for
/// those turned away before SSH, after `refused PEER: ` (a cut) and
/// `dropping PEER: ` (no PROXY header). A health check is not logged.
impl fmt::Display for Ending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ending::Session(end) => f.write_str(&end.reason()),
            Ending::ShutdownLoggingIn => f.write_str("server shutting down"),
            Ending::Refused(refusal) => write!(f, "refused: {}", refusal.reason()),
            Ending::NoPty => f.write_str("refused: no PTY"),
            Ending::Exec => f.write_str("refused: exec"),
            Ending::Left => f.write_str("client left without starting a session"),
            Ending::LoginFailed { keys } => {
                write!(f, "login failed: {} not authorized", count(*keys, "key"))
            }
            Ending::LoginDeadline(deadline) => write!(f, "login deadline ({})", human(*deadline)),
            Ending::Evicted => f.write_str("evicted: said nothing while others were logging in"),
            Ending::Ssh(error) => write!(f, "ssh error: {error}"),
            Ending::Cut(refusal) => f.write_str(refusal.reason()),
            Ending::BadProxyHeader(error) => write!(f, "{error}"),
            Ending::NoProxyHeader => f.write_str("no PROXY protocol header in time"),
            Ending::HealthCheck => f.write_str("health check"),
        }
    }
}

impl From<End> for Ending {
    fn from(end: End) -> Ending {
        Ending::Session(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log's words and the metric's labels, as operators' dashboards
    /// and alerts know them: changing one is a breaking change.
    #[test]
    fn each_ending_has_its_log_reason_and_metric_label() {
        let minutes = Duration::from_secs(600);
        for (ending, reason, label) in [
            (Ending::Session(End::Quit), "quit", "served"),
            (Ending::Session(End::InputEnded), "input ended", "served"),
            (Ending::Session(End::ClientLeft), "client left", "served"),
            (
                Ending::Session(End::Idle(minutes)),
                "idle timeout (10 minutes)",
                "served",
            ),
            (
                Ending::Session(End::MaxSession(Duration::from_secs(3600))),
                "max-session reached (1 hour)",
                "served",
            ),
            (
                Ending::Session(End::Shutdown),
                "server shutting down",
                "served",
            ),
            (Ending::Session(End::DrawFailed), "draw failed", "served"),
            (
                Ending::Refused(Refusal::Full),
                "refused: max-sessions reached",
                "refused",
            ),
            (Ending::NoPty, "refused: no PTY", "refused"),
            (Ending::Exec, "refused: exec", "refused"),
            (
                Ending::Left,
                "client left without starting a session",
                "left",
            ),
            (
                Ending::LoginFailed { keys: 1 },
                "login failed: 1 key not authorized",
                "login-failed",
            ),
            (
                Ending::LoginDeadline(Duration::from_secs(10)),
                "login deadline (10 seconds)",
                "timed-out",
            ),
            (
                Ending::ShutdownLoggingIn,
                "server shutting down",
                "shutdown",
            ),
            (
                Ending::Evicted,
                "evicted: said nothing while others were logging in",
                "evicted",
            ),
            (
                Ending::Ssh(Arc::new(russh::Error::Disconnect)),
                "ssh error: Disconnected",
                "error",
            ),
            (Ending::Cut(Refusal::TooFast), "per-ip rate limit", "cut"),
            (
                Ending::BadProxyHeader(Arc::new(HeaderError::Missing)),
                "no PROXY protocol header",
                "bad-proxy-header",
            ),
            (
                Ending::NoProxyHeader,
                "no PROXY protocol header in time",
                "bad-proxy-header",
            ),
            (Ending::HealthCheck, "health check", "health-check"),
        ] {
            assert_eq!(ending.to_string(), reason, "{ending:?}");
            assert_eq!(ending.label(), label, "{ending:?}");
        }
    }

    #[test]
    fn a_session_end_is_the_same_ending() {
        for (end, ending) in [
            (End::Quit, "quit"),
            (End::InputEnded, "input ended"),
            (End::ClientLeft, "client left"),
            (
                End::Idle(Duration::from_secs(60)),
                "idle timeout (1 minute)",
            ),
            (
                End::MaxSession(Duration::from_secs(7200)),
                "max-session reached (2 hours)",
            ),
            (End::Shutdown, "server shutting down"),
            (End::DrawFailed, "draw failed"),
        ] {
            assert_eq!(end.reason(), ending);
            let ending = Ending::from(end);
            assert_eq!(ending.to_string(), end.reason());
            assert_eq!(ending.label(), "served");
        }
    }
}
