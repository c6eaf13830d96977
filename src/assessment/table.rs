//! Reading assessments kept as tables (CSV and spreadsheets): finding the
//! header row among title rows, recognising Indonesian and English column
//! names, and reading metadata rows above the header.

use crate::assessment::Evidence;
use crate::assessment::build::{Meta, RawAnswer};
use crate::assessment::columns::{Role, columns, role_of};
use crate::error::{Error, Place, Result};
use crate::text::Text;
use crate::tr;

/// A cell with its place in the file.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Text as read (numbers already written as decimals).
    pub text: String,
    /// Where it is.
    pub place: Place,
}

/// A row of cells.
#[derive(Debug, Clone)]
pub struct Row<'t> {
    /// Cells in column order.
    pub cells: Vec<Cell>,
    /// Where the row starts.
    pub place: Place,
    /// The raw line, for CSV.
    pub snippet: Option<&'t str>,
}

/// Normalizes a header cell: lower case, `_` for spaces and punctuation.
pub fn header_key(s: &str) -> String {
    let t = s.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut out = String::new();
    for c in t.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Whether `key` (see [`header_key`]) is a recognised column header.
pub fn is_alias(key: &str) -> bool {
    role_of(key).is_some_and(|r| r != Role::Tool)
}

fn meta_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "framework" | "kerangka" | "kerangka_penilaian" | "instrumen" => "framework",
        "instansi" | "agency" | "nama_instansi" | "pemerintah_daerah" => "agency",
        "tahun" | "year" | "tahun_evaluasi" => "year",
        "sumber" | "source" => "source",
        _ => return None,
    })
}

