//! Fuzzy search over the bags, with helix's matcher (nucleo): each word of
//! the query must match one field of a bag (name, brand, retailer, shape,
//! materials, colours, the wearers of the looks it pairs with, or its note),
//! case-insensitive and accent-folding, so `diamante` finds `diamanté` and
//! `depp` finds the bags paired with Lily-Rose Depp's look. Short fields
//! match fuzzily; the note, being prose, only by substring, or nearly any
//! word would match its letters scattered across a sentence.

use std::cell::RefCell;
use std::num::NonZero;
use std::thread;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::lookbook::{Bag, Lookbook};

/// The searchable text of every bag, prepared once.
#[derive(Debug)]
pub struct SearchIndex {
    /// Per bag, its short fields; the name comes first, which highlighting
    /// relies on.
    bags: Vec<Vec<Utf32String>>,
    notes: Vec<Option<Utf32String>>,
}

/// Below this many candidates one thread is quicker than starting more.
const PARALLEL_MIN: usize = 8_192;
/// More threads than this gain little on the lists a lookbook makes.
const MAX_THREADS: usize = 8;

/// How many threads to split `len` items over.
fn threads_for(len: usize) -> usize {
    if len < PARALLEL_MIN {
        return 1;
    }
    thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(MAX_THREADS)
}

/// `work` over `items` in order, split across threads for a long list:
/// every core of the machine works on a keystroke over a big edit.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return work(items);
    }
    let size = items.len().div_ceil(threads);
    let mut chunks = items.chunks(size);
    let first = chunks.next().unwrap_or_default();
    thread::scope(|scope| {
        let work = &work;
        let others: Vec<_> = chunks
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        let mut out = work(first);
        for other in others {
            out.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        out
    })
}

thread_local! {
    // A matcher holds sizeable scratch memory, so each thread keeps one.
    static MATCHER: RefCell<Matcher> = RefCell::new(Matcher::new(Config::DEFAULT));
}

impl SearchIndex {
    pub fn new(lookbook: &Lookbook) -> SearchIndex {
        let mut wearers = vec![Vec::new(); lookbook.bags.len()];
        for look in &lookbook.looks {
            for &bag in &look.pairs {
                wearers[bag].push(look.wearer.as_str());
            }
        }
        let bags: Vec<(&Bag, Vec<&str>)> = lookbook.bags.iter().zip(wearers).collect();
        let bags = in_parallel(&bags, |chunk| {
            chunk
                .iter()
                .map(|(bag, wearers)| {
                    let mut fields = vec![
                        bag.name.as_str().into(),
                        bag.brand.as_str().into(),
                        bag.retailer.as_str().into(),
                    ];
                    let optional = [
                        bag.shape.map(|s| s.as_str().to_string()),
                        (!bag.materials.is_empty()).then(|| bag.materials.join(" ")),
                        (!bag.colours.is_empty()).then(|| bag.colours.join(" ")),
                        (!wearers.is_empty()).then(|| wearers.join(" ")),
                    ];
                    fields.extend(optional.into_iter().flatten().map(Utf32String::from));
                    let note = bag.note.as_deref().map(Utf32String::from);
                    (fields, note)
                })
                .collect()
        });
        let (bags, notes) = bags.into_iter().unzip();
        SearchIndex { bags, notes }
    }

    /// The bags among `candidates` that match `query`, with their scores
    /// (higher is better), in candidate order.
    pub fn matches(&self, query: &str, candidates: &[usize]) -> Vec<(usize, u32)> {
        self.matches_in(query, candidates, |&bag| bag)
    }

    /// The bags of an earlier result that still match `query`, which
    /// extends the earlier query.
    pub fn matches_among(&self, query: &str, earlier: &[(usize, u32)]) -> Vec<(usize, u32)> {
        self.matches_in(query, earlier, |&(bag, _)| bag)
    }

