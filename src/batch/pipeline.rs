//! Converting a batch's files and writing their rows at the same time.
//!
//! Files are converted on the rayon pool a chunk at a time; a writer
//! thread writes the rows of each finished chunk while the pool converts
//! the next one, so the serial summary never holds the workers up. The
//! channel between them holds at most [`QUEUE`] chunks: with the chunk
//! being converted and the one being written, memory stays bounded however
//! many files there are, and a slow disk holds the conversion back instead
//! of piling up rows. Rows arrive in input order: chunks are sent in order
//! and each keeps the order of its files.

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::batch::Event;
use crate::batch::sink::Sink;
use crate::batch::summary::Outcome;
use crate::error::{Error, Kind, Result};
use crate::tr;

/// Converted chunks waiting for the writer (besides the one it writes).
const QUEUE: usize = 1;

/// Where the rows of converted chunks go, in order: the summary.
pub trait Rows: Send {
    /// Writes a chunk of results, in input order.
    fn push(&mut self, chunk: &[Outcome]) -> Result<()>;
}

impl Rows for Sink {
    fn push(&mut self, chunk: &[Outcome]) -> Result<()> {
        Sink::push(self, chunk)
    }
}

/// Converts inputs `0..len` (`convert(i)`, on the rayon pool) `chunk` at a
/// time, and writes their outcomes to `rows` on a writer thread.
///
/// `on` hears of failures and progress on this (the calling) thread, a
/// chunk's failures before its progress. When writing fails, conversion
/// stops at the end of the chunk at hand and the error is returned (a
/// panic while writing becomes an internal error).
pub fn convert_all<R: Rows>(
    len: usize,
    chunk: usize,
    convert: &(dyn Fn(usize) -> Outcome + Sync),
    mut rows: R,
    on: &mut dyn FnMut(Event),
) -> Result<R> {
    let chunk = chunk.max(1);
    std::thread::scope(|scope| {
        let (chunks, received) = sync_channel::<Vec<Outcome>>(QUEUE);
        let writer = scope.spawn(move || -> Result<R> {
            for outcomes in received {
                rows.push(&outcomes)?;
            }
            Ok(rows)
        });
        let mut start = 0;
        while start < len {
            let end = len.min(start.saturating_add(chunk));
            let outcomes: Vec<Outcome> = (start..end).into_par_iter().map(convert).collect();
            for o in &outcomes {
                if let Outcome::Failed(_, e) = o {
                    on(Event::Failed(e));
                }
            }
            // The writer hung up: it failed, and says why when joined.
            if chunks.send(outcomes).is_err() {
                break;
            }
            on(Event::Progress(end - start));
            start = end;
        }
        drop(chunks);
        writer.join().unwrap_or_else(|_| Err(writer_bug()))
    })
}

/// What a panic while writing the summary (a bug) becomes.
pub fn writer_bug() -> Error {
    Error::new(
        Kind::Output,
        tr!(
            "galat internal saat menulis ringkasan (bug di spbe-pemdi; mohon laporkan)",
            "internal error while writing the summary (a bug in spbe-pemdi; please report it)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread::ThreadId;

    use super::*;
    use crate::batch::summary::Failed;
    use crate::text::Lang;

    fn error(i: usize) -> Error {
        Error::input(format!("{i}.json"), tr!("rusak", "broken"))
    }

    fn outcome(i: usize) -> Outcome {
        let e = error(i);
        Outcome::Failed(
            Failed {
                file: i.to_string(),
                message: e.render(Lang::En),
            },
            e,
        )
    }

    /// Files of the rows written, on which thread, and when to fail.
    struct Record {
        files: Vec<String>,
        threads: Vec<ThreadId>,
        fail_at: Option<usize>,
        panic: bool,
    }

    impl Record {
        fn new(fail_at: Option<usize>, panic: bool) -> Record {
            Record {
                files: vec![],
                threads: vec![],
                fail_at,
                panic,
            }
        }
    }

    impl Rows for Record {
        fn push(&mut self, chunk: &[Outcome]) -> Result<()> {
            if self.fail_at == Some(self.threads.len()) {
                assert!(!self.panic, "a bug while writing");
                return Err(Error::new(Kind::Output, tr!("disk penuh", "disk full")));
            }
            self.threads.push(std::thread::current().id());
            for o in chunk {
                if let Outcome::Failed(f, _) = o {
                    self.files.push(f.file.clone());
                }
            }
            Ok(())
        }
    }

    #[test]
    fn rows_in_order_events_on_the_calling_thread() {
        let here = std::thread::current().id();
        let mut events = vec![];
        let rows = convert_all(23, 4, &outcome, Record::new(None, false), &mut |e| {
            assert_eq!(std::thread::current().id(), here);
            events.push(match e {
                Event::Failed(e) => format!("failed {}", e.render(Lang::En)),
                Event::Progress(n) => format!("progress {n}"),
                Event::Start(n) => format!("start {n}"),
            });
        })
        .expect("written");
        let all: Vec<String> = (0..23).map(|i| i.to_string()).collect();
        assert_eq!(rows.files, all);
        assert!(
            rows.threads.iter().all(|t| *t != here),
            "written on another thread"
        );
        // Each chunk's failures, in order, then its progress.
        let mut expected = vec![];
        for start in (0..23).step_by(4) {
            let end = 23.min(start + 4);
            expected.extend((start..end).map(|i| format!("failed {}", error(i).render(Lang::En))));
            expected.push(format!("progress {}", end - start));
        }
        assert_eq!(events, expected);
    }

    #[test]
    fn a_write_error_stops_the_batch() {
        for panic in [false, true] {
            let converted = AtomicUsize::new(0);
            let convert = |i: usize| {
                converted.fetch_add(1, Ordering::Relaxed);
                outcome(i)
            };
            let mut progress = 0;
            let err = convert_all(1000, 2, &convert, Record::new(Some(1), panic), &mut |e| {
                if let Event::Progress(n) = e {
                    progress += n;
                }
            })
            .err()
            .expect("the error comes back");
            let text = err.render(Lang::En);
            if panic {
                assert!(text.contains("internal error"), "{text}");
            } else {
                assert!(text.contains("disk full"), "{text}");
            }
            // Two chunks written or queued, one converting, one waiting to
            // be sent at most.
            assert!(converted.load(Ordering::Relaxed) <= 8, "{panic}");
            assert!(progress <= 6, "{panic}");
        }
    }
}
