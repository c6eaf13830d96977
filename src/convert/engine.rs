//! The carry-forward engine: an assessment's answers travel hop by hop
//! along a path of crosswalks. Each target value is built from the source
//! values its map names (aggregated, then put through the level rule), with
//! an honest range and its provenance. Missing answers widen ranges; they
//! never invent values.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::catalog::Framework;
use crate::convert::maps::{Prepared, aggregate};
use crate::convert::model::{
    CarriedEvidence, CarriedText, Estimate, HopInput, HopUse, SourceAnswer,
};
use crate::crosswalk::{
    Aggregation, Bounds, Confidence, Evidence as Policy, LoadedCrosswalk, RelSet, Relation,
};
use crate::text::Text;
use crate::tr;

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
    /// Weakest confidence of the maps used (`None` for an original answer).
    pub confidence: Option<Confidence>,
    /// What the original answers cover of this indicator, as sets.
    pub relation: RelSet,
    /// Original answers used.
    pub sources: BTreeSet<SourceAnswer>,
    /// Evidence carried, with its policy.
    pub evidence: BTreeSet<CarriedEvidence>,
    /// Justifications carried.
    pub texts: BTreeSet<CarriedText>,
    /// Maps applied, in hop order.
    pub hops: Vec<HopUse>,
    /// Notes (why nothing is known).
    pub notes: Vec<Text>,
}

impl Node {
    /// Nothing known, with the reasons.
    pub fn unknown(notes: Vec<Text>) -> Node {
        Node {
            est: None,
            face: None,
            carried: false,
            confidence: None,
            relation: RelSet::EMPTY,
            sources: BTreeSet::new(),
            evidence: BTreeSet::new(),
            texts: BTreeSet::new(),
            hops: Vec::new(),
            notes,
        }
    }
}

/// The starting nodes: the assessment's answers, one node per indicator
/// (rows scored per service are averaged: they are the same indicator).
/// Without `keep`, no provenance (sources, evidence, justifications) is kept.
pub fn start(fw: &Framework, a: &Assessment, keep: bool) -> BTreeMap<u32, Node> {
    let mut by_no: BTreeMap<u32, Vec<&crate::assessment::Answer>> = BTreeMap::new();
    for ans in &a.answers {
        if let Some(no) = ans.indicator_no() {
            by_no.entry(no).or_default().push(ans);
        }
    }
    let mut out = BTreeMap::new();
    for ind in &fw.indicators {
        let Some(answers) = by_no.get(&ind.no) else {
            out.insert(ind.no, Node::unknown(vec![]));
            continue;
        };
        let sum: Decimal = answers.iter().map(|x| x.value).sum();
        let mean = sum / Decimal::from(answers.len() as u64);
        let mut node = Node::unknown(vec![]);
        node.est = Some(Estimate::exact(mean.normalize()));
        node.face = Some(mean.normalize());
        node.carried = true;
        node.relation = RelSet::one(Relation::Equal);
        if !keep {
            out.insert(ind.no, node);
            continue;
        }
        for ans in answers {
            node.sources.insert(SourceAnswer {
                id: ans.indicator.clone(),
                value: ans.value,
            });
            for e in &ans.evidence {
                node.evidence.insert(CarriedEvidence {
                    from: ans.indicator.clone(),
                    name: e.name.clone(),
                    url: e.url.clone(),
                    policy: Policy::Reuse,
                });
            }
            if let Some(t) = &ans.justification {
                node.texts.insert(CarriedText {
                    from: ans.indicator.clone(),
                    text: t.clone(),
                });
            }
        }
        out.insert(ind.no, node);
    }
    out
}

