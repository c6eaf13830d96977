//! Exact index computation by each framework's own rules: indicator,
//! aspect, domain and overall index, predicate bands, and the range a
//! partial assessment allows.

pub mod external;
mod render;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

pub use external::ExternalConversion;
pub use render::{render_json, render_text};

use crate::assessment::Assessment;
use crate::catalog::{BandOn, Framework};
use crate::decimal::Frac;
use crate::error::{Error, Result};
use crate::tr;

/// Options for scoring.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// How predicates are banded.
    pub band_on: BandOn,
    /// External index values from the command line, by key.
    pub external: Vec<(String, Decimal)>,
}

/// The score of a group of items (aspect, domain, whole index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitScore {
    /// Number (0 for the whole index).
    pub no: u32,
    /// Name in Indonesian.
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// Weight in percent of the index.
    pub weight: Frac,
    /// Items answered.
    pub answered: usize,
    /// Items in the group.
    pub total: usize,
    /// Lowest value the missing items allow (exact).
    pub low: Decimal,
    /// Highest value the missing items allow (exact).
    pub high: Decimal,
}

impl UnitScore {
    /// The exact value when every item is answered.
    pub fn index(&self) -> Option<Decimal> {
        (self.answered == self.total).then_some(self.low)
    }

    /// Whether every item is answered.
    pub fn complete(&self) -> bool {
        self.answered == self.total
    }
}

/// The scores of one assessment.
#[derive(Debug, Clone)]
pub struct Score<'a> {
    /// The framework.
    pub framework: &'a Framework,
    /// The assessment's agency.
    pub agency: Option<String>,
    /// The assessment's year.
    pub year: Option<i32>,
    /// How predicates are banded.
    pub band_on: BandOn,
    /// The whole index.
    pub overall: UnitScore,
    /// Aspects in order.
    pub aspects: Vec<UnitScore>,
    /// Domains in order (SPBE only).
    pub domains: Vec<UnitScore>,
    /// External index values converted.
    pub external: Vec<ExternalConversion>,
    /// The value used for each scored row of the plan (`None`: missing).
    pub values: Vec<Option<Decimal>>,
}

impl Score<'_> {
    /// The rows without a value, in catalog order: `(key, indicator
    /// number)` (`("5", 5)`, `("35-1", 35)`).
    pub fn missing(&self) -> Vec<(&str, u32)> {
        self.framework
            .plan()
            .items
            .iter()
            .zip(&self.values)
            .filter(|(_, v)| v.is_none())
            .map(|(it, _)| (it.key.as_str(), it.indicator))
            .collect()
    }

    /// The value used for the row with key `key` (`5`, `35-1`).
    pub fn value(&self, key: &str) -> Option<Decimal> {
        let row = self.framework.plan().rows.get(key)?;
        self.values.get(*row).copied().flatten()
    }
}

