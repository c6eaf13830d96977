//! Spreadsheet input (XLSX, XLSM, XLS, ODS) through calamine: the first
//! sheet with a header row is read; places are cell references.

use std::io::Cursor;

use std::io::Read;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use crate::assessment::table::{Cell, Row};
use crate::error::{Error, Place, Result};
use crate::limits;
use crate::tr;

thread_local! {
    /// Set while calamine runs on this thread: a panic there is a damaged
    /// file, reported as bad input, not a bug of ours.
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the current thread is inside the spreadsheet reader (the panic
/// hook of the command line stays quiet then: the panic becomes an error).
pub fn reading_spreadsheet() -> bool {
    READING.with(|r| r.get())
}

/// Reads every sheet's rows; the caller picks the first with a header.
/// calamine panics on some damaged workbooks: such a panic is caught and
/// reported as a damaged file.
pub fn sheets(file: &str, bytes: Vec<u8>) -> Result<Vec<(String, Vec<Row<'static>>)>> {
    READING.with(|r| r.set(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(file, bytes)));
    READING.with(|r| r.set(false));
    out.unwrap_or_else(|_| {
        Err(Error::input(
            file,
            tr!(
                "lembar kerja rusak: isinya tidak dapat diurai",
                "the spreadsheet is damaged: its contents cannot be parsed"
            ),
        )
        .with_hint(tr!(
            "berkas mungkin rusak atau terpotong; simpan ulang dari Excel sebagai .xlsx",
            "the file may be damaged or truncated; save it again from Excel as .xlsx"
        )))
    })
}

/// A spreadsheet library error in our words; its own (English) text is
/// kept only as a detail when it is not one we know.
fn calamine_reason(e: &dyn std::fmt::Display) -> crate::text::Text {
    let raw = e.to_string();
    if raw.contains("Cannot detect file format") {
        return tr!(
            "bentuknya tidak dikenali: bukan lembar kerja .xlsx, .xls atau .ods yang utuh",
            "its format is not recognised: not a complete .xlsx, .xls or .ods workbook"
        );
    }
    if raw.contains("Zip") || raw.contains("zip") {
        return tr!(
            "arsip lembar kerjanya rusak atau terpotong",
            "the workbook's archive is damaged or truncated"
        );
    }
    tr!(
        "isinya tidak dapat diurai (rincian: {})",
        "its contents cannot be parsed ({})",
        raw
    )
}

fn read_sheets(file: &str, bytes: Vec<u8>) -> Result<Vec<(String, Vec<Row<'static>>)>> {
    if bytes.starts_with(b"PK\x03\x04") {
        check_decompressed(file, &bytes, limits::MAX_DECOMPRESSED_BYTES)?;
    }
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::input(
            file,
            tr!(
                "lembar kerja tidak dapat dibuka",
                "cannot open the spreadsheet"
            )
            .then(": ", &calamine_reason(&e)),
        )
        .with_hint(tr!(
            "berkas mungkin rusak atau terpotong; simpan ulang dari Excel sebagai .xlsx",
            "the file may be damaged or truncated; save it again from Excel as .xlsx"
        ))
    })?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let unreadable = |e: &dyn std::fmt::Display| {
            Error::input(
                file,
                tr!(
                    "lembar `{}` tidak dapat dibaca",
                    "cannot read sheet `{}`",
                    name
                )
                .then(": ", &calamine_reason(&e)),
            )
        };
        let mut cells = Cells {
            sheet: name.clone(),
            text: 0,
            cells: Vec::new(),
        };
        match &mut wb {
            // XLSX is read cell by cell: a far, lonely cell costs nothing.
            Sheets::Xlsx(x) => {
                let mut reader = x
                    .worksheet_cells_reader(&name)
                    .map_err(|e| unreadable(&e))?;
                while let Some(c) = reader
                    .next_cell_with_formula()
                    .map_err(|e| unreadable(&e))?
                {
                    let (row, col) = c.pos;
                    let mut v = Data::from(c.value);
                    // A formula saved without its computed value (written by
                    // a script, never opened in Excel) reads as its formula,
                    // so that a value there is an error naming the cell
                    // rather than a silent blank.
                    if matches!(v, Data::Empty)
                        && let Some(f) = c.formula.filter(|f| !f.trim().is_empty())
                    {
                        v = Data::String(format!("={}", f.trim_start_matches('=')));
                    }
                    cells.push(file, row, col, v)?;
                }
            }
            // XLS is at most 65 536 × 256 cells; calamine bounds ODS.
            _ => {
                let range = wb.worksheet_range(&name).map_err(|e| unreadable(&e))?;
                for (row, col, v) in range.used_cells() {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    cells.push(file, r0 + row as u32, c0 + col as u32, v.clone())?;
                }
            }
        }
        out.push((name, cells.rows(file)?));
    }
    Ok(out)
}

/// The filled cells of a sheet, as read (any order).
struct Cells {
    sheet: String,
    /// Bytes of text held.
    text: usize,
    cells: Vec<(u32, u32, Data)>,
}

impl Cells {
    /// Keeps a cell; empty ones are dropped. Refuses a sheet past the limits.
    fn push(&mut self, file: &str, row: u32, col: u32, v: Data) -> Result<()> {
        if matches!(v, Data::Empty) || matches!(&v, Data::String(s) if s.is_empty()) {
            return Ok(());
        }
        if self.cells.len() >= limits::MAX_CELLS {
            return Err(limits::table_too_large(
                file,
                tr!(
                    "lebih dari {} sel terisi",
                    "more than {} filled cells",
                    limits::MAX_CELLS
                ),
            ));
        }
        if let Data::String(s) = &v
            && limits::too_long(s)
        {
            return Err(
                limits::text_too_long(file, s.chars().count()).at(Place::cell(
                    &self.sheet,
                    row,
                    col,
                )),
            );
        }
        if let Data::String(s) = &v {
            self.text += s.len();
            if self.text > limits::MAX_TABLE_TEXT_BYTES {
                return Err(limits::table_too_large(
                    file,
                    tr!(
                        "lebih dari {} MiB teks",
                        "more than {} MiB of text",
                        limits::MAX_TABLE_TEXT_BYTES / (1024 * 1024)
                    ),
                )
                .at(Place::cell(&self.sheet, row, col)));
            }
        }
        self.cells.push((row, col, v));
        Ok(())
    }

