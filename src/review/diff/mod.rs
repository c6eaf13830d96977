//! The difference between two versions of a crosswalk, each change graded
//! by how far it reaches (`spbe-pemdi mapping diff`).
//!
//! Maps are matched by id; a map that is gone and one that is new with the
//! same sources and targets are the same map renamed. Every change gets a
//! [`Severity`]:
//!
//! - `outcome`: it can change a suggested value or a class of a conversion:
//!   a map added or removed; `sources` or `targets` changed; the level rule
//!   changed; a rung's level or criteria changed; the aggregation changed
//!   on a map with several sources and no rungs (a
//!   missing aggregation is `weighted_mean`, as the conversion reads it); a
//!   relation changed to or from `disjoint` (a disjoint map carries
//!   nothing); a relation or confidence change that makes the map start or
//!   stop carrying (`equal` at `high` confidence, the carried threshold);
//!   `primary` changed (it chooses the default conversion path).
//! - `range`: it changes what a conversion reports around the values but no
//!   suggested value or class: any other relation change (ranges reach the
//!   scale's ceiling unless the relation is `equal` or `superset`), any
//!   other confidence change, `coverage`, and the evidence policy (which
//!   evidence is carried forward).
//! - `text`: it changes no conversion: rationale, review status, title,
//!   version, status, source, calibration, the crosswalk id, a map id, a
//!   rung's notes, the
//!   reasons and external keys of `retired`/`new` entries, an aggregation
//!   on a single-source map; and every change inside a map that is
//!   `disjoint` in both versions.
//!
//! Severities are ordered `text` < `range` < `outcome`; `--fail-on X`
//! fails when a change at `X` or above exists.

mod maps;
pub mod render;

use serde::Serialize;

use crate::crosswalk::{Crosswalk, LoadedCrosswalk, Version};
use crate::error::{Error, Result};
use crate::text::Text;
use crate::tr;

/// How far a change reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Changes no conversion.
    Text,
    /// Changes ranges or the certainty reported, no value or class.
    Range,
    /// Can change suggested values or classes.
    Outcome,
}

impl Severity {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Text => "text",
            Severity::Range => "range",
            Severity::Outcome => "outcome",
        }
    }

    /// For people.
    pub fn describe(self) -> Text {
        match self {
            Severity::Text => Text::new("teks", "text"),
            Severity::Range => Text::new("rentang", "range"),
            Severity::Outcome => Text::new("hasil", "outcome"),
        }
    }
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The crosswalk id, or a map's id (renamed).
    Id,
    /// Title.
    Title,
    /// Version.
    Version,
    /// Status of the crosswalk.
    Status,
    /// `primary`.
    Primary,
    /// `source`.
    Source,
    /// `calibration`.
    Calibration,
    /// A whole map, added or removed.
    Map,
    /// `sources`.
    Sources,
    /// `targets`.
    Targets,
    /// `relation`.
    Relation,
    /// `coverage`.
    Coverage,
    /// `level_rule`.
    LevelRule,
    /// `aggregation`.
    Aggregation,
    /// `rungs`.
    Rungs,
    /// `confidence`.
    Confidence,
    /// `evidence`.
    Evidence,
    /// `rationale`.
    Rationale,
    /// A map's `review`.
    Review,
    /// A `retired` entry (added, removed, or its reason).
    Retired,
    /// A `new` entry (added, removed, or its reason).
    New,
    /// The `external` key of a `new` entry.
    External,
}

impl Field {
    /// The name of the field in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Version => "version",
            Field::Status => "status",
            Field::Primary => "primary",
            Field::Source => "source",
            Field::Calibration => "calibration",
            Field::Map => "map",
            Field::Sources => "sources",
            Field::Targets => "targets",
            Field::Relation => "relation",
            Field::Coverage => "coverage",
            Field::LevelRule => "level_rule",
            Field::Aggregation => "aggregation",
            Field::Rungs => "rungs",
            Field::Confidence => "confidence",
            Field::Evidence => "evidence",
            Field::Rationale => "rationale",
            Field::Review => "review",
            Field::Retired => "retired",
            Field::New => "new",
            Field::External => "external",
        }
    }
}

/// One graded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// How far it reaches.
    pub severity: Severity,
    /// What changed.
    pub field: Field,
    /// The map (its new id; the old one when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// The indicator, for `retired`/`new` entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The old value (`None`: absent).
    pub old: Option<String>,
    /// The new value (`None`: absent).
    pub new: Option<String>,
    /// Why it has this severity.
    pub why: Text,
}

/// How much a version should go up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    /// Not at all.
    None,
    /// PATCH: text only.
    Patch,
    /// MINOR: rules, relations, confidence and other range or outcome changes.
    Minor,
    /// MAJOR: maps added or removed.
    Major,
}

/// Whether the new version number says enough (docs/crosswalk-format.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionCheck {
    /// The bump the changes ask for.
    pub required: Bump,
    /// The bump made (`None` when a version is invalid or goes down).
    pub actual: Option<Bump>,
    /// Whether `actual` is at least `required`.
    pub ok: bool,
}

