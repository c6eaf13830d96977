//! Turning resolved rows from any input form into an [`Assessment`]:
//! value checks, duplicate detection and catalog ordering, shared by the
//! JSON, CSV and XLSX readers.
//!
//! This module holds the rows as read and the building itself; the checks
//! of a value or a row are in `check`, and what a row keeps beyond its
//! answer in `notes`.

mod check;
mod notes;

pub use check::{Structural, parse_value};

use check::{cross_check, first_place, place_order, skipped_notice, unresolved_error, value_error};
use notes::keep_notes;

use std::collections::BTreeMap;

use crate::assessment::resolve::{Resolver, Target};
use crate::assessment::{Answer, Assessment, DecValue, Evidence, Notes};
use crate::catalog::Framework;
use crate::error::{Error, Place, Result};
use crate::text::Text;
use crate::tr;

/// One row as read from a file, before resolution.
#[derive(Debug, Clone, Default)]
pub struct RawAnswer<'t> {
    /// How the indicator was written.
    pub indicator: String,
    /// Where the indicator is.
    pub indicator_place: Option<Place>,
    /// The value as written (`3`, `3,5`), or `None` when left empty.
    pub value: Option<String>,
    /// Where the value is.
    pub value_place: Option<Place>,
    /// Justification.
    pub justification: Option<String>,
    /// Evidence items.
    pub evidence: Vec<Evidence>,
    /// Origin mark (`carried`, `derived`, `external`), absent for a person's value.
    pub origin: Option<String>,
    /// The suggestion recorded with the value in a draft (`saran`).
    pub suggested: Option<String>,
    /// Texts in a person's own columns: (column, text).
    pub notes: Vec<(String, String)>,
    /// The row's other references (a name beside a number), which must
    /// point at the same indicator.
    pub names: Vec<(String, Option<Place>)>,
    /// The source line, shown under errors.
    pub snippet: Option<&'t str>,
}

/// Metadata read from the file.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Framework id written in the file.
    pub framework: Option<String>,
    /// Agency.
    pub agency: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Source.
    pub source: Option<String>,
    /// External index values written as metadata (JSON `external`).
    pub external: Vec<(String, String, Option<Place>)>,
    /// A person's own columns, in file order.
    pub columns: Vec<String>,
    /// Rows with text but no indicator, kept (see [`Notes::loose`]).
    pub loose: Vec<Vec<(String, String)>>,
    /// The workbook's other sheets, kept (see [`Notes::sheets`]).
    pub sheets: Vec<(String, Vec<Vec<String>>)>,
    /// What the reader chose or skipped, said to the person.
    pub notices: Vec<Text>,
    /// Errors of rows found while reading the table, reported with the others.
    pub errors: Vec<Error>,
}

