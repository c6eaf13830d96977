//! Writing spreadsheets people fill in and print: deterministic bytes (a
//! fixed document date), a bold frozen header, sensible widths, wrapped text.

use std::borrow::Cow;
use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    Workbook, Worksheet,
};

use crate::catalog::Framework;
use crate::error::{Error, Kind, Result};
use crate::text::Lang;
use crate::tr;

/// A new workbook whose document properties are fixed, so that the same
/// input gives the same bytes.
pub fn workbook(title: &str) -> Workbook {
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(2000, 1, 1).ok();
    let mut props = DocProperties::new()
        .set_title(title)
        .set_author("spbe-pemdi");
    if let Some(d) = date {
        props = props.set_creation_datetime(&d);
    }
    wb.set_properties(&props);
    wb
}

/// The header format: bold, wrapped, grey background, bordered.
pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("D9E1F2")
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
}

/// The body format: wrapped, top-aligned.
pub fn wrap_format() -> Format {
    Format::new().set_text_wrap().set_align(FormatAlign::Top)
}

/// Writes a header row at `row`, sets column widths, freezes the panes below
/// it and repeats it on every printed page (A4 landscape).
pub fn header(ws: &mut Worksheet, row: u32, cols: &[(&str, f64)]) -> Result<()> {
    let fmt = header_format();
    for (i, (name, width)) in cols.iter().enumerate() {
        let c = i as u16;
        ws.write_with_format(row, c, *name, &fmt)
            .map_err(xlsx_error)?;
        ws.set_column_width(c, *width).map_err(xlsx_error)?;
    }
    ws.set_freeze_panes(row + 1, 0).map_err(xlsx_error)?;
    ws.set_repeat_rows(row, row).map_err(xlsx_error)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes the metadata rows (`framework`, agency, year) from row 0 and
/// returns the next row; a whole number (the year) is written as a number,
/// so that a spreadsheet does not flag it as a number stored as text.
pub fn meta_rows(ws: &mut Worksheet, rows: &[[String; 2]], lang: Lang) -> Result<u32> {
    let mut y = 0u32;
    for [k, v] in rows {
        ws.write(y, 0, cell_text(k, lang).as_ref())
            .map_err(xlsx_error)?;
        match v.parse::<u32>() {
            Ok(n) => ws.write_number(y, 1, n).map_err(xlsx_error)?,
            Err(_) => ws
                .write(y, 1, cell_text(v, lang).as_ref())
                .map_err(xlsx_error)?,
        };
        y += 1;
    }
    Ok(y)
}

/// Accepts only values on `fw`'s scale in column `col`, rows `rows.0` to
/// `rows.1`, with the scale as the error message.
pub fn scale_validation(
    ws: &mut Worksheet,
    fw: &Framework,
    rows: (u32, u32),
    col: u16,
    lang: Lang,
) -> Result<()> {
    use rust_decimal::prelude::ToPrimitive;
    let (min, max) = (fw.scale.min, fw.scale.max);
    let v = if fw.scale.integer {
        DataValidation::new().allow_whole_number(DataValidationRule::Between(
            min.to_i32().unwrap_or(0),
            max.to_i32().unwrap_or(5),
        ))
    } else {
        DataValidation::new().allow_decimal_number(DataValidationRule::Between(
            min.to_f64().unwrap_or(0.0),
            max.to_f64().unwrap_or(5.0),
        ))
    };
    let v = v
        .set_error_message(fw.scale_text().get(lang))
        .map_err(xlsx_error)?;
    ws.add_data_validation(rows.0, col, rows.1, col, &v)
        .map_err(xlsx_error)?;
    Ok(())
}

/// The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only after it
/// (without it, "Cukup–Baik" shows as mojibake).
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV delimiter people's spreadsheets expect: `;` in Indonesian
/// (decimal comma locale), `,` in English.
pub fn csv_delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Id => b';',
        Lang::En => b',',
    }
}

/// The characters that make a spreadsheet read a cell as a formula (or
/// start one, after a tab or a carriage return).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `s` is a plain number (`-1`, `+2,5`, `-0.25`): those stay as
/// they are, they are no formula.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match digits.split_once(['.', ',']) {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A text cell for a CSV file, safe from formula injection (OWASP "CSV
/// injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and is not a plain number, gets a `'` in front, so
/// that Excel and LibreOffice show it as text instead of running it.
/// Every CSV writer passes its cells through this; the readers take the
/// `'` off again ([`csv_unescape`]).
pub fn csv_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_START) && !is_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The cell text [`csv_safe`] was given: a leading `'` before a formula
/// character is taken off.
pub fn csv_unescape(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) && !is_number(rest) => rest,
        _ => s,
    }
}

/// [`csv_safe`] on bytes (those that are not UTF-8 are left as they are).
pub fn csv_safe_bytes(b: &[u8]) -> Cow<'_, [u8]> {
    match std::str::from_utf8(b).map(csv_safe) {
        Ok(Cow::Owned(s)) => Cow::Owned(s.into_bytes()),
        _ => Cow::Borrowed(b),
    }
}

/// Excel's limit on the characters (UTF-16 units) of one cell.
pub const CELL_LIMIT: usize = 32_767;

