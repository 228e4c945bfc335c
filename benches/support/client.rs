//! The russh client the SSH benchmarks connect with: it trusts any host
//! key (each run's server makes a fresh one). Shared through `#[path]` by
//! `benches/ssh.rs`, `benches/support/crowd.rs` (the crowd benches) and
//! `tests/ssh.rs`.

use russh::client;
use russh::keys::PublicKeyOrCertificate;

pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}
