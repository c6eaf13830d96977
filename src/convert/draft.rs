//! The pre-filled draft of the target framework: the conversion written as
//! an assessment (JSON, CSV or XLSX) that a person completes and the tool
//! reads back; and merging into an existing draft without ever overwriting
//! a value a person set.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::assessment::{Answer, Assessment, DecValue, Evidence};
use crate::convert::{Class, Conversion, TargetValue};
use crate::crosswalk::Evidence as Policy;
use crate::error::{Error, Result};
use crate::sheet;
use crate::text::Lang;
use crate::tr;

/// A person's value that differs from the tool's suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Indicator id.
    pub id: String,
    /// The value a person set (kept).
    #[serde(with = "crate::decimal::serde_dec")]
    pub person: Decimal,
    /// The value the conversion suggests.
    #[serde(with = "crate::decimal::serde_dec")]
    pub suggested: Decimal,
    /// The suggestion's class.
    pub class: Class,
}

/// The outcome of a merge.
#[derive(Debug, Clone, Serialize)]
pub struct Merge {
    /// The merged draft.
    pub draft: Assessment,
    /// Person values kept although the suggestion differs.
    pub conflicts: Vec<Conflict>,
    /// Indicators newly filled with a suggestion.
    pub filled: Vec<String>,
    /// Earlier suggestions refreshed.
    pub refreshed: Vec<String>,
    /// Person values kept (agreeing or without a suggestion).
    pub kept: Vec<String>,
}

fn justification(t: &TargetValue) -> Option<String> {
    if t.justifications.is_empty() {
        return None;
    }
    let parts: Vec<String> = t
        .justifications
        .iter()
        .map(|j| format!("[{}] {}", j.from, j.text))
        .collect();
    Some(parts.join("\n"))
}

/// The suggestion for one target, as an answer marked with its origin.
/// Externally scored targets carry the index value instead (the draft's
/// `external` entries), which scoring converts.
fn suggestion(t: &TargetValue) -> Option<Answer> {
    if matches!(t.class, Class::External | Class::Proxy) {
        return None;
    }
    Some(Answer {
        indicator: t.id.clone(),
        value: t.value?,
        justification: justification(t),
        evidence: t
            .evidence
            .iter()
            .map(|e| Evidence {
                name: e.name.clone(),
                url: e.url.clone(),
            })
            .collect(),
        origin: Some(t.class.as_str().to_string()),
    })
}

/// The draft of the target framework from a conversion.
pub fn draft(c: &Conversion) -> Assessment {
    Assessment {
        framework: c.target.clone(),
        agency: c.source.agency.clone(),
        year: c.source.year.map(|y| y + 1),
        source: Some(format!(
            "spbe-pemdi convert from {} ({}); {}",
            c.source.framework,
            c.path.join(" → "),
            c.stamp.hash
        )),
        answers: c.indicators.iter().filter_map(suggestion).collect(),
        external: c
            .indicators
            .iter()
            .filter_map(|t| t.external.as_ref())
            .filter_map(|e| e.index_value.map(|v| (e.key.clone(), DecValue(v))))
            .collect(),
    }
}

/// Merges the conversion into an existing draft: a person's value (no
/// origin mark) is never changed; earlier suggestions are refreshed; empty
/// indicators are filled. Running it again on its own output changes nothing.
pub fn merge(existing: &Assessment, c: &Conversion) -> Result<Merge> {
    if existing.framework != c.target {
        return Err(Error::usage(tr!(
            "draf --into berframework {} tetapi konversi menuju {}",
            "the --into draft is in {} but the conversion goes to {}",
            existing.framework,
            c.target
        )));
    }
    let mut out = existing.clone();
    if out.agency.is_none() {
        out.agency = c.source.agency.clone();
    }
    let mut conflicts = Vec::new();
    let mut filled = Vec::new();
    let mut refreshed = Vec::new();
    let mut kept = Vec::new();
    let mut answers = Vec::new();
    for t in &c.indicators {
        let key = t.no.to_string();
        let have = existing.answer(&key);
        let sug = suggestion(t);
        match (have, sug) {
            (Some(h), s) if h.origin.is_none() => {
                if let Some(s) = s
                    && s.value != h.value
                {
                    conflicts.push(Conflict {
                        id: t.id.clone(),
                        person: h.value,
                        suggested: s.value,
                        class: t.class,
                    });
                }
                kept.push(t.id.clone());
                answers.push(h.clone());
            }
            (Some(h), Some(s)) => {
                if *h != s {
                    refreshed.push(t.id.clone());
                }
                answers.push(s);
            }
            (Some(_), None) => {
                // An earlier suggestion the data no longer supports: removed.
                refreshed.push(t.id.clone());
            }
            (None, Some(s)) => {
                filled.push(t.id.clone());
                answers.push(s);
            }
            (None, None) => {}
        }
    }
    out.answers = answers;
    for t in &c.indicators {
        // A person's own value for an externally scored indicator wins over
        // the index value.
        let person_value = out.answer(&t.no.to_string()).is_some();
        if let Some(e) = &t.external
            && let Some(v) = e.index_value
            && !person_value
        {
            out.external.entry(e.key.clone()).or_insert(DecValue(v));
        }
    }
    Ok(Merge {
        draft: out,
        conflicts,
        filled,
        refreshed,
        kept,
    })
}

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

