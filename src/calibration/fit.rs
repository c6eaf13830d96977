//! Fitting a calibration from pairs of real results, and measuring it:
//! in-sample and leave-one-out errors beside three baselines (every
//! indicator at the floor; the ratio Pemdi ≈ r × SPBE index; a line in the
//! SPBE index), and how often the ranges contain the real values.
//!
//! The fit is closed-form (weighted least squares of one slope through the
//! scale's floor), so leave-one-out is n refits by subtraction: linear in
//! the number of pairs times the number of indicators.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::calibration::measure::{Tally, baselines};
use crate::calibration::model::{Band, DecStr, Errors, Method, Parameters};
use crate::convert::Estimate;
use crate::decimal::order;

/// Pairs needed before one strictness per aspect may be chosen.
pub const PER_ASPECT_FROM: usize = 10;

/// The nominal share of indicator values the band should cover.
pub fn nominal() -> Decimal {
    Decimal::new(8, 1)
}

/// One scored row of the target framework in one pair.
#[derive(Debug, Clone)]
pub struct Row {
    /// Aspect number of its indicator.
    pub aspect: u32,
    /// Weight in percent.
    pub weight: Decimal,
    /// The evidenced value (engine's point and range from unanswered sources).
    pub evidenced: Estimate,
    /// Whether the calibration applies (a value built from old answers).
    pub calibrated: bool,
    /// The real value, when known.
    pub real: Option<Decimal>,
}

/// One pair: an agency's old result converted, and its real result.
#[derive(Debug, Clone)]
pub struct Obs {
    /// The old index (or the middle of its range when partial).
    pub old_index: Decimal,
    /// The real index (when the real result is complete).
    pub real_index: Option<Decimal>,
    /// Rows in plan order.
    pub rows: Vec<Row>,
}

/// The scale and the index formula of the target framework.
pub struct Scale<'a> {
    /// Floor.
    pub min: Decimal,
    /// Ceiling.
    pub max: Decimal,
    /// Decimals of values (2 on a decimal scale).
    pub dp: u32,
    /// The index of row values.
    pub index: &'a dyn Fn(&[Decimal]) -> Decimal,
}

fn round_to(d: Decimal, dp: u32, s: RoundingStrategy) -> Decimal {
    order::round_normalized(d, dp, s)
}

/// Rounds a reported figure (4 decimals, half up).
pub fn r4(d: Decimal) -> Decimal {
    round_to(d, 4, RoundingStrategy::MidpointAwayFromZero)
}

/// A projection for one row: the evidenced estimate through offset `c` and
/// strictness `s`, widened by `band`, rounded to the scale's precision
/// (point half up, range outwards). The point always lies inside.
pub fn project_row(e: Estimate, a: Decimal, s: Decimal, band: Decimal, sc: &Scale<'_>) -> Estimate {
    let f = |v: Decimal| super::model::apply(a, s, v, sc.min, sc.max);
    let low = order::max(f(e.low) - band, sc.min);
    let high = order::min(f(e.high) + band, sc.max);
    Estimate {
        point: round_to(f(e.point), sc.dp, RoundingStrategy::MidpointAwayFromZero),
        low: round_to(low, sc.dp, RoundingStrategy::ToNegativeInfinity),
        high: round_to(high, sc.dp, RoundingStrategy::ToPositiveInfinity),
    }
}

/// Sums of the weighted least-squares fit, per aspect: Σw, Σw·de, Σw·dy,
/// Σw·de², Σw·de·dy with de = e − floor and dy = y − floor (all additive,
/// so that leave-one-out is a subtraction).
#[derive(Debug, Clone, Default)]
struct Sums {
    by_aspect: BTreeMap<u32, [Decimal; 5]>,
}

impl Sums {
    fn of(o: &Obs, min: Decimal) -> Sums {
        let mut s = Sums::default();
        for r in o.rows.iter().filter(|r| r.calibrated) {
            let Some(y) = r.real else { continue };
            let (de, dy, w) = (r.evidenced.point - min, y - min, r.weight);
            let e = s.by_aspect.entry(r.aspect).or_default();
            e[0] += w;
            e[1] += w * de;
            e[2] += w * dy;
            e[3] += w * de * de;
            e[4] += w * de * dy;
        }
        s
    }

    fn add(&mut self, o: &Sums, sign: Decimal) {
        for (k, v) in &o.by_aspect {
            let e = self.by_aspect.entry(*k).or_default();
            for (x, y) in e.iter_mut().zip(v) {
                *x += sign * y;
            }
        }
    }

    /// The offset `c` and slope `s` of dy ≈ c + s·de (s >= 0; s = 1 when
    /// the evidenced values do not vary, a = 0 when there is no data).
    fn line(t: &[Decimal; 5]) -> (Decimal, Decimal) {
        let [w, x, y, xx, xy] = *t;
        if w <= Decimal::ZERO {
            return (Decimal::ZERO, Decimal::ONE);
        }
        let den = w * xx - x * x;
        let s = if den > Decimal::ZERO {
            r4(order::max((w * xy - x * y) / den, Decimal::ZERO))
        } else {
            Decimal::ONE
        };
        (r4((y - s * x) / w), s)
    }

