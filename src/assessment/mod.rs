//! Assessments: the model, and readers for the forms agencies keep them in
//! (canonical JSON, CSV, XLSX/XLS/ODS).

mod build;
mod canonical;
mod columns;
mod csv;
mod dupkeys;
mod encoding;
mod fast;
mod framework;
mod json;
mod model;
pub mod resolve;
mod sniff;
mod table;
mod xlsx;

pub use xlsx::reading_spreadsheet;

use std::path::Path;

pub use build::{Meta, RawAnswer, parse_value};
pub use columns::is_note_column;
pub use model::*;
pub use sniff::{Form, sniff};
pub use table::header_key;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::tr;

/// Largest input file read (see [`crate::limits`]).
pub use crate::limits::MAX_INPUT_BYTES;

/// How to read an input file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'o> {
    /// The framework (`--framework`), required when the file does not say.
    pub framework: Option<&'o str>,
    /// The value column to read (`--column`), when a table has several.
    pub column: Option<&'o str>,
    /// The framework of a file that does not say which it is in (`batch
    /// --framework`): a file that says its own keeps it.
    pub fallback: Option<&'o str>,
}

/// Reads the assessment in `path`. `framework` (from `--framework`) is
/// required when the file does not say which framework it is in.
pub fn read(path: &Path, catalog: &Catalog, framework: Option<&str>) -> Result<Assessment> {
    read_with(
        path,
        catalog,
        ReadOptions {
            framework,
            ..ReadOptions::default()
        },
    )
}

/// Reads the assessment in `path` as `opts` say.
pub fn read_with(path: &Path, catalog: &Catalog, opts: ReadOptions<'_>) -> Result<Assessment> {
    read_noting(path, catalog, opts).map(|(a, _)| a)
}

/// Reads the assessment in `path` as `opts` say, with the warnings the
/// reading gave (bytes that are not UTF-8, replaced).
pub fn read_noting(
    path: &Path,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
) -> Result<(Assessment, Vec<Error>)> {
    let label = path.display().to_string();
    if path.is_dir() {
        return Err(folder(path));
    }
    let bytes = crate::limits::read_file(path, MAX_INPUT_BYTES)?;
    read_bytes_noting(&label, bytes, catalog, opts)
}

fn folder(path: &Path) -> Error {
    Error::input(
        path,
        tr!(
            "ini folder, bukan berkas penilaian",
            "this is a folder, not an assessment file"
        ),
    )
    .with_hint(tr!(
        "untuk semua berkas dalam folder sekaligus: `spbe-pemdi batch {} -o laporan/`",
        "for every file in the folder at once: `spbe-pemdi batch {} -o reports/`",
        path.display()
    ))
}

/// Reads an assessment from bytes; `label` names the file in errors.
pub fn read_bytes(
    label: &str,
    bytes: Vec<u8>,
    catalog: &Catalog,
    framework: Option<&str>,
) -> Result<Assessment> {
    read_bytes_with(
        label,
        bytes,
        catalog,
        ReadOptions {
            framework,
            ..ReadOptions::default()
        },
    )
}

/// Reads an assessment from bytes as `opts` say.
pub fn read_bytes_with(
    label: &str,
    bytes: Vec<u8>,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
) -> Result<Assessment> {
    read_bytes_noting(label, bytes, catalog, opts).map(|(a, _)| a)
}

/// Reads an assessment from bytes as `opts` say, with the warnings the
/// reading gave.
pub fn read_bytes_noting(
    label: &str,
    bytes: Vec<u8>,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
) -> Result<(Assessment, Vec<Error>)> {
    let mut warnings = Vec::new();
    let a = read_decoded(label, bytes, catalog, opts, &mut warnings)?;
    Ok((a, warnings))
}

