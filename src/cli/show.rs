//! `spbe-pemdi show ID[:NO]`.

use std::fmt::Write as _;

use crate::catalog::{Framework, Indicator};
use crate::cli::{Ctx, print};
use crate::decimal::{localize, show_short};
use crate::error::{Error, Result};
use crate::text::Lang;
use crate::tr;

/// Show a framework, or one indicator with its level criteria.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  spbe-pemdi show spbe-2020\n  spbe-pemdi show spbe-2020:22\n  spbe-pemdi show pemdi-2026:5 --lang en"
)]
pub struct Args {
    /// A framework id (`spbe-2020`) or an indicator id (`spbe-2020:22`).
    pub id: String,
    /// Print JSON (the catalog entry as stored).
    #[arg(long)]
    pub json: bool,
}

/// Runs `show`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let (fw_id, no) = match args.id.split_once(':') {
        Some((f, n)) => (f, Some(n)),
        None => (args.id.as_str(), None),
    };
    let fw = data.catalog.require(fw_id)?;
    match no {
        None => {
            if args.json {
                print(&crate::json::to_pretty(fw));
            } else {
                print(&framework_text(fw, ctx.lang));
            }
        }
        Some(n) => {
            // `35` or one of its rows `35-1`; a row that does not exist
            // (`35-4`, `22-1`) is no indicator.
            let (base, row) = match n.trim().split_once('-') {
                Some((b, _)) => (b, Some(n.trim())),
                None => (n, None),
            };
            let ind = base
                .trim()
                .parse::<u32>()
                .ok()
                .and_then(|no| fw.indicator(no))
                .filter(|_| row.is_none_or(|r| fw.plan().rows.contains_key(r)))
                .ok_or_else(|| {
                    Error::usage(tr!(
                        "{} tidak punya indikator `{}`",
                        "{} has no indicator `{}`",
                        fw.id,
                        n
                    ))
                    .expected(tr!(
                        "nomor 1 sampai {}",
                        "a number from 1 to {}",
                        fw.indicators.len()
                    ))
                })?;
            if args.json {
                print(&crate::json::to_pretty(ind));
            } else {
                print(&indicator_text(fw, ind, ctx.lang));
            }
        }
    }
    Ok(0)
}

fn pct(f: crate::decimal::Frac, lang: Lang) -> String {
    format!("{}%", show_short(f.value(), lang))
}

/// `Kurang < 1,8 ≤ Cukup < 2,6 ≤ ...`
pub fn bands_text(fw: &Framework, lang: Lang) -> String {
    let mut s = String::new();
    for (i, b) in fw.predicates.bands.iter().enumerate() {
        if i > 0 {
            let _ = write!(
                s,
                " < {} ≤ ",
                localize(&crate::decimal::exact(b.from), lang)
            );
        }
        s.push_str(&b.name(lang));
    }
    s
}

fn framework_text(fw: &Framework, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", fw.id, fw.title(lang));
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("Regulasi", "Regulation"),
        lang.pick_opt(&fw.regulation, fw.regulation_en.as_deref())
    );
    let _ = writeln!(
        out,
        "{}: {} ({}: {})",
        lang.pick("Sumber", "Source"),
        lang.pick_opt(&fw.source, fw.source_en.as_deref()),
        lang.pick("keyakinan", "confidence"),
        lang.confidence(&fw.confidence)
    );
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("Skala", "Scale"),
        fw.scale_text().get(lang)
    );
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("Predikat", "Predicates"),
        bands_text(fw, lang)
    );
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}, {} {}",
        lang.pick("Struktur", "Structure"),
        fw.domains.len(),
        lang.pick("domain", "domains"),
        fw.aspects.len(),
        lang.pick("aspek", "aspects"),
        fw.indicators.len(),
        lang.pick("indikator", "indicators")
    );
    let aspect_block = |out: &mut String, a: &crate::catalog::Aspect, indent: &str| {
        let _ = writeln!(
            out,
            "{indent}{} {} {} ({})",
            lang.pick("Aspek", "Aspect"),
            a.no,
            a.name(lang),
            pct(a.weight, lang)
        );
        for no in &a.indicators {
            if let Some(i) = fw.indicator(*no) {
                let ext = if i.external.is_some() {
                    lang.pick(" [indeks eksternal]", " [external index]")
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "{indent}  {:>3}  {} ({}){ext}",
                    i.no,
                    i.name(lang),
                    pct(i.weight, lang)
                );
            }
        }
    };
    if fw.domains.is_empty() {
        for a in &fw.aspects {
            out.push('\n');
            aspect_block(&mut out, a, "");
        }
    } else {
        for d in &fw.domains {
            let _ = writeln!(
                out,
                "\n{} {} {} ({})",
                lang.pick("Domain", "Domain"),
                d.no,
                d.name(lang),
                pct(d.weight, lang)
            );
            for a in fw.aspects.iter().filter(|a| a.domain == Some(d.no)) {
                aspect_block(&mut out, a, "  ");
            }
        }
    }
    out
}

