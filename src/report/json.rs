//! The gap report as JSON: every field of the model, exact decimals as
//! strings with a dot, texts in the report's language.

use crate::report::model::Report;

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(r: &Report) -> String {
    crate::json::to_pretty(r)
}
