//! CSV input as agencies keep it: comma, semicolon or tab delimited,
//! UTF-8 with or without BOM (UTF-16 and Windows-1252 from old Excel
//! exports are decoded too), decimal comma or dot.

use crate::assessment::table::{Cell, Row, header_key, is_alias};
use crate::error::{Error, Place, Result, line_text};
use crate::tr;

/// Decodes text bytes: UTF-8 (BOM optional), UTF-16 with BOM, else Windows-1252.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if !had_errors {
            return Ok(text.into_owned());
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') {
            return Err(binary(file));
        }
        return Ok(s.to_string());
    }
    if bytes.contains(&0) {
        return Err(binary(file));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(text.into_owned())
}

fn binary(file: &str) -> Error {
    Error::input(
        file,
        tr!(
            "berkas ini bukan teks (CSV/JSON) dan bukan lembar kerja yang dikenal",
            "this file is neither text (CSV/JSON) nor a known spreadsheet"
        ),
    )
    .expected(tr!(
        "CSV, JSON, atau XLSX/XLS/ODS",
        "CSV, JSON, or XLSX/XLS/ODS"
    ))
    .with_hint(tr!(
        "simpan ulang dari Excel sebagai CSV (UTF-8) atau Excel Workbook (.xlsx)",
        "save it again from Excel as CSV UTF-8 or Excel Workbook (.xlsx)"
    ))
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut n = 0;
    let mut quoted = false;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == d && !quoted {
            n += 1;
        }
    }
    n
}

/// Guesses the delimiter: the one that splits some line into the most
/// recognised column headers; failing that, the most frequent one on the
/// first non-empty line.
pub fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [char; 4] = [';', ',', '\t', '|'];
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best: (usize, u8) = (0, b',');
    for line in &lines {
        for d in CANDIDATES {
            let known = line
                .split(d)
                .filter(|cell| is_alias(&header_key(cell.trim_matches('"'))))
                .count();
            if known >= 2 && known > best.0 {
                best = (known, d as u8);
            }
        }
    }
    if best.0 > 0 {
        return best.1;
    }
    let first = lines.first().copied().unwrap_or("");
    let mut most = (0, b',');
    for d in CANDIDATES {
        let n = count_outside_quotes(first, d);
        if n > most.0 {
            most = (n, d as u8);
        }
    }
    most.1
}

/// The line and column of a quote that is never closed, if any.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(u64, u64)> {
    let mut quoted = false;
    let mut open_at = 0usize;
    let mut field_start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek().is_some_and(|(_, n)| *n == '"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if c == '"' && field_start {
            quoted = true;
            open_at = i;
        }
        field_start = c == delimiter as char || c == '\n' || c == '\r';
    }
    quoted.then(|| crate::error::line_col_of(text, open_at))
}

/// Splits CSV text into rows of cells with line and column places.
pub fn rows(file: &str, text: &str) -> Result<Vec<Row>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    if let Some((line, col)) = unclosed_quote(text, delimiter) {
        let mut e = Error::input(
            file,
            tr!(
                "tanda kutip dibuka tetapi tidak pernah ditutup",
                "a quote is opened and never closed"
            ),
        )
        .at(Place::line_col(line, col))
        .with_hint(tr!(
            "tutup tanda kutip di akhir teks penjelasan, atau hapus tanda kutipnya",
            "close the quote at the end of the text, or remove it"
        ));
        if let Some(l) = line_text(text, line) {
            e = e.with_snippet(l);
        }
        return Err(e);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let mut err = Error::input(file, tr!("CSV tidak valid: {}", "invalid CSV: {}", e))
                    .with_hint(tr!(
                        "periksa tanda kutip yang tidak ditutup",
                        "check for an unclosed quote"
                    ));
                if line > 0 {
                    err = err.at(Place::line(line));
                }
                return Err(err);
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let raw = line_text(text, line).unwrap_or_default();
        let mut cursor = 0usize;
        let mut cells = Vec::with_capacity(record.len());
        for field in record.iter() {
            // Column of the field on its line, in characters (best effort for
            // quoted fields and fields that span lines).
            let byte = raw
                .get(cursor..)
                .and_then(|rest| {
                    if field.is_empty() {
                        None
                    } else {
                        rest.find(field)
                    }
                })
                .map(|off| cursor + off)
                .unwrap_or(cursor.min(raw.len()));
            let col = raw.get(..byte).map(|s| s.chars().count()).unwrap_or(0) as u64 + 1;
            if let Some(end) = raw
                .get(byte..)
                .and_then(|rest| rest.find(delimiter as char).map(|d| byte + d + 1))
            {
                cursor = end.max(cursor);
            } else {
                cursor = raw.len();
            }
            cells.push(Cell {
                text: field.to_string(),
                place: Place::line_col(line, col),
            });
        }
        out.push(Row {
            cells,
            place: Place::line(line),
            snippet: Some(raw.into()),
        });
    }
    Ok(out)
}
