//! A diff (and its impact) as Markdown in Bahasa Indonesia or English, or
//! as JSON.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::review::diff::{Bump, Diff, Field, Severity};
use crate::review::impact::Impact;
use crate::review::labels::cell;
use crate::text::Lang;

/// The JSON form: the diff, with `impact` when a corpus was given.
pub fn json(diff: &Diff, impact: Option<&Impact>) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        #[serde(flatten)]
        diff: &'a Diff,
        #[serde(skip_serializing_if = "Option::is_none")]
        impact: Option<&'a Impact>,
    }
    crate::json::to_pretty(&Report { diff, impact })
}

fn bump(b: Bump, lang: Lang) -> &'static str {
    match b {
        Bump::None => lang.pick("tidak ada", "none"),
        Bump::Patch => "PATCH",
        Bump::Minor => "MINOR",
        Bump::Major => "MAJOR",
    }
}

/// Values that are numbers or rules get a decimal comma in Indonesian.
fn value(field: Field, v: &Option<String>, lang: Lang) -> String {
    match v {
        None => "—".to_string(),
        Some(s) if matches!(field, Field::Coverage | Field::LevelRule | Field::Map) => {
            cell(&crate::decimal::localize(s, lang))
        }
        Some(s) if s.is_empty() => "\"\"".to_string(),
        Some(s) => cell(s),
    }
}

/// `-0,0125` (exact up to 4 decimals, else rounded half up to 4).
fn delta(d: Decimal, lang: Lang) -> String {
    let r = crate::decimal::round(d, 4).normalize();
    crate::decimal::localize(&crate::decimal::exact(r), lang)
}

fn changes(out: &mut String, diff: &Diff, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Perubahan", "Changes"));
    if diff.changes.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            lang.pick("Tidak ada perubahan.", "No changes.")
        );
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        lang.pick("Tingkat", "Severity"),
        lang.pick("Tempat", "Where"),
        lang.pick("Bidang", "Field"),
        lang.pick("Lama", "Old"),
        lang.pick("Baru", "New"),
        lang.pick("Mengapa", "Why")
    );
    for c in &diff.changes {
        let at = match (&c.map, &c.indicator) {
            (Some(m), _) => format!("`{m}`"),
            (None, Some(i)) => i.clone(),
            (None, None) => lang.pick("crosswalk", "crosswalk").to_string(),
        };
        let _ = writeln!(
            out,
            "| `{}` | {at} | `{}` | {} | {} | {} |",
            c.severity.as_str(),
            c.field.as_str(),
            value(c.field, &c.old, lang),
            value(c.field, &c.new, lang),
            cell(c.why.get(lang))
        );
    }
    out.push('\n');
}

