//! The canonical JSON form read in one pass, straight into an assessment.
//! Files written by tools (and by `convert`) are plain enough for a small
//! scanner: no escapes, known fields, ids in catalog order, levels as short
//! digit strings. Anything else in the file, and any answer that would be
//! an error, gives `None`, and the readers run from the start with their
//! places and messages. Whatever this reader takes, the readers build the
//! same assessment from (a test holds them together).

mod scan;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::assessment::build::parse_value;
use crate::assessment::resolve::{Resolver, Target};
use crate::assessment::{Answer, Assessment};
use crate::catalog::{Catalog, Framework, Plan};

/// A framework's whole-number scale bounds, for checking plain levels
/// without decimal arithmetic.
struct Bounds {
    lo: u128,
    hi: u128,
    integer: bool,
}

impl Bounds {
    fn of(fw: &Framework) -> Option<Bounds> {
        let whole = |d: Decimal| {
            (d.fract().is_zero() && !d.is_sign_negative())
                .then(|| d.to_u64())
                .flatten()
        };
        Some(Bounds {
            lo: whole(fw.scale.min)?.into(),
            hi: whole(fw.scale.max)?.into(),
            integer: fw.scale.integer,
        })
    }

    /// `s` as [`parse_value`] reads it, when `s` is plain (`2`, `3.50`:
    /// digits with at most one dot between them, at most 18 digits) and on
    /// the scale; `None` otherwise.
    fn level(&self, s: &str) -> Option<Decimal> {
        let (mut m, mut scale, mut digits, mut dot) = (0u64, 0u32, 0, false);
        for c in s.bytes() {
            match c {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > 18 {
                        return None;
                    }
                    m = m * 10 + u64::from(c - b'0');
                    scale += u32::from(dot);
                }
                b'.' if !dot && digits > 0 => dot = true,
                _ => return None,
            }
        }
        if digits == 0 || (dot && scale == 0) {
            return None;
        }
        while scale > 0 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        if self.integer && scale > 0 {
            return None;
        }
        // lo <= m / 10^scale <= hi, in whole numbers.
        let p = 10u128.pow(scale);
        let m128 = u128::from(m);
        if m128 < self.lo * p || m128 > self.hi * p {
            return None;
        }
        Decimal::try_from_i128_with_scale(m.into(), scale).ok()
    }
}

/// The plan row `indicator` resolves to, as [`Resolver::resolve`] finds
/// it; the row after the last one is tried first (files keep catalog
/// order). `ids` says whether the framework's ids split back into the
/// framework and the key, so that a plain comparison is enough.
fn row_of(
    resolver: &Resolver<'_>,
    plan: &Plan,
    ids: bool,
    indicator: &str,
    next: usize,
) -> Option<usize> {
    if ids {
        if plan.ids.get(next).is_some_and(|id| id == indicator) {
            return Some(next);
        }
        let fw = resolver.framework();
        if let Some(key) = indicator
            .strip_prefix(fw.id.as_str())
            .and_then(|r| r.strip_prefix(':'))
            && let Some(row) = plan.rows.get(key)
        {
            return Some(*row);
        }
    }
    match resolver.resolve(indicator) {
        Ok(Target::Item(row)) => Some(row),
        _ => None,
    }
}

/// Reads `text` (without a byte-order mark) into an assessment if it is in
/// the canonical form and has no errors; `given` is `--framework`.
pub fn read(text: &str, catalog: &Catalog, given: Option<&str>) -> Option<Assessment> {
    let doc = scan::doc(text)?;
    let from_file = doc.framework?.trim();
    if given.is_some_and(|g| g != from_file) {
        return None;
    }
    let fw = catalog.get(given.unwrap_or(from_file))?;
    let plan = fw.plan();
    let resolver = Resolver::new(fw);
    // A key holds no `:` or space, so an id splits back into the
    // framework's id and the key (as `split_id` splits it) when the
    // framework's id is not empty and has no space either.
    let ids = !fw.id.is_empty() && !fw.id.contains(char::is_whitespace);
    let bounds = Bounds::of(fw);
    let mut answers: Vec<Answer> = Vec::with_capacity(plan.items.len());
    let (mut next, mut last, mut in_order) = (0, None, true);
    for row in doc.answers? {
        let at = row_of(&resolver, plan, ids, row.indicator, next)?;
        next = at + 1;
        let Some(value) = row.value else { continue };
        let value = match bounds.as_ref().and_then(|b| b.level(value)) {
            Some(v) => v,
            None if value.trim().is_empty() => continue,
            None => parse_value(fw, value).ok()?,
        };
        in_order &= last.is_none_or(|l| l < at);
        last = Some(at);
        answers.push(Answer {
            indicator: plan.ids.get(at)?.clone(),
            value,
            justification: row
                .justification
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            evidence: row.evidence,
            origin: row.origin.and_then(crate::assessment::model::origin_code),
        });
    }
    if !in_order {
        let row = |a: &Answer| plan.rows.get(a.key()).copied();
        answers.sort_by_key(row);
        if answers.windows(2).any(|w| row(&w[0]) == row(&w[1])) {
            return None; // the same row twice
        }
    }
    Some(Assessment {
        framework: fw.id.clone(),
        agency: doc.agency.map(str::to_string),
        year: doc.year,
        source: doc.source.map(str::to_string),
        answers,
        external: Default::default(),
        notes: Default::default(),
    })
}

#[cfg(test)]
mod tests;
