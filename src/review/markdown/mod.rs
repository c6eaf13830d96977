//! The review document as Markdown, in Bahasa Indonesia or English.

use std::fmt::Write as _;

use crate::crosswalk::{Confidence, Relation};

mod coverage;
mod maps;
use crate::review::document::{IndicatorRef, Review};
use crate::review::labels::{cell, percent};
use crate::text::Lang;

/// `3 Tata Kelola Pemdi (bobot 5)`.
pub(super) fn indicator(i: &IndicatorRef, lang: Lang) -> String {
    format!(
        "{} {} ({} {})",
        i.no,
        i.name(lang),
        lang.pick("bobot", "weight"),
        crate::decimal::localize(&i.weight, lang)
    )
}

/// `tinggi` → `Tinggi`.
pub(super) fn capital(s: &str) -> String {
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
        r.source.get(lang).trim()
    );
    if let Some(c) = &r.calibration {
        let _ = writeln!(
            out,
            "{}: {}\n",
            lang.pick("Kalibrasi", "Calibration"),
            c.get(lang).trim()
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
        coverage::render(&mut out, r, to, lang);
    }
    let _ = writeln!(out, "## {}\n", lang.pick("Peta", "Maps"));
    for m in &r.maps {
        maps::map(&mut out, m, r, lang);
    }
    maps::dispositions(&mut out, r, lang);
    if let Some(c) = &r.projection {
        let reviewed = format!("{}@{}", r.id, r.version);
        out.push_str(&crate::calibration::review_markdown(c, &reviewed, lang));
    }
    findings(&mut out, r, lang);
    out
}
