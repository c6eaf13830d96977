//! Reading JSON data files with errors that point at the line and column.

use serde::de::DeserializeOwned;

use crate::error::{Error, Place, Result, line_text};
use crate::tr;

/// Deserializes `text` (read from `file`), mapping errors to the place.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| error(file, text, &e))
}

/// Turns a serde_json error into an error naming the file, line and column.
pub fn error(file: &str, text: &str, e: &serde_json::Error) -> Error {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let (line, col) = (e.line() as u64, e.column() as u64);
    use serde_json::error::Category;
    let message = match e.classify() {
        Category::Eof => tr!(
            "JSON terpotong: berkas berakhir sebelum JSON selesai ({})",
            "truncated JSON: the file ends before the JSON is complete ({})",
            msg
        ),
        Category::Syntax => tr!("sintaks JSON salah: {}", "JSON syntax error: {}", msg),
        Category::Data | Category::Io => tr!(
            "isi JSON tidak sesuai: {}",
            "JSON content does not fit: {}",
            msg
        ),
    };
    let mut err = Error::input(file, message);
    if line > 0 {
        err = err.at(Place::line_col(line, col));
        if let Some(l) = line_text(text, line) {
            err = err.with_snippet(l);
        }
    }
    err.with_hint(tr!(
        "periksa tanda kutip, koma, kurung dan nama kolom di sekitar tempat itu",
        "check quotes, commas, brackets and field names around that place"
    ))
}

/// Pretty JSON with a trailing newline: the canonical form of data files and
/// of `--json` output.
pub fn to_pretty<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".to_string());
    s.push('\n');
    s
}
