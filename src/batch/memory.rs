//! A batch held in memory, for the web page (`serve`): the files arrive as
//! bytes, and the summary page and the agencies' reports come back as
//! bytes. The same summary rows, page and reports as [`crate::batch::run`]
//! writes to a folder; nothing touches the disk.

use rayon::prelude::*;

use crate::batch::html;
use crate::batch::inputs::report_names;
use crate::batch::sink::{FAILED_MARK, Page, ROWS_MARK};
use crate::batch::summary::{Done, Failed, Outcome, Stats, summarize};
use crate::catalog::Framework;
use crate::convert::{ConvertOptions, Converters, Outline};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::report::{Format, Report};
use crate::text::Lang;
use crate::tr;

/// A file's name and bytes.
type NamedBytes = (String, Vec<u8>);

/// A batch converted in memory.
#[derive(Debug, Clone)]
pub struct MemoryBatch {
    /// Files read or tried.
    pub files: usize,
    /// Files that failed.
    pub failed: usize,
    /// `summary.html`, its agencies linked to their reports by name.
    pub summary_html: String,
    /// Each converted agency's report: file name (`<stem>.<ext>`) and bytes.
    pub reports: Vec<(String, Vec<u8>)>,
}

/// Converts `files` (name and bytes) to gap reports in `format` and a
/// summary page, in the files' order.
pub fn run(
    data: &Data,
    files: Vec<(String, Vec<u8>)>,
    framework: Option<&str>,
    opts: &ConvertOptions,
    format: Format,
    lang: Lang,
) -> Result<MemoryBatch> {
    let catalog = &data.catalog;
    let to: &Framework = match &opts.to {
        Some(id) => catalog.require(id)?,
        None => catalog
            .newest()
            .ok_or_else(|| Error::usage(tr!("tidak ada framework", "no frameworks")))?,
    };
    if let Some(f) = framework {
        catalog.require(f)?;
    }
    let names = report_names(files.iter().map(|(n, _)| std::path::Path::new(n)));
    let converters = Converters::new(data, opts.clone());
    let converter = |from: &str| converters.get(from);
    let ext = format.extension();
    let one = |name: &str, stem: &str, bytes: Vec<u8>| -> Result<(Done, (String, Vec<u8>))> {
        let a = crate::assessment::read_bytes(name, bytes, catalog, framework)?;
        let conv = converter(&a.framework)?.convert(&a)?;
        let report = Report::build(&conv, catalog, lang)?;
        let rendered = crate::report::render(&report, format, catalog)?;
        let from = catalog.require(&conv.source.framework)?;
        let file = format!("{stem}.{ext}");
        let done = summarize(
            &Outline::of(&conv),
            from,
            to,
            lang,
            name.to_string(),
            Some(file.clone()),
        );
        Ok((done, (file, rendered)))
    };
    let results: Vec<(Outcome, Option<NamedBytes>)> = files
        .into_par_iter()
        .zip(names.into_par_iter())
        .map(|((name, bytes), stem)| {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                one(&name, &stem, bytes)
            }))
            .unwrap_or_else(|_| {
                Err(Error::input(
                    &name,
                    tr!(
                        "galat internal saat membaca berkas ini (bug di spbe-pemdi; mohon laporkan)",
                        "internal error while reading this file (a bug in spbe-pemdi; please report it)"
                    ),
                ))
            });
            match result {
                Ok((done, report)) => (Outcome::Done(Box::new(done)), Some(report)),
                Err(e) => {
                    let e = if e.file.is_none() { e.in_file(&name) } else { e };
                    let failed = Failed {
                        file: name,
                        message: e.sentence(lang),
                    };
                    (Outcome::Failed(failed, e), None)
                }
            }
        })
        .collect();
    let mut stats = Stats::default();
    let (mut rows, mut fails, mut buf) = (Vec::new(), Vec::new(), String::new());
    let (mut failed, mut reports) = (0, Vec::new());
    let files = results.len();
    for (outcome, report) in results {
        match &outcome {
            Outcome::Done(d) => {
                stats.add(d);
                html::agency_row(&mut rows, &mut buf, &d.row, lang).map_err(bug)?;
            }
            Outcome::Failed(f, _) => {
                failed += 1;
                html::failed_item(&mut fails, f).map_err(bug)?;
            }
        }
        reports.extend(report);
    }
    let weakest = stats.weakest(to, lang);
    let page = Page {
        lang,
        to,
        weakest: &weakest,
        mean: stats.mean_index(),
        files,
        failed,
    }
    .render()?;
    let mut summary_html = String::with_capacity(page.len() + rows.len() + fails.len() + 1);
    let mut rest = page.as_str();
    // In page order, as the folder's page: the agencies come first.
    for (mark, part) in [(ROWS_MARK, &rows), (FAILED_MARK, &fails)] {
        if let Some((head, tail)) = rest.split_once(mark) {
            summary_html.push_str(head);
            summary_html.push_str(&String::from_utf8_lossy(part));
            rest = tail;
        }
    }
    summary_html.push_str(rest);
    summary_html.push('\n');
    Ok(MemoryBatch {
        files,
        failed,
        summary_html,
        reports,
    })
}

/// Writing into a vector cannot fail; should it, it is a bug.
fn bug(e: std::io::Error) -> Error {
    Error::new(
        crate::error::Kind::Output,
        tr!("galat internal: {}", "internal error: {}", e),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page in memory is the page a batch writes to its folder, byte
    /// for byte (same rows, same failures, same weakest indicators).
    #[test]
    fn the_page_in_memory_is_the_page_on_disk() {
        let data = Data::embedded().expect("data");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let names = ["aceh-tengah-spbe-2025.json", "kemenpanrb-spbe-2024.xlsx"];
        let dir = tempfile::tempdir().expect("temp dir");
        let bad = dir.path().join("rusak.csv");
        std::fs::write(&bad, "bukan;tabel\n").expect("write");
        let mut inputs: Vec<std::path::PathBuf> = names.iter().map(|n| root.join(n)).collect();
        inputs.push(bad.clone());
        let out = dir.path().join("out");
        let opts = crate::batch::BatchOptions {
            inputs: inputs.clone(),
            framework: None,
            column: None,
            convert: ConvertOptions::default(),
            out_dir: out.clone(),
            format: Format::Html,
            force: false,
            summary_only: false,
            lang: Lang::Id,
        };
        crate::batch::run(&data, &opts, &mut |_| {}).expect("batch");
        let files = inputs
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read(p).expect("read")))
            .collect();
        let m = run(
            &data,
            files,
            None,
            &ConvertOptions::default(),
            Format::Html,
            Lang::Id,
        )
        .expect("in memory");
        let on_disk = std::fs::read_to_string(out.join("summary.html")).expect("page");
        assert_eq!(m.summary_html, on_disk);
        assert_eq!((m.files, m.failed), (3, 1));
        let names: Vec<&str> = m.reports.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["aceh-tengah-spbe-2025.html", "kemenpanrb-spbe-2024.html"]
        );
        for (n, bytes) in &m.reports {
            assert_eq!(&std::fs::read(out.join(n)).expect("report"), bytes, "{n}");
        }
    }
}
