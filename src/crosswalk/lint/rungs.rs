//! Lints on rungs (the rubric reading of a map): every rung on the target
//! scale above its floor, once; every criterion `source@level` of one of
//! the map's sources, on the source scale; and the level table equal to the
//! rung reading at a uniform answer, so that `mapping trace` and chains
//! compose what the engine computes.

use rust_decimal::Decimal;

use crate::catalog::{Catalog, Framework};
use crate::crosswalk::lint::{Code, Sink};
use crate::crosswalk::{Bounds, Criterion, LevelRule, Map};

pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let cw = &sink.c.crosswalk;
    let (Some(from), Some(to)) = (catalog.get(&cw.from), catalog.get(&cw.to)) else {
        return;
    };
    for m in &cw.maps {
        if m.rungs.is_empty() {
            continue;
        }
        shape(sink, m, from, to);
        table(sink, m, from, to);
    }
}

fn shape(sink: &mut Sink, m: &Map, from: &Framework, to: &Framework) {
    let (sb, tb) = (Bounds::of(from), Bounds::of(to));
    let mut seen = Vec::new();
    for (i, r) in m.rungs.iter().enumerate() {
        let field = format!("rungs[{i}]");
        let level = Decimal::from(r.level);
        if level <= tb.min || level > tb.max || seen.contains(&r.level) {
            sink.map(
                Code::BadRung,
                m,
                &field,
                crate::tr!(
                    "anak tangga {} di luar skala {} di atas dasarnya, atau berulang",
                    "rung {} is not above the floor of the {} scale, or repeats",
                    r.level,
                    to.id
                ),
            );
        }
        seen.push(r.level);
        // Rungs climb one level at a time from just above the floor: a
        // missing rung would stop every value below it unnoticed.
        let expected = tb.min.floor() + Decimal::from(i + 1);
        if level != expected && level > tb.min && level <= tb.max {
            sink.map(
                Code::BadRung,
                m,
                &field,
                crate::tr!(
                    "anak tangga {} tidak urut: yang diharapkan {}",
                    "rung {} is out of order: expected {}",
                    r.level,
                    expected
                ),
            );
        }
        for c in &r.evidenced_by {
            let ok = Criterion::parse(c).is_some_and(|x| {
                x.framework == from.id
                    && m.sources.contains(&x.indicator)
                    && sb.contains(Decimal::from(x.level))
            });
            if !ok {
                sink.map(
                    Code::BadRung,
                    m,
                    &format!("{field}.evidenced_by"),
                    crate::tr!(
                        "kriteria `{}` bukan `{}:SUMBER@TINGKAT` dari sumber peta ini",
                        "criterion `{}` is not `{}:SOURCE@LEVEL` of this map's sources",
                        c,
                        from.id
                    ),
                );
            }
        }
    }
}

fn table(sink: &mut Sink, m: &Map, from: &Framework, to: &Framework) {
    let tb = Bounds::of(to);
    let floor = {
        use rust_decimal::prelude::ToPrimitive;
        tb.min.floor().to_u32().unwrap_or(0)
    };
    let LevelRule::Table { table } = &m.level_rule else {
        sink.map(
            Code::RungsTable,
            m,
            "level_rule",
            crate::tr!(
                "peta beranak tangga memerlukan aturan `table`",
                "a map with rungs needs a `table` rule"
            ),
        );
        return;
    };
    let wrong: Vec<String> = Bounds::of(from)
        .whole_levels()
        .into_iter()
        .filter_map(|v| {
            let want = m.rung_value(floor, |_, l| Decimal::from(l) <= v)?;
            let want = Decimal::from(want);
            (table.get(v) != Some(want)).then(|| format!("{v}→{want}"))
        })
        .collect();
    if !wrong.is_empty() {
        sink.map(
            Code::RungsTable,
            m,
            "level_rule.table",
            crate::tr!(
                "anak tangga memberi {}, tabel tidak",
                "the rungs give {}, the table does not",
                wrong.join(" ")
            ),
        );
    }
}
