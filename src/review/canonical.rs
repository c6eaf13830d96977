//! The canonical form of the mapping data files, enforced by a test and
//! written by `spbe-pemdi mapping fmt`.
//!
//! A file is canonical when parsing it into its model and serializing it
//! back changes nothing: serde_json's pretty printer (2-space indent), keys
//! in the order of the model, exact decimals without trailing zeros, and a
//! trailing newline. A crosswalk is also sorted: `sources` and `targets`
//! ascending, maps by their first target then first source, `retired` and
//! `new` by indicator. Every sort is stable and drops nothing, so the
//! canonical form of a canonical file is the file itself and no entry is
//! ever lost (repeated indicators stay; the `unsorted-indicators` lint
//! reports them).

use std::path::{Path, PathBuf};

use crate::catalog::Framework;
use crate::crosswalk::{Crosswalk, parse_crosswalk};
use crate::data::{Data, DataFile};
use crate::error::Result;

/// The crosswalk with its lists in canonical order.
pub fn canonical_crosswalk(mut cw: Crosswalk) -> Crosswalk {
    for m in &mut cw.maps {
        m.sources.sort_unstable();
        m.targets.sort_unstable();
    }
    cw.maps
        .sort_by_key(|m| (m.targets.first().copied(), m.sources.first().copied()));
    cw.retired.sort_by_key(|r| r.indicator);
    cw.new.sort_by_key(|n| n.indicator);
    cw
}

/// The canonical text of the data file at `path` (relative to the data
/// root: `frameworks/…`, `crosswalks/…` or `calibrations/…`), read from `label`; errors name
/// the file, line and column. Other paths are returned unchanged.
pub fn canonical_text(path: &str, label: &str, text: &str) -> Result<String> {
    if path.starts_with("crosswalks/") {
        let cw = parse_crosswalk(label, text)?;
        Ok(crate::json::to_pretty(&canonical_crosswalk(cw)))
    } else if path.starts_with("frameworks/") {
        let fw: Framework = crate::json::from_str(label, text)?;
        Ok(crate::json::to_pretty(&fw))
    } else if path.starts_with("calibrations/") {
        let c: crate::calibration::Calibration = crate::json::from_str(label, text)?;
        Ok(crate::json::to_pretty(&c))
    } else {
        Ok(text.to_string())
    }
}

/// A data file and its canonical form.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// How the file is named in messages.
    pub label: String,
    /// Its canonical text.
    pub canonical: String,
    /// The first line that differs from the canonical form (`None` when the
    /// file is canonical).
    pub first_difference: Option<u64>,
}

impl Checked {
    /// Whether writing the canonical form would change the file.
    pub fn changes(&self) -> bool {
        self.first_difference.is_some()
    }
}

/// Checks one data file of the data set rooted at `dir`.
pub fn check_file(dir: &Path, f: &DataFile) -> Result<Checked> {
    let canonical = canonical_text(&f.path, &f.label, &f.text)?;
    Ok(Checked {
        path: dir.join(&f.path),
        label: f.label.clone(),
        first_difference: first_difference(&f.text, &canonical),
        canonical,
    })
}

/// Checks every data file (`frameworks/*.json`, `crosswalks/*.json`,
/// `calibrations/*.json`) of the
/// data folder `dir`, sorted by path. Nothing else in the folder (such as
/// `reviews/`) is read.
pub fn check_dir(dir: &Path) -> Result<Vec<Checked>> {
    let data = Data::from_dir(dir)?;
    data.files.iter().map(|f| check_file(dir, f)).collect()
}

/// The 1-based line where `a` and `b` first differ, or `None` when equal.
pub fn first_difference(a: &str, b: &str) -> Option<u64> {
    if a == b {
        return None;
    }
    let mut n = 0u64;
    let mut la = a.split('\n');
    let mut lb = b.split('\n');
    loop {
        n += 1;
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            // The file ends early: point at its last line.
            (None, Some(_)) => return Some((n - 1).max(1)),
            _ => return Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn first_difference_points_at_the_line() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\nb", "a\nb\n"), Some(2));
        assert_eq!(first_difference("a\r\nb\n", "a\nb\n"), Some(1));
    }
}
