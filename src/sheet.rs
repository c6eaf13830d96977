//! Writing spreadsheets people fill in and print: deterministic bytes (a
//! fixed document date), a bold frozen header, sensible widths, wrapped text.

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

/// The CSV delimiter people's spreadsheets expect: `;` in Indonesian
/// (decimal comma locale), `,` in English.
pub fn csv_delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Id => b';',
        Lang::En => b',',
    }
}

/// Writes records as CSV with [`csv_delimiter`] (rows may differ in length).
pub fn csv_bytes<I, R>(records: I, lang: Lang) -> Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let io = |e: String| Error::new(Kind::Output, tr!("CSV: {}", "CSV: {}", e));
    let mut w = csv::WriterBuilder::new()
        .delimiter(csv_delimiter(lang))
        .flexible(true)
        .from_writer(Vec::new());
    for r in records {
        w.write_record(r).map_err(|e| io(e.to_string()))?;
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
