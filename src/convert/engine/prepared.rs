//! A crosswalk prepared for many conversions: the shared text of each
//! map, which map leads to each target, and why none leads to the others.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::Framework;
use crate::convert::model::MapInfo;
use crate::crosswalk::{Aggregation, LoadedCrosswalk, Map, Relation};
use crate::text::{Lang, Text};
use crate::tr;

/// A crosswalk prepared for many conversions: what each map is (shared
/// text), and which map leads to each target.
pub struct Prepared {
    pub(super) infos: Vec<Arc<MapInfo>>,
    /// For each target indicator (by position), the map that leads to it.
    pub(super) by_target: Vec<Option<usize>>,
    /// For each map, its sources: position in the source framework (if the
    /// catalog has it) and weight.
    pub(super) sources: Vec<Vec<(Option<usize>, Decimal)>>,
    /// For each target indicator no map leads to, why.
    pub(super) new_notes: HashMap<u32, Text>,
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
