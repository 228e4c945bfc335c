//! The PROXY protocol (v1 text and v2 binary), as HAProxy and most TCP
//! load balancers send it: a header before the client's first byte that
//! says who really connected. Behind a balancer every socket comes from the
//! balancer's address, so without it the per-address limits would treat
//! the whole crowd as one visitor.
//!
//! With `--proxy-protocol`, [`read_header`] takes the header off the socket
//! before SSH starts, byte-exact (the client's version line follows at
//! once and must stay unread). Without it, [`Unexpected`] turns a header
//! away, since taking a balancer's header for an SSH client's words would
//! silently serve everyone as the balancer.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use ppp::{v1, v2};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};

/// How a v1 header starts.
const V1_START: &[u8] = b"PROXY ";
/// A v1 header is at most this long, `\r\n` included (the spec's bound).
const V1_MAX: usize = 107;
/// The 12 bytes every v2 header starts with.
const V2_SIGNATURE: &[u8] = b"\r\n\r\n\0\r\nQUIT\n";
/// A v2 header's fixed part: signature, version and command, family, length.
const V2_FIXED: usize = 16;

/// Who the header says is on the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A visitor, at this address, relayed by the balancer.
    Visitor(SocketAddr),
    /// The balancer itself (v2 `LOCAL`): its health checks.
    Balancer,
    /// A relayed connection whose header gives no address lookbook uses
    /// (v1 `UNKNOWN`, v2 `PROXY` over `AF_UNIX` or an unspecified family):
    /// the specification says to serve it with the socket's own address.
    Unaddressed(&'static str),
}

