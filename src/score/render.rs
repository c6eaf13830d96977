//! Rendering scores for people (Bahasa Indonesia or English, decimal comma
//! in Indonesian) and as JSON (exact decimal strings with a dot).

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{BandOn, Framework};
use crate::decimal::{exact, fixed2, show_short, show2};
use crate::score::{Score, UnitScore};
use crate::text::Lang;
use crate::texttable::TextTable;

#[derive(Serialize)]
struct JsonRange {
    low: String,
    high: String,
    low_rounded: String,
    high_rounded: String,
    predicate_low: String,
    predicate_high: String,
}

#[derive(Serialize)]
struct JsonUnit {
    no: u32,
    name: String,
    name_en: String,
    weight: String,
    answered: usize,
    total: usize,
    index: Option<String>,
    index_rounded: Option<String>,
    predicate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<JsonRange>,
}

#[derive(Serialize)]
struct JsonExternal {
    key: String,
    indicator: String,
    index_value: String,
    value: String,
    given_in: &'static str,
    confidence: String,
    note: String,
}

#[derive(Serialize)]
struct JsonScore {
    framework: String,
    agency: Option<String>,
    year: Option<i32>,
    band_on: &'static str,
    index: Option<String>,
    index_rounded: Option<String>,
    predicate: Option<String>,
    predicate_en: Option<String>,
    answered: usize,
    total: usize,
    complete: bool,
    /// The ids of the unanswered items, in catalog order.
    missing: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<JsonRange>,
    aspects: Vec<JsonUnit>,
    domains: Vec<JsonUnit>,
    external: Vec<JsonExternal>,
}

fn range(fw: &Framework, u: &UnitScore, on: BandOn) -> Option<JsonRange> {
    (!u.complete()).then(|| JsonRange {
        low: exact(u.low),
        high: exact(u.high),
        low_rounded: fixed2(u.low),
        high_rounded: fixed2(u.high),
        predicate_low: fw.band(u.low, on).name.clone(),
        predicate_high: fw.band(u.high, on).name.clone(),
    })
}

fn unit(fw: &Framework, u: &UnitScore, on: BandOn) -> JsonUnit {
    JsonUnit {
        no: u.no,
        name: u.name.clone(),
        name_en: u.name_en.clone(),
        weight: u.weight.to_string(),
        answered: u.answered,
        total: u.total,
        index: u.index().map(exact),
        index_rounded: u.index().map(fixed2),
        predicate: u.index().map(|v| fw.band(v, on).name.clone()),
        range: range(fw, u, on),
    }
}

fn band_on_str(on: BandOn) -> &'static str {
    match on {
        BandOn::Exact => "exact",
        BandOn::Rounded => "rounded",
    }
}

/// The JSON form of a score.
pub fn render_json(s: &Score) -> String {
    let fw = s.framework;
    let on = s.band_on;
    let idx = s.overall.index();
    let out = JsonScore {
        framework: fw.id.clone(),
        agency: s.agency.clone(),
        year: s.year,
        band_on: band_on_str(on),
        index: idx.map(exact),
        index_rounded: idx.map(fixed2),
        predicate: idx.map(|v| fw.band(v, on).name.clone()),
        predicate_en: idx.map(|v| fw.band(v, on).name_en.clone()),
        answered: s.overall.answered,
        total: s.overall.total,
        complete: s.overall.complete(),
        missing: s
            .missing()
            .iter()
            .map(|(k, _)| format!("{}:{k}", fw.id))
            .collect(),
        range: range(fw, &s.overall, on),
        aspects: s.aspects.iter().map(|u| unit(fw, u, on)).collect(),
        domains: s.domains.iter().map(|u| unit(fw, u, on)).collect(),
        external: s
            .external
            .iter()
            .map(|c| {
                let ext = fw.external_index(&c.key);
                JsonExternal {
                    key: c.key.clone(),
                    indicator: fw.indicator_id(c.indicator),
                    index_value: exact(c.index_value),
                    value: exact(c.value),
                    given_in: c.given_in,
                    confidence: ext.map(|e| e.confidence.clone()).unwrap_or_default(),
                    note: ext
                        .map(|e| e.note_en.clone().unwrap_or_else(|| e.note.clone()))
                        .unwrap_or_default(),
                }
            })
            .collect(),
    };
    crate::json::to_pretty(&out)
}

/// `3,28 (Baik)` or `2,41–3,20 (Cukup–Baik)`.
pub fn value_text(fw: &Framework, u: &UnitScore, on: BandOn, lang: Lang) -> (String, String) {
    match u.index() {
        Some(v) => (show2(v, lang), fw.band(v, on).name(lang)),
        None => {
            let (pl, ph) = (
                fw.band(u.low, on).name(lang),
                fw.band(u.high, on).name(lang),
            );
            let pred = if pl == ph { pl } else { format!("{pl}–{ph}") };
            (
                format!("{}–{}", show2(u.low, lang), show2(u.high, lang)),
                pred,
            )
        }
    }
}

