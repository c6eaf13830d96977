//! One agency's answers in one framework for one year.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::decimal::serde_dec;

/// An assessment: possibly partial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Framework id, e.g. `spbe-2020`.
    pub framework: String,
    /// The agency (instansi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The evaluation year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where the answers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Answers in catalog order.
    pub answers: Vec<Answer>,
    /// Values of external indices (`sdi`, `sjig`, `epss`, ...), by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub external: BTreeMap<String, DecValue>,
    /// What a table holds beyond the answers, kept for drafts: the
    /// suggestions recorded with the values, texts on rows without a value,
    /// and columns of a person's own.
    #[serde(default, skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
}

/// The parts of a table that are not answers but belong to a person (or
/// record what the tool suggested), kept so that a merge never loses them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// Columns of a person's own (not read as answers), in file order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// Rows by item key (`22`, `35-1`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rows: BTreeMap<String, RowNotes>,
    /// Rows with text but no indicator (a team's note typed below the
    /// table), kept as they were: each cell's column header and text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loose: Vec<Vec<(String, String)>>,
    /// The other sheets of a workbook draft (a team's notes), each with its
    /// name and the text of its rows, kept so that a merge writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<(String, Vec<Vec<String>>)>,
    /// What the reader chose or skipped (the value column read, total rows
    /// skipped), for the command to say on standard error.
    #[serde(skip)]
    pub notices: Vec<crate::text::Text>,
}

impl Notes {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
            && self.rows.is_empty()
            && self.loose.is_empty()
            && self.sheets.is_empty()
    }
}

/// One row's notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowNotes {
    /// The suggestion the tool recorded with the value (`saran`): a value
    /// that differs from it was set by a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<DecValue>,
    /// The explanation on a row without a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// Evidence on a row without a value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Texts in the person's own columns, by column name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cells: BTreeMap<String, String>,
}

impl RowNotes {
    /// Whether the row holds nothing.
    pub fn is_empty(&self) -> bool {
        self.suggested.is_none()
            && self.justification.is_none()
            && self.evidence.is_empty()
            && self.cells.is_empty()
    }
}

/// A decimal that serializes as a string (`"68.75"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DecValue(#[serde(with = "serde_dec")] pub Decimal);

/// The answer to one indicator (or one scored row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Indicator id, e.g. `spbe-2020:22` or `spbe-2018:35-1`.
    pub indicator: String,
    /// The level or value.
    #[serde(with = "serde_dec")]
    pub value: Decimal,
    /// The agency's explanation (penjelasan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// Supporting documents (data dukung).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Who set the value: `None` for a person; `carried`, `derived` or
    /// `external` for a suggestion written by `convert`, which a later run may
    /// refresh but never a person's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// An origin mark as read from a file: the Indonesian words a CSV or XLSX
/// draft shows (`terbawa`, `turunan`, `eksternal`) become the stable codes
/// (`carried`, `derived`, `external`); a person's mark (`person`, `orang`)
/// or an empty cell is no origin.
pub fn origin_code(s: &str) -> Option<String> {
    let s = s.trim();
    let code = match s.to_lowercase().as_str() {
        "" | "person" | "orang" => return None,
        "terbawa" | "carried" => "carried",
        "turunan" | "derived" => "derived",
        "eksternal" | "external" => "external",
        _ => s,
    };
    Some(code.to_string())
}

impl Answer {
    /// The part of the id after the framework: `22` or `35-1`.
    pub fn key(&self) -> &str {
        // Ids are short: a plain scan beats a string search.
        let b = self.indicator.as_bytes();
        match b.iter().rposition(|c| *c == b':') {
            Some(at) => &self.indicator[at + 1..],
            None => &self.indicator,
        }
    }

    /// The indicator number (`35` for `35-1`).
    pub fn indicator_no(&self) -> Option<u32> {
        let key = self.key();
        let digits = match key.as_bytes().iter().position(|c| *c == b'-') {
            Some(at) => &key[..at],
            None => key,
        };
        digits.parse().ok()
    }
}

/// One supporting document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Title or description.
    pub name: String,
    /// Where it is, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Evidence {
    /// Parses one evidence item as people write it: a title, a URL, or
    /// `title (https://...)`.
    pub fn parse(s: &str) -> Option<Evidence> {
        let t = s.trim();
        if t.is_empty() {
            return None;
        }
        let is_url = |u: &str| u.starts_with("http://") || u.starts_with("https://");
        if is_url(t) {
            return Some(Evidence {
                name: t.to_string(),
                url: Some(t.to_string()),
            });
        }
        if let Some(open) = t.rfind('(')
            && t.ends_with(')')
        {
            let inner = t[open + 1..t.len() - 1].trim();
            if is_url(inner) {
                return Some(Evidence {
                    name: t[..open].trim().to_string(),
                    url: Some(inner.to_string()),
                });
            }
        }
        Some(Evidence {
            name: t.to_string(),
            url: None,
        })
    }

    /// Splits a cell holding several items (one per line, or separated by `;` or `|`).
    pub fn parse_list(s: &str) -> Vec<Evidence> {
        s.split(['\n', ';', '|'])
            .filter_map(Evidence::parse)
            .collect()
    }
}

impl Assessment {
    /// The answer for item key `key` (`22`, `35-1`).
    pub fn answer(&self, key: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.key() == key)
    }

    /// The answers by item key.
    pub fn by_key(&self) -> BTreeMap<&str, &Answer> {
        self.answers.iter().map(|a| (a.key(), a)).collect()
    }
}
