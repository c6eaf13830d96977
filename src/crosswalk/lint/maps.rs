//! Lints on the maps of a crosswalk: indicator numbers, ids, duplicates,
//! order, aggregation and coverage.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::catalog::{Catalog, Framework};
use crate::crosswalk::lint::Dec;
use crate::crosswalk::lint::{Code, Sink};
use crate::crosswalk::{Map, Relation};
use crate::tr;

pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let from = catalog.get(&cw.from);
    let to = catalog.get(&cw.to);
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut target_map: BTreeMap<u32, &str> = BTreeMap::new();
    let mut shapes: BTreeMap<(Vec<u32>, Vec<u32>), &str> = BTreeMap::new();
    for m in &cw.maps {
        if !ids.insert(&m.id) {
            sink.map(
                Code::DuplicateMapId,
                m,
                "id",
                tr!(
                    "id peta `{}` dipakai lebih dari sekali",
                    "map id `{}` is used more than once",
                    m.id
                ),
            );
        }
        let id_ok = !m.id.is_empty()
            && m.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            sink.map(
                Code::BadMapId,
                m,
                "id",
                tr!("id peta `{}` tidak valid", "map id `{}` is not valid", m.id),
            );
        }
        indicators(sink, m, "sources", &m.sources, from);
        indicators(sink, m, "targets", &m.targets, to);
        for t in m.targets.iter().collect::<BTreeSet<_>>() {
            match target_map.get(t) {
                Some(other) if *other != m.id => sink.map(
                    Code::TargetInTwoMaps,
                    m,
                    "targets",
                    tr!(
                        "sasaran {} juga ada di peta `{}`",
                        "target {} is also in map `{}`",
                        t,
                        other
                    ),
                ),
                Some(_) => {}
                None => {
                    target_map.insert(*t, &m.id);
                }
            }
        }
        let shape = (sorted(&m.sources), sorted(&m.targets));
        match shapes.get(&shape) {
            Some(other) => sink.map(
                Code::DuplicateMap,
                m,
                "",
                tr!(
                    "sumber dan sasaran sama dengan peta `{}`",
                    "same sources and targets as map `{}`",
                    other
                ),
            ),
            None => {
                shapes.insert(shape, &m.id);
            }
        }
        aggregation(sink, m, from);
        coverage(sink, m);
    }
    let key = |m: &Map| Some((*m.targets.first()?, *m.sources.first()?));
    for w in cw.maps.windows(2) {
        if let (Some(a), Some(b)) = (key(&w[0]), key(&w[1]))
            && b < a
        {
            sink.map(
                Code::MapOrder,
                &w[1],
                "",
                tr!(
                    "peta `{}` seharusnya sebelum `{}`",
                    "map `{}` belongs before `{}`",
                    w[1].id,
                    w[0].id
                ),
            );
        }
    }
}

fn sorted(v: &[u32]) -> Vec<u32> {
    let s: BTreeSet<u32> = v.iter().copied().collect();
    s.into_iter().collect()
}

fn indicators(sink: &mut Sink, m: &Map, field: &str, nos: &[u32], fw: Option<&Framework>) {
    if nos.is_empty() {
        sink.map(
            Code::EmptyMap,
            m,
            field,
            tr!("`{}` kosong", "`{}` is empty", field),
        );
        return;
    }
    if nos.windows(2).any(|w| w[1] <= w[0]) {
        sink.map(
            Code::UnsortedIndicators,
            m,
            field,
            tr!(
                "`{}` tidak naik tanpa ulangan",
                "`{}` is not strictly ascending",
                field
            ),
        );
    }
    let Some(fw) = fw else { return };
    for no in nos.iter().collect::<BTreeSet<_>>() {
        if fw.indicator(*no).is_none() {
            sink.map(
                Code::UnknownIndicator,
                m,
                field,
                tr!(
                    "{} tidak punya indikator {} (1 sampai {})",
                    "{} has no indicator {} (1 to {})",
                    fw.id,
                    no,
                    fw.indicators.len()
                ),
            );
        }
    }
}

fn aggregation(sink: &mut Sink, m: &Map, from: Option<&Framework>) {
    let several = m.sources.iter().collect::<BTreeSet<_>>().len() > 1;
    match (several, m.aggregation) {
        (true, None) => sink.map(
            Code::MissingAggregation,
            m,
            "aggregation",
            tr!(
                "{} sumber tanpa `aggregation` (min, weighted_mean, max, all_of)",
                "{} sources without `aggregation` (min, weighted_mean, max, all_of)",
                m.sources.len()
            ),
        ),
        (false, Some(a)) => sink.map(
            Code::NeedlessAggregation,
            m,
            "aggregation",
            tr!(
                "`{}` tidak berarti untuk satu sumber",
                "`{}` means nothing for a single source",
                a.as_str()
            ),
        ),
        _ => {}
    }
    let (Some(a), Some(fw)) = (m.aggregation, from) else {
        return;
    };
    if !a.uses_weights() {
        return;
    }
    let weightless: Vec<String> = m
        .sources
        .iter()
        .filter(|no| {
            fw.indicator(**no)
                .is_none_or(|i| i.weight.is_zero() || i.weight.den.is_zero())
        })
        .map(|no| no.to_string())
        .collect();
    if !weightless.is_empty() {
        sink.map(
            Code::BadWeights,
            m,
            "aggregation",
            tr!(
                "`{}` menimbang dengan bobot katalog, tetapi sumber {} tidak berbobot di {}",
                "`{}` weighs by catalog weights, but source {} has no weight in {}",
                a.as_str(),
                weightless.join(", "),
                fw.id
            ),
        );
    }
}

fn coverage(sink: &mut Sink, m: &Map) {
    let Some(c) = m.coverage else {
        if matches!(m.relation, Relation::Subset | Relation::Intersects) {
            sink.map(
                Code::MissingCoverage,
                m,
                "coverage",
                tr!(
                    "peta `{}` perlu `coverage`: bagian substansi sasaran yang dicakup sumber",
                    "a `{}` map needs `coverage`: the share of the target's substance the sources cover",
                    m.relation
                ),
            );
        }
        return;
    };
    if c <= Decimal::ZERO || c > Decimal::ONE {
        sink.map(
            Code::BadCoverage,
            m,
            "coverage",
            trd!(
                "`coverage` {} di luar (0, 1]",
                "`coverage` {} is outside (0, 1]",
                Dec(c)
            ),
        );
        return;
    }
    let contradicts = match m.relation {
        Relation::Equal | Relation::Superset => c != Decimal::ONE,
        Relation::Subset => c == Decimal::ONE,
        Relation::Intersects => false,
        Relation::Disjoint => true,
    };
    if contradicts {
        sink.map(
            Code::CoverageContradictsRelation,
            m,
            "coverage",
            trd!(
                "`coverage` {} tidak cocok dengan relasi `{}`",
                "`coverage` {} does not fit relation `{}`",
                Dec(c),
                m.relation
            ),
        );
    }
}
