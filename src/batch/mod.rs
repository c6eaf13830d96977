//! Batch mode: gap reports for many agencies at once, and a summary.
//!
//! Built to scale to every agency in the country and beyond: one
//! [`Converter`] per source framework is prepared once (crosswalks loaded,
//! path chosen) and shared by all files; files are converted in parallel
//! (rayon) in chunks; of each conversion only a small summary row is kept,
//! and the summary streams to disk ([`sink`]) on a writer thread of its
//! own while the next chunk converts, so memory stays flat as the batch
//! grows and the serial writing never holds the workers up. One bad file
//! is reported, listed in the summary and skipped; it never stops the
//! batch.
//!
//! Exit codes (see [`Totals::exit_code`]): 0 when every file was read,
//! 1 when some failed, 3 when none could be read, 4 when a report could
//! not be written.

mod html;
pub use html::escape as html_escape;
pub mod inputs;
pub mod memory;
mod pipeline;
mod row;
pub mod sink;
pub mod summary;

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crate::catalog::Framework;
use crate::convert::{ConvertOptions, Converter, Converters, Outline};
use crate::data::Data;
use crate::error::{Error, Kind, Result};
use crate::output::OutputPolicy;
use crate::report::{Format, Report};
use crate::text::Lang;
use crate::tr;
use summary::{Done, Failed, Outcome, summarize};

/// Files converted in parallel before their rows are written.
const CHUNK: usize = 1024;

/// What to do.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Files and folders.
    pub inputs: Vec<PathBuf>,
    /// The framework of files that do not say.
    pub framework: Option<String>,
    /// The value column to read when a table has several (`--column`).
    pub column: Option<String>,
    /// Target and path.
    pub convert: ConvertOptions,
    /// Output folder (created when missing).
    pub out_dir: PathBuf,
    /// Format of the agencies' reports.
    pub format: Format,
    /// Overwrite existing outputs.
    pub force: bool,
    /// Write only the summary.
    pub summary_only: bool,
    /// Language of reports and summary.
    pub lang: Lang,
}

/// What happened, for the caller's progress display.
#[derive(Debug)]
pub enum Event<'a> {
    /// The batch starts with this many files.
    Start(usize),
    /// A file failed.
    Failed(&'a Error),
    /// This many more files are done.
    Progress(usize),
}

/// The outcome of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Files read or tried.
    pub files: usize,
    /// Files that failed.
    pub failed: usize,
    /// Of those, the files whose report could not be written.
    pub unwritten: usize,
}

impl Totals {
    /// 0 when every file was read, 4 (output not written) when a report
    /// could not be written, else 1 (findings) when some failed, 3 (bad
    /// input) when none could be read.
    pub fn exit_code(&self) -> i32 {
        if self.unwritten > 0 {
            Kind::Output.exit_code()
        } else if self.failed == 0 {
            0
        } else if self.failed < self.files {
            Kind::Findings.exit_code()
        } else {
            Kind::Input.exit_code()
        }
    }
}

fn canonical(p: &Path) -> Option<PathBuf> {
    p.canonicalize().ok()
}

/// Checks the output folder and the files the batch will write, before any
/// work is done: no output is an input file (exit 4, naming the input),
/// and none exists unless `--force`.
fn prepare_output(
    opts: &BatchOptions,
    files: &inputs::Files,
    names: &[String],
) -> Result<crate::output::FolderLock> {
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| {
        Error::output(
            &opts.out_dir,
            tr!(
                "folder keluaran tidak dapat dibuat",
                "cannot create the output folder"
            )
            .then(": ", &Error::io_reason(&e)),
        )
    })?;
    let out = canonical(&opts.out_dir);
    if opts
        .inputs
        .iter()
        .filter(|i| i.is_dir())
        .any(|i| canonical(i) == out)
    {
        return Err(Error::usage(tr!(
            "folder keluaran {} juga folder masukan",
            "the output folder {} is also an input folder",
            opts.out_dir.display()
        ))
        .with_hint(tr!(
            "pilih folder keluaran lain dengan -o, misalnya -o laporan/",
            "choose another output folder with -o, e.g. -o reports/"
        )));
    }
    // One batch at a time in a folder (held until the batch ends).
    let lock = crate::output::lock_folder(&opts.out_dir)?;
    let ext = opts.format.extension();
    let outputs = sink::FILES.iter().map(|f| opts.out_dir.join(f)).chain(
        names
            .iter()
            .map(|n| opts.out_dir.join(format!("{n}.{ext}"))),
    );
    let existing: Vec<PathBuf> = outputs.filter(|p| p.exists()).collect();
    if existing.is_empty() {
        return Ok(lock);
    }
    // An output that is an input, by any path (checked only when outputs
    // exist: a batch over an empty folder stats nothing more).
    let ids: HashSet<_> = existing
        .iter()
        .filter_map(|p| crate::output::file_id(p))
        .collect();
    if let Some(input) = files
        .iter()
        .find(|i| crate::output::file_id(i).is_some_and(|id| ids.contains(&id)))
    {
        return Err(crate::output::refuse_input(&input).with_hint(tr!(
            "pindahkan berkas masukan ini keluar dari folder keluaran, atau pilih folder keluaran lain",
            "move this input file out of the output folder, or choose another output folder"
        )));
    }
    let policy = OutputPolicy {
        force: opts.force,
        inputs: vec![],
    };
    existing.iter().try_for_each(|p| policy.check(p))?;
    Ok(lock)
}

