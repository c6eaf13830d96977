//! CSV input as agencies keep it: comma, semicolon or tab delimited,
//! UTF-8 with or without BOM (UTF-16 and Windows-1252 from old Excel
//! exports are decoded too), decimal comma or dot.

use std::cell::RefCell;
use std::io::{Cursor, SeekFrom};

use crate::assessment::table::{Cell, Row, header_key, is_alias};
use crate::error::{Error, Place, Result};
use crate::limits;
use crate::tr;

/// Decodes text bytes (see [`super::encoding`]), without the warning.
#[cfg(test)]
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String> {
    super::encoding::decode(file, bytes).map(|(text, _)| text)
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

/// Guesses the delimiter: the one that splits the header line (the first
/// line with at least two recognised column names) into the most of them;
/// failing that, the most frequent one on the first non-empty line.
pub fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [char; 4] = [';', ',', '\t', '|'];
    let lines = text
        .split(['\n', '\r'])
        .filter(|l| !l.trim().is_empty())
        .take(50);
    let mut first = None;
    for line in lines {
        first.get_or_insert(line);
        let mut best: (usize, u8) = (0, b',');
        for d in CANDIDATES {
            if !line.contains(d) {
                continue;
            }
            let known = line
                .split(d)
                .filter(|cell| is_alias(&header_key(cell.trim_matches('"'))))
                .count();
            if known > best.0 {
                best = (known, d as u8);
            }
        }
        if best.0 >= 2 {
            return best.1;
        }
    }
    let first = first.unwrap_or("");
    let mut most = (0, b',');
    for d in CANDIDATES {
        let n = count_outside_quotes(first, d);
        if n > most.0 {
            most = (n, d as u8);
        }
    }
    most.1
}

/// The 1-based character column where each field of `line` starts,
/// honouring quotes.
fn field_columns(line: &str, delimiter: u8) -> Vec<u64> {
    let d = delimiter as char;
    let mut out = vec![1];
    let mut quoted = false;
    for (col, c) in line.chars().enumerate() {
        if c == '"' {
            quoted = !quoted;
        } else if c == d && !quoted {
            out.push(col as u64 + 2);
        }
    }
    out
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
    quoted.then(|| {
        let lines = Lines::new(text);
        let line = lines.line_of(open_at);
        let col = text[lines.start(line)..open_at].chars().count() as u64 + 1;
        (line, col)
    })
}

/// Where the lines of a CSV text start, whichever line ends it uses:
/// `\r\n` (Excel on Windows), `\n`, or a lone `\r` (old Mac exports).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for (i, c) in b.iter().enumerate() {
            match c {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        Lines { starts }
    }

    /// The 1-based line holding byte `at`.
    fn line_of(&self, at: usize) -> u64 {
        self.starts.partition_point(|s| *s <= at).max(1) as u64
    }

    /// The 1-based line where a record at byte `at` starts: the csv
    /// crate places a record after a `\r\n` at its `\n`, and after
    /// skipped empty lines at their ends.
    fn record_line(&self, text: &str, at: usize) -> u64 {
        let b = text.as_bytes();
        let mut at = at;
        while at < b.len() && (b[at] == b'\n' || b[at] == b'\r') {
            at += 1;
        }
        self.line_of(at)
    }

    /// Where 1-based line `line` starts.
    fn start(&self, line: u64) -> usize {
        self.starts
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// The text of 1-based line `line`, without its line ending.
    fn text<'t>(&self, text: &'t str, line: u64) -> &'t str {
        let a = self.start(line).min(text.len());
        let b = self
            .starts
            .get(line as usize)
            .copied()
            .unwrap_or(text.len())
            .max(a);
        text.get(a..b).unwrap_or("").trim_end_matches(['\n', '\r'])
    }
}

/// Splits CSV text into rows of cells with line and column places.
pub fn rows<'t>(file: &str, text: &'t str) -> Result<Vec<Row<'t>>> {
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
        let l = Lines::new(text).text(text, line);
        if !l.is_empty() {
            e = e.with_snippet(l);
        }
        return Err(e);
    }
    with_reader(delimiter, text, |rdr| records(file, text, delimiter, rdr))
}

/// A CSV reader kept for the next file, with the text it reads.
type Kept = csv::Reader<Cursor<Vec<u8>>>;

