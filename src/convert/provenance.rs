//! Turning the answer sets the engine carries (bit masks over the
//! assessment's answers) into the provenance people read: the answers used,
//! the evidence to reuse or update, the justifications to rewrite. Answers
//! are in catalog order, so the lists are too.

use crate::assessment::Assessment;
use crate::convert::engine::Mask;
use crate::convert::model::{CarriedEvidence, CarriedText, SourceAnswer};
use crate::crosswalk::Evidence as Policy;

/// The positions of the set bits of `mask`, ascending.
fn bits(mut mask: Mask) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let i = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(i)
    })
}

fn members(a: &Assessment, mask: Mask) -> impl Iterator<Item = &crate::assessment::Answer> {
    bits(mask).filter_map(|i| a.answers.get(i))
}

/// The answers in `mask`.
pub fn sources(a: &Assessment, mask: Mask) -> Vec<SourceAnswer> {
    members(a, mask)
        .map(|ans| SourceAnswer {
            id: ans.indicator.clone(),
            value: ans.value,
        })
        .collect()
}

/// The evidence of the answers in `reuse` and `update`, with that policy.
pub fn evidence(a: &Assessment, reuse: Mask, update: Mask) -> Vec<CarriedEvidence> {
    let mut out = Vec::new();
    for i in bits(reuse | update) {
        let Some(ans) = a.answers.get(i) else {
            continue;
        };
        let policy = if update & (1 << i) != 0 {
            Policy::Update
        } else {
            Policy::Reuse
        };
        for e in &ans.evidence {
            out.push(CarriedEvidence {
                from: ans.indicator.clone(),
                name: e.name.clone(),
                url: e.url.clone(),
                policy,
            });
        }
    }
    out
}

/// The justifications of the answers in `mask`, each followed by the
/// answer's notes in the file's other explanation columns (`Catatan: …`).
pub fn justifications(a: &Assessment, mask: Mask) -> Vec<CarriedText> {
    members(a, mask)
        .filter_map(|ans| {
            let notes: Vec<String> = a
                .notes
                .rows
                .get(ans.key())
                .map(|r| {
                    a.notes
                        .columns
                        .iter()
                        .filter(|c| crate::assessment::is_note_column(c))
                        .filter_map(|c| r.cells.get(c).map(|t| format!("{c}: {t}")))
                        .collect()
                })
                .unwrap_or_default();
            let text = match (&ans.justification, notes.is_empty()) {
                (Some(j), true) => j.clone(),
                (Some(j), false) => format!("{j} ({})", notes.join("; ")),
                (None, false) => notes.join("; "),
                (None, true) => return None,
            };
            Some(CarriedText {
                from: ans.indicator.clone(),
                text,
            })
        })
        .collect()
}

/// The unanswered inputs of the maps applied (`spbe-2020:7`), sorted,
/// each once: what makes an evidenced range wider than a point.
pub fn unanswered(hops: &[crate::convert::HopUse]) -> Vec<String> {
    let mut out: Vec<String> = hops
        .iter()
        .flat_map(|h| h.info.inputs.iter().zip(&h.values))
        .filter(|(_, v)| v.is_none())
        .map(|(id, _)| id.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}
