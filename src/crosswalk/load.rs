//! Reading crosswalk files from the data set, with errors that point at the
//! file, line and column.

use std::collections::HashMap;

use crate::crosswalk::model::{Crosswalk, Version};
use crate::data::{Data, DataFile};
use crate::error::{Error, Place, Result};
use crate::tr;

/// A crosswalk and the file it was read from.
#[derive(Debug, Clone)]
pub struct LoadedCrosswalk {
    /// The file, as named in messages (`mappings/crosswalks/...` or the real path).
    pub file: String,
    /// The path relative to the data root: `crosswalks/<id>.json`.
    pub path: String,
    /// The file's text (to point at lines in findings).
    pub text: String,
    /// The parsed crosswalk.
    pub crosswalk: Crosswalk,
}

impl LoadedCrosswalk {
    /// `id@version`.
    pub fn reference(&self) -> String {
        self.crosswalk.reference()
    }

    /// The parsed version, when valid.
    pub fn semver(&self) -> Option<Version> {
        self.crosswalk.semver()
    }

    /// The 1-based line of the map with `id` (where its `"id"` is written).
    pub fn map_line(&self, id: &str) -> Option<u64> {
        self.map_line_nth(id, 0)
    }

    /// The 1-based line of the `nth` (0-based) map with `id`, for ids
    /// written more than once.
    pub fn map_line_nth(&self, id: &str, nth: usize) -> Option<u64> {
        let start = self.text.find("\"maps\"")?;
        let needle = format!("\"{id}\"");
        let mut from = start;
        let mut seen = 0;
        while let Some(i) = self.text[from..].find(&needle) {
            let at = from + i;
            let before = self.text[..at].trim_end();
            if let Some(b) = before.strip_suffix(':')
                && b.trim_end().ends_with("\"id\"")
            {
                if seen == nth {
                    return Some(crate::error::line_col_of(&self.text, at).0);
                }
                seen += 1;
            }
            from = at + needle.len();
        }
        None
    }

    /// The 1-based lines of every map, by id (several for an id written
    /// more than once, in file order), found in one pass over the text:
    /// for the many maps of a finding list or a review document.
    pub fn map_lines(&self) -> HashMap<&str, Vec<u64>> {
        let mut out: HashMap<&str, Vec<u64>> = HashMap::new();
        let t = self.text.as_str();
        let Some(start) = t.find("\"maps\"") else {
            return out;
        };
        let (mut line, mut scanned) = (1u64, 0usize);
        for (i, _) in t[start..].match_indices("\"id\"") {
            let after = &t[start + i + 4..];
            let Some(rest) = after.trim_start().strip_prefix(':') else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = rest.find('"') else {
                continue;
            };
            let value_at = t.len() - rest.len() - 1;
            line += t.as_bytes()[scanned..value_at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            scanned = value_at;
            out.entry(&rest[..end]).or_default().push(line);
        }
        out
    }

    /// The 1-based line where top-level field `field` is written.
    pub fn field_line(&self, field: &str) -> Option<u64> {
        let needle = format!("\"{field}\"");
        let at = self.text.find(&needle)?;
        Some(crate::error::line_col_of(&self.text, at).0)
    }
}

/// Parses the crosswalk in `text`, read from `file`.
pub fn parse_crosswalk(file: &str, text: &str) -> Result<Crosswalk> {
    crate::json::from_str(file, text)
}

/// Reads one data file under `crosswalks/`: its name must be `<id>.json`
/// or `<id>@<version>.json`.
pub fn load_file(f: &DataFile) -> Result<LoadedCrosswalk> {
    let crosswalk = parse_crosswalk(&f.label, &f.text)?;
    let stem = f
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&f.path)
        .trim_end_matches(".json");
    let plain = stem == crosswalk.id;
    let versioned = stem == crosswalk.reference();
    if !plain && !versioned {
        return Err(Error::input(
            &f.label,
            tr!(
                "nama berkas `{}` tidak sesuai dengan id `{}` dan versi `{}`",
                "the file name `{}` does not match the id `{}` and version `{}`",
                stem,
                crosswalk.id,
                crosswalk.version
            ),
        )
        .at(match f.text.find("\"id\"") {
            Some(at) => Place::line(crate::error::line_col_of(&f.text, at).0),
            None => Place::Field("id".into()),
        })
        .expected(tr!(
            "`{}.json` atau `{}.json`",
            "`{}.json` or `{}.json`",
            crosswalk.id,
            crosswalk.reference()
        ))
        .with_hint(tr!(
            "ganti nama berkas atau perbaiki `id`/`version`",
            "rename the file or fix `id`/`version`"
        )));
    }
    Ok(LoadedCrosswalk {
        file: f.label.clone(),
        path: f.path.clone(),
        text: f.text.clone(),
        crosswalk,
    })
}

/// Reads every crosswalk of the data set, ordered by id, then version
/// (valid versions ascending, invalid ones last), then path.
pub fn load_crosswalks(data: &Data) -> Result<Vec<LoadedCrosswalk>> {
    let mut out = data
        .crosswalk_files()
        .map(load_file)
        .collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| {
        a.crosswalk
            .id
            .cmp(&b.crosswalk.id)
            .then_with(|| match (a.semver(), b.semver()) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.crosswalk.version.cmp(&b.crosswalk.version),
            })
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(out)
}