/// Applies one crosswalk to the nodes of its source framework, giving the
/// nodes of its target framework. Without `keep`, no provenance (hops,
/// sources, evidence, justifications, notes) is built: values only.
pub fn hop(
    prev: &BTreeMap<u32, Node>,
    (cw, prep): (&LoadedCrosswalk, &Prepared),
    from: &Framework,
    to: &Framework,
    keep: bool,
) -> BTreeMap<u32, Node> {
    let sb = Bounds::of(from);
    let tb = Bounds::of(to);
    let reference = &prep.reference;
    let mut out = BTreeMap::new();
    for t in &to.indicators {
        let found = cw
            .crosswalk
            .maps
            .iter()
            .enumerate()
            .find(|(_, m)| m.targets.contains(&t.no) && m.relation != Relation::Disjoint);
        let Some((mi, m)) = found else {
            if !keep {
                out.insert(t.no, Node::unknown(vec![]));
                continue;
            }
            let reason = cw
                .crosswalk
                .new
                .iter()
                .find(|n| n.indicator == t.no)
                .map(|n| {
                    Text::new(
                        format!("indikator baru ({reference}): {}", n.reason),
                        format!("new indicator ({reference}): {}", n.reason),
                    )
                })
                .unwrap_or_else(|| {
                    tr!(
                        "tidak ada peta ke indikator ini di {}",
                        "no map leads to this indicator in {}",
                        reference
                    )
                });
            out.insert(t.no, Node::unknown(vec![reason]));
            continue;
        };
        let inputs: Vec<(u32, Option<&Node>)> = m
            .sources
            .iter()
            .map(|s| (*s, prev.get(s).filter(|n| n.est.is_some())))
            .collect();
        let weight = |s: u32| {
            from.indicator(s)
                .map(|i| i.weight.value())
                .unwrap_or(Decimal::ZERO)
        };
        let hop_inputs: Vec<HopInput> = if keep {
            inputs
                .iter()
                .map(|(s, n)| HopInput {
                    id: from.indicator_id(*s),
                    value: n.and_then(|n| n.est).map(|e| e.point),
                })
                .collect()
        } else {
            vec![]
        };
        let outputs: Vec<String> = if keep {
            m.targets.iter().map(|n| to.indicator_id(*n)).collect()
        } else {
            vec![]
        };
        let agg = m.aggregation.unwrap_or(Aggregation::WeightedMean);
        let point_vals: Vec<(Option<Decimal>, Decimal)> = inputs
            .iter()
            .map(|(s, n)| (n.and_then(|n| n.est).map(|e| e.point), weight(*s)))
            .collect();
        let point = aggregate(agg, &point_vals, sb.min, agg != Aggregation::AllOf);
        let Some(point) = point else {
            if !keep {
                out.insert(t.no, Node::unknown(vec![]));
                continue;
            }
            let missing: Vec<String> = hop_inputs.iter().map(|i| i.id.clone()).collect();
            let mut node = Node::unknown(vec![Text::new(
                format!("sumber belum dijawab: {}", missing.join(", ")),
                format!("no answered source: {}", missing.join(", ")),
            )]);
            node.hops.push(HopUse {
                crosswalk: reference.clone(),
                map: m.id.clone(),
                from: from.id.clone(),
                to: to.id.clone(),
                relation: m.relation.as_str().to_string(),
                rule: prep.rules[mi].clone(),
                aggregation: (m.sources.len() > 1).then(|| agg.as_str().to_string()),
                confidence: m.confidence,
                evidence: m.evidence,
                coverage: m.effective_coverage().map(crate::decimal::exact),
                rationale: m.rationale.clone(),
                inputs: hop_inputs,
                outputs,
                estimate: Estimate {
                    point: tb.min,
                    low: tb.min,
                    high: tb.max,
                },
            });
            out.insert(t.no, node);
            continue;
        };
        let low_vals: Vec<(Option<Decimal>, Decimal)> = inputs
            .iter()
            .map(|(s, n)| {
                (
                    Some(n.and_then(|n| n.est).map(|e| e.low).unwrap_or(sb.min)),
                    weight(*s),
                )
            })
            .collect();
        let high_vals: Vec<(Option<Decimal>, Decimal)> = inputs
            .iter()
            .map(|(s, n)| {
                (
                    Some(n.and_then(|n| n.est).map(|e| e.high).unwrap_or(sb.max)),
                    weight(*s),
                )
            })
            .collect();
        let low = aggregate(agg, &low_vals, sb.min, false).unwrap_or(sb.min);
        let high = aggregate(agg, &high_vals, sb.max, false).unwrap_or(sb.max);
        let f = |x: Decimal| m.level_rule.eval(x, tb);
        let all_answered = inputs.iter().all(|(_, n)| n.is_some());
        let carried_hop = m.relation == Relation::Equal && m.confidence == Confidence::High;
        let p = f(point);
        let (mut lo, mut hi) = if carried_hop {
            (f(low), f(high))
        } else {
            // Not the same indicator: the new rubric may judge the same facts
            // down to the floor. Only where the sources cover the whole target
            // (equal, superset) does their own level bound it from above.
            let hi = if matches!(m.relation, Relation::Equal | Relation::Superset) {
                f(high).max(tb.clamp(high))
            } else {
                tb.max
            };
            (tb.min, hi)
        };
        lo = lo.min(p);
        hi = hi.max(p);
        let answered: Vec<&Node> = inputs.iter().filter_map(|(_, n)| *n).collect();
        let mut node = Node::unknown(vec![]);
        node.est = Some(Estimate {
            point: p.normalize(),
            low: lo.normalize(),
            high: hi.normalize(),
        });
        let face_vals: Vec<(Option<Decimal>, Decimal)> = inputs
            .iter()
            .map(|(s, n)| (n.and_then(|n| n.face), weight(*s)))
            .collect();
        node.face = aggregate(agg, &face_vals, sb.min, agg != Aggregation::AllOf)
            .map(|v| tb.clamp(v).normalize());
        node.carried = carried_hop && all_answered && answered.iter().all(|n| n.carried);
        node.confidence = answered
            .iter()
            .filter_map(|n| n.confidence)
            .chain([m.confidence])
            .min();
        let element = m.relation.element(m.sources.len() > 1, m.targets.len() > 1);
        node.relation = answered.iter().fold(RelSet::EMPTY, |acc, n| {
            acc.union(n.relation.compose(element))
        });
        if !keep {
            out.insert(t.no, node);
            continue;
        }
        for n in &answered {
            node.sources.extend(n.sources.iter().cloned());
            node.texts.extend(n.texts.iter().cloned());
            for e in &n.evidence {
                let policy = e.policy.min(m.evidence);
                if policy != Policy::Drop {
                    node.evidence.insert(CarriedEvidence {
                        policy,
                        ..e.clone()
                    });
                }
            }
            for h in &n.hops {
                if !node
                    .hops
                    .iter()
                    .any(|x| x.crosswalk == h.crosswalk && x.map == h.map)
                {
                    node.hops.push(h.clone());
                }
            }
        }
        node.hops.push(HopUse {
            crosswalk: reference.clone(),
            map: m.id.clone(),
            from: from.id.clone(),
            to: to.id.clone(),
            relation: m.relation.as_str().to_string(),
            rule: prep.rules[mi].clone(),
            aggregation: (m.sources.len() > 1).then(|| agg.as_str().to_string()),
            confidence: m.confidence,
            evidence: m.evidence,
            coverage: m.effective_coverage().map(crate::decimal::exact),
            rationale: m.rationale.clone(),
            inputs: hop_inputs,
            outputs,
            estimate: node.est.unwrap_or(Estimate::exact(p)),
        });
        out.insert(t.no, node);
    }
    out
}
