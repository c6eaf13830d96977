//! One input's row of `summary.csv` and of the workbook's first sheet,
//! written to both at once, cell by cell: no cells are built first, and
//! numbers are formatted once into a reused buffer.

use std::fmt::Write as _;
use std::io::BufWriter;
use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet};

use crate::batch::summary::{AgencyRow, Failed, TOP_GAPS};
use crate::decimal::fixed::push_fixed;
use crate::error::{Error, Result};
use crate::output::PendingFile;
use crate::sheet;
use crate::text::Lang;
use crate::tr;

/// `summary.csv` being written.
pub type CsvOut = csv::Writer<BufWriter<PendingFile>>;

/// Column of the status (`ok`, `failed`).
const STATUS: u16 = 16;

/// Column headers (CSV and XLSX) and XLSX widths.
pub fn headers(lang: Lang) -> Vec<(&'static str, f64)> {
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

/// A CSV error while writing `path`.
pub fn csv_err(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| Error::output(path, tr!("CSV: {}", "CSV: {}", e))
}

/// A row being written.
pub struct Row<'a> {
    csv: &'a mut CsvOut,
    path: &'a Path,
    /// The first sheet, or `None` past its last row (the row is then in
    /// `summary.csv` only).
    ws: Option<&'a mut Worksheet>,
    y: u32,
    x: u16,
    lang: Lang,
}

impl<'a> Row<'a> {
    /// Starts row `y` of `csv` (at `path`) and of the first sheet of `wb`;
    /// of the CSV only when `in_sheet` is false.
    pub fn start(
        csv: &'a mut CsvOut,
        path: &'a Path,
        wb: &'a mut Workbook,
        y: u32,
        in_sheet: bool,
        lang: Lang,
    ) -> Result<Self> {
        let ws = match in_sheet {
            true => Some(wb.worksheet_from_index(0).map_err(sheet::xlsx_error)?),
            false => None,
        };
        Ok(Row {
            csv,
            path,
            ws,
            y,
            x: 0,
            lang,
        })
    }
}

impl Row<'_> {
    /// A text cell (an empty one stays blank in the workbook): safe from
    /// formula injection in the CSV ([`sheet::csv_safe`]), cut to Excel's
    /// cell limit in the workbook ([`sheet::cell_text`]; the CSV keeps it
    /// whole).
    fn text(&mut self, v: &str) -> Result<()> {
        self.csv
            .write_field(sheet::csv_safe(v).as_bytes())
            .map_err(csv_err(self.path))?;
        if let Some(ws) = self.ws.as_deref_mut().filter(|_| !v.is_empty()) {
            ws.write_string(self.y, self.x, sheet::cell_text(v, self.lang))
                .map_err(sheet::xlsx_error)?;
        }
        self.x += 1;
        Ok(())
    }

    /// A number, as written in the CSV (an exact decimal of at most 2
    /// places, or a year): a number in the workbook too.
    fn number(&mut self, v: &str) -> Result<()> {
        let Ok(n) = v.parse::<f64>() else {
            return self.text(v);
        };
        self.csv
            .write_field(sheet::csv_number(v, self.lang).as_bytes())
            .map_err(csv_err(self.path))?;
        if let Some(ws) = self.ws.as_deref_mut() {
            ws.write_number(self.y, self.x, n)
                .map_err(sheet::xlsx_error)?;
        }
        self.x += 1;
        Ok(())
    }

    /// A decimal with 2 places (as [`crate::decimal::fixed2`]).
    fn fixed2(&mut self, buf: &mut String, d: rust_decimal::Decimal) -> Result<()> {
        buf.clear();
        push_fixed(buf, d, 2);
        self.number(buf)
    }

    /// Ends the CSV record.
    fn end(self) -> Result<()> {
        self.csv
            .write_record(None::<&[u8]>)
            .map_err(csv_err(self.path))
    }

    /// The row of a converted agency; `buf` is scratch space.
    pub fn agency(mut self, a: &AgencyRow, buf: &mut String) -> Result<()> {
        self.text(&a.file)?;
        self.text(a.report.as_deref().unwrap_or_default())?;
        self.text(a.agency.as_deref().unwrap_or_default())?;
        match a.year {
            Some(y) => {
                buf.clear();
                // Writing to a String cannot fail.
                let _ = write!(buf, "{y}");
                self.number(buf)?;
            }
            None => self.text("")?,
        }
        self.text(&a.framework)?;
        match a.last_index {
            Some(i) => self.fixed2(buf, i)?,
            None => self.text("")?,
        }
        self.fixed2(buf, a.last_low)?;
        self.fixed2(buf, a.last_high)?;
        self.text(&a.last_predicate)?;
        self.fixed2(buf, a.point)?;
        self.fixed2(buf, a.low)?;
        self.fixed2(buf, a.high)?;
        self.text(&a.predicate)?;
        for i in 0..TOP_GAPS {
            buf.clear();
            if let Some(g) = a.gaps.get(i) {
                // `pemdi-2026:7 (+0.068)`
                buf.push_str(&g.id);
                buf.push_str(" (+");
                push_fixed(buf, g.gain, 3);
                buf.push(')');
                if self.lang == Lang::Id {
                    // `pemdi-2026:7 (+0,068)`: the id has no point.
                    let at = buf.rfind('.').unwrap_or(0);
                    if at > 0 {
                        buf.replace_range(at..=at, ",");
                    }
                }
            }
            self.text(buf)?;
        }
        self.text("ok")?;
        self.text("")?;
        self.end()
    }

    /// The row of an input that failed.
    pub fn failed(mut self, f: &Failed) -> Result<()> {
        self.text(&f.file)?;
        while self.x < STATUS {
            self.text("")?;
        }
        self.text(self.lang.pick("gagal", "failed"))?;
        self.text(&f.message)?;
        self.end()
    }
}
