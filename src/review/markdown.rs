//! The review document as Markdown, in Bahasa Indonesia or English.

use std::fmt::Write as _;

use crate::crosswalk::{Confidence, Relation};
use crate::review::coverage::{Disposition, Tally};
use crate::review::document::{IndicatorRef, MapReview, Review};
use crate::review::labels::{cell, dec, numbers, percent, rule_text};
use crate::text::Lang;

/// `3 Tata Kelola Pemdi (bobot 5)`.
fn indicator(i: &IndicatorRef, lang: Lang) -> String {
    format!(
        "{} {} ({} {})",
        i.no,
        i.name(lang),
        lang.pick("bobot", "weight"),
        crate::decimal::localize(&i.weight, lang)
    )
}

/// `tinggi` → `Tinggi`.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn counts<K: Copy>(
    items: &std::collections::BTreeMap<K, usize>,
    name: impl Fn(K) -> String,
    lang: Lang,
) -> String {
    if items.is_empty() {
        return lang.pick("tidak ada", "none").to_string();
    }
    items
        .iter()
        .map(|(k, n)| format!("{} {n}", name(*k)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn summary(out: &mut String, r: &Review, lang: Lang) {
    let s = &r.summary;
    let o = &r.coverage.overall;
    let _ = writeln!(out, "## {}\n", lang.pick("Ringkasan", "Summary"));
    let _ = writeln!(
        out,
        "- {}: {} ({} {}, {} {})",
        lang.pick("Peta", "Maps"),
        s.maps,
        s.reviewed,
        lang.pick("sudah ditinjau", "reviewed"),
        s.maps - s.reviewed,
        lang.pick("draf", "draft")
    );
    let rel = |r: Relation| format!("`{}`", r.as_str());
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.pick("Relasi", "Relations"),
        counts(&s.relations, rel, lang)
    );
    let conf = |c: Confidence| c.describe().get(lang).to_string();
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.pick("Keyakinan", "Confidence"),
        counts(&s.confidences, conf, lang)
    );
    let _ = writeln!(
        out,
        "- {} ({}): {} — {} {}, {} {}, {} {}",
        lang.pick("Indikator sumber", "Source indicators"),
        r.from.id,
        s.sources,
        lang.pick("dipetakan", "mapped"),
        s.sources_mapped,
        lang.pick("dihentikan", "retired"),
        s.sources_retired,
        lang.pick("tanpa disposisi", "not disposed of"),
        s.sources_undisposed
    );
    let _ = writeln!(
        out,
        "- {} ({}): {} — {} {}, {} {} ({} {}), {} {}",
        lang.pick("Indikator sasaran", "Target indicators"),
        r.to.id,
        s.targets,
        lang.pick("dipetakan", "mapped"),
        s.targets_mapped,
        lang.pick("baru", "new"),
        s.targets_new,
        lang.pick(
            "dinilai dari indeks eksternal",
            "scored from an external index"
        ),
        s.targets_external,
        lang.pick("tanpa disposisi", "not disposed of"),
        s.targets_undisposed
    );
    let _ = writeln!(
        out,
        "- {}: {} ({} {} · {} {} · {} {})",
        lang.pick("Bobot sasaran yang tercakup", "Target weight covered"),
        percent(o.share(o.covered()), lang),
        Confidence::High.describe().get(lang),
        percent(o.share(o.high), lang),
        Confidence::Medium.describe().get(lang),
        percent(o.share(o.medium), lang),
        Confidence::Low.describe().get(lang),
        percent(o.share(o.low), lang)
    );
    let _ = writeln!(
        out,
        "- {}: {} {}, {} {}\n",
        lang.pick("Temuan lint", "Lint findings"),
        s.errors,
        lang.pick("galat", "errors"),
        s.warnings,
        lang.pick("peringatan", "warnings")
    );
}

fn tally_row(out: &mut String, label: &str, name: &str, t: &Tally, lang: Lang) {
    let _ = writeln!(
        out,
        "| {label} | {} | {} | {} | {} | {} | {} | {} |",
        cell(name),
        dec(t.weight, lang),
        percent(t.share(t.covered()), lang),
        percent(t.share(t.high), lang),
        percent(t.share(t.medium), lang),
        percent(t.share(t.low), lang),
        percent(t.share(t.weight - t.covered()), lang),
    );
}

fn coverage(out: &mut String, r: &Review, fw: &crate::catalog::Framework, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Cakupan", "Coverage"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Bagian tercakup sebuah sasaran = `coverage` petanya (1 bila `equal`/`superset`; 0 bila baru, tanpa peta, atau `coverage` tidak ditulis); bobot tercakup = bagian × bobot sasaran, dijumlah per aspek dan dipilah menurut keyakinan peta.",
            "A target's covered share = its map's `coverage` (1 for `equal`/`superset`; 0 when new, unmapped, or `coverage` is not written); covered weight = share × the target's weight, summed per aspect and split by the map's confidence."
        )
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        lang.pick("Sasaran", "Target"),
        lang.pick("Nama", "Name"),
        lang.pick("Bobot", "Weight"),
        lang.pick("Peta", "Map"),
        lang.pick("Relasi", "Relation"),
        lang.pick("Bagian tercakup", "Covered share"),
        lang.pick("Keyakinan", "Confidence"),
        lang.pick("Bobot tercakup", "Covered weight"),
    );
    for t in &r.coverage.targets {
        let name = IndicatorRef::of(fw, t.no);
        let (map, relation) = match (&t.map, t.disposition) {
            (Some(m), _) => (
                format!("`{m}`"),
                t.relation
                    .map(|r| format!("`{}`", r.as_str()))
                    .unwrap_or_default(),
            ),
            (None, Disposition::New) => (
                match &t.external {
                    Some(k) => format!("{} (`{k}`)", lang.pick("baru", "new")),
                    None => lang.pick("baru", "new").to_string(),
                },
                "—".into(),
            ),
            (None, _) => (
                lang.pick("tanpa disposisi", "not disposed of").into(),
                "—".into(),
            ),
        };
        let share = match t.share {
            Some(s) if t.implied => {
                format!("{} ({})", dec(s, lang), lang.pick("tersirat", "implied"))
            }
            Some(s) => dec(s, lang),
            None => lang.pick("tidak ditulis", "not written").into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {map} | {relation} | {share} | {} | {} |",
            t.no,
            cell(name.name(lang)),
            dec(t.weight, lang),
            t.confidence
                .map(|c| c.describe().get(lang).to_string())
                .unwrap_or_else(|| "—".into()),
            dec(t.covered, lang),
        );
    }
    let _ = writeln!(
        out,
        "\n| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        lang.pick("Aspek", "Aspect"),
        lang.pick("Nama", "Name"),
        lang.pick("Bobot", "Weight"),
        lang.pick("Tercakup", "Covered"),
        capital(Confidence::High.describe().get(lang)),
        capital(Confidence::Medium.describe().get(lang)),
        capital(Confidence::Low.describe().get(lang)),
        lang.pick("Tidak tercakup", "Not covered"),
    );
    for a in &r.coverage.aspects {
        let name = fw.aspect(a.no).map(|x| x.name(lang)).unwrap_or_default();
        tally_row(out, &a.no.to_string(), name, a, lang);
    }
    tally_row(
        out,
        lang.pick("**Semua**", "**All**"),
        "",
        &r.coverage.overall,
        lang,
    );
    out.push('\n');
}

