//! Exact running sums of products, as a score adds up weighted values.
//! While every product and partial sum fits `rust_decimal`'s 96-bit
//! mantissa (as index values always do), the sum is kept in a 128-bit
//! integer at a scale, which is what `rust_decimal` would hold, without
//! its cost; past that, it continues in `rust_decimal` from the same
//! number, so the result is the same in every case.

use rust_decimal::Decimal;

use crate::decimal::order::pow10;

/// Mantissas must stay below 2^96 to be what `rust_decimal` holds.
const LIMIT: u128 = 1 << 96;

/// A running sum of products `a · b`.
#[derive(Debug, Clone, Copy)]
pub struct Sum {
    mantissa: i128,
    scale: u32,
    /// The sum in `rust_decimal`, once it no longer fits the quick form.
    slow: Option<Decimal>,
}

impl Sum {
    /// Nothing added yet.
    pub const ZERO: Sum = Sum {
        mantissa: 0,
        scale: 0,
        slow: None,
    };

    /// Adds `a · b` (as `sum += a * b`).
    pub fn add_product(&mut self, a: Decimal, b: Decimal) {
        match &mut self.slow {
            Some(s) => *s += a * b,
            None => {
                if !self.try_add(a, b) {
                    self.slow = Some(self.value() + a * b);
                }
            }
        }
    }

    /// Adds `a · b` in 128 bits when `rust_decimal` would do it exactly,
    /// at the same scale; `false` (and nothing done) otherwise.
    fn try_add(&mut self, a: Decimal, b: Decimal) -> bool {
        let ps = a.scale() + b.scale();
        let Some(product) = a.mantissa().checked_mul(b.mantissa()) else {
            return false;
        };
        let scale = self.scale.max(ps);
        let aligned = |m: i128, s: u32| {
            pow10(scale - s)
                .and_then(|p| m.checked_mul(p))
                .filter(|x| x.unsigned_abs() < LIMIT)
        };
        if ps > 28 || product.unsigned_abs() >= LIMIT {
            return false;
        }
        // As `rust_decimal` does: a zero product is a plain zero, and a zero
        // added to anything leaves the other operand as it is written.
        if product == 0 {
            if self.mantissa == 0 {
                self.scale = 0;
            }
            return true;
        }
        if self.mantissa == 0 {
            self.mantissa = product;
            self.scale = ps;
            return true;
        }
        let sum = aligned(self.mantissa, self.scale)
            .zip(aligned(product, ps))
            .and_then(|(x, y)| x.checked_add(y))
            .filter(|m| m.unsigned_abs() < LIMIT);
        match sum {
            Some(m) => {
                self.mantissa = m;
                self.scale = scale;
                true
            }
            None => false,
        }
    }

    /// The sum.
    pub fn value(&self) -> Decimal {
        self.slow
            .unwrap_or_else(|| Decimal::from_i128_with_scale(self.mantissa, self.scale))
    }
}
