//! `spbe-pemdi mapping export`: a crosswalk as OSCAL or CSV.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::{Ctx, print};
use crate::error::Result;
use crate::output::OutputPolicy;
use crate::review::export::{csv, oscal};
use crate::review::resolve;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// OSCAL 1.2 mapping collection (JSON).
    Oscal,
    /// One row per map × source × target, with names (`;` in Indonesian, `,` in English).
    Csv,
}

/// Export a crosswalk as an OSCAL 1.2 mapping collection or a flat CSV.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping export spbe-2020-to-pemdi-2026 --format oscal -o spbe-2020-to-pemdi-2026.oscal.json
  spbe-pemdi mapping export spbe-2018-to-spbe-2020 --format csv --lang en > crosswalk.csv

The output is deterministic: UUIDv5 ids derived from the crosswalk, map and framework ids (the
same across runs and versions); OSCAL last-modified is the start of the target framework's year.")]
pub struct Args {
    /// An id (newest version), `id@version`, or a path to a crosswalk file.
    pub crosswalk: String,
    /// Export format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write to OUT instead of standard output.
    #[arg(short = 'o', long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs `mapping export`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let c = resolve(&data, &args.crosswalk)?;
    let bytes = match args.format {
        Format::Oscal => oscal::export(&data, &c)?.into_bytes(),
        Format::Csv => csv::export(&data, &c, ctx.lang)?,
    };
    match &args.output {
        Some(out) => {
            let inputs = [PathBuf::from(&args.crosswalk)]
                .into_iter()
                .filter(|p| p.is_file())
                .collect();
            OutputPolicy {
                force: args.force,
                inputs,
            }
            .write(out, &bytes)?;
            ctx.note(&format!(
                "{}: {}",
                ctx.lang.pick("ditulis ke", "written to"),
                out.display()
            ));
        }
        None => print(&String::from_utf8_lossy(&bytes)),
    }
    Ok(0)
}