/// Runs a batch; `on` hears of progress and failures (on this thread).
pub fn run(data: &Data, opts: &BatchOptions, on: &mut dyn FnMut(Event)) -> Result<Totals> {
    let catalog = &data.catalog;
    let to: &Framework = match &opts.convert.to {
        Some(id) => catalog.require(id)?,
        None => catalog
            .newest()
            .ok_or_else(|| Error::usage(tr!("tidak ada framework", "no frameworks")))?,
    };
    if let Some(f) = &opts.framework {
        catalog.require(f)?;
    }
    let files = inputs::discover(&opts.inputs)?;
    let names = if opts.summary_only {
        vec![]
    } else {
        inputs::report_names(files.iter())
    };
    let _lock = prepare_output(opts, &files, &names)?;
    let converters = Converters::new(data, opts.convert.clone());
    let job = Job {
        data,
        opts,
        to,
        names: &names,
        converters: &converters,
    };
    let sink = sink::Sink::new(&opts.out_dir, opts.lang, opts.force)?;
    on(Event::Start(files.len()));
    // Every i below the length has a path.
    let convert = |i| job.process(i, &files.get(i).unwrap_or_default());
    let sink = pipeline::convert_all(files.len(), CHUNK, &convert, sink, on)?;
    let totals = Totals {
        files: sink.files,
        failed: sink.failed,
        unwritten: sink.unwritten,
    };
    sink.finish(to)?;
    Ok(totals)
}

/// What every file needs, shared by the worker threads.
struct Job<'a> {
    data: &'a Data,
    opts: &'a BatchOptions,
    to: &'a Framework,
    names: &'a [String],
    converters: &'a Converters<'a>,
}

impl Job<'_> {
    fn converter(&self, from: &str) -> Result<&Converter<'_>> {
        self.converters.get(from)
    }

    fn convert(&self, i: usize, path: &Path) -> Result<Done> {
        let catalog = &self.data.catalog;
        let a = crate::assessment::read_with(
            path,
            catalog,
            crate::assessment::ReadOptions {
                fallback: self.opts.framework.as_deref(),
                column: self.opts.column.as_deref(),
                ..Default::default()
            },
        )?;
        let converter = self.converter(&a.framework)?;
        let (outline, report) = match self.names.get(i) {
            Some(name) if !self.opts.summary_only => {
                let conv = converter.convert(&a)?;
                let file = format!("{name}.{}", self.opts.format.extension());
                let r = Report::build(&conv, catalog, self.opts.lang)?;
                let bytes = crate::report::render(&r, self.opts.format, catalog)?;
                crate::output::write_file(&self.opts.out_dir.join(&file), &bytes, self.opts.force)?;
                (Outline::of(&conv), Some(file))
            }
            _ => (converter.outline(&a)?, None),
        };
        let from = catalog.require(&outline.source.framework)?;
        Ok(summarize(
            &outline,
            from,
            self.to,
            self.opts.lang,
            path.display().to_string(),
            report,
        ))
    }

    /// Converts file `i`; a failure (even a bug) becomes a failed entry.
    fn process(&self, i: usize, path: &Path) -> Outcome {
        let result = catch_unwind(AssertUnwindSafe(|| self.convert(i, path))).unwrap_or_else(|_| {
            Err(Error::input(
                path,
                tr!(
                    "galat internal saat membaca berkas ini (bug di spbe-pemdi; mohon laporkan)",
                    "internal error while reading this file (a bug in spbe-pemdi; please report it)"
                ),
            ))
        });
        match result {
            Ok(d) => Outcome::Done(Box::new(d)),
            Err(e) => {
                let e = if e.file.is_none() { e.in_file(path) } else { e };
                Outcome::Failed(
                    Failed {
                        file: path.display().to_string(),
                        message: e.sentence(self.opts.lang),
                    },
                    e,
                )
            }
        }
    }
}
