//! Gap reports for agencies: a report model built from a conversion and the
//! catalogs ([`model`], [`build`], points at stake in [`stake`]), and one
//! renderer per format (Markdown, self-contained HTML, JSON, and the
//! assessor's worksheet as CSV or XLSX). Fixed words in both languages live
//! in [`labels`].

mod build;
pub mod chart;
pub mod csv;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod model;
pub mod stake;
pub mod worksheet;
pub mod xlsx;

pub use build::{FIRST, clauses};
pub use model::Report;

use crate::catalog::Catalog;
use crate::error::Result;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown for people.
    Md,
    /// One self-contained HTML page.
    Html,
    /// JSON: every field of the model.
    Json,
    /// The assessor's worksheet as CSV.
    Csv,
    /// The assessor's worksheet as XLSX.
    Xlsx,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format of a file name's extension, if it names one.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => Format::Md,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    }

    /// Whether the output is text that can go to the terminal.
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }
}

/// Renders `r` in `format` (`catalog` lists the external indices for the
/// worksheet).
pub fn render(r: &Report, format: Format, catalog: &Catalog) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Md => markdown::render(r).into_bytes(),
        Format::Html => html::render(r)?.into_bytes(),
        Format::Json => json::render(r).into_bytes(),
        Format::Csv => csv::render(r, catalog)?,
        Format::Xlsx => xlsx::render(r, catalog)?,
    })
}
