//! The gap report of one agency: what last year's SPBE answers are worth in
//! the target framework, what each indicator still needs and what to do
//! first. Built once from a [`Conversion`](crate::convert::Conversion) and
//! the catalogs, in one language; every renderer reads only this model.
//!
//! Numbers stay exact decimals (serialized as strings with a dot); texts are
//! already in the report's language.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::convert::{CarriedText, Class, Estimate, SourceAnswer, Stamp};
use crate::report::stake::Stake;
use crate::text::Lang;

/// One agency's gap report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The report's language.
    pub lang: Lang,
    /// The agency, when the file says.
    pub agency: Option<String>,
    /// Last year's assessment and its own index.
    pub last: LastYear,
    /// The target framework.
    pub target: TargetInfo,
    /// Whether the assessment is already in the target framework (a Pemdi
    /// 2026 result read for next year): the headline is its own index and
    /// there is no SPBE face value to compare.
    pub same_framework: bool,
    /// The projected index of the target framework.
    pub projected: Scored,
    /// What its range claims, by cause: (a) the evidenced value and its
    /// range from unanswered sources, (b) the calibration and its band.
    pub ranges: Vec<String>,
    /// Last year's SPBE levels read at face value (without the stricter
    /// level rules), scored by the target framework's formula.
    #[serde(with = "crate::decimal::serde_dec")]
    pub face_index: Decimal,
    /// Aspects: projected beside last year's at face value.
    pub aspects: Vec<AspectRow>,
    /// Every target indicator, ordered by points at stake (see [`stake`](crate::report::stake)).
    pub indicators: Vec<IndicatorRow>,
    /// What to do, ordered by impact on the index; the first three are the
    /// ones to do first.
    pub actions: Vec<Action>,
    /// Indicators that bring a new obligation, in indicator order.
    pub obligations: Vec<Obligation>,
    /// External indicators without an index value: ask the owning agency.
    pub ask_external: Vec<ExternalAsk>,
    /// How many indicators are in each class.
    pub classes: Vec<ClassCount>,
    /// The crosswalks taken.
    pub path: Vec<String>,
    /// What data was used.
    pub stamp: Stamp,
    /// The print date given with `--date`, for people (`4 Desember 2026`);
    /// absent otherwise: the report never reads the clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Last year's assessment as scored in its own framework.
#[derive(Debug, Clone, Serialize)]
pub struct LastYear {
    /// Framework id (`spbe-2020`).
    pub framework: String,
    /// Its title.
    pub title: String,
    /// The evaluation year, when the file says.
    pub year: Option<i32>,
    /// Items answered.
    pub answered: usize,
    /// Items in the framework.
    pub total: usize,
    /// The exact index when every item is answered.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub index: Option<Decimal>,
    /// Lowest index the unanswered items allow.
    #[serde(with = "crate::decimal::serde_dec")]
    pub low: Decimal,
    /// Highest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub high: Decimal,
    /// Predicate of the low end.
    pub predicate_low: String,
    /// Predicate of the high end.
    pub predicate_high: String,
}

/// The target framework.
#[derive(Debug, Clone, Serialize)]
pub struct TargetInfo {
    /// Framework id (`pemdi-2026`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Top of its scale.
    #[serde(with = "crate::decimal::serde_dec")]
    pub scale_max: Decimal,
}

/// A projected score with its range and predicates.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// Best guess.
    #[serde(with = "crate::decimal::serde_dec")]
    pub point: Decimal,
    /// Lowest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub low: Decimal,
    /// Highest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub high: Decimal,
    /// Predicate of the point.
    pub predicate: String,
    /// Predicate of the low end.
    pub predicate_low: String,
    /// Predicate of the high end.
    pub predicate_high: String,
}

/// One aspect of the target framework.
#[derive(Debug, Clone, Serialize)]
pub struct AspectRow {
    /// Number.
    pub no: u32,
    /// Name.
    pub name: String,
    /// Weight in percent of the index.
    #[serde(with = "crate::decimal::serde_dec")]
    pub weight: Decimal,
    /// The projection.
    pub projected: Scored,
    /// Last year's SPBE levels read at face value, by this aspect's formula.
    #[serde(with = "crate::decimal::serde_dec")]
    pub face: Decimal,
    /// Predicate of `face`.
    pub face_predicate: String,
}

