//! Writing a draft: its columns, rows and notes as CSV, XLSX or JSON.

use serde::Serialize;

use crate::assessment::{Answer, Assessment, Evidence};
use crate::convert::{Class, Conversion, TargetValue};
use crate::crosswalk::Evidence as Policy;
use crate::decimal::show2;
use crate::error::Result;
use crate::sheet;
use crate::text::Lang;

/// Output formats of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftFormat {
    /// Canonical JSON assessment, with the full conversion alongside.
    Json,
    /// CSV with provenance columns.
    Csv,
    /// XLSX with provenance columns.
    Xlsx,
}

#[derive(Serialize)]
struct JsonDraft<'a> {
    #[serde(flatten)]
    draft: &'a Assessment,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversion: Option<&'a Conversion>,
}

/// The draft's columns: (Indonesian, English, width in the sheet, numeric).
const COLUMNS: [(&str, &str, f64, bool); 17] = [
    ("no", "no", 6.0, false),
    ("indikator", "indicator", 14.0, false),
    ("nama_indikator", "indicator_name", 40.0, false),
    ("nilai", "value", 8.0, true),
    ("asal", "origin", 10.0, false),
    ("saran", "suggested", 8.0, true),
    ("konflik", "conflict", 24.0, false),
    ("rentang_bawah", "range_low", 10.0, true),
    ("rentang_atas", "range_high", 10.0, true),
    ("nilai_terbukti", "evidenced_value", 10.0, true),
    ("sebab_rentang", "range_causes", 30.0, false),
    ("keyakinan", "confidence", 11.0, false),
    ("sumber", "sources", 28.0, false),
    ("penjelasan", "justification", 50.0, false),
    ("data_dukung", "evidence", 40.0, false),
    (
        "data_dukung_perlu_diperbarui",
        "evidence_to_update",
        40.0,
        false,
    ),
    ("catatan_konversi", "conversion_notes", 40.0, false),
];
/// The columns holding numbers (the indicator number, the value, the
/// suggestion, the range and the evidenced value), which the sheets keep
/// as numbers.
fn numeric() -> Vec<usize> {
    std::iter::once(0)
        .chain((0..COLUMNS.len()).filter(|&i| COLUMNS[i].3))
        .collect()
}
const VALUE: usize = 3;
const ORIGIN: usize = 4;
const SUGGESTED: usize = 5;
const CONFLICT: usize = 6;
const JUSTIFICATION: usize = 13;
const EVIDENCE: usize = 14;

/// The rule a draft keeps, written above its table.
fn rule(lang: Lang) -> [String; 2] {
    [
        lang.pick("petunjuk", "note").to_string(),
        lang.pick(
            "Nilai yang berbeda dari kolom saran (atau yang kolom asal-nya kosong) adalah nilai Anda, dan semua teks Anda (penjelasan, data_dukung, kolom tambahan) tidak pernah ditimpa oleh `spbe-pemdi convert --into`; hanya saran yang belum diubah yang diperbarui. Kolom konflik menunjukkan saran baru yang berbeda dari nilai Anda.",
            "A value that differs from the suggested column (or whose origin cell is empty) is yours, and every text of yours (justification, evidence, added columns) is never overwritten by `spbe-pemdi convert --into`; only untouched suggestions are refreshed. The conflict column shows new suggestions that differ from your value.",
        )
        .to_string(),
    ]
}

fn headers(d: &Assessment, lang: Lang) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|(id, en, _, _)| lang.pick(id, en).to_string())
        .chain(d.notes.columns.iter().cloned())
        .collect()
}

fn evidence_cell(items: &[Evidence]) -> String {
    items.iter().map(ev).collect::<Vec<_>>().join(" | ")
}

/// The person-owned cells of row `key`: value, origin, recorded suggestion,
/// explanation, evidence and the person's own columns.
fn own_cells(d: &Assessment, key: &str, row: &mut [String], lang: Lang) {
    let a = d.answer(key);
    let n = d.notes.rows.get(key);
    if let Some(a) = a {
        row[VALUE] = crate::decimal::exact(a.value);
        row[ORIGIN] = origin_label(a.origin.as_deref(), lang);
    }
    if let Some(s) = n.and_then(|n| n.suggested) {
        row[SUGGESTED] = crate::decimal::exact(s.0);
    }
    row[JUSTIFICATION] = a
        .and_then(|a| a.justification.clone())
        .or_else(|| n.and_then(|n| n.justification.clone()))
        .unwrap_or_default();
    row[EVIDENCE] = match a {
        Some(a) if !a.evidence.is_empty() => evidence_cell(&a.evidence),
        _ => n.map(|n| evidence_cell(&n.evidence)).unwrap_or_default(),
    };
    if let Some(n) = n {
        for (i, col) in d.notes.columns.iter().enumerate() {
            if let Some(t) = n.cells.get(col) {
                row[COLUMNS.len() + i] = t.clone();
            }
        }
    }
}

