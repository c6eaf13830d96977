//! Spreadsheet input (XLSX, XLSM, XLS, ODS) through calamine: the first
//! sheet with a header row is read; places are cell references.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::assessment::table::{Cell, Row};
use crate::error::{Error, Place, Result};
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

fn read_sheets(file: &str, bytes: Vec<u8>) -> Result<Vec<(String, Vec<Row<'static>>)>> {
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::input(
            file,
            tr!(
                "lembar kerja tidak dapat dibuka: {}",
                "cannot open the spreadsheet: {}",
                e
            ),
        )
        .with_hint(tr!(
            "berkas mungkin rusak atau terpotong; simpan ulang dari Excel sebagai .xlsx",
            "the file may be damaged or truncated; save it again from Excel as .xlsx"
        ))
    })?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| {
            Error::input(
                file,
                tr!(
                    "lembar `{}` tidak dapat dibaca: {}",
                    "cannot read sheet `{}`: {}",
                    name,
                    e
                ),
            )
        })?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (ri, r) in range.rows().enumerate() {
            let row_no = r0 + ri as u32;
            let mut cells = Vec::with_capacity(r.len());
            for (ci, v) in r.iter().enumerate() {
                let col_no = c0 + ci as u32;
                let place = Place::cell(&name, row_no, col_no);
                let text = match v {
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
                                "sel berisi galat lembar kerja: {:?}",
                                "the cell holds a spreadsheet error: {:?}",
                                e
                            ),
                        )
                        .at(place)
                        .with_hint(tr!(
                            "perbaiki rumusnya di Excel, atau ketik nilainya langsung",
                            "fix the formula in Excel, or type the value itself"
                        )));
                    }
                };
                cells.push(Cell { text, place });
            }
            rows.push(Row {
                cells,
                place: Place::cell(&name, row_no, c0),
                snippet: None,
            });
        }
        // A formula saved without its computed value (written by a script,
        // never opened in Excel) reads as its formula, so that a value
        // there is an error naming the cell rather than a silent blank.
        if let Ok(formulas) = wb.worksheet_formula(&name)
            && let Some((f0, g0)) = formulas.start()
        {
            for (fr, fc, f) in formulas.used_cells() {
                let (r, c) = (f0 + fr as u32, g0 + fc as u32);
                if f.trim().is_empty() || r < r0 || c < c0 {
                    continue;
                }
                if let Some(cell) = rows
                    .get_mut((r - r0) as usize)
                    .and_then(|row| row.cells.get_mut((c - c0) as usize))
                    && cell.text.is_empty()
                {
                    cell.text = format!("={}", f.trim_start_matches('='));
                }
            }
        }
        out.push((name, rows));
    }
    Ok(out)
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`, so that a
/// date typed in the wrong column reads as a date in error messages.
fn excel_date(serial: f64) -> String {
    // Days are whole numbers in the serial's integer part; the time of day
    // is not needed here.
    let days = serial.floor() as i64 - 25569; // days since 1970-01-01
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
