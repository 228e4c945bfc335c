//! The server's settings, its host key and who may log in.

use std::fs;
use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{Algorithm, PrivateKey, PublicKey};
use russh::{MethodKind, MethodSet, SshId};

use super::limits::Limits;
use crate::photos::Images;

/// Everything `lookbook serve` can be told.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub host_key: PathBuf,
    /// Only these keys may log in; `None` is the public demo (anyone).
    pub authorized_keys: Option<PathBuf>,
    pub limits: Limits,
    /// From TCP connect to a running session (auth, PTY and shell).
    pub login_deadline: Duration,
    /// Without input from the client; the server's own output doesn't count.
    pub idle_timeout: Duration,
    pub max_session: Duration,
    /// Behind a balancer: every connection starts with a PROXY header
    /// that says who the visitor is.
    pub proxy_protocol: bool,
    /// Where to serve Prometheus metrics, if anywhere.
    pub metrics: Option<SocketAddr>,
    /// How visitors' terminals show photos.
    pub images: Images,
    /// Show visitors what is wrong with a save (the error banner, `e`);
    /// off, they keep the last good edit silently.
    pub show_errors: bool,
}

impl Settings {
    /// The defaults of `lookbook serve`, listening on `listen`, with the host
    /// key at `host_key`.
    pub fn new(listen: SocketAddr, host_key: PathBuf) -> Settings {
        Settings {
            listen,
            host_key,
            authorized_keys: None,
            limits: Limits::default(),
            login_deadline: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(10 * 60),
            max_session: Duration::from_secs(60 * 60),
            proxy_protocol: false,
            metrics: None,
            images: Images::Auto,
            show_errors: false,
        }
    }
}

/// Why the host key or the authorized keys can't be used; each says the
/// file first.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: not an authorized_keys file: {source}", .path.display())]
    AuthorizedKeys {
        path: PathBuf,
        source: russh::keys::ssh_key::Error,
    },
    #[error("{}: holds no keys", .0.display())]
    NoKeys(PathBuf),
    #[error("{}: not an OpenSSH private key: {source}", .path.display())]
    NotAKey {
        path: PathBuf,
        source: russh::keys::ssh_key::Error,
    },
    #[error("{}: the host key must be ed25519, not {algorithm}", .path.display())]
    NotEd25519 { path: PathBuf, algorithm: Algorithm },
    /// Reading the host key, or writing a new one (its folder, the file).
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// No randomness to seed a new host key with.
    #[error("{}: {source}", .path.display())]
    Seed {
        path: PathBuf,
        source: getrandom::Error,
    },
    /// A new host key that would not encode (it always does).
    #[error("{}: {source}", .path.display())]
    Encode {
        path: PathBuf,
        source: russh::keys::ssh_key::Error,
    },
}

/// Who may log in.
#[derive(Debug, Clone)]
pub enum Access {
    /// A public demo: `none`, any public key, keyboard-interactive with no
    /// prompt; so a plain `ssh -p PORT host` gets in.
    Anyone,
    /// Only these public keys.
    Keys(Arc<Vec<PublicKey>>),
}

impl Access {
    pub fn load(authorized_keys: Option<&Path>) -> Result<Access, ConfigError> {
        let Some(path) = authorized_keys else {
            return Ok(Access::Anyone);
        };
        let entries = russh::keys::ssh_key::AuthorizedKeys::read_file(path).map_err(|source| {
            ConfigError::AuthorizedKeys {
                path: path.to_path_buf(),
                source,
            }
        })?;
        let keys: Vec<PublicKey> = entries.iter().map(|e| e.public_key().clone()).collect();
        if keys.is_empty() {
            return Err(ConfigError::NoKeys(path.to_path_buf()));
        }
        Ok(Access::Keys(Arc::new(keys)))
    }

    pub fn allows(&self, key: &PublicKey) -> bool {
        match self {
            Access::Anyone => true,
            Access::Keys(keys) => keys.iter().any(|k| k.key_data() == key.key_data()),
        }
    }