fn impact(out: &mut String, i: &Impact, lang: Lang) {
    let _ = writeln!(
        out,
        "## {} `{}` ({} {})\n",
        lang.pick("Dampak pada korpus", "Impact on the corpus"),
        i.corpus,
        lang.pick("dikonversi ke", "converted to"),
        i.target
    );
    let _ = writeln!(
        out,
        "- {}: {} — {} {}, {} {}, {} {}",
        lang.pick("Berkas", "Files"),
        i.files,
        lang.pick("dikonversi", "converted"),
        i.agencies.len(),
        lang.pick("tidak dikonversi", "not converted"),
        i.skipped.len(),
        lang.pick("gagal dibaca", "unreadable"),
        i.unreadable.len()
    );
    let x = &i.index;
    let dash = |d: Option<Decimal>| d.map(|d| delta(d, lang)).unwrap_or_else(|| "—".into());
    let _ = writeln!(
        out,
        "- {}: min {} · median {} · {} {}\n",
        lang.pick(
            "Δ indeks proyeksi (baru − lama)",
            "Projected index Δ (new − old)"
        ),
        dash(x.min),
        dash(x.median),
        lang.pick("maks", "max"),
        dash(x.max)
    );
    let l = |s: &str| crate::decimal::localize(s, lang);
    let _ = writeln!(
        out,
        "| {} | 0 < \\|Δ\\| < {} | {} ≤ \\|Δ\\| < {} | {} ≤ \\|Δ\\| < {} | \\|Δ\\| ≥ {} |\n|---|---|---|---|---|",
        lang.pick("Tidak berubah", "Unchanged"),
        l("0.05"),
        l("0.05"),
        l("0.10"),
        l("0.10"),
        l("0.25"),
        l("0.25")
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n",
        x.unchanged, x.below_0_05, x.below_0_10, x.below_0_25, x.from_0_25
    );
    let touched: Vec<_> = i
        .indicators
        .iter()
        .filter(|t| t.value + t.range + t.class > 0)
        .collect();
    let _ = writeln!(
        out,
        "### {}\n",
        lang.pick(
            "Indikator sasaran yang berubah",
            "Target indicators that change"
        )
    );
    if touched.is_empty() {
        let _ = writeln!(out, "{}\n", lang.pick("Tidak ada.", "None."));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            lang.pick("Sasaran", "Target"),
            lang.pick("Nama", "Name"),
            lang.pick(
                "Instansi dgn nilai saran lain",
                "Agencies with another suggested value"
            ),
            lang.pick("Instansi dgn rentang lain", "Agencies with another range"),
            lang.pick("Instansi dgn kelas lain", "Agencies with another class")
        );
        for t in touched {
            let name = lang.pick(&t.name, &t.name_en);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                t.id,
                cell(name),
                t.value,
                t.range,
                t.class
            );
        }
        out.push('\n');
    }
    if !i.agencies.is_empty() {
        let _ = writeln!(out, "### {}\n", lang.pick("Per instansi", "Per agency"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | Δ | {} |\n|---|---|---|---|---|---|---|",
            lang.pick("Berkas", "File"),
            lang.pick("Instansi", "Agency"),
            lang.pick("Tahun", "Year"),
            lang.pick("Indeks lama", "Old index"),
            lang.pick("Indeks baru", "New index"),
            lang.pick("Sasaran berubah", "Targets changed")
        );
        for a in &i.agencies {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(&a.file),
                cell(a.agency.as_deref().unwrap_or("—")),
                a.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
                delta(a.old_index, lang),
                delta(a.new_index, lang),
                delta(a.delta, lang),
                if a.changed.is_empty() {
                    "—".to_string()
                } else {
                    a.changed.join(", ")
                }
            );
        }
        out.push('\n');
    }
    for (title, list) in [
        (
            lang.pick(
                "Tidak dikonversi (jalurnya tidak memakai crosswalk ini, atau konversi gagal)",
                "Not converted (the path does not use this crosswalk, or the conversion fails)",
            ),
            &i.skipped,
        ),
        (
            lang.pick("Gagal dibaca (dilewati)", "Unreadable (skipped)"),
            &i.unreadable,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        for s in list {
            let _ = writeln!(out, "- `{}`: {}", s.file, s.reason.get(lang));
        }
        out.push('\n');
    }
}

/// The Markdown form in `lang`.
pub fn markdown(diff: &Diff, imp: Option<&Impact>, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {} → {}\n",
        lang.pick("Perbedaan crosswalk", "Crosswalk diff"),
        diff.old.reference,
        diff.new.reference
    );
    let _ = writeln!(
        out,
        "| | {} | {} |\n|---|---|---|\n| {} | `{}` | `{}` |\n",
        lang.pick("Lama", "Old"),
        lang.pick("Baru", "New"),
        lang.pick("Berkas", "File"),
        diff.old.file,
        diff.new.file
    );
    let _ = writeln!(out, "## {}\n", lang.pick("Ringkasan", "Summary"));
    let _ = writeln!(
        out,
        "- {}: {} (`outcome` {} · `range` {} · `text` {})",
        lang.pick("Perubahan", "Changes"),
        diff.changes.len(),
        diff.count(Severity::Outcome),
        diff.count(Severity::Range),
        diff.count(Severity::Text)
    );
    let v = &diff.version;
    let verdict = match (v.actual, v.ok) {
        (None, _) => lang.pick(
            "versi tidak valid atau turun",
            "a version is invalid or goes down",
        ),
        (Some(_), true) => lang.pick("cukup", "enough"),
        (Some(_), false) => lang.pick("kurang", "not enough"),
    };
    let _ = writeln!(
        out,
        "- {}: {} {}; {} {} ({verdict})\n",
        lang.pick("Versi", "Version"),
        lang.pick(
            "perubahan ini menuntut kenaikan",
            "these changes call for a bump of"
        ),
        bump(v.required, lang),
        lang.pick("yang dibuat:", "made:"),
        v.actual.map(|b| bump(b, lang)).unwrap_or("—"),
    );
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Tingkat: `outcome` dapat mengubah nilai saran atau kelas; `range` hanya rentang atau kepastian yang dilaporkan; `text` tidak mengubah konversi.",
            "Severity: `outcome` can change suggested values or classes; `range` only ranges or the certainty reported; `text` changes no conversion."
        )
    );
    changes(&mut out, diff, lang);
    if let Some(i) = imp {
        impact(&mut out, i, lang);
    }
    out
}
