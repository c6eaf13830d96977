//! The carry-forward engine: an assessment's answers travel hop by hop
//! along a path of crosswalks. Each target value is built from the source
//! values its map names (aggregated, then put through the level rule), with
//! an honest range and its provenance. Missing answers widen ranges; they
//! never invent values.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::catalog::Framework;
use crate::convert::model::{Estimate, HopUse, MapInfo};
use crate::crosswalk::{
    Aggregation, Bounds, Confidence, Evidence as Policy, LoadedCrosswalk, Map, RelSet, Relation,
};
use crate::decimal::order;
use crate::text::{Lang, Text};
use crate::tr;

/// A set of the assessment's answers, by position (an assessment has at
/// most one answer per scored row, and catalogs have at most 128 rows).
pub type Mask = u128;

/// The most answers a [`Mask`] can hold.
pub const MAX_ANSWERS: usize = 128;

/// What is known of one indicator of some framework along the path.
#[derive(Debug, Clone)]
pub struct Node {
    /// The estimate, or `None` when nothing is known.
    pub est: Option<Estimate>,
    /// The original answers at face value: aggregated as the maps say but
    /// without any level rule (what last year's levels would read as here).
    pub face: Option<Decimal>,
    /// Whether every hop so far was an `equal` map at high confidence with
    /// every source answered.
    pub carried: bool,
    /// Whether the range and the face value are the point itself (as for
    /// an original answer).
    pub exact: bool,
    /// Weakest confidence of the maps used (`None` for an original answer).
    pub confidence: Option<Confidence>,
    /// What the original answers cover of this indicator, as sets.
    pub relation: RelSet,
    /// Original answers used (bit `i` = the assessment's answer `i`).
    pub sources: Mask,
    /// Answers whose evidence is carried to reuse as it is.
    pub reuse: Mask,
    /// Answers whose evidence is carried to update.
    pub update: Mask,
    /// Maps applied, in hop order.
    pub hops: Vec<HopUse>,
    /// Notes (why nothing is known).
    pub notes: Vec<Text>,
    /// Nothing is known because the sources of its map are unanswered (its
    /// range is the whole scale), rather than because no map leads to it.
    pub open: bool,
    /// Nothing can evidence it (no map leads to it, or only from such
    /// indicators): its evidenced value is the floor, with no range. A
    /// later hop counts it at the floor, not as an unanswered source.
    pub settled_floor: bool,
}

impl Node {
    /// Nothing known, with the reasons.
    pub fn unknown(notes: Vec<Text>) -> Node {
        Node {
            est: None,
            face: None,
            carried: false,
            exact: false,
            confidence: None,
            relation: RelSet::EMPTY,
            sources: 0,
            reuse: 0,
            update: 0,
            hops: Vec::new(),
            notes,
            open: false,
            settled_floor: false,
        }
    }
}

/// A crosswalk prepared for many conversions: what each map is (shared
/// text), and which map leads to each target.
pub struct Prepared {
    infos: Vec<Arc<MapInfo>>,
    /// For each target indicator (by position), the map that leads to it.
    by_target: Vec<Option<usize>>,
    /// For each map, its sources: position in the source framework (if the
    /// catalog has it) and weight.
    sources: Vec<Vec<(Option<usize>, Decimal)>>,
    /// For each target indicator no map leads to, why.
    new_notes: HashMap<u32, Text>,
}

impl Prepared {
    /// Prepares `cw` (from `from` to `to`).
    pub fn new(cw: &LoadedCrosswalk, from: &Framework, to: &Framework) -> Prepared {
        let reference = cw.reference();
        let mut by_target = HashMap::new();
        let infos = cw
            .crosswalk
            .maps
            .iter()
            .enumerate()
            .map(|(i, m)| {
                if m.relation != Relation::Disjoint {
                    for t in &m.targets {
                        by_target.entry(*t).or_insert(i);
                    }
                }
                let agg = m.aggregation.unwrap_or(Aggregation::WeightedMean);
                Arc::new(MapInfo {
                    crosswalk: reference.clone(),
                    map: m.id.clone(),
                    from: from.id.clone(),
                    to: to.id.clone(),
                    relation: m.relation.as_str().to_string(),
                    rule: describe_rule(m),
                    aggregation: (m.sources.len() > 1).then(|| agg.as_str().to_string()),
                    confidence: m.confidence,
                    evidence: m.evidence,
                    coverage: m.effective_coverage().map(crate::decimal::exact),
                    rationale: m.rationale.clone(),
                    rationale_en: m.rationale_en.clone(),
                    rungs: m.rungs.clone(),
                    outputs: m.targets.iter().map(|n| to.indicator_id(*n)).collect(),
                    inputs: m.sources.iter().map(|n| from.indicator_id(*n)).collect(),
                })
            })
            .collect();
        let sources = cw
            .crosswalk
            .maps
            .iter()
            .map(|m| {
                m.sources
                    .iter()
                    .map(|s| {
                        let pos = from.indicators.iter().position(|i| i.no == *s);
                        let w = pos.map_or(Decimal::ZERO, |p| from.indicators[p].weight.value());
                        (pos, w)
                    })
                    .collect()
            })
            .collect();
        let by_target: Vec<Option<usize>> = to
            .indicators
            .iter()
            .map(|t| by_target.get(&t.no).copied())
            .collect();
        let new_notes = to
            .indicators
            .iter()
            .zip(&by_target)
            .filter(|(_, m)| m.is_none())
            .map(|(t, _)| t)
            .map(|t| {
                let note = cw
                    .crosswalk
                    .new
                    .iter()
                    .find(|n| n.indicator == t.no)
                    .map(|n| {
                        let reason = n.reason_text();
                        Text::new(
                            format!("indikator baru ({reference}): {}", reason.get(Lang::Id)),
                            format!("new indicator ({reference}): {}", reason.get(Lang::En)),
                        )
                    })
                    .unwrap_or_else(|| {
                        tr!(
                            "tidak ada peta ke indikator ini di {}",
                            "no map leads to this indicator in {}",
                            reference
                        )
                    });
                (t.no, note)
            })
            .collect();
        Prepared {
            infos,
            by_target,
            sources,
            new_notes,
        }
    }
}

