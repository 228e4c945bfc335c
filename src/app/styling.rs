//! The places the cursor can stop in the styling pane: each look card, and
//! each bag paired with it.

use crate::lookbook::Lookbook;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The card of the look at this index.
    Look(usize),
    /// The `pair`-th bag paired with the look at index `look`.
    Pair { look: usize, pair: usize },
}

/// Every stop, top to bottom, in the order the cards are drawn.
pub fn stops(lookbook: &Lookbook) -> Vec<Stop> {
    lookbook
        .looks
        .iter()
        .enumerate()
        .flat_map(|(look, l)| {
            std::iter::once(Stop::Look(look))
                .chain((0..l.pairs.len()).map(move |pair| Stop::Pair { look, pair }))
        })
        .collect()
}

impl Stop {
    pub fn look(self) -> usize {
        match self {
            Stop::Look(look) | Stop::Pair { look, .. } => look,
        }
    }
}
