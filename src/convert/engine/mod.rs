//! The carry-forward engine: an assessment's answers travel hop by hop
//! along a path of crosswalks. Each target value is built from the source
//! values its map names (aggregated, then put through the level rule), with
//! an honest range and its provenance. Missing answers widen ranges; they
//! never invent values.
//!
//! This module holds the hop itself; what is known of an indicator is in
//! `node`, a crosswalk prepared for hops in `prepared`, the starting nodes
//! in `start`, and the aggregation of source values in `aggregate`.

mod aggregate;
mod node;
mod prepared;
mod start;

pub use node::{MAX_ANSWERS, Mask, Node, Nodes};
pub use prepared::Prepared;
pub use start::start;

use aggregate::aggregate;

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::Framework;
use crate::convert::model::{Estimate, HopUse};
use crate::crosswalk::{
    Aggregation, Bounds, Confidence, Evidence as Policy, LoadedCrosswalk, RelSet, Relation,
};
use crate::decimal::order;
use crate::text::Text;

/// The whole level at or below `d` (the floor of a scale), as a level number.
fn whole(d: Decimal) -> u32 {
    use rust_decimal::prelude::ToPrimitive;
    d.floor().to_u32().unwrap_or(0)
}

/// Applies one crosswalk to the nodes of its source framework, giving the
/// nodes of its target framework. Without `keep`, the maps applied are not
/// recorded (values, ranges and answer sets only).
pub fn hop(
    prev: &[Node],
    cw: &LoadedCrosswalk,
    prepared: &Prepared,
    (from, to): (&Framework, &Framework),
    keep: bool,
) -> Nodes {
    let sb = Bounds::of(from);
    let tb = Bounds::of(to);
    let mut out = Vec::with_capacity(to.indicators.len());
    // Each source's weight and node, when it is known: found once per
    // target, read many times.
    let mut found: Vec<(Decimal, Option<&Node>, bool)> = Vec::with_capacity(16);
    for (ti, t) in to.indicators.iter().enumerate() {
        let Some(mi) = prepared.by_target[ti] else {
            let note = keep.then(|| prepared.new_notes.get(&t.no).cloned());
            let mut node = Node::unknown(note.flatten().into_iter().collect());
            node.settled_floor = true;
            out.push(node);
            continue;
        };
        let (m, info) = (&cw.crosswalk.maps[mi], &prepared.infos[mi]);
        found.clear();
        found.extend(prepared.sources[mi].iter().map(|(pos, w)| {
            let prev = pos.and_then(|p| prev.get(p));
            let floor = prev.is_some_and(|n| n.est.is_none() && n.settled_floor);
            (*w, prev.filter(|n| n.est.is_some()), floor)
        }));
        let inputs = || found.iter().map(|(w, n, _)| (*w, *n));
        // Sources nothing can evidence count at the floor, exactly.
        let floors = || found.iter().map(|x| x.2);
        let agg = m.aggregation.unwrap_or(Aggregation::WeightedMean);
        // One rule for missing sources, whatever the aggregation: an
        // unanswered source evidences nothing, so the point and the low end
        // count it at the source scale's floor and the high end at its
        // ceiling. With no answered source there is nothing to carry: a gap.
        let any_answered = inputs().any(|(_, n)| n.is_some());
        let values = || -> Vec<Option<Decimal>> {
            inputs()
                .zip(floors())
                .map(|((_, n), floor)| {
                    n.and_then(|n| n.est)
                        .map(|e| e.point)
                        .or(floor.then_some(sb.min))
                })
                .collect()
        };
        if !any_answered {
            let mut node = Node::unknown(vec![]);
            node.open = !floors().all(|f| f);
            node.settled_floor = !node.open;
            if keep {
                let ids = info.inputs.join(", ");
                node.notes.push(if node.open {
                    Text::new(
                        format!("sumber belum dijawab: {ids}"),
                        format!("no answered source: {ids}"),
                    )
                } else {
                    Text::new(
                        format!("tidak ada jawaban lama yang membuktikan sumbernya: {ids}"),
                        format!("no old answer evidences its sources: {ids}"),
                    )
                });
                node.hops.push(HopUse {
                    info: info.clone(),
                    values: values(),
                    estimate: Estimate {
                        point: tb.min,
                        low: tb.min,
                        high: if node.open { tb.max } else { tb.min },
                    },
                });
            }
            out.push(node);
            continue;
        }
        let side = |f: fn(&Estimate) -> Decimal, missing: Decimal| -> Vec<Decimal> {
            inputs()
                .zip(floors())
                .map(|((_, n), floor)| match n.and_then(|n| n.est) {
                    Some(e) => f(&e),
                    None if floor => sb.min,
                    None => missing,
                })
                .collect()
        };
        let eval = |vals: &[Decimal]| -> Decimal {
            match m.rung_value(whole(tb.min), |ind, lvl| {
                m.sources
                    .iter()
                    .position(|s| *s == ind)
                    .and_then(|i| vals.get(i))
                    .is_some_and(|v| *v >= Decimal::from(lvl))
            }) {
                Some(v) => tb.clamp(Decimal::from(v)),
                None => {
                    let weighted = vals.iter().copied().map(Some).zip(inputs().map(|x| x.0));
                    let a = aggregate(agg, weighted, sb.min, false).unwrap_or(sb.min);
                    m.level_rule.eval(a, tb)
                }
            }
        };
        let points = side(|e| e.point, sb.min);
        let p = eval(&points);
        // Every source answered with one value (as last year's answers are,
        // before any hop): low, high and face value are the point itself.
        let all_exact = inputs()
            .zip(floors())
            .all(|((_, n), floor)| floor || n.is_some_and(|n| n.exact));
        let (lo, hi) = if all_exact {
            (p, p)
        } else {
            (
                order::min(eval(&side(|e| e.low, sb.min)), p),
                order::max(eval(&side(|e| e.high, sb.max)), p),
            )
        };
        let all_answered = inputs().all(|(_, n)| n.is_some());
        let carried_hop = m.relation == Relation::Equal && m.confidence == Confidence::High;
        let mut node = Node::unknown(vec![]);
        node.est = Some(Estimate {
            point: p.normalize(),
            low: lo.normalize(),
            high: hi.normalize(),
        });
        let faces = inputs().map(|(w, n)| (Some(n.and_then(|n| n.face).unwrap_or(sb.min)), w));
        node.face = aggregate(agg, faces, sb.min, false).map(|v| tb.clamp(v).normalize());
        node.exact = node.est.is_some_and(|e| {
            order::eq(e.low, e.point)
                && order::eq(e.high, e.point)
                && node.face.is_some_and(|f| order::eq(f, e.point))
        });
        let answered = || inputs().filter_map(|(_, n)| n);
        node.carried = carried_hop && all_answered && answered().all(|n| n.carried);
        node.confidence = answered()
            .filter_map(|n| n.confidence)
            .chain([m.confidence])
            .min();
        let element = m.relation.element(m.sources.len() > 1, m.targets.len() > 1);
        node.relation = answered().fold(RelSet::EMPTY, |acc, n| {
            acc.union(n.relation.compose(element))
        });
        for n in answered() {
            node.sources |= n.sources;
            match m.evidence {
                Policy::Reuse => {
                    node.reuse |= n.reuse;
                    node.update |= n.update;
                }
                Policy::Update => node.update |= n.reuse | n.update,
                Policy::Drop => {}
            }
            if keep {
                for h in &n.hops {
                    if !node.hops.iter().any(|x| Arc::ptr_eq(&x.info, &h.info)) {
                        node.hops.push(h.clone());
                    }
                }
            }
        }
        // The weakest policy wins where two routes carry the same evidence.
        node.reuse &= !node.update;
        if keep {
            node.hops.push(HopUse {
                info: info.clone(),
                values: values(),
                estimate: node.est.unwrap_or(Estimate::exact(p)),
            });
        }
        out.push(node);
    }
    out
}
