//! The places the cursor can stop in the styling pane: each look card, and
//! each bag paired with it. Counted, not listed: a session keeps one number
//! per look, so a look with a million pairs costs no memory per session.

use crate::lookbook::Lookbook;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The card of the look at this index.
    Look(usize),
    /// The `pair`-th bag paired with the look at index `look`.
    Pair { look: usize, pair: usize },
}

impl Stop {
    pub fn look(self) -> usize {
        match self {
            Stop::Look(look) | Stop::Pair { look, .. } => look,
        }
    }
}

/// Every stop, top to bottom, in the order the cards are drawn: a look's
/// card, then its paired bags, then the next look.
#[derive(Debug, Clone, Default)]
pub struct Stops {
    /// The index of each look's card among the stops.
    starts: Vec<usize>,
    len: usize,
}

impl Stops {
    pub fn new(lookbook: &Lookbook) -> Stops {
        let mut starts = Vec::with_capacity(lookbook.looks.len());
        let mut len = 0;
        for look in &lookbook.looks {
            starts.push(len);
            len += 1 + look.pairs.len();
        }
        Stops { starts, len }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The stop at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<Stop> {
        if index >= self.len {
            return None;
        }
        let look = self.starts.partition_point(|&start| start <= index) - 1;
        Some(match index - self.starts[look] {
            0 => Stop::Look(look),
            pair => Stop::Pair {
                look,
                pair: pair - 1,
            },
        })
    }

    /// Where `stop` is among the stops (the first, if it is none of them).
    pub fn index(&self, stop: Stop) -> usize {
        let (look, within) = match stop {
            Stop::Look(look) => (look, 0),
            Stop::Pair { look, pair } => (look, pair + 1),
        };
        let index = self.starts.get(look).map_or(0, |start| start + within);
        if index < self.len { index } else { 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookbook::bundled;

    #[test]
    fn stops_go_card_then_pairs_look_by_look() {
        let book = bundled();
        let stops = Stops::new(&book);
        let listed: Vec<Stop> = (0..stops.len()).filter_map(|i| stops.get(i)).collect();
        let mut expected = Vec::new();
        for (look, l) in book.looks.iter().enumerate() {
            expected.push(Stop::Look(look));
            expected.extend((0..l.pairs.len()).map(|pair| Stop::Pair { look, pair }));
        }
        assert_eq!(listed, expected);
        for (i, &stop) in expected.iter().enumerate() {
            assert_eq!(stops.index(stop), i);
        }
        assert_eq!(stops.get(stops.len()), None);
        assert_eq!(
            stops.index(Stop::Look(99)),
            0,
            "no such look: the first stop"
        );
        let last = book.looks.len() - 1;
        let past = Stop::Pair {
            look: last,
            pair: book.looks[last].pairs.len(),
        };
        assert_eq!(
            stops.index(past),
            0,
            "one past the last pair: the first stop"
        );
    }
}
