//! The SSH side of one connection: who gets in, and which requests are
//! answered. Only one thing is reachable: a session channel with a PTY and
//! a shell, which is the lookbook. Everything else (exec, subsystems such as
//! sftp, agent and X11 forwarding, port forwarding, a second channel) is
//! refused.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use russh::keys::PublicKey;
use russh::server::VerifiedPublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Response, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty};
use tokio::sync::watch;

use super::config::Access;
use super::ending::Ending;
use super::limits::{Refusal, Ticket};
use super::server::Shared;
use super::session::{self, Start};
use crate::browser::{Browser, Problems};
use crate::photos::{self, PhotoMode};
use crate::ui::theme::Theme;

/// Where a connection is; the connection task watches it for the login
/// deadline and to close a connection whose session is over.
#[derive(Debug, Clone)]
pub enum Phase {
    LoggingIn,
    Running,
    /// The session ended, or the connection was turned away with a message.
    Done(Ending),
}

pub struct Connection {
    shared: Arc<Shared>,
    /// Its place with the tracker, to become a session when its shell
    /// starts; or, over a limit, why it is told so and closed.
    admission: Result<Ticket, Refusal>,
    phase: watch::Sender<Phase>,
    /// The one session channel, until its shell starts.
    channel: Option<Channel<Msg>>,
    channel_id: Option<ChannelId>,
    pty: Option<(u16, u16)>,
    /// What the client says of its terminal: `TERM` (from the PTY
    /// request), `NO_COLOR` and `COLORTERM` (sent as environment).
    term: Option<String>,
    no_color: Option<String>,
    colorterm: Option<String>,
    /// `TERM_PROGRAM`, when sent (`ssh -o SetEnv=TERM_PROGRAM=...`), and
    /// the window's size in pixels from the PTY request (0 when unknown):
    /// how photos can be shown.
    term_program: Option<String>,
    pixels: (u32, u32),
    /// The user name the client logged in with: the edit it opens, when
    /// there is one by that name.
    user: Option<String>,
    /// Keys offered that are not among the authorized ones: a failed
    /// login, which the log says as such.
    refused_keys: Arc<AtomicUsize>,
}

impl Connection {
    pub fn new(
        shared: Arc<Shared>,
        admission: Result<Ticket, Refusal>,
        phase: watch::Sender<Phase>,
        refused_keys: Arc<AtomicUsize>,
    ) -> Connection {
        Connection {
            shared,
            admission,
            phase,
            channel: None,
            channel_id: None,
            pty: None,
            term: None,
            no_color: None,
            colorterm: None,
            term_program: None,
            pixels: (0, 0),
            user: None,
            refused_keys,
        }
    }

    fn access(&self) -> &Access {
        &self.shared.access
    }

    fn allows(&self, key: &PublicKey) -> Auth {
        if self.access().allows(key) {
            Auth::Accept
        } else {
            self.refused_keys.fetch_add(1, Ordering::Relaxed);
            Auth::reject()
        }
    }

    fn open_to_anyone(&self) -> Auth {
        match self.access() {
            Access::Anyone => Auth::Accept,
            Access::Keys(_) => Auth::reject(),
        }
    }

    fn is_ours(&self, channel: ChannelId) -> bool {
        self.channel_id == Some(channel)
    }

    /// Answers a shell or exec request on our channel. `false` when the
    /// answer was already given: not our channel, or a client over a limit,
    /// turned away with its message.
    fn acknowledge(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<bool, russh::Error> {
        if !self.is_ours(channel) || self.channel.is_none() {
            session.channel_failure(channel)?;
            return Ok(false);
        }
        session.channel_success(channel)?;
        if let Err(refusal) = self.admission {
            self.turn_away(
                channel,
                refusal.message(),
                Ending::Refused(refusal),
                session,
            )?;
            return Ok(false);
        }
        Ok(true)
    }

    /// A one-line message, exit status 1, EOF, close.
    fn turn_away(
        &mut self,
        channel: ChannelId,
        message: &str,
        ending: Ending,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let line = format!("{message}\r\n");
        if matches!(ending, Ending::Exec | Ending::NoPty) {
            session.extended_data(channel, 1, line.into_bytes())?;
        } else {
            session.data(channel, line.into_bytes())?;
        }
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)?;
        self.channel = None;
        self.phase.send_replace(Phase::Done(ending));
        Ok(())
    }

