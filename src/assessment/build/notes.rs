//! What a row keeps beyond its answer: the recorded suggestion, a person's
//! own columns, and the texts of a row without a value.

use crate::assessment::{DecValue, Notes, RowNotes};

use super::RawAnswer;

/// Keeps what a row holds beyond its answer: the recorded suggestion, a
/// person's own columns, and the texts of a row without a value.
pub(super) fn keep_notes(notes: &mut Notes, key: &str, raw: &RawAnswer<'_>, unanswered: bool) {
    let mut n = RowNotes {
        suggested: raw
            .suggested
            .as_deref()
            .and_then(crate::decimal::parse)
            .map(|d| DecValue(d.normalize())),
        cells: raw
            .notes
            .iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .cloned()
            .collect(),
        ..RowNotes::default()
    };
    if unanswered {
        n.justification = raw
            .justification
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        n.evidence = raw.evidence.clone();
    }
    if !n.is_empty() {
        notes.rows.insert(key.to_string(), n);
    }
}
