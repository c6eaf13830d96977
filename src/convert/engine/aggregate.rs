//! Aggregating source values as a map says (weighted mean, min, max),
//! with unanswered sources counted or skipped.

use rust_decimal::Decimal;

use crate::crosswalk::Aggregation;
use crate::decimal::order;

/// Aggregates `(value, weight)` pairs; `None` values are unanswered
/// sources, counted as `missing` unless `skip_missing`. `None` when nothing
/// is left to aggregate.
pub(super) fn aggregate(
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