/// The nodes of one framework, by the position of their indicator in its
/// catalog.
pub type Nodes = Vec<Node>;

/// The starting nodes: the assessment's answers, one node per indicator
/// (rows scored per service are averaged: they are the same indicator).
/// Answers beyond [`MAX_ANSWERS`] cannot occur: a catalog has fewer rows.
pub fn start(fw: &Framework, a: &Assessment) -> Nodes {
    let plan = fw.plan();
    let mut sums: Vec<(Decimal, u32, Mask)> = vec![(Decimal::ZERO, 0, 0); fw.indicators.len()];
    // Answers are in catalog order: look up rows and positions moving
    // forward (the next row by its key first, the number only otherwise).
    let (mut row, mut pos) = (0, 0);
    for (i, ans) in a.answers.iter().enumerate().take(MAX_ANSWERS) {
        let no = match plan.items.get(row) {
            Some(it) if it.key == ans.key() => {
                row += 1;
                it.indicator
            }
            _ => match ans.indicator_no() {
                Some(no) => no,
                None => continue,
            },
        };
        if fw.indicators.get(pos).is_none_or(|ind| ind.no != no) {
            match fw.indicators.iter().position(|ind| ind.no == no) {
                Some(p) => pos = p,
                None => continue,
            }
        }
        let e = &mut sums[pos];
        e.0 = if e.1 == 0 { ans.value } else { e.0 + ans.value };
        e.1 += 1;
        e.2 |= 1 << i;
    }
    sums.into_iter()
        .map(|(sum, n, mask)| {
            let mut node = Node::unknown(vec![]);
            if n > 0 {
                // One answer is its own mean.
                let mean = if n == 1 { sum } else { sum / Decimal::from(n) }.normalize();
                node.est = Some(Estimate::exact(mean));
                node.face = Some(mean);
                node.carried = true;
                node.exact = true;
                node.relation = RelSet::one(Relation::Equal);
                node.sources = mask;
                node.reuse = mask;
            }
            node
        })
        .collect()
}

/// Aggregates `(value, weight)` pairs; `None` values are unanswered
/// sources, counted as `missing` unless `skip_missing`. `None` when nothing
/// is left to aggregate.
fn aggregate(
    agg: Aggregation,
    vals: impl Iterator<Item = (Option<Decimal>, Decimal)>,
    missing: Decimal,
    skip_missing: bool,
) -> Option<Decimal> {
    let present = vals.filter_map(|(v, w)| match v {
        Some(v) => Some((v, w)),
        None if skip_missing => None,
        None => Some((missing, w)),
    });
    match agg {
        // Ties keep the last, as `Iterator::max` does, and the first for min.
        Aggregation::Min => present.map(|p| p.0).reduce(order::min),
        Aggregation::Max => present.map(|p| p.0).reduce(|a, b| order::max(b, a)),
        Aggregation::WeightedMean | Aggregation::AllOf => {
            let (mut n, mut sum, mut wsum, mut wvsum) =
                (0u32, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            for (v, w) in present {
                n += 1;
                sum += v;
                wsum += w;
                wvsum += v * w;
            }
            match n {
                0 => None,
                // The mean of one value is that value (v·w/w, exactly).
                1 => Some(sum),
                _ if wsum.is_zero() => Some(sum / Decimal::from(n)),
                _ => Some(wvsum / wsum),
            }
        }
    }
}

/// The whole level at or below `d` (the floor of a scale), as a level number.
fn whole(d: Decimal) -> u32 {
    use rust_decimal::prelude::ToPrimitive;
    d.floor().to_u32().unwrap_or(0)
}

fn describe_rule(m: &Map) -> String {
    let mut s = m.level_rule.kind().to_string();
    if let crate::crosswalk::LevelRule::Table { table } = &m.level_rule {
        let pairs: Vec<String> = table
            .entries()
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}→{}",
                    crate::decimal::exact(*k),
                    crate::decimal::exact(*v)
                )
            })
            .collect();
        s = format!("table {{{}}}", pairs.join(", "));
    } else if let crate::crosswalk::LevelRule::Cap { max } = &m.level_rule {
        s = format!("cap {}", crate::decimal::exact(*max));
    }
    s
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