    /// The rows holding something, in order, each from the sheet's first
    /// used column to its own last filled cell.
    fn rows(mut self, file: &str) -> Result<Vec<Row<'static>>> {
        let sheet = self.sheet.as_str();
        self.cells.sort_by_key(|&(r, c, _)| (r, c));
        let c0 = self.cells.iter().map(|&(_, c, _)| c).min().unwrap_or(0);
        let mut rows: Vec<Row<'static>> = Vec::new();
        let mut held = 0usize;
        let mut at = 0;
        while at < self.cells.len() {
            let r = self.cells[at].0;
            let end = at + self.cells[at..].iter().take_while(|x| x.0 == r).count();
            let width = (self.cells[end - 1].1 - c0) as usize + 1;
            held += width;
            if rows.len() >= limits::MAX_ROWS || held > limits::MAX_CELLS {
                let what = if rows.len() >= limits::MAX_ROWS {
                    tr!("lebih dari {} baris", "more than {} rows", limits::MAX_ROWS)
                } else {
                    tr!("lebih dari {} sel", "more than {} cells", limits::MAX_CELLS)
                };
                return Err(limits::table_too_large(file, what).at(Place::cell(sheet, r, c0)));
            }
            let mut cells: Vec<Cell> = Vec::with_capacity(width);
            for (_, col, v) in &self.cells[at..end] {
                while (cells.len() as u32) < col - c0 {
                    let col = c0 + cells.len() as u32;
                    cells.push(Cell {
                        text: String::new(),
                        place: Place::cell(sheet, r, col),
                    });
                }
                let place = Place::cell(sheet, r, *col);
                let text = cell_text(file, &place, v)?;
                cells.push(Cell { text, place });
            }
            rows.push(Row {
                cells,
                place: Place::cell(sheet, r, c0),
                snippet: None,
            });
            at = end;
        }
        Ok(rows)
    }
}

/// The text of a cell as a person typed it.
fn cell_text(file: &str, place: &Place, v: &Data) -> Result<String> {
    Ok(match v {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Excel stores numbers as binary floats; the shortest
        // representation is what the person typed.
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            return Err(Error::input(
                file,
                tr!(
                    "sel berisi galat lembar kerja: {}",
                    "the cell holds a spreadsheet error: {}",
                    e
                ),
            )
            .at(place.clone())
            .with_hint(tr!(
                "perbaiki rumusnya di Excel, atau ketik nilainya langsung",
                "fix the formula in Excel, or type the value itself"
            )));
        }
    })
}

/// Refuses a workbook whose parts decompress past
/// [`limits::MAX_DECOMPRESSED_BYTES`], by decompressing them into nothing
/// (the sizes the archive declares may lie). A damaged archive is left to
/// calamine, which says what is wrong.
fn check_decompressed(file: &str, bytes: &[u8], limit: u64) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut left = limit;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let mut sink = std::io::sink();
        let n = std::io::copy(&mut entry.take(left + 1), &mut sink).unwrap_or(0);
        if n > left {
            return Err(Error::input(
                file,
                tr!(
                    "isi lembar kerja terlalu besar setelah didekompresi",
                    "the spreadsheet's contents are too large once decompressed"
                ),
            )
            .expected(tr!(
                "paling besar {} MiB",
                "at most {} MiB",
                limit / (1024 * 1024)
            ))
            .with_hint(tr!(
                "hapus lembar, gambar dan baris yang tidak perlu, atau ekspor sebagai CSV",
                "remove unneeded sheets, images and rows, or export as CSV"
            )));
        }
        left -= n;
    }
    Ok(())
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`, so that a
/// date typed in the wrong column reads as a date in error messages.
fn excel_date(serial: f64) -> String {
    // Days are whole numbers in the serial's integer part; the time of day
    // is not needed here.
    crate::text::iso_date(serial.floor() as i64 - 25569) // days since 1970-01-01
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of one entry of `n` zeros, deflated.
    fn zeros_zip(n: usize) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let chunk = vec![0u8; 1 << 20];
        let mut left = n;
        while left > 0 {
            let k = left.min(chunk.len());
            w.write_all(&chunk[..k]).unwrap();
            left -= k;
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn zip_bomb_is_refused_by_its_decompressed_size() {
        // Before: a 1 MB workbook holding a 1 GB sheet took 4,2 GB.
        let bomb = zeros_zip(3 * 1024 * 1024);
        assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
        let e = check_decompressed("bomb.xlsx", &bomb, 2 * 1024 * 1024).unwrap_err();
        assert!(
            e.render(crate::Lang::En)
                .contains("too large once decompressed")
        );
        assert!(check_decompressed("ok.xlsx", &bomb, 4 * 1024 * 1024).is_ok());
    }

    #[test]
    fn zip_bomb_past_the_real_limit_is_refused_in_sheets() {
        let bomb = zeros_zip(limits::MAX_DECOMPRESSED_BYTES as usize + 1);
        let e = sheets("bomb.xlsx", bomb).unwrap_err();
        assert!(
            e.render(crate::Lang::En)
                .contains("too large once decompressed"),
            "{}",
            e.render(crate::Lang::En)
        );
    }
}