    fn methods(&self) -> MethodSet {
        match self {
            Access::Anyone => MethodSet::from(
                &[
                    MethodKind::None,
                    MethodKind::PublicKey,
                    MethodKind::KeyboardInteractive,
                ][..],
            ),
            Access::Keys(_) => MethodSet::from(&[MethodKind::PublicKey][..]),
        }
    }
}

/// The version line the server opens every connection with.
pub const SERVER_ID: &str = concat!("SSH-2.0-lookbook_", env!("CARGO_PKG_VERSION"));

/// Where the host key lives unless `--host-key` says: the user's data dir
/// (`$XDG_DATA_HOME`, else `~/.local/share`; `~/Library/Application Support`
/// on macOS), in `lookbook/ssh_host_ed25519_key`.
pub fn default_host_key_path() -> Option<PathBuf> {
    let home = || {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    };
    let data = if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| home().map(|h| h.join(".local/share")))
    };
    data.map(|d| d.join("lookbook").join("ssh_host_ed25519_key"))
}

/// The host key at `path`, or a new ed25519 key written there (mode 0600,
/// its folder created) when there is none. Never a throwaway key: clients
/// remember it, so it must survive restarts. Returns whether it was created.
pub fn host_key(path: &Path) -> Result<(PrivateKey, bool), ConfigError> {
    let path_buf = || path.to_path_buf();
    match fs::read(path) {
        Ok(pem) => {
            let key = PrivateKey::from_openssh(&pem).map_err(|source| ConfigError::NotAKey {
                path: path_buf(),
                source,
            })?;
            if key.algorithm() != Algorithm::Ed25519 {
                return Err(ConfigError::NotEd25519 {
                    path: path_buf(),
                    algorithm: key.algorithm(),
                });
            }
            Ok((key, false))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            create_host_key(path).map(|key| (key, true))
        }
        Err(source) => Err(ConfigError::Io {
            path: path_buf(),
            source,
        }),
    }
}

fn create_host_key(path: &Path) -> Result<PrivateKey, ConfigError> {
    let io = |source| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|source| ConfigError::Seed {
        path: path.to_path_buf(),
        source,
    })?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    let pem = key
        .to_openssh(LineEnding::LF)
        .map_err(|source| ConfigError::Encode {
            path: path.to_path_buf(),
            source,
        })?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(io)?;
    }
    let mut file = private_file(path).map_err(io)?;
    file.write_all(pem.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(key)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// A new file only the owner can read; fails if one appeared meanwhile,
/// rather than overwriting a key clients already trust.
fn private_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// russh's configuration for these settings.
pub fn russh_config(key: PrivateKey, access: &Access) -> russh::server::Config {
    russh::server::Config {
        server_id: SshId::Standard(SERVER_ID.into()),
        methods: access.methods(),
        // OpenSSH probes with `none` first: answer that at once; a rejected
        // key still costs the usual second.
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        keys: vec![key],
        // Idleness is the session's business (input only); a client that
        // vanished stops answering keepalives and is dropped after ~45 s.
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(15)),
        keepalive_max: 3,
        nodelay: true,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_host_key_is_private_and_reused() {
        let dir = std::env::temp_dir().join(format!("lookbook-key-{}", std::process::id()));
        let path = dir.join("deeper").join("key");
        let _ = fs::remove_dir_all(&dir);
        let (first, created) = host_key(&path).expect("created");
        assert!(created);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("exists").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (again, created) = host_key(&path).expect("read back");
        assert!(!created);
        assert_eq!(first.public_key(), again.public_key());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_that_is_not_a_key_is_an_error() {
        let path = std::env::temp_dir().join(format!("lookbook-notkey-{}", std::process::id()));
        fs::write(&path, "hello").expect("written");
        let Err(error @ ConfigError::NotAKey { .. }) = host_key(&path) else {
            panic!("hello is not a key");
        };
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}: not an OpenSSH private key: ", path.display())),
            "{error}"
        );
        let _ = fs::remove_file(&path);
    }
}
