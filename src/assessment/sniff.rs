//! The form of an input file (JSON, CSV or spreadsheet), sniffed from its
//! first bytes and extension, and the documents that cannot hold an
//! assessment table at all (a PDF or an image under another name).

use std::path::Path;

/// The input forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Canonical JSON.
    Json,
    /// Delimited text.
    Csv,
    /// A spreadsheet (XLSX, XLSM, XLS, ODS).
    Spreadsheet,
}

/// A document that cannot hold an assessment table, by its first bytes:
/// a PDF or an image renamed `.xlsx` or `.csv`.
pub(super) fn foreign(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG", "PNG"),
        (&[0xFF, 0xD8, 0xFF], "JPEG"),
        (b"GIF8", "GIF"),
        (b"{\\rtf", "RTF"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, kind)| *kind)
}

/// Decides the form from the first bytes, then the file extension.
pub fn sniff(path: &str, bytes: &[u8]) -> Form {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Form::Spreadsheet;
    }
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => return Form::Spreadsheet,
        "json" => return Form::Json,
        "csv" | "tsv" | "txt" => return Form::Csv,
        _ => {}
    }
    let start = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .copied()
        .next();
    match start {
        Some(b'{') | Some(b'[') => Form::Json,
        _ => Form::Csv,
    }
}
