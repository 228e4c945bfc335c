//! Asking a terminal how it shows photos, and telling its answer apart
//! from the typing that arrives with it: the answer comes on the same input
//! as the keys, and a visitor may already be pressing them.

use ratatui_image::picker::cap_parser::{Parser, QueryStdioOptions, Response};

use super::choose::{Terminal, cell_size, plausible_cell};
use super::{Graphics, PhotoMode};

/// What a program sends to learn how a terminal shows photos: whether it
/// draws kitty graphics, its device attributes (sixel), its cell size in
/// pixels, and a status report every terminal answers, last, so the
/// answer's end is known.
pub fn query() -> String {
    Parser::query(false, QueryStdioOptions::default())
}

const ESC: u8 = 0x1b;

/// An answer's longest part: a kitty reply is a few dozen bytes. A string
/// not ended within this many is not an answer, and goes back to the
/// typing.
const LONGEST_REPLY: usize = 256;

/// A terminal's answer to [`query`], heard a chunk at a time.
pub struct Answer {
    parser: Parser,
    kitty: bool,
    sixel: bool,
    cell: Option<(u16, u16)>,
    done: bool,
    /// An escape sequence begun but not ended: part of the answer, or a
    /// key (an arrow, Alt and a letter), as its end will tell.
    pending: Vec<u8>,
}

impl Default for Answer {
    fn default() -> Answer {
        Answer {
            parser: Parser::new(),
            kitty: false,
            sixel: false,
            cell: None,
            done: false,
            pending: Vec::new(),
        }
    }
}

/// What the bytes held back so far are.
#[derive(Debug, PartialEq, Eq)]
enum Held {
    /// Not known yet: more is to come.
    Open,
    /// The first this many bytes are a reply to the query.
    Reply(usize),
    /// The first this many bytes are typing.
    Typing(usize),
}

impl Answer {
    /// Takes `bytes` from the terminal, answer and typing mixed as they
    /// came, and puts the typing, in order, on `typing`. Whether the answer
    /// has ended: after it, everything is typing.
    pub fn hear(&mut self, bytes: &[u8], typing: &mut Vec<u8>) -> bool {
        for &byte in bytes {
            if self.done || (self.pending.is_empty() && byte != ESC) {
                typing.push(byte);
                continue;
            }
            self.pending.push(byte);
            self.sort_pending(typing);
        }
        self.done
    }

    /// Stops listening: whatever was held back as the start of a reply
    /// was typing after all (Esc pressed, say).
    pub fn finish(&mut self, typing: &mut Vec<u8>) {
        typing.append(&mut self.pending);
    }

    /// Hands the held bytes on as far as they are known.
    fn sort_pending(&mut self, typing: &mut Vec<u8>) {
        while !self.pending.is_empty() {
            if self.pending[0] != ESC {
                typing.append(&mut self.pending);
                return;
            }
            match held(&self.pending) {
                Held::Open => return,
                Held::Reply(n) => {
                    let reply: Vec<u8> = self.pending.drain(..n).collect();
                    self.take_reply(&reply);
                    if self.done {
                        typing.append(&mut self.pending);
                    }
                }
                Held::Typing(n) => typing.extend(self.pending.drain(..n)),
            }
        }
    }

    fn take_reply(&mut self, reply: &[u8]) {
        for c in String::from_utf8_lossy(reply).chars() {
            for response in self.parser.push(c) {
                match response {
                    Response::Kitty => self.kitty = true,
                    Response::Sixel => self.sixel = true,
                    Response::CellSize(size) => {
                        self.cell = size.filter(|&c| plausible_cell(c)).or(self.cell);
                    }
                    Response::Status => self.done = true,
                    _ => {}
                }
            }
        }
    }

    /// How the terminal that gave this answer shows photos: a graphics
    /// protocol it said it has, at the cell size it said (or `pixels` over
    /// `cells`, the PTY's), as `terminal`; else what `fallback` chose.
    pub fn mode(&self, terminal: u64, fallback: PhotoMode, sizes: Terminal) -> PhotoMode {
        let protocol = if self.kitty {
            Graphics::Kitty
        } else if self.sixel {
            Graphics::Sixel
        } else {
            return fallback;
        };
        match self.cell.or_else(|| cell_size(sizes)) {
            Some(cell) => PhotoMode::Graphics {
                protocol,
                cell,
                terminal: if protocol == Graphics::Kitty {
                    terminal
                } else {
                    0
                },
            },
            None => fallback,
        }
    }
}

