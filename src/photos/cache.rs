//! Scaled photos in one budget of bytes for the whole process: every
//! session, every edit, every reload. Past the budget the least recently
//! drawn go; what a session still shows it holds itself (see
//! [`super::Held`]), so letting a photo go here frees it as soon as no
//! session shows it, and never makes a frame wait for it again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use super::{Key, Picture};

/// What an entry costs besides its pixels: its key, its map slot.
const ENTRY_BYTES: usize = 256;

/// A photo scaled for one size and way, once a job made it (`None`: it
/// could not be made). Jobs for the same one wait for the first.
type Made = Arc<OnceLock<Option<Arc<Picture>>>>;

pub struct Cache {
    bound: AtomicUsize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<Key, Entry>,
    /// The bytes of every made entry.
    bytes: usize,
    /// Counts draws and makes: an entry's `used` is when it last was.
    clock: u64,
}

struct Entry {
    made: Made,
    /// Zero until made.
    bytes: usize,
    used: u64,
}

/// What the cache holds, for the metrics and the benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub photos: usize,
    pub bytes: usize,
    pub bound: usize,
}

impl Cache {
    pub fn new(bound: usize) -> Cache {
        Cache {
            bound: AtomicUsize::new(bound),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// A new budget; the next photo made keeps to it.
    pub fn set_bound(&self, bound: usize) {
        self.bound.store(bound, Ordering::Relaxed);
    }

    pub fn usage(&self) -> Usage {
        let inner = lock(&self.inner);
        Usage {
            photos: inner.entries.len(),
            bytes: inner.bytes,
            bound: self.bound.load(Ordering::Relaxed),
        }
    }

    /// The photo made for `key`, if one was (`Some(None)`: it could not
    /// be); drawing it makes it the most recently used.
    pub fn get(&self, key: &Key) -> Option<Option<Arc<Picture>>> {
        let mut inner = lock(&self.inner);
        let now = inner.tick();
        let entry = inner.entries.get_mut(key)?;
        let made = entry.made.get()?.clone();
        entry.used = now;
        Some(made)
    }

    /// The photo for `key`, made by `make` unless another job made it;
    /// then the least recently used go until the budget holds. One bigger
    /// than the whole budget is not kept: only its asker gets it.
    pub fn make(
        &self,
        key: &Key,
        make: impl FnOnce() -> Option<Arc<Picture>>,
    ) -> Option<Arc<Picture>> {
        let made = {
            let mut inner = lock(&self.inner);
            let used = inner.tick();
            let entry = inner.entries.entry(key.clone()).or_insert_with(|| Entry {
                made: Made::default(),
                bytes: 0,
                used,
            });
            Arc::clone(&entry.made)
        };
        let mut made_here = false;
        let protocol = made
            .get_or_init(|| {
                made_here = true;
                make()
            })
            .clone();
        if made_here {
            let bytes = ENTRY_BYTES + protocol.as_deref().map_or(0, |p| key.bytes(p));
            self.keep(key, &made, bytes);
        }
        protocol
    }

    /// Counts a made entry in, then lets the least recently used go.
    fn keep(&self, key: &Key, made: &Made, bytes: usize) {
        let bound = self.bound.load(Ordering::Relaxed);
        let mut inner = lock(&self.inner);
        // Cleared while it was being made: it was not kept.
        let Some(entry) = inner
            .entries
            .get_mut(key)
            .filter(|entry| Arc::ptr_eq(&entry.made, made))
        else {
            return;
        };
        entry.bytes = bytes;
        inner.bytes += bytes;
        if bytes > bound {
            inner.remove(key);
            return;
        }
        while inner.bytes > bound {
            let Some(oldest) = inner.least_recently_used(key) else {
                break;
            };
            inner.remove(&oldest);
        }
    }
}

impl Inner {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// The made entry drawn longest ago, other than `keep`.
    fn least_recently_used(&self, keep: &Key) -> Option<Key> {
        self.entries
            .iter()
            .filter(|(key, entry)| *key != keep && entry.made.get().is_some())
            .min_by_key(|(_, entry)| entry.used)
            .map(|(key, _)| key.clone())
    }

    fn remove(&mut self, key: &Key) {
        if let Some(entry) = self.entries.remove(key) {
            self.bytes -= entry.bytes;
        }
    }
}

/// A poisoned lock still holds a usable cache.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use ratatui::layout::Size;

    use super::*;
    use crate::lookbook::FileVersion;
    use crate::photos::PhotoMode;

    fn key(n: u16) -> Key {
        Key {
            file: PathBuf::from(format!("{n}.png")),
            version: FileVersion {
                len: 1,
                modified: None,
            },
            width: 10,
            height: 5,
            mode: PhotoMode::Halfblocks,
        }
    }

    /// A half-block photo of 5x5 cells.
    fn photo() -> Option<Arc<Picture>> {
        let image = image::DynamicImage::new_rgb8(100, 100);
        let cells = crate::photos::cells::HalfBlocks::new(&image, Size::new(10, 5))?;
        Some(Arc::new(Picture::Cells(cells)))
    }

    fn entry_bytes() -> usize {
        let protocol = photo().expect("a photo");
        ENTRY_BYTES + key(0).bytes(&protocol)
    }

    #[test]
    fn the_least_recently_drawn_go_past_the_bound() {
        let each = entry_bytes();
        let cache = Cache::new(3 * each);
        for n in 0..3 {
            assert!(cache.make(&key(n), photo).is_some());
        }
        assert_eq!(cache.usage().bytes, 3 * each);
        // 0 drawn again: 1 is now the least recently drawn.
        assert!(cache.get(&key(0)).is_some());
        cache.make(&key(3), photo);
        let usage = cache.usage();
        assert_eq!((usage.photos, usage.bytes), (3, 3 * each));
        assert!(
            cache.get(&key(1)).is_none(),
            "the least recently drawn went"
        );
        for kept in [0, 2, 3] {
            assert!(cache.get(&key(kept)).is_some(), "{kept} kept");
        }
    }

    #[test]
    fn a_photo_is_made_once_and_a_failure_is_remembered() {
        let cache = Cache::new(1 << 20);
        let first = cache.make(&key(0), photo).expect("made");
        let again = cache.make(&key(0), || panic!("made twice")).expect("kept");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(cache.make(&key(1), || None).is_none());
        assert!(
            matches!(cache.get(&key(1)), Some(None)),
            "remembered as unmade"
        );
        assert_eq!(cache.usage().bytes, entry_bytes() + ENTRY_BYTES);
    }

    #[test]
    fn a_photo_bigger_than_the_bound_goes_only_to_its_asker() {
        let cache = Cache::new(entry_bytes() - 1);
        assert!(cache.make(&key(0), photo).is_some());
        assert!(cache.get(&key(0)).is_none());
        assert_eq!(cache.usage().bytes, 0);
        // A smaller bound from now on lets go of what is over it.
        let cache = Cache::new(2 * entry_bytes());
        cache.make(&key(0), photo);
        cache.make(&key(1), photo);
        cache.set_bound(entry_bytes());
        cache.make(&key(2), photo);
        assert_eq!(cache.usage().photos, 1);
        assert!(cache.get(&key(2)).is_some());
    }
}
