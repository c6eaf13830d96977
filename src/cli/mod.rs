//! The command line: clap definitions, one file per command, and the
//! mapping of errors to exit codes.
//!
//! Exit codes: 0 ok; 1 findings (errors found by `validate`, a `--fail-on`
//! hit); 2 usage; 3 bad input (files, catalogs, crosswalks); 4 output could
//! not be written or would overwrite a file.

mod batch;
mod calibrate;
mod convert;
mod frameworks;
mod gaps;
mod generate;
pub mod help;
mod mapping;
mod score;
mod show;
mod template;
mod trace;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::data::Data;
use crate::error::Result;
use crate::text::Lang;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia (default).
    Id,
    /// English.
    En,
}

const ABOUT: &str =
    "Carry SPBE index assessments forward to the Indeks Pemerintah Digital (Indeks Pemdi)";

const EXAMPLES: &str = "\
Examples:
  spbe-pemdi score fixtures/aceh-tengah-spbe-2025.json
  spbe-pemdi score hasil-spbe-2024.xlsx --framework spbe-2020 --lang en
  spbe-pemdi gaps fixtures/aceh-tengah-spbe-2025.json -o laporan-celah.html
  spbe-pemdi batch hasil-2025/ -o laporan/ --format html
  spbe-pemdi frameworks
  spbe-pemdi show spbe-2020:22
  spbe-pemdi validate --lang en
  spbe-pemdi mapping graph --from spbe-2020 --to pemdi-2026 --format mermaid
  spbe-pemdi mapping review spbe-2020-to-pemdi-2026

Exit codes: 0 ok; 1 findings (validate errors, --fail-on hit); 2 usage; 3 bad input; 4 output not written";

/// When to colour messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// spbe-pemdi: SPBE to Indeks Pemdi.
#[derive(Debug, Parser)]
#[command(name = "spbe-pemdi", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// Language of messages and reports: id (Bahasa Indonesia) or en.
    #[arg(long, global = true, value_enum, default_value = "id")]
    pub lang: LangArg,
    /// Use the mapping data in DIR (holding frameworks/ and crosswalks/)
    /// instead of the embedded data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Print only results and errors (no progress, no notes).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: the data set in use and its content hash.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorArg,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score an assessment by its framework's own rules.
    Score(score::Args),
    /// Convert last year's assessment to a newer framework (pre-filled draft, projected index).
    Convert(convert::ConvertArgs),
    /// Explain how one converted target value was derived, hop by hop.
    Explain(convert::ExplainArgs),
    /// Write a gap report: points at stake, what the next level needs, what to do first.
    Gaps(gaps::Args),
    /// Gap reports for many agencies at once, with a summary (CSV, XLSX, HTML).
    Batch(batch::Args),
    /// List the framework versions known to the tool.
    Frameworks(frameworks::Args),
    /// Show a framework, or one indicator with its level criteria.
    Show(show::Args),
    /// Write a blank input sheet for a framework.
    Template(template::Args),
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff).
    Man(generate::ManArgs),
    /// Check the crosswalks against the frameworks (lints with stable codes).
    Validate(validate::Args),
    /// Work with the mapping data: graph, review, fmt, diff, export.
    Mapping(mapping::Args),
    /// Fit the projection's calibration from pairs of real results (old assessment, real Pemdi result).
    Calibrate(calibrate::Args),
}

/// What every command gets.
pub struct Ctx {
    /// Output language.
    pub lang: Lang,
    /// `--data DIR`.
    pub data_dir: Option<PathBuf>,
    /// `--quiet`.
    pub quiet: bool,
    /// `--verbose`.
    pub verbose: bool,
    /// Whether standard error gets colour.
    pub color: bool,
}

impl Ctx {
    /// Loads the mapping data (and says which with `--verbose`).
    pub fn data(&self) -> Result<Data> {
        let data = Data::load(self.data_dir.as_deref())?;
        if self.verbose {
            self.note(&format!(
                "{}: {} ({})",
                self.lang.pick("data", "data"),
                data.origin,
                data.hash()
            ));
        }
        Ok(data)
    }

    /// A note on standard error, unless `--quiet`.
    pub fn note(&self, s: &str) {
        if !self.quiet {
            eprintln!("{s}");
        }
    }
}

/// Whether to colour standard error.
fn use_color(arg: ColorArg) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match arg {
        ColorArg::Never => false,
        ColorArg::Always => !no_color,
        ColorArg::Auto => !no_color && std::io::stderr().is_terminal(),
    }
}

/// Writes `s` to standard output, ignoring a closed pipe.
pub fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::language(&args, std::env::var("LANG").ok().as_deref());
    let parsed = help::localized(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            match help::error_id(&e).filter(|_| lang == Lang::Id && e.use_stderr()) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    // A bug must not end in a backtrace: say what happened and how to report it.
    std::panic::set_hook(Box::new(|info| {
        // A damaged spreadsheet can make calamine panic: the reader turns
        // that into an error naming the file.
        if crate::assessment::reading_spreadsheet() {
            return;
        }
        eprintln!(
            "galat internal / internal error: {info}\n  = ini bug di spbe-pemdi; mohon laporkan / this is a bug in spbe-pemdi; please report it"
        );
    }));
    std::panic::catch_unwind(|| run(cli)).unwrap_or(70)
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> i32 {
    let ctx = Ctx {
        lang: match cli.lang {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        },
        data_dir: cli.data.clone(),
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: use_color(cli.color),
    };
    let result = match cli.command {
        Command::Score(a) => score::run(&ctx, a),
        Command::Convert(a) => convert::run(&ctx, a),
        Command::Explain(a) => convert::run_explain(&ctx, a),
        Command::Gaps(a) => gaps::run(&ctx, a),
        Command::Batch(a) => batch::run(&ctx, a),
        Command::Frameworks(a) => frameworks::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Template(a) => template::run(&ctx, a),
        Command::Completions(a) => generate::completions(a),
        Command::Man(a) => generate::man(a),
        Command::Validate(a) => validate::run(&ctx, a),
        Command::Mapping(a) => mapping::run(&ctx, a),
        Command::Calibrate(a) => calibrate::run_cmd(&ctx, a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprint!("{}", e.render_styled(ctx.lang, ctx.color));
            e.exit_code()
        }
    }
}
