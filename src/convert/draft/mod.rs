//! The pre-filled draft of the target framework: the conversion written as
//! an assessment (JSON, CSV or XLSX) that a person completes and the tool
//! reads back. This module holds the draft model itself: the suggestions
//! taken from a conversion and [`draft`]; merging into an existing draft
//! lives in the `merge` module and writing it in the `write` module.

mod merge;
mod write;

pub use merge::{Conflict, Merge, merge};
pub use write::{DraftFormat, write};

use crate::assessment::{Answer, Assessment, DecValue, Evidence, Notes, RowNotes};
use crate::convert::{Class, Conversion, TargetValue};

fn justification(t: &TargetValue) -> Option<String> {
    if t.justifications.is_empty() {
        return None;
    }
    let parts: Vec<String> = t
        .justifications
        .iter()
        .map(|j| format!("[{}] {}", j.from, j.text))
        .collect();
    Some(parts.join("\n"))
}

/// The suggestion for one target, as an answer marked with its origin.
/// Externally scored targets carry the index value instead (the draft's
/// `external` entries), which scoring converts; one carried without an
/// index value (next year's draft of the same framework) is an answer.
fn suggestion(t: &TargetValue) -> Option<Answer> {
    // A proxy stands in for an index the assessors score from the index
    // itself: the draft leaves its value to be filled from that index.
    if t.class == Class::Proxy
        || (t.class == Class::External
            && t.external.as_ref().is_none_or(|e| e.index_value.is_some()))
    {
        return None;
    }
    Some(Answer {
        indicator: t.id.clone(),
        value: t.value?,
        justification: justification(t),
        evidence: t
            .evidence
            .iter()
            .map(|e| Evidence {
                name: e.name.clone(),
                url: e.url.clone(),
            })
            .collect(),
        origin: Some(t.class.as_str().to_string()),
    })
}

/// The draft of the target framework from a conversion: every suggestion
/// recorded beside its value (`saran`), so that a value a person changes
/// is told apart from the tool's.
pub fn draft(c: &Conversion) -> Assessment {
    let answers: Vec<Answer> = c.indicators.iter().filter_map(suggestion).collect();
    let rows = answers
        .iter()
        .map(|a| {
            (
                a.key().to_string(),
                RowNotes {
                    suggested: Some(DecValue(a.value)),
                    ..RowNotes::default()
                },
            )
        })
        .collect();
    Assessment {
        framework: c.target.clone(),
        agency: c.source.agency.clone(),
        year: c.source.year.map(|y| y + 1),
        source: Some(format!(
            "spbe-pemdi convert from {} ({}); {}",
            c.source.framework,
            c.path.join(" → "),
            c.stamp.hash
        )),
        answers,
        external: c
            .indicators
            .iter()
            .filter_map(|t| t.external.as_ref())
            .filter_map(|e| e.index_value.map(|v| (e.key.clone(), DecValue(v))))
            .collect(),
        notes: Notes {
            rows,
            ..Notes::default()
        },
    }
}
