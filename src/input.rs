//! Raw bytes from a terminal into key events, where crossterm's reader
//! is not the one reading them: an SSH visitor's channel, and the keys
//! typed locally while the terminal answered the photo question.
//!
//! An SSH client sends what its terminal produces: plain characters, UTF-8,
//! control bytes and escape sequences, cut into packets wherever the network
//! felt like it. The parser keeps an unfinished sequence until the next
//! packet, and a lone ESC (the Esc key itself) waits for [`ESC_WAIT`]: if
//! nothing follows, the session calls [`InputParser::flush`] and it is Esc.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How long a lone ESC waits for the rest of a sequence. A terminal sends a
/// sequence in one write, but the network may still deliver it in two
/// packets, the second held back up to a delayed ACK (40 ms on Linux); a
/// person can't type a second key this fast, and Esc still feels instant.
pub const ESC_WAIT: Duration = Duration::from_millis(100);

/// Longest sequence kept while waiting for its end; anything longer is noise
/// (or hostile) and is dropped, so the buffer stays small.
const MAX_PENDING: usize = 64;

const ESC: u8 = 0x1b;

#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

/// What parsing the front of the buffer found.
enum Step {
    /// A key, and how many bytes it took.
    Key(KeyEvent, usize),
    /// Bytes that mean nothing to lookbook (mouse reports, paste markers,
    /// invalid UTF-8), skipped.
    Skip(usize),
    /// The front is the start of a sequence whose end has not arrived.
    Incomplete,
}

impl InputParser {
    pub fn new() -> InputParser {
        InputParser::default()
    }

    /// Parses `bytes` after whatever was kept from before, pushing the keys
    /// found onto `keys`, and keeps an unfinished sequence for next time.
    pub fn feed(&mut self, bytes: &[u8], keys: &mut Vec<KeyEvent>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..]) {
                Step::Key(key, used) => {
                    keys.push(key);
                    at += used;
                }
                Step::Skip(used) => at += used,
                Step::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        if self.pending.len() > MAX_PENDING {
            self.pending.clear();
        }
    }

    /// Whether bytes are waiting for the rest of their sequence; the session
    /// then calls [`InputParser::flush`] after [`ESC_WAIT`] without input.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Nothing more came: a waiting ESC is the Esc key, and what follows it is
    /// read as plain keys. An unfinished UTF-8 character is dropped.
    pub fn flush(&mut self, keys: &mut Vec<KeyEvent>) {
        // Each turn removes at least one byte, so this ends.
        while let Some(&first) = self.pending.first() {
            if first != ESC {
                self.pending.clear();
                break;
            }
            keys.push(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let rest = self.pending.split_off(1);
            self.pending.clear();
            self.feed(&rest, keys);
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers, used: usize) -> Step {
    Step::Key(KeyEvent::new(code, modifiers), used)
}

fn parse(bytes: &[u8]) -> Step {
    let Some(&first) = bytes.first() else {
        return Step::Incomplete;
    };
    let none = KeyModifiers::NONE;
    match first {
        ESC => parse_escape(bytes),
        b'\r' | b'\n' => key(KeyCode::Enter, none, 1),
        b'\t' => key(KeyCode::Tab, none, 1),
        0x7f | 0x08 => key(KeyCode::Backspace, none, 1),
        0x00 => key(KeyCode::Char(' '), KeyModifiers::CONTROL, 1),
        0x01..=0x1a => key(
            KeyCode::Char(char::from(b'a' + first - 1)),
            KeyModifiers::CONTROL,
            1,
        ),
        0x1c..=0x1f => key(
            KeyCode::Char(char::from(b'\\' + first - 0x1c)),
            KeyModifiers::CONTROL,
            1,
        ),
        b'A'..=b'Z' => key(KeyCode::Char(char::from(first)), KeyModifiers::SHIFT, 1),
        0x20..=0x7e => key(KeyCode::Char(char::from(first)), none, 1),
        _ => parse_utf8(bytes),
    }
}

fn parse_utf8(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    let Some(encoded) = bytes.get(..len) else {
        // A continuation byte that isn't one can never become valid: skip now.
        return if bytes[1..].iter().all(|b| b & 0xc0 == 0x80) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    };
    match std::str::from_utf8(encoded)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => key(KeyCode::Char(c), KeyModifiers::NONE, len),
        None => Step::Skip(1),
    }
}

/// ESC alone waits; ESC `[` is a CSI sequence, ESC `O` an SS3 one; ESC
/// before anything else is Esc, and the next byte is read on its own (so a
/// quick Esc then `j` are two keys, as lookbook has no Alt bindings).
fn parse_escape(bytes: &[u8]) -> Step {
    match bytes.get(1) {
        None => Step::Incomplete,
        Some(b'[') => parse_csi(bytes),
        Some(b'O') => parse_ss3(bytes),
        Some(_) => key(KeyCode::Esc, KeyModifiers::NONE, 1),
    }
}

fn parse_ss3(bytes: &[u8]) -> Step {
    let Some(&last) = bytes.get(2) else {
        return Step::Incomplete;
    };
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        _ => return Step::Skip(3),
    };
    key(code, KeyModifiers::NONE, 3)
}

