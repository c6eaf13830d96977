//! The worksheet an assessor fills in next, as rows shared by the CSV and
//! XLSX renderers: one row per target indicator (in indicator order) with
//! the suggestion, its range, class, points at stake, next-level criteria
//! and old evidence, and EMPTY columns for the final value, justification
//! and evidence. It reads back with the tool's own assessment reader: the
//! final-value column is the one the reader takes as the value (`nilai_akhir`
//! / `final_value`); the suggestion column (`saran` / `suggested`) is not a
//! value column.

use crate::catalog::Catalog;
use crate::decimal::exact;
use crate::report::model::{EvidenceRow, IndicatorRow, Report};
use crate::text::Lang;

/// Column of the final value (0-based), left empty for the assessor.
pub const FINAL: usize = 9;

/// Columns holding numbers (written as numbers in XLSX).
pub const NUMERIC: &[usize] = &[0, 3, 4, 6, 7, 8, 12, 13, 14, 15];

/// Column headers and widths.
pub fn headers(lang: Lang) -> Vec<(&'static str, f64)> {
    let names: [(&str, &str, f64); 24] = [
        ("no", "no", 5.0),
        ("indikator", "indicator", 15.0),
        ("nama_indikator", "indicator_name", 36.0),
        ("aspek", "aspect", 6.0),
        ("bobot", "weight", 7.0),
        ("kelas", "class", 10.0),
        ("saran", "suggested", 8.0),
        ("rentang_bawah", "range_low", 8.0),
        ("rentang_atas", "range_high", 8.0),
        ("nilai_akhir", "final_value", 10.0),
        ("penjelasan", "justification", 40.0),
        ("data_dukung", "evidence", 36.0),
        ("prioritas", "priority", 8.0),
        ("poin_ke_tingkat_berikutnya", "points_to_next_level", 11.0),
        ("poin_sampai_puncak", "points_to_top", 10.0),
        ("tingkat_berikutnya", "next_level", 9.0),
        ("kriteria_tingkat_berikutnya", "next_level_criteria", 44.0),
        ("bukti_baru", "new_evidence", 44.0),
        ("data_dukung_dipakai_ulang", "evidence_to_reuse", 40.0),
        ("data_dukung_diperbarui", "evidence_to_update", 40.0),
        ("penjelasan_lama", "previous_justification", 50.0),
        ("jawaban_sumber", "source_answers", 24.0),
        ("kewajiban_baru", "new_obligation", 40.0),
        ("catatan_konversi", "conversion_notes", 44.0),
    ];
    names
        .iter()
        .map(|(id, en, w)| (lang.pick(id, en), *w))
        .collect()
}

/// The metadata rows above the header: the target framework, the agency
/// and the year of the next assessment.
pub fn meta(r: &Report) -> Vec<[String; 2]> {
    let lang = r.lang;
    vec![
        ["framework".to_string(), r.target.id.clone()],
        [
            lang.pick("instansi", "agency").to_string(),
            r.agency.clone().unwrap_or_default(),
        ],
        [
            lang.pick("tahun", "year").to_string(),
            r.last.year.map(|y| (y + 1).to_string()).unwrap_or_default(),
        ],
    ]
}

fn evidence(items: &[EvidenceRow]) -> String {
    let v: Vec<String> = items
        .iter()
        .map(|e| match &e.url {
            Some(u) if *u != e.name => format!("{} ({u})", e.name),
            _ => e.name.clone(),
        })
        .collect();
    v.join(" | ")
}

fn row(t: &IndicatorRow, lang: Lang) -> Vec<String> {
    let next = t.next.as_ref();
    let criteria = next
        .map(|n| {
            let c = n.criteria.clone().unwrap_or_default();
            if n.indicative {
                format!("({}) {c}", lang.pick("indikatif", "indicative"))
            } else {
                c
            }
        })
        .unwrap_or_default();
    let justifications: Vec<String> = t
        .justifications
        .iter()
        .map(|j| format!("[{}] {}", j.from, j.text))
        .collect();
    let sources: Vec<String> = t
        .sources
        .iter()
        .map(|s| format!("{}={}", s.id, exact(s.value)))
        .collect();
    let mut notes = t.notes.clone();
    if let Some(e) = &t.external
        && let Some(v) = e.index_value
    {
        notes.push(format!("{}={}", e.key, exact(v)));
    }
    vec![
        t.no.to_string(),
        t.id.clone(),
        t.name.clone(),
        t.aspect.to_string(),
        exact(t.weight),
        t.class.describe(lang).to_string(),
        t.value.map(exact).unwrap_or_default(),
        exact(t.estimate.low),
        exact(t.estimate.high),
        String::new(),
        String::new(),
        String::new(),
        t.rank.to_string(),
        exact(crate::decimal::round(t.stake.next, 3)),
        exact(crate::decimal::round(t.stake.max, 3)),
        next.map(|n| n.level.to_string()).unwrap_or_default(),
        criteria,
        t.prepare.join("\n"),
        evidence(&t.reuse),
        evidence(&t.update),
        justifications.join("\n"),
        sources.join(" "),
        t.obligation.clone().unwrap_or_default(),
        notes.join("\n"),
    ]
}

/// The rows below the header: every target indicator in number order,
/// then one row per external index with known bands (its value may be
/// given instead of the indicator's, as in `spbe-pemdi template`).
pub fn rows(r: &Report, catalog: &Catalog) -> Vec<Vec<String>> {
    let width = headers(r.lang).len();
    let mut by_no: Vec<&IndicatorRow> = r.indicators.iter().collect();
    by_no.sort_by_key(|t| t.no);
    let mut out: Vec<Vec<String>> = by_no.iter().map(|t| row(t, r.lang)).collect();
    if let Some(fw) = catalog.get(&r.target.id) {
        for t in crate::template::rows(fw, r.lang) {
            if !t.no.is_empty() {
                continue;
            }
            let mut cells = vec![String::new(); width];
            cells[1] = t.id;
            cells[2] = t.name;
            cells[width - 1] = t.what;
            out.push(cells);
        }
    }
    out
}
