//! Findings for people (a diagnostic per finding, then a summary) and for
//! machines (a JSON array; messages and hints in the chosen language).

use std::fmt::Write as _;

use serde::Serialize;

use crate::crosswalk::lint::{Code, Finding, Severity};
use crate::text::Lang;

/// Counts of errors and warnings.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// `galat[unknown-indicator]: ...` blocks, then the summary line.
pub fn text(findings: &[Finding], crosswalks: usize, lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let line = f.line.map(|l| format!(":{l}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}[{}]: {}",
            f.severity.label(lang),
            f.code.as_str(),
            f.message.get(lang)
        );
        let _ = writeln!(out, "  --> {}{line} ({})", f.file, f.place);
        let _ = writeln!(
            out,
            "  = {}: {}\n",
            lang.pick("saran", "hint"),
            f.hint.get(lang)
        );
    }
    let (errors, warnings) = counts(findings);
    let summary = match lang {
        Lang::Id => format!("{errors} galat, {warnings} peringatan dalam {crosswalks} crosswalk"),
        Lang::En => format!(
            "{errors} {}, {warnings} {} in {crosswalks} {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
            plural(crosswalks, "crosswalk", "crosswalks")
        ),
    };
    let _ = writeln!(out, "{summary}");
    out
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[derive(Serialize)]
struct Row<'a> {
    code: Code,
    severity: Severity,
    file: &'a str,
    line: Option<u64>,
    place: &'a str,
    message: &'a str,
    hint: &'a str,
}

/// The findings as a JSON array, in the order of [`text`].
pub fn json(findings: &[Finding], lang: Lang) -> String {
    let rows: Vec<Row> = findings
        .iter()
        .map(|f| Row {
            code: f.code,
            severity: f.severity,
            file: &f.file,
            line: f.line,
            place: &f.place,
            message: f.message.get(lang),
            hint: f.hint.get(lang),
        })
        .collect();
    crate::json::to_pretty(&rows)
}

/// The Markdown table of every lint code (kept in `docs/crosswalk-lints.md`,
/// checked by a test).
pub fn codes_table() -> String {
    let mut out = String::from("| code | severity | checks |\n|---|---|---|\n");
    for c in Code::ALL {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            c.as_str(),
            c.severity().label(Lang::En),
            c.summary().get(Lang::En)
        );
    }
    out
}
