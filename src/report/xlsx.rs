//! The worksheet as an XLSX workbook: a bold frozen header repeated on
//! every printed page, sensible widths, wrapped text, numbers as numbers,
//! and the final-value column highlighted and limited to the scale.

use rust_xlsxwriter::Format;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::report::model::Report;
use crate::report::worksheet::{self, FINAL, NUMERIC};
use crate::sheet;

/// Renders the worksheet as XLSX bytes.
pub fn render(r: &Report, catalog: &Catalog) -> Result<Vec<u8>> {
    let lang = r.lang;
    let mut wb = sheet::workbook(&format!("{} — worksheet", r.target.id));
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Lembar kerja", "Worksheet"))
        .map_err(sheet::xlsx_error)?;
    let wrap = sheet::wrap_format();
    let fill = sheet::wrap_format().set_background_color("FFF2CC");
    let y = sheet::meta_rows(ws, &worksheet::meta(r), lang)?;
    sheet::header(ws, y, &worksheet::headers(lang))?;
    let first = y + 1;
    let rows = worksheet::rows(r, catalog);
    for (i, row) in rows.iter().enumerate() {
        let y = first + i as u32;
        for (x, v) in row.iter().enumerate() {
            let fmt: &Format = if x == FINAL { &fill } else { &wrap };
            if NUMERIC.contains(&x)
                && let Ok(n) = v.parse::<f64>()
            {
                // Written from exact decimals of at most 3 places.
                ws.write_number_with_format(y, x as u16, n, fmt)
                    .map_err(sheet::xlsx_error)?;
            } else {
                ws.write_with_format(y, x as u16, sheet::cell_text(v, lang).as_ref(), fmt)
                    .map_err(sheet::xlsx_error)?;
            }
        }
    }
    if let Some(fw) = catalog.get(&r.target.id) {
        let n = r.indicators.len() as u32;
        if n > 0 {
            sheet::scale_validation(ws, fw, (first, first + n - 1), FINAL as u16, lang)?;
        }
    }
    sheet::to_bytes(&mut wb)
}
