//! The review document of one crosswalk: every map with the names of its
//! indicators, the coverage figures, the dispositions and the lints that
//! apply, as a model rendered to Markdown ([`crate::review::markdown`]) or
//! JSON. Deterministic: everything comes in file or catalog order.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::Framework;
use crate::crosswalk::lint::{Finding, Severity, validate};
use crate::crosswalk::{
    Aggregation, Confidence, Evidence, LevelRule, LoadedCrosswalk, Relation, Status,
    load_crosswalks,
};
use crate::data::Data;
use crate::decimal::serde_opt_dec;
use crate::error::{Error, Result};
use crate::review::coverage::{Coverage, Disposition, coverage};
use crate::text::Text;
use crate::tr;

/// A framework, as named in a review.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkRef {
    /// `spbe-2020`.
    pub id: String,
    /// Title in Indonesian.
    pub title: String,
    /// Title in English.
    pub title_en: String,
}

/// An indicator, with its name.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRef {
    /// `spbe-2020:22`.
    pub id: String,
    /// Number.
    pub no: u32,
    /// Name without "Tingkat Kematangan " (empty when not in the catalog).
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Weight in percent, as written in the catalog.
    pub weight: String,
}

impl IndicatorRef {
    /// Indicator `no` of `fw`.
    pub fn of(fw: &Framework, no: u32) -> IndicatorRef {
        let ind = fw.indicator(no);
        IndicatorRef {
            id: fw.indicator_id(no),
            no,
            name: ind
                .map(|i| i.short_name(crate::Lang::Id).to_string())
                .unwrap_or_default(),
            name_en: ind.map(|i| i.name_en.clone()).unwrap_or_default(),
            weight: ind.map(|i| i.weight.to_string()).unwrap_or_default(),
        }
    }

    /// The name in `lang`, or a note that the catalog lacks it.
    pub fn name(&self, lang: crate::Lang) -> &str {
        match (lang, self.name.is_empty()) {
            (_, true) => lang.pick("(tidak ada di katalog)", "(not in the catalog)"),
            (crate::Lang::Id, false) => &self.name,
            (crate::Lang::En, false) => &self.name_en,
        }
    }
}

/// One map, for review.
#[derive(Debug, Clone, Serialize)]
pub struct MapReview {
    /// Map id.
    pub id: String,
    /// The line of its `"id"` in the file.
    pub line: Option<u64>,
    /// Sources with names.
    pub sources: Vec<IndicatorRef>,
    /// Targets with names.
    pub targets: Vec<IndicatorRef>,
    /// Relation.
    pub relation: Relation,
    /// Coverage, as written or implied (`None` when missing).
    #[serde(with = "serde_opt_dec")]
    pub coverage: Option<Decimal>,
    /// Whether the coverage is implied by the relation.
    pub coverage_implied: bool,
    /// Level rule, as in the file.
    pub level_rule: LevelRule,
    /// Aggregation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// Confidence.
    pub confidence: Confidence,
    /// Evidence policy.
    pub evidence: Evidence,
    /// Rationale, in both languages.
    pub rationale: Text,
    /// The rubric reading: the target's rungs and the criteria evidencing each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rungs: Vec<RungReview>,
    /// Review status.
    pub review: Status,
}

/// One rung of a map's rubric reading, its note in both languages.
#[derive(Debug, Clone, Serialize)]
pub struct RungReview {
    /// The target level.
    pub level: u32,
    /// Source criteria, any one of which evidences the rung.
    pub evidenced_by: Vec<String>,
    /// Why.
    pub note: Text,
}

impl From<&crate::crosswalk::Rung> for RungReview {
    fn from(r: &crate::crosswalk::Rung) -> RungReview {
        RungReview {
            level: r.level,
            evidenced_by: r.evidenced_by.clone(),
            note: r.note_text(),
        }
    }
}

