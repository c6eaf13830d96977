//! How assessors score an indicator (external index, documents, either),
//! with the source of that fact and how sure it is.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// How assessors score an indicator, with its source and confidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// From another agency's index, from uploaded documents, or either.
    pub by: ScoredBy,
    /// What it rests on (Bahasa Indonesia and English).
    pub note: Text,
    /// Where the fact comes from (Bahasa Indonesia).
    pub source: String,
    /// The same in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    /// How sure it is.
    pub confidence: String,
}

/// How assessors score an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoredBy {
    /// From another agency's index only (without it, the floor).
    ExternalIndex,
    /// From the agency's uploaded documents.
    Documents,
    /// From the index or, lacking it, from documents.
    Either,
}

impl ScoredBy {
    /// For people.
    pub fn describe(self) -> Text {
        match self {
            ScoredBy::ExternalIndex => Text::new(
                "dari indeks instansi lain saja (tanpanya: nilai terendah)",
                "from another agency's index only (without it: the floor)",
            ),
            ScoredBy::Documents => {
                Text::new("dari dokumen yang diunggah", "from uploaded documents")
            }
            ScoredBy::Either => Text::new(
                "dari indeks instansi lain atau dari dokumen",
                "from another agency's index or from documents",
            ),
        }
    }
}