/// The conflict cell: a person's value (or cleared value) that differs
/// from the suggestion.
fn conflict_cell(a: Option<&Answer>, t: &TargetValue, lang: Lang) -> String {
    let Some(sug) = t.value.filter(|_| t.class != Class::External) else {
        return String::new();
    };
    let person = match a {
        Some(a) if a.origin.is_none() => Some(a.value),
        Some(_) => return String::new(),
        None => None,
    };
    if person == Some(sug) {
        return String::new();
    }
    match person {
        Some(p) => format!(
            "{} {} ≠ {} {}",
            lang.pick("nilai Anda", "your value"),
            show2(p, lang),
            lang.pick("saran", "suggested"),
            show2(sug, lang)
        ),
        None => format!(
            "{}; {} {}",
            lang.pick("dikosongkan", "cleared"),
            lang.pick("saran", "suggested"),
            show2(sug, lang)
        ),
    }
}

fn rows(d: &Assessment, c: Option<&Conversion>, lang: Lang) -> Vec<Vec<String>> {
    let width = COLUMNS.len() + d.notes.columns.len();
    let mut out = Vec::new();
    let Some(c) = c else {
        let mut keys: Vec<&str> = d.answers.iter().map(|a| a.key()).collect();
        for k in d.notes.rows.keys() {
            if d.answer(k).is_none() {
                keys.push(k);
            }
        }
        for key in keys {
            let mut row = vec![String::new(); width];
            row[0] = key.to_string();
            row[1] = match d.answer(key) {
                Some(a) => a.indicator.clone(),
                None => format!("{}:{key}", d.framework),
            };
            own_cells(d, key, &mut row, lang);
            out.push(row);
        }
        return out;
    };
    for t in &c.indicators {
        let key = t.no.to_string();
        let a = d.answer(&key);
        let sources: Vec<String> = t
            .sources
            .iter()
            .map(|s| {
                let v = crate::decimal::localize(&crate::decimal::exact(s.value), lang);
                format!("{}={v}", s.id)
            })
            .collect();
        let update: Vec<String> = t
            .evidence
            .iter()
            .filter(|e| e.policy == Policy::Update)
            .map(|e| {
                ev(&Evidence {
                    name: e.name.clone(),
                    url: e.url.clone(),
                })
            })
            .collect();
        let notes: Vec<&str> = t.notes.iter().map(|n| n.get(lang)).collect();
        let mut row = vec![String::new(); width];
        row[0] = key.clone();
        row[1] = t.id.clone();
        row[2] = t.name.clone();
        own_cells(d, &key, &mut row, lang);
        row[CONFLICT] = conflict_cell(a, t, lang);
        row[7] = crate::decimal::exact(t.estimate.low);
        row[8] = crate::decimal::exact(t.estimate.high);
        if crate::calibration::calibrated(t.class, t.value) {
            row[9] = crate::decimal::exact(t.evidenced.point);
        }
        row[10] = range_causes(t, c, lang);
        row[11] = t
            .confidence
            .map(|c| c.describe().get(lang).to_string())
            .unwrap_or_default();
        row[12] = sources.join(" ");
        row[15] = update.join(" | ");
        row[16] = notes.join(" ");
        out.push(row);
    }
    out
}

/// The origin mark as people read it (`turunan` in Indonesian); the
/// readers take either word back.
fn origin_label(origin: Option<&str>, lang: Lang) -> String {
    let class = match origin {
        Some("carried") => Class::Carried,
        Some("derived") => Class::Derived,
        Some("external") => Class::External,
        Some(other) => return other.to_string(),
        None => return String::new(),
    };
    class.describe(lang).to_string()
}

/// What the draft's range claims, by cause: (a) the evidenced range from
/// unanswered sources, (b) the calibration band and what it rests on.
fn range_causes(t: &crate::convert::TargetValue, c: &Conversion, lang: Lang) -> String {
    let e = &t.evidenced;
    let n = |d| crate::decimal::localize(&crate::decimal::exact(d), lang);
    let mut s = format!("(a) {}–{}", n(e.low), n(e.high));
    if let (Some(b), Some(k)) = (t.band, &c.calibration) {
        s.push_str(&format!("; (b) ±{} ({})", n(b.width), k.basis.get(lang)));
    }
    s
}

fn ev(e: &Evidence) -> String {
    match &e.url {
        Some(u) if *u != e.name => format!("{} ({u})", e.name),
        Some(u) => u.clone(),
        None => e.name.clone(),
    }
}

fn meta(d: &Assessment, lang: Lang) -> Vec<[String; 2]> {
    let mut m = vec![["framework".to_string(), d.framework.clone()]];
    m.push([
        lang.pick("instansi", "agency").to_string(),
        d.agency.clone().unwrap_or_default(),
    ]);
    m.push([
        lang.pick("tahun", "year").to_string(),
        d.year.map(|y| y.to_string()).unwrap_or_default(),
    ]);
    m
}

/// External index values as rows the reader resolves (`sdi` in the
/// indicator column).
fn external_rows(d: &Assessment) -> Vec<Vec<String>> {
    let width = COLUMNS.len() + d.notes.columns.len();
    d.external
        .iter()
        .map(|(k, v)| {
            let mut r = vec![String::new(); width];
            r[1] = k.clone();
            r[VALUE] = crate::decimal::exact(v.0);
            r
        })
        .collect()
}

