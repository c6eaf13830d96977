//! Conversion output for people (a table per target indicator, the
//! projected index) and as JSON (every field, exact decimal strings).

use std::fmt::Write as _;

use crate::convert::{Class, Conversion, Projected};
use crate::crosswalk::Evidence as Policy;
use crate::decimal::{localize, show2};
use crate::text::Lang;
use crate::texttable::TextTable;

/// The JSON form.
pub fn render_json(c: &Conversion) -> String {
    crate::json::to_pretty(c)
}

fn range(p: &Projected, lang: Lang) -> String {
    format!("{}–{}", show2(p.low, lang), show2(p.high, lang))
}

fn preds(p: &Projected) -> String {
    if p.predicate_low == p.predicate_high {
        p.predicate_low.clone()
    } else {
        format!("{}–{}", p.predicate_low, p.predicate_high)
    }
}

fn short(name: &str) -> String {
    let n = name.strip_prefix("Tingkat Kematangan ").unwrap_or(name);
    if n.chars().count() > 44 {
        let cut: String = n.chars().take(43).collect();
        format!("{cut}…")
    } else {
        n.to_string()
    }
}

/// The human-readable form.
pub fn render_text(c: &Conversion, lang: Lang) -> String {
    let mut out = String::new();
    let who: Vec<String> = [
        c.source.agency.clone(),
        c.source.year.map(|y| y.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let _ = writeln!(
        out,
        "{} {} → {}{}",
        lang.pick("Konversi", "Conversion"),
        c.source.framework,
        c.target,
        if who.is_empty() {
            String::new()
        } else {
            format!(" ({})", who.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("Jalur", "Path"),
        c.path.join(" → ")
    );
    let _ = writeln!(
        out,
        "{}: {} · {}",
        lang.pick("Data", "Data"),
        crate::data::origin_label(&c.stamp.data, lang),
        c.stamp.hash
    );
    let s = &c.source;
    let last = match s.index {
        Some(i) => format!(
            "{} ({})",
            show2(i, lang),
            s.predicate.clone().unwrap_or_default()
        ),
        None => format!(
            "{}–{}{}",
            show2(s.low, lang),
            show2(s.high, lang),
            s.predicate
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default()
        ),
    };
    let _ = writeln!(
        out,
        "{} {}: {last}; {} {} {} {}",
        lang.pick("Indeks sumber", "Source index"),
        s.framework,
        lang.pick("terjawab", "answered"),
        s.answered,
        lang.pick("dari", "of"),
        s.total
    );
    let p = &c.projected_index;
    let _ = writeln!(
        out,
        "\n{}: {} ({}); {} {} ({})",
        lang.pick("Proyeksi indeks", "Projected index"),
        show2(p.point, lang),
        p.predicate,
        lang.pick("rentang (a+b)", "range (a+b)"),
        range(p, lang),
        preds(p)
    );
    for line in crate::convert::project::range_lines(c, lang) {
        let _ = writeln!(out, "  {line}");
    }
    let mut t = TextTable::new(
        &[
            "No",
            lang.pick("Indikator", "Indicator"),
            lang.pick("Bobot", "Weight"),
            lang.pick("Kelas", "Class"),
            lang.pick("Terbukti (a)", "Evidenced (a)"),
            lang.pick("Saran", "Suggested"),
            lang.pick("Rentang (a+b)", "Range (a+b)"),
            lang.pick("Keyakinan", "Confidence"),
            lang.pick("Sumber", "Sources"),
            lang.pick("Data dukung", "Evidence"),
        ],
        &[
            true, false, true, false, true, true, false, false, false, false,
        ],
    );
    for tv in &c.indicators {
        let sources: Vec<String> = tv
            .sources
            .iter()
            .map(|s| {
                let short = s.id.split_once(':').map(|x| x.1).unwrap_or(&s.id);
                format!(
                    "{short}={}",
                    localize(&crate::decimal::exact(s.value), lang)
                )
            })
            .collect();
        let sources = match (&tv.external, tv.value) {
            (Some(e), _) if let Some(v) = e.index_value => {
                format!("{}={}", e.key, localize(&crate::decimal::exact(v), lang))
            }
            (Some(e), None) => format!("{} ?", e.key),
            _ if sources.is_empty() => "-".to_string(),
            _ if sources.len() > 6 => {
                format!("{} (+{})", sources[..5].join(" "), sources.len() - 5)
            }
            _ => sources.join(" "),
        };
        let reuse = tv
            .evidence
            .iter()
            .filter(|e| e.policy == Policy::Reuse)
            .count();
        let update = tv
            .evidence
            .iter()
            .filter(|e| e.policy == Policy::Update)
            .count();
        let evidence = match (reuse, update) {
            (0, 0) => "-".to_string(),
            (r, 0) => format!("{} {r}", lang.pick("pakai", "reuse")),
            (0, u) => format!("{} {u}", lang.pick("perbarui", "update")),
            (r, u) => format!(
                "{} {r}, {} {u}",
                lang.pick("pakai", "reuse"),
                lang.pick("perbarui", "update")
            ),
        };
        t.row(vec![
            tv.no.to_string(),
            short(lang.pick(&tv.name, &tv.name_en)),
            format!("{}%", localize(&tv.weight, lang)),
            tv.class.describe(lang).to_string(),
            crate::convert::project::evidenced_cell(tv, lang),
            tv.value
                .map(|v| show2(v, lang))
                .unwrap_or_else(|| "-".to_string()),
            format!(
                "{}–{}",
                show2(tv.estimate.low, lang),
                show2(tv.estimate.high, lang)
            ),
            tv.confidence
                .map(|c| c.describe().get(lang).to_string())
                .unwrap_or_else(|| "-".to_string()),
            sources,
            evidence,
        ]);
    }
    let _ = writeln!(out);
    out.push_str(&t.render(""));
    legend(&mut out, &c.source.framework, lang);
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick("Aspek (proyeksi)", "Aspects (projected)")
    );
    let mut a = TextTable::new(
        &[
            "No",
            lang.pick("Nama", "Name"),
            lang.pick("Bobot", "Weight"),
            lang.pick("Proyeksi", "Projected"),
            lang.pick("Rentang", "Range"),
            lang.pick("Predikat", "Predicate"),
        ],
        &[true, false, true, true, false, false],
    );
    for p in &c.projected_aspects {
        a.row(vec![
            p.no.to_string(),
            lang.pick(&p.name, &p.name_en).to_string(),
            format!("{}%", localize(&p.weight, lang)),
            show2(p.point, lang),
            range(p, lang),
            p.predicate.clone(),
        ]);
    }
    out.push_str(&a.render("  "));
    let counts: Vec<String> = c
        .counts()
        .iter()
        .map(|(cls, n)| format!("{} {n}", cls.describe(lang)))
        .collect();
    let _ = writeln!(
        out,
        "\n{}: {}",
        lang.pick("Kelas", "Classes"),
        counts.join(" · ")
    );
    for cls in Class::ALL {
        let _ = writeln!(
            out,
            "  {}: {}",
            cls.describe(lang),
            crate::convert::class_help(cls).get(lang)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Rincian satu indikator: spbe-pemdi explain pemdi-2026:N --from BERKAS",
            "Details of one indicator: spbe-pemdi explain pemdi-2026:N --from FILE"
        )
    );
    out
}

/// What the coded columns `Sumber` and `Data dukung` mean.
fn legend(out: &mut String, from: &str, lang: Lang) {
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            &format!(
                "Sumber: jawaban tahun lalu yang dipakai, nomor=nilai (11=1: indikator {from}:11 bernilai 1); (+N): N sumber lagi; kunci ? (misalnya sdi ?): indeks eksternal yang belum diberikan"
            ),
            &format!(
                "Sources: last year's answers used, number=value (11=1: indicator {from}:11 was 1); (+N): N more sources; key ? (e.g. sdi ?): an external index not given"
            ),
        )
    );
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Data dukung: jumlah data dukung lama yang dapat dipakai (pakai N) dan yang perlu diperbarui untuk kriteria baru (perbarui N)",
            "Evidence: how many old evidence items can be reused (reuse N) and how many must be updated for the new criteria (update N)",
        )
    );
}
