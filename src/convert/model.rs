//! What a conversion produces: for every target indicator a suggested value,
//! an honest range, a class and its provenance; and the projected index.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::convert::{BandUse, CalibrationUse, RungRead};
use crate::crosswalk::{Confidence, Evidence as Policy, RelSet};
use crate::text::{Lang, Text};

/// What a converted target value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// From an `equal` map at high confidence on every hop.
    Carried,
    /// Built from sources in any other way.
    Derived,
    /// No source, or no answered source.
    Gap,
    /// Scored from another agency's index.
    External,
    /// Scored from another agency's index not given; the value shown is
    /// the one the old answers evidence, standing in for it (and counted
    /// in the projected index as shown).
    Proxy,
}

impl MapInfo {
    /// The rationale in `lang` (English falls back to Indonesian).
    pub fn rationale(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.rationale_en.as_deref().unwrap_or(&self.rationale),
            Lang::Id => &self.rationale,
        }
    }
}

impl Class {
    /// Every class, in display order.
    pub const ALL: [Class; 5] = [
        Class::Carried,
        Class::Derived,
        Class::Proxy,
        Class::Gap,
        Class::External,
    ];

    /// The name used in files (`carried`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Carried => "carried",
            Class::Derived => "derived",
            Class::Gap => "gap",
            Class::External => "external",
            Class::Proxy => "proxy",
        }
    }

    /// For people.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Class::Carried => lang.pick("terbawa", "carried"),
            Class::Derived => lang.pick("turunan", "derived"),
            Class::Gap => lang.pick("celah", "gap"),
            Class::External => lang.pick("eksternal", "external"),
            Class::Proxy => lang.pick("proksi", "proxy"),
        }
    }
}

/// A point estimate with an honest range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// Best calibrated guess.
    #[serde(with = "crate::decimal::serde_dec")]
    pub point: Decimal,
    /// Lowest value the assessors could give.
    #[serde(with = "crate::decimal::serde_dec")]
    pub low: Decimal,
    /// Highest value the assessors could give.
    #[serde(with = "crate::decimal::serde_dec")]
    pub high: Decimal,
}

impl Estimate {
    /// A known value.
    pub fn exact(v: Decimal) -> Estimate {
        Estimate {
            point: v,
            low: v,
            high: v,
        }
    }
}

/// An original answer used, by id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceAnswer {
    /// `spbe-2020:22`.
    pub id: String,
    /// Its value.
    #[serde(with = "crate::decimal::serde_dec")]
    pub value: Decimal,
}

/// One evidence item carried forward.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CarriedEvidence {
    /// The answer it belonged to (`spbe-2020:22`).
    pub from: String,
    /// Title.
    pub name: String,
    /// Where it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `reuse` or `update`.
    pub policy: Policy,
}

/// A justification carried forward, to rewrite for the new criteria.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CarriedText {
    /// The answer it belonged to.
    pub from: String,
    /// The text.
    pub text: String,
}

/// What a map is, shared by every use of it (prepared once per conversion
/// path, so that converting many assessments copies no text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MapInfo {
    /// `id@version` of the crosswalk.
    pub crosswalk: String,
    /// The map's id.
    pub map: String,
    /// From framework.
    pub from: String,
    /// To framework.
    pub to: String,
    /// The map's relation.
    pub relation: String,
    /// Level rule, described.
    pub rule: String,
    /// Aggregation, when several sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<String>,
    /// The map's confidence.
    pub confidence: Confidence,
    /// The map's evidence policy.
    pub evidence: Policy,
    /// The map's coverage of its target, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<String>,
    /// Why the map reads so (from the crosswalk, Bahasa Indonesia).
    pub rationale: String,
    /// The same in English, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale_en: Option<String>,
    /// The target's rungs and the source criteria that evidence each.
    #[serde(skip)]
    pub rungs: Vec<crate::crosswalk::Rung>,
    /// The target indicators of the map.
    pub outputs: Vec<String>,
    /// The source indicators of the map, in order.
    #[serde(skip)]
    pub inputs: Vec<String>,
}

/// One map applied on one hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HopUse {
    /// The map.
    pub info: std::sync::Arc<MapInfo>,
    /// The point value of each of the map's sources (none when unanswered).
    pub values: Vec<Option<Decimal>>,
    /// The estimate it produced.
    pub estimate: Estimate,
}

impl HopUse {
    /// The inputs with their values.
    pub fn inputs(&self) -> Vec<HopInput> {
        self.info
            .inputs
            .iter()
            .zip(&self.values)
            .map(|(id, value)| HopInput {
                id: id.clone(),
                value: *value,
            })
            .collect()
    }
}

impl Serialize for HopUse {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            info: &'a MapInfo,
            inputs: Vec<HopInput>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            rungs: Vec<RungRead>,
            estimate: &'a Estimate,
        }
        Out {
            info: &self.info,
            inputs: self.inputs(),
            rungs: self.rungs(),
            estimate: &self.estimate,
        }
        .serialize(s)
    }
}

impl std::ops::Deref for HopUse {
    type Target = MapInfo;
    fn deref(&self) -> &MapInfo {
        &self.info
    }
}

