//! The catalog of one framework version, as stored in
//! `mappings/frameworks/<id>.json`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::Scoring;
use crate::decimal::{Frac, serde_dec, serde_opt_dec};
use crate::text::{Lang, Text};

/// One versioned indicator catalog: `spbe-2018`, `spbe-2020`, `pemdi-2025`, `pemdi-2026`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Framework id, e.g. `spbe-2020`.
    pub id: String,
    /// Title in Indonesian.
    pub title: String,
    /// Title in English.
    pub title_en: String,
    /// Year of the regulation; orders frameworks from oldest to newest.
    pub year: u32,
    /// The regulation that defines the framework.
    pub regulation: String,
    /// The same in English (texts people read are in both languages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulation_en: Option<String>,
    /// When it was in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_en: Option<String>,
    /// Where the facts come from.
    pub source: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    /// How sure the facts are: `quoted`, `secondary`, `inferred`.
    pub confidence: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_en: Option<String>,
    /// The value scale of indicators.
    pub scale: Scale,
    /// Domains (SPBE only).
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// Aspects.
    pub aspects: Vec<Aspect>,
    /// Indicators, numbered from 1.
    pub indicators: Vec<Indicator>,
    /// Predicate bands.
    pub predicates: Predicates,
    /// Indicators scored from other agencies' indices, and how to convert them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_indices: Vec<ExternalIndex>,
    /// The scored rows with their aspect and domain positions, built once.
    #[serde(skip)]
    pub(crate) plan: std::sync::OnceLock<Plan>,
}

/// The scored rows of a framework with the positions of their aspect and
/// domain, so that scoring is one pass.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Scored rows in catalog order.
    pub items: Vec<Item>,
    /// For each row, the position of its aspect in `Framework::aspects`.
    pub aspect: Vec<usize>,
    /// For each row, the position of its domain in `Framework::domains`.
    pub domain: Vec<Option<usize>>,
    /// For each row, its id (`spbe-2020:22`, `spbe-2018:35-1`).
    pub ids: Vec<String>,
    /// The row of each key (`22`, `35-1`).
    pub rows: std::collections::HashMap<String, usize>,
    /// A common denominator of the rows' weights.
    pub den: Decimal,
    /// For each row, its weight times `den` (so weighted sums add
    /// numerators only, exactly).
    pub num: Vec<Decimal>,
}

/// The value scale of a framework's indicators.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest value.
    #[serde(with = "serde_dec")]
    pub min: Decimal,
    /// Highest value.
    #[serde(with = "serde_dec")]
    pub max: Decimal,
    /// Whether values are whole levels (SPBE) or decimals (Pemdi 2026).
    pub integer: bool,
    /// Level names per level scale (`process`, `service`), keyed by level.
    #[serde(default)]
    pub level_names: BTreeMap<String, BTreeMap<String, Text>>,
    /// Notes on the scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// A domain (SPBE 2018 and 2020).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Number.
    pub no: u32,
    /// Name in Indonesian.
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Weight in percent of the index.
    pub weight: Frac,
}

/// An aspect: a group of indicators with a weight.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
    /// Number.
    pub no: u32,
    /// The domain it belongs to, where the framework has domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<u32>,
    /// Name in Indonesian.
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Weight in percent of the index.
    pub weight: Frac,
    /// Its indicators, by number.
    pub indicators: Vec<u32>,
    /// Notes (e.g. the ministry that guides it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// One indicator.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Number within the framework.
    pub no: u32,
    /// The aspect it belongs to.
    pub aspect: u32,
    /// Name in Indonesian, as in the regulation.
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Weight in percent of the index.
    pub weight: Frac,
    /// Which level-name scale applies (`process` or `service`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_scale: Option<String>,
    /// The questionnaire question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Criteria per level, keyed by level.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, Text>,
    /// How sure the level criteria are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels_confidence: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels_confidence_en: Option<String>,
    /// Notes on the level criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels_note: Option<Text>,
    /// Separately scored rows (spbe-2018 indicator 35: `35-1`..`35-3`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// Notes on the rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_note_en: Option<String>,
    /// Key of the external index it is scored from (see [`ExternalIndex`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
    /// Notes on unconfirmed external scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_note_en: Option<String>,
    /// How assessors score it, where it is not simply from documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// A new obligation this indicator brings (personal-data protection,
    /// cryptography, ...), said in both languages; gap reports call it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<Text>,
    /// Other names seen in sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_variants: Vec<String>,
    /// How sure the name and weight are.
    pub confidence: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_en: Option<String>,
}

