//! What each column of a table is for, as offices lay their sheets out:
//! reference columns (number, id, name), several value columns of which the
//! final one is read (`nilai akhir` > `nilai verifikasi` > `nilai` >
//! `nilai mandiri`), the first explanation column as `penjelasan` and the
//! rest as notes, the tool's own draft columns, and a person's own columns.

use crate::assessment::table::{Row, header_key};
use crate::error::{Error, Result};
use crate::text::Text;
use crate::tr;

/// A column's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A reference to the indicator; lower reads first (id, number, name).
    Ref(u8),
    /// A value column; higher rank is the more final value.
    Value(u8),
    /// An explanation (penjelasan, catatan, keterangan).
    Justification,
    /// Evidence (data dukung).
    Evidence,
    /// Who set the value (`asal`).
    Origin,
    /// The suggestion recorded with the value in a draft (`saran`).
    Suggested,
    /// A column the tool writes into drafts and rewrites on every merge.
    Tool,
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

/// Value columns by rank: the final value first, the self-assessment last.
const VALUE_ALIASES: &[(&str, u8)] = &[
    ("nilai_akhir", 4),
    ("final_value", 4),
    ("nilai_final", 4),
    ("tingkat_akhir", 4),
    ("nilai_verifikasi", 3),
    ("verifikasi", 3),
    ("nilai_validasi", 3),
    ("validasi", 3),
    ("verified_value", 3),
    ("nilai_evaluasi", 3),
    ("nilai", 2),
    ("tingkat", 2),
    ("level", 2),
    ("value", 2),
    ("tingkat_kematangan", 2),
    ("nilai_indikator", 2),
    ("skor", 2),
    ("score", 2),
    ("capaian", 2),
    ("nilai_mandiri", 1),
    ("penilaian_mandiri", 1),
    ("mandiri", 1),
    ("self_assessment", 1),
    ("self_score", 1),
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
/// Columns `convert` writes into a draft and rewrites on every merge.
const TOOL_ALIASES: &[&str] = &[
    "konflik",
    "conflict",
    "rentang_bawah",
    "range_low",
    "rentang_atas",
    "range_high",
    "nilai_terbukti",
    "evidenced_value",
    "sebab_rentang",
    "range_causes",
    "keyakinan",
    "confidence",
    "sumber",
    "sources",
    "data_dukung_perlu_diperbarui",
    "evidence_to_update",
    "catatan_konversi",
    "conversion_notes",
];

/// The role of a header cell (see [`header_key`]).
pub fn role_of(key: &str) -> Option<Role> {
    if let Some((_, p)) = REF_ALIASES.iter().find(|(a, _)| *a == key) {
        return Some(Role::Ref(*p));
    }
    if let Some((_, r)) = VALUE_ALIASES.iter().find(|(a, _)| *a == key) {
        return Some(Role::Value(*r));
    }
    if JUSTIFICATION_ALIASES.contains(&key) {
        return Some(Role::Justification);
    }
    if EVIDENCE_ALIASES.contains(&key) {
        return Some(Role::Evidence);
    }
    if matches!(key, "asal" | "origin" | "asal_nilai") {
        return Some(Role::Origin);
    }
    if matches!(key, "saran" | "suggested" | "nilai_saran") {
        return Some(Role::Suggested);
    }
    if TOOL_ALIASES.contains(&key) {
        return Some(Role::Tool);
    }
    None
}

fn twice(file: &str, c: &crate::assessment::table::Cell) -> Error {
    Error::input(
        file,
        tr!(
            "kolom `{}` ganda: tidak jelas kolom mana yang dibaca",
            "column `{}` appears twice: it is unclear which one to read",
            c.text.trim()
        ),
    )
    .at(c.place.clone())
    .with_hint(tr!(
        "ganti nama atau hapus salah satu kolom, atau pilih dengan --column NAMA",
        "rename or remove one of the columns, or choose one with --column NAME"
    ))
}

/// Whether a kept column (named as in [`Columns::notes`]) is a further
/// explanation or evidence column, whose texts travel with the answer.
pub fn is_note_column(name: &str) -> bool {
    let base = match name.rfind(" (") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    };
    matches!(
        role_of(&header_key(base)),
        Some(Role::Justification | Role::Evidence)
    )
}

/// The columns of a header row.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Reference columns by preference.
    pub refs: Vec<(u8, usize)>,
    /// The value column read.
    pub value: usize,
    /// The first explanation column.
    pub justification: Option<usize>,
    /// The evidence column.
    pub evidence: Option<usize>,
    /// The origin column.
    pub origin: Option<usize>,
    /// The recorded suggestion.
    pub suggested: Option<usize>,
    /// A person's own columns (and further explanation columns): (index, name).
    pub notes: Vec<(usize, String)>,
    /// Said when the value column was chosen among several.
    pub notice: Option<Text>,
}