/// The rows a person typed without an indicator (a team's note below the
/// table), each cell under the column of its header; a cell whose header
/// is not one of the draft's goes to the explanation, with its header.
fn loose_rows(d: &Assessment) -> Vec<Vec<String>> {
    let width = COLUMNS.len() + d.notes.columns.len();
    let key = |s: &str| s.trim().to_lowercase();
    let column = |h: &str| {
        let h = key(h);
        COLUMNS
            .iter()
            .position(|(id, en, _, _)| h == *id || h == *en)
            .or_else(|| {
                d.notes
                    .columns
                    .iter()
                    .position(|c| key(c) == h)
                    .map(|i| COLUMNS.len() + i)
            })
            .filter(|&i| i > 1)
    };
    d.notes
        .loose
        .iter()
        .map(|cells| {
            let mut r = vec![String::new(); width];
            for (h, t) in cells {
                match column(h) {
                    Some(i) if r[i].is_empty() => r[i] = t.clone(),
                    Some(i) => r[i] = format!("{} | {t}", r[i]),
                    None => {
                        let j = &mut r[JUSTIFICATION];
                        let piece = if h.is_empty() {
                            t.clone()
                        } else {
                            format!("{h}: {t}")
                        };
                        *j = if j.is_empty() {
                            piece
                        } else {
                            format!("{j} | {piece}")
                        };
                    }
                }
            }
            r
        })
        .collect()
}

/// Writes a draft (with the conversion's provenance when given).
pub fn write(
    d: &Assessment,
    c: Option<&Conversion>,
    format: DraftFormat,
    lang: Lang,
) -> Result<Vec<u8>> {
    match format {
        DraftFormat::Json => Ok(crate::json::to_pretty(&JsonDraft {
            draft: d,
            conversion: c,
        })
        .into_bytes()),
        DraftFormat::Csv => {
            let records = meta(d, lang)
                .into_iter()
                .chain([rule(lang)])
                .map(Vec::from)
                .chain(std::iter::once(headers(d, lang)))
                .chain(
                    rows(d, c, lang)
                        .into_iter()
                        .chain(external_rows(d))
                        .chain(loose_rows(d)),
                );
            sheet::csv_bytes(records, lang, &numeric())
        }
        DraftFormat::Xlsx => {
            let mut wb = sheet::workbook(&format!("{} draft", d.framework));
            let ws = wb.add_worksheet();
            ws.set_name(lang.pick("Draf", "Draft"))
                .map_err(sheet::xlsx_error)?;
            let wrap = sheet::wrap_format();
            let mut top = meta(d, lang);
            top.push(rule(lang));
            let r = sheet::meta_rows(ws, &top, lang)?;
            let hs = headers(d, lang);
            let cols: Vec<(&str, f64)> = hs
                .iter()
                .enumerate()
                .map(|(i, h)| (h.as_str(), COLUMNS.get(i).map_or(30.0, |c| c.2)))
                .collect();
            sheet::header(ws, r, &cols)?;
            let all: Vec<Vec<String>> = rows(d, c, lang)
                .into_iter()
                .chain(external_rows(d))
                .chain(loose_rows(d))
                .collect();
            for (i, row) in all.iter().enumerate() {
                let y = r + 1 + i as u32;
                for (x, v) in row.iter().enumerate() {
                    if (x == 0 || COLUMNS.get(x).is_some_and(|c| c.3))
                        && let Ok(n) = v.parse::<f64>()
                    {
                        // Numbers (and the indicator number) stay numbers in the sheet; they are
                        // written from exact decimals of at most 2 places.
                        ws.write_number(y, x as u16, n).map_err(sheet::xlsx_error)?;
                        continue;
                    }
                    ws.write_with_format(y, x as u16, sheet::cell_text(v, lang).as_ref(), &wrap)
                        .map_err(sheet::xlsx_error)?;
                }
            }
            // The workbook's other sheets, as the person left their text.
            for (k, (name, rows)) in d.notes.sheets.iter().enumerate() {
                let ws = wb.add_worksheet();
                if ws.set_name(name).is_err() {
                    ws.set_name(format!("{} {}", lang.pick("Lembar", "Sheet"), k + 2))
                        .map_err(sheet::xlsx_error)?;
                }
                for (y, row) in rows.iter().enumerate() {
                    for (x, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                        let (y, x) = (y as u32, x as u16);
                        // A number read from a cell is written as a number
                        // again (not one with a leading zero, as in `007`).
                        match v.parse::<f64>() {
                            Ok(n)
                                if !(v.starts_with('0') && v.len() > 1 && !v.starts_with("0.")) =>
                            {
                                ws.write_number(y, x, n)
                            }
                            _ => ws.write(y, x, sheet::cell_text(v, lang).as_ref()),
                        }
                        .map_err(sheet::xlsx_error)?;
                    }
                }
            }
            sheet::to_bytes(&mut wb)
        }
    }
}