/// One target indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// Position by points at stake (1 = most).
    pub rank: usize,
    /// Number.
    pub no: u32,
    /// `pemdi-2026:8`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Aspect number.
    pub aspect: u32,
    /// Weight in percent of the index.
    #[serde(with = "crate::decimal::serde_dec")]
    pub weight: Decimal,
    /// carried, derived, gap or external.
    pub class: Class,
    /// The class for people.
    pub class_label: String,
    /// The suggested value (absent for a gap or an external index not given).
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub value: Option<Decimal>,
    /// Projected point and honest range.
    pub estimate: Estimate,
    /// Last year's levels read at face value.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub face_value: Option<Decimal>,
    /// Weakest confidence of the maps used, for people.
    pub confidence: Option<String>,
    /// Index points at stake.
    pub stake: Stake,
    /// What the next level requires.
    pub next: Option<NextLevel>,
    /// New evidence to prepare, read from the next level's criteria.
    pub prepare: Vec<String>,
    /// The rubric reading: each rung evidenced and by which old answer,
    /// then the first rung not evidenced (empty without rungs).
    pub rungs: Vec<String>,
    /// Old evidence to reuse as it is.
    pub reuse: Vec<EvidenceRow>,
    /// Old evidence to update before reuse.
    pub update: Vec<EvidenceRow>,
    /// Old justifications, to rewrite for the new criteria.
    pub justifications: Vec<CarriedText>,
    /// The original answers used.
    pub sources: Vec<SourceAnswer>,
    /// The new obligation it brings, if any.
    pub obligation: Option<String>,
    /// The external index it is scored from.
    pub external: Option<ExternalRow>,
    /// Notes from the conversion.
    pub notes: Vec<String>,
}

/// The next level of an indicator and its criteria.
#[derive(Debug, Clone, Serialize)]
pub struct NextLevel {
    /// The level.
    pub level: u32,
    /// Its criteria from the catalog, when known.
    pub criteria: Option<String>,
    /// Whether the catalog's criteria are only indicative.
    pub indicative: bool,
}

/// An evidence item from last year.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRow {
    /// The answer it belonged to (`spbe-2020:22`).
    pub from: String,
    /// Title.
    pub name: String,
    /// Where it is, as written.
    pub url: Option<String>,
    /// `url` when it is a web address (http or https), safe to link.
    pub link: Option<String>,
}

/// An external index used for an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct ExternalRow {
    /// Key (`sdi`).
    pub key: String,
    /// Index name.
    pub name: String,
    /// The agency that publishes it.
    pub owner: String,
    /// The value given, when given.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub index_value: Option<Decimal>,
    /// Whether its conversion bands are known (else the indicator value is
    /// given directly).
    pub bands_known: bool,
}

/// One thing to do.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// Position (1 = do first).
    pub rank: usize,
    /// One of the three things to do first.
    pub first: bool,
    /// Indicator number.
    pub no: u32,
    /// Indicator name.
    pub name: String,
    /// What to do.
    pub text: String,
    /// Index points gained by reaching the next level.
    #[serde(with = "crate::decimal::serde_dec")]
    pub gain: Decimal,
    /// Index points gained by reaching the top.
    #[serde(with = "crate::decimal::serde_dec")]
    pub gain_max: Decimal,
}

/// A new obligation.
#[derive(Debug, Clone, Serialize)]
pub struct Obligation {
    /// Indicator number.
    pub no: u32,
    /// Indicator name.
    pub name: String,
    /// What it asks.
    pub text: String,
    /// The indicator's class for people.
    pub class_label: String,
    /// The projected point.
    #[serde(with = "crate::decimal::serde_dec")]
    pub point: Decimal,
}

/// An external index value to ask for.
#[derive(Debug, Clone, Serialize)]
pub struct ExternalAsk {
    /// Indicator number.
    pub no: u32,
    /// Indicator name.
    pub name: String,
    /// Index key (`sdi`).
    pub key: String,
    /// Index name.
    pub index: String,
    /// The agency that publishes it.
    pub owner: String,
    /// What to do.
    pub text: String,
}

/// How many indicators are in a class.
#[derive(Debug, Clone, Serialize)]
pub struct ClassCount {
    /// The class.
    pub class: Class,
    /// For people.
    pub label: String,
    /// What it means.
    pub help: String,
    /// How many.
    pub count: usize,
}