/// A source indicator with no successor, or a target with no source.
#[derive(Debug, Clone, Serialize)]
pub struct DispositionReview {
    /// The indicator with its name.
    pub indicator: IndicatorRef,
    /// Why, in both languages.
    pub reason: Text,
    /// The external index key (targets only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

/// Counts at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Maps.
    pub maps: usize,
    /// Maps whose review status is `reviewed`.
    pub reviewed: usize,
    /// Maps per relation.
    pub relations: BTreeMap<Relation, usize>,
    /// Maps per confidence.
    pub confidences: BTreeMap<Confidence, usize>,
    /// Source indicators in the catalog.
    pub sources: usize,
    /// Source indicators in a map that is not `disjoint`.
    pub sources_mapped: usize,
    /// Source indicators listed in `retired`.
    pub sources_retired: usize,
    /// Source indicators neither mapped nor retired.
    pub sources_undisposed: usize,
    /// Target indicators in the catalog.
    pub targets: usize,
    /// Target indicators reached by a map.
    pub targets_mapped: usize,
    /// Target indicators listed in `new`.
    pub targets_new: usize,
    /// Of those, scored from an external index.
    pub targets_external: usize,
    /// Target indicators neither mapped nor new.
    pub targets_undisposed: usize,
    /// Lint errors.
    pub errors: usize,
    /// Lint warnings.
    pub warnings: usize,
}

/// A lint finding in this crosswalk.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// Stable code.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// Line, where known.
    pub line: Option<u64>,
    /// Place.
    pub place: String,
    /// Message in both languages.
    pub message: Text,
    /// Hint in both languages.
    pub hint: Text,
}

/// The review document.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    /// Crosswalk id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Title.
    pub title: String,
    /// The file, as named in messages.
    pub file: String,
    /// Source framework.
    pub from: FrameworkRef,
    /// Target framework.
    pub to: FrameworkRef,
    /// Status of the crosswalk.
    pub status: Status,
    /// Whether it is the primary crosswalk between its frameworks.
    pub primary: bool,
    /// Where the reading comes from, in both languages.
    pub source: Text,
    /// How the level tables were set, in both languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Text>,
    /// Counts.
    pub summary: Summary,
    /// Every map, in file order.
    pub maps: Vec<MapReview>,
    /// Coverage of the target framework.
    pub coverage: Coverage,
    /// Retired source indicators, in file order.
    pub retired: Vec<DispositionReview>,
    /// New target indicators, in file order.
    pub new: Vec<DispositionReview>,
    /// The lints that apply to this crosswalk.
    pub findings: Vec<FindingRow>,
    /// The projection's calibration of this crosswalk, if the data set has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<crate::calibration::Calibration>,
}

fn framework_ref(fw: &Framework) -> FrameworkRef {
    FrameworkRef {
        id: fw.id.clone(),
        title: fw.title.clone(),
        title_en: fw.title_en.clone(),
    }
}

/// The lints of `validate` that concern `subject`, with `subject` taking
/// the place of every version of its id in the data set (so that the
/// chain lints see it).
pub fn lints_for(data: &Data, subject: &LoadedCrosswalk) -> Result<Vec<Finding>> {
    let mut set: Vec<LoadedCrosswalk> = load_crosswalks(data)?
        .into_iter()
        .filter(|c| c.crosswalk.id != subject.crosswalk.id)
        .collect();
    set.push(subject.clone());
    Ok(validate(&data.catalog, &set)
        .into_iter()
        .filter(|f| f.file == subject.file)
        .collect())
}

fn require<'a>(data: &'a Data, subject: &LoadedCrosswalk, id: &str) -> Result<&'a Framework> {
    data.catalog.get(id).ok_or_else(|| {
        Error::input(
            &subject.file,
            tr!(
                "framework `{}` tidak ada",
                "framework `{}` does not exist",
                id
            ),
        )
    })
}

