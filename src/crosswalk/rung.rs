//! The rubric reading of a map: the rungs of its target's ladder, the
//! source criteria (`spbe-2020:29@3`) that evidence each, and the value
//! they give (docs/crosswalk-format.md, "Rungs").

use serde::{Deserialize, Serialize};

use crate::crosswalk::model::Map;
use crate::text::Text;

/// One rung of a target's ladder and the source criteria that evidence it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    /// The target level (above the scale's floor).
    pub level: u32,
    /// Source criteria `framework:indicator@level`, any one of which met
    /// (answer ≥ level) evidences the rung; empty when no source does.
    #[serde(default)]
    pub evidenced_by: Vec<String>,
    /// Why (Bahasa Indonesia).
    pub note: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// A source criterion `spbe-2020:29@3`: framework, indicator, level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion<'a> {
    /// Framework id.
    pub framework: &'a str,
    /// Indicator number.
    pub indicator: u32,
    /// Level.
    pub level: u32,
}

impl<'a> Criterion<'a> {
    /// Parses `spbe-2020:29@3`; `None` when malformed.
    pub fn parse(s: &'a str) -> Option<Criterion<'a>> {
        let (id, level) = s.split_once('@')?;
        let (framework, no) = id.rsplit_once(':')?;
        let num = |t: &str| {
            (!t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        Some(Criterion {
            framework,
            indicator: num(no)?,
            level: num(level)?,
        })
    }
}

impl Rung {
    /// The note in both languages (English falls back to Indonesian).
    pub fn note_text(&self) -> Text {
        Text {
            id: self.note.clone(),
            en: self.note_en.clone(),
        }
    }

    /// The criteria that parse, in order.
    pub fn criteria(&self) -> impl Iterator<Item = Criterion<'_>> {
        self.evidenced_by.iter().filter_map(|c| Criterion::parse(c))
    }
}

impl Map {
    /// The value the rungs give when `met(indicator, level)` says which
    /// source criteria are met: the highest rung such that it and every
    /// rung below it is evidenced, `floor` when none is. `None` without rungs.
    pub fn rung_value(&self, floor: u32, met: impl Fn(u32, u32) -> bool) -> Option<u32> {
        if self.rungs.is_empty() {
            return None;
        }
        let mut rungs: Vec<&Rung> = self.rungs.iter().collect();
        rungs.sort_by_key(|r| r.level);
        let mut value = floor;
        for r in rungs {
            if r.level <= value {
                continue;
            }
            if r.level != value + 1 || !r.criteria().any(|c| met(c.indicator, c.level)) {
                break;
            }
            value = r.level;
        }
        Some(value)
    }
}