/// Builds the assessment for `fw` from raw rows.
pub fn build(
    file: &str,
    fw: &Framework,
    meta: Meta,
    rows: Vec<RawAnswer<'_>>,
) -> Result<Assessment> {
    let resolver = Resolver::new(fw);
    let plan = fw.plan();
    // One slot per scored row of the plan, so answers come out in catalog order.
    let mut answers: Vec<Option<(Answer, Option<Place>)>> = vec![None; plan.items.len()];
    let mut external: BTreeMap<String, DecValue> = BTreeMap::new();
    let mut ext_places: BTreeMap<String, Option<Place>> = BTreeMap::new();
    let mut rows = rows;
    let mut errors = meta.errors;
    for (key, value, place) in meta.external {
        if fw.external_index(&key).is_none() {
            let keys: Vec<&str> = fw.external_indices.iter().map(|e| e.key.as_str()).collect();
            errors.push(
                Error::input(
                    file,
                    tr!(
                        "{} tidak punya indeks eksternal `{}`",
                        "{} has no external index `{}`",
                        fw.id,
                        key
                    ),
                )
                .at_opt(place)
                .expected(Text::same(if keys.is_empty() {
                    "-".to_string()
                } else {
                    keys.join(", ")
                })),
            );
            continue;
        }
        rows.push(RawAnswer {
            indicator: key,
            indicator_place: place.clone(),
            value: Some(value),
            value_place: place,
            ..RawAnswer::default()
        });
    }
    let mut notes = Notes {
        columns: meta.columns,
        rows: BTreeMap::new(),
        loose: meta.loose,
        sheets: meta.sheets,
        notices: meta.notices,
    };
    let mut skipped: Vec<Place> = Vec::new();
    let structural = Structural::new(fw);
    for raw in rows {
        let one = || -> Result<()> {
            let target = match resolver.resolve(&raw.indicator) {
                Ok(t) => t,
                Err(_) if structural.is(&raw.indicator) => {
                    skipped.extend(raw.indicator_place.clone());
                    return Ok(());
                }
                Err(u) => return Err(unresolved_error(file, &raw, u)),
            };
            if let Target::Item(row) = &target {
                cross_check(file, fw, &resolver, &raw, *row)?;
            }
            let value = raw.value.as_deref().filter(|v| !v.trim().is_empty());
            if let Target::Item(row) = &target {
                keep_notes(&mut notes, &plan.items[*row].key, &raw, value.is_none());
            }
            let Some(value) = value else {
                return Ok(()); // not answered: partial assessments are valid
            };
            match target {
                Target::Item(row) => {
                    let v = parse_value(fw, value).map_err(|m| value_error(file, &raw, m, fw))?;
                    let key = &plan.items[row].key;
                    if let Some((_, first)) = &answers[row] {
                        let (at_id, at_en) = first_place(first.as_ref());
                        let mut e = Error::input(
                            file,
                            Text::new(
                                format!("indikator {}:{key} muncul dua kali{at_id}", fw.id),
                                format!("indicator {}:{key} appears twice{at_en}", fw.id),
                            ),
                        )
                        .at_opt(raw.indicator_place.clone())
                        .with_hint(tr!(
                            "hapus salah satu baris, atau gabungkan penjelasannya",
                            "remove one of the rows, or merge their justifications"
                        ));
                        if let Some(s) = &raw.snippet {
                            e = e.with_snippet(*s);
                        }
                        return Err(e);
                    }
                    let answer = Answer {
                        indicator: plan.ids[row].clone(),
                        value: v,
                        justification: raw
                            .justification
                            .as_deref()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                        evidence: raw.evidence.clone(),
                        origin: raw
                            .origin
                            .as_deref()
                            .and_then(crate::assessment::model::origin_code),
                    };
                    answers[row] = Some((answer, raw.indicator_place));
                }
                Target::External(key) => {
                    let d = crate::decimal::parse(value).ok_or_else(|| {
                        value_error(
                            file,
                            &raw,
                            tr!("`{}` bukan angka", "`{}` is not a number", value.trim()),
                            fw,
                        )
                    })?;
                    if let Some(ext) = fw.external_index(&key) {
                        let problem = if ext.edges.is_none() {
                            Some(tr!(
                                "pita konversi {} belum diketahui; isi nilai indikator {}:{} (1-5) secara langsung",
                                "the conversion bands of {} are not known; give the value of indicator {}:{} (1-5) directly",
                                ext.name,
                                fw.id,
                                ext.indicator
                            ))
                        } else if ext.convert(d).is_none() {
                            Some(tr!(
                                "nilai {} = {} di luar skala indeksnya ({} sampai {})",
                                "{} = {} is outside the index's scale ({} to {})",
                                ext.key,
                                value.trim(),
                                ext.min.map(crate::decimal::exact).unwrap_or_default(),
                                ext.max.map(crate::decimal::exact).unwrap_or_default()
                            ))
                        } else {
                            None
                        };
                        if let Some(msg) = problem {
                            let mut e = Error::input(file, msg)
                                .at_opt(raw.value_place.clone().or(raw.indicator_place.clone()));
                            if let Some(s) = &raw.snippet {
                                e = e.with_snippet(*s);
                            }
                            return Err(e);
                        }
                    }
                    if ext_places.contains_key(&key) {
                        return Err(Error::input(
                            file,
                            tr!(
                                "nilai indeks eksternal `{}` muncul dua kali",
                                "external index `{}` is given twice",
                                key
                            ),
                        )
                        .at_opt(raw.indicator_place.clone()));
                    }
                    ext_places.insert(key.clone(), raw.indicator_place.clone());
                    external.insert(key, DecValue(d.normalize()));
                }
            }
            Ok(())
        };
        if let Err(e) = one() {
            errors.push(e);
        }
    }
    // In the file's order, row by row.
    errors.sort_by_key(|e| e.place.as_ref().map(place_order));
    if let Some(e) = Error::many(errors) {
        return Err(e);
    }
    if !skipped.is_empty() {
        notes.notices.push(skipped_notice(&skipped));
    }
    let ordered = answers.into_iter().flatten().map(|(a, _)| a).collect();
    Ok(Assessment {
        framework: fw.id.clone(),
        agency: meta.agency,
        year: meta.year,
        source: meta.source,
        answers: ordered,
        external,
        notes,
    })
}
