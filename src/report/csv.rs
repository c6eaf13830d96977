//! The worksheet as CSV (through [`crate::sheet::csv_writer`]: `;`, decimal
//! commas and a BOM in Indonesian, `,` and points in English): metadata
//! rows, the header, one row per target indicator.

use crate::catalog::Catalog;
use crate::error::Result;
use crate::report::model::Report;
use crate::report::worksheet;

/// Renders the worksheet as CSV bytes.
pub fn render(r: &Report, catalog: &Catalog) -> Result<Vec<u8>> {
    let mut records: Vec<Vec<String>> = worksheet::meta(r).into_iter().map(Vec::from).collect();
    records.push(
        worksheet::headers(r.lang)
            .iter()
            .map(|(h, _)| h.to_string())
            .collect(),
    );
    records.extend(worksheet::rows(r, catalog));
    crate::sheet::csv_bytes(records, r.lang, worksheet::NUMERIC)
}
