//! The batch summary, written as the batch goes: `summary.csv` (one row per
//! input, failures included), `summary.xlsx` (the same rows, and the
//! weakest indicators on a second sheet), `summary-indicators.csv` (the
//! weakest indicators) and `summary.html`. Rows stream to temporary files
//! (the XLSX in constant-memory mode), so memory stays flat however many
//! agencies there are; each output appears only when complete.

use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use minijinja::context;
use minijinja::value::Serde;
use rust_xlsxwriter::Workbook;

use crate::batch::html;
use crate::batch::pipeline::writer_bug;
use crate::batch::row::{CsvOut, Row, csv_err, headers};
use crate::batch::summary::{IndicatorMean, Outcome, Stats};
use crate::catalog::{BandOn, Framework};
use crate::decimal::{exact, fixed2};
use crate::error::{Error, Kind, Result};
use crate::output::PendingFile;
use crate::report::html::render_template;
use crate::report::labels::labels;
use crate::sheet;
use crate::text::Lang;
use crate::tr;

/// The summary files, in the output folder.
pub const FILES: [&str; 4] = [
    "summary.csv",
    "summary-indicators.csv",
    "summary.xlsx",
    "summary.html",
];

/// The last row a worksheet has (0-based: 1,048,576 rows).
const LAST_SHEET_ROW: u32 = 1_048_575;

/// Where the failures go in the rendered page.
pub(super) const FAILED_MARK: &str = "<!--spbe-pemdi:failed-->";
/// Where the agency rows go in the rendered page.
pub(super) const ROWS_MARK: &str = "<!--spbe-pemdi:rows-->";

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| {
        Error::output(
            path,
            tr!("ringkasan tidak dapat ditulis", "cannot write the summary")
                .then(": ", &Error::io_reason(&e)),
        )
    }
}

/// The summary being written.
pub struct Sink {
    lang: Lang,
    dir: PathBuf,
    csv_path: PathBuf,
    csv: CsvOut,
    rows_html: BufWriter<File>,
    failed_html: BufWriter<File>,
    wb: Workbook,
    xrow: u32,
    /// The last row of the first sheet that holds an input (the one after
    /// it says where the rest are).
    last_xrow: u32,
    /// Scratch space for numbers, reused from cell to cell.
    buf: String,
    /// Running sums for the weakest indicators.
    pub stats: Stats,
    /// Inputs written, successful or not.
    pub files: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Of those, inputs whose report could not be written.
    pub unwritten: usize,
    /// Replace existing summary files (`--force`); else they are created
    /// exclusively.
    force: bool,
}

impl Sink {
    /// Starts the summary in `dir` (the caller has checked it may be written).
    pub fn new(dir: &Path, lang: Lang, force: bool) -> Result<Sink> {
        let csv_path = dir.join(FILES[0]);
        let pending = PendingFile::new(&csv_path)?;
        let mut csv = sheet::csv_writer(BufWriter::new(pending), lang).map_err(io(&csv_path))?;
        let hs = headers(lang);
        csv.write_record(hs.iter().map(|h| h.0))
            .map_err(csv_err(&csv_path))?;
        let tmp = || {
            tempfile::tempfile()
                .map(|f| BufWriter::with_capacity(1 << 16, f))
                .map_err(io(dir))
        };
        let mut wb = sheet::workbook("spbe-pemdi batch summary");
        wb.set_zip_compression_level(1);
        let ws = wb
            .add_worksheet_with_constant_memory()
            .map_err(sheet::xlsx_error)?;
        ws.set_name(lang.pick("Instansi", "Agencies"))
            .map_err(sheet::xlsx_error)?;
        sheet::header(ws, 0, &hs)?;
        wb.add_worksheet_with_constant_memory()
            .map_err(sheet::xlsx_error)?
            .set_name(lang.pick("Indikator terlemah", "Weakest indicators"))
            .map_err(sheet::xlsx_error)?;
        Ok(Sink {
            lang,
            dir: dir.to_path_buf(),
            csv_path,
            csv,
            rows_html: tmp()?,
            failed_html: tmp()?,
            wb,
            xrow: 1,
            last_xrow: LAST_SHEET_ROW - 1,
            buf: String::with_capacity(64),
            stats: Stats::default(),
            files: 0,
            failed: 0,
            unwritten: 0,
            force,
        })
    }

    /// Adds a chunk of results, in input order.
    pub fn push(&mut self, chunk: &[Outcome]) -> Result<()> {
        let path = self.dir.join(FILES[2]);
        sheet::guarded(&path, || self.push_rows(chunk))
    }

