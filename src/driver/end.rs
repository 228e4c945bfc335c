//! How a session ended, whatever carried it: the driver decides, the
//! transport says goodbye with it, and the server logs and counts it.

use std::time::Duration;

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The user quit (`q`, `Esc`, Ctrl-C).
    Quit,
    /// The client's input ended (a scripted demo, `ssh host < keys`): a
    /// clean end, like quitting.
    InputEnded,
    /// The client closed the channel or vanished.
    ClientLeft,
    Idle(Duration),
    MaxSession(Duration),
    Shutdown,
    /// A signal ended the local browser (the window closed, `kill`): it
    /// exits with 128 + this number, the Unix shell's convention.
    Signal(i32),
    /// Drawing failed (it doesn't, into a buffer; but never panic).
    DrawFailed,
}

impl End {
    /// What the client reads on its restored screen.
    pub fn message(self) -> String {
        match self {
            End::Quit | End::InputEnded => "lookbook: thanks for browsing!".into(),
            End::ClientLeft | End::Signal(_) => String::new(),
            End::Idle(after) => format!(
                "lookbook: closed after {} without a key press. Thanks for browsing!",
                human(after)
            ),
            End::MaxSession(after) => format!(
                "lookbook: sessions last at most {}. Thanks for browsing; you're welcome back!",
                human(after)
            ),
            End::Shutdown => "lookbook: the lookbook is closing. Thanks for browsing!".into(),
            End::DrawFailed => "lookbook: something went wrong drawing the screen, sorry.".into(),
        }
    }

    /// The exit status: 0 when the user chose to quit, 1 when the server
    /// ended the session.
    pub fn exit_status(self) -> u32 {
        match self {
            End::Quit | End::InputEnded => 0,
            _ => 1,
        }
    }

    /// The reason as the log says it.
    pub fn reason(self) -> String {
        match self {
            End::Quit => "quit".into(),
            End::InputEnded => "input ended".into(),
            End::ClientLeft => "client left".into(),
            End::Idle(after) => format!("idle timeout ({})", human(after)),
            End::MaxSession(after) => format!("max-session reached ({})", human(after)),
            End::Shutdown => "server shutting down".into(),
            End::Signal(signal) => format!("signal {signal}"),
            End::DrawFailed => "draw failed".into(),
        }
    }
}

/// `10 minutes`, `1 hour`, `2 seconds`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    let (n, unit) = if secs >= 3600 && secs.is_multiple_of(3600) {
        (secs / 3600, "hour")
    } else if secs >= 60 && secs.is_multiple_of(60) {
        (secs / 60, "minute")
    } else {
        (secs, "second")
    };
    crate::words::count(usize::try_from(n).unwrap_or(usize::MAX), unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(human(Duration::from_secs(600)), "10 minutes");
        assert_eq!(human(Duration::from_secs(3600)), "1 hour");
        assert_eq!(human(Duration::from_secs(2)), "2 seconds");
        assert_eq!(human(Duration::from_millis(1500)), "1 second");
        // Whole minutes that are not whole hours stay minutes; seconds
        // that are not whole minutes stay seconds.
        assert_eq!(human(Duration::from_secs(5400)), "90 minutes");
        assert_eq!(human(Duration::from_secs(90)), "90 seconds");
    }

    /// What the visitor reads as the session closes: thanks, unless they
    /// left (nobody is there to read it).
    #[test]
    fn each_end_says_goodbye_in_its_own_words() {
        let thanks = "lookbook: thanks for browsing!";
        assert_eq!(End::Quit.message(), thanks);
        assert_eq!(End::InputEnded.message(), thanks);
        assert_eq!(End::ClientLeft.message(), "");
        assert_eq!(
            End::Idle(Duration::from_secs(600)).message(),
            "lookbook: closed after 10 minutes without a key press. Thanks for browsing!"
        );
        assert_eq!(
            End::MaxSession(Duration::from_secs(3600)).message(),
            "lookbook: sessions last at most 1 hour. Thanks for browsing; you're welcome back!"
        );
    }

    #[test]
    fn only_a_chosen_end_is_a_success() {
        assert_eq!(End::Quit.exit_status(), 0);
        assert_eq!(End::InputEnded.exit_status(), 0);
        assert_eq!(End::Shutdown.exit_status(), 1);
        assert_eq!(End::Signal(15).reason(), "signal 15");
    }
}
