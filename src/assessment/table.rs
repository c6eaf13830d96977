//! Reading assessments kept as tables (CSV and spreadsheets): finding the
//! header row among title rows, recognising Indonesian and English column
//! names, and reading metadata rows above the header.

use crate::assessment::Evidence;
use crate::assessment::build::{Meta, RawAnswer};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Ref(u8),
    Value,
    Justification,
    Evidence,
    Origin,
}

const REF_ALIASES: &[(&str, u8)] = &[
    ("id", 0),
    ("id_indikator", 0),
    ("indicator_id", 0),
    ("no", 1),
    ("nomor", 1),
    ("no_indikator", 1),
    ("nomor_indikator", 1),
    ("number", 1),
    ("kode", 1),
    ("kode_indikator", 1),
    ("indikator", 2),
    ("indicator", 2),
    ("nama_indikator", 3),
    ("indicator_name", 3),
    ("nama", 3),
    ("name", 3),
];
const VALUE_ALIASES: &[&str] = &[
    "nilai",
    "nilai_akhir",
    "final_value",
    "tingkat",
    "level",
    "value",
    "tingkat_kematangan",
    "nilai_indikator",
    "skor",
    "score",
    "capaian",
];
const JUSTIFICATION_ALIASES: &[&str] = &[
    "penjelasan",
    "justifikasi",
    "justification",
    "keterangan",
    "catatan",
    "explanation",
    "uraian",
];
const EVIDENCE_ALIASES: &[&str] = &[
    "data_dukung",
    "evidence",
    "bukti",
    "bukti_dukung",
    "dokumen_pendukung",
    "dokumen",
    "tautan",
    "link",
];

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

fn role_of(key: &str) -> Option<Role> {
    if let Some((_, p)) = REF_ALIASES.iter().find(|(a, _)| *a == key) {
        return Some(Role::Ref(*p));
    }
    if VALUE_ALIASES.contains(&key) {
        return Some(Role::Value);
    }
    if JUSTIFICATION_ALIASES.contains(&key) {
        return Some(Role::Justification);
    }
    if EVIDENCE_ALIASES.contains(&key) {
        return Some(Role::Evidence);
    }
    if key == "asal" || key == "origin" || key == "asal_nilai" {
        return Some(Role::Origin);
    }
    None
}

/// Whether `key` (see [`header_key`]) is a recognised column header.
pub fn is_alias(key: &str) -> bool {
    role_of(key).is_some()
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

struct Columns {
    refs: Vec<(u8, usize)>,
    value: usize,
    justification: Option<usize>,
    evidence: Option<usize>,
    origin: Option<usize>,
}

fn columns(file: &str, row: &Row<'_>) -> Result<Option<Columns>> {
    let mut refs = Vec::new();
    let mut value = None;
    let mut justification = None;
    let mut evidence = None;
    let mut origin = None;
    for (i, c) in row.cells.iter().enumerate() {
        let key = header_key(&c.text);
        let Some(role) = role_of(&key) else { continue };
        let slot = match role {
            Role::Ref(p) => {
                refs.push((p, i));
                continue;
            }
            Role::Value => &mut value,
            Role::Justification => &mut justification,
            Role::Evidence => &mut evidence,
            Role::Origin => &mut origin,
        };
        if slot.is_some() {
            return Err(Error::input(
                file,
                tr!(
                    "kolom `{}` ganda: tidak jelas kolom mana yang dibaca",
                    "column `{}` appears twice: it is unclear which one to read",
                    c.text.trim()
                ),
            )
            .at(c.place.clone())
            .with_hint(tr!(
                "ganti nama atau hapus salah satu kolom",
                "rename or remove one of the columns"
            )));
        }
        *slot = Some(i);
    }
    refs.sort();
    Ok(match (refs.is_empty(), value) {
        (false, Some(value)) => Some(Columns {
            refs,
            value,
            justification,
            evidence,
            origin,
        }),
        _ => None,
    })
}

fn cell<'r>(row: &'r Row<'_>, i: usize) -> Option<&'r Cell> {
    row.cells.get(i).filter(|c| !c.text.trim().is_empty())
}

/// Most rows a table may have: an assessment has at most a few hundred.
pub const MAX_ROWS: usize = crate::limits::MAX_ROWS;

/// Reads metadata and answers from the rows of a table.
pub fn read_rows<'t>(file: &str, rows: &[Row<'t>]) -> Result<(Meta, Vec<RawAnswer<'t>>)> {
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
        if let Some(cols) = columns(file, row)? {
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
                _ => {
                    let year = v
                        .trim_end_matches(".0")
                        .parse::<i32>()
                        .ok()
                        .filter(|y| (1900..=2200).contains(y));
                    meta.year = Some(year.ok_or_else(|| {
                        Error::input(
                            file,
                            tr!("tahun `{}` tidak valid", "year `{}` is not valid", v),
                        )
                        .at(k.place.clone())
                        .expected(tr!(
                            "tahun empat angka, misalnya 2025",
                            "a four-digit year such as 2025"
                        ))
                    })?);
                }
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
    let mut out = Vec::new();
    for row in &rows[start + 1..] {
        let reference = cols.refs.iter().find_map(|(_, i)| cell(row, *i));
        let value = cell(row, cols.value);
        let Some(reference) = reference else {
            if let Some(v) = value {
                return Err(Error::input(
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
                )));
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
            snippet: row.snippet,
        });
    }
    Ok((meta, out))
}
