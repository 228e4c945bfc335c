//! The local terminal's raw input, read before crossterm's reader starts:
//! what answers the photo question, and the keys typed around it. Read
//! with a timeout (poll), so no reader is left behind waiting and the
//! answer never reaches the app as keys.

use std::io;
use std::os::fd::AsFd;
use std::time::Instant;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

/// The next bytes on stdin, or `None` once `deadline` passed or stdin
/// ended. Blocks: the driver runs it on a blocking thread.
pub fn read(deadline: Instant) -> io::Result<Option<Vec<u8>>> {
    let stdin = io::stdin();
    let tty = stdin.as_fd();
    let mut chunk = [0; 256];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        let timeout = Timespec::try_from(left).map_err(io::Error::other)?;
        match poll(&mut [PollFd::new(&tty, PollFlags::IN)], Some(&timeout)) {
            Ok(0) | Err(Errno::INTR) => continue,
            Ok(_) => {}
            Err(error) => return Err(error.into()),
        }
        match rustix::io::read(tty, &mut chunk) {
            Ok(0) => return Ok(None),
            Ok(read) => return Ok(Some(chunk[..read].to_vec())),
            Err(Errno::INTR | Errno::AGAIN) => continue,
            Err(error) => return Err(error.into()),
        }
    }
}