/// Columns holding numbers: the value, the range and the evidenced value.
const NUMERIC: &[usize] = &[3, 5, 6, 7];

fn headers(lang: Lang) -> [&'static str; 15] {
    match lang {
        Lang::Id => [
            "no",
            "indikator",
            "nama_indikator",
            "nilai",
            "asal",
            "rentang_bawah",
            "rentang_atas",
            "nilai_terbukti",
            "sebab_rentang",
            "keyakinan",
            "sumber",
            "penjelasan",
            "data_dukung",
            "data_dukung_perlu_diperbarui",
            "catatan_konversi",
        ],
        Lang::En => [
            "no",
            "indicator",
            "indicator_name",
            "value",
            "origin",
            "range_low",
            "range_high",
            "evidenced_value",
            "range_causes",
            "confidence",
            "sources",
            "justification",
            "evidence",
            "evidence_to_update",
            "conversion_notes",
        ],
    }
}

fn rows(d: &Assessment, c: Option<&Conversion>, lang: Lang) -> Vec<[String; 15]> {
    let mut out = Vec::new();
    let Some(c) = c else {
        for a in &d.answers {
            out.push([
                a.key().to_string(),
                a.indicator.clone(),
                String::new(),
                crate::decimal::exact(a.value),
                origin_label(a.origin.as_deref(), lang),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                a.justification.clone().unwrap_or_default(),
                a.evidence.iter().map(ev).collect::<Vec<_>>().join(" | "),
                String::new(),
                String::new(),
            ]);
        }
        return out;
    };
    for t in &c.indicators {
        let a = d.answer(&t.no.to_string());
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
        out.push([
            t.no.to_string(),
            t.id.clone(),
            t.name.clone(),
            a.map(|a| crate::decimal::exact(a.value))
                .unwrap_or_default(),
            origin_label(a.and_then(|a| a.origin.as_deref()), lang),
            crate::decimal::exact(t.estimate.low),
            crate::decimal::exact(t.estimate.high),
            if crate::calibration::calibrated(t.class, t.value) {
                crate::decimal::exact(t.evidenced.point)
            } else {
                String::new()
            },
            range_causes(t, c, lang),
            t.confidence
                .map(|c| c.describe().get(lang).to_string())
                .unwrap_or_default(),
            sources.join(" "),
            a.and_then(|a| a.justification.clone()).unwrap_or_default(),
            a.map(|a| a.evidence.iter().map(ev).collect::<Vec<_>>().join(" | "))
                .unwrap_or_default(),
            update.join(" | "),
            notes.join(" "),
        ]);
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
fn external_rows(d: &Assessment) -> Vec<[String; 15]> {
    d.external
        .iter()
        .map(|(k, v)| {
            let mut r: [String; 15] = Default::default();
            r[1] = k.clone();
            r[3] = crate::decimal::exact(v.0);
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
                .map(Vec::from)
                .chain(std::iter::once(
                    headers(lang).iter().map(|h| h.to_string()).collect(),
                ))
                .chain(
                    rows(d, c, lang)
                        .into_iter()
                        .chain(external_rows(d))
                        .map(Vec::from),
                );
            sheet::csv_bytes(records, lang, NUMERIC)
        }
        DraftFormat::Xlsx => {
            let mut wb = sheet::workbook(&format!("{} draft", d.framework));
            let ws = wb.add_worksheet();
            ws.set_name(lang.pick("Draf", "Draft"))
                .map_err(sheet::xlsx_error)?;
            let wrap = sheet::wrap_format();
            let r = sheet::meta_rows(ws, &meta(d, lang))?;
            let widths = [
                6.0, 14.0, 40.0, 8.0, 10.0, 10.0, 10.0, 10.0, 30.0, 11.0, 28.0, 50.0, 40.0, 40.0,
                40.0,
            ];
            let hs = headers(lang);
            let cols: Vec<(&str, f64)> = hs.iter().copied().zip(widths).collect();
            sheet::header(ws, r, &cols)?;
            let all: Vec<[String; 15]> = rows(d, c, lang)
                .into_iter()
                .chain(external_rows(d))
                .collect();
            for (i, row) in all.iter().enumerate() {
                let y = r + 1 + i as u32;
                for (x, v) in row.iter().enumerate() {
                    if x == 0 || NUMERIC.contains(&x) {
                        if let Ok(n) = v.parse::<f64>() {
                            // Numbers (and the indicator number) stay numbers
                            // in the sheet; they are written from exact
                            // decimals of at most 2 places.
                            ws.write_number(y, x as u16, n).map_err(sheet::xlsx_error)?;
                            continue;
                        }
                    }
                    ws.write_with_format(y, x as u16, v.as_str(), &wrap)
                        .map_err(sheet::xlsx_error)?;
                }
            }
            sheet::to_bytes(&mut wb)
        }
    }
}