/// Finds the roles of the columns of `row`, if it is a header row (one
/// reference column and one value column at least). `choose` names the
/// value column to read (`--column`).
pub fn columns(file: &str, row: &Row<'_>, choose: Option<&str>) -> Result<Option<Columns>> {
    let mut refs = Vec::new();
    let mut values: Vec<(u8, usize)> = Vec::new();
    let mut justification = None;
    let mut evidence = None;
    let mut origin = None;
    let mut suggested = None;
    let mut notes: Vec<(usize, String)> = Vec::new();
    let mut unknown: Vec<(usize, String)> = Vec::new();
    let chosen = choose.map(header_key);
    for (i, c) in row.cells.iter().enumerate() {
        let key = header_key(&c.text);
        if key.is_empty() {
            continue;
        }
        if chosen.as_deref() == Some(key.as_str()) {
            values.push((u8::MAX, i));
            continue;
        }
        let Some(role) = role_of(&key) else {
            unknown.push((i, c.text.trim().to_string()));
            continue;
        };
        let slot = match role {
            Role::Ref(p) => {
                refs.push((p, i));
                continue;
            }
            Role::Value(r) => {
                // Two columns of the same name: unclear which one to read.
                if values
                    .iter()
                    .any(|(_, j)| header_key(&row.cells[*j].text) == key)
                {
                    return Err(twice(file, c));
                }
                values.push((r, i));
                continue;
            }
            Role::Tool => continue,
            Role::Justification => &mut justification,
            Role::Evidence => &mut evidence,
            Role::Origin => &mut origin,
            Role::Suggested => &mut suggested,
        };
        if slot.is_some() {
            if matches!(role, Role::Justification | Role::Evidence) {
                // A second explanation or evidence column: kept as notes.
                notes.push((i, c.text.trim().to_string()));
                continue;
            }
            return Err(twice(file, c));
        }
        *slot = Some(i);
    }
    refs.sort();
    let chosen_found = values.iter().any(|(r, _)| *r == u8::MAX);
    if refs.is_empty() || values.is_empty() || (choose.is_some() && !chosen_found) {
        if let (Some(name), false) = (choose, refs.is_empty() || values.is_empty()) {
            let have: Vec<String> = row
                .cells
                .iter()
                .map(|c| c.text.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            return Err(Error::usage(tr!(
                "--column `{}`: tidak ada kolom bernama itu",
                "--column `{}`: there is no column of that name",
                name
            ))
            .in_file(file)
            .at(row.place.clone())
            .expected(Text::same(have.join(" | "))));
        }
        return Ok(None);
    }
    // The most final value column; among equals the first from the left.
    let (best_rank, value) = values
        .iter()
        .copied()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .unwrap_or((0, 0));
    let name = |i: usize| row.cells[i].text.trim().to_string();
    let notice = (values.len() > 1).then(|| {
        let others: Vec<String> = values
            .iter()
            .filter(|(_, i)| *i != value)
            .map(|(_, i)| format!("`{}`", name(*i)))
            .collect();
        let how = if best_rank == u8::MAX {
            Text::new("dipilih dengan --column", "chosen with --column")
        } else {
            Text::new(
                "nilai paling akhir; pilih yang lain dengan --column NAMA",
                "the most final value; choose another with --column NAME",
            )
        };
        Text::new(
            format!(
                "nilai dibaca dari kolom `{}` ({}), bukan {}",
                name(value),
                how.id,
                others.join(", ")
            ),
            format!(
                "values read from column `{}` ({}), not {}",
                name(value),
                how.get(crate::text::Lang::En),
                others.join(", ")
            ),
        )
    });
    // Other value columns are kept as notes too, as are unknown columns.
    for (_, i) in values.iter().filter(|(_, i)| *i != value) {
        notes.push((*i, name(*i)));
    }
    notes.extend(unknown);
    notes.sort();
    // Two columns of one name become `name`, `name (2)`.
    let mut seen: Vec<String> = Vec::new();
    for (_, n) in &mut notes {
        let base = n.clone();
        let mut k = 2;
        while seen.contains(n) {
            *n = format!("{base} ({k})");
            k += 1;
        }
        seen.push(n.clone());
    }
    Ok(Some(Columns {
        refs,
        value,
        justification,
        evidence,
        origin,
        suggested,
        notes,
        notice,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::table::{Cell, Row};
    use crate::error::Place;

    fn header(names: &[&str]) -> Row<'static> {
        Row {
            cells: names
                .iter()
                .enumerate()
                .map(|(i, n)| Cell {
                    text: n.to_string(),
                    place: Place::cell("S", 0, i as u32),
                })
                .collect(),
            place: Place::cell("S", 0, 0),
            snippet: None,
        }
    }

    /// The most final value column is read, whatever the order.
    #[test]
    fn value_columns_by_rank() {
        for (names, want) in [
            (vec!["No", "Nilai Mandiri", "Nilai Verifikasi"], 2),
            (vec!["No", "Nilai Akhir", "Nilai Verifikasi", "Nilai"], 1),
            (vec!["No", "Tingkat", "Nilai"], 1),
            (vec!["No", "Nilai Mandiri", "Validasi", "Nilai"], 2),
        ] {
            let c = columns("f", &header(&names), None).unwrap().unwrap();
            assert_eq!(c.value, want, "{names:?}");
            assert!(c.notice.is_some(), "{names:?}");
        }
        let one = columns("f", &header(&["No", "Nilai"]), None)
            .unwrap()
            .unwrap();
        assert!(one.notice.is_none());
    }

    /// `--column` wins; a name not in the header is a usage error.
    #[test]
    fn column_chooses() {
        let h = header(&["No", "Nilai Mandiri", "Nilai Verifikasi"]);
        let c = columns("f", &h, Some("nilai mandiri")).unwrap().unwrap();
        assert_eq!(c.value, 1);
        let e = columns("f", &h, Some("Skor")).unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }

    /// The second explanation column and unknown columns are notes; the
    /// tool's own draft columns are not.
    #[test]
    fn notes_and_tool_columns() {
        let h = header(&[
            "No",
            "Nilai",
            "Penjelasan",
            "Catatan",
            "konflik",
            "Catatan",
            "Domain",
        ]);
        let c = columns("f", &h, None).unwrap().unwrap();
        assert_eq!(c.justification, Some(2));
        let names: Vec<&str> = c.notes.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Catatan", "Catatan (2)", "Domain"]);
        assert!(is_note_column("Catatan (2)") && !is_note_column("Domain"));
    }
}
