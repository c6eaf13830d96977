//! The canonical JSON form of an assessment, read leniently: values as
//! numbers or strings, indicators by id, number or name, evidence as
//! strings or objects; `levels` (`{"3": 4}`) as a shorthand for answers.

use serde_json::Value;

use crate::assessment::Evidence;
use crate::assessment::build::{Meta, RawAnswer};
use crate::error::{Error, LineIndex, Place, Result, line_col_of, line_text};
use crate::text::Text;
use crate::tr;

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn place_of(text: &str, needle: &str, nth: usize) -> Option<Place> {
    let (off, _) = text.match_indices(needle).nth(nth)?;
    let (line, col) = line_col_of(text, off);
    Some(Place::line_col(line, col))
}

/// The places of every occurrence of `needle`, in one pass over `text`:
/// lines and columns are counted from the previous occurrence, never
/// again from the start of the line (a minified file is one line).
fn places_of(text: &str, needle: &str) -> Vec<Place> {
    let mut out = Vec::new();
    // `col` counts the characters from the line start up to `scanned`.
    let (mut line, mut col, mut scanned) = (1u64, 0u64, 0usize);
    for (off, _) in text.match_indices(needle) {
        for b in &text.as_bytes()[scanned..off] {
            if *b == b'\n' {
                line += 1;
                col = 0;
            } else if *b & 0xC0 != 0x80 {
                col += 1;
            }
        }
        scanned = off;
        out.push(Place::line_col(line, col + 1));
    }
    out
}

/// Evidence written as a string, or a list of strings and `{name, url}`
/// objects; `Err` says what was expected instead.
pub(super) fn evidence_of(v: &Value) -> std::result::Result<Vec<Evidence>, Text> {
    let list = match v {
        Value::Null => return Ok(vec![]),
        Value::String(s) => return Ok(Evidence::parse_list(s)),
        Value::Array(list) => list,
        _ => {
            return Err(tr!(
                "daftar teks atau objek",
                "a list of strings or objects"
            ));
        }
    };
    let mut out = Vec::new();
    for e in list {
        match e {
            Value::String(s) => out.extend(Evidence::parse(s)),
            Value::Object(o) => {
                let name = o.get("name").and_then(Value::as_str);
                let url = o.get("url").and_then(Value::as_str);
                match (name, url) {
                    (Some(n), u) => out.push(Evidence {
                        name: n.to_string(),
                        url: u.map(str::to_string),
                    }),
                    (None, Some(u)) => out.extend(Evidence::parse(u)),
                    (None, None) => {
                        return Err(Text::same("{\"name\": \"...\", \"url\": \"https://...\"}"));
                    }
                }
            }
            _ => {
                return Err(tr!(
                    "daftar teks atau objek",
                    "a list of strings or objects"
                ));
            }
        }
    }
    Ok(out)
}

fn type_error(file: &str, text: &str, field: &str, place: Option<Place>, want: Text) -> Error {
    let mut e = Error::input(
        file,
        tr!("jenis nilai `{}` salah", "`{}` has the wrong type", field),
    )
    .at_opt(place.clone())
    .expected(want);
    if let Some(Place::Line { line, .. }) = place
        && let Some(l) = line_text(text, line)
    {
        e = e.with_snippet(l);
    }
    e
}

/// The keys an answer may have.
const ANSWER_KEYS: [&str; 5] = ["indicator", "value", "justification", "evidence", "origin"];

/// An answer's key that is none of [`ANSWER_KEYS`]: an error, since what it
/// holds would be lost (`"valeu": 3` would leave the indicator unanswered).
fn unknown_key(file: &str, text: &str, i: usize, key: &str) -> Error {
    let place = place_of(text, &format!("\"{key}\""), 0);
    let mut e = Error::input(
        file,
        tr!(
            "kunci `{}` tidak dikenal dalam `answers[{}]`",
            "unknown key `{}` in `answers[{}]`",
            key,
            i
        ),
    )
    .at_opt(place.clone())
    .expected(Text::same(ANSWER_KEYS.join(", ")));
    if let Some(Place::Line { line, .. }) = place
        && let Some(l) = line_text(text, line)
    {
        e = e.with_snippet(l);
    }
    // A near spelling, or the column's name in an Indonesian table.
    let lower = key.trim().to_lowercase();
    let near = match lower.as_str() {
        "nilai" | "tingkat" => Some("value"),
        "penjelasan" => Some("justification"),
        "data_dukung" | "bukti" => Some("evidence"),
        "asal" => Some("origin"),
        _ => ANSWER_KEYS
            .iter()
            .map(|k| (strsim::levenshtein(&lower, k), *k))
            .min()
            .filter(|(d, _)| *d <= 2)
            .map(|(_, k)| k),
    };
    e.with_hint(match near {
        Some(k) => tr!(
            "maksud Anda `{}`? Isi kunci yang tidak dikenal tidak dibaca",
            "did you mean `{}`? What an unknown key holds is not read",
            k
        ),
        None => tr!(
            "hapus kunci itu, atau ganti namanya dengan salah satu kunci di atas",
            "remove the key, or rename it to one of the keys above"
        ),
    })
}