fn indicator_text(fw: &Framework, ind: &Indicator, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}:{} {}", fw.id, ind.no, ind.name);
    if lang == Lang::En {
        // The official name is Indonesian; its English gloss follows.
        let _ = writeln!(out, "  ({})", ind.name_en);
    }
    let asp = fw.aspect(ind.aspect);
    let mut place = Vec::new();
    if let Some(d) = asp.and_then(|a| a.domain).and_then(|d| fw.domain(d)) {
        place.push(format!(
            "{} {} {}",
            lang.pick("Domain", "Domain"),
            d.no,
            d.name(lang)
        ));
    }
    if let Some(a) = asp {
        place.push(format!(
            "{} {} {}",
            lang.pick("Aspek", "Aspect"),
            a.no,
            a.name(lang)
        ));
    }
    let _ = writeln!(out, "{}", place.join(" › "));
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("Bobot", "Weight"),
        pct(ind.weight, lang)
    );
    if !ind.rows.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Baris dinilai", "Scored rows"),
            ind.rows.join(", ")
        );
        if let Some(n) = &ind.rows_note {
            let _ = writeln!(out, "  {}", lang.pick_opt(n, ind.rows_note_en.as_deref()));
        }
    }
    if let Some(key) = &ind.external
        && let Some(e) = fw.external_index(key)
    {
        let _ = writeln!(
            out,
            "{}: {} ({}) [{}: {}]",
            lang.pick(
                "Dinilai dari indeks eksternal",
                "Scored from an external index"
            ),
            e.name,
            e.owner,
            lang.pick("kunci", "key"),
            e.key
        );
        match (&e.edges, &e.target_edges) {
            (Some(src), Some(dst)) => {
                let pairs: Vec<String> = src
                    .windows(2)
                    .zip(dst.windows(2))
                    .map(|(s, d)| {
                        let f =
                            |x: rust_decimal::Decimal| localize(&crate::decimal::exact(x), lang);
                        format!("{}–{} → {}–{}", f(s[0].0), f(s[1].0), f(d[0].0), f(d[1].0))
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    lang.pick(
                        "Pita konversi (linear dalam pita)",
                        "Conversion bands (linear within a band)"
                    ),
                    pairs.join("; ")
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "  {}",
                    lang.pick(
                        "Pita konversi belum diketahui: isi nilai indikator (1-5) secara langsung.",
                        "Conversion bands unknown: give the indicator value (1-5) directly."
                    )
                );
            }
        }
        let _ = writeln!(
            out,
            "  {} ({}: {})",
            lang.pick_opt(&e.note, e.note_en.as_deref()),
            lang.pick("keyakinan", "confidence"),
            lang.confidence(&e.confidence)
        );
    }
    if let Some(n) = &ind.external_note {
        let n = lang.pick_opt(n, ind.external_note_en.as_deref());
        let _ = writeln!(out, "{}: {n}", lang.pick("Catatan", "Note"));
    }
    if let Some(s) = &ind.scoring {
        let _ = writeln!(
            out,
            "{}: {} — {} ({}; {}: {})",
            lang.pick("Cara asesor menilai", "How assessors score it"),
            s.by.describe().get(lang),
            s.note.get(lang),
            lang.pick_opt(&s.source, s.source_en.as_deref()),
            lang.pick("keyakinan", "confidence"),
            lang.confidence(&s.confidence)
        );
    }
    if let Some(o) = &ind.obligation {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Kewajiban baru", "New obligation"),
            o.get(lang)
        );
    }
    if let Some(q) = &ind.question {
        let _ = writeln!(out, "\n{}: {q}", lang.pick("Pertanyaan", "Question"));
    }
    if !ind.levels.is_empty() {
        let indicative = ind.levels_indicative();
        let _ = writeln!(
            out,
            "\n{}{}",
            lang.pick("Kriteria tingkat", "Level criteria"),
            if indicative {
                lang.pick(" (indikatif)", " (indicative)")
            } else {
                ""
            }
        );
        for (k, t) in &ind.levels {
            let level: u32 = k.parse().unwrap_or(0);
            let name = fw
                .level_name(ind, level, lang)
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {k}{name}: {}", t.get(lang));
        }
        if let Some(n) = &ind.levels_note {
            let _ = writeln!(out, "  {}: {}", lang.pick("Catatan", "Note"), n.get(lang));
        }
        if let Some(c) = &ind.levels_confidence {
            let c = lang.confidence(lang.pick_opt(c, ind.levels_confidence_en.as_deref()));
            let _ = writeln!(
                out,
                "  {}: {c}",
                lang.pick("Keyakinan kriteria", "Criteria confidence")
            );
        }
    } else {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Kriteria tingkat tidak tersedia dalam rujukan.",
                "Level criteria are not available in the reference."
            )
        );
    }
    let _ = writeln!(
        out,
        "\n{}: {}{}",
        lang.pick("Keyakinan nama dan bobot", "Name and weight confidence"),
        lang.confidence(&ind.confidence),
        ind.confidence_note
            .as_deref()
            .map(|n| format!(" ({})", lang.pick_opt(n, ind.confidence_note_en.as_deref())))
            .unwrap_or_default()
    );
    if !ind.name_variants.is_empty() {
        let _ = writeln!(out, "{}:", lang.pick("Variasi nama", "Name variants"));
        for v in &ind.name_variants {
            let _ = writeln!(out, "  - {v}");
        }
    }
    out
}
