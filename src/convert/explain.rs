//! `explain`: the derivation of one target value, hop by hop, in words.

use std::fmt::Write as _;

use crate::catalog::Framework;
use crate::convert::{Class, Conversion, TargetValue, class_help};
use crate::crosswalk::Evidence as Policy;
use crate::decimal::{localize, show2};
use crate::text::Lang;

fn num(d: rust_decimal::Decimal, lang: Lang) -> String {
    localize(&crate::decimal::exact(d), lang)
}

fn policy(p: Policy, lang: Lang) -> &'static str {
    match p {
        Policy::Reuse => lang.pick("pakai apa adanya", "reuse as is"),
        Policy::Update => lang.pick(
            "perbarui sesuai kriteria baru",
            "update to the new criteria",
        ),
        Policy::Drop => lang.pick("tidak terpakai", "does not serve"),
    }
}

fn relation(r: &str, lang: Lang) -> String {
    let what = match r {
        "equal" => lang.pick("sama cakupannya", "the same scope"),
        "subset" => lang.pick(
            "sumber mencakup sebagian sasaran",
            "the sources cover part of the target",
        ),
        "superset" => lang.pick(
            "sumber mencakup sasaran dan lebih",
            "the sources cover the target and more",
        ),
        "intersects" => lang.pick("beririsan sebagian", "they overlap in part"),
        _ => lang.pick("tidak berkaitan", "unrelated"),
    };
    format!("{} ({what})", relation_words(r, lang))
}

/// A relation label (`subset`, `{subset, intersects}`) in the words of
/// `lang`: Indonesian names the relations (`bagian dari`); English keeps
/// the crosswalk's own terms.
fn relation_words(r: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return r.to_string();
    }
    let words: Vec<String> = r
        .trim_matches(['{', '}'])
        .split(',')
        .map(str::trim)
        .map(|x| match crate::crosswalk::Relation::parse(x) {
            Some(rel) => rel.describe().get(lang).to_string(),
            None if x == "unknown" => "tidak diketahui".to_string(),
            None => x.to_string(),
        })
        .collect();
    words.join(" atau ")
}

