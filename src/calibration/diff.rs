//! `mapping diff` of two calibration files: each change graded like a
//! crosswalk's (a parameter or method change is `outcome`: it moves
//! projections; the band is `range`; pairs, errors, versions and the
//! description are `text`).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::calibration::Calibration;
use crate::error::Result;
use crate::review::diff::Severity;
use crate::text::{Lang, Text};

/// One graded change of a calibration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalibrationChange {
    /// How far it reaches.
    pub severity: Severity,
    /// The field.
    pub field: String,
    /// Old value (JSON).
    pub old: String,
    /// New value (JSON).
    pub new: String,
    /// Why it has this severity.
    pub why: Text,
}

/// Whether `path` is a calibration file (a JSON object with `parameters`
/// and `band`).
pub fn is_calibration(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .is_some_and(|v| v.get("parameters").is_some() && v.get("band").is_some())
}

/// Reads a calibration file.
pub fn read(path: &Path) -> Result<Calibration> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::Error::read(path, &e))?;
    crate::json::from_str(&path.display().to_string(), &text)
}

/// The graded changes from `old` to `new`, in field order.
pub fn diff(old: &Calibration, new: &Calibration) -> Vec<CalibrationChange> {
    let j = |v: serde_json::Value| v.to_string();
    let outcome = Text::new(
        "mengubah proyeksi (nilai saran dan indeks proyeksi)",
        "changes projections (suggested values and the projected index)",
    );
    let range = Text::new(
        "mengubah rentang proyeksi (pita kalibrasi)",
        "changes projected ranges (the calibration band)",
    );
    let text = Text::new("tidak mengubah konversi", "changes no conversion");
    let fields: Vec<(&str, serde_json::Value, serde_json::Value, Severity, &Text)> = vec![
        ("id", j_(&old.id), j_(&new.id), Severity::Text, &text),
        (
            "version",
            j_(&old.version),
            j_(&new.version),
            Severity::Text,
            &text,
        ),
        (
            "crosswalks",
            j_(&old.crosswalks),
            j_(&new.crosswalks),
            Severity::Text,
            &text,
        ),
        (
            "method",
            j_(&old.method),
            j_(&new.method),
            Severity::Outcome,
            &outcome,
        ),
        (
            "parameters",
            j_(&old.parameters),
            j_(&new.parameters),
            Severity::Outcome,
            &outcome,
        ),
        (
            "band",
            j_(&old.band),
            j_(&new.band),
            Severity::Range,
            &range,
        ),
        ("n", j_(&old.n), j_(&new.n), Severity::Text, &text),
        (
            "pairs",
            j_(&old.pairs),
            j_(&new.pairs),
            Severity::Text,
            &text,
        ),
        (
            "errors",
            j_(&old.errors),
            j_(&new.errors),
            Severity::Text,
            &text,
        ),
        (
            "description",
            j_(&old.description),
            j_(&new.description),
            Severity::Text,
            &text,
        ),
        (
            "description_en",
            j_(&old.description_en),
            j_(&new.description_en),
            Severity::Text,
            &text,
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b, _, _)| a != b)
        .map(|(f, a, b, s, why)| CalibrationChange {
            severity: s,
            field: f.to_string(),
            old: j(a),
            new: j(b),
            why: why.clone(),
        })
        .collect()
}

fn j_<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// The changes as Markdown.
pub fn markdown(
    old: &Calibration,
    new: &Calibration,
    changes: &[CalibrationChange],
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} `{}` → `{}`\n",
        lang.pick("Perubahan kalibrasi", "Calibration changes"),
        old.reference(),
        new.reference()
    );
    if changes.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Tidak ada perubahan.", "No changes."));
        return out;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        lang.pick("Tingkat", "Severity"),
        lang.pick("Bidang", "Field"),
        lang.pick("Lama", "Old"),
        lang.pick("Baru", "New"),
        lang.pick("Mengapa", "Why")
    );
    let cut = |s: &str| {
        if s.chars().count() > 80 {
            format!("{}…", s.chars().take(79).collect::<String>())
        } else {
            s.to_string()
        }
    };
    for c in changes {
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}` | `{}` | {} |",
            c.severity.describe().get(lang),
            c.field,
            cut(&c.old).replace('|', "\\|").replace('`', "'"),
            cut(&c.new).replace('|', "\\|").replace('`', "'"),
            c.why.get(lang)
        );
    }
    out
}