/// One side of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// `id@version`.
    pub reference: String,
    /// The file, as named.
    pub file: String,
}

/// The changes from one version of a crosswalk to another.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// The old version.
    pub old: Side,
    /// The new version.
    pub new: Side,
    /// Every change: crosswalk fields, then maps in the new file's order
    /// (removed maps last), then `retired` and `new` by indicator.
    pub changes: Vec<Change>,
    /// The version check.
    pub version: VersionCheck,
}

impl Diff {
    /// The highest severity, if anything changed.
    pub fn highest(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).max()
    }

    /// How many changes have `s`.
    pub fn count(&self, s: Severity) -> usize {
        self.changes.iter().filter(|c| c.severity == s).count()
    }
}

pub(crate) fn change(
    severity: Severity,
    field: Field,
    old: Option<String>,
    new: Option<String>,
    why: Text,
) -> Change {
    Change {
        severity,
        field,
        map: None,
        indicator: None,
        old,
        new,
        why,
    }
}

fn header(old: &Crosswalk, new: &Crosswalk, out: &mut Vec<Change>) {
    let text = || tr!("tidak mengubah konversi", "changes no conversion");
    let fields: [(Field, String, String); 6] = [
        (Field::Id, old.id.clone(), new.id.clone()),
        (Field::Title, old.title.clone(), new.title.clone()),
        (Field::Version, old.version.clone(), new.version.clone()),
        (
            Field::Status,
            old.status.as_str().into(),
            new.status.as_str().into(),
        ),
        (Field::Source, old.source.clone(), new.source.clone()),
        (
            Field::Source,
            old.source_en.clone().unwrap_or_default(),
            new.source_en.clone().unwrap_or_default(),
        ),
    ];
    for (field, a, b) in fields {
        if a != b {
            out.push(change(Severity::Text, field, Some(a), Some(b), text()));
        }
    }
    if old.calibration_en != new.calibration_en && old.calibration == new.calibration {
        out.push(change(
            Severity::Text,
            Field::Calibration,
            old.calibration_en.clone(),
            new.calibration_en.clone(),
            text(),
        ));
    }
    if old.calibration != new.calibration {
        out.push(change(
            Severity::Text,
            Field::Calibration,
            old.calibration.clone(),
            new.calibration.clone(),
            text(),
        ));
    }
    if old.primary != new.primary {
        out.push(change(
            Severity::Outcome,
            Field::Primary,
            Some(old.primary.to_string()),
            Some(new.primary.to_string()),
            tr!(
                "`primary` memilih jalur konversi bawaan",
                "`primary` chooses the default conversion path"
            ),
        ));
    }
}

fn version_check(old: &Crosswalk, new: &Crosswalk, changes: &[Change]) -> VersionCheck {
    let relevant = changes.iter().filter(|c| c.field != Field::Version);
    let required = relevant
        .map(|c| match (c.field, c.severity) {
            (Field::Map, _) => Bump::Major,
            (_, Severity::Outcome | Severity::Range) => Bump::Minor,
            (_, Severity::Text) => Bump::Patch,
        })
        .max()
        .unwrap_or(Bump::None);
    let actual = match (Version::parse(&old.version), Version::parse(&new.version)) {
        (Some(a), Some(b)) if b < a => None,
        (Some(a), Some(b)) if b.major > a.major => Some(Bump::Major),
        (Some(a), Some(b)) if b.minor > a.minor => Some(Bump::Minor),
        (Some(a), Some(b)) if b.patch > a.patch => Some(Bump::Patch),
        (Some(_), Some(_)) => Some(Bump::None),
        _ => None,
    };
    VersionCheck {
        required,
        actual,
        ok: actual.is_some_and(|a| a >= required),
    }
}

/// The graded changes from `old` to `new`. Both must map the same two
/// frameworks (a usage error otherwise).
pub fn diff(old: &LoadedCrosswalk, new: &LoadedCrosswalk) -> Result<Diff> {
    let (a, b) = (&old.crosswalk, &new.crosswalk);
    if a.from != b.from || a.to != b.to {
        return Err(Error::usage(tr!(
            "{} ({} → {}) dan {} ({} → {}) bukan versi dari crosswalk yang sama",
            "{} ({} → {}) and {} ({} → {}) are not versions of the same crosswalk",
            old.file,
            a.from,
            a.to,
            new.file,
            b.from,
            b.to
        ))
        .with_hint(tr!(
            "bandingkan dua versi crosswalk antara dua framework yang sama",
            "compare two versions of a crosswalk between the same two frameworks"
        )));
    }
    let mut changes = Vec::new();
    header(a, b, &mut changes);
    maps::compare(a, b, &mut changes);
    maps::dispositions(a, b, &mut changes);
    Ok(Diff {
        old: Side {
            reference: a.reference(),
            file: old.file.clone(),
        },
        new: Side {
            reference: b.reference(),
            file: new.file.clone(),
        },
        version: version_check(a, b, &changes),
        changes,
    })
}
