//! `spbe-pemdi mapping review`: the review document of a crosswalk.

use clap::ValueEnum;

use crate::cli::{Ctx, print};
use crate::error::Result;
use crate::review::{build, markdown, resolve};

/// Document formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown in the --lang language.
    Md,
    /// JSON (names and messages in both languages).
    Json,
}

/// Print the review document of a crosswalk.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping review spbe-2020-to-pemdi-2026
  spbe-pemdi mapping review spbe-2018-to-spbe-2020@1.0.0 --lang en
  spbe-pemdi mapping review my-edit/spbe-2020-to-pemdi-2026.json --format json

Every map with source and target names, relation, level rule, aggregation, confidence,
evidence policy, coverage, rationale and review status; the coverage of every target
(weighted, by confidence, per aspect and overall); retired sources and new targets with
their reasons; the validate lints that concern the crosswalk. The documents of the shipped
crosswalks are kept in mappings/reviews/ and checked by `cargo test`.")]
pub struct Args {
    /// An id (newest version), `id@version`, or a path to a crosswalk file.
    pub crosswalk: String,
    /// Document format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
}

/// Runs `mapping review`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let subject = resolve(&data, &args.crosswalk)?;
    let review = build(&data, &subject)?;
    match args.format {
        Format::Md => print(&markdown::render(&review, &data, ctx.lang)),
        Format::Json => print(&crate::json::to_pretty(&review)),
    }
    Ok(0)
}
