//! The maps and dispositions sections of a review document.

use std::fmt::Write as _;

use crate::review::document::{IndicatorRef, MapReview, Review};
use crate::review::labels::{cell, dec, numbers, rule_text};
use crate::review::markdown::indicator;
use crate::text::Lang;

pub(super) fn map(out: &mut String, m: &MapReview, r: &Review, lang: Lang) {
    let ids = |v: &[IndicatorRef]| numbers(&v.iter().map(|i| i.no).collect::<Vec<_>>());
    let _ = writeln!(
        out,
        "### `{}`: {} {} → {} {}\n",
        m.id,
        r.from.id,
        ids(&m.sources),
        r.to.id,
        ids(&m.targets)
    );
    let list = |v: &[IndicatorRef]| {
        v.iter()
            .map(|i| cell(&indicator(i, lang)))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let coverage = match (m.coverage, m.coverage_implied) {
        (Some(c), true) => format!("{} ({})", dec(c, lang), lang.pick("tersirat", "implied")),
        (Some(c), false) => dec(c, lang),
        (None, _) => lang.pick("tidak ditulis", "not written").into(),
    };
    let aggregation = match m.aggregation {
        Some(_) if !m.rungs.is_empty() => lang
            .pick(
                "tidak dipakai: anak tangga dibaca dari setiap jawaban sumber",
                "not used: the rungs are read from each source answer",
            )
            .into(),
        Some(a) => format!("`{}`: {}", a.as_str(), a.describe().get(lang)),
        None if m.sources.len() > 1 => {
            format!("— ({} `weighted_mean`)", lang.pick("bawaan", "default"))
        }
        None => "—".into(),
    };
    let rows = [
        (lang.pick("Sumber", "Sources"), list(&m.sources)),
        (lang.pick("Sasaran", "Targets"), list(&m.targets)),
        (
            lang.pick("Relasi", "Relation"),
            format!(
                "`{}`: {}",
                m.relation.as_str(),
                m.relation.describe().get(lang)
            ),
        ),
        (lang.pick("Cakupan", "Coverage"), coverage),
        (
            lang.pick("Aturan tingkat", "Level rule"),
            rule_text(&m.level_rule, lang),
        ),
        (lang.pick("Agregasi", "Aggregation"), aggregation),
        (
            lang.pick("Keyakinan", "Confidence"),
            m.confidence.describe().get(lang).into(),
        ),
        (
            lang.pick("Bukti dukung", "Evidence"),
            format!(
                "`{}`: {}",
                m.evidence.as_str(),
                m.evidence.describe().get(lang)
            ),
        ),
        (
            lang.pick("Status tinjauan", "Review status"),
            m.review.describe().get(lang).into(),
        ),
    ];
    let _ = writeln!(out, "| | |\n|---|---|");
    for (k, v) in rows {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    if !m.rungs.is_empty() {
        let _ = writeln!(
            out,
            "\n| {} | {} | {} |\n|---|---|---|",
            lang.pick("Tingkat sasaran", "Target level"),
            lang.pick("Dibuktikan oleh (salah satu)", "Evidenced by (any one)"),
            lang.pick("Catatan", "Note")
        );
        for r in &m.rungs {
            let by = if r.evidenced_by.is_empty() {
                lang.pick(
                    "— (tidak ada: nilai berhenti di bawahnya)",
                    "— (none: the value stops below it)",
                )
                .to_string()
            } else {
                r.evidenced_by
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(out, "| {} | {} | {} |", r.level, by, cell(r.note.get(lang)));
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {}\n",
        lang.pick("Alasan", "Rationale"),
        m.rationale.get(lang).trim()
    );
}

pub(super) fn dispositions(out: &mut String, r: &Review, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Disposisi", "Dispositions"));
    let _ = writeln!(
        out,
        "### {} ({})\n",
        lang.pick(
            "Indikator sumber yang dihentikan",
            "Retired source indicators"
        ),
        r.from.id
    );
    if r.retired.is_empty() {
        let _ = writeln!(out, "{}\n", lang.pick("Tidak ada.", "None."));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            lang.pick("Indikator", "Indicator"),
            lang.pick("Nama", "Name"),
            lang.pick("Alasan", "Reason")
        );
        for d in &r.retired {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                d.indicator.no,
                cell(d.indicator.name(lang)),
                cell(d.reason.get(lang))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "### {} ({})\n",
        lang.pick("Indikator sasaran baru", "New target indicators"),
        r.to.id
    );
    if r.new.is_empty() {
        let _ = writeln!(out, "{}\n", lang.pick("Tidak ada.", "None."));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            lang.pick("Indikator", "Indicator"),
            lang.pick("Nama", "Name"),
            lang.pick("Indeks eksternal", "External index"),
            lang.pick("Alasan", "Reason")
        );
        for d in &r.new {
            let ext = d
                .external
                .as_ref()
                .map(|k| format!("`{k}`"))
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                out,
                "| {} | {} | {ext} | {} |",
                d.indicator.no,
                cell(d.indicator.name(lang)),
                cell(d.reason.get(lang))
            );
        }
        out.push('\n');
    }
}
