//! `calibrate` output: text for people, JSON for machines.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::calibration::model::Errors;
use crate::calibration::{Method, Outcome, basis, show_exact};
use crate::decimal::show2;
use crate::text::Lang;

fn opt(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or("–".to_string(), |d| show_exact(d, lang))
}

fn pct(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or("–".to_string(), |d| {
        format!(
            "{} %",
            show_exact((d * Decimal::ONE_HUNDRED).round_dp(1), lang)
        )
    })
}

fn row(out: &mut String, name: &str, e: &Errors, lang: Lang) {
    let _ = writeln!(
        out,
        "  {:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>12} {:>12}",
        name,
        opt(e.indicator_mae, lang),
        opt(e.indicator_max, lang),
        opt(e.index_mae, lang),
        opt(e.index_max, lang),
        opt(e.spearman, lang),
        pct(e.indicator_coverage, lang),
        pct(e.index_coverage, lang),
    );
}

/// The outcome for people.
pub fn render_text(o: &Outcome, lang: Lang) -> String {
    let c = &o.calibration;
    let mut out = String::new();
    let l = |id: &'static str, en: &'static str| lang.pick(id, en);
    let _ = writeln!(
        out,
        "{} {} ({} → {}; {})",
        l("Kalibrasi", "Calibration"),
        c.reference(),
        c.from,
        c.to,
        basis(c, lang)
    );
    let _ = writeln!(out, "{}: {}", l("Jalur", "Path"), c.crosswalks.join(" → "));
    let params = match c.method {
        Method::Global => format!(
            "c = {}, s = {}",
            show_exact(c.parameters.offset, lang),
            show_exact(c.parameters.strictness, lang)
        ),
        Method::PerAspect => {
            std::iter::once(format!("c = {}", show_exact(c.parameters.offset, lang)))
                .chain(
                    c.parameters
                        .aspects
                        .iter()
                        .map(|(k, v)| format!("s{k} = {}", show_exact(v.0, lang))),
                )
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let _ = writeln!(
        out,
        "{}: {} ({})",
        l("Parameter", "Parameters"),
        params,
        match c.method {
            Method::Global => l(
                "satu kemiringan global dan satu geseran global",
                "one global slope and one global offset"
            ),
            Method::PerAspect => l(
                "satu kemiringan per aspek dan satu geseran global",
                "one slope per aspect and one global offset"
            ),
        }
    );
    let _ = writeln!(
        out,
        "{}: ±{} ({} % {}, {} {})",
        l("Pita kalibrasi", "Calibration band"),
        show2(c.band.width, lang),
        show_exact(c.band.coverage * Decimal::ONE_HUNDRED, lang),
        l("nilai indikator", "of indicator values"),
        c.band.m,
        if c.band.residuals == "in_sample" {
            l("residual dalam sampel", "in-sample residuals")
        } else {
            l("residual leave-one-out", "leave-one-out residuals")
        }
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>12} {:>12}",
        l("Galat", "Errors"),
        l("MAE ind.", "ind. MAE"),
        l("maks ind.", "ind. max"),
        l("MAE indeks", "index MAE"),
        l("maks idx", "index max"),
        "Spearman",
        l("dlm rentang", "in range"),
        l("idx dlm rtg", "index in rg"),
    );
    let e = &c.errors;
    row(
        &mut out,
        l("model (dalam sampel)", "model (in-sample)"),
        &e.in_sample,
        lang,
    );
    if let Some(loo) = &e.leave_one_out {
        row(
            &mut out,
            l("model (leave-one-out)", "model (leave-one-out)"),
            loo,
            lang,
        );
    }
    for (key, id, en) in [
        ("floor", "dasar: semua di lantai", "baseline: all at floor"),
        ("ratio", "dasar: rasio", "baseline: ratio"),
        ("ratio_loo", "dasar: rasio (LOO)", "baseline: ratio (LOO)"),
        ("linear", "dasar: garis", "baseline: line"),
        ("linear_loo", "dasar: garis (LOO)", "baseline: line (LOO)"),
    ] {
        if let Some(b) = e.baselines.get(key) {
            row(&mut out, l(id, en), b, lang);
        }
    }
    if c.n == 1 {
        let _ = writeln!(
            out,
            "  {}",
            l(
                "n = 1: rasio dan garis memasang satu pasangan itu persis; bandingkan leave-one-out bila n >= 2",
                "n = 1: the ratio and the line fit the one pair exactly; compare leave-one-out when n >= 2"
            )
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<32} {:>8} {:>8} {:>9} {:>18}",
        l("Instansi", "Agency"),
        l("lama", "old"),
        l("nyata", "real"),
        l("terbukti", "evidenced"),
        l("proyeksi", "projected"),
    );
    for p in &o.pairs {
        let name: String = p.agency.chars().take(32).collect();
        let _ = writeln!(
            out,
            "  {:<32} {:>8} {:>8} {:>9} {:>18}",
            name,
            show2(p.old_index, lang),
            opt(p.real_index.map(|d| d.round_dp(4)), lang),
            show2(p.evidenced_index, lang),
            format!(
                "{} ({}–{})",
                show2(p.projected_index.point, lang),
                show2(p.projected_index.low, lang),
                show2(p.projected_index.high, lang)
            ),
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<16} {:>6} {:>4} {:>8} {:>9} {:>9} {:>8} {:>8}",
        l("Indikator", "Indicator"),
        l("bobot", "weight"),
        "n",
        l("nyata", "real"),
        l("terbukti", "evidenced"),
        l("proyeksi", "projected"),
        l("selisih", "bias"),
        "MAE",
    );
    for i in &o.indicators {
        let _ = writeln!(
            out,
            "  {:<16} {:>6} {:>4} {:>8} {:>9} {:>9} {:>8} {:>8}",
            i.id,
            show_exact(i.weight, lang),
            i.n,
            opt(i.real, lang),
            opt(i.evidenced, lang),
            opt(i.projected, lang),
            opt(i.bias, lang),
            opt(i.mae, lang),
        );
    }
    let _ = writeln!(out);
    out.push_str(match lang {
        Lang::Id => &c.description,
        Lang::En => &c.description_en,
    });
    out.push('\n');
    out
}

/// The outcome as JSON (decimals as strings).
pub fn render_json(o: &Outcome) -> String {
    let c = &o.calibration;
    let e = &c.errors;
    let mut baselines = serde_json::Map::new();
    let mut baselines_loo = serde_json::Map::new();
    for name in ["floor", "ratio", "linear"] {
        if let Some(b) = e.baselines.get(name) {
            baselines.insert(name.into(), json!(b));
        }
        let loo = if name == "floor" {
            e.baselines.get("floor")
        } else {
            e.baselines.get(&format!("{name}_loo"))
        };
        if let (Some(b), true) = (loo, e.leave_one_out.is_some()) {
            baselines_loo.insert(name.into(), json!(b));
        }
    }
    let mut v = json!({
        "n": c.n,
        "id": c.id,
        "version": c.version,
        "changed": o.changed,
        "method": c.method,
        "parameters": c.parameters,
        "band": c.band,
        "model": e.in_sample,
        "baselines": Value::Object(baselines),
        "pairs": o.pairs,
        "indicators": o.indicators,
        "calibration": c,
    });
    if let Some(l) = &e.leave_one_out {
        v["loo"] = json!(l);
        v["baselines_loo"] = Value::Object(baselines_loo);
    }
    crate::json::to_pretty(&v)
}

/// The calibration's section of the review document of crosswalk
/// `reviewed` (`id@version`) (Markdown).
pub fn review_markdown(c: &crate::calibration::Calibration, reviewed: &str, lang: Lang) -> String {
    let mut out = String::new();
    let l = |id: &'static str, en: &'static str| lang.pick(id, en);
    let _ = writeln!(
        out,
        "## {} `{}`\n",
        l("Kalibrasi proyeksi", "Projection calibration"),
        c.reference()
    );
    if !c.crosswalks.iter().any(|x| x == reviewed) {
        let _ = writeln!(
            out,
            "**{}** {}\n",
            l("Usang:", "Stale:"),
            match lang {
                Lang::Id => format!(
                    "kalibrasi ini dipasang pada {}, bukan `{reviewed}`; pasang ulang dengan `spbe-pemdi calibrate MANIFES --data mappings --write`.",
                    c.crosswalks.join(" → ")
                ),
                Lang::En => format!(
                    "this calibration was fitted on {}, not `{reviewed}`; refit it with `spbe-pemdi calibrate MANIFEST --data mappings --write`.",
                    c.crosswalks.join(" → ")
                ),
            }
        );
    }
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| {} | {} |",
        l("Dipasang pada", "Fitted on"),
        c.crosswalks
            .iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(" → ")
    );
    let _ = writeln!(
        out,
        "| {} | `{}` |",
        l("Metode", "Method"),
        c.method.as_str()
    );
    let mut params = vec![
        format!("c = {}", show_exact(c.parameters.offset, lang)),
        format!("s = {}", show_exact(c.parameters.strictness, lang)),
    ];
    for (k, v) in &c.parameters.aspects {
        params.push(format!("s{k} = {}", show_exact(v.0, lang)));
    }
    let _ = writeln!(
        out,
        "| {} | {} |",
        l("Parameter", "Parameters"),
        params.join(", ")
    );
    let _ = writeln!(
        out,
        "| {} | ±{} ({} %, {} {}) |",
        l("Pita kalibrasi", "Calibration band"),
        show2(c.band.width, lang),
        show_exact(c.band.coverage * Decimal::ONE_HUNDRED, lang),
        c.band.m,
        if c.band.residuals == "in_sample" {
            l("residual dalam sampel", "in-sample residuals")
        } else {
            l("residual leave-one-out", "leave-one-out residuals")
        }
    );
    let _ = writeln!(out, "| n | {} |\n", basis(c, lang));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        l("Instansi", "Agency"),
        l("Tahun", "Years"),
        l("Status", "Status"),
        l("Sumber", "Source")
    );
    for p in &c.pairs {
        let years = match (p.from_year, p.to_year) {
            (Some(a), Some(b)) => format!("{a} → {b}"),
            _ => "–".into(),
        };
        let status = if p.status == "final" {
            l("final", "final")
        } else {
            l("sementara", "provisional")
        };
        // The result file's own words, quoted as they are (in its language).
        let source = match p.source.as_deref() {
            Some(t) => format!("“{}”", t.replace('|', "\\|")),
            None => "–".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {years} | {status} | {source} |",
            p.agency.replace('|', "\\|"),
        );
    }
    let _ = writeln!(
        out,
        "\n| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|",
        l("Galat", "Errors"),
        l("MAE per indikator", "indicator MAE"),
        l("maks per indikator", "indicator max"),
        l("MAE indeks", "index MAE"),
        l("maks indeks", "index max"),
    );
    let e = &c.errors;
    let mut rows: Vec<(&str, &Errors)> =
        vec![(l("model (dalam sampel)", "model (in-sample)"), &e.in_sample)];
    if let Some(loo) = &e.leave_one_out {
        rows.push((l("model (leave-one-out)", "model (leave-one-out)"), loo));
    }
    for (key, id, en) in [
        ("floor", "dasar: semua di lantai", "baseline: all at floor"),
        ("ratio", "dasar: rasio", "baseline: ratio"),
        ("ratio_loo", "dasar: rasio (LOO)", "baseline: ratio (LOO)"),
        ("linear", "dasar: garis", "baseline: line"),
        ("linear_loo", "dasar: garis (LOO)", "baseline: line (LOO)"),
    ] {
        if let Some(b) = e.baselines.get(key) {
            rows.push((l(id, en), b));
        }
    }
    for (name, r) in rows {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            opt(r.indicator_mae, lang),
            opt(r.indicator_max, lang),
            opt(r.index_mae, lang),
            opt(r.index_max, lang)
        );
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        match lang {
            Lang::Id => &c.description,
            Lang::En => &c.description_en,
        }
    );
    out
}
