//! Decoding text files (CSV, JSON): UTF-8 (BOM optional), UTF-16 with a
//! BOM, and Windows-1252 from old Excel exports. A UTF-8 file with a few
//! stray bytes stays UTF-8 (the bytes are replaced, with a warning naming
//! the place); only a file with no UTF-8 multibyte sequence at all is read
//! as Windows-1252.

use crate::error::{Error, Place, Result};
use crate::tr;

/// Decodes `bytes` of `file`: the text, and a warning when bytes that are
/// not UTF-8 were replaced.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<(String, Option<Error>)> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(&bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if !had_errors {
            return Ok((text.into_owned(), None));
        }
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => return Err(binary(file)),
        // A UTF-8 BOM is stripped by the readers.
        Ok(s) => return Ok((s, None)),
        Err(e) => e.into_bytes(),
    };
    if bytes.contains(&0) {
        return Err(binary(file));
    }
    match utf8_damage(&bytes) {
        Some(damage) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok((text, Some(damage.warning(file))))
        }
        None => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            Ok((text.into_owned(), None))
        }
    }
}

/// Where a mostly UTF-8 text is damaged.
#[derive(Debug, PartialEq, Eq)]
struct Damage {
    /// Invalid byte sequences (each replaced by one U+FFFD).
    count: usize,
    /// 1-based line and column (in characters) of the first.
    first: (u64, u64),
}

impl Damage {
    fn warning(&self, file: &str) -> Error {
        Error::input(
            file,
            tr!(
                "bita yang bukan UTF-8 sah ({} urutan) diganti dengan �",
                "bytes that are not valid UTF-8 ({} sequences) were replaced by �",
                self.count
            ),
        )
        .at(Place::line_col(self.first.0, self.first.1))
        .with_hint(tr!(
            "periksa teks di tempat itu, lalu simpan ulang berkas sebagai UTF-8",
            "check the text at that place, then save the file again as UTF-8"
        ))
    }
}

/// The damage of `bytes` when they are UTF-8 apart from some invalid
/// sequences: at least one valid multibyte sequence. `None` when the text
/// has none (plausibly Windows-1252, where every byte is a character).
fn utf8_damage(bytes: &[u8]) -> Option<Damage> {
    let mut multibyte = false;
    let mut count = 0;
    let mut first = None;
    let (mut line, mut col) = (1u64, 1u64);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            multibyte |= !c.is_ascii();
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        if !chunk.invalid().is_empty() {
            count += 1;
            first.get_or_insert((line, col));
            col += 1;
        }
    }
    multibyte.then(|| Damage {
        count,
        first: first.unwrap_or((1, 1)),
    })
}

/// A file that is neither text nor a known spreadsheet.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_stray_byte_keeps_utf8_and_names_the_place() {
        let mut bytes = "instansi;Bénér 中文\n22;3;x".as_bytes().to_vec();
        // The literal above is valid UTF-8; put a stray byte in line 2.
        let at = bytes.iter().position(|&b| b == b'3').unwrap() + 1;
        bytes.insert(at, 0xFF);
        let (text, warning) = decode("f.csv", bytes).unwrap();
        assert!(
            text.starts_with("instansi;Bénér 中文\n22;3\u{fffd}"),
            "{text}"
        );
        let w = warning.expect("a warning");
        assert_eq!(w.place, Some(Place::line_col(2, 5)));
    }

    #[test]
    fn windows_1252_without_multibyte_utf8_stays_1252() {
        let (text, warning) = decode("f.csv", b"instansi;B\xe9n\xe9r \x96 x".to_vec()).unwrap();
        assert_eq!(text, "instansi;Bénér – x");
        assert!(warning.is_none());
    }
}
