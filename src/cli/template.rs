//! `spbe-pemdi template`.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::{Ctx, print};
use crate::error::{Error, Result};
use crate::output::OutputPolicy;
use crate::tr;

/// Template file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CSV (`;` in Indonesian, `,` in English).
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// Write a blank input sheet listing every indicator with its name and level criteria.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi template spbe-2020 -o penilaian-spbe-2025.xlsx
  spbe-pemdi template pemdi-2026 --format csv > pemdi-2026.csv
  spbe-pemdi template spbe-2020 --lang en --format csv -o spbe-2020.csv")]
pub struct Args {
    /// The framework (`spbe-2020`, `pemdi-2026`, ...).
    pub framework: String,
    /// Output format (default: from the -o extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file (default: standard output, CSV only).
    #[arg(short = 'o', long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs `template`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let fw = data.catalog.require(&args.framework)?;
    let format = args.format.unwrap_or_else(|| {
        let xlsx = args
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx { Format::Xlsx } else { Format::Csv }
    });
    let bytes = match format {
        Format::Csv => crate::template::csv(fw, ctx.lang)?.into_bytes(),
        Format::Xlsx => crate::template::xlsx(fw, ctx.lang)?,
    };
    match &args.output {
        Some(path) => OutputPolicy {
            force: args.force,
            inputs: vec![],
        }
        .write(path, &bytes)?,
        None if format == Format::Xlsx => {
            return Err(Error::usage(tr!(
                "XLSX tidak dapat dicetak ke layar",
                "XLSX cannot be printed to the terminal"
            ))
            .with_hint(tr!(
                "tambahkan -o nama-berkas.xlsx",
                "add -o file-name.xlsx"
            )));
        }
        None => print(&String::from_utf8_lossy(&bytes)),
    }
    Ok(0)
}
