//! A crosswalk file, exactly as `docs/crosswalk-format.md` describes it.
//!
//! Fields are declared in the order of the document, so writing a parsed
//! crosswalk back gives its canonical form.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::crosswalk::level::LevelRule;
use crate::crosswalk::relation::Relation;
use crate::crosswalk::rung::Rung;
use crate::decimal::serde_opt_dec;
use crate::text::Text;

/// A versioned, reviewed file of maps from one framework to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// Stable id, `<from>-to-<to>`; the file is named after it.
    pub id: String,
    /// A human title.
    pub title: String,
    /// The source framework id.
    pub from: String,
    /// The target framework id.
    pub to: String,
    /// Semantic version `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// `draft` or `reviewed`.
    pub status: Status,
    /// The crosswalk used by default between its two frameworks when a chain also exists.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
    /// Where the reading comes from (Bahasa Indonesia).
    pub source: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    /// How the level tables were set (Bahasa Indonesia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration_en: Option<String>,
    /// The maps, ordered by their first target, then first source.
    pub maps: Vec<Map>,
    /// Source indicators with no successor.
    #[serde(default)]
    pub retired: Vec<Retired>,
    /// Target indicators with no source.
    #[serde(default)]
    pub new: Vec<New>,
}

/// Review status of a crosswalk or a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not yet reviewed.
    Draft,
    /// Reviewed.
    Reviewed,
}

/// One map: sources → targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    /// Short stable id, unique within the crosswalk.
    pub id: String,
    /// Source indicator numbers (in `from`), ascending.
    pub sources: Vec<u32>,
    /// Target indicator numbers (in `to`), ascending.
    pub targets: Vec<u32>,
    /// What the sources together cover, compared with the targets together.
    pub relation: Relation,
    /// The share of the target's substance the sources cover, in (0, 1].
    #[serde(
        default,
        with = "serde_opt_dec",
        skip_serializing_if = "Option::is_none"
    )]
    pub coverage: Option<Decimal>,
    /// How a source value becomes a target value.
    pub level_rule: LevelRule,
    /// How several source values are combined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// The target's rungs above its floor and the source criteria that
    /// evidence each (the rubric reading); when present, the engine reads
    /// the sources rung by rung and `level_rule` is that reading at a
    /// uniform source value (checked by the `rungs-table` lint).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rungs: Vec<Rung>,
    /// How sure the reading is.
    pub confidence: Confidence,
    /// How far the sources' evidence still serves.
    pub evidence: Evidence,
    /// Why, citing the indicator texts (Bahasa Indonesia).
    pub rationale: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale_en: Option<String>,
    /// `draft` or `reviewed`.
    pub review: Status,
}

impl Map {
    /// The rationale in both languages (English falls back to Indonesian
    /// until the data has it; the `missing-translation` lint flags that).
    pub fn rationale_text(&self) -> Text {
        Text {
            id: self.rationale.clone(),
            en: self.rationale_en.clone(),
        }
    }

    /// The coverage, with the implied `1` for `equal` and `superset`.
    pub fn effective_coverage(&self) -> Option<Decimal> {
        match (self.coverage, self.relation) {
            (Some(c), _) => Some(c),
            (None, Relation::Equal | Relation::Superset) => Some(Decimal::ONE),
            (None, _) => None,
        }
    }
}

/// How several source values are combined before the level rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The weakest source.
    Min,
    /// Mean weighted by the source indicators' weights (an unanswered
    /// source counts at the scale minimum, as for every aggregation).
    WeightedMean,
    /// Any one source suffices.
    Max,
    /// Weighted mean over all sources, an unanswered one counting at the
    /// scale minimum: since the one rule for missing sources, the same as
    /// `weighted_mean`; kept to say the sources are distinct parts.
    AllOf,
}

