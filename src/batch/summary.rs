//! What a batch keeps of each agency: one small summary row (last year's
//! index, the projection, the three biggest gaps), a failure when the file
//! could not be read, and running sums per target indicator for the
//! weakest indicators across the set. Conversions themselves are dropped as
//! soon as their row is made, so memory stays flat as the batch grows.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{BandOn, Framework, Indicator};
use crate::convert::{Class, Outline};
use crate::report::stake::{self, Stake};
use crate::text::Lang;

/// How many gaps a summary row names.
pub const TOP_GAPS: usize = 3;

/// One of an agency's biggest gaps.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// Indicator number.
    pub no: u32,
    /// Indicator id.
    pub id: String,
    /// Indicator name.
    pub name: String,
    /// Index points to the next level.
    #[serde(with = "crate::decimal::serde_dec")]
    pub gain: Decimal,
}

/// One agency in the summary.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyRow {
    /// The input file, as given.
    pub file: String,
    /// The report's file name in the output folder (none with `--summary-only`).
    pub report: Option<String>,
    /// The agency.
    pub agency: Option<String>,
    /// The year of the assessment.
    pub year: Option<i32>,
    /// Its framework.
    pub framework: String,
    /// Last year's exact index, when complete.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub last_index: Option<Decimal>,
    /// Lowest index the unanswered items allow.
    #[serde(with = "crate::decimal::serde_dec")]
    pub last_low: Decimal,
    /// Highest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub last_high: Decimal,
    /// Predicate (`Cukup`, or `Cukup–Baik` for a range).
    pub last_predicate: String,
    /// Projected index.
    #[serde(with = "crate::decimal::serde_dec")]
    pub point: Decimal,
    /// Lowest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub low: Decimal,
    /// Highest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub high: Decimal,
    /// Predicate of the projection.
    pub predicate: String,
    /// The biggest gaps, by points at stake.
    pub gaps: Vec<Gap>,
}

/// A file that could not be read or converted.
#[derive(Debug, Clone, Serialize)]
pub struct Failed {
    /// The input file, as given.
    pub file: String,
    /// The error, rendered in the batch's language.
    pub message: String,
}

/// The result of one input.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Converted.
    Done(Box<Done>),
    /// Not read or not converted: the summary's entry and the error.
    Failed(Failed, crate::error::Error),
}

/// What the batch keeps of one converted agency.
#[derive(Debug, Clone)]
pub struct Done {
    /// The summary row.
    pub row: AgencyRow,
    /// Projected point and whether it is a gap, per target indicator in
    /// catalog order.
    pub points: Vec<(Decimal, bool)>,
}

fn band_range(fw: &Framework, low: Decimal, high: Decimal, lang: Lang) -> String {
    let (l, h) = (
        fw.band(low, BandOn::Exact).name(lang),
        fw.band(high, BandOn::Exact).name(lang),
    );
    if l == h { l } else { format!("{l}–{h}") }
}

/// The [`TOP_GAPS`] indicators below the top of the scale with the most
/// at stake, in report order: the head of [`stake::ranked`] without those
/// at the top, found without sorting them all. `points` are the projected
/// and evidenced points of `to`'s indicators, in catalog order.
fn top_gaps(
    to: &Framework,
    points: impl Iterator<Item = (Decimal, Decimal)>,
) -> Vec<(&Indicator, Stake)> {
    let mut top: Vec<(&Indicator, Stake)> = Vec::with_capacity(TOP_GAPS + 1);
    for (ind, (point, evidenced)) in to.indicators.iter().zip(points) {
        let st = stake::stake(to, ind.weight.value(), point, evidenced);
        if st.next_level.is_none() {
            continue;
        }
        // After its equals, as the stable sort of `ranked` keeps them.
        let at = top
            .iter()
            .position(|(u, su)| stake::order((&st, ind.no), (su, u.no)) == Ordering::Less)
            .unwrap_or(top.len());
        if at < TOP_GAPS {
            top.insert(at, (ind, st));
            top.truncate(TOP_GAPS);
        }
    }
    top
}

