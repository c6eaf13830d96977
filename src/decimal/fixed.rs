//! Decimals with a fixed number of places, written without `core::fmt`:
//! quicker (a batch writes a dozen per agency, on the one writer thread),
//! and never past `rust_decimal`'s formatter, which panics on a text longer
//! than 32 characters.

use rust_decimal::Decimal;

use crate::decimal::round;

/// Appends `d` rounded half up (away from zero) to `dp` places, with
/// exactly `dp` decimals after a point: the text of
/// `format!("{:.dp$}", round(d, dp))`, sign of a negative zero included.
pub fn push_fixed(out: &mut String, d: Decimal, dp: u32) {
    let r = round(d, dp);
    // After rounding the scale is at most `dp`: scale the mantissa up to
    // exactly `dp` places.
    let scaled = dp
        .checked_sub(r.scale())
        .and_then(|up| 10u128.checked_pow(up))
        .and_then(|f| r.mantissa().unsigned_abs().checked_mul(f));
    let (Some(scaled), Some(unit)) = (scaled, 10u128.checked_pow(dp)) else {
        // Beyond u128 (never for index values): the exact text, padded with
        // zeros to `dp` places.
        let text = r.to_string();
        out.push_str(&text);
        let have = r.scale();
        if dp > have && have == 0 {
            out.push('.');
        }
        out.extend((have..dp).map(|_| '0'));
        return;
    };
    if r.is_sign_negative() {
        out.push('-');
    }
    // u64 arithmetic where it fits (every index value): u128 division is
    // a library call.
    match (u64::try_from(scaled), u64::try_from(unit)) {
        (Ok(scaled), Ok(unit)) => push_point(out, scaled, unit, dp),
        _ => push_point(out, scaled, unit, dp),
    }
}

/// Appends `scaled / unit` with `dp` decimals, `unit` being `10^dp`.
fn push_point<N: Digits>(out: &mut String, scaled: N, unit: N, dp: u32) {
    let (int, frac) = scaled.div_rem(unit);
    push_digits(out, int, 1);
    if dp > 0 {
        out.push('.');
        push_digits(out, frac, dp as usize);
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
fn push_digits<N: Digits>(out: &mut String, mut n: N, width: usize) {
    let mut digits = [0u8; 40];
    let mut i = digits.len();
    while !n.is_zero() || digits.len() - i < width {
        i -= 1;
        digits[i] = b'0' + n.pop_digit();
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// Unsigned integers whose decimal digits can be popped.
trait Digits: Copy {
    fn is_zero(self) -> bool;
    /// Quotient and remainder.
    fn div_rem(self, by: Self) -> (Self, Self);
    /// Removes the last decimal digit and returns it.
    fn pop_digit(&mut self) -> u8;
}

macro_rules! digits {
    ($($t:ty),*) => {$(
        impl Digits for $t {
            fn is_zero(self) -> bool {
                self == 0
            }
            fn div_rem(self, by: Self) -> (Self, Self) {
                (self / by, self % by)
            }
            fn pop_digit(&mut self) -> u8 {
                let d = (*self % 10) as u8;
                *self /= 10;
                d
            }
        }
    )*};
}
digits!(u64, u128);

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d: Decimal) {
        for dp in 0..=5 {
            let mut got = String::new();
            push_fixed(&mut got, d, dp);
            // rust_decimal's formatter panics past 32 characters.
            if got.len() < 32 {
                let expected = format!("{:.prec$}", round(d, dp), prec = dp as usize);
                assert_eq!(got, expected, "{d:?} to {dp} places");
            }
        }
    }

    #[test]
    fn same_text_as_the_formatter() {
        for s in [
            "0",
            "-0",
            "0.000",
            "1",
            "-1",
            "2.345",
            "2.3449999",
            "4.995",
            "-4.995",
            "0.0004999",
            "0.0005",
            "-0.004",
            "5",
            "100",
            "3.3333333333333333333333333333",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395.0335",
            "0.0000000000000000000000000001",
        ] {
            check(s.parse().expect("decimal"));
        }
        check(-Decimal::new(0, 2));
        let mut big = String::new();
        push_fixed(&mut big, Decimal::MAX, 3);
        assert_eq!(big, "79228162514264337593543950335.000");
        // Past u128 and past the formatter's 32 characters: no panic.
        for (d, dp, text) in [
            (
                Decimal::MAX,
                28,
                format!("79228162514264337593543950335.{}", "0".repeat(28)),
            ),
            (
                Decimal::MIN,
                10,
                format!("-79228162514264337593543950335.{}", "0".repeat(10)),
            ),
            (Decimal::new(15, 1), 40, format!("1.5{}", "0".repeat(39))),
        ] {
            let mut got = String::new();
            push_fixed(&mut got, d, dp);
            assert_eq!(got, text);
        }
        // Many mantissas and scales (a fixed LCG).
        let mut x: u64 = 7;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let m = i64::try_from(x >> 20).unwrap_or(0) - (1 << 42);
            let scale = (x % 12) as u32;
            check(Decimal::new(m, scale));
        }
    }
}
