//! A calibration as data: the few parameters that turn an evidenced value
//! into a projection (what assessors will likely give), the pairs of real
//! results it rests on, the method, and its errors against trivial
//! baselines. One file per crosswalk: `calibrations/<crosswalk id>.json`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::decimal::{order, serde_dec, serde_opt_dec};

/// How the strictness parameters are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// One strictness for every indicator.
    Global,
    /// One strictness per aspect (the global one where an aspect had no data).
    PerAspect,
}

impl Method {
    /// As written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Global => "global",
            Method::PerAspect => "per_aspect",
        }
    }
}

/// The fitted parameters: projection = floor + c + s × (evidenced − floor),
/// clamped to the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// The global offset `c`: what assessors give above the floor where the
    /// old answers evidence nothing (new work, documents uploaded).
    #[serde(with = "serde_dec")]
    pub offset: Decimal,
    /// The global strictness `s`.
    #[serde(with = "serde_dec")]
    pub strictness: Decimal,
    /// Per-aspect strictness, by aspect number (only with `per_aspect`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aspects: BTreeMap<String, DecStr>,
}

/// A decimal written as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DecStr(#[serde(with = "serde_dec")] pub Decimal);

/// The calibration band: how far real values fell from their projections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Nominal share of indicator values inside ± `width` (0.8).
    #[serde(with = "serde_dec")]
    pub coverage: Decimal,
    /// Half-width, added below and above the projected range.
    #[serde(with = "serde_dec")]
    pub width: Decimal,
    /// Residuals it comes from: `in_sample` (n = 1) or `leave_one_out`.
    pub residuals: String,
    /// How many indicator residuals.
    pub m: usize,
}

/// One pair of real results the calibration rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The agency.
    pub agency: String,
    /// Year of the old (SPBE) assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    /// Year of the real Pemdi result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_year: Option<i32>,
    /// `provisional` or `final`.
    pub status: String,
    /// Where the real result comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Errors of one predictor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Errors {
    /// Weighted mean absolute error per indicator (weights of the indicators).
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub indicator_mae: Option<Decimal>,
    /// Largest absolute error of one indicator.
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub indicator_max: Option<Decimal>,
    /// Mean absolute error of the index.
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_mae: Option<Decimal>,
    /// Largest absolute error of the index.
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_max: Option<Decimal>,
    /// Spearman's rank correlation of the indices (n >= 3).
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub spearman: Option<Decimal>,
    /// Share of real indicator values inside their projected range.
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub indicator_coverage: Option<Decimal>,
    /// Share of real indices inside their projected range.
    #[serde(
        with = "serde_opt_dec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_coverage: Option<Decimal>,
}

/// The model's errors and the baselines'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorTable {
    /// The model on the pairs it was fitted on.
    pub in_sample: Errors,
    /// The model refitted without each pair, on that pair (n >= 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_one_out: Option<Errors>,
    /// Baselines: `floor`, `ratio`, `linear` (in-sample; leave-one-out
    /// under `<name>_loo` when n >= 2).
    pub baselines: BTreeMap<String, Errors>,
}

/// A calibration file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calibration {
    /// The crosswalk id it calibrates (the file's stem).
    pub id: String,
    /// Semantic version of this calibration.
    pub version: String,
    /// The path of crosswalks (`id@version`) the evidenced values came from.
    pub crosswalks: Vec<String>,
    /// Source framework of the pairs.
    pub from: String,
    /// Target framework.
    pub to: String,
    /// Parameter layout.
    pub method: Method,
    /// The fitted parameters.
    pub parameters: Parameters,
    /// The calibration band.
    pub band: Band,
    /// Number of pairs.
    pub n: usize,
    /// The pairs.
    pub pairs: Vec<Pair>,
    /// Errors against the baselines.
    pub errors: ErrorTable,
    /// What it is, in Bahasa Indonesia (generated with its figures).
    pub description: String,
    /// The same in English.
    pub description_en: String,
}

/// Below this many pairs, projections are *indikatif*.
pub const INDICATIVE_BELOW: usize = 10;

impl Calibration {
    /// `id@version`.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }

    /// The strictness for an aspect (by number).
    pub fn strictness(&self, aspect: u32) -> Decimal {
        match self.method {
            Method::Global => self.parameters.strictness,
            Method::PerAspect => self
                .parameters
                .aspects
                .get(&aspect.to_string())
                .map_or(self.parameters.strictness, |d| d.0),
        }
    }

    /// The global offset.
    pub fn offset(&self) -> Decimal {
        self.parameters.offset
    }

    /// Whether the projection rests on too few pairs to be more than indicative.
    pub fn indicative(&self) -> bool {
        self.n < INDICATIVE_BELOW
    }

    /// How many pairs were provisional.
    pub fn provisional(&self) -> usize {
        self.pairs.iter().filter(|p| p.status != "final").count()
    }
}

/// The projection of an evidenced value `e` with offset `c` and strictness
/// `s` on the scale `[min, max]`: `min + c + s × (e − min)`, clamped.
pub fn apply(c: Decimal, s: Decimal, e: Decimal, min: Decimal, max: Decimal) -> Decimal {
    let p = min + c + s * (e - min);
    order::min(order::max(p, min), max)
}
