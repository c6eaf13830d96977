//! What the engine needs from the maps of a crosswalk: aggregating source
//! values, describing level rules, and a crosswalk prepared once for many
//! conversions.

use rust_decimal::Decimal;

use crate::crosswalk::{Aggregation, LoadedCrosswalk, Map};

/// Aggregates `(value, weight)` pairs; `None` values are unanswered sources,
/// counted as `missing` where the rule says so.
pub fn aggregate(
    agg: Aggregation,
    vals: &[(Option<Decimal>, Decimal)],
    missing: Decimal,
    skip_missing: bool,
) -> Option<Decimal> {
    let present: Vec<(Decimal, Decimal)> = vals
        .iter()
        .filter_map(|(v, w)| match v {
            Some(v) => Some((*v, *w)),
            None if skip_missing => None,
            None => Some((missing, *w)),
        })
        .collect();
    if present.is_empty() {
        return None;
    }
    Some(match agg {
        Aggregation::Min => present.iter().map(|p| p.0).min()?,
        Aggregation::Max => present.iter().map(|p| p.0).max()?,
        Aggregation::WeightedMean | Aggregation::AllOf => {
            let wsum: Decimal = present.iter().map(|p| p.1).sum();
            if wsum.is_zero() {
                let n = Decimal::from(present.len() as u64);
                present.iter().map(|p| p.0).sum::<Decimal>() / n
            } else {
                present.iter().map(|p| p.0 * p.1).sum::<Decimal>() / wsum
            }
        }
    })
}

/// A map's level rule, described for people.
pub fn describe_rule(m: &Map) -> String {
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

/// One crosswalk prepared for many conversions: its reference and the
/// description of every map's level rule, made once.
pub struct Prepared {
    /// `id@version`.
    pub reference: String,
    /// [`describe_rule`] of each map, by index.
    pub rules: Vec<String>,
}

impl Prepared {
    /// Prepares `cw`.
    pub fn new(cw: &LoadedCrosswalk) -> Prepared {
        Prepared {
            reference: cw.reference(),
            rules: cw.crosswalk.maps.iter().map(describe_rule).collect(),
        }
    }
}