    fn matches_in<T: Sync>(
        &self,
        query: &str,
        candidates: &[T],
        bag_of: impl Fn(&T) -> usize + Sync,
    ) -> Vec<(usize, u32)> {
        let fuzzy = pattern(query);
        let substring = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Substring,
        );
        in_parallel(candidates, |chunk| {
            MATCHER.with_borrow_mut(|matcher| {
                chunk
                    .iter()
                    .map(&bag_of)
                    .filter_map(|bag| {
                        self.score(bag, &fuzzy, &substring, matcher)
                            .map(|score| (bag, score))
                    })
                    .collect()
            })
        })
    }

    /// The sum, over the query's words, of each word's best field score.
    fn score(
        &self,
        bag: usize,
        fuzzy: &Pattern,
        substring: &Pattern,
        matcher: &mut Matcher,
    ) -> Option<u32> {
        let fields = self.bags.get(bag)?;
        let note = self.notes.get(bag)?.as_ref();
        fuzzy
            .atoms
            .iter()
            .zip(&substring.atoms)
            .try_fold(0, |total, (word, in_prose)| {
                let short = fields
                    .iter()
                    .filter_map(|field| word.score(field.slice(..), matcher))
                    .max();
                let prose = note.and_then(|note| in_prose.score(note.slice(..), matcher));
                let best = short.max(prose)?;
                Some(total + u32::from(best))
            })
    }

    /// Which characters of the bag's name the query matched, for
    /// highlighting; sorted, without repeats.
    pub fn name_matches(&self, query: &str, bag: usize) -> Vec<usize> {
        let Some(name) = self.bags.get(bag).and_then(|fields| fields.first()) else {
            return Vec::new();
        };
        let pattern = pattern(query);
        let mut indices = Vec::new();
        MATCHER.with_borrow_mut(|matcher| {
            for atom in &pattern.atoms {
                atom.indices(name.slice(..), matcher, &mut indices);
            }
        });
        let mut indices: Vec<usize> = indices.into_iter().map(|i| i as usize).collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }
}

/// Words of plain fuzzy text: shoppers type words, not a query language.
fn pattern(query: &str) -> Pattern {
    Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookbook::bundled;

    fn names(query: &str) -> Vec<String> {
        let book = bundled();
        let index = SearchIndex::new(&book);
        index
            .matches(query, &(0..book.bags.len()).collect::<Vec<_>>())
            .into_iter()
            .map(|(bag, _)| book.bags[bag].name.clone())
            .collect()
    }

    #[test]
    fn finds_bags_by_the_wearer_of_their_look() {
        assert_eq!(
            names("depp"),
            [
                "Nano Mayfair bag",
                "Micro knotted leather tote",
                "Lime leather tote bag"
            ]
        );
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(
            names("DIAMANTE"),
            ["The Bow Mini diamanté and leather cross-body bag"]
        );
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(names("tote lime")[0], "Lime leather tote bag");
        assert!(names("chiquito fendi").is_empty());
    }

    #[test]
    fn notes_match_words_not_scattered_letters() {
        assert_eq!(
            names("cult following"),
            ["Le Chiquito leather top-handle bag"]
        );
        assert!(!names("lime").contains(&"Le Chiquito leather top-handle bag".to_string()));
    }

    #[test]
    fn highlights_name_characters() {
        let book = bundled();
        let index = SearchIndex::new(&book);
        let lime = book
            .bags
            .iter()
            .position(|b| b.name.starts_with("Lime"))
            .unwrap();
        assert_eq!(index.name_matches("lime", lime), [0, 1, 2, 3]);
    }

    #[test]
    fn a_long_candidate_list_split_across_threads_keeps_its_order() {
        let book = bundled();
        let index = SearchIndex::new(&book);
        let bags: Vec<usize> = (0..book.bags.len()).collect();
        let one_pass = index.matches("leather", &bags);
        // Far over PARALLEL_MIN: the same eight bags, again and again.
        let repeated: Vec<usize> = bags
            .iter()
            .copied()
            .cycle()
            .take(3 * PARALLEL_MIN)
            .collect();
        let split = index.matches("leather", &repeated);
        let expected: Vec<(usize, u32)> = one_pass
            .iter()
            .copied()
            .cycle()
            .take(one_pass.len() * repeated.len() / bags.len())
            .collect();
        assert_eq!(split, expected);
        // Narrowing an earlier result finds what a fresh search finds.
        assert_eq!(
            index.matches_among("leather lime", &split),
            index.matches("leather lime", &repeated)
        );
    }
}