    fn push_rows(&mut self, chunk: &[Outcome]) -> Result<()> {
        for o in chunk {
            let in_sheet = self.xrow <= self.last_xrow;
            let row = Row::start(
                &mut self.csv,
                &self.csv_path,
                &mut self.wb,
                self.xrow,
                in_sheet,
                self.lang,
            )?;
            match o {
                Outcome::Done(d) => {
                    self.stats.add(d);
                    row.agency(&d.row, &mut self.buf)?;
                    html::agency_row(&mut self.rows_html, &mut self.buf, &d.row, self.lang)
                        .map_err(io(&self.dir))?;
                }
                Outcome::Failed(f, e) => {
                    self.failed += 1;
                    self.unwritten += usize::from(e.kind == Kind::Output);
                    row.failed(f)?;
                    html::failed_item(&mut self.failed_html, f).map_err(io(&self.dir))?;
                }
            }
            self.xrow += 1;
            self.files += 1;
        }
        Ok(())
    }

    /// Writes the weakest indicators and moves every summary file into
    /// place. The workbook (compressed) and the page (the rows copied in)
    /// are finished side by side, and `summary.csv` with the weakest
    /// indicators beside them: the batch ends with these.
    pub fn finish(mut self, to: &Framework) -> Result<()> {
        let lang = self.lang;
        // More inputs than the sheet has rows: it says where the rest are.
        if self.xrow > self.last_xrow + 1 {
            let note = tr!(
                "lembar ini memuat {} dari {} berkas; summary.csv memuat semuanya",
                "this sheet holds {} of {} files; summary.csv has them all",
                self.last_xrow,
                self.files
            );
            let (wb, y) = (&mut self.wb, self.last_xrow + 1);
            sheet::guarded(&self.dir.join(FILES[2]), || {
                wb.worksheet_from_index(0)
                    .and_then(|ws| ws.write_string(y, 0, note.get(lang)))
                    .map_err(sheet::xlsx_error)
                    .map(|_| ())
            })?;
        }
        let weakest = self.stats.weakest(to, lang);
        let head: Vec<&str> = [
            ("no", "no"),
            ("indikator", "indicator"),
            ("nama_indikator", "indicator_name"),
            ("bobot", "weight"),
            ("rata_rata_proyeksi", "mean_projection"),
            ("instansi_dengan_celah", "agencies_with_gap"),
            ("dari_indeks_instansi_lain", "from_another_agencys_index"),
        ]
        .iter()
        .map(|(id, en)| lang.pick(id, en))
        .collect();
        // As on the page: the weakest indicators first, then those scored
        // from another agency's index (their mean counts a missing index
        // at the floor: missing data, not weakness), marked so.
        let (own, external): (Vec<_>, Vec<_>) = weakest.iter().partition(|w| !w.external);
        let records: Vec<[String; 7]> = own
            .into_iter()
            .chain(external)
            .map(|w| {
                [
                    w.no.to_string(),
                    w.id.clone(),
                    w.name.clone(),
                    exact(w.weight),
                    fixed2(w.mean),
                    w.gaps.to_string(),
                    if w.external {
                        lang.pick("ya", "yes").to_string()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        let Sink {
            dir,
            csv_path,
            csv,
            rows_html,
            failed_html,
            wb,
            stats,
            files,
            failed,
            force,
            ..
        } = self;
        let page = Page {
            lang,
            to,
            weakest: &weakest,
            mean: stats.mean_index(),
            files,
            failed,
        };
        std::thread::scope(|s| {
            let csvs = s.spawn(|| {
                commit_csv(csv, &csv_path, force)?;
                let mut rows = vec![head.iter().map(|h| h.to_string()).collect()];
                rows.extend(records.iter().map(|r| r.to_vec()));
                let bytes = sheet::csv_bytes(&rows, lang, &[3, 4])?;
                crate::output::write_file(&dir.join(FILES[1]), &bytes, force)
            });
            let xlsx = s.spawn(|| {
                let path = dir.join(FILES[2]);
                sheet::guarded(&path, || save_workbook(wb, &path, &head, &records, force))
            });
            let html = page.write(&dir.join(FILES[3]), failed_html, rows_html, force);
            let csvs = csvs.join().unwrap_or_else(|_| Err(writer_bug()));
            let xlsx = xlsx.join().unwrap_or_else(|_| Err(writer_bug()));
            csvs.and(xlsx).and(html)
        })
    }
}

/// Flushes `summary.csv` and moves it into place.
fn commit_csv(csv: CsvOut, path: &Path, replace: bool) -> Result<()> {
    csv.into_inner()
        .map_err(|e| io(path)(e.into_error()))?
        .into_inner()
        .map_err(|e| io(path)(e.into_error()))?
        .finish(replace)
}

/// Adds the weakest indicators (`records`, under `head`) as the second
/// sheet and saves the workbook to `path`.
fn save_workbook(
    mut wb: Workbook,
    path: &Path,
    head: &[&str],
    records: &[[String; 7]],
    replace: bool,
) -> Result<()> {
    let ws = wb.worksheet_from_index(1).map_err(sheet::xlsx_error)?;
    let widths = [5.0, 14.0, 48.0, 8.0, 12.0, 12.0, 14.0];
    let cols: Vec<(&str, f64)> = head.iter().copied().zip(widths).collect();
    sheet::header(ws, 0, &cols)?;
    for (i, r) in records.iter().enumerate() {
        let y = i as u32 + 1;
        for (x, v) in r.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if x != 1 && x != 2 => ws.write_number(y, x as u16, n),
                _ => ws.write_string(y, x as u16, v),
            }
            .map_err(sheet::xlsx_error)?;
        }
    }
    let xlsx = PendingFile::new(path)?;
    wb.save(xlsx.temp_path()).map_err(sheet::xlsx_error)?;
    xlsx.finish(replace)
}

/// What `summary.html` shows around the rows.
pub(super) struct Page<'a> {
    pub(super) lang: Lang,
    pub(super) to: &'a Framework,
    pub(super) weakest: &'a [IndicatorMean],
    pub(super) mean: Option<rust_decimal::Decimal>,
    pub(super) files: usize,
    pub(super) failed: usize,
}

impl Page<'_> {
    /// The page with [`FAILED_MARK`] and [`ROWS_MARK`] where the failures
    /// and the agency rows go.
    pub(super) fn render(&self) -> Result<String> {
        let (lang, to) = (self.lang, self.to);
        render_template(
            lang,
            "summary.html",
            context! {
                lang => lang.code(),
                t => labels(lang),
                tool => format!("spbe-pemdi {}", env!("CARGO_PKG_VERSION")),
                target => context! { id => to.id.clone(), title => to.title(lang) },
                files => self.files,
                ok => self.files - self.failed,
                failed => self.failed,
                mean_index => self.mean.map(exact),
                mean_predicate => self.mean.map(|m| to.band(m, BandOn::Exact).name(lang)),
                weakest => Serde(self.weakest),
            },
        )
    }

