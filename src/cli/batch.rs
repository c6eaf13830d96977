//! `spbe-pemdi batch`.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::{BatchOptions, Event};
use crate::cli::convert::RouteArgs;
use crate::cli::gaps::FormatArg;
use crate::cli::{Ctx, eprint_safe, print};
use crate::error::Result;
use crate::report::Format;

/// Gap reports for many agencies at once, with a summary.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi batch hasil-2025/ -o laporan/
  spbe-pemdi batch hasil-2025/ kota-*.xlsx -o laporan/ --format html --lang en
  spbe-pemdi batch semua-instansi/ -o ringkasan/ --summary-only

A folder means every .json, .csv, .xlsx, .xlsm, .xls and .ods file directly
inside it (not in subfolders), in name order. One report per file (named
after the file) and summary.csv, summary-indicators.csv, summary.xlsx and
summary.html in the output folder. A file that cannot be read is reported,
listed in the summary and skipped.

Exit codes: 0 every file read; 1 some files failed; 3 none could be read;
2 usage; 4 output not written (it exists: use --force; a report or the
summary could not be written; another batch writes into the folder).")]
pub struct Args {
    /// Assessment files and folders of them.
    #[arg(required = true, value_name = "INPUTS")]
    pub inputs: Vec<PathBuf>,
    /// Target framework (default: the newest, pemdi-2026).
    #[arg(long, value_name = "ID")]
    pub to: Option<String>,
    #[command(flatten)]
    pub route: RouteArgs,
    /// Output folder for the reports and the summary (created when missing).
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
    /// Format of each agency's report.
    #[arg(long, value_enum, default_value = "md")]
    pub format: FormatArg,
    /// Overwrite existing reports and summary files.
    #[arg(long)]
    pub force: bool,
    /// Write only the summary, no report per agency (fastest).
    #[arg(long)]
    pub summary_only: bool,
}

/// Runs `batch`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let lang = ctx.lang;
    let opts = BatchOptions {
        inputs: args.inputs.clone(),
        framework: args.route.framework.clone(),
        column: args.route.column.clone(),
        convert: args.route.options(args.to.clone(), vec![])?,
        out_dir: args.output.clone(),
        format: Format::from(args.format),
        force: args.force,
        summary_only: args.summary_only,
        lang,
    };
    let bar = if ctx.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {eta}") {
            b.set_style(style);
        }
        b
    };
    let totals = crate::batch::run(&data, &opts, &mut |ev| match ev {
        Event::Start(n) => bar.set_length(n as u64),
        Event::Progress(n) => bar.inc(n as u64),
        Event::Failed(e) => bar.suspend(|| eprint_safe(&e.render_styled(lang, ctx.color))),
    });
    bar.finish_and_clear();
    let totals = totals?;
    print(&format!(
        "{}: {} {} {}, {} {}; {}: {}\n",
        lang.pick("Batch", "Batch"),
        totals.files - totals.failed,
        lang.pick("dari", "of"),
        totals.files,
        totals.failed,
        lang.pick("gagal", "failed"),
        lang.pick("ringkasan", "summary"),
        args.output.join("summary.html").display()
    ));
    Ok(totals.exit_code())
}
