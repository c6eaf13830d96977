//! A conversion in numbers only: each target indicator's class, value and
//! range, and the projected index, without names, provenance or notes.
//! What a summary of many assessments needs, at a fraction of the cost of
//! a whole [`Conversion`](crate::convert::Conversion).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::assessment::Assessment;
use crate::catalog::{ExternalIndex, Framework};
use crate::convert::engine::Node;
use crate::convert::{BandUse, Class, Conversion, Converter, Estimate, SourceSummary};
use crate::crosswalk::{Bounds, Confidence};
use crate::decimal::order;
use crate::error::Result;
use crate::score::overall_of;

/// What a target indicator's node settles to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settled {
    /// Carried, derived, proxy, gap or external.
    pub class: Class,
    /// The suggested value (`None` for a gap or an external index not given).
    pub value: Option<Decimal>,
    /// The projection: point and range.
    pub estimate: Estimate,
    /// The evidenced value and its range from unanswered sources.
    pub evidenced: Estimate,
    /// The calibration band applied, when calibrated.
    pub band: Option<BandUse>,
    /// Last year's answers at face value, on the target's scale.
    pub face_value: Option<Decimal>,
    /// Weakest confidence of the maps used.
    pub confidence: Option<Confidence>,
}

/// A conversion in numbers only.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The source assessment and its score.
    pub source: SourceSummary,
    /// Each target indicator, in catalog order.
    pub targets: Vec<Settled>,
    /// The projected index: point, low and high.
    pub index: Estimate,
    /// The evidenced index: point, low and high.
    pub evidenced: Estimate,
}

impl Outline {
    /// The outline of a whole conversion.
    pub fn of(c: &Conversion) -> Outline {
        let p = &c.projected_index;
        Outline {
            source: c.source.clone(),
            targets: c
                .indicators
                .iter()
                .map(|t| Settled {
                    class: t.class,
                    value: t.value,
                    estimate: t.estimate,
                    evidenced: t.evidenced,
                    band: t.band,
                    face_value: t.face_value,
                    confidence: t.confidence,
                })
                .collect(),
            index: Estimate {
                point: p.point,
                low: p.low,
                high: p.high,
            },
            evidenced: Estimate {
                point: c.evidenced_index.point,
                low: c.evidenced_index.low,
                high: c.evidenced_index.high,
            },
        }
    }
}

/// An external index a target indicator is scored from, and the value
/// given for it (if any).
pub type ExternalGiven<'f> = (&'f ExternalIndex, Option<Decimal>);

impl<'a> Converter<'a> {
    /// Converts one assessment of the source framework in numbers only:
    /// the same classes, values, ranges and projected index as
    /// [`Converter::convert`], without the rest.
    pub fn outline(&self, a: &Assessment) -> Result<Outline> {
        let a = &*self.own(a);
        let nodes = self.nodes(a, false)?;
        let source = self.source(a)?;
        let fw = self.to;
        let targets: Vec<Settled> = self
            .externals
            .iter()
            .zip(&nodes)
            .zip(&fw.indicators)
            .map(|((ext, node), ind)| self.calibrate(ind.aspect, self.settle(*ext, node).0))
            .collect();
        let plan = fw.plan();
        // Each scored row's estimate (a row of several per indicator is not
        // a target value: it counts at the floor, as in `project`).
        let rows: Vec<Option<&Estimate>> = plan
            .items
            .iter()
            .map(|it| {
                it.key.parse::<u32>().ok()?;
                let at = fw.indicators.iter().position(|i| i.no == it.indicator)?;
                targets.get(at).map(|t| &t.estimate)
            })
            .collect();
        let index = |f: fn(&Estimate) -> Decimal| {
            overall_of(fw, rows.iter().map(|e| e.map_or(fw.scale.min, f)))
        };
        let ev_rows: Vec<Option<&Estimate>> = plan
            .items
            .iter()
            .map(|it| {
                it.key.parse::<u32>().ok()?;
                let at = fw.indicators.iter().position(|i| i.no == it.indicator)?;
                targets.get(at).map(|t| &t.evidenced)
            })
            .collect();
        let ev = |f: fn(&Estimate) -> Decimal| {
            overall_of(fw, ev_rows.iter().map(|e| e.map_or(fw.scale.min, f)))
        };
        Ok(Outline {
            source,
            index: Estimate {
                point: index(|e| e.point),
                low: index(|e| e.low),
                high: index(|e| e.high),
            },
            evidenced: Estimate {
                point: ev(|e| e.point),
                low: ev(|e| e.low),
                high: ev(|e| e.high),
            },
            targets,
        })
    }

    /// What a target indicator's node settles to, rounded to the target's
    /// precision (the point half up, the range outwards); with the external
    /// index it is scored from (`ext`), if any.
    pub(super) fn settle(
        &self,
        ext: Option<&'a ExternalIndex>,
        node: &Node,
    ) -> (Settled, Option<ExternalGiven<'a>>) {
        let fw: &'a Framework = self.to;
        let b = Bounds::of(fw);
        let dp = if fw.scale.integer { 0 } else { 2 };
        let round =
            |d: Decimal| order::round_normalized(d, dp, RoundingStrategy::MidpointAwayFromZero);
        // The range outwards, except where an end is the point itself.
        let est = node.est.map(|e| Estimate {
            point: round(e.point),
            low: if order::eq(e.low, e.point) {
                round(e.point)
            } else {
                order::round_normalized(e.low, dp, RoundingStrategy::ToNegativeInfinity)
            },
            high: if order::eq(e.high, e.point) {
                round(e.point)
            } else {
                order::round_normalized(e.high, dp, RoundingStrategy::ToPositiveInfinity)
            },
        });
        // Nothing evidenced: the floor; a range only where the map's sources
        // are unanswered (they might evidence anything).
        let floor = if node.open {
            Estimate {
                point: b.min,
                low: b.min,
                high: b.max,
            }
        } else {
            Estimate::exact(b.min)
        };
        let (class, value, estimate, external) = match ext {
            Some(e) => {
                let given = self
                    .external
                    .iter()
                    .find(|(k, _)| *k == e.key)
                    .map(|(_, v)| *v);
                match given.and_then(|x| e.convert(x)) {
                    // Carried by an equal map at high confidence (the same
                    // indicator next year): last year's value is the
                    // suggestion.
                    None if node.carried && est.is_some() => {
                        let v = est.unwrap_or(floor);
                        (Class::External, Some(v.point), v, Some((e, given)))
                    }
                    Some(v) => (
                        Class::External,
                        Some(v),
                        Estimate::exact(v),
                        Some((e, given)),
                    ),
                    // No index value: what the old answers evidence stands in
                    // for it, shown as a proxy and counted as shown.
                    None => match est {
                        Some(x) => (Class::Proxy, Some(x.point), x, Some((e, given))),
                        None => (Class::External, None, floor, Some((e, given))),
                    },
                }
            }
            None => match est {
                None => (Class::Gap, None, floor, None),
                Some(e) if node.carried => (Class::Carried, Some(e.point), e, None),
                Some(e) => (Class::Derived, Some(e.point), e, None),
            },
        };
        let settled = Settled {
            class,
            value,
            estimate,
            evidenced: estimate,
            band: None,
            face_value: node.face.map(round),
            confidence: node.confidence,
        };
        (settled, external)
    }
}