fn read_decoded(
    label: &str,
    bytes: Vec<u8>,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
    warnings: &mut Vec<Error>,
) -> Result<Assessment> {
    let framework = opts.framework;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(crate::limits::too_large(
            label,
            bytes.len() as u64,
            MAX_INPUT_BYTES,
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(
            Error::input(label, tr!("berkas kosong", "the file is empty")).with_hint(tr!(
                "isi berkas dengan jawaban; contoh: `spbe-pemdi template spbe-2020`",
                "fill the file with answers; see `spbe-pemdi template spbe-2020`"
            )),
        );
    }
    if let Some(kind) = sniff::foreign(&bytes) {
        return Err(Error::input(
            label,
            tr!(
                "berkas ini dokumen {}, bukan tabel penilaian (apa pun ekstensinya)",
                "this file is a {} document, not an assessment table (whatever its extension)",
                kind
            ),
        )
        .expected(tr!(
            "CSV, JSON, atau XLSX/XLS/ODS",
            "CSV, JSON, or XLSX/XLS/ODS"
        ))
        .with_hint(tr!(
            "ambil tabel aslinya (Excel) dari pengisi, atau salin nilainya ke `spbe-pemdi template spbe-2020`",
            "get the original table (Excel) from whoever filled it in, or copy the values into `spbe-pemdi template spbe-2020`"
        )));
    }
    let form = sniff(label, &bytes);
    // Text forms borrow from the decoded text until the assessment is built.
    let (text, bytes) = match form {
        Form::Json | Form::Csv => {
            let (text, warning) = encoding::decode(label, bytes)?;
            warnings.extend(warning);
            (text, Vec::new())
        }
        Form::Spreadsheet => (String::new(), bytes),
    };
    let (meta, rows) = match form {
        Form::Json => {
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            // A file without its framework is left to the full reader.
            let mut a = match fast::read(body, catalog, framework) {
                Some(a) => a,
                None => read_json(label, &text, catalog, opts)?,
            };
            if body.contains("\"notes\"") {
                a.notes = json_notes(label, body)?;
            }
            return Ok(a);
        }
        Form::Csv => table::read_rows(label, &csv::rows(label, &text)?, opts.column)?,
        Form::Spreadsheet => {
            let sheets = xlsx::sheets(label, bytes)?;
            let mut first_err = None;
            let mut found = None;
            for (i, (_, rows)) in sheets.iter().enumerate() {
                match table::read_rows(label, rows, opts.column) {
                    Ok(r) => {
                        found = Some((i, r));
                        break;
                    }
                    Err(e) => {
                        first_err.get_or_insert(e);
                    }
                }
            }
            match (found, first_err) {
                (Some((i, (mut meta, rows))), _) => {
                    // The other sheets (a team's notes beside the draft) are
                    // the person's too: their text is kept.
                    meta.sheets = sheets
                        .iter()
                        .enumerate()
                        .filter(|(j, (_, rows))| *j != i && !rows.is_empty())
                        .map(|(_, (name, rows))| {
                            let text = rows
                                .iter()
                                .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                                .collect();
                            (name.clone(), text)
                        })
                        .collect();
                    (meta, rows)
                }
                (None, Some(e)) => return Err(e),
                (None, None) => {
                    return Err(Error::input(
                        label,
                        tr!("lembar kerja tanpa lembar", "the workbook has no sheets"),
                    ));
                }
            }
        }
    };
    assemble(label, catalog, opts, (meta, rows))
}

/// The `notes` of a JSON draft (see [`Notes`]).
fn json_notes(label: &str, body: &str) -> Result<Notes> {
    #[derive(serde::Deserialize)]
    struct Doc<'t> {
        #[serde(default, borrow)]
        notes: Option<&'t serde_json::value::RawValue>,
    }
    // A `notes` that is not an object is some other tool's: not a draft's.
    let Some(raw) = serde_json::from_str::<Doc<'_>>(body)
        .ok()
        .and_then(|d| d.notes)
        .filter(|r| r.get().starts_with('{'))
    else {
        return Ok(Notes::default());
    };
    serde_json::from_str::<Notes>(raw.get()).map_err(|e| {
        Error::input(
            label,
            tr!(
                "`notes` draf tidak valid: {}",
                "the draft's `notes` are not valid: {}",
                e
            ),
        )
        .with_hint(tr!(
            "hapus `notes` atau tulis ulang draf dengan `spbe-pemdi convert`",
            "remove `notes` or write the draft again with `spbe-pemdi convert`"
        ))
    })
}

/// Reads an assessment in JSON with the typed and lenient readers.
fn read_json(
    label: &str,
    text: &str,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
) -> Result<Assessment> {
    // Answers' places are found only when an error needs them.
    let quick = json::read(label, text, false)?;
    match assemble(label, catalog, opts, quick) {
        Ok(a) => Ok(a),
        Err(_) => assemble(label, catalog, opts, json::read(label, text, true)?),
    }
}

/// Picks the framework and builds the assessment from what a reader found.
fn assemble(
    label: &str,
    catalog: &Catalog,
    opts: ReadOptions<'_>,
    (meta, rows): (build::Meta, Vec<build::RawAnswer<'_>>),
) -> Result<Assessment> {
    let fw = framework::choose_framework(label, catalog, opts, &meta, &rows)?;
    if let Some(e) = framework::other_framework(label, catalog, fw, &rows) {
        return Err(e);
    }
    build::build(label, fw, meta, rows)
}

/// The fixtures (`fixtures/` and `fixtures/bad/`) with extension `ext`,
/// sorted: for tests that hold readers together.
#[cfg(test)]
fn fixture_paths(ext: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = vec![];
    for dir in [root.clone(), root.join("bad")] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        paths.sort();
        out.extend(paths);
    }
    out
}

/// The JSON fixtures that are UTF-8 text, without a byte-order mark.
#[cfg(test)]
fn json_fixtures() -> Vec<(std::path::PathBuf, String)> {
    fixture_paths("json")
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            Some((path, text))
        })
        .collect()
}
