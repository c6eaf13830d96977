//! The batch summary, written as the batch goes: `summary.csv` (one row per
//! input, failures included), `summary.xlsx` (the same rows, and the
//! weakest indicators on a second sheet), `summary-indicators.csv` (the
//! weakest indicators) and `summary.html`. Rows stream to temporary files
//! (the XLSX in constant-memory mode), so memory stays flat however many
//! agencies there are; each output appears only when complete.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use minijinja::context;
use minijinja::value::Serde;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet};

use crate::batch::html;
use crate::batch::summary::{AgencyRow, Failed, Outcome, Stats, TOP_GAPS};
use crate::catalog::{BandOn, Framework};
use crate::decimal::{exact, fixed2, round};
use crate::error::{Error, Result};
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

const FAILED_MARK: &str = "<!--spbe-pemdi:failed-->";
const ROWS_MARK: &str = "<!--spbe-pemdi:rows-->";

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| {
        Error::output(
            path,
            tr!(
                "ringkasan tidak dapat ditulis: {}",
                "cannot write the summary: {}",
                e
            ),
        )
    }
}

fn csv_err(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| Error::output(path, tr!("CSV: {}", "CSV: {}", e))
}

/// Column headers of the agency rows (CSV and XLSX) and XLSX widths.
fn headers(lang: Lang) -> Vec<(&'static str, f64)> {
    let names: [(&str, &str, f64); 18] = [
        ("berkas", "file", 28.0),
        ("laporan", "report", 20.0),
        ("instansi", "agency", 28.0),
        ("tahun", "year", 7.0),
        ("framework", "framework", 11.0),
        ("indeks_lalu", "last_index", 9.0),
        ("indeks_lalu_bawah", "last_index_low", 9.0),
        ("indeks_lalu_atas", "last_index_high", 9.0),
        ("predikat_lalu", "last_predicate", 14.0),
        ("proyeksi", "projected", 9.0),
        ("proyeksi_bawah", "projected_low", 9.0),
        ("proyeksi_atas", "projected_high", 9.0),
        ("predikat_proyeksi", "projected_predicate", 18.0),
        ("celah_1", "gap_1", 26.0),
        ("celah_2", "gap_2", 26.0),
        ("celah_3", "gap_3", 26.0),
        ("status", "status", 8.0),
        ("galat", "error", 50.0),
    ];
    names
        .iter()
        .map(|(id, en, w)| (lang.pick(id, en), *w))
        .collect()
}

/// Column of the status (`ok`, `failed`) in the agency rows.
const STATUS: u16 = 16;

type CsvOut = csv::Writer<BufWriter<PendingFile>>;

/// One row going to `summary.csv` and the workbook's first sheet at once,
/// cell by cell, without building the cells first.
struct Row<'a> {
    csv: &'a mut CsvOut,
    ws: &'a mut Worksheet,
    path: &'a Path,
    y: u32,
    x: u16,
}

impl Row<'_> {
    /// A text cell (an empty one stays blank in the workbook).
    fn text(&mut self, v: &str) -> Result<()> {
        self.csv.write_field(v).map_err(csv_err(self.path))?;
        if !v.is_empty() {
            self.ws
                .write_string(self.y, self.x, v)
                .map_err(sheet::xlsx_error)?;
        }
        self.x += 1;
        Ok(())
    }

    /// A number, as written in the CSV (an exact decimal of at most 2
    /// places, or a year): a number in the workbook too.
    fn number(&mut self, v: &str) -> Result<()> {
        match v.parse::<f64>() {
            Ok(n) => {
                self.csv.write_field(v).map_err(csv_err(self.path))?;
                self.ws
                    .write_number(self.y, self.x, n)
                    .map_err(sheet::xlsx_error)?;
                self.x += 1;
                Ok(())
            }
            Err(_) => self.text(v),
        }
    }

    /// Blank cells up to column `x`.
    fn skip_to(&mut self, x: u16) -> Result<()> {
        while self.x < x {
            self.text("")?;
        }
        Ok(())
    }

    /// Ends the CSV record.
    fn end(self) -> Result<()> {
        self.csv
            .write_record(None::<&[u8]>)
            .map_err(csv_err(self.path))
    }
}