/// `ESC [ params final`: parameters and intermediates are 0x20..=0x3f, the
/// final byte 0x40..=0x7e.
fn parse_csi(bytes: &[u8]) -> Step {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return if body.iter().all(|b| (0x20..=0x3f).contains(b)) {
            Step::Incomplete
        } else {
            // A byte that can't be in a sequence: drop what we have.
            Step::Skip(2)
        };
    };
    let used = 2 + end + 1;
    let params = &body[..end];
    if params.iter().any(|b| !(0x20..=0x3f).contains(b)) {
        return Step::Skip(2);
    }
    let mut numbers = params.split(|&b| b == b';').map(|n| {
        std::str::from_utf8(n)
            .ok()
            .and_then(|n| n.parse::<u16>().ok())
    });
    let first = numbers.next().flatten();
    let modifiers = modifiers(numbers.next().flatten());
    let code = match (body[end], first) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) => KeyCode::Home,
        (b'F', _) => KeyCode::End,
        (b'Z', _) => KeyCode::BackTab,
        (b'~', Some(1 | 7)) => KeyCode::Home,
        (b'~', Some(4 | 8)) => KeyCode::End,
        (b'~', Some(2)) => KeyCode::Insert,
        (b'~', Some(3)) => KeyCode::Delete,
        (b'~', Some(5)) => KeyCode::PageUp,
        (b'~', Some(6)) => KeyCode::PageDown,
        _ => return Step::Skip(used),
    };
    let modifiers = if code == KeyCode::BackTab {
        modifiers | KeyModifiers::SHIFT
    } else {
        modifiers
    };
    key(code, modifiers, used)
}