    /// Renders the page and writes it to `path` with the failures and the
    /// agency rows (written as the batch went) in their places.
    fn write(
        &self,
        path: &Path,
        failed: BufWriter<File>,
        rows: BufWriter<File>,
        replace: bool,
    ) -> Result<()> {
        let page = self.render()?;
        let err = io(path);
        let mut out = BufWriter::with_capacity(1 << 20, PendingFile::new(path)?);
        let mut rest = page.as_str();
        // In page order: the agencies come first.
        for (mark, part) in [(ROWS_MARK, rows), (FAILED_MARK, failed)] {
            let mut file = part.into_inner().map_err(|e| err(e.into_error()))?;
            if let Some((head, tail)) = rest.split_once(mark) {
                out.write_all(head.as_bytes()).map_err(&err)?;
                file.rewind().map_err(&err)?;
                std::io::copy(&mut file, &mut out).map_err(&err)?;
                rest = tail;
            }
        }
        out.write_all(rest.as_bytes()).map_err(&err)?;
        out.write_all(b"\n").map_err(&err)?;
        out.into_inner()
            .map_err(|e| err(e.into_error()))?
            .finish(replace)
    }
}

#[cfg(test)]
mod tests {
    use calamine::{Reader, Xlsx};

    use super::*;
    use crate::batch::summary::Failed;
    use crate::data::Data;

    /// Past the sheet's last row, inputs are in `summary.csv` only, and the
    /// sheet's last row says so (here with a sheet of 3 rows of inputs).
    #[test]
    fn rows_past_the_sheet_stay_in_the_csv() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = Data::embedded().expect("data");
        let to = data.catalog.newest().expect("target");
        let mut sink = Sink::new(dir.path(), Lang::En, false).expect("sink");
        sink.last_xrow = 3;
        let outcomes: Vec<Outcome> = (0..5)
            .map(|i| {
                let file = format!("{i}.json");
                let e = Error::input(&file, tr!("rusak", "broken"));
                let message = "broken".to_string();
                Outcome::Failed(Failed { file, message }, e)
            })
            .collect();
        sink.push(&outcomes[..2]).expect("written");
        sink.push(&outcomes[2..]).expect("written");
        sink.finish(to).expect("finished");
        let csv = std::fs::read_to_string(dir.path().join(FILES[0])).expect("csv");
        assert_eq!(csv.lines().count(), 6, "{csv}");
        let mut wb: Xlsx<_> = calamine::open_workbook(dir.path().join(FILES[2])).expect("xlsx");
        let sheet = wb.worksheet_range_at(0).expect("sheet").expect("read");
        let first: Vec<String> = sheet.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(
            first,
            [
                "file",
                "0.json",
                "1.json",
                "2.json",
                "this sheet holds 3 of 5 files; summary.csv has them all"
            ]
        );
    }
}
