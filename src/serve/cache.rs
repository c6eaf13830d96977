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
        /// The conversion.
        conv: Conversion,
        /// The page's language.
        lang: Lang,
    },
    /// A merged draft.
    Merge {
        /// The conversion merged in.
        conv: Conversion,
        /// The merge.
        merge: Box<Merge>,
        /// The page's language.
        lang: Lang,
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
        while inner.bytes > self.max_bytes && inner.entries.len() > 1 {
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
