//! `spbe-pemdi mapping diff`: the graded changes between two versions of a
//! crosswalk, and their impact on a corpus of assessments.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::{Ctx, print};
use crate::error::Result;
use crate::review::diff::{self, Severity, render};
use crate::review::{impact, resolve};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown in the --lang language.
    Md,
    /// JSON (texts in both languages).
    Json,
}

/// The lowest severity that fails the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Changes to suggested values or classes.
    Outcome,
    /// Changes to ranges or the certainty reported (and outcome).
    Range,
    /// Any change.
    Text,
}

/// Compare two versions of a crosswalk (or of a calibration); grade each change; show the impact on a corpus.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping diff spbe-2020-to-pemdi-2026@1.0.0 edited/spbe-2020-to-pemdi-2026.json
  spbe-pemdi mapping diff old.json new.json --corpus fixtures
  spbe-pemdi mapping diff old.json new.json --fail-on outcome --format json

Severities: outcome (can change suggested values or classes: level rule, sources/targets,
aggregation on several sources, relation to/from disjoint, crossing the carried threshold
equal+high, maps added/removed, primary); range (ranges or certainty only: other relation and
confidence changes, coverage, evidence policy); text (rationale, review status, title, ...).
With --corpus DIR every assessment in DIR whose conversion path uses the crosswalk is converted
with both versions; counts of changed values, ranges and classes per target indicator and the
distribution of projected-index changes are reported; unreadable files are listed and skipped.
Two calibration files (mappings/calibrations/*.json) are compared field by field: parameters
and method are outcome, the band is range, the rest text.
Exit codes: 0 ok; 1 a change at or above --fail-on; 2 usage; 3 bad input.")]
pub struct Args {
    /// The old version: a crosswalk file, or `id@version` in the data set.
    pub old: String,
    /// The new version: a crosswalk file, or `id@version` in the data set.
    pub new: String,
    /// A folder of assessments to convert with both versions.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// The framework to convert the corpus to (default: the crosswalk's target).
    #[arg(long, value_name = "ID", requires = "corpus")]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Exit 1 when a change at or above this severity exists (outcome > range > text).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
}

/// Runs `mapping diff`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    use crate::calibration::diff as cal;
    let (po, pn) = (
        std::path::Path::new(&args.old),
        std::path::Path::new(&args.new),
    );
    if cal::is_calibration(po) && cal::is_calibration(pn) {
        let (old, new) = (cal::read(po)?, cal::read(pn)?);
        let changes = cal::diff(&old, &new);
        match args.format {
            Format::Md => print(&cal::markdown(&old, &new, &changes, ctx.lang)),
            Format::Json => print(&crate::json::to_pretty(&serde_json::json!({
                "old": old.reference(),
                "new": new.reference(),
                "changes": changes,
            }))),
        }
        let gate = args.fail_on.map(|f| match f {
            FailOn::Outcome => Severity::Outcome,
            FailOn::Range => Severity::Range,
            FailOn::Text => Severity::Text,
        });
        let highest = changes.iter().map(|c| c.severity).max();
        return Ok(i32::from(
            matches!((gate, highest), (Some(g), Some(h)) if h >= g),
        ));
    }
    let data = ctx.data()?;
    let old = resolve(&data, &args.old)?;
    let new = resolve(&data, &args.new)?;
    let d = diff::diff(&old, &new)?;
    let imp = match &args.corpus {
        Some(dir) => Some(impact::impact(&data, &old, &new, dir, args.to.as_deref())?),
        None => None,
    };
    match args.format {
        Format::Md => print(&render::markdown(&d, imp.as_ref(), ctx.lang)),
        Format::Json => print(&render::json(&d, imp.as_ref())),
    }
    let gate = args.fail_on.map(|f| match f {
        FailOn::Outcome => Severity::Outcome,
        FailOn::Range => Severity::Range,
        FailOn::Text => Severity::Text,
    });
    let hit = match (gate, d.highest()) {
        (Some(g), Some(h)) => h >= g,
        _ => false,
    };
    if hit {
        ctx.note(&format!(
            "{} --fail-on {}: {}",
            ctx.lang.pick("gerbang", "gate"),
            gate.map(Severity::as_str).unwrap_or_default(),
            ctx.lang.pick(
                "ada perubahan pada tingkat ini atau di atasnya",
                "there are changes at or above this severity"
            )
        ));
    }
    Ok(i32::from(hit))
}