/// The summary of one conversion.
pub fn summarize(
    conv: &Outline,
    from: &Framework,
    to: &Framework,
    lang: Lang,
    file: String,
    report: Option<String>,
) -> Done {
    let s = &conv.source;
    let gaps = top_gaps(
        to,
        conv.targets
            .iter()
            .map(|t| (t.estimate.point, t.evidenced.point)),
    )
    .into_iter()
    .map(|(ind, st)| Gap {
        no: ind.no,
        id: to.indicator_id(ind.no),
        name: ind.name(lang).to_string(),
        gain: st.next,
    })
    .collect();
    let p = &conv.index;
    Done {
        row: AgencyRow {
            file,
            report,
            agency: s.agency.clone(),
            year: s.year,
            framework: s.framework.clone(),
            last_index: s.index,
            last_low: s.low,
            last_high: s.high,
            last_predicate: band_range(from, s.low, s.high, lang),
            point: p.point,
            low: p.low,
            high: p.high,
            predicate: to.band(p.point, BandOn::Exact).name(lang),
            gaps,
        },
        points: conv
            .targets
            .iter()
            .map(|t| (t.estimate.point, t.class == Class::Gap))
            .collect(),
    }
}

/// Running sums per target indicator.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Agencies counted.
    pub agencies: u64,
    /// Sum of the projected index.
    pub index_sum: Decimal,
    sums: Vec<Decimal>,
    gaps: Vec<u64>,
}

/// One indicator across the batch.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorMean {
    /// Number.
    pub no: u32,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Weight in percent.
    #[serde(with = "crate::decimal::serde_dec")]
    pub weight: Decimal,
    /// Mean projected point over the agencies.
    #[serde(with = "crate::decimal::serde_dec")]
    pub mean: Decimal,
    /// Agencies where it is a gap (no source answer).
    pub gaps: u64,
    /// Scored from another agency's index (SDI, SJIG, EPSS, IKASANDI):
    /// its mean counts agencies without the index value at the floor, so
    /// the summary page lists it apart from the weakest indicators.
    pub external: bool,
}

impl Stats {
    /// Adds one agency.
    pub fn add(&mut self, d: &Done) {
        if self.sums.len() < d.points.len() {
            self.sums.resize(d.points.len(), Decimal::ZERO);
            self.gaps.resize(d.points.len(), 0);
        }
        for (i, (p, gap)) in d.points.iter().enumerate() {
            self.sums[i] += *p;
            self.gaps[i] += u64::from(*gap);
        }
        self.agencies += 1;
        self.index_sum += d.row.point;
    }

    /// The mean projected index.
    pub fn mean_index(&self) -> Option<Decimal> {
        (self.agencies > 0).then(|| self.index_sum / Decimal::from(self.agencies))
    }

    /// Target indicators by mean projected point, weakest first (then by
    /// number).
    pub fn weakest(&self, to: &Framework, lang: Lang) -> Vec<IndicatorMean> {
        if self.agencies == 0 {
            return vec![];
        }
        let n = Decimal::from(self.agencies);
        let mut v: Vec<IndicatorMean> = to
            .indicators
            .iter()
            .zip(self.sums.iter().zip(&self.gaps))
            .map(|(ind, (sum, gaps))| IndicatorMean {
                no: ind.no,
                id: to.indicator_id(ind.no),
                name: ind.name(lang).to_string(),
                weight: ind.weight.value(),
                mean: *sum / n,
                gaps: *gaps,
                external: ind.external.is_some(),
            })
            .collect();
        v.sort_by(|a, b| a.mean.cmp(&b.mean).then(a.no.cmp(&b.no)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{ConvertOptions, Converter};
    use crate::data::Data;

    /// The same gaps as the head of the full ranking, ties included.
    #[test]
    fn top_gaps_is_the_head_of_the_ranking() {
        let data = Data::embedded().expect("data");
        let to = data.catalog.newest().expect("target");
        let mut x: u64 = 3;
        for f in [
            "aceh-tengah-spbe-2025.json",
            "kemenkeu-spbe-2024.json",
            "kota-contoh-spbe-2019.csv",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures")
                .join(f);
            let a = crate::assessment::read(&path, &data.catalog, None).expect("reads");
            let c = Converter::new(&data, &a.framework, &ConvertOptions::default()).expect("path");
            let mut targets = c.convert(&a).expect("converts").indicators;
            for round in 0..200 {
                let expected: Vec<(u32, Stake)> = stake::ranked(to, &targets)
                    .into_iter()
                    .filter(|(_, st)| st.next_level.is_some())
                    .take(TOP_GAPS)
                    .map(|(t, st)| (t.no, st))
                    .collect();
                let points = targets
                    .iter()
                    .map(|t| (t.estimate.point, t.evidenced.point));
                let got: Vec<(u32, Stake)> = top_gaps(to, points)
                    .into_iter()
                    .map(|(ind, st)| (ind.no, st))
                    .collect();
                assert_eq!(got, expected, "{f}, round {round}");
                // New points, on a coarse grid so that ties are common.
                for t in &mut targets {
                    x = x
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    t.estimate.point =
                        Decimal::new(10 + (x >> 60) as i64 * 3, 1).min(Decimal::from(5));
                }
            }
        }
    }
}
