//! The projected index and aspects of a conversion, and what each class
//! of target value means for people.

use rust_decimal::Decimal;

use crate::catalog::{BandOn, Framework};
use crate::convert::{Class, Estimate, Projected, TargetValue};
use crate::score::index_of;
use crate::text::Text;
use crate::tr;

fn projected(
    fw: &Framework,
    (point, low, high): (Decimal, Decimal, Decimal),
    name: (&str, &str),
    no: u32,
    weight: String,
) -> Projected {
    Projected {
        no,
        name: name.0.to_string(),
        name_en: name.1.to_string(),
        weight,
        point,
        low,
        high,
        predicate: fw.band(point, BandOn::Exact).name.clone(),
        predicate_low: fw.band(low, BandOn::Exact).name.clone(),
        predicate_high: fw.band(high, BandOn::Exact).name.clone(),
    }
}

/// The projected index and aspects: point, low and high from the target
/// values' estimates, by the target framework's own formula (a scored row
/// without a target value counts at the scale's floor).
pub fn project(
    fw: &Framework,
    targets: &[TargetValue],
    pick: fn(&TargetValue) -> &Estimate,
) -> (Projected, Vec<Projected>) {
    let rows: Vec<Option<&Estimate>> = fw
        .plan()
        .items
        .iter()
        .map(|it| {
            let no = it.key.parse::<u32>().ok()?;
            targets.iter().find(|t| t.no == no).map(pick)
        })
        .collect();
    let index =
        |f: fn(&Estimate) -> Decimal| index_of(fw, rows.iter().map(|e| e.map_or(fw.scale.min, f)));
    let (points, lows, highs) = (index(|e| e.point), index(|e| e.low), index(|e| e.high));
    let idx = projected(
        fw,
        (points.0, lows.0, highs.0),
        (&fw.title, &fw.title_en),
        0,
        "100".into(),
    );
    let aspects = fw
        .aspects
        .iter()
        .enumerate()
        .map(|(i, a)| {
            projected(
                fw,
                (points.1[i], lows.1[i], highs.1[i]),
                (&a.name, &a.name_en),
                a.no,
                a.weight.to_string(),
            )
        })
        .collect();
    (idx, aspects)
}

/// Notes for people on what a class means.
pub fn class_help(c: Class) -> Text {
    match c {
        Class::Carried => tr!(
            "dibawa dari indikator yang sama (peta sama cakupannya, keyakinan tinggi)",
            "carried from the same indicator (equal map, high confidence)"
        ),
        Class::Derived => tr!(
            "diturunkan dari indikator yang berkaitan; periksa terhadap kriteria baru",
            "derived from related indicators; check against the new criteria"
        ),
        Class::Gap => tr!(
            "tidak ada jawaban sumber: perlu dinilai dari awal",
            "no source answer: to be assessed from scratch"
        ),
        Class::External => tr!(
            "dinilai dari indeks instansi lain",
            "scored from another agency's index"
        ),
        Class::Proxy => tr!(
            "dinilai dari indeks instansi lain yang belum diberikan; nilai yang ditampilkan (dari jawaban lama) menggantikannya dan dihitung dalam indeks apa adanya",
            "scored from another agency's index not given; the value shown (from the old answers) stands in for it and counts in the index as shown"
        ),
    }
}

/// What the ranges of a conversion claim, by cause, in words: the
/// evidenced value and its range from unanswered sources (a), and the
/// calibration that makes the projection with its band (b).
pub fn range_lines(c: &crate::convert::Conversion, lang: crate::text::Lang) -> Vec<String> {
    use crate::decimal::show2;
    let e = &c.evidenced_index;
    let mut out = vec![format!(
        "{} {}; {} {}–{}",
        lang.pick("nilai terbukti", "evidenced value"),
        show2(e.point, lang),
        lang.pick(
            "(a) rentang dari jawaban sumber yang kosong",
            "(a) range from unanswered sources"
        ),
        show2(e.low, lang),
        show2(e.high, lang)
    )];
    out.push(match &c.calibration {
        Some(k) => format!(
            "{} {}: c = {}, s = {}; {} ±{} ({})",
            lang.pick("kalibrasi", "calibration"),
            k.calibration,
            crate::calibration::show_exact(k.offset, lang),
            crate::calibration::show_exact(k.strictness, lang),
            lang.pick("(b) pita kalibrasi", "(b) calibration band"),
            show2(k.band.width, lang),
            k.basis.get(lang)
        ),
        None => lang
            .pick(
                "tanpa kalibrasi: proyeksi = nilai terbukti",
                "no calibration: projection = evidenced value",
            )
            .to_string(),
    });
    if let Some(note) = c.calibration.as_ref().and_then(|k| k.note.as_ref()) {
        out.push(note.get(lang).to_string());
    }
    out
}

/// A target's evidenced value for tables: the point, and the range from
/// unanswered sources when it is not the point (`1,55 (1,00–5,00)`).
pub fn evidenced_cell(t: &TargetValue, lang: crate::text::Lang) -> String {
    use crate::decimal::show2;
    let e = &t.evidenced;
    if t.value.is_none() && t.class != Class::Derived && t.class != Class::Carried {
        return "-".to_string();
    }
    if e.low == e.high {
        show2(e.point, lang)
    } else {
        format!(
            "{} ({}–{})",
            show2(e.point, lang),
            show2(e.low, lang),
            show2(e.high, lang)
        )
    }
}
