//! A socket that counts the bytes it carries (for the disconnect log line)
//! and that the server can cut, so a connection ends even if its client
//! stopped reading and the SSH layer is stuck writing to it.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use prometheus_client::metrics::counter::Counter;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

#[derive(Debug, Default)]
pub struct Counts {
    read: AtomicU64,
    written: AtomicU64,
    cut: AtomicBool,
    /// Whoever waits on the socket, woken when it is cut.
    wakers: Mutex<Vec<Waker>>,
}

impl Counts {
    /// Ends the connection: every read and write fails from now on.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        let wakers = std::mem::take(&mut *self.wakers.lock().unwrap_or_else(|e| e.into_inner()));
        wakers.into_iter().for_each(Waker::wake);
    }

    fn is_cut(&self, cx: &Context<'_>) -> bool {
        let mut wakers = self.wakers.lock().unwrap_or_else(|e| e.into_inner());
        if self.cut.load(Ordering::SeqCst) {
            return true;
        }
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        false
    }

    /// As if the client had said `bytes` bytes.
    #[cfg(test)]
    pub(super) fn heard(&self, bytes: usize) {
        self.read.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    #[cfg(test)]
    pub(super) fn is_cut_now(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    /// Bytes received from the client and sent to it, so far.
    pub fn get(&self) -> (u64, u64) {
        (
            self.read.load(Ordering::Relaxed),
            self.written.load(Ordering::Relaxed),
        )
    }
}

pub struct Counted<S> {
    inner: S,
    counts: Arc<Counts>,
    /// Every connection's bytes out, added as they go (the metrics).
    sent: Counter,
}

impl<S> Counted<S> {
    pub fn new(inner: S, sent: Counter) -> (Counted<S>, Arc<Counts>) {
        let counts = Arc::new(Counts::default());
        let counted = Counted {
            inner,
            counts: Arc::clone(&counts),
            sent,
        };
        (counted, counts)
    }
}

impl<S> Counted<S> {
    /// Its counts, shared.
    pub fn counts(&self) -> Arc<Counts> {
        Arc::clone(&self.counts)
    }

    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The socket itself, no longer counted.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Counted<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.counts.is_cut(cx) {
            return Poll::Ready(Err(cut()));
        }
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len().saturating_sub(before);
        self.counts.read.fetch_add(read as u64, Ordering::Relaxed);
        poll
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Counted<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.counts.is_cut(cx) {
            return Poll::Ready(Err(cut()));
        }
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(written)) = poll {
            self.counts
                .written
                .fetch_add(written as u64, Ordering::Relaxed);
            self.sent.inc_by(written as u64);
        }
        poll
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

fn cut() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "closed by the server")
}
