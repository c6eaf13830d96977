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
            "dibawa dari indikator yang sama (peta equal, keyakinan tinggi)",
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
    }
}