/// `buf` cleared and holding `d` with 2 decimals (as [`fixed2`]).
fn fixed2_in(buf: &mut String, d: Decimal) -> &str {
    buf.clear();
    // Writing to a String cannot fail.
    let _ = write!(buf, "{:.2}", round(d, 2));
    buf
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
    /// Scratch space for numbers, reused from cell to cell.
    buf: String,
    /// Running sums for the weakest indicators.
    pub stats: Stats,
    /// Inputs written, successful or not.
    pub files: usize,
    /// Inputs that failed.
    pub failed: usize,
}

impl Sink {
    /// Starts the summary in `dir` (the caller has checked it may be written).
    pub fn new(dir: &Path, lang: Lang) -> Result<Sink> {
        let csv_path = dir.join(FILES[0]);
        let pending = PendingFile::new(&csv_path)?;
        let mut csv = csv::WriterBuilder::new()
            .delimiter(sheet::csv_delimiter(lang))
            .flexible(true)
            .from_writer(BufWriter::new(pending));
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
            buf: String::with_capacity(64),
            stats: Stats::default(),
            files: 0,
            failed: 0,
        })
    }

    /// The next row of `summary.csv` and of the workbook's first sheet.
    fn row(&mut self) -> Result<(Row<'_>, &mut String)> {
        let ws = self.wb.worksheet_from_index(0).map_err(sheet::xlsx_error)?;
        let y = self.xrow;
        self.xrow += 1;
        let row = Row {
            csv: &mut self.csv,
            ws,
            path: &self.csv_path,
            y,
            x: 0,
        };
        Ok((row, &mut self.buf))
    }

    fn write_done(&mut self, a: &AgencyRow) -> Result<()> {
        let (mut r, buf) = self.row()?;
        r.text(&a.file)?;
        r.text(a.report.as_deref().unwrap_or_default())?;
        r.text(a.agency.as_deref().unwrap_or_default())?;
        match a.year {
            Some(y) => {
                buf.clear();
                let _ = write!(buf, "{y}");
                r.number(buf)?;
            }
            None => r.text("")?,
        }
        r.text(&a.framework)?;
        match a.last_index {
            Some(i) => r.number(fixed2_in(buf, i))?,
            None => r.text("")?,
        }
        r.number(fixed2_in(buf, a.last_low))?;
        r.number(fixed2_in(buf, a.last_high))?;
        r.text(&a.last_predicate)?;
        r.number(fixed2_in(buf, a.point))?;
        r.number(fixed2_in(buf, a.low))?;
        r.number(fixed2_in(buf, a.high))?;
        r.text(&a.predicate)?;
        for i in 0..TOP_GAPS {
            match a.gaps.get(i) {
                Some(g) => {
                    buf.clear();
                    let _ = write!(buf, "{} (+{:.3})", g.id, round(g.gain, 3));
                    r.text(buf)?;
                }
                None => r.text("")?,
            }
        }
        r.text("ok")?;
        r.text("")?;
        r.end()?;
        html::agency_row(&mut self.rows_html, &mut self.buf, a, self.lang).map_err(io(&self.dir))
    }

    fn write_failed(&mut self, f: &Failed) -> Result<()> {
        let (mut r, _) = self.row()?;
        r.text(&f.file)?;
        r.skip_to(STATUS)?;
        r.text("failed")?;
        r.text(&f.message)?;
        r.end()?;
        html::failed_item(&mut self.failed_html, f).map_err(io(&self.dir))
    }

    /// Adds a chunk of results, in input order.
    pub fn push(&mut self, chunk: &[Outcome]) -> Result<()> {
        for o in chunk {
            match o {
                Outcome::Done(d) => {
                    self.stats.add(d);
                    self.write_done(&d.row)?;
                }
                Outcome::Failed(f, _) => {
                    self.failed += 1;
                    self.write_failed(f)?;
                }
            }
            self.files += 1;
        }
        Ok(())
    }

    /// Writes the weakest indicators and moves every summary file into place.
    pub fn finish(mut self, to: &Framework) -> Result<()> {
        let lang = self.lang;
        let dir = self.dir.clone();
        let csv_path = dir.join(FILES[0]);
        let weakest = self.stats.weakest(to, lang);
        // summary.csv
        let pending = self
            .csv
            .into_inner()
            .map_err(|e| io(&csv_path)(e.into_error()))?
            .into_inner()
            .map_err(|e| io(&csv_path)(e.into_error()))?;
        pending.commit()?;
        // summary-indicators.csv
        let head: Vec<&str> = [
            ("no", "no"),
            ("indikator", "indicator"),
            ("nama_indikator", "indicator_name"),
            ("bobot", "weight"),
            ("rata_rata_proyeksi", "mean_projection"),
            ("instansi_dengan_celah", "agencies_with_gap"),
        ]
        .iter()
        .map(|(id, en)| lang.pick(id, en))
        .collect();
        let mut records = vec![head.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        for w in &weakest {
            records.push(vec![
                w.no.to_string(),
                w.id.clone(),
                w.name.clone(),
                exact(w.weight),
                fixed2(w.mean),
                w.gaps.to_string(),
            ]);
        }
        crate::output::write_atomic(&dir.join(FILES[1]), &sheet::csv_bytes(&records, lang)?)?;
        // summary.xlsx
        let ws = self.wb.worksheet_from_index(1).map_err(sheet::xlsx_error)?;
        let widths = [5.0, 14.0, 48.0, 8.0, 12.0, 12.0];
        let cols: Vec<(&str, f64)> = head.iter().copied().zip(widths).collect();
        sheet::header(ws, 0, &cols)?;
        for (i, r) in records.iter().skip(1).enumerate() {
            let y = i as u32 + 1;
            for (x, v) in r.iter().enumerate() {
                match v.parse::<f64>() {
                    Ok(n) if x != 1 && x != 2 => ws.write_number(y, x as u16, n),
                    _ => ws.write_string(y, x as u16, v),
                }
                .map_err(sheet::xlsx_error)?;
            }
        }
        let xlsx = PendingFile::new(&dir.join(FILES[2]))?;
        self.wb.save(xlsx.temp_path()).map_err(sheet::xlsx_error)?;
        xlsx.commit()?;
        // summary.html
        let mean = self.stats.mean_index();
        let page = render_template(
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
                mean_index => mean.map(exact),
                mean_predicate => mean.map(|m| to.band(m, BandOn::Exact).name(lang)),
                weakest => Serde(&weakest),
            },
        )?;
        let html_path = dir.join(FILES[3]);
        let mut out = BufWriter::new(PendingFile::new(&html_path)?);
        let mut rest = page.as_str();
        for (mark, part) in [
            (FAILED_MARK, &mut self.failed_html),
            (ROWS_MARK, &mut self.rows_html),
        ] {
            let mut file = part.get_mut().try_clone().map_err(io(&html_path))?;
            part.flush().map_err(io(&html_path))?;
            if let Some((head, tail)) = rest.split_once(mark) {
                out.write_all(head.as_bytes()).map_err(io(&html_path))?;
                file.rewind().map_err(io(&html_path))?;
                std::io::copy(&mut file, &mut out).map_err(io(&html_path))?;
                rest = tail;
            }
        }
        out.write_all(rest.as_bytes()).map_err(io(&html_path))?;
        out.write_all(b"\n").map_err(io(&html_path))?;
        out.into_inner()
            .map_err(|e| io(&html_path)(e.into_error()))?
            .commit()
    }
}