    fn parameters(&self, method: Method) -> Parameters {
        let mut total = [Decimal::ZERO; 5];
        for v in self.by_aspect.values() {
            for (x, y) in total.iter_mut().zip(v) {
                *x += y;
            }
        }
        let (offset, strictness) = Sums::line(&total);
        // Per aspect: the slope through the global offset.
        let aspects = match method {
            Method::Global => BTreeMap::new(),
            Method::PerAspect => self
                .by_aspect
                .iter()
                .filter(|(_, v)| v[3] > Decimal::ZERO)
                .map(|(k, v)| {
                    let s = order::max((v[4] - offset * v[1]) / v[3], Decimal::ZERO);
                    (k.to_string(), DecStr(r4(s)))
                })
                .collect(),
        };
        Parameters {
            offset,
            strictness,
            aspects,
        }
    }
}

fn strictness(p: &Parameters, aspect: u32) -> Decimal {
    p.aspects
        .get(&aspect.to_string())
        .map_or(p.strictness, |d| d.0)
}

/// A predictor's output for one pair.
pub(super) struct Prediction {
    pub(super) rows: Vec<Estimate>,
    pub(super) index: Estimate,
    pub(super) ranged: bool,
}

fn predict(o: &Obs, p: &Parameters, band: Decimal, sc: &Scale<'_>) -> Prediction {
    let rows: Vec<Estimate> = o
        .rows
        .iter()
        .map(|r| {
            if r.calibrated {
                project_row(r.evidenced, p.offset, strictness(p, r.aspect), band, sc)
            } else {
                r.evidenced
            }
        })
        .collect();
    let index = index_of(&rows, sc);
    Prediction {
        rows,
        index,
        ranged: true,
    }
}

fn index_of(rows: &[Estimate], sc: &Scale<'_>) -> Estimate {
    let pick = |f: fn(&Estimate) -> Decimal| rows.iter().map(f).collect::<Vec<_>>();
    Estimate {
        point: (sc.index)(&pick(|e| e.point)),
        low: (sc.index)(&pick(|e| e.low)),
        high: (sc.index)(&pick(|e| e.high)),
    }
}

pub(super) fn flat(o: &Obs, v: Decimal, sc: &Scale<'_>) -> Prediction {
    let v = order::min(order::max(v, sc.min), sc.max);
    Prediction {
        rows: vec![Estimate::exact(v); o.rows.len()],
        index: Estimate::exact(v),
        ranged: false,
    }
}

/// Absolute residuals of the calibrated rows with a real value.
fn residuals(o: &Obs, pr: &Prediction) -> Vec<Decimal> {
    o.rows
        .iter()
        .zip(&pr.rows)
        .filter(|(r, _)| r.calibrated)
        .filter_map(|(r, p)| r.real.map(|y| (y - p.point).abs()))
        .collect()
}