fn map(out: &mut String, m: &MapReview, r: &Review, lang: Lang) {
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
    let _ = writeln!(
        out,
        "\n{}: {}\n",
        lang.pick("Alasan", "Rationale"),
        m.rationale.trim()
    );
}

fn dispositions(out: &mut String, r: &Review, lang: Lang) {
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
                cell(&d.reason)
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
                cell(&d.reason)
            );
        }
        out.push('\n');
    }
}

fn findings(out: &mut String, r: &Review, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Temuan lint", "Lint findings"));
    if r.findings.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Tidak ada temuan.", "No findings."));
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        lang.pick("Kode", "Code"),
        lang.pick("Tingkat", "Severity"),
        lang.pick("Baris", "Line"),
        lang.pick("Tempat", "Place"),
        lang.pick("Pesan", "Message")
    );
    for f in &r.findings {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            f.code,
            f.severity.label(lang),
            f.line.map(|l| l.to_string()).unwrap_or_else(|| "—".into()),
            cell(&f.place),
            cell(f.message.get(lang))
        );
    }
}

/// The review document as Markdown in `lang`. `data` supplies the names of
/// aspects; indicator names are in the review itself.
pub fn render(r: &Review, data: &crate::data::Data, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} `{}` {} {}\n",
        lang.pick("Tinjauan crosswalk", "Crosswalk review:"),
        r.id,
        lang.pick("versi", "version"),
        r.version
    );
    let _ = writeln!(out, "**{}**\n", r.title);
    let title = |f: &crate::review::document::FrameworkRef| match lang {
        Lang::Id => f.title.clone(),
        Lang::En => f.title_en.clone(),
    };
    let yes_no = |b: bool| {
        if b {
            lang.pick("ya", "yes")
        } else {
            lang.pick("tidak", "no")
        }
    };
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| {} | `{}`: {} |",
        lang.pick("Dari", "From"),
        r.from.id,
        title(&r.from)
    );
    let _ = writeln!(
        out,
        "| {} | `{}`: {} |",
        lang.pick("Ke", "To"),
        r.to.id,
        title(&r.to)
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        lang.pick("Status", "Status"),
        r.status.describe().get(lang)
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        lang.pick("Utama (`primary`)", "Primary"),
        yes_no(r.primary)
    );
    let _ = writeln!(out, "| {} | `{}` |\n", lang.pick("Berkas", "File"), r.file);
    let _ = writeln!(
        out,
        "{}: {}\n",
        lang.pick("Sumber bacaan", "Source"),
        r.source.trim()
    );
    if let Some(c) = &r.calibration {
        let _ = writeln!(
            out,
            "{}: {}\n",
            lang.pick("Kalibrasi", "Calibration"),
            c.trim()
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Nama indikator ditulis tanpa awalan \"Tingkat Kematangan\".",
            "Indicator names are the English glosses of the catalogs."
        )
    );
    summary(&mut out, r, lang);
    if let Some(to) = data.catalog.get(&r.to.id) {
        coverage(&mut out, r, to, lang);
    }
    let _ = writeln!(out, "## {}\n", lang.pick("Peta", "Maps"));
    for m in &r.maps {
        map(&mut out, m, r, lang);
    }
    dispositions(&mut out, r, lang);
    findings(&mut out, r, lang);
    out
}
