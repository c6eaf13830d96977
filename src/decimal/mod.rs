//! Exact decimal numbers: parsing as agencies write them, rounding as
//! KemenPANRB does, and display in either language.
//!
//! Scores never touch binary floating point. Weights that are not finite
//! decimals (spbe-2018 shares 20 % over six rows: 10/3 % each) are kept as
//! fractions ([`Frac`]) and divided once, at the end.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Lang;

pub use rust_decimal::Decimal as Dec;

pub mod fixed;
pub mod order;

/// Parses a decimal written with a comma or a dot (`3,28`, `3.28`, ` 4 `).
///
/// Thousands separators are not accepted: index values and weights are small.
pub fn parse(s: &str) -> Option<Decimal> {
    let t = s.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    // Most values are one digit: a level.
    if let [d @ b'0'..=b'9'] = t.as_bytes() {
        return Some(Decimal::from(d - b'0'));
    }
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    if commas + dots > 1 {
        return None;
    }
    let norm = if commas > 0 {
        std::borrow::Cow::Owned(t.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(t)
    };
    if !norm
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return None;
    }
    if norm.starts_with('.') || norm.ends_with('.') {
        return None;
    }
    // `Decimal` rounds past 28 significant digits: such a text is refused,
    // never rounded (`5.00000000000000000000000000001` is not 5).
    if significant_digits(&norm) > MAX_DIGITS {
        return None;
    }
    Decimal::from_str(&norm).ok()
}

/// Most significant digits a number read may have (what `Decimal` holds
/// exactly whatever the digits).
pub const MAX_DIGITS: usize = 28;

/// The digits of a plain decimal text (`-012.3400`) between its first and
/// last non-zero digit, the integer part's zeros included.
pub fn significant_digits(t: &str) -> usize {
    let t = t.trim().trim_start_matches(['+', '-']);
    let (int, frac) = t.split_once(['.', ',']).unwrap_or((t, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.is_empty() {
        frac.trim_start_matches('0').len()
    } else {
        int.len() + frac.len()
    }
}

/// Whether `s` is a plain number with more digits than are read exactly.
pub fn too_precise(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        && significant_digits(t) > MAX_DIGITS
}

/// Rounds half up (away from zero) to `dp` places, on the exact value:
/// 4,765 becomes 4,77.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The 2-decimal display value, as a string with a dot (machine formats).
pub fn fixed2(d: Decimal) -> String {
    let mut s = String::with_capacity(8);
    fixed::push_fixed(&mut s, d, 2);
    s
}

/// The exact value as a plain decimal string without trailing zeros.
pub fn exact(d: Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}

/// The 2-decimal display value for people: `3,28` in Indonesian, `3.28` in English.
pub fn show2(d: Decimal, lang: Lang) -> String {
    localize(&fixed2(d), lang)
}

/// A display with `dp` decimals, rounded half up and localized, with a
/// leading `+` (index points gained: `+0,068`).
pub fn show_gain(d: Decimal, dp: u32, lang: Lang) -> String {
    let mut s = String::from("+");
    fixed::push_fixed(&mut s, d, dp);
    localize(&s, lang)
}

/// A short display: the exact value when it has at most 2 decimals, else 2
/// decimals (`1,3`, `10`, `3,33`), localized.
pub fn show_short(d: Decimal, lang: Lang) -> String {
    let n = d.normalize();
    let s = if n.scale() <= 2 { exact(n) } else { fixed2(n) };
    localize(&s, lang)
}

/// Swaps the decimal point for a comma in Indonesian.
pub fn localize(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s.to_string(),
    }
}

/// An exact fraction of two decimals, for weights such as 10/3.
#[derive(Debug, Clone, Copy)]
pub struct Frac {
    /// Numerator.
    pub num: Decimal,
    /// Denominator, never zero.
    pub den: Decimal,
}

impl Frac {
    /// Zero.
    pub const ZERO: Frac = Frac {
        num: Decimal::ZERO,
        den: Decimal::ONE,
    };

    /// A whole decimal.
    pub fn from_dec(d: Decimal) -> Frac {
        Frac {
            num: d,
            den: Decimal::ONE,
        }
    }

    /// Parses `1.3`, `1,3` or `10/3`.
    pub fn parse(s: &str) -> Option<Frac> {
        match s.split_once('/') {
            Some((a, b)) => {
                let num = parse(a)?;
                let den = parse(b)?;
                if den.is_zero() {
                    return None;
                }
                Some(Frac { num, den })
            }
            None => parse(s).map(Frac::from_dec),
        }
    }

    /// Sum of two fractions.
    fn sum(self, o: Frac) -> Frac {
        if self.den == o.den {
            return Frac {
                num: self.num + o.num,
                den: self.den,
            };
        }
        Frac {
            num: self.num * o.den + o.num * self.den,
            den: self.den * o.den,
        }
    }

    /// Product with a decimal.
    pub fn mul_dec(self, d: Decimal) -> Frac {
        Frac {
            num: self.num * d,
            den: self.den,
        }
    }

    /// Division by a decimal (kept exact).
    pub fn div_dec(self, d: Decimal) -> Frac {
        Frac {
            num: self.num,
            den: self.den * d,
        }
    }

    /// Quotient of two fractions (kept exact).
    fn quotient(self, o: Frac) -> Frac {
        Frac {
            num: self.num * o.den,
            den: self.den * o.num,
        }
    }

    /// The value, divided once (exact when the result is a finite decimal of
    /// at most 28 digits).
    pub fn value(self) -> Decimal {
        if self.den == Decimal::ONE {
            self.num
        } else {
            self.num / self.den
        }
    }

    /// Exact equality.
    pub fn same(self, o: Frac) -> bool {
        self.num * o.den == o.num * self.den
    }

    /// Is this zero?
    pub fn is_zero(self) -> bool {
        self.num.is_zero()
    }
}

impl std::ops::Add for Frac {
    type Output = Frac;
    fn add(self, o: Frac) -> Frac {
        self.sum(o)
    }
}

impl std::ops::Div for Frac {
    type Output = Frac;
    fn div(self, o: Frac) -> Frac {
        self.quotient(o)
    }
}

impl PartialEq for Frac {
    fn eq(&self, o: &Frac) -> bool {
        self.same(*o)
    }
}

impl Eq for Frac {}

impl fmt::Display for Frac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == Decimal::ONE {
            write!(f, "{}", exact(self.num))
        } else {
            write!(f, "{}/{}", exact(self.num), exact(self.den))
        }
    }
}