/// A year as written (`2025`, `2025.0`), or a range of two consecutive
/// years (`2024/2025`, `2024-2025`), read as its last year: (year, range).
fn year_of(v: &str) -> Option<(i32, bool)> {
    let ok = |s: &str| {
        s.trim()
            .trim_end_matches(".0")
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some(y) = ok(v) {
        return Some((y, false));
    }
    let (a, b) = v.split_once(['/', '-', '–'])?;
    let (a, b) = (ok(a)?, ok(b)?);
    (b == a + 1).then_some((b, true))
}

fn cell<'r>(row: &'r Row<'_>, i: usize) -> Option<&'r Cell> {
    row.cells.get(i).filter(|c| !c.text.trim().is_empty())
}

/// Most rows a table may have: an assessment has at most a few hundred.
pub const MAX_ROWS: usize = crate::limits::MAX_ROWS;

/// Reads metadata and answers from the rows of a table.
pub fn read_rows<'t>(
    file: &str,
    rows: &[Row<'t>],
    choose: Option<&str>,
) -> Result<(Meta, Vec<RawAnswer<'t>>)> {
    if rows.len() > MAX_ROWS {
        return Err(Error::input(
            file,
            tr!(
                "tabel terlalu panjang: {} baris",
                "the table is too long: {} rows",
                rows.len()
            ),
        )
        .at_opt(rows.get(MAX_ROWS).map(|r| r.place.clone()))
        .expected(tr!(
            "paling banyak {} baris (satu penilaian berisi puluhan baris)",
            "at most {} rows (an assessment has a few dozen)",
            MAX_ROWS
        ))
        .with_hint(tr!(
            "hapus baris kosong atau data lain di lembar ini, atau pindahkan penilaian ke lembar sendiri",
            "remove empty rows or other data from this sheet, or move the assessment to a sheet of its own"
        )));
    }
    let mut meta = Meta::default();
    let mut header = None;
    let mut seen: Vec<(&str, (Place, String))> = Vec::new();
    for (n, row) in rows.iter().enumerate().take(50) {
        if let Some(cols) = columns(file, row, choose)? {
            header = Some((n, cols));
            break;
        }
        // Metadata rows above the header: `tahun;2025`.
        let mut it = row.cells.iter().filter(|c| !c.text.trim().is_empty());
        if let (Some(k), Some(v)) = (it.next(), it.next())
            && let Some(key) = meta_key(&header_key(&k.text))
        {
            let v = v.text.trim().to_string();
            // A key given twice with two values: neither silently wins.
            if let Some((first, before)) = seen.iter().find(|(k, _)| *k == key).map(|(_, f)| f)
                && *before != v
            {
                return Err(Error::input(
                    file,
                    tr!(
                        "baris metadata `{}` muncul dua kali dengan nilai berbeda (`{}` dan `{}`)",
                        "the metadata row `{}` appears twice with different values (`{}` and `{}`)",
                        key,
                        before,
                        v
                    ),
                )
                .at(k.place.clone())
                .with_hint(tr!(
                    "sisakan satu baris `{}` (yang pertama di {})",
                    "keep one `{}` row (the first is at {})",
                    key,
                    first.suffix().trim()
                )));
            }
            seen.push((key, (k.place.clone(), v.clone())));
            match key {
                "framework" => meta.framework = Some(v),
                "agency" => meta.agency = Some(v),
                "source" => meta.source = Some(v),
                _ => match year_of(&v) {
                    Some((year, range)) => {
                        meta.year = Some(year);
                        if range {
                            meta.notices.push(tr!(
                                "tahun `{}` dibaca sebagai {} (tahun terakhir rentang itu)",
                                "year `{}` read as {} (the last year of the range)",
                                v,
                                year
                            ));
                        }
                    }
                    None => meta.errors.push(
                        Error::input(
                            file,
                            tr!("tahun `{}` tidak valid", "year `{}` is not valid", v),
                        )
                        .at(k.place.clone())
                        .expected(tr!(
                            "tahun empat angka, misalnya 2025 (atau rentang 2024/2025)",
                            "a four-digit year such as 2025 (or a range 2024/2025)"
                        )),
                    ),
                },
            }
        }
    }
    let Some((start, cols)) = header else {
        let place = rows.first().map(|r| r.place.clone());
        return Err(Error::input(
            file,
            tr!(
                "tidak ada baris judul kolom dengan kolom indikator dan kolom nilai",
                "no header row with an indicator column and a value column"
            ),
        )
        .at_opt(place)
        .expected(Text::new(
            "judul kolom seperti `indikator;nilai;penjelasan;data_dukung` (atau `no`, `tingkat`)",
            "column headers such as `indicator,level,justification,evidence` (or `no`, `nilai`)",
        ))
        .with_hint(tr!(
            "tambahkan baris judul kolom di atas data; contoh: `spbe-pemdi template spbe-2020`",
            "add a header row above the data; see `spbe-pemdi template spbe-2020`"
        )));
    };
    // A column without a header that holds text is a person's own column
    // too (named by its position, so that a draft keeps it by that name).
    let mut cols = cols;
    let header_row = &rows[start];
    let blank = |i: usize| {
        header_row
            .cells
            .get(i)
            .is_none_or(|c| c.text.trim().is_empty())
    };
    let width = rows[start + 1..]
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0);
    for i in (0..width).filter(|&i| blank(i)) {
        if rows[start + 1..].iter().any(|r| cell(r, i).is_some()) {
            cols.notes.push((i, format!("kolom {}", i + 1)));
        }
    }
    cols.notes.sort_by_key(|(i, _)| *i);
    let name_of = |i: usize| -> String {
        cols.notes
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| {
                header_row
                    .cells
                    .get(i)
                    .map_or("", |h| h.text.trim())
                    .to_string()
            })
    };
    meta.columns = cols.notes.iter().map(|(_, n)| n.clone()).collect();
    meta.notices.extend(cols.notice.clone());
    let mut out = Vec::new();
    for row in &rows[start + 1..] {
        let mut refs = cols.refs.iter().filter_map(|(_, i)| cell(row, *i));
        let reference = refs.next();
        let names: Vec<(String, Option<Place>)> = refs
            .map(|c| (c.text.clone(), Some(c.place.clone())))
            .collect();
        let value = cell(row, cols.value);
        let Some(reference) = reference else {
            if let Some(v) = value {
                meta.errors.push(
                    Error::input(
                        file,
                        tr!(
                            "ada nilai `{}` tanpa indikator",
                            "value `{}` has no indicator",
                            v.text.trim()
                        ),
                    )
                    .at(v.place.clone())
                    .with_hint(tr!(
                        "isi kolom indikator pada baris ini, atau hapus nilainya",
                        "fill in the indicator column on this row, or remove the value"
                    )),
                );
            } else {
                // Text typed on a row without an indicator (a team's note
                // below the table) is the person's: kept, never dropped.
                let cells: Vec<(String, String)> = row
                    .cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.text.trim().is_empty())
                    .map(|(i, c)| (name_of(i), c.text.clone()))
                    .collect();
                if !cells.is_empty() {
                    meta.loose.push(cells);
                }
            }
            continue;
        };
        out.push(RawAnswer {
            indicator: reference.text.clone(),
            indicator_place: Some(reference.place.clone()),
            value: value.map(|c| c.text.clone()),
            value_place: value.map(|c| c.place.clone()),
            justification: cols
                .justification
                .and_then(|i| cell(row, i))
                .map(|c| c.text.clone()),
            evidence: cols
                .evidence
                .and_then(|i| cell(row, i))
                .map(|c| Evidence::parse_list(&c.text))
                .unwrap_or_default(),
            origin: cols
                .origin
                .and_then(|i| cell(row, i))
                .map(|c| c.text.clone()),
            suggested: cols
                .suggested
                .and_then(|i| cell(row, i))
                .map(|c| c.text.clone()),
            notes: cols
                .notes
                .iter()
                .filter_map(|(i, name)| cell(row, *i).map(|c| (name.clone(), c.text.clone())))
                .collect(),
            names,
            snippet: row.snippet,
        });
    }
    Ok((meta, out))
}
