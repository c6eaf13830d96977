//! `spbe-pemdi score`.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::catalog::BandOn;
use crate::cli::{Ctx, print};
use crate::error::Result;
use crate::score::{ScoreOptions, external, render_json, render_text, score};

/// How to band the predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BandOnArg {
    /// The exact value (KemenPANRB 2024 practice).
    Exact,
    /// The value rounded to 2 decimals (KemenPANRB 2023 practice).
    Rounded,
}

/// Score an assessment by its framework's own rules.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi score fixtures/aceh-tengah-spbe-2025.json
  spbe-pemdi score hasil-2024.xlsx --framework spbe-2020
  spbe-pemdi score pemdi-2026.csv --external sdi=68.75,sjig=2.1,epss=3.2 --json")]
pub struct Args {
    /// The assessment: JSON, CSV or XLSX.
    pub file: PathBuf,
    /// The framework of the file, when the file does not say.
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// The value column to read when the table has several (e.g.
    /// `--column "Nilai Mandiri"`; default: the most final one).
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// Print JSON (exact decimal strings).
    #[arg(long)]
    pub json: bool,
    /// Band the predicate on the exact value or on the 2-decimal value.
    #[arg(long, value_enum, default_value = "exact")]
    pub band_on: BandOnArg,
    /// External index values for indicators scored from other agencies'
    /// indices, e.g. `sdi=68.75,sjig=2.1,epss=3.2`.
    #[arg(long, value_name = "KEY=VALUE,...")]
    pub external: Option<String>,
}

/// Runs `score`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let a = ctx.read_input(
        &args.file,
        &data.catalog,
        args.framework.as_deref(),
        args.column.as_deref(),
    )?;
    let fw = data.catalog.require(&a.framework)?;
    let opts = ScoreOptions {
        band_on: match args.band_on {
            BandOnArg::Exact => BandOn::Exact,
            BandOnArg::Rounded => BandOn::Rounded,
        },
        external: match &args.external {
            Some(s) => external::parse_arg(s)?,
            None => vec![],
        },
    };
    let s = score(fw, &a, &opts)?;
    if args.json {
        let notices: Vec<&str> = a.notes.notices.iter().map(|n| n.get(ctx.lang)).collect();
        print(&crate::cli::with_notices(render_json(&s), &notices));
    } else {
        print(&render_text(&s, ctx.lang));
    }
    Ok(0)
}