impl Indicator {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    /// Whether the level criteria are indicative only (summaries of
    /// secondary sources, as for Pemdi 2026), not the regulation's text.
    pub fn levels_indicative(&self) -> bool {
        let en = self.levels_confidence_en.as_deref();
        let id = self.levels_confidence.as_deref();
        en.is_some_and(|c| c.starts_with("indicative"))
            || id.is_some_and(|c| c.starts_with("indicative") || c.starts_with("hanya indikatif"))
    }

    /// The name in `lang` without the "Tingkat Kematangan " (maturity
    /// level) prefix most names share.
    pub fn short_name(&self, lang: Lang) -> &str {
        let n = self.name(lang);
        n.strip_prefix("Tingkat Kematangan ").unwrap_or(n)
    }

    /// The level criteria of `level`, if known.
    pub fn level(&self, level: u32) -> Option<&Text> {
        self.levels.get(&level.to_string())
    }
}

impl Aspect {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }
}

impl Domain {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }
}

/// Predicate bands and their provenance.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predicates {
    /// Bands in ascending order; each runs from its `from` to the next band's
    /// `from` (exclusive); the last includes the scale maximum.
    pub bands: Vec<Band>,
    /// How sure.
    pub confidence: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// One predicate band.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Lower bound (inclusive).
    #[serde(with = "serde_dec")]
    pub from: Decimal,
    /// Predicate in Indonesian, e.g. `Baik`.
    pub name: String,
    /// English.
    pub name_en: String,
    /// Pemdi 2026 maturity label, e.g. `Berkembang`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// English maturity label, e.g. `Developing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
}

impl Band {
    /// The predicate in `lang`, with the maturity label where there is one.
    pub fn name(&self, lang: Lang) -> String {
        let (name, label) = match lang {
            Lang::Id => (&self.name, &self.label),
            Lang::En => (&self.name_en, &self.label_en),
        };
        match label {
            Some(l) => format!("{name} ({l})"),
            None => name.clone(),
        }
    }
}

/// An external index from which an indicator is scored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalIndex {
    /// Key used on the command line and in files (`sdi`, `sjig`, `epss`, ...).
    pub key: String,
    /// The indicator it scores.
    pub indicator: u32,
    /// Name of the index.
    pub name: String,
    /// The agency that publishes it.
    pub owner: String,
    /// Lowest index value.
    #[serde(
        default,
        with = "serde_opt_dec",
        skip_serializing_if = "Option::is_none"
    )]
    pub min: Option<Decimal>,
    /// Highest index value.
    #[serde(
        default,
        with = "serde_opt_dec",
        skip_serializing_if = "Option::is_none"
    )]
    pub max: Option<Decimal>,
    /// Band edges on the index's own scale (six edges for five levels),
    /// or absent when the bands are unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges: Option<Vec<DecStr>>,
    /// The matching edges on the framework's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_edges: Option<Vec<DecStr>>,
    /// How sure the bands are.
    pub confidence: String,
    /// Notes.
    pub note: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// A decimal written as a string in data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DecStr(#[serde(with = "serde_dec")] pub Decimal);

/// A scored row of a framework: usually one indicator; spbe-2018 indicator
/// 35 has up to three (`35-1`, `35-2`, `35-3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The suffix of its id: `22` or `35-1`.
    pub key: String,
    /// The indicator number.
    pub indicator: u32,
    /// Its weight in percent of the index.
    pub weight: Frac,
}
