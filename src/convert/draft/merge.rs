//! Merging a conversion into an existing draft without ever overwriting a
//! value a person set: the ownership rule and the merge's outcome.

use rust_decimal::Decimal;
use serde::Serialize;

use super::suggestion;
use crate::assessment::{Answer, Assessment, DecValue};
use crate::convert::{Class, Conversion};
use crate::error::{Error, Result};
use crate::tr;

/// A person's value (or a value a person cleared) that differs from the
/// tool's suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Indicator id.
    pub id: String,
    /// The value a person set (kept); `None` where a person cleared it.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub person: Option<Decimal>,
    /// The value the conversion suggests.
    #[serde(with = "crate::decimal::serde_dec")]
    pub suggested: Decimal,
    /// The suggestion's class.
    pub class: Class,
}

/// The outcome of a merge.
#[derive(Debug, Clone, Serialize)]
pub struct Merge {
    /// The merged draft.
    pub draft: Assessment,
    /// Person values kept although the suggestion differs.
    pub conflicts: Vec<Conflict>,
    /// Indicators newly filled with a suggestion.
    pub filled: Vec<String>,
    /// Earlier suggestions refreshed.
    pub refreshed: Vec<String>,
    /// Person values kept (agreeing or without a suggestion).
    pub kept: Vec<String>,
}

/// Whether a draft row belongs to a person: a value without an origin mark,
/// a value that differs from the suggestion recorded with it, or a value
/// cleared where a suggestion was recorded.
fn person_owned(have: Option<&Answer>, recorded: Option<Decimal>) -> bool {
    match have {
        Some(h) => h.origin.is_none() || recorded.is_some_and(|r| r != h.value),
        None => recorded.is_some(),
    }
}

/// Merges the conversion into an existing draft. What a person did is
/// never changed: a value that differs from the suggestion recorded with it
/// (or has no origin mark, or was cleared), every text (explanation,
/// evidence, the person's own columns) on any row, cleared texts included.
/// Untouched suggestions are refreshed and empty rows filled, values only:
/// the old justifications and evidence are written by a fresh draft, never
/// by a merge. Running it again on its own output changes nothing.
pub fn merge(existing: &Assessment, c: &Conversion) -> Result<Merge> {
    if existing.framework != c.target {
        return Err(Error::usage(tr!(
            "draf --into berframework {} tetapi konversi menuju {}",
            "the --into draft is in {} but the conversion goes to {}",
            existing.framework,
            c.target
        )));
    }
    let mut out = existing.clone();
    if out.agency.is_none() {
        out.agency = c.source.agency.clone();
    }
    let mut conflicts = Vec::new();
    let mut filled = Vec::new();
    let mut refreshed = Vec::new();
    let mut kept = Vec::new();
    let mut answers = Vec::new();
    for t in &c.indicators {
        let key = t.no.to_string();
        let have = existing.answer(&key);
        let old = existing.notes.rows.get(&key);
        let recorded = old.and_then(|r| r.suggested).map(|d| d.0);
        let sug = suggestion(t);
        let mut row = old.cloned().unwrap_or_default();
        row.suggested = sug.as_ref().map(|s| DecValue(s.value));
        if person_owned(have, recorded) {
            if let Some(s) = &sug
                && have.map(|h| h.value) != Some(s.value)
            {
                conflicts.push(Conflict {
                    id: t.id.clone(),
                    person: have.map(|h| h.value),
                    suggested: s.value,
                    class: t.class,
                });
            }
            match have {
                Some(h) => {
                    kept.push(t.id.clone());
                    // The person's now, whatever the origin cell said.
                    answers.push(Answer {
                        origin: None,
                        ..h.clone()
                    });
                }
                // A cleared value stays cleared, and stays the person's.
                None => row.suggested = row.suggested.or(recorded.map(DecValue)),
            }
        } else if let Some(h) = have {
            // An untouched suggestion: the value is refreshed; the texts
            // on its row are left as they are.
            match sug {
                Some(s) => {
                    let a = Answer {
                        value: s.value,
                        origin: s.origin,
                        ..h.clone()
                    };
                    if a != *h {
                        refreshed.push(t.id.clone());
                    }
                    answers.push(a);
                }
                None => {
                    // The data no longer supports it: the value goes, the
                    // texts stay on the row.
                    refreshed.push(t.id.clone());
                    row.justification = h.justification.clone();
                    row.evidence = h.evidence.clone();
                }
            }
        } else if let Some(s) = sug {
            // Filled with a value; the texts on the row stay the person's
            // (a merge writes no text: a cleared cell stays cleared).
            filled.push(t.id.clone());
            answers.push(Answer {
                justification: row.justification.take(),
                evidence: std::mem::take(&mut row.evidence),
                ..s
            });
        }
        if row.is_empty() {
            out.notes.rows.remove(&key);
        } else {
            out.notes.rows.insert(key, row);
        }
    }
    out.answers = answers;
    for t in &c.indicators {
        // A person's own value for an externally scored indicator wins over
        // the index value.
        let person_value = out.answer(&t.no.to_string()).is_some();
        if let Some(e) = &t.external
            && let Some(v) = e.index_value
            && !person_value
        {
            out.external.entry(e.key.clone()).or_insert(DecValue(v));
        }
    }
    Ok(Merge {
        draft: out,
        conflicts,
        filled,
        refreshed,
        kept,
    })
}