/// Reads metadata and answers from JSON text. Without `places`, answers
/// carry no place or snippet (finding them is most of the work on a valid
/// file): read again with `places` to report an error in an answer.
pub fn read<'t>(file: &str, text: &'t str, places: bool) -> Result<(Meta, Vec<RawAnswer<'t>>)> {
    if !places
        && let Some(quick) =
            crate::assessment::canonical::read(text.strip_prefix('\u{feff}').unwrap_or(text))
    {
        return Ok(quick);
    }
    match read_with(file, text, places) {
        Err(_) if !places => read_with(file, text, true),
        r => r,
    }
}

pub(super) fn read_with<'t>(
    file: &str,
    text: &'t str,
    places: bool,
) -> Result<(Meta, Vec<RawAnswer<'t>>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| crate::json::error(file, text, &e))?;
    // `Value` keeps the last of two equal keys: a repeated key is an error.
    super::dupkeys::check(file, text)?;
    let Value::Object(obj) = &root else {
        return Err(Error::input(
            file,
            tr!(
                "JSON penilaian harus berupa objek",
                "an assessment in JSON must be an object"
            ),
        )
        .at(Place::line_col(1, 1))
        .expected(Text::same(
            "{\"framework\": \"spbe-2020\", \"answers\": [{\"indicator\": \"spbe-2020:1\", \"value\": 3}]}",
        )));
    };
    let mut meta = Meta::default();
    let str_field = |k: &str| -> Result<Option<String>> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(type_error(
                file,
                text,
                k,
                place_of(text, &format!("\"{k}\""), 0),
                tr!("teks", "a string"),
            )),
        }
    };
    meta.framework = str_field("framework")?;
    meta.agency = str_field("agency")?;
    meta.source = str_field("source")?;
    meta.year = match obj.get("year") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let y = scalar(v)
                .and_then(|s| s.parse::<i32>().ok())
                .filter(|y| (1900..=2200).contains(y));
            Some(y.ok_or_else(|| {
                type_error(
                    file,
                    text,
                    "year",
                    place_of(text, "\"year\"", 0),
                    tr!(
                        "tahun empat angka, misalnya 2025",
                        "a four-digit year such as 2025"
                    ),
                )
            })?)
        }
    };
    if let Some(ext) = obj.get("external") {
        let Value::Object(m) = ext else {
            return Err(type_error(
                file,
                text,
                "external",
                place_of(text, "\"external\"", 0),
                Text::same("{\"sdi\": \"68.75\"}"),
            ));
        };
        for (k, v) in m {
            let place = place_of(text, &format!("\"{k}\""), 0);
            let s = scalar(v).ok_or_else(|| {
                type_error(file, text, k, place.clone(), tr!("angka", "a number"))
            })?;
            meta.external.push((k.clone(), s, place));
        }
    }
    let mut rows = Vec::new();
    match (obj.get("answers"), obj.get("levels")) {
        (Some(Value::Array(items)), _) => {
            let (places, lines) = if places {
                (places_of(text, "\"indicator\""), Some(LineIndex::new(text)))
            } else {
                (Vec::new(), None)
            };
            for (i, item) in items.iter().enumerate() {
                let place = match &lines {
                    Some(_) => places
                        .get(i)
                        .cloned()
                        .or_else(|| place_of(text, "\"answers\"", 0)),
                    None => None,
                };
                let snippet = match (&place, &lines) {
                    (Some(Place::Line { line, .. }), Some(lines)) => Some(lines.line(text, *line)),
                    _ => None,
                };
                let Value::Object(a) = item else {
                    return Err(type_error(
                        file,
                        text,
                        &format!("answers[{i}]"),
                        place_of(text, "\"answers\"", 0),
                        Text::same("{\"indicator\": \"spbe-2020:1\", \"value\": 3}"),
                    ));
                };
                if let Some(key) = a.keys().find(|k| !ANSWER_KEYS.contains(&k.as_str())) {
                    return Err(unknown_key(file, text, i, key));
                }
                let indicator = a.get("indicator").and_then(scalar).ok_or_else(|| {
                    type_error(
                        file,
                        text,
                        &format!("answers[{i}].indicator"),
                        place.clone(),
                        tr!(
                            "id, nomor atau nama indikator",
                            "an indicator id, number or name"
                        ),
                    )
                })?;
                let value = match a.get("value") {
                    None | Some(Value::Null) => None,
                    Some(v) => Some(scalar(v).ok_or_else(|| {
                        type_error(
                            file,
                            text,
                            &format!("answers[{i}].value"),
                            place.clone(),
                            tr!("angka", "a number"),
                        )
                    })?),
                };
                let justification = match a.get("justification") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(_) => {
                        return Err(type_error(
                            file,
                            text,
                            &format!("answers[{i}].justification"),
                            place.clone(),
                            tr!("teks", "a string"),
                        ));
                    }
                };
                let evidence = match a.get("evidence") {
                    None => vec![],
                    Some(v) => evidence_of(v).map_err(|want| {
                        type_error(
                            file,
                            text,
                            &format!("answers[{i}].evidence"),
                            place.clone(),
                            want,
                        )
                    })?,
                };
                let origin = a.get("origin").and_then(Value::as_str).map(str::to_string);
                rows.push(RawAnswer {
                    indicator,
                    indicator_place: place.clone(),
                    value,
                    value_place: place,
                    justification,
                    evidence,
                    origin,
                    snippet,
                    ..RawAnswer::default()
                });
            }
        }
        (Some(_), _) => {
            return Err(type_error(
                file,
                text,
                "answers",
                place_of(text, "\"answers\"", 0),
                tr!("daftar jawaban", "a list of answers"),
            ));
        }
        (None, Some(Value::Object(levels))) => {
            for (k, v) in levels {
                let place = places
                    .then(|| place_of(text, &format!("\"{k}\""), 0))
                    .flatten();
                let value = scalar(v).ok_or_else(|| {
                    type_error(
                        file,
                        text,
                        &format!("levels.{k}"),
                        place.clone(),
                        tr!("angka", "a number"),
                    )
                })?;
                rows.push(RawAnswer {
                    indicator: k.clone(),
                    indicator_place: place.clone(),
                    value: Some(value),
                    value_place: place,
                    ..RawAnswer::default()
                });
            }
        }
        (None, _) => {
            return Err(Error::input(
                file,
                tr!(
                    "tidak ada `answers` dalam berkas penilaian",
                    "the assessment has no `answers`"
                ),
            )
            .at(Place::line_col(1, 1))
            .expected(Text::same(
                "{\"framework\": \"spbe-2020\", \"answers\": [{\"indicator\": \"spbe-2020:1\", \"value\": 3}]}",
            )));
        }
    }
    Ok((meta, rows))
}

#[cfg(test)]
mod tests {
    use crate::error::Place;

    #[test]
    fn places_of_on_one_long_line_is_linear() {
        // Before: each place counted the characters from the start of its
        // line, so a minified 9 MB file took 52 s. 100 000 places on one
        // 3 MB line are 1,5 * 10^11 character steps when quadratic (far
        // past any test timeout), 3 * 10^6 when linear.
        let item = r#"{"indicator":"1","value":"é"},"#;
        let text = format!("[{}]", item.repeat(100_000));
        let places = super::places_of(&text, "\"indicator\"");
        assert_eq!(places.len(), 100_000);
        let width = item.chars().count() as u64;
        assert_eq!(places[0], Place::line_col(1, 3));
        assert_eq!(places[99_999], Place::line_col(1, 3 + 99_999 * width));
        let two = super::places_of("{\n  \"indicator\": 1,\n é \"indicator\"", "\"indicator\"");
        assert_eq!(two, vec![Place::line_col(2, 3), Place::line_col(3, 4)]);
    }
}