impl Serialize for Frac {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Frac {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Frac, D::Error> {
        let s = String::deserialize(d)?;
        Frac::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a weight (write a decimal such as \"1.3\" or a fraction such as \"10/3\")"
            ))
        })
    }
}

/// Serde helpers for decimals written as strings in data files (`"1.3"`),
/// also accepting JSON numbers when reading.
pub mod serde_dec {
    use super::*;

    /// Writes the exact decimal as a string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&exact(*d))
    }

    /// Reads a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        from_value(&v).ok_or_else(|| {
            serde::de::Error::custom(format!("`{v}` is not a decimal number (write \"3.5\")"))
        })
    }

    /// Reads a decimal from a JSON string or number.
    pub fn from_value(v: &serde_json::Value) -> Option<Decimal> {
        match v {
            serde_json::Value::String(s) => parse(s),
            serde_json::Value::Number(n) => parse(&n.to_string()),
            _ => None,
        }
    }
}

/// Like [`serde_dec`] for `Option<Decimal>`.
pub mod serde_opt_dec {
    use super::*;

    /// Writes the exact decimal as a string, or null.
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&exact(*d)),
            None => s.serialize_none(),
        }
    }

    /// Reads a string, a number or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        if v.is_null() {
            return Ok(None);
        }
        super::serde_dec::from_value(&v).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("`{v}` is not a decimal number (write \"3.5\")"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_on_exact_value() {
        assert_eq!(fixed2(parse("4.765").unwrap()), "4.77");
        assert_eq!(fixed2(parse("3.282").unwrap()), "3.28");
        assert_eq!(show2(parse("3.282").unwrap(), Lang::Id), "3,28");
    }

    #[test]
    fn parses_comma_and_rejects_garbage() {
        assert_eq!(parse("3,5"), parse("3.5"));
        assert!(parse("1.234,5").is_none());
        assert!(parse("abc").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn fractions_stay_exact() {
        let third = Frac::parse("10/3").unwrap();
        let sum = third + third + third + Frac::parse("10").unwrap();
        assert!(sum.same(Frac::parse("20").unwrap()));
    }
}
