//! The canonical JSON form read typed, the quick way: files written by
//! tools (and by `convert`) are in it. Anything else in the file, or any
//! doubt, gives `None`, and the lenient reader (`json.rs`) takes over with
//! its places and messages. Both give the same answers for a file both
//! read (a test holds them together on every fixture).

use std::borrow::Cow;
use std::str::FromStr;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::assessment::build::{Meta, RawAnswer};
use crate::assessment::json::evidence_of;

#[derive(Deserialize)]
struct Doc<'t> {
    #[serde(default)]
    framework: Option<String>,
    #[serde(default)]
    agency: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(borrow, default)]
    external: Option<&'t RawValue>,
    #[serde(borrow, default)]
    levels: Option<&'t RawValue>,
    #[serde(borrow)]
    answers: Vec<Answer<'t>>,
}

/// Unknown keys are left to the lenient reader, which refuses them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer<'t> {
    #[serde(borrow)]
    indicator: &'t RawValue,
    #[serde(borrow, default)]
    value: Option<&'t RawValue>,
    #[serde(default)]
    justification: Option<String>,
    #[serde(borrow, default)]
    evidence: Option<&'t RawValue>,
    #[serde(default)]
    origin: Option<String>,
}

/// A string or a number as text, as the lenient reader writes it (a
/// number as `serde_json` prints it); `None` for anything else.
fn scalar(raw: &RawValue) -> Option<String> {
    let t = raw.get();
    match t.as_bytes().first()? {
        b'"' => serde_json::from_str::<Cow<'_, str>>(t)
            .ok()
            .map(Cow::into_owned),
        b'-' | b'0'..=b'9' => serde_json::Number::from_str(t).ok().map(|n| n.to_string()),
        _ => None,
    }
}

/// Reads `text` (without a byte-order mark) if it is in the canonical form.
pub fn read(text: &str) -> Option<(Meta, Vec<RawAnswer<'_>>)> {
    let doc: Doc = serde_json::from_str(text).ok()?;
    if doc.external.is_some() || doc.levels.is_some() {
        return None;
    }
    if doc.year.is_some_and(|y| !(1900..=2200).contains(&y)) {
        return None;
    }
    let meta = Meta {
        framework: doc.framework,
        agency: doc.agency,
        year: doc.year,
        source: doc.source,
        ..Meta::default()
    };
    let mut rows = Vec::with_capacity(doc.answers.len());
    for a in doc.answers {
        let value = match a.value {
            None => None,
            Some(v) if v.get() == "null" => None,
            Some(v) => Some(scalar(v)?),
        };
        let evidence = match a.evidence {
            None => vec![],
            Some(e) if e.get().contains('{') && super::dupkeys::has_any(e.get()) => return None,
            Some(e) => evidence_of(&serde_json::from_str(e.get()).ok()?).ok()?,
        };
        rows.push(RawAnswer {
            indicator: scalar(a.indicator)?,
            value,
            justification: a.justification,
            evidence,
            origin: a.origin,
            ..RawAnswer::default()
        });
    }
    Some((meta, rows))
}

#[cfg(test)]
mod tests {
    /// Every JSON fixture the quick reader takes reads the same as with the
    /// lenient reader; the canonical fixtures are taken.
    #[test]
    fn the_quick_reader_agrees_with_the_lenient_one() {
        let mut taken = 0;
        for (path, text) in crate::assessment::json_fixtures() {
            if let Some(quick) = super::read(&text) {
                let lenient = crate::assessment::json::read_with("f", &text, false)
                    .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
                assert_eq!(
                    format!("{quick:?}"),
                    format!("{lenient:?}"),
                    "{}",
                    path.display()
                );
                taken += 1;
            }
        }
        assert!(taken >= 5, "only {taken} fixtures read the quick way");
    }
}
