//! Turning resolved rows from any input form into an [`Assessment`]:
//! value checks, duplicate detection and catalog ordering, shared by the
//! JSON, CSV and XLSX readers.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::assessment::resolve::{Resolver, Target, Unresolved};
use crate::assessment::{Answer, Assessment, DecValue, Evidence, Notes, RowNotes};
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
    /// What the reader chose or skipped, said to the person.
    pub notices: Vec<Text>,
    /// Errors of rows found while reading the table, reported with the others.
    pub errors: Vec<Error>,
}

fn unresolved_error(file: &str, raw: &RawAnswer<'_>, u: Unresolved) -> Error {
    let mut e = Error::input(file, u.message)
        .at_opt(raw.indicator_place.clone())
        .with_hint(u.hint);
    if !u.candidates.is_empty() {
        e = e.expected(Text::same(u.candidates.join(" | ")));
    }
    if let Some(s) = &raw.snippet {
        e = e.with_snippet(*s);
    }
    e
}

fn value_error(file: &str, raw: &RawAnswer<'_>, msg: Text, fw: &Framework) -> Error {
    if let Some(v) = raw.value.as_deref().filter(|v| v.starts_with('='))
        && raw.snippet.is_none()
    {
        return Error::input(
            file,
            tr!(
                "sel berisi rumus `{}` tanpa nilai hasil hitungan",
                "the cell holds the formula `{}` without a computed value",
                v
            ),
        )
        .at_opt(raw.value_place.clone().or(raw.indicator_place.clone()))
        .expected(fw.scale_text())
        .with_hint(tr!(
            "buka berkas di Excel atau LibreOffice lalu simpan lagi (agar nilainya dihitung), atau ketik nilainya langsung",
            "open the file in Excel or LibreOffice and save it again (so that the value is computed), or type the value itself"
        ));
    }
    let mut e = Error::input(file, msg)
        .at_opt(raw.value_place.clone().or(raw.indicator_place.clone()))
        .expected(fw.scale_text())
        .with_hint(tr!(
            "perbaiki nilainya, atau kosongkan bila belum dinilai",
            "fix the value, or leave it empty if it has not been assessed"
        ));
    if let Some(s) = &raw.snippet {
        e = e.with_snippet(*s);
    }
    e
}