/// Item values, one per scored row of the plan: the answers plus converted
/// external index values.
pub fn effective_values(
    fw: &Framework,
    a: &Assessment,
    opts: &ScoreOptions,
) -> Result<(Vec<Option<Decimal>>, Vec<ExternalConversion>)> {
    let plan = fw.plan();
    let mut values: Vec<Option<Decimal>> = vec![None; plan.items.len()];
    // Answers come in catalog order: try the row after the last one first.
    let mut next = 0;
    for ans in &a.answers {
        let key = ans.key();
        let row = match plan.items.get(next) {
            Some(it) if it.key == key => Some(next),
            _ => plan.rows.get(key).copied(),
        };
        if let Some(row) = row {
            values[row] = Some(ans.value);
            next = row + 1;
        }
    }
    let mut given: Vec<(String, Decimal, &'static str)> = a
        .external
        .iter()
        .map(|(k, v)| (k.clone(), v.0, "file"))
        .collect();
    for (k, v) in &opts.external {
        if let Some(prev) = given.iter_mut().find(|(pk, _, _)| pk == k) {
            // The command line overrides the file.
            *prev = (k.clone(), *v, "--external");
        } else {
            given.push((k.clone(), *v, "--external"));
        }
    }
    let mut conversions = Vec::new();
    for (k, v, origin) in given {
        let c = external::convert_for(fw, &k, v, origin)?;
        let key = c.indicator.to_string();
        let row = plan.rows.get(&key).copied();
        if row.is_some_and(|r| values[r].is_some()) {
            return Err(Error::usage(tr!(
                "indikator {}:{} sudah diisi langsung dan juga diberi indeks eksternal `{}`",
                "indicator {}:{} has a value and is also given external index `{}`",
                fw.id,
                key,
                c.key
            ))
            .with_hint(tr!(
                "pakai salah satu: nilai indikatornya atau nilai indeks eksternalnya",
                "use one: the indicator's value or the external index value"
            )));
        }
        if let Some(r) = row {
            values[r] = Some(c.value);
        }
        conversions.push(c);
    }
    conversions.sort_by_key(|c| c.indicator);
    Ok((values, conversions))
}

/// Running sums of one group of items: numerators over the plan's common
/// denominator, so that adding is exact and cheap.
#[derive(Clone, Copy)]
struct Acc {
    low: Decimal,
    high: Decimal,
    answered: usize,
    total: usize,
}

impl Acc {
    const ZERO: Acc = Acc {
        low: Decimal::ZERO,
        high: Decimal::ZERO,
        answered: 0,
        total: 0,
    };

    fn add(&mut self, fw: &Framework, num: Decimal, v: Option<Decimal>) {
        self.total += 1;
        match v {
            Some(v) => {
                self.answered += 1;
                let x = num * v;
                self.low += x;
                self.high += x;
            }
            None => {
                self.low += num * fw.scale.min;
                self.high += num * fw.scale.max;
            }
        }
    }

    /// The group's score: its weighted sum divided by its weight, divided
    /// once (`sum / den / weight`).
    fn value(sum: Decimal, den: Decimal, weight: Frac) -> Decimal {
        (sum * weight.den / (den * weight.num)).normalize()
    }

    fn finish(self, den: Decimal, no: u32, name: (&str, &str), weight: Frac) -> UnitScore {
        UnitScore {
            no,
            name: name.0.to_string(),
            name_en: name.1.to_string(),
            weight,
            answered: self.answered,
            total: self.total,
            low: Acc::value(self.low, den, weight),
            high: Acc::value(self.high, den, weight),
        }
    }
}

/// The sums of a framework's groups.
struct Tally {
    overall: Acc,
    aspects: Vec<Acc>,
    domains: Vec<Acc>,
}

/// Adds up `values`, one per scored row of the plan (`None`: missing):
/// the whole index, and its aspects and domains when `groups`.
fn tally(fw: &Framework, values: impl Iterator<Item = Option<Decimal>>, groups: bool) -> Tally {
    let plan = fw.plan();
    let mut t = Tally {
        overall: Acc::ZERO,
        aspects: vec![Acc::ZERO; if groups { fw.aspects.len() } else { 0 }],
        domains: vec![Acc::ZERO; if groups { fw.domains.len() } else { 0 }],
    };
    for (i, v) in values.enumerate().take(plan.items.len()) {
        let num = plan.num[i];
        t.overall.add(fw, num, v);
        if !groups {
            continue;
        }
        if let Some(a) = t.aspects.get_mut(plan.aspect[i]) {
            a.add(fw, num, v);
        }
        if let Some(d) = plan.domain[i].and_then(|d| t.domains.get_mut(d)) {
            d.add(fw, num, v);
        }
    }
    t
}

/// The index and the aspect scores of complete values, one per scored row
/// of the plan: exact, without names (for projections).
pub fn index_of(fw: &Framework, values: impl Iterator<Item = Decimal>) -> (Decimal, Vec<Decimal>) {
    let den = fw.plan().den;
    let t = tally(fw, values.map(Some), true);
    let overall = Acc::value(t.overall.low, den, whole());
    let aspects = fw
        .aspects
        .iter()
        .zip(&t.aspects)
        .map(|(a, acc)| Acc::value(acc.low, den, a.weight))
        .collect();
    (overall, aspects)
}

/// The index of complete values, one per scored row of the plan: exact,
/// without aspects ([`index_of`]'s first half, for summaries).
pub fn overall_of(fw: &Framework, values: impl Iterator<Item = Decimal>) -> Decimal {
    // The same sum as `tally`'s, of complete values only.
    let plan = fw.plan();
    let mut sum = Decimal::ZERO;
    for (num, v) in plan.num.iter().zip(values) {
        sum += *num * v;
    }
    Acc::value(sum, plan.den, whole())
}

/// The whole index of `a` in `fw`, without aspects and domains (for
/// summaries): [`score`]'s `overall`.
pub fn overall_score(fw: &Framework, a: &Assessment, opts: &ScoreOptions) -> Result<UnitScore> {
    let (values, _) = effective_values(fw, a, opts)?;
    let t = tally(fw, values.into_iter(), false);
    Ok(t.overall
        .finish(fw.plan().den, 0, (&fw.title, &fw.title_en), whole()))
}

/// The weight of the whole index: 100 percent.
fn whole() -> Frac {
    Frac::from_dec(Decimal::ONE_HUNDRED)
}

/// Scores `a` in its framework `fw`.
pub fn score<'a>(fw: &'a Framework, a: &Assessment, opts: &ScoreOptions) -> Result<Score<'a>> {
    let (values, external) = effective_values(fw, a, opts)?;
    Ok(score_rows(
        fw,
        a.agency.clone(),
        a.year,
        values,
        external,
        opts.band_on,
    ))
}

/// Scores item values given by key (`5`, `35-1`).
pub fn score_values(
    fw: &Framework,
    agency: Option<String>,
    year: Option<i32>,
    values: BTreeMap<String, Decimal>,
    external: Vec<ExternalConversion>,
    band_on: BandOn,
) -> Score<'_> {
    let rows = fw
        .plan()
        .items
        .iter()
        .map(|it| values.get(&it.key).copied())
        .collect();
    score_rows(fw, agency, year, rows, external, band_on)
}

/// Scores item values given per scored row of the plan.
pub fn score_rows(
    fw: &Framework,
    agency: Option<String>,
    year: Option<i32>,
    values: Vec<Option<Decimal>>,
    external: Vec<ExternalConversion>,
    band_on: BandOn,
) -> Score<'_> {
    let plan = fw.plan();
    let t = tally(fw, values.iter().copied(), true);
    let den = plan.den;
    let aspects = fw
        .aspects
        .iter()
        .zip(t.aspects)
        .map(|(a, acc)| acc.finish(den, a.no, (&a.name, &a.name_en), a.weight))
        .collect();
    let domains = fw
        .domains
        .iter()
        .zip(t.domains)
        .map(|(d, acc)| acc.finish(den, d.no, (&d.name, &d.name_en), d.weight))
        .collect();
    let overall = t.overall.finish(den, 0, (&fw.title, &fw.title_en), whole());
    Score {
        framework: fw,
        agency,
        year,
        band_on,
        overall,
        aspects,
        domains,
        external,
        values,
    }
}