/// A text cell for a workbook: within Excel's [`CELL_LIMIT`]. A longer
/// text is cut (at a character boundary) and ends with a visible marker
/// saying so; the JSON and CSV outputs keep the whole text.
pub fn cell_text(s: &str, lang: Lang) -> Cow<'_, str> {
    if s.len() <= CELL_LIMIT || s.encode_utf16().count() <= CELL_LIMIT {
        return Cow::Borrowed(s);
    }
    let marker = lang.pick(
        " … [terpotong: sel Excel memuat paling banyak 32.767 karakter; teks lengkap ada di keluaran JSON atau CSV]",
        " … [truncated: an Excel cell holds at most 32,767 characters; the full text is in the JSON or CSV output]",
    );
    CUT.with(|c| c.set(c.get() + 1));
    let room = CELL_LIMIT - marker.encode_utf16().count();
    let mut units = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}{marker}", &s[..end]))
}

thread_local! {
    /// Cells [`cell_text`] cut on this thread, since [`take_cut_cells`].
    static CUT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many cells [`cell_text`] cut on this thread since the last call (for
/// a note after writing a workbook).
pub fn take_cut_cells() -> usize {
    CUT.with(|c| c.replace(0))
}

/// The note after writing a workbook in which `n` cells were cut.
pub fn cut_note(n: usize) -> crate::text::Text {
    tr!(
        "catatan: {} sel melebihi batas Excel (32.767 karakter) dan dipotong; teks lengkapnya ada di keluaran JSON atau CSV",
        "note: {} cells exceeded Excel's limit (32,767 characters) and were cut; the full texts are in the JSON or CSV output",
        n
    )
}

thread_local! {
    /// Set while a workbook is written on this thread: the XLSX writer
    /// panics when its temporary files cannot be written (a full disk),
    /// and that panic is an output error, not a bug of ours.
    static WRITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the current thread is inside [`guarded`] (the panic hook of the
/// command line stays quiet then: the panic becomes an error).
pub fn writing_spreadsheet() -> bool {
    WRITING.with(|w| w.get())
}

/// Runs `f`, which writes a workbook for `path`; a panic inside the XLSX
/// writer (it panics when a write to its temporary files fails, as on a
/// full disk) becomes an output error naming `path` (exit 4).
pub fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let before = WRITING.with(|w| w.replace(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    WRITING.with(|w| w.set(before));
    out.unwrap_or_else(|_| {
        Err(Error::output(
            path,
            tr!(
                "lembar kerja tidak dapat ditulis (disk penuh atau tidak dapat ditulisi?)",
                "cannot write the spreadsheet (is the disk full or not writable?)"
            ),
        )
        .with_hint(tr!(
            "kosongkan ruang disk atau pilih folder keluaran lain, lalu jalankan lagi",
            "free some disk space or choose another output folder, then run it again"
        )))
    })
}

/// Starts a CSV writer on `w` the way a spreadsheet set up for `lang`
/// opens it with a double click: in Indonesian a UTF-8 BOM, `;` between
/// fields (numbers take a decimal comma, see [`csv_number`]); in English no
/// BOM, `,` and decimal points. Rows may differ in length. Every CSV the
/// tool writes for people starts here; the readers accept all of it back.
pub fn csv_writer<W: std::io::Write>(mut w: W, lang: Lang) -> std::io::Result<csv::Writer<W>> {
    if lang == Lang::Id {
        w.write_all(BOM)?;
    }
    Ok(csv::WriterBuilder::new()
        .delimiter(csv_delimiter(lang))
        .flexible(true)
        .from_writer(w))
}

/// A number field (written with a decimal point, as `exact` gives it) as
/// the spreadsheet of `lang` reads a number: `1,45` in Indonesian, `1.45`
/// in English. Anything that is not a plain decimal number is left as is.
pub fn csv_number(s: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    let plain = {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let mut parts = digits.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next();
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    match lang {
        Lang::Id if plain && s.contains('.') => s.replace('.', ",").into(),
        _ => s.into(),
    }
}

/// Writes records as CSV with [`csv_writer`]; the fields of the columns in
/// `numeric` (0-based) go through [`csv_number`]; every other cell goes
/// through [`csv_safe`].
pub fn csv_bytes<I, R>(records: I, lang: Lang, numeric: &[usize]) -> Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    let io = |e: String| Error::new(Kind::Output, tr!("CSV: {}", "CSV: {}", e));
    let mut w = csv_writer(Vec::new(), lang).map_err(|e| io(e.to_string()))?;
    for r in records {
        for (i, f) in r.into_iter().enumerate() {
            let f = f.as_ref();
            let f = if numeric.contains(&i) {
                csv_number(f, lang)
            } else {
                csv_safe(f)
            };
            w.write_field(f.as_bytes()).map_err(|e| io(e.to_string()))?;
        }
        w.write_record(None::<&[u8]>)
            .map_err(|e| io(e.to_string()))?;
    }
    w.into_inner().map_err(|e| io(e.to_string()))
}

/// Maps a writer error.
pub fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::new(
        crate::error::Kind::Output,
        tr!(
            "lembar kerja tidak dapat dibuat: {}",
            "cannot build the spreadsheet: {}",
            e
        ),
    )
}

/// The workbook's bytes.
pub fn to_bytes(wb: &mut Workbook) -> Result<Vec<u8>> {
    wb.save_to_buffer().map_err(xlsx_error)
}
