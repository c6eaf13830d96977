//! `spbe-pemdi gaps`.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::convert::PathArgs;
use crate::cli::{Ctx, print};
use crate::error::{Error, Result};
use crate::output::OutputPolicy;
use crate::report::{Format, Report};
use crate::tr;

/// Report formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Markdown.
    Md,
    /// One self-contained HTML page (charts, readable on a phone, printable on A4).
    Html,
    /// JSON: every field of the report.
    Json,
    /// The assessor's worksheet as CSV.
    Csv,
    /// The assessor's worksheet as XLSX.
    Xlsx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

/// Write a gap report: what last year's answers are worth in the new
/// framework, what each indicator still needs, and what to do first.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi gaps fixtures/aceh-tengah-spbe-2025.json
  spbe-pemdi gaps hasil-2025.xlsx --framework spbe-2020 -o laporan-celah.html
  spbe-pemdi gaps hasil-2025.json --external sdi=68.75,sjig=2.1 --lang en -o gaps.md
  spbe-pemdi gaps hasil-2025.json -o lembar-kerja-pemdi-2026.xlsx

Points at stake: weight/100 x (next whole level - projected value), the index
gain if the indicator reached its next level. Actions: heaviest indicators
first (one level = weight/100 points), then the shortest step to the next level.")]
pub struct Args {
    /// Last year's assessment: JSON, CSV or XLSX (spbe-2018, spbe-2020, pemdi-2025, or pemdi-2026 for its own report).
    pub file: PathBuf,
    /// Target framework (default: the newest, pemdi-2026).
    #[arg(long, value_name = "ID")]
    pub to: Option<String>,
    #[command(flatten)]
    pub path: PathArgs,
    /// Report format (default: from the -o extension, else md).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to OUT (default: standard output; XLSX needs -o).
    #[arg(short = 'o', long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// The print date shown in the report's footer and printed page margins
    /// (YYYY-MM-DD); the report never reads the clock.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// Runs `gaps`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let format: Format = args
        .format
        .map(Format::from)
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Md);
    if args.output.is_none() && !format.is_text() {
        return Err(Error::usage(tr!(
            "XLSX tidak dapat dicetak ke layar",
            "XLSX cannot be printed to the terminal"
        ))
        .with_hint(tr!(
            "tambahkan -o nama-berkas.xlsx",
            "add -o file-name.xlsx"
        )));
    }
    let (_, conv) = args
        .path
        .read_and_convert(ctx, &data, &args.file, args.to.clone())?;
    let mut report = Report::build(&conv, &data.catalog, ctx.lang)?;
    if let Some(d) = &args.date {
        report = report.with_date(d)?;
    }
    let bytes = crate::report::render(&report, format, &data.catalog)?;
    match &args.output {
        Some(out) => {
            OutputPolicy {
                force: args.force,
                inputs: vec![args.file.clone()],
            }
            .write(out, &bytes)?;
            ctx.note(&format!(
                "{}: {}",
                ctx.lang.pick("Laporan ditulis ke", "Report written to"),
                out.display()
            ));
            let cut = crate::sheet::take_cut_cells();
            if cut > 0 {
                ctx.note(crate::sheet::cut_note(cut).get(ctx.lang));
            }
        }
        None => print(&String::from_utf8_lossy(&bytes)),
    }
    Ok(0)
}
