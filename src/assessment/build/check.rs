//! The checks of one row: its value parsed on the framework's scale, its
//! number and name naming one indicator, rows that only structure the
//! sheet, and the errors and notices they give (in file order).

use rust_decimal::Decimal;

use crate::assessment::resolve::{Resolver, Target, Unresolved};
use crate::catalog::Framework;
use crate::error::{Error, Place, Result};
use crate::text::Text;
use crate::tr;

use super::RawAnswer;

pub(super) fn unresolved_error(file: &str, raw: &RawAnswer<'_>, u: Unresolved) -> Error {
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

pub(super) fn value_error(file: &str, raw: &RawAnswer<'_>, msg: Text, fw: &Framework) -> Error {
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

pub(super) fn skipped_notice(places: &[Place]) -> Text {
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
pub(super) fn cross_check(
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
pub(super) fn place_order(p: &Place) -> (String, u64, u64) {
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

pub(super) fn first_place(p: Option<&Place>) -> (String, String) {
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