    fn start_session(&mut self) {
        let (Some(channel), Some(size)) = (self.channel.take(), self.pty) else {
            return;
        };
        let terminal = photos::Terminal {
            term: self.term.as_deref(),
            term_program: self.term_program.as_deref(),
            cells: size,
            pixels: self.pixels,
        };
        let images = self.shared.settings.images;
        // Kitty keeps the images each terminal was sent: each visitor's
        // kitty photos are their own.
        let terminal_id = NEXT_TERMINAL.fetch_add(1, Ordering::Relaxed);
        let mode = match PhotoMode::choose(images, terminal) {
            PhotoMode::Graphics { protocol, cell, .. } if protocol == photos::Graphics::Kitty => {
                PhotoMode::Graphics {
                    protocol,
                    cell,
                    terminal: terminal_id,
                }
            }
            mode => mode,
        };
        let mut theme = Theme::for_terminal(
            self.no_color.as_deref(),
            self.term.as_deref(),
            self.colorterm.as_deref(),
        )
        .with_photos(images, mode);
        // A visitor is shown what is wrong with a save, never its lines.
        theme.source_lines = false;
        let shared = &self.shared;
        let mut catalogue = shared.catalogue.clone();
        let current = std::sync::Arc::clone(&catalogue.borrow_and_update());
        // Asked only where there are photos to show: the question costs a
        // round trip before the first frame.
        let photo_question = (images == photos::Images::Auto && current.has_photos()).then_some(
            session::PhotoQuestion {
                terminal: terminal_id,
            },
        );
        let problems = if shared.settings.show_errors {
            Problems::Shown
        } else {
            Problems::Hidden
        };
        let browser = Browser::showing(current, self.user.as_deref(), problems);
        let start = Start {
            photo_question,
            browser,
            catalogue,
            theme,
            size,
            pixels: self.pixels,
            channel,
            idle_timeout: shared.settings.idle_timeout,
            max_session: shared.settings.max_session,
            shutdown: shared.shutdown.clone(),
            frame_seconds: shared.metrics.frame_seconds(),
        };
        let phase = self.phase.clone();
        phase.send_replace(Phase::Running);
        tokio::spawn(async move {
            let end = session::run(start).await;
            phase.send_replace(Phase::Done(Ending::from(end)));
        });
    }
}

/// Tells each visitor's terminal from every other, for kitty's images.
static NEXT_TERMINAL: AtomicU64 = AtomicU64::new(1);

/// How to browse instead, for a line that refuses something.
fn connect_hint(listen: SocketAddr) -> String {
    format!(
        "connect with `ssh -p {} HOST`, without a command or -T",
        listen.port()
    )
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        self.user = Some(user.to_string());
        Ok(self.open_to_anyone())
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        self.user = Some(user.to_string());
        Ok(self.allows(offer.public_key))
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        self.user = Some(user.to_string());
        Ok(self.allows(key.public_key))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        self.user = Some(user.to_string());
        Ok(self.open_to_anyone())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel_id.is_some() {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel_id = Some(channel.id());
        self.channel = Some(channel);
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        pix_width: u32,
        pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) {
            return session.channel_failure(channel);
        }
        let size = session::usable_size(col_width, row_height).unwrap_or(session::DEFAULT_SIZE);
        self.pty = Some(size);
        self.pixels = (pix_width, pix_height);
        self.term = Some(term.to_string());
        session.channel_success(channel)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Before the shell starts, remember it; after, the session reads the
        // same request from its channel.
        if self.is_ours(channel)
            && self.pty.is_some()
            && let Some(size) = session::usable_size(col_width, row_height)
        {
            self.pty = Some(size);
        }
        Ok(())
    }

    /// Only `NO_COLOR`, `COLORTERM` and `TERM_PROGRAM` are taken, for the
    /// theme; nothing
    /// here has an environment.
    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match name {
            "NO_COLOR" if self.is_ours(channel) => {
                self.no_color = Some(value.to_string());
                session.channel_success(channel)
            }
            "COLORTERM" if self.is_ours(channel) => {
                self.colorterm = Some(value.to_string());
                session.channel_success(channel)
            }
            "TERM_PROGRAM" if self.is_ours(channel) => {
                self.term_program = Some(value.to_string());
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.acknowledge(channel, session)? {
            return Ok(());
        }
        if self.pty.is_none() {
            let message = format!(
                "lookbook needs a terminal: {}.",
                connect_hint(self.shared.settings.listen)
            );
            return self.turn_away(channel, &message, Ending::NoPty, session);
        }
        if let Ok(ticket) = self.admission
            && let Err(refusal) = self.shared.tracker.promote(ticket)
        {
            self.shared.metrics.refused(refusal);
            let ending = Ending::Refused(refusal);
            return self.turn_away(channel, refusal.message(), ending, session);
        }
        self.start_session();
        Ok(())
    }

    /// Nothing is run: the command is refused with a line saying how to
    /// browse, exit status 1, and the channel closes. The request itself is
    /// acknowledged, or OpenSSH would print only "exec request failed" and
    /// exit 255 without showing the line.
    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.acknowledge(channel, session)? {
            return Ok(());
        }
        let message = format!(
            "lookbook runs no commands; to browse, {}.",
            connect_hint(self.shared.settings.listen)
        );
        self.turn_away(channel, &message, Ending::Exec, session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}
