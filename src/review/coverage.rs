//! How much of the target framework a crosswalk covers, and how surely.
//!
//! For each target indicator: the map that reaches it (the first map
//! naming it that is not `disjoint`, as the conversion picks it), the
//! share of its substance the sources cover (the map's `coverage`, implied
//! 1 for `equal` and `superset`, clamped to [0, 1]; 0 when the map does
//! not state it, or the target is `new`, disposed of by a `disjoint` map
//! only, or not disposed of), and its covered weight = share × the
//! target's weight. Covered weights add up per aspect and overall, split
//! by the map's confidence; shares are covered weight / weight. All exact.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::Framework;
use crate::crosswalk::{Confidence, Crosswalk, Relation};
use crate::decimal::{serde_dec, serde_opt_dec};

/// What became of a target indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Disposition {
    /// Reached by a map.
    Mapped,
    /// Named only by `disjoint` maps.
    Disjoint,
    /// Listed in `new`.
    New,
    /// Neither mapped nor `new` (a lint error).
    Undisposed,
}

/// The coverage of one target indicator.
#[derive(Debug, Clone, Serialize)]
pub struct TargetCoverage {
    /// `pemdi-2026:3`.
    pub id: String,
    /// Number.
    pub no: u32,
    /// Aspect number.
    pub aspect: u32,
    /// Weight in percent of the index.
    #[serde(with = "serde_dec")]
    pub weight: Decimal,
    /// What became of it.
    pub disposition: Disposition,
    /// The map that reaches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// That map's relation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// That map's confidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The covered share (`None` when the map does not state it).
    #[serde(with = "serde_opt_dec")]
    pub share: Option<Decimal>,
    /// Whether the share is implied by the relation (`equal`, `superset`).
    pub implied: bool,
    /// Covered weight: share × weight.
    #[serde(with = "serde_dec")]
    pub covered: Decimal,
    /// The external index key, for a `new` target scored from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

/// Covered weight of a group of targets (an aspect, or all of them).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    /// Aspect number (0 for the whole framework).
    pub no: u32,
    /// The targets' weight.
    #[serde(with = "serde_dec")]
    pub weight: Decimal,
    /// Covered weight through `high` maps.
    #[serde(with = "serde_dec")]
    pub high: Decimal,
    /// Covered weight through `medium` maps.
    #[serde(with = "serde_dec")]
    pub medium: Decimal,
    /// Covered weight through `low` maps.
    #[serde(with = "serde_dec")]
    pub low: Decimal,
    /// All covered weight / weight, rounded to 4 decimals.
    pub share: String,
}

impl Tally {
    fn add(&mut self, t: &TargetCoverage) {
        self.weight += t.weight;
        match t.confidence {
            Some(Confidence::High) => self.high += t.covered,
            Some(Confidence::Medium) => self.medium += t.covered,
            Some(Confidence::Low) => self.low += t.covered,
            None => {}
        }
    }

    /// All covered weight.
    pub fn covered(&self) -> Decimal {
        self.high + self.medium + self.low
    }

    /// `part` as a share of the weight (0 for an empty group).
    pub fn share(&self, part: Decimal) -> Decimal {
        if self.weight.is_zero() {
            Decimal::ZERO
        } else {
            part / self.weight
        }
    }
}

/// The coverage figures of a crosswalk.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Every target indicator, in catalog order.
    pub targets: Vec<TargetCoverage>,
    /// Per aspect of the target framework, in catalog order.
    pub aspects: Vec<Tally>,
    /// The whole target framework.
    pub overall: Tally,
}

/// The coverage of `cw` over its target framework `to`.
pub fn coverage(cw: &Crosswalk, to: &Framework) -> Coverage {
    let mut targets = Vec::new();
    for ind in &to.indicators {
        let named: Vec<_> = cw
            .maps
            .iter()
            .filter(|m| m.targets.contains(&ind.no))
            .collect();
        let reaching = named.iter().find(|m| m.relation != Relation::Disjoint);
        let new = cw.new.iter().find(|n| n.indicator == ind.no);
        let weight = ind.weight.value();
        let mut t = TargetCoverage {
            id: to.indicator_id(ind.no),
            no: ind.no,
            aspect: ind.aspect,
            weight,
            disposition: Disposition::Undisposed,
            map: None,
            relation: None,
            confidence: None,
            share: Some(Decimal::ZERO),
            implied: false,
            covered: Decimal::ZERO,
            external: new.and_then(|n| n.external.clone()),
        };
        if let Some(m) = reaching {
            let share = m
                .effective_coverage()
                .map(|c| c.clamp(Decimal::ZERO, Decimal::ONE));
            t.disposition = Disposition::Mapped;
            t.map = Some(m.id.clone());
            t.relation = Some(m.relation);
            t.confidence = Some(m.confidence);
            t.implied = m.coverage.is_none() && share.is_some();
            t.share = share;
            t.covered = share.unwrap_or(Decimal::ZERO) * weight;
        } else if let Some(m) = named.first() {
            t.disposition = Disposition::Disjoint;
            t.map = Some(m.id.clone());
            t.relation = Some(Relation::Disjoint);
        } else if new.is_some() {
            t.disposition = Disposition::New;
        }
        targets.push(t);
    }
    let mut overall = Tally::default();
    let mut aspects: Vec<Tally> = to
        .aspects
        .iter()
        .map(|a| Tally {
            no: a.no,
            ..Tally::default()
        })
        .collect();
    for t in &targets {
        overall.add(t);
        match aspects.iter_mut().find(|a| a.no == t.aspect) {
            Some(a) => a.add(t),
            None => {
                let mut a = Tally {
                    no: t.aspect,
                    ..Tally::default()
                };
                a.add(t);
                aspects.push(a);
            }
        }
    }
    for a in aspects.iter_mut().chain([&mut overall]) {
        a.share = crate::review::labels::share4(a.share(a.covered()));
    }
    Coverage {
        targets,
        aspects,
        overall,
    }
}