/// Why a connection's first bytes are not a PROXY header; the text is
/// what the log says after `dropping PEER: `.
#[derive(Debug, thiserror::Error)]
pub enum HeaderError {
    /// The socket failed or closed first (`early eof`).
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("no PROXY protocol header")]
    Missing,
    #[error("PROXY v1 header longer than 107 bytes")]
    V1TooLong,
    #[error("bad PROXY v1 header: {0}")]
    V1(#[source] v1::BinaryParseError),
    #[error("bad PROXY v2 header: {0}")]
    V2(#[source] v2::ParseError),
}

/// Reads one PROXY header (v1 or v2) off `stream`, and not a byte more.
pub async fn read_header<S: AsyncRead + Unpin>(stream: &mut S) -> Result<Source, HeaderError> {
    let mut header = vec![0_u8; V1_START.len()];
    stream.read_exact(&mut header).await?;
    if header == V1_START {
        read_v1_rest(stream, &mut header).await?;
        source_v1(&header)
    } else if V2_SIGNATURE.starts_with(&header) {
        header.resize(V2_FIXED, 0);
        stream.read_exact(&mut header[V1_START.len()..]).await?;
        let length = usize::from(u16::from_be_bytes([header[14], header[15]]));
        header.resize(V2_FIXED + length, 0);
        stream.read_exact(&mut header[V2_FIXED..]).await?;
        source_v2(&header)
    } else {
        Err(HeaderError::Missing)
    }
}

/// The rest of a v1 header, to its `\r\n`, a byte at a time: a read of more
/// could take the client's first bytes too.
async fn read_v1_rest<S: AsyncRead + Unpin>(
    stream: &mut S,
    header: &mut Vec<u8>,
) -> Result<(), HeaderError> {
    while !header.ends_with(b"\r\n") {
        if header.len() == V1_MAX {
            return Err(HeaderError::V1TooLong);
        }
        header.push(stream.read_u8().await?);
    }
    Ok(())
}

/// What a whole v1 header says.
fn source_v1(header: &[u8]) -> Result<Source, HeaderError> {
    let header = v1::Header::try_from(header).map_err(HeaderError::V1)?;
    Ok(match header.addresses {
        v1::Addresses::Tcp4(ip) => {
            Source::Visitor(SocketAddr::from((ip.source_address, ip.source_port)))
        }
        v1::Addresses::Tcp6(ip) => {
            Source::Visitor(SocketAddr::from((ip.source_address, ip.source_port)))
        }
        v1::Addresses::Unknown => Source::Unaddressed("v1 UNKNOWN"),
    })
}

/// What a whole v2 header says.
fn source_v2(header: &[u8]) -> Result<Source, HeaderError> {
    let header = v2::Header::try_from(header).map_err(HeaderError::V2)?;
    Ok(match (header.command, header.addresses) {
        (v2::Command::Proxy, v2::Addresses::IPv4(ip)) => {
            Source::Visitor(SocketAddr::from((ip.source_address, ip.source_port)))
        }
        (v2::Command::Proxy, v2::Addresses::IPv6(ip)) => {
            Source::Visitor(SocketAddr::from((ip.source_address, ip.source_port)))
        }
        (v2::Command::Proxy, v2::Addresses::Unix(_)) => Source::Unaddressed("v2 AF_UNIX"),
        (v2::Command::Proxy, v2::Addresses::Unspecified) => Source::Unaddressed("v2 AF_UNSPEC"),
        // LOCAL is the balancer speaking for itself.
        (v2::Command::Local, _) => Source::Balancer,
    })
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// Whether `first` (a connection's first bytes) begins like a PROXY header.
fn looks_like_header(first: &[u8]) -> bool {
    let like = |start: &[u8]| {
        let n = first.len().min(start.len());
        n > 0 && first[..n] == start[..n]
    };
    like(V1_START) || like(V2_SIGNATURE)
}

/// A socket whose first read fails if it begins with a PROXY header: a
/// balancer sends one only when it was told to, so the server must be
/// told too (`--proxy-protocol`).
pub struct Unexpected<S> {
    inner: S,
    checked: bool,
}

impl<S> Unexpected<S> {
    /// `inner`, its first read checked when `check` (no header was
    /// expected, so none was read).
    pub fn new(inner: S, check: bool) -> Unexpected<S> {
        Unexpected {
            inner,
            checked: !check,
        }
    }

    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    pub fn into_inner(self) -> S {
        self.inner
    }
}

/// The error a header brings without `--proxy-protocol`.
pub const UNEXPECTED: &str =
    "a PROXY protocol header arrived, but --proxy-protocol is off (is a balancer in front?)";

impl<S: AsyncRead + Unpin> AsyncRead for Unexpected<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if !self.checked && buf.filled().len() > before {
            self.checked = true;
            if looks_like_header(&buf.filled()[before..]) {
                return Poll::Ready(Err(invalid(UNEXPECTED)));
            }
        }
        poll
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Unexpected<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a header from `bytes`; returns what it said and what is left.
    fn read(bytes: &[u8]) -> (Result<Source, HeaderError>, Vec<u8>) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut stream = bytes;
            let source = read_header(&mut stream).await;
            (source, stream.to_vec())
        })
    }

    fn v2(command: u8, family: u8, addresses: &[u8]) -> Vec<u8> {
        let mut header = V2_SIGNATURE.to_vec();
        header.push(0x20 | command);
        header.push(family);
        header.extend(u16::try_from(addresses.len()).unwrap().to_be_bytes());
        header.extend(addresses);
        header
    }

    const SSH: &[u8] = b"SSH-2.0-OpenSSH_9.2\r\n";

    #[test]
    fn a_v1_header_gives_the_visitor_and_leaves_the_client_bytes() {
        let mut bytes = b"PROXY TCP4 192.0.2.7 10.0.0.1 51234 2222\r\n".to_vec();
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(
            source.unwrap(),
            Source::Visitor("192.0.2.7:51234".parse().unwrap())
        );
        assert_eq!(rest, SSH);

        let (source, _) = read(b"PROXY TCP6 2001:db8::7 2001:db8::1 4000 2222\r\n");
        assert_eq!(
            source.unwrap(),
            Source::Visitor("[2001:db8::7]:4000".parse().unwrap())
        );
        let (source, rest) = read(b"PROXY UNKNOWN\r\nSSH");
        assert_eq!(source.unwrap(), Source::Unaddressed("v1 UNKNOWN"));
        assert_eq!(rest, b"SSH");
    }

    #[test]
    fn a_v2_header_gives_the_visitor_and_leaves_the_client_bytes() {
        // PROXY over TCP/IPv4: source, destination, source port, destination port.
        let mut bytes = v2(
            1,
            0x11,
            &[198, 51, 100, 9, 10, 0, 0, 1, 0xc8, 0x01, 0x08, 0xae],
        );
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(
            source.unwrap(),
            Source::Visitor("198.51.100.9:51201".parse().unwrap())
        );
        assert_eq!(rest, SSH);

        let mut six = [0_u8; 36];
        six[15] = 5; // ::5
        six[31] = 1;
        six[32..].copy_from_slice(&[0, 80, 8, 174]);
        let (source, _) = read(&v2(1, 0x21, &six));
        assert_eq!(
            source.unwrap(),
            Source::Visitor("[::5]:80".parse().unwrap())
        );
    }

    #[test]
    fn a_v2_proxy_header_without_an_ip_address_is_served_unaddressed() {
        // AF_UNIX over a stream: 108 bytes of source path, 108 of destination.
        let mut unix = v2(1, 0x31, &[0; 216]);
        unix.extend(SSH);
        let (source, rest) = read(&unix);
        assert_eq!(source.unwrap(), Source::Unaddressed("v2 AF_UNIX"));
        assert_eq!(rest, SSH);
        let (source, _) = read(&v2(1, 0x00, &[]));
        assert_eq!(source.unwrap(), Source::Unaddressed("v2 AF_UNSPEC"));
    }

    #[test]
    fn a_local_v2_header_is_the_balancer_checking_health() {
        let mut bytes = v2(0, 0x00, &[]);
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(source.unwrap(), Source::Balancer);
        assert_eq!(rest, SSH);
    }

    #[test]
    fn anything_else_is_not_a_header() {
        for (bytes, says) in [
            (SSH, "no PROXY protocol header"),
            (b"PROXY TCP4 nonsense\r\n".as_slice(), "bad PROXY v1 header"),
            (b"PROXY TCP4 192.0.2.7".as_slice(), "end of file"),
            (&[b'P'; 200], "no PROXY protocol header"),
        ] {
            let (source, _) = read(bytes);
            let error = source.unwrap_err().to_string();
            assert!(error.contains(says), "{error:?} for {bytes:?}");
        }
        assert!(matches!(read(SSH).0, Err(HeaderError::Missing)));
        let endless = [V1_START, &[b'1'; 200]].concat();
        let (source, _) = read(&endless);
        assert!(matches!(source, Err(HeaderError::V1TooLong)));
        assert_eq!(
            HeaderError::V1TooLong.to_string(),
            "PROXY v1 header longer than 107 bytes"
        );
        // A v2 header whose version nibble is wrong.
        let mut bad = v2(1, 0x11, &[0; 12]);
        bad[12] = 0x31;
        let (source, _) = read(&bad);
        assert!(
            source
                .unwrap_err()
                .to_string()
                .contains("bad PROXY v2 header")
        );
    }

    #[test]
    fn without_the_flag_a_header_is_refused_and_ssh_is_not() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let first_read = |bytes: &'static [u8]| {
            runtime.block_on(async {
                let mut guarded = Unexpected::new(bytes, true);
                let mut buf = [0_u8; 64];
                guarded.read(&mut buf).await.map(|n| buf[..n].to_vec())
            })
        };
        assert_eq!(first_read(SSH).unwrap(), SSH);
        let error = first_read(b"PROXY TCP4 192.0.2.7 10.0.0.1 1 2\r\n").unwrap_err();
        assert_eq!(error.to_string(), UNEXPECTED);
        assert!(first_read(b"\r\n\r\n\0\r\nQUIT\n!").is_err());
        assert!(first_read(b"\r\n\r\n").is_err(), "a header's start is one");
        // With the flag, the header was read already: what follows is the client's.
        let after = runtime.block_on(async {
            let mut read = Unexpected::new(b"PROXY and more".as_slice(), false);
            let mut buf = [0_u8; 64];
            read.read(&mut buf).await.map(|n| buf[..n].to_vec())
        });
        assert_eq!(after.unwrap(), b"PROXY and more");
    }
}