/// One input of a hop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HopInput {
    /// Indicator id.
    pub id: String,
    /// Its point value, when known.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub value: Option<Decimal>,
}

/// An external index value used for a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalUse {
    /// Index key (`sdi`).
    pub key: String,
    /// Index name.
    pub name: String,
    /// Value given, when given.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub index_value: Option<Decimal>,
    /// Converted value, when given.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub value: Option<Decimal>,
    /// Confidence of the bands.
    pub confidence: String,
}

/// The converted value of one target indicator.
#[derive(Debug, Clone, Serialize)]
pub struct TargetValue {
    /// `pemdi-2026:3`.
    pub id: String,
    /// Number.
    pub no: u32,
    /// Name in Indonesian.
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Aspect number.
    pub aspect: u32,
    /// Weight in percent, as written in the catalog.
    pub weight: String,
    /// What it is.
    pub class: Class,
    /// The suggested value (absent for a gap or an external index not given).
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub value: Option<Decimal>,
    /// The projection (what assessors will likely give): the evidenced
    /// value through the calibration; its range is the evidenced range
    /// through the calibration widened by the calibration band.
    pub estimate: Estimate,
    /// The evidenced value: what the old answers evidence under the new
    /// rubric, read rung by rung (the engine's point); its range comes only
    /// from the sources listed in `unanswered` (a point when there are
    /// none). The calibration never changes it.
    pub evidenced: Estimate,
    /// The unanswered sources that make the evidenced range (`spbe-2020:7`),
    /// only when it is wider than a point: the low end counts them at their
    /// floor, the high end at their ceiling.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unanswered: Vec<String>,
    /// The calibration band added to this target's range, when calibrated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<BandUse>,
    /// The original answers at face value (aggregated as the maps say,
    /// without the level rules): what last year's levels read as here.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub face_value: Option<Decimal>,
    /// Weakest confidence along the way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// What the original answers cover of this indicator, as sets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// The original answers used.
    pub sources: Vec<SourceAnswer>,
    /// Every map applied, hop by hop.
    pub hops: Vec<HopUse>,
    /// Evidence items to reuse or update.
    pub evidence: Vec<CarriedEvidence>,
    /// Justifications to rewrite for the new criteria.
    pub justifications: Vec<CarriedText>,
    /// The external index, for externally scored indicators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<ExternalUse>,
    /// Why there is no source, or other notes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// A projected score: point and range, with predicates.
#[derive(Debug, Clone, Serialize)]
pub struct Projected {
    /// Number (0 for the whole index).
    pub no: u32,
    /// Name in Indonesian.
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// Weight in percent.
    pub weight: String,
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

/// What data the conversion used, so that it can be reproduced.
#[derive(Debug, Clone, Serialize)]
pub struct Stamp {
    /// spbe-pemdi version.
    pub tool: String,
    /// `embedded` or the data folder.
    pub data: String,
    /// Framework catalogs used: `id (year)`.
    pub catalogs: Vec<String>,
    /// Crosswalks used: `id@version`.
    pub crosswalks: Vec<String>,
    /// The calibration used: `id@version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<String>,
    /// SHA-256 over the catalog, crosswalk and calibration files used.
    pub hash: String,
}

/// Last year's score of the source assessment.
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    /// Framework.
    pub framework: String,
    /// Agency.
    pub agency: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Answered items.
    pub answered: usize,
    /// Items.
    pub total: usize,
    /// Exact index when complete.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub index: Option<Decimal>,
    /// Lowest index the unanswered items allow.
    #[serde(with = "crate::decimal::serde_dec")]
    pub low: Decimal,
    /// Highest.
    #[serde(with = "crate::decimal::serde_dec")]
    pub high: Decimal,
    /// Predicate of the index (or of both ends when they agree).
    pub predicate: Option<String>,
}

/// A whole conversion.
#[derive(Debug, Clone, Serialize)]
pub struct Conversion {
    /// The source assessment and its score.
    pub source: SourceSummary,
    /// Target framework.
    pub target: String,
    /// The path taken.
    pub path: Vec<String>,
    /// What data was used.
    pub stamp: Stamp,
    /// Every target indicator.
    pub indicators: Vec<TargetValue>,
    /// The projected index: the target formula over the projections;
    /// its range is the formula over their ranges (both causes).
    pub projected_index: Projected,
    /// The projected aspects.
    pub projected_aspects: Vec<Projected>,
    /// The evidenced index: the target formula over the evidenced values;
    /// its range comes from unanswered sources only.
    pub evidenced_index: Projected,
    /// The calibration used (none: the projection is the evidenced value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<CalibrationUse>,
}

impl Conversion {
    /// The target value with number `no`.
    pub fn indicator(&self, no: u32) -> Option<&TargetValue> {
        self.indicators.iter().find(|t| t.no == no)
    }

    /// How many targets are in each class ([`Class::ALL`] order).
    pub fn counts(&self) -> [(Class, usize); 5] {
        let n = |c: Class| self.indicators.iter().filter(|t| t.class == c).count();
        Class::ALL.map(|c| (c, n(c)))
    }
}

/// The relation set as a label, for files.
pub fn relation_label(r: RelSet) -> String {
    r.label()
}