impl Aggregation {
    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Min => "min",
            Aggregation::WeightedMean => "weighted_mean",
            Aggregation::Max => "max",
            Aggregation::AllOf => "all_of",
        }
    }

    /// What it does, for people.
    pub fn describe(self) -> Text {
        match self {
            Aggregation::Min => Text::new(
                "sumber terlemah (sasaran butuh semuanya pada tingkat itu)",
                "the weakest source (the target needs all of them at that level)",
            ),
            Aggregation::WeightedMean => Text::new(
                "rata-rata berbobot atas semua sumber; yang tidak dijawab dihitung pada tingkat terendah",
                "mean weighted by the sources' weights over all sources; an unanswered one counts at the scale minimum",
            ),
            Aggregation::Max => Text::new(
                "sumber terkuat (satu sumber sudah cukup)",
                "the strongest source (any one suffices)",
            ),
            Aggregation::AllOf => Text::new(
                "rata-rata berbobot atas semua sumber; yang tidak dijawab dihitung pada tingkat terendah",
                "mean weighted over all sources; an unanswered one counts at the scale minimum",
            ),
        }
    }

    /// Whether it weighs the sources by their catalog weights.
    pub fn uses_weights(self) -> bool {
        matches!(self, Aggregation::WeightedMean | Aggregation::AllOf)
    }
}

/// How sure a map is; ordered from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

impl Confidence {
    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// For people.
    pub fn describe(self) -> Text {
        match self {
            Confidence::Low => Text::new("rendah", "low"),
            Confidence::Medium => Text::new("sedang", "medium"),
            Confidence::High => Text::new("tinggi", "high"),
        }
    }
}

/// How far the sources' evidence (data dukung) still serves; ordered from
/// weakest to strongest (`drop` < `update` < `reuse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// It does not serve.
    Drop,
    /// Reuse after updating it to the new criteria.
    Update,
    /// Reuse as it is.
    Reuse,
}

impl Evidence {
    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Drop => "drop",
            Evidence::Update => "update",
            Evidence::Reuse => "reuse",
        }
    }

    /// What it means, for people.
    pub fn describe(self) -> Text {
        match self {
            Evidence::Drop => Text::new("tidak berlaku lagi", "no longer serves"),
            Evidence::Update => Text::new(
                "dipakai ulang setelah diperbarui ke kriteria baru",
                "reused after updating it to the new criteria",
            ),
            Evidence::Reuse => Text::new("dipakai ulang apa adanya", "reused as it is"),
        }
    }
}

impl Status {
    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Reviewed => "reviewed",
        }
    }

    /// For people.
    pub fn describe(self) -> Text {
        match self {
            Status::Draft => Text::new("draf", "draft"),
            Status::Reviewed => Text::new("sudah ditinjau", "reviewed"),
        }
    }
}

/// A source indicator with no successor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The source indicator number.
    pub indicator: u32,
    /// Why it has no successor (Bahasa Indonesia).
    pub reason: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_en: Option<String>,
}

impl Retired {
    /// The reason in both languages.
    pub fn reason_text(&self) -> Text {
        Text {
            id: self.reason.clone(),
            en: self.reason_en.clone(),
        }
    }
}

/// A target indicator with no source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct New {
    /// The target indicator number.
    pub indicator: u32,
    /// Why it has no source (Bahasa Indonesia).
    pub reason: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_en: Option<String>,
    /// The external index key when the target is scored from another agency's index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

impl New {
    /// The reason in both languages.
    pub fn reason_text(&self) -> Text {
        Text {
            id: self.reason.clone(),
            en: self.reason_en.clone(),
        }
    }
}

/// A semantic version `MAJOR.MINOR.PATCH` (no pre-release or build part).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Bumped when maps are added or removed.
    pub major: u64,
    /// Bumped when a level rule, relation or confidence changes.
    pub minor: u64,
    /// Bumped for text only.
    pub patch: u64,
}

impl Version {
    /// Parses `1.0.0`; numbers have no leading zeros.
    pub fn parse(s: &str) -> Option<Version> {
        let mut parts = s.split('.');
        let mut num = || -> Option<u64> {
            let p = parts.next()?;
            let ok = !p.is_empty()
                && p.len() <= 18
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p == "0" || !p.starts_with('0'));
            if ok { p.parse().ok() } else { None }
        };
        let v = Version {
            major: num()?,
            minor: num()?,
            patch: num()?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(v)
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

impl Crosswalk {
    /// The parsed version, when it is a valid semantic version.
    pub fn semver(&self) -> Option<Version> {
        Version::parse(&self.version)
    }

    /// `id@version`.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }

    /// The map with `id`.
    pub fn map(&self, id: &str) -> Option<&Map> {
        self.maps.iter().find(|m| m.id == id)
    }
}
