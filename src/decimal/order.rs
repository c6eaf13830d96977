//! Comparing exact decimals quickly. `rust_decimal` compares two numbers
//! of different scales by rescaling 96-bit mantissas step by step; the
//! level rules and ranges of a conversion compare thousands of them per
//! assessment. Here a mantissa is rescaled once, in 128 bits, with the
//! same answer.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

/// 10^0 ..= 10^28: every scale difference two decimals can have.
const POW10: [u128; 29] = {
    let mut p = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// Compares `a` with `b` by value (`a.cmp(&b)`).
pub fn cmp(a: Decimal, b: Decimal) -> Ordering {
    // Zero has no sign here, as in `rust_decimal`'s order.
    let negative = |d: Decimal| d.is_sign_negative() && !d.is_zero();
    match (negative(a), negative(b)) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => magnitudes(a, b),
        (true, true) => magnitudes(b, a),
    }
}

/// Compares the absolute values of `a` and `b`. A mantissa is rescaled
/// in unsigned 128 bits (a signed overflow check would call into a slow
/// routine); where that overflows, it is beyond any 96-bit mantissa.
fn magnitudes(a: Decimal, b: Decimal) -> Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let rescaled = |m: u128, d: u32| POW10.get(d as usize).and_then(|p| m.checked_mul(*p));
    match sa.cmp(&sb) {
        Ordering::Equal => ma.cmp(&mb),
        Ordering::Less => rescaled(ma, sb - sa).map_or(Ordering::Greater, |x| x.cmp(&mb)),
        Ordering::Greater => rescaled(mb, sa - sb).map_or(Ordering::Less, |y| ma.cmp(&y)),
    }
}

/// Whether `a` and `b` are the same number (`a == b`).
pub fn eq(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) == Ordering::Equal
}

/// The smaller of `a` and `b`; `a` when they are equal (as `a.min(b)`).
pub fn min(a: Decimal, b: Decimal) -> Decimal {
    if cmp(a, b) == Ordering::Greater { b } else { a }
}

/// The larger of `a` and `b`; `a` when they are equal (as `a.max(b)`).
pub fn max(a: Decimal, b: Decimal) -> Decimal {
    if cmp(a, b) == Ordering::Less { b } else { a }
}

/// The largest whole number not above `d`.
pub fn floor_int(d: Decimal) -> i128 {
    match POW10.get(d.scale() as usize) {
        // Below 10^29: a signed 128-bit number.
        Some(p) if *p > 1 => d.mantissa().div_euclid(*p as i128),
        _ => d.mantissa(),
    }
}

/// The smallest whole number not below `d`.
pub fn ceil_int(d: Decimal) -> i128 {
    -floor_int(-d)
}

/// `d` rounded to `dp` places by `strategy`, then with trailing zeros
/// dropped (`d.round_dp_with_strategy(dp, strategy).normalize()`): the
/// same number, found in 128 bits for the usual strategies.
pub fn round_normalized(d: Decimal, dp: u32, strategy: RoundingStrategy) -> Decimal {
    let s = d.scale();
    let Some(p) = s
        .checked_sub(dp)
        .filter(|x| *x > 0)
        .and_then(|x| POW10.get(x as usize))
    else {
        return d.normalize();
    };
    // Below 10^29: a signed 128-bit number.
    let p = *p as i128;
    let m = d.mantissa();
    let (q, r) = (m / p, m % p);
    // Away from zero by one unit in the last place kept.
    let away = q + m.signum();
    let q = match strategy {
        RoundingStrategy::ToNegativeInfinity if r < 0 => away,
        RoundingStrategy::ToPositiveInfinity if r > 0 => away,
        RoundingStrategy::MidpointAwayFromZero if r.unsigned_abs() * 2 >= p.unsigned_abs() => away,
        RoundingStrategy::ToNegativeInfinity
        | RoundingStrategy::ToPositiveInfinity
        | RoundingStrategy::MidpointAwayFromZero => q,
        _ => return d.round_dp_with_strategy(dp, strategy).normalize(),
    };
    Decimal::from_i128_with_scale(q, dp).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_rust_decimal_at_the_edges() {
        let values = [
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_335, 28),
            Decimal::from_i128_with_scale(-79_228_162_514_264_337_593_543_950_335, 28),
            Decimal::new(30, 1),
            Decimal::new(3, 0),
            Decimal::new(33_333, 4),
            Decimal::from_i128_with_scale(33_333_333_333_333_333_333_333_333_333, 28),
        ];
        for a in values {
            for b in values {
                assert_eq!(cmp(a, b), a.cmp(&b), "{a} {b}");
                // The same number, written the same way (3 is not 3.0).
                let same =
                    |x: Decimal, y: Decimal| (x.mantissa(), x.scale()) == (y.mantissa(), y.scale());
                assert!(same(min(a, b), a.min(b)), "{a} {b}");
                assert!(same(max(a, b), a.max(b)), "{a} {b}");
            }
            assert_eq!(Decimal::from(floor_int(a)), a.floor(), "{a}");
            assert_eq!(Decimal::from(ceil_int(a)), a.ceil(), "{a}");
        }
    }
}