/// What `held`, which starts with ESC, is. The replies the query brings
/// are an APC or OSC string (kitty's reply, a colour), the device
/// attributes (`CSI ? … c`), the cell size (`CSI … t`) and the status
/// (`CSI … n`); no key sends any of those. Everything else is a key.
fn held(held: &[u8]) -> Held {
    let Some(&kind) = held.get(1) else {
        return Held::Open;
    };
    match kind {
        b'_' | b']' => string_end(held).map_or_else(|| too_long(held), Held::Reply),
        b'[' => csi(held),
        // Alt and a key: the ESC alone is the key's, the rest typing too.
        _ => Held::Typing(1),
    }
}

/// Where an APC or OSC string ends: at ST (ESC \) or BEL.
fn string_end(held: &[u8]) -> Option<usize> {
    let body = &held[2..];
    let bel = body.iter().position(|&b| b == 0x07).map(|i| i + 3);
    let st = body.windows(2).position(|w| w == b"\x1b\\").map(|i| i + 4);
    bel.into_iter().chain(st).min()
}

fn too_long(held: &[u8]) -> Held {
    if held.len() >= LONGEST_REPLY {
        Held::Typing(held.len())
    } else {
        Held::Open
    }
}

/// A control sequence: a reply by its final byte and parameters, or a key.
fn csi(held: &[u8]) -> Held {
    let body = &held[2..];
    let Some(end) = body.iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        return too_long(held);
    };
    let (params, last) = (&body[..end], body[end]);
    let len = end + 3;
    if !(0x40..=0x7e).contains(&last) {
        // Not a control sequence after all: the bytes so far are typing.
        return Held::Typing(len - 1);
    }
    let numbers = !params.is_empty() && params.iter().all(|b| b.is_ascii_digit() || *b == b';');
    let reply = match last {
        b'c' => params.first() == Some(&b'?'),
        b't' | b'n' => numbers,
        _ => false,
    };
    if reply {
        Held::Reply(len)
    } else {
        Held::Typing(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hears `chunks` one after another; the typing, and whether the
    /// answer ended.
    fn hear(answer: &mut Answer, chunks: &[&[u8]]) -> (Vec<u8>, bool) {
        let mut typing = Vec::new();
        let mut done = false;
        for chunk in chunks {
            done = answer.hear(chunk, &mut typing);
        }
        (typing, done)
    }

    const KITTY: &[u8] = b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22c\x1b[6;20;10t\x1b[0n";

    #[test]
    fn a_kitty_terminal_answers_and_its_typing_follows() {
        let mut answer = Answer::default();
        let reply = [KITTY, b"j"].concat();
        let (first, rest) = reply.split_at(9);
        assert_eq!(hear(&mut answer, &[first]), (Vec::new(), false));
        assert_eq!(hear(&mut answer, &[rest]), (b"j".to_vec(), true));
        let mode = answer.mode(7, PhotoMode::Halfblocks, Terminal::default());
        assert_eq!(
            mode,
            PhotoMode::Graphics {
                protocol: Graphics::Kitty,
                cell: (10, 20),
                terminal: 7
            }
        );
    }

    #[test]
    fn typing_before_and_among_the_replies_is_kept_in_order() {
        let mut answer = Answer::default();
        // `j`, Down, Alt-x and `/` pressed while the replies came, each
        // reply cut across chunks.
        let chunks: [&[u8]; 6] = [
            b"j\x1b[B\x1b_Gi=31",
            b";OK\x1b",
            b"\\\x1bx\x1b[?62;",
            b"22c/\x1b[6;20;10t",
            b"\x1b[",
            b"0nk\x1b[A",
        ];
        let (typing, done) = hear(&mut answer, &chunks);
        assert!(done);
        assert_eq!(typing, b"j\x1b[B\x1bx/k\x1b[A");
        assert!(matches!(
            answer.mode(1, PhotoMode::Halfblocks, Terminal::default()),
            PhotoMode::Graphics {
                protocol: Graphics::Kitty,
                ..
            }
        ));
    }

    #[test]
    fn the_question_asks_for_kitty_sixel_and_the_cell_size_then_the_status() {
        let question = query();
        for part in ["\x1b_Gi=31,", "\x1b[c", "\x1b[16t"] {
            assert!(question.contains(part), "{part:?} in {question:?}");
        }
        assert!(question.ends_with("\x1b[5n"), "the status last");
    }

    #[test]
    fn an_esc_right_after_the_answer_is_typing() {
        let mut answer = Answer::default();
        let (typing, done) = hear(&mut answer, &[&[KITTY, b"\x1b"].concat()]);
        assert!(done);
        assert_eq!(typing, b"\x1b", "not held back once the answer ended");
    }

    #[test]
    fn keys_shaped_like_replies_stay_keys() {
        let mut answer = Answer::default();
        // rxvt's Shift-Right is `CSI c`, without the `?` of device
        // attributes; F5 is `CSI 15 ~`; replies carry numbers, so `CSI n`
        // is not one; a lone Esc waits for what follows.
        let (typing, done) = hear(&mut answer, &[b"\x1b[c\x1b[15~\x1b[n\x1b"]);
        assert!(!done);
        assert_eq!(typing, b"\x1b[c\x1b[15~\x1b[n");
        let mut rest = Vec::new();
        answer.finish(&mut rest);
        assert_eq!(rest, b"\x1b", "Esc, once nothing more came");
    }

    #[test]
    fn an_endless_string_goes_back_to_the_typing() {
        let mut answer = Answer::default();
        let long = [b"\x1b_".as_slice(), &[b'a'; LONGEST_REPLY - 2]].concat();
        let (typing, done) = hear(&mut answer, &[&long]);
        assert!(!done);
        assert_eq!(typing, long, "at the longest, not held back");
        // A reply of the longest length is still one.
        let mut answer = Answer::default();
        let reply = [b"\x1b_G".as_slice(), &[b'a'; LONGEST_REPLY - 5], b"\x1b\\"].concat();
        assert_eq!(reply.len(), LONGEST_REPLY);
        assert_eq!(hear(&mut answer, &[&reply, b"j"]), (b"j".to_vec(), false));
    }

    #[test]
    fn a_string_may_end_with_bel() {
        let mut answer = Answer::default();
        let (typing, done) = hear(&mut answer, &[b"\x1b]11;rgb:0/0/0\x07j\x1b[0n"]);
        assert_eq!((typing, done), (b"j".to_vec(), true));
    }

    #[test]
    fn a_broken_sequence_is_typing_and_a_reply_may_follow_it() {
        let mut answer = Answer::default();
        // ESC [ 1, then a byte no control sequence has: typing; the ESC
        // starts the status reply.
        let (typing, done) = hear(&mut answer, &[b"\x1b[1\x1b[0n"]);
        assert_eq!((typing, done), (b"\x1b[1".to_vec(), true));
    }

    #[test]
    fn a_sixel_terminal_without_a_cell_size_uses_the_pty_pixels() {
        let mut answer = Answer::default();
        assert!(hear(&mut answer, &[b"\x1b[?62;4;22c\x1b[0n"]).1);
        let sizes = Terminal {
            cells: (100, 30),
            pixels: (800, 480),
            ..Terminal::default()
        };
        let mode = answer.mode(7, PhotoMode::Halfblocks, sizes);
        assert_eq!(
            mode,
            PhotoMode::Graphics {
                protocol: Graphics::Sixel,
                cell: (8, 16),
                terminal: 0
            }
        );
        // Nothing said of graphics: whatever was chosen before.
        let mut plain = Answer::default();
        assert!(hear(&mut plain, &[b"\x1b[?62;22c\x1b[0n"]).1);
        assert_eq!(
            plain.mode(7, PhotoMode::Halfblocks, sizes),
            PhotoMode::Halfblocks
        );
    }

    #[test]
    fn a_cell_size_no_terminal_has_is_not_believed() {
        let sizes = Terminal {
            cells: (100, 30),
            pixels: (800, 480),
            ..Terminal::default()
        };
        // 60000x30000 pixel cells: the PTY's pixels say 8x16.
        let mut answer = Answer::default();
        assert!(hear(&mut answer, &[b"\x1b[?62;4;22c\x1b[6;30000;60000t\x1b[0n"]).1);
        let PhotoMode::Graphics { cell, .. } = answer.mode(7, PhotoMode::Halfblocks, sizes) else {
            panic!("sixel");
        };
        assert_eq!(cell, (8, 16));
        // The largest believed, and one past it with no PTY pixels.
        let mut largest = Answer::default();
        assert!(hear(&mut largest, &[b"\x1b[?62;4;22c\x1b[6;256;128t\x1b[0n"]).1);
        let PhotoMode::Graphics { cell, .. } = largest.mode(7, PhotoMode::Halfblocks, sizes) else {
            panic!("sixel");
        };
        assert_eq!(cell, (128, 256));
        let mut past = Answer::default();
        assert!(hear(&mut past, &[b"\x1b[?62;4;22c\x1b[6;257;128t\x1b[0n"]).1);
        let none = Terminal::default();
        assert_eq!(
            past.mode(7, PhotoMode::Halfblocks, none),
            PhotoMode::Halfblocks
        );
    }
}
