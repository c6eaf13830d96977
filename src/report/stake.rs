//! Index points at stake: how much one indicator could still add to the
//! index.
//!
//! For a target indicator with projected point `p`, evidenced point `e`
//! and weight `w` (percent of the index), on a scale topping out at `max`:
//! - the next level `n` is the next whole level above `p` and `e` (1,6 → 2;
//!   2 → 3): a level the old answers already evidence is not asked again
//!   when the calibration projects below it;
//! - `next` = w/100 × (n − p): the index gain if the indicator reached `n`;
//! - `max` = w/100 × (max − p): the index gain if it reached the top.
//!
//! [`order`] (the batch summary's "biggest gaps") sorts by `next` (largest
//! first), then `max`, then number. The gap report's actions follow
//! [`action_order`]: the points one whole level is worth (w/100, the
//! indicator's weight) first, then the shortest step to the next level, so a
//! quick win of a heavy indicator (weight 10 %, 1,75 → 2) comes before a
//! full level of a light one. All values are exact decimals.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::Framework;
use crate::convert::TargetValue;
use crate::decimal;

/// What one indicator could add to the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stake {
    /// The next whole level above the projected and the evidenced point
    /// (`None` at the top).
    pub next_level: Option<u32>,
    /// Index points gained by reaching the next level.
    #[serde(with = "crate::decimal::serde_dec")]
    pub next: Decimal,
    /// Index points gained by reaching the top of the scale.
    #[serde(with = "crate::decimal::serde_dec")]
    pub max: Decimal,
    /// Index points one whole level is worth: the weight / 100.
    #[serde(with = "crate::decimal::serde_dec")]
    pub per_level: Decimal,
    /// Levels to climb to the next level (n − p; zero at the top).
    #[serde(with = "crate::decimal::serde_dec")]
    pub step: Decimal,
}

/// The stake of an indicator of `fw` with `weight` (percent) projected at
/// `point`, its evidenced value at `evidenced`.
pub fn stake(fw: &Framework, weight: Decimal, point: Decimal, evidenced: Decimal) -> Stake {
    let gain = |to: Decimal| {
        decimal::order::max(to - point, Decimal::ZERO)
            .checked_mul(weight)
            .map(|x| percent(x).normalize())
            .unwrap_or(Decimal::ZERO)
    };
    let next_level = fw.next_level(decimal::order::max(point, evidenced));
    Stake {
        per_level: percent(weight).normalize(),
        step: next_level
            .map(|n| decimal::order::max(Decimal::from(n) - point, Decimal::ZERO))
            .unwrap_or_default()
            .normalize(),
        next_level,
        next: next_level
            .map(|n| gain(Decimal::from(n)))
            .unwrap_or_default(),
        max: gain(fw.scale.max),
    }
}

/// `x / 100`, exactly: the same number as the division, for a fraction of
/// its cost (every indicator of every report and batch row takes two).
fn percent(x: Decimal) -> Decimal {
    let mut y = x;
    match y.set_scale(x.scale() + 2) {
        Ok(()) => y,
        // Beyond 28 decimal places: the division rounds as it must.
        Err(_) => x / Decimal::ONE_HUNDRED,
    }
}

/// The report order: the largest `next` first, then the largest `max`,
/// then the lower indicator number.
pub fn order(a: (&Stake, u32), b: (&Stake, u32)) -> Ordering {
    decimal::order::cmp(b.0.next, a.0.next)
        .then_with(|| decimal::order::cmp(b.0.max, a.0.max))
        .then_with(|| a.1.cmp(&b.1))
}

/// The gap report's action order: indicators with a next level first; then
/// the most points per level (the heaviest indicator); then the shortest
/// step to the next level (the quickest win); then the lower number.
pub fn action_order(a: (&Stake, u32), b: (&Stake, u32)) -> Ordering {
    b.0.next_level
        .is_some()
        .cmp(&a.0.next_level.is_some())
        .then_with(|| decimal::order::cmp(b.0.per_level, a.0.per_level))
        .then_with(|| decimal::order::cmp(a.0.step, b.0.step))
        .then_with(|| a.1.cmp(&b.1))
}

/// The target values with their stakes, in report order (most at stake
/// first).
pub fn ranked<'a>(fw: &Framework, targets: &'a [TargetValue]) -> Vec<(&'a TargetValue, Stake)> {
    ranked_by(fw, targets, order)
}

/// The target values with their stakes, sorted by `cmp`.
pub fn ranked_by<'a>(
    fw: &Framework,
    targets: &'a [TargetValue],
    cmp: fn((&Stake, u32), (&Stake, u32)) -> Ordering,
) -> Vec<(&'a TargetValue, Stake)> {
    let mut v: Vec<(&TargetValue, Stake)> = targets
        .iter()
        .map(|t| {
            let weight = fw
                .indicator(t.no)
                .map(|i| i.weight.value())
                .unwrap_or_default();
            (t, stake(fw, weight, t.estimate.point, t.evidenced.point))
        })
        .collect();
    v.sort_by(|a, b| cmp((&a.1, a.0.no), (&b.1, b.0.no)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_the_division() {
        let mut x: u64 = 11;
        for i in 0..50_000u32 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let m = i64::try_from(x >> 1).unwrap_or(0) >> (x % 50);
            let d = Decimal::new(m, i % 29);
            let q = d / Decimal::ONE_HUNDRED;
            let p = percent(d);
            assert_eq!(p, q, "{d}");
            assert_eq!(p.normalize().to_string(), q.normalize().to_string(), "{d}");
        }
    }
}