/// Builds the review of `subject` against the data set.
pub fn build(data: &Data, subject: &LoadedCrosswalk) -> Result<Review> {
    let cw = &subject.crosswalk;
    let from = require(data, subject, &cw.from)?;
    let to = require(data, subject, &cw.to)?;
    let findings = lints_for(data, subject)?;
    // Lines found in one pass; the nth map of an id repeated gets the nth line.
    let lines = subject.map_lines();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let maps: Vec<MapReview> = cw
        .maps
        .iter()
        .map(|m| {
            let nth = seen.entry(m.id.as_str()).or_default();
            *nth += 1;
            MapReview {
                id: m.id.clone(),
                line: lines
                    .get(m.id.as_str())
                    .and_then(|l| l.get(*nth - 1))
                    .copied(),
                sources: m
                    .sources
                    .iter()
                    .map(|n| IndicatorRef::of(from, *n))
                    .collect(),
                targets: m.targets.iter().map(|n| IndicatorRef::of(to, *n)).collect(),
                relation: m.relation,
                coverage: m.effective_coverage(),
                coverage_implied: m.coverage.is_none() && m.effective_coverage().is_some(),
                level_rule: m.level_rule.clone(),
                aggregation: m.aggregation,
                confidence: m.confidence,
                evidence: m.evidence,
                rationale: m.rationale_text(),
                rungs: m.rungs.iter().map(RungReview::from).collect(),
                review: m.review,
            }
        })
        .collect();
    let cov = coverage(cw, to);
    let mapped_sources: std::collections::BTreeSet<u32> = cw
        .maps
        .iter()
        .filter(|m| m.relation != Relation::Disjoint)
        .flat_map(|m| m.sources.iter().copied())
        .collect();
    let retired: std::collections::BTreeSet<u32> = cw.retired.iter().map(|r| r.indicator).collect();
    let count = |d: Disposition| cov.targets.iter().filter(|t| t.disposition == d).count();
    let mut relations = BTreeMap::new();
    let mut confidences = BTreeMap::new();
    for m in &cw.maps {
        *relations.entry(m.relation).or_insert(0) += 1;
        *confidences.entry(m.confidence).or_insert(0) += 1;
    }
    let (errors, warnings) = crate::crosswalk::lint::render::counts(&findings);
    let summary = Summary {
        maps: cw.maps.len(),
        reviewed: cw
            .maps
            .iter()
            .filter(|m| m.review == Status::Reviewed)
            .count(),
        relations,
        confidences,
        sources: from.indicators.len(),
        sources_mapped: from
            .indicators
            .iter()
            .filter(|i| mapped_sources.contains(&i.no))
            .count(),
        sources_retired: from
            .indicators
            .iter()
            .filter(|i| retired.contains(&i.no))
            .count(),
        sources_undisposed: from
            .indicators
            .iter()
            .filter(|i| !mapped_sources.contains(&i.no) && !retired.contains(&i.no))
            .count(),
        targets: to.indicators.len(),
        targets_mapped: count(Disposition::Mapped),
        targets_new: count(Disposition::New),
        targets_external: cov
            .targets
            .iter()
            .filter(|t| t.disposition == Disposition::New && t.external.is_some())
            .count(),
        targets_undisposed: count(Disposition::Undisposed) + count(Disposition::Disjoint),
        errors,
        warnings,
    };
    Ok(Review {
        id: cw.id.clone(),
        version: cw.version.clone(),
        title: cw.title.clone(),
        file: subject.file.clone(),
        from: framework_ref(from),
        to: framework_ref(to),
        status: cw.status,
        primary: cw.primary,
        source: Text {
            id: cw.source.clone(),
            en: cw.source_en.clone(),
        },
        calibration: cw.calibration.clone().map(|id| Text {
            id,
            en: cw.calibration_en.clone(),
        }),
        summary,
        maps,
        coverage: cov,
        retired: cw
            .retired
            .iter()
            .map(|r| DispositionReview {
                indicator: IndicatorRef::of(from, r.indicator),
                reason: r.reason_text(),
                external: None,
            })
            .collect(),
        new: cw
            .new
            .iter()
            .map(|n| DispositionReview {
                indicator: IndicatorRef::of(to, n.indicator),
                reason: n.reason_text(),
                external: n.external.clone(),
            })
            .collect(),
        findings: findings
            .into_iter()
            .map(|f| FindingRow {
                code: f.code.as_str().to_string(),
                severity: f.severity,
                line: f.line,
                place: f.place,
                message: f.message,
                hint: f.hint,
            })
            .collect(),
        projection: crate::calibration::load(data, &cw.id)?,
    })
}