/// The explanation of target `t` of `c`, with the target framework `fw`.
pub fn explain(c: &Conversion, t: &TargetValue, fw: &Framework, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({} {}%)",
        t.id,
        lang.pick(&t.name, &t.name_en),
        lang.pick("bobot", "weight"),
        localize(&t.weight, lang)
    );
    let _ = writeln!(
        out,
        "{}: {} — {}",
        lang.pick("Kelas", "Class"),
        t.class.describe(lang),
        class_help(t.class).get(lang)
    );
    let value = t
        .value
        .map(|v| show2(v, lang))
        .unwrap_or_else(|| lang.pick("(kosong)", "(empty)").to_string());
    let _ = writeln!(
        out,
        "{}: {value}; {}: {} ({}: {}–{})",
        lang.pick("Saran", "Suggested"),
        lang.pick("titik proyeksi", "projection point"),
        show2(t.estimate.point, lang),
        lang.pick("rentang (a+b)", "range (a+b)"),
        show2(t.estimate.low, lang),
        show2(t.estimate.high, lang)
    );
    let _ = writeln!(
        out,
        "{}: {}; {}: {}–{}",
        lang.pick("Nilai terbukti", "Evidenced value"),
        show2(t.evidenced.point, lang),
        lang.pick(
            "(a) rentang dari jawaban sumber yang kosong",
            "(a) range from unanswered sources"
        ),
        show2(t.evidenced.low, lang),
        show2(t.evidenced.high, lang)
    );
    match (&c.calibration, t.band) {
        (Some(k), Some(b)) => {
            let x = crate::calibration::show_exact;
            let _ = writeln!(
                out,
                "{}: {} {}: 1 + {} + {} × ({} − 1) = {}; {} ±{} ({})",
                lang.pick("Proyeksi", "Projection"),
                lang.pick(
                    "nilai terbukti lewat kalibrasi",
                    "the evidenced value through calibration"
                ),
                k.calibration,
                x(k.offset, lang),
                x(b.strictness, lang),
                show2(t.evidenced.point, lang),
                show2(t.estimate.point, lang),
                lang.pick("(b) pita kalibrasi", "(b) calibration band"),
                show2(b.width, lang),
                k.basis.get(lang)
            );
        }
        (Some(_), None) => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "Proyeksi: tidak dikalibrasi (nilai ini tidak dibangun dari jawaban lama)",
                    "Projection: not calibrated (this value is not built from old answers)"
                )
            );
        }
        (None, _) => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "Proyeksi: tanpa kalibrasi (proyeksi = nilai terbukti)",
                    "Projection: no calibration (projection = evidenced value)"
                )
            );
        }
    }
    if let Some(conf) = t.confidence {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick(
                "Keyakinan (mata rantai terlemah)",
                "Confidence (weakest link)"
            ),
            conf.describe().get(lang)
        );
    }
    if let Some(r) = &t.relation {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick(
                "Relasi jawaban asal ke indikator ini",
                "Relation of the original answers to this indicator"
            ),
            relation_words(r, lang)
        );
    }
    if let Some(e) = &t.external {
        let _ = writeln!(
            out,
            "{}: {} [{}]{}",
            lang.pick("Indeks eksternal", "External index"),
            e.name,
            e.key,
            match (e.index_value, e.value) {
                (Some(x), Some(v)) => format!(" = {} → {}", num(x, lang), num(v, lang)),
                _ => lang.pick(" (belum diberikan)", " (not given)").to_string(),
            }
        );
    }
    for (i, h) in t.hops.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{} {}: {}, {} `{}` ({} → {})",
            lang.pick("Langkah", "Step"),
            i + 1,
            h.crosswalk,
            lang.pick("peta", "map"),
            h.map,
            h.from,
            h.to
        );
        let inputs: Vec<String> = h
            .inputs()
            .iter()
            .map(|x| match x.value {
                Some(v) => format!("{} = {}", x.id, num(v, lang)),
                None => format!("{} = {}", x.id, lang.pick("belum dijawab", "not answered")),
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}: {}",
            lang.pick("Masukan", "Inputs"),
            inputs.join(", ")
        );
        let _ = writeln!(
            out,
            "  {}: {}{}",
            lang.pick("Relasi", "Relation"),
            relation(&h.relation, lang),
            h.coverage
                .as_deref()
                .map(|c| format!(
                    "; {} {}",
                    lang.pick("cakupan", "coverage"),
                    localize(c, lang)
                ))
                .unwrap_or_default()
        );
        if let Some(a) = h.aggregation.as_ref().filter(|_| h.rungs.is_empty()) {
            let how = match a.as_str() {
                "min" => lang.pick(
                    "terendah (semua sumber dibutuhkan)",
                    "the lowest (all sources needed)",
                ),
                "max" => lang.pick(
                    "tertinggi (satu sumber cukup)",
                    "the highest (any one source suffices)",
                ),
                _ => lang.pick(
                    "rata-rata tertimbang semua sumber (yang belum dijawab dihitung terendah)",
                    "weighted mean of all sources (unanswered ones count at the minimum)",
                ),
            };
            // Indonesian says what it does; English keeps the crosswalk's term too.
            let _ = match lang {
                Lang::Id => writeln!(out, "  Agregasi: {how}"),
                Lang::En => writeln!(out, "  Aggregation: {a} — {how}"),
            };
        }
        let rungs = h.rungs();
        if rungs.is_empty() {
            let _ = writeln!(
                out,
                "  {}: {}",
                lang.pick("Aturan tingkat", "Level rule"),
                rule_text(&h.rule, lang)
            );
        } else {
            crate::convert::rungs::explain_rungs(&mut out, &rungs, lang);
        }
        let _ = writeln!(
            out,
            "  {}: {} ({} {}–{}); {} {}; {}: {}",
            lang.pick("Hasil", "Result"),
            show2(h.estimate.point, lang),
            lang.pick("rentang", "range"),
            show2(h.estimate.low, lang),
            show2(h.estimate.high, lang),
            lang.pick("keyakinan", "confidence"),
            h.confidence.describe().get(lang),
            lang.pick("data dukung", "evidence"),
            policy(h.evidence, lang)
        );
        let _ = writeln!(
            out,
            "  {}: {}",
            lang.pick("Alasan", "Rationale"),
            h.rationale(lang)
        );
    }
    let _ = writeln!(out);
    let why = match t.class {
        Class::Carried | Class::Derived if t.unanswered.is_empty() && t.band.is_some() => lang.pick(
            "Rentang nilai terbukti: tidak ada sumber yang belum dijawab yang dapat mengubahnya, jadi nilainya satu titik (ketidakpastian penilaian asesor ada pada pita kalibrasi proyeksi).",
            "Evidenced range: no unanswered source could change it, so it is one point (the assessors' leeway is the projection's calibration band).",
        ),
        Class::Carried | Class::Derived | Class::Proxy if t.unanswered.is_empty() => lang.pick(
            "Rentang nilai terbukti: tidak ada sumber yang belum dijawab yang dapat mengubahnya, jadi nilainya satu titik.",
            "Evidenced range: no unanswered source could change it, so it is one point.",
        ),
        Class::Carried | Class::Derived | Class::Proxy => lang.pick(
            "Rentang nilai terbukti: sumber yang belum dijawab dihitung pada dasar skalanya (batas bawah) dan puncaknya (batas atas).",
            "Evidenced range: the unanswered sources count at their scale's floor (low end) and ceiling (high end).",
        ),
        Class::Gap if t.evidenced.high > t.evidenced.low => lang.pick(
            "Rentang: sumber petanya belum dijawab, jadi seluruh skala mungkin; nilai terbukti adalah dasar skala.",
            "Range: the map's sources are unanswered, so the whole scale is possible; the evidenced value is the scale's floor.",
        ),
        Class::Gap => lang.pick(
            "Tidak ada jawaban lama yang membuktikan indikator ini: nilai terbukti adalah dasar skala, tanpa rentang.",
            "No old answer evidences this indicator: the evidenced value is the scale's floor, with no range.",
        ),
        Class::External => lang.pick(
            "Nilai berasal dari indeks instansi lain; tanpa nilai indeks, asesor memberi dasar skala, dan itulah yang dihitung.",
            "The value comes from another agency's index; without the index value, assessors give the scale's floor, and that is what counts.",
        ),
    };
    let _ = writeln!(out, "{why}");
    if !t.unanswered.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Belum dijawab", "Unanswered"),
            t.unanswered.join(", ")
        );
    }
    if !t.sources.is_empty() {
        let s: Vec<String> = t
            .sources
            .iter()
            .map(|s| format!("{} = {}", s.id, num(s.value, lang)))
            .collect();
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("Jawaban asal", "Original answers"),
            s.join(", ")
        );
    }
    if !t.evidence.is_empty() {
        let _ = writeln!(out, "{}:", lang.pick("Data dukung", "Evidence"));
        for e in &t.evidence {
            let _ = writeln!(
                out,
                "  - [{}] {}{} ({} {})",
                policy(e.policy, lang),
                e.name,
                e.url
                    .as_deref()
                    .filter(|u| *u != e.name)
                    .map(|u| format!(" <{u}>"))
                    .unwrap_or_default(),
                lang.pick("dari", "from"),
                e.from
            );
        }
    }
    if !t.justifications.is_empty() {
        let _ = writeln!(
            out,
            "{}:",
            lang.pick(
                "Penjelasan lama (tulis ulang untuk kriteria baru)",
                "Old justifications (rewrite for the new criteria)"
            )
        );
        for j in &t.justifications {
            let _ = writeln!(out, "  - [{}] {}", j.from, j.text);
        }
    }
    for n in &t.notes {
        let _ = writeln!(out, "{}: {}", lang.pick("Catatan", "Note"), n.get(lang));
    }
    // The next level above the projection and the evidenced value (the
    // gap report's): a level the old answers evidence is not asked again.
    let above = crate::decimal::order::max(t.estimate.point, t.evidenced.point);
    if let (Some(ind), Some(next)) = (fw.indicator(t.no), fw.next_level(above)) {
        if let Some(crit) = ind.level(next) {
            let indicative = ind.levels_indicative();
            let _ = writeln!(
                out,
                "{} {next}{}: {}",
                lang.pick("Yang dibutuhkan tingkat", "What level"),
                if indicative {
                    lang.pick(" (indikatif)", " needs (indicative)")
                } else {
                    lang.pick("", " needs")
                },
                crit.get(lang)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {} · {}",
        lang.pick("Data", "Data"),
        c.stamp.crosswalks.join(", "),
        c.stamp.hash
    );
    out
}

/// A level rule as [`crate::convert::MapInfo`] records it (`table {2→1.3,
/// 3→1.7}`, `cap 3`, `identity`) in `lang`: in Indonesian the words are
/// Indonesian, numbers take a decimal comma and pairs a `;`
/// (`tabel {2→1,3; 3→1,7}`).
fn rule_text(rule: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return rule.to_string();
    }
    let (word, rest) = rule.split_once(' ').unwrap_or((rule, ""));
    let word = match word {
        "table" => "tabel",
        "cap" => "batas atas",
        "identity" => "identitas",
        other => other,
    };
    let rest = rest.replace(", ", "; ").replace('.', ",");
    if rest.is_empty() {
        word.to_string()
    } else {
        format!("{word} {rest}")
    }
}