/// xterm's modifier parameter: 1 + a bit set of shift, alt, ctrl.
fn modifiers(parameter: Option<u16>) -> KeyModifiers {
    let bits = parameter.unwrap_or(1).saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_in_packets(packets: &[&[u8]]) -> Vec<KeyEvent> {
        let mut parser = InputParser::new();
        let mut keys = Vec::new();
        for packet in packets {
            parser.feed(packet, &mut keys);
        }
        keys
    }

    fn codes(keys: &[KeyEvent]) -> Vec<KeyCode> {
        keys.iter().map(|k| k.code).collect()
    }

    #[test]
    fn plain_text_pasted_at_once_is_one_key_per_character() {
        let keys = keys_in_packets(&[b"jjk?"]);
        assert_eq!(
            codes(&keys),
            [
                KeyCode::Char('j'),
                KeyCode::Char('j'),
                KeyCode::Char('k'),
                KeyCode::Char('?')
            ]
        );
    }

    #[test]
    fn arrows_in_both_cursor_modes() {
        let keys = keys_in_packets(&[b"\x1b[A\x1b[B\x1bOC\x1bOD"]);
        assert_eq!(
            codes(&keys),
            [KeyCode::Up, KeyCode::Down, KeyCode::Right, KeyCode::Left]
        );
    }

    #[test]
    fn a_sequence_cut_between_packets_is_kept_until_its_end() {
        let keys = keys_in_packets(&[b"j\x1b", b"[", b"B", b"k"]);
        assert_eq!(
            codes(&keys),
            [KeyCode::Char('j'), KeyCode::Down, KeyCode::Char('k')]
        );
    }

    #[test]
    fn a_lone_esc_waits_and_is_esc_when_flushed() {
        let mut parser = InputParser::new();
        let mut keys = Vec::new();
        parser.feed(b"\x1b", &mut keys);
        assert!(keys.is_empty());
        assert!(parser.has_pending());
        parser.flush(&mut keys);
        assert_eq!(codes(&keys), [KeyCode::Esc]);
        assert!(!parser.has_pending());
    }

    #[test]
    fn esc_then_a_key_are_two_keys() {
        let keys = keys_in_packets(&[b"\x1bq"]);
        assert_eq!(codes(&keys), [KeyCode::Esc, KeyCode::Char('q')]);
        let keys = keys_in_packets(&[b"\x1b\x1b[A"]);
        assert_eq!(codes(&keys), [KeyCode::Esc, KeyCode::Up]);
    }

    #[test]
    fn an_unfinished_csi_flushes_as_esc_and_its_characters() {
        let mut parser = InputParser::new();
        let mut keys = Vec::new();
        parser.feed(b"\x1b[", &mut keys);
        parser.flush(&mut keys);
        assert_eq!(codes(&keys), [KeyCode::Esc, KeyCode::Char('[')]);
    }

    #[test]
    fn ctrl_c_is_c_with_control() {
        let keys = keys_in_packets(&[b"\x03"]);
        assert_eq!(
            keys,
            [KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn enter_tab_backtab_and_the_tilde_keys() {
        let keys = keys_in_packets(&[b"\r\t\x1b[Z\x1b[5~\x1b[6~\x1b[1~\x1b[4~\x1b[H\x1b[F"]);
        assert_eq!(
            codes(&keys),
            [
                KeyCode::Enter,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Home,
                KeyCode::End
            ]
        );
    }

    #[test]
    fn modifiers_on_arrows() {
        let keys = keys_in_packets(&[b"\x1b[1;5A"]);
        assert_eq!(keys, [KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL)]);
    }

    #[test]
    fn utf8_whole_and_split_across_packets() {
        let bytes = "é€😀".as_bytes();
        let keys = keys_in_packets(&[&bytes[..1], &bytes[1..4], &bytes[4..8], &bytes[8..]]);
        assert_eq!(
            codes(&keys),
            [KeyCode::Char('é'), KeyCode::Char('€'), KeyCode::Char('😀')]
        );
    }

    #[test]
    fn invalid_utf8_and_unknown_sequences_are_skipped() {
        let keys = keys_in_packets(&[b"\xff\xc3(j\x1b[200~k\x1b[<0;3;4M"]);
        assert_eq!(
            codes(&keys),
            [KeyCode::Char('('), KeyCode::Char('j'), KeyCode::Char('k')]
        );
    }

    #[test]
    fn an_endless_sequence_does_not_grow_the_buffer() {
        let mut parser = InputParser::new();
        let mut keys = Vec::new();
        parser.feed(b"\x1b[", &mut keys);
        for _ in 0..1000 {
            parser.feed(b"1;", &mut keys);
        }
        assert!(parser.pending.len() <= MAX_PENDING);
    }

    #[test]
    fn any_bytes_in_any_packets_parse_without_panic() {
        // A cheap exhaustive-ish sweep: every byte after every prefix that
        // opens a sequence, then flushed.
        for prefix in [
            &b""[..],
            b"\x1b",
            b"\x1b[",
            b"\x1bO",
            b"\x1b[1;",
            b"\xe2\x82",
        ] {
            for byte in 0..=255u8 {
                let mut parser = InputParser::new();
                let mut keys = Vec::new();
                parser.feed(prefix, &mut keys);
                parser.feed(&[byte], &mut keys);
                parser.flush(&mut keys);
                assert!(!parser.has_pending());
            }
        }
    }
}
