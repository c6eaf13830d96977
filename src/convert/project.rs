//! The projected index and aspects of a conversion, and what each class
//! of target value means for people.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::catalog::{BandOn, Framework};
use crate::convert::{Class, Estimate, Projected, TargetValue};
use crate::score::{UnitScore, score_values};
use crate::text::Text;
use crate::tr;

fn projected(
    fw: &Framework,
    u: &UnitScore,
    p: Decimal,
    name: (&str, &str),
    no: u32,
    weight: String,
) -> Projected {
    Projected {
        no,
        name: name.0.to_string(),
        name_en: name.1.to_string(),
        weight,
        point: p,
        low: u.low,
        high: u.high,
        predicate: fw.band(p, BandOn::Exact).name.clone(),
        predicate_low: fw.band(u.low, BandOn::Exact).name.clone(),
        predicate_high: fw.band(u.high, BandOn::Exact).name.clone(),
    }
}

/// The projected index and aspects: point, low and high from the target
/// values' estimates, by the target framework's own formula.
pub fn project(fw: &Framework, targets: &[TargetValue]) -> (Projected, Vec<Projected>) {
    let pick = |f: fn(&Estimate) -> Decimal| -> BTreeMap<String, Decimal> {
        targets
            .iter()
            .map(|t| (t.no.to_string(), f(&t.estimate)))
            .collect()
    };
    let points = score_values(fw, None, None, pick(|e| e.point), vec![], BandOn::Exact);
    let lows = score_values(fw, None, None, pick(|e| e.low), vec![], BandOn::Exact);
    let highs = score_values(fw, None, None, pick(|e| e.high), vec![], BandOn::Exact);
    let range = |i: usize, p: &UnitScore| UnitScore {
        low: lows.aspects[i].low,
        high: highs.aspects[i].low,
        ..p.clone()
    };
    let overall = UnitScore {
        low: lows.overall.low,
        high: highs.overall.low,
        ..points.overall.clone()
    };
    let idx = projected(
        fw,
        &overall,
        points.overall.low,
        (&fw.title, &fw.title_en),
        0,
        "100".into(),
    );
    let aspects = points
        .aspects
        .iter()
        .enumerate()
        .map(|(i, a)| {
            projected(
                fw,
                &range(i, a),
                a.low,
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
