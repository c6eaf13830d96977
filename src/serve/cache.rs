//! Results kept in memory for their download links: a bounded store, the
//! oldest results dropped first. Nothing is written to disk; a result
//! lives until newer ones push it out or the server stops.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use crate::batch::memory::MemoryBatch;
use crate::convert::Conversion;
use crate::convert::draft::Merge;
use crate::text::Lang;

/// One result behind a link.
#[derive(Debug)]
pub enum Entry {
    /// A conversion of last year's file.
    Carry {
        /// The conversion (shown and downloaded in either language).
        conv: Conversion,
    },
    /// A merged draft.
    Merge {
        /// The conversion merged in.
        conv: Conversion,
        /// The merge (shown and downloaded in either language).
        merge: Box<Merge>,
    },
    /// A batch.
    Batch {
        /// The summary and the reports.
        batch: MemoryBatch,
        /// The page's language.
        lang: Lang,
    },
}

impl Entry {
    /// About how many bytes the entry holds (for the store's bound).
    fn weight(&self) -> usize {
        match self {
            Entry::Carry { conv, .. } | Entry::Merge { conv, .. } => {
                // A conversion holds a few hundred bytes per target and
                // the texts it carries.
                64 * 1024 + conv.indicators.len() * 4096
            }
            Entry::Batch { batch, .. } => {
                batch.summary_html.len()
                    + batch
                        .reports
                        .iter()
                        .map(|(n, b)| n.len() + b.len())
                        .sum::<usize>()
            }
        }
    }
}

/// Results kept at most, whatever their size.
const MAX_ENTRIES: usize = 256;

/// The store.
pub struct Cache {
    max_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    bytes: usize,
    entries: VecDeque<(String, Arc<Entry>, usize)>,
}

impl Cache {
    /// A store holding about `max_bytes` at most (always the newest entry).
    pub fn new(max_bytes: usize) -> Cache {
        Cache {
            max_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// Keeps `entry`; returns its token.
    pub fn put(&self, entry: Entry) -> String {
        let token = super::page::token();
        let w = entry.weight();
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.bytes += w;
        inner.entries.push_back((token.clone(), Arc::new(entry), w));
        while (inner.bytes > self.max_bytes || inner.entries.len() > MAX_ENTRIES)
            && inner.entries.len() > 1
        {
            if let Some((_, _, w)) = inner.entries.pop_front() {
                inner.bytes -= w;
            }
        }
        token
    }

    /// The entry behind `token`, if it is still kept.
    pub fn get(&self, token: &str) -> Option<Arc<Entry>> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner
            .entries
            .iter()
            .find(|(t, _, _)| t == token)
            .map(|(_, e, _)| e.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(bytes: usize) -> Entry {
        Entry::Batch {
            batch: MemoryBatch {
                files: 1,
                failed: 0,
                summary_html: "x".repeat(bytes),
                reports: vec![],
            },
            lang: Lang::Id,
        }
    }

    /// The oldest results go first, by size and by count; the newest
    /// always stays.
    #[test]
    fn the_store_is_bounded_and_drops_the_oldest() {
        let c = Cache::new(1000);
        let first = c.put(batch(600));
        let second = c.put(batch(300));
        assert!(c.get(&first).is_some() && c.get(&second).is_some());
        let third = c.put(batch(200));
        assert!(c.get(&first).is_none(), "over the size: the oldest goes");
        assert!(c.get(&second).is_some() && c.get(&third).is_some());
        let huge = c.put(batch(5000));
        assert!(c.get(&huge).is_some(), "the newest stays");
        assert!(c.get(&third).is_none());
        let c = Cache::new(usize::MAX);
        let tokens: Vec<String> = (0..MAX_ENTRIES + 5).map(|_| c.put(batch(1))).collect();
        assert!(c.get(&tokens[4]).is_none());
        assert!(c.get(&tokens[5]).is_some());
        assert_ne!(tokens[0], tokens[1]);
    }
}
