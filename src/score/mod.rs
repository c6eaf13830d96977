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
    /// The value used for each item, by key.
    pub values: BTreeMap<String, Decimal>,
}

/// Item values: the answers plus converted external index values.
pub fn effective_values(
    fw: &Framework,
    a: &Assessment,
    opts: &ScoreOptions,
) -> Result<(BTreeMap<String, Decimal>, Vec<ExternalConversion>)> {
    let mut values: BTreeMap<String, Decimal> = a
        .answers
        .iter()
        .map(|ans| (ans.key().to_string(), ans.value))
        .collect();
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
        if values.contains_key(&key) {
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
        values.insert(key, c.value);
        conversions.push(c);
    }
    conversions.sort_by_key(|c| c.indicator);
    Ok((values, conversions))
}

/// The score of a group of items given as `(weight, value)` pairs (a
/// missing value counts at the scale's ends).
fn unit<'a>(
    fw: &Framework,
    items: impl Iterator<Item = (Frac, Option<&'a Decimal>)>,
    no: u32,
    name: (&str, &str),
    weight: Frac,
) -> UnitScore {
    let mut low = Frac::ZERO;
    let mut high = Frac::ZERO;
    let mut answered = 0;
    let mut total = 0;
    for (w, v) in items {
        total += 1;
        match v {
            Some(v) => {
                answered += 1;
                low = low + w.mul_dec(*v);
                high = high + w.mul_dec(*v);
            }
            None => {
                low = low + w.mul_dec(fw.scale.min);
                high = high + w.mul_dec(fw.scale.max);
            }
        }
    }
    UnitScore {
        no,
        name: name.0.to_string(),
        name_en: name.1.to_string(),
        weight,
        answered,
        total,
        low: (low / weight).value().normalize(),
        high: (high / weight).value().normalize(),
    }
}

/// Scores `a` in its framework `fw`.
pub fn score<'a>(fw: &'a Framework, a: &Assessment, opts: &ScoreOptions) -> Result<Score<'a>> {
    let (values, external) = effective_values(fw, a, opts)?;
    Ok(score_values(
        fw,
        a.agency.clone(),
        a.year,
        values,
        external,
        opts.band_on,
    ))
}

/// Scores item values directly.
pub fn score_values(
    fw: &Framework,
    agency: Option<String>,
    year: Option<i32>,
    values: BTreeMap<String, Decimal>,
    external: Vec<ExternalConversion>,
    band_on: BandOn,
) -> Score<'_> {
    let items = fw.items();
    // Each item's aspect, domain and value, looked up once.
    let aspect_of: Vec<u32> = items
        .iter()
        .map(|it| fw.indicator(it.indicator).map(|i| i.aspect).unwrap_or(0))
        .collect();
    let domain_of: Vec<Option<u32>> = aspect_of
        .iter()
        .map(|a| fw.aspect(*a).and_then(|a| a.domain))
        .collect();
    let vals: Vec<Option<&Decimal>> = items.iter().map(|it| values.get(&it.key)).collect();
    let group = |keep: &dyn Fn(usize) -> bool| -> Vec<(Frac, Option<&Decimal>)> {
        (0..items.len())
            .filter(|i| keep(*i))
            .map(|i| (items[i].weight, vals[i]))
            .collect()
    };
    let aspects = fw
        .aspects
        .iter()
        .map(|asp| {
            let its = group(&|i| aspect_of[i] == asp.no);
            unit(
                fw,
                its.into_iter(),
                asp.no,
                (&asp.name, &asp.name_en),
                asp.weight,
            )
        })
        .collect();
    let domains = fw
        .domains
        .iter()
        .map(|d| {
            let its = group(&|i| domain_of[i] == Some(d.no));
            unit(fw, its.into_iter(), d.no, (&d.name, &d.name_en), d.weight)
        })
        .collect();
    let overall = unit(
        fw,
        items.iter().zip(vals.iter()).map(|(it, v)| (it.weight, *v)),
        0,
        (&fw.title, &fw.title_en),
        Frac::from_dec(Decimal::from(100)),
    );
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
