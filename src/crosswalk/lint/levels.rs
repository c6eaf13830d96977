//! Lints on level rules: monotone tables, keys on every whole level of the
//! source scale, values on the target scale, and no promises above what a
//! stricter framework's rubric allows.

use rust_decimal::Decimal;

use crate::catalog::{Catalog, Framework};
use crate::crosswalk::lint::{Code, Sink};
use crate::crosswalk::lint::{Dec, Decs};
use crate::crosswalk::{Bounds, LevelRule, Map, Relation};

/// Frameworks whose rubric is stricter than their predecessors': the one
/// real 2026 result seen fell from SPBE 2,59 to Pemdi 1,24
/// (docs/crosswalk-format.md), so a map into them must not promise more
/// than the identity, and a map that is not `equal` not even that.
pub const STRICTER: &[&str] = &["pemdi-2026"];

pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let cw = &sink.c.crosswalk;
    let from = catalog.get(&cw.from);
    let to = catalog.get(&cw.to);
    for m in &cw.maps {
        if let LevelRule::Table { table } = &m.level_rule {
            if let Some((k0, k1)) = table.first_descent() {
                sink.map(
                    Code::NonMonotoneTable,
                    m,
                    "level_rule.table",
                    trd!(
                        "nilai turun dari kunci {} ke kunci {}",
                        "the value goes down from key {} to key {}",
                        Dec(k0),
                        Dec(k1)
                    ),
                );
            }
            if let Some(from) = from {
                keys(sink, m, from, table.entries());
            }
        }
        if let Some(to) = to {
            values(sink, m, to);
        }
        if let (Some(from), Some(to)) = (from, to)
            && STRICTER.contains(&to.id.as_str())
            && m.relation != Relation::Disjoint
        {
            promises(sink, m, from, to);
        }
    }
}

fn keys(sink: &mut Sink, m: &Map, from: &Framework, entries: &[(Decimal, Decimal)]) {
    let source = Bounds::of(from);
    let missing: Vec<Decimal> = source
        .whole_levels()
        .into_iter()
        .filter(|l| !entries.iter().any(|(k, _)| k == l))
        .collect();
    if !missing.is_empty() {
        sink.map(
            Code::TableMissingLevel,
            m,
            "level_rule.table",
            trd!(
                "tidak ada kunci untuk tingkat {} skala {}",
                "no key for level {} of the {} scale",
                Decs(&missing),
                from.id
            ),
        );
    }
    let off: Vec<Decimal> = entries
        .iter()
        .filter(|(k, _)| !source.contains(*k))
        .map(|(k, _)| *k)
        .collect();
    if !off.is_empty() {
        sink.map(
            Code::TableKeyOffScale,
            m,
            "level_rule.table",
            trd!(
                "kunci {} di luar skala {} ({} sampai {})",
                "key {} is outside the {} scale ({} to {})",
                Decs(&off),
                from.id,
                Dec(source.min),
                Dec(source.max)
            ),
        );
    }
}

fn values(sink: &mut Sink, m: &Map, to: &Framework) {
    let target = Bounds::of(to);
    let (field, vals): (&str, Vec<Decimal>) = match &m.level_rule {
        LevelRule::Identity => return,
        LevelRule::Cap { max } => ("level_rule.max", vec![*max]),
        LevelRule::Table { table } => (
            "level_rule.table",
            table.entries().iter().map(|(_, v)| *v).collect(),
        ),
    };
    let off: Vec<Decimal> = vals
        .iter()
        .copied()
        .filter(|v| !target.contains(*v))
        .collect();
    if !off.is_empty() {
        sink.map(
            Code::ValueOffScale,
            m,
            field,
            trd!(
                "nilai {} di luar skala {} ({} sampai {})",
                "value {} is outside the {} scale ({} to {})",
                Decs(&off),
                to.id,
                Dec(target.min),
                Dec(target.max)
            ),
        );
    }
    // Tables may hold values between whole levels: a conversion keeps them
    // exact along a chain and rounds only the final suggestion. A cap between
    // levels on a whole-level scale, though, is a slip.
    let is_cap = matches!(m.level_rule, LevelRule::Cap { .. });
    let fractional: Vec<Decimal> = vals
        .iter()
        .copied()
        .filter(|v| is_cap && to.scale.integer && target.contains(*v) && !v.fract().is_zero())
        .collect();
    if !fractional.is_empty() {
        sink.map(
            Code::ValueNotWhole,
            m,
            field,
            trd!(
                "nilai {} bukan tingkat bulat, padahal skala {} bertingkat bulat",
                "value {} is not a whole level, but the {} scale has whole levels",
                Decs(&fractional),
                to.id
            ),
        );
    }
}

fn promises(sink: &mut Sink, m: &Map, from: &Framework, to: &Framework) {
    let target = Bounds::of(to);
    let levels = Bounds::of(from).whole_levels();
    let value = |l: Decimal| m.level_rule.eval(l, target);
    let identity = |l: Decimal| target.clamp(l);
    if let LevelRule::Table { .. } = m.level_rule
        && let Some(l) = levels.iter().find(|l| value(**l) > identity(**l))
    {
        let msg = if m.relation == Relation::Equal {
            trd!(
                "peta `equal` ke {} menjanjikan {} untuk tingkat {}, lebih dari identitas",
                "an `equal` map into {} promises {} for level {}, more than the identity",
                to.id,
                Dec(value(*l)),
                Dec(*l)
            )
        } else {
            trd!(
                "peta `{}` ke {} menjanjikan {} untuk tingkat {}, di atas identitas",
                "a `{}` map into {} promises {} for level {}, above the identity",
                m.relation,
                to.id,
                Dec(value(*l)),
                Dec(*l)
            )
        };
        sink.map(Code::AboveIdentity, m, "level_rule", msg);
        return;
    }
    if m.relation == Relation::Equal {
        return;
    }
    if let Some(l) = levels
        .iter()
        .find(|l| identity(**l) > target.min && value(**l) >= identity(**l))
    {
        sink.map(
            Code::SameLevelPromise,
            m,
            "level_rule",
            trd!(
                "peta `{}` ke {} memberi {} untuk tingkat {}: tidak boleh menjanjikan tingkat yang sama",
                "a `{}` map into {} gives {} for level {}: it must not promise the same level",
                m.relation,
                to.id,
                Dec(value(*l)),
                Dec(*l)
            ),
        );
    }
}
