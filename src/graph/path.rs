//! Paths between frameworks: the crosswalks to apply in order, and pins
//! that choose a crosswalk (and its version).

use std::fmt;

use crate::crosswalk::Version;
use crate::error::{Error, Result};
use crate::text::Text;
use crate::tr;

/// `--crosswalk ID` or `--crosswalk ID@VERSION`: use this crosswalk (and
/// this version of it) wherever it lies on a candidate path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pin {
    /// The crosswalk id.
    pub id: String,
    /// The version; `None` means the newest.
    pub version: Option<Version>,
}

impl Pin {
    /// Parses `ID` or `ID@VERSION`.
    pub fn parse(s: &str) -> Result<Pin> {
        let s = s.trim();
        let (id, version) = match s.split_once('@') {
            Some((id, v)) => (id, Some(v)),
            None => (s, None),
        };
        let version = match version {
            None => None,
            Some(v) => Some(Version::parse(v).ok_or_else(|| {
                Error::usage(tr!(
                    "versi crosswalk `{}` tidak valid",
                    "crosswalk version `{}` is not valid",
                    v
                ))
                .expected(Text::same("ID@MAJOR.MINOR.PATCH"))
            })?),
        };
        if id.is_empty() {
            return Err(
                Error::usage(tr!("`--crosswalk` tanpa id", "`--crosswalk` without an id"))
                    .expected(Text::same("ID@MAJOR.MINOR.PATCH")),
            );
        }
        Ok(Pin {
            id: id.to_string(),
            version,
        })
    }
}

/// One crosswalk used as a hop of a path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct CrosswalkRef {
    /// The crosswalk id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Source framework.
    pub from: String,
    /// Target framework.
    pub to: String,
    /// Whether it is marked `primary`.
    pub primary: bool,
    /// The file it was read from.
    pub file: String,
}

impl fmt::Display for CrosswalkRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.id, self.version)
    }
}

/// A path between two frameworks: the crosswalks to apply in order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Path {
    /// The hops, first first. Empty when source and target are the same.
    pub hops: Vec<CrosswalkRef>,
}

impl Path {
    /// The frameworks visited, in order (empty for an empty path).
    pub fn frameworks(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.hops.iter().map(|h| h.from.as_str()).collect();
        if let Some(last) = self.hops.last() {
            out.push(&last.to);
        }
        out
    }

    pub(crate) fn rank(&self) -> (bool, usize, usize) {
        let single_primary = self.hops.len() == 1 && self.hops[0].primary;
        let non_primary = self.hops.iter().filter(|h| !h.primary).count();
        (!single_primary, self.hops.len(), non_primary)
    }
}

impl fmt::Display for Path {
    /// `spbe-2020 -[a@1.0.0]-> pemdi-2025 -[b@1.0.0]-> pemdi-2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(first) = self.hops.first() else {
            return f.write_str("(-)");
        };
        f.write_str(&first.from)?;
        for h in &self.hops {
            write!(f, " -[{h}]-> {}", h.to)?;
        }
        Ok(())
    }
}