fn units_table(fw: &Framework, units: &[UnitScore], on: BandOn, lang: Lang) -> String {
    let mut t = TextTable::new(
        &[
            "No",
            lang.pick("Nama", "Name"),
            lang.pick("Bobot", "Weight"),
            lang.pick("Indeks", "Index"),
            lang.pick("Predikat", "Predicate"),
            lang.pick("Terjawab", "Answered"),
        ],
        &[true, false, true, true, false, true],
    );
    for u in units {
        let (v, p) = value_text(fw, u, on, lang);
        let weight = show_short(u.weight.value(), lang);
        t.row(vec![
            u.no.to_string(),
            lang.pick(&u.name, &u.name_en).to_string(),
            format!("{weight}%"),
            v,
            p,
            format!("{}/{}", u.answered, u.total),
        ]);
    }
    t.render("  ")
}

fn show_dec(d: Decimal, lang: Lang) -> String {
    crate::decimal::localize(&exact(d), lang)
}

/// The human-readable form of a score.
pub fn render_text(s: &Score, lang: Lang) -> String {
    let fw = s.framework;
    let on = s.band_on;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", fw.title(lang), fw.id);
    let mut who = Vec::new();
    if let Some(a) = &s.agency {
        who.push(format!("{}: {a}", lang.pick("Instansi", "Agency")));
    }
    if let Some(y) = s.year {
        who.push(format!("{}: {y}", lang.pick("Tahun", "Year")));
    }
    if !who.is_empty() {
        let _ = writeln!(out, "{}", who.join(" · "));
    }
    let o = &s.overall;
    let _ = writeln!(
        out,
        "{}",
        if o.complete() {
            format!(
                "{} {} {} {}",
                lang.pick("Terjawab", "Answered"),
                o.answered,
                lang.pick("dari", "of"),
                o.total
            )
        } else {
            format!(
                "{} {} {} {} {}",
                lang.pick("Terjawab", "Answered"),
                o.answered,
                lang.pick("dari", "of"),
                o.total,
                lang.pick(
                    "(penilaian sebagian: indeks berupa rentang yang dimungkinkan indikator yang belum dijawab)",
                    "(partial assessment: the index is the range the unanswered indicators allow)"
                )
            )
        }
    );
    let missing = s.missing();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|(k, no)| {
                let name = fw.indicator(*no).map(|i| i.name(lang)).unwrap_or_default();
                format!("{k} {name}")
            })
            .collect();
        let _ = writeln!(
            out,
            "{} ({}):\n  {}",
            lang.pick("Belum dijawab", "Not answered"),
            missing.len(),
            names.join("\n  ")
        );
    }
    out.push('\n');
    let (v, p) = value_text(fw, o, on, lang);
    match o.index() {
        Some(exact_v) => {
            let _ = writeln!(
                out,
                "{}: {v} ({p})  [{}: {}]",
                lang.pick("Indeks", "Index"),
                lang.pick("nilai persis", "exact value"),
                show_dec(exact_v, lang)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}: {v} ({p})",
                lang.pick("Rentang indeks", "Index range"),
            );
        }
    }
    if !s.domains.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("Domain", "Domains"));
        out.push_str(&units_table(fw, &s.domains, on, lang));
    }
    let _ = writeln!(out, "\n{}", lang.pick("Aspek", "Aspects"));
    out.push_str(&units_table(fw, &s.aspects, on, lang));
    if !s.external.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Indikator yang dinilai dari indeks instansi lain",
                "Indicators scored from other agencies' indices"
            )
        );
        for c in &s.external {
            let ext = fw.external_index(&c.key);
            let name = ext.map(|e| e.name.as_str()).unwrap_or(&c.key);
            let _ = writeln!(
                out,
                "  {}:{} ← {name} = {} → {} ({}: {})",
                fw.id,
                c.indicator,
                show_dec(c.index_value, lang),
                show_dec(c.value, lang),
                lang.pick(
                    "dikonversi dengan pita yang diketahui; keyakinan",
                    "converted by the known bands; confidence"
                ),
                ext.map(|e| e.confidence.as_str()).unwrap_or("-")
            );
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        match on {
            BandOn::Exact => lang.pick(
                "Predikat ditentukan dari nilai persis (praktik KemenPANRB 2024); --band-on rounded memakai nilai 2 desimal.",
                "The predicate bands the exact value (KemenPANRB 2024 practice); --band-on rounded uses the 2-decimal value."
            ),
            BandOn::Rounded => lang.pick(
                "Predikat ditentukan dari nilai yang dibulatkan ke 2 desimal (praktik KemenPANRB 2023).",
                "The predicate bands the value rounded to 2 decimals (KemenPANRB 2023 practice)."
            ),
        }
    );
    out
}