/// Parses a value for `fw`: a decimal on its scale.
pub fn parse_value(fw: &Framework, s: &str) -> std::result::Result<Decimal, Text> {
    let d = crate::decimal::parse(s).ok_or_else(|| {
        if crate::decimal::too_precise(s) {
            tr!(
                "`{}` punya lebih dari {} angka penting; nilai tidak dibulatkan diam-diam",
                "`{}` has more than {} significant digits; values are not silently rounded",
                s.trim(),
                crate::decimal::MAX_DIGITS
            )
        } else {
            tr!("`{}` bukan angka", "`{}` is not a number", s.trim())
        }
    })?;
    if !fw.on_scale(d) {
        return Err(if d >= fw.scale.min && d <= fw.scale.max {
            tr!(
                "nilai {} bukan tingkat bulat; {} memakai tingkat bilangan bulat",
                "value {} is not a whole level; {} uses whole levels",
                s.trim(),
                fw.id
            )
        } else {
            tr!(
                "nilai {} di luar skala {}",
                "value {} is outside the {} scale",
                s.trim(),
                fw.id
            )
        });
    }
    Ok(d.normalize())
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

/// Keeps what a row holds beyond its answer: the recorded suggestion, a
/// person's own columns, and the texts of a row without a value.
fn keep_notes(notes: &mut Notes, key: &str, raw: &RawAnswer<'_>, unanswered: bool) {
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

/// Tells rows that name no indicator but a domain, aspect or total
/// (`DOMAIN 1 | KEBIJAKAN INTERNAL SPBE`, `Indeks SPBE | 2,71`): the
/// framework's domain and aspect names are normalized once per file.
pub struct Structural {
    names: Vec<String>,
}

impl Structural {
    /// The domain and aspect names of `fw`, in both languages.
    pub fn new(fw: &Framework) -> Structural {
        let normalize = crate::assessment::resolve::normalize;
        let names = fw
            .domains
            .iter()
            .flat_map(|d| [normalize(&d.name), normalize(&d.name_en)])
            .chain(
                fw.aspects
                    .iter()
                    .flat_map(|a| [normalize(&a.name), normalize(&a.name_en)]),
            )
            .filter(|n| !n.is_empty())
            .collect();
        Structural { names }
    }

    /// Whether `reference` names a domain, an aspect or a total.
    pub fn is(&self, reference: &str) -> bool {
        const WORDS: &[&str] = &[
            "domain",
            "aspek",
            "aspect",
            "indeks",
            "index",
            "total",
            "jumlah",
            "rata rata",
            "average",
            "nilai indeks",
            "nilai akhir",
            "predikat",
        ];
        let n = crate::assessment::resolve::normalize(reference);
        WORDS.iter().any(|w| {
            n.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        }) || self.names.contains(&n)
    }
}

fn skipped_notice(places: &[Place]) -> Text {
    let list: Vec<String> = places
        .iter()
        .take(10)
        .map(|p| match p {
            Place::Line { line, .. } => line.to_string(),
            Place::Cell { sheet, cell } => format!("{sheet}!{cell}"),
            Place::Field(f) => f.clone(),
        })
        .collect();
    let more = if places.len() > 10 { ", …" } else { "" };
    tr!(
        "{} baris domain/aspek/total dilewati (bukan indikator): {}{}",
        "{} domain/aspect/total rows skipped (not indicators): {}{}",
        places.len(),
        list.join(", "),
        more
    )
}

/// A row with both a number and a name: they must name one indicator.
fn cross_check(
    file: &str,
    fw: &Framework,
    resolver: &Resolver<'_>,
    raw: &RawAnswer<'_>,
    row: usize,
) -> Result<()> {
    let plan = fw.plan();
    for (name, place) in &raw.names {
        if let Ok(Target::Item(other)) = resolver.resolve(name)
            && other != row
        {
            let (a, b) = (&plan.ids[row], &plan.ids[other]);
            let title = |r: usize| {
                let no = plan.items[r].indicator;
                fw.indicators
                    .iter()
                    .find(|i| i.no == no)
                    .map(|i| i.name.clone())
                    .unwrap_or_default()
            };
            let mut e = Error::input(
                file,
                tr!(
                    "nomor dan nama indikator tidak cocok: `{}` adalah {} ({}), tetapi `{}` adalah {} ({})",
                    "the indicator's number and name disagree: `{}` is {} ({}), but `{}` is {} ({})",
                    raw.indicator.trim(),
                    a,
                    title(row),
                    name.trim(),
                    b,
                    title(other)
                ),
            )
            .at_opt(place.clone().or(raw.indicator_place.clone()))
            .with_hint(tr!(
                "perbaiki nomor atau nama pada baris ini",
                "fix the number or the name on this row"
            ));
            if let Some(s) = &raw.snippet {
                e = e.with_snippet(*s);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Where a place comes in its file: (sheet, row, column).
fn place_order(p: &Place) -> (String, u64, u64) {
    match p {
        Place::Line { line, column } => (String::new(), *line, column.unwrap_or(0)),
        Place::Cell { sheet, cell } => {
            let letters: String = cell
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let row = cell[letters.len()..].parse().unwrap_or(0);
            let col = letters.bytes().fold(0u64, |n, b| {
                n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
            });
            (sheet.clone(), row, col)
        }
        Place::Field(_) => (String::new(), 0, 0),
    }
}

fn first_place(p: Option<&Place>) -> (String, String) {
    match p {
        Some(Place::Line { line, .. }) => (
            format!(" (pertama di baris {line})"),
            format!(" (first on line {line})"),
        ),
        Some(Place::Cell { sheet, cell }) => (
            format!(" (pertama di sel {sheet}!{cell})"),
            format!(" (first in cell {sheet}!{cell})"),
        ),
        Some(Place::Field(f)) => (format!(" (pertama di {f})"), format!(" (first at {f})")),
        None => (String::new(), String::new()),
    }
}