thread_local! {
    /// Readers kept per delimiter on each thread. Building one compiles the
    /// CSV state machine, which costs more than reading a whole assessment:
    /// a batch of thousands of CSV files builds it once per thread.
    static READERS: RefCell<Vec<(u8, Kept)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with a reader of `text` by `delimiter`: a kept one, given the
/// new text and moved back to its start (which resets its state and line
/// count), or a new one.
fn with_reader<T>(delimiter: u8, text: &str, f: impl FnOnce(&mut Kept) -> T) -> T {
    READERS.with(|cell| {
        let mut readers = cell.borrow_mut();
        let at = match readers.iter().position(|(d, _)| *d == delimiter) {
            Some(at) => at,
            None => {
                let mut rdr = reader(delimiter, Vec::new());
                // A first seek reads the header row, here of no text; after
                // any seek, every record is read in order, the first too.
                let _ = rdr.seek_raw(SeekFrom::Start(0), csv::Position::new());
                readers.push((delimiter, rdr));
                readers.len() - 1
            }
        };
        let rdr = &mut readers[at].1;
        let buf = rdr.get_mut().get_mut();
        buf.clear();
        buf.extend_from_slice(text.as_bytes());
        match rdr.seek_raw(SeekFrom::Start(0), csv::Position::new()) {
            Ok(()) => f(rdr),
            // Seeking in memory does not fail; if it did, a new reader.
            Err(_) => f(&mut reader(delimiter, text.as_bytes().to_vec())),
        }
    })
}

/// A reader of `text` by `delimiter`: no header row, rows of any length.
fn reader(delimiter: u8, text: Vec<u8>) -> Kept {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Cursor::new(text))
}

/// The rows of `text` (in `file`) read by `rdr`.
fn records<'t>(file: &str, text: &'t str, delimiter: u8, rdr: &mut Kept) -> Result<Vec<Row<'t>>> {
    // Every delimiter and line end may start a cell: past the limit, the
    // file is refused before a record is read.
    let starts = text
        .bytes()
        .filter(|&b| b == delimiter || b == b'\n')
        .count();
    if starts > limits::MAX_CELLS {
        return Err(limits::table_too_large(
            file,
            tr!("{} pemisah dan baris", "{} delimiters and lines", starts),
        ));
    }
    let lines = Lines::new(text);
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        if out.len() >= limits::MAX_ROWS {
            return Err(limits::table_too_large(
                file,
                tr!("lebih dari {} baris", "more than {} rows", limits::MAX_ROWS),
            ));
        }
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| lines.line_of(p.byte() as usize))
                    .unwrap_or(0);
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
        // The csv crate counts a `\r\n` as two line ends: lines are
        // found from the record's byte offset instead.
        let line = record
            .position()
            .map(|p| lines.record_line(text, p.byte() as usize))
            .unwrap_or(0);
        if record.len() > limits::MAX_COLUMNS {
            return Err(limits::table_too_large(
                file,
                tr!(
                    "{} kolom dalam satu baris",
                    "{} columns in one row",
                    record.len()
                ),
            )
            .at(Place::line(line)));
        }
        let raw = lines.text(text, line);
        let starts = field_columns(raw, delimiter);
        if let Some((i, long)) = record.iter().enumerate().find(|(_, f)| limits::too_long(f)) {
            let col = starts.get(i).copied().unwrap_or(1);
            return Err(
                limits::text_too_long(file, long.chars().count()).at(Place::line_col(line, col))
            );
        }
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            // A field past the end of its line (a quoted field spanning
            // lines) points at the line's end.
            let col = starts
                .get(i)
                .copied()
                .unwrap_or_else(|| raw.chars().count() as u64 + 1);
            cells.push(Cell {
                // Without the `'` our CSV writers put before a formula.
                text: crate::sheet::csv_unescape(field).to_string(),
                place: Place::line_col(line, col),
            });
        }
        out.push(Row {
            cells,
            place: Place::line(line),
            snippet: Some(raw),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept reader reads every file as a new one would, whatever it read
    /// before: the same cells, places and errors, file after file.
    #[test]
    fn kept_readers_read_as_new_ones() {
        let texts: Vec<String> = crate::assessment::fixture_paths("csv")
            .iter()
            .filter_map(|p| decode("f", std::fs::read(p).expect("reads")).ok())
            .collect();
        assert!(texts.len() >= 20, "{} CSV fixtures", texts.len());
        // Twice over, so that every file follows another.
        for text in texts.iter().chain(texts.iter().rev()) {
            let kept = format!("{:?}", rows("f", text));
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let delimiter = sniff_delimiter(body);
            let fresh = match unclosed_quote(body, delimiter) {
                Some(_) => kept.clone(),
                None => format!(
                    "{:?}",
                    records(
                        "f",
                        body,
                        delimiter,
                        &mut reader(delimiter, body.as_bytes().to_vec())
                    )
                ),
            };
            assert_eq!(kept, fresh, "{text}");
        }
    }
}