/// The `t`-th smallest (1-based) of `all` without the values of `drop`
/// (both sorted; `drop` is a sub-multiset of `all`), where
/// t = ⌈q·(m+1)⌉ capped at m and m = |all| − |drop| (a conformal quantile).
fn quantile_without(all: &[Decimal], drop: &[Decimal], q: Decimal) -> Decimal {
    let m = all.len() - drop.len();
    if m == 0 {
        return Decimal::ZERO;
    }
    let t = (q * Decimal::from(m + 1)).ceil();
    let t = t.to_usize().unwrap_or(m).clamp(1, m);
    let upper = |v: &[Decimal], x: Decimal| v.partition_point(|d| *d <= x);
    let (mut lo, mut hi) = (0usize, all.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let x = all[mid];
        if upper(all, x) - upper(drop, x) >= t {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    all[lo]
}

fn band_width(d: Decimal, dp: u32) -> Decimal {
    round_to(d, dp, RoundingStrategy::ToPositiveInfinity)
}

/// Everything a fit produces.
#[derive(Debug, Clone)]
pub struct Fit {
    /// Parameter layout chosen.
    pub method: Method,
    /// The parameters.
    pub parameters: Parameters,
    /// The band.
    pub band: Band,
    /// The model's in-sample errors.
    pub in_sample: Errors,
    /// The model's leave-one-out errors (n >= 2).
    pub loo: Option<Errors>,
    /// Baselines by name: `floor`, `ratio`, `linear`, and `<name>_loo`.
    pub baselines: BTreeMap<String, Errors>,
}

/// Fits with `method` and measures leave-one-out (n >= 2): the LOO
/// predictions and the LOO residuals of every pair.
fn loo_of(
    obs: &[Obs],
    sums: &[Sums],
    total: &Sums,
    method: Method,
    sc: &Scale<'_>,
) -> Vec<(Parameters, Vec<Decimal>)> {
    obs.iter()
        .zip(sums)
        .map(|(o, s)| {
            let mut rest = total.clone();
            rest.add(s, -Decimal::ONE);
            let p = rest.parameters(method);
            let pr = predict(o, &p, Decimal::ZERO, sc);
            let mut res = residuals(o, &pr);
            res.sort_by(|a, b| order::cmp(*a, *b));
            (p, res)
        })
        .collect()
}

fn weighted_mae(obs: &[Obs], loo: &[(Parameters, Vec<Decimal>)], sc: &Scale<'_>) -> Decimal {
    let mut t = Tally::default();
    for (o, (p, _)) in obs.iter().zip(loo) {
        t.add(o, &predict(o, p, Decimal::ZERO, sc));
    }
    t.finish().indicator_mae.unwrap_or_default()
}

/// Fits the calibration to `obs` and measures it.
pub fn fit(obs: &[Obs], sc: &Scale<'_>) -> Fit {
    let n = obs.len();
    let sums: Vec<Sums> = obs.iter().map(|o| Sums::of(o, sc.min)).collect();
    let mut total = Sums::default();
    for s in &sums {
        total.add(s, Decimal::ONE);
    }
    let mut method = Method::Global;
    let mut loo = (n >= 2).then(|| loo_of(obs, &sums, &total, Method::Global, sc));
    if n >= PER_ASPECT_FROM {
        let per = loo_of(obs, &sums, &total, Method::PerAspect, sc);
        if let Some(g) = &loo
            && weighted_mae(obs, &per, sc) < weighted_mae(obs, g, sc)
        {
            method = Method::PerAspect;
            loo = Some(per);
        }
    }
    let parameters = total.parameters(method);
    // The band: from leave-one-out residuals when there are, else in-sample.
    let (pool, kind) = match &loo {
        Some(l) => {
            let mut all: Vec<Decimal> = l.iter().flat_map(|(_, r)| r.iter().copied()).collect();
            all.sort_by(|a, b| order::cmp(*a, *b));
            (all, "leave_one_out")
        }
        None => {
            let mut all: Vec<Decimal> = obs
                .iter()
                .flat_map(|o| residuals(o, &predict(o, &parameters, Decimal::ZERO, sc)))
                .collect();
            all.sort_by(|a, b| order::cmp(*a, *b));
            (all, "in_sample")
        }
    };
    let width = band_width(quantile_without(&pool, &[], nominal()), sc.dp);
    let band = Band {
        coverage: nominal(),
        width,
        residuals: kind.to_string(),
        m: pool.len(),
    };
    let mut ins = Tally::default();
    for o in obs {
        ins.add(o, &predict(o, &parameters, width, sc));
    }
    let loo_errors = loo.as_ref().map(|l| {
        let mut t = Tally::default();
        for (o, (p, res)) in obs.iter().zip(l) {
            let b = band_width(quantile_without(&pool, res, nominal()), sc.dp);
            t.add(o, &predict(o, p, b, sc));
        }
        t.finish()
    });
    Fit {
        method,
        parameters,
        band,
        in_sample: ins.finish(),
        loo: loo_errors,
        baselines: baselines(obs, sc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibration::measure::{ranks, spearman};

    fn ds(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|x| Decimal::from(*x)).collect()
    }

    #[test]
    fn conformal_quantile_leaves_out_the_dropped_values() {
        let all = ds(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        // m = 10: rank ceil(0.8 * 11) = 9.
        assert_eq!(quantile_without(&all, &[], nominal()), Decimal::from(9));
        // Without 9 and 10: m = 8, rank ceil(0.8 * 9) = 8 -> 8.
        assert_eq!(
            quantile_without(&all, &ds(&[9, 10]), nominal()),
            Decimal::from(8)
        );
        // Without 1 and 2: m = 8, rank 8 of 3..10 -> 10.
        assert_eq!(
            quantile_without(&all, &ds(&[1, 2]), nominal()),
            Decimal::from(10)
        );
        // Ties.
        let t = ds(&[0, 0, 0, 5, 5]);
        assert_eq!(quantile_without(&t, &ds(&[5]), nominal()), Decimal::from(5));
        assert_eq!(quantile_without(&t, &t, nominal()), Decimal::ZERO);
    }

    #[test]
    fn ranks_share_ties_and_spearman_is_one_for_a_monotone_relation() {
        assert_eq!(ranks(&ds(&[10, 20, 20, 30])), vec![1.0, 2.5, 2.5, 4.0]);
        let pairs: Vec<(Decimal, Decimal)> = (1..6)
            .map(|i| (Decimal::from(i), Decimal::from(i * i)))
            .collect();
        assert_eq!(spearman(&pairs), Some(Decimal::ONE));
    }
}
