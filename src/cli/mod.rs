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
mod serve;
mod show;
mod template;
pub(crate) mod trace;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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
  spbe-pemdi serve

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
    /// Serve a local web page: carry forward, merge, batch, mapping explorer.
    Serve(serve::Args),
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

    /// Reads the assessment in `path` (see [`Ctx::read_input`]).
    pub fn read_assessment(
        &self,
        path: &std::path::Path,
        catalog: &crate::catalog::Catalog,
        framework: Option<&str>,
    ) -> Result<crate::assessment::Assessment> {
        self.read_input(path, catalog, framework, None)
    }

    /// Reads an input assessment, saying on standard error (unless
    /// `--quiet`) what the reading warned of (bytes replaced) and what the
    /// reader chose or skipped (the value column read, total rows skipped).
    pub fn read_input(
        &self,
        path: &std::path::Path,
        catalog: &crate::catalog::Catalog,
        framework: Option<&str>,
        column: Option<&str>,
    ) -> Result<crate::assessment::Assessment> {
        let (a, warnings) = crate::assessment::read_noting(
            path,
            catalog,
            crate::assessment::ReadOptions {
                framework,
                column,
                fallback: None,
            },
        )?;
        if !self.quiet {
            for w in &warnings {
                eprint_safe(&w.render_warning(self.lang, self.color));
            }
        }
        for n in &a.notes.notices {
            self.note(&format!(
                "{}: {}: {}",
                self.lang.pick("catatan", "note"),
                path.display(),
                n.get(self.lang)
            ));
        }
        Ok(a)
    }

    /// A note on standard error, unless `--quiet`.
    pub fn note(&self, s: &str) {
        if !self.quiet {
            eprint_safe(&format!("{}\n", crate::text::visible(s)));
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

/// A pretty-printed JSON object with a last member `notices` (what the
/// reader chose or skipped), when there are any.
pub fn with_notices(json: String, notices: &[&str]) -> String {
    if notices.is_empty() {
        return json;
    }
    let body = json.trim_end();
    let Some(open) = body.strip_suffix('}') else {
        return json;
    };
    let list = crate::json::to_pretty(&notices);
    let list = list.trim_end().replace('\n', "\n  ");
    format!("{},\n  \"notices\": {list}\n}}\n", open.trim_end())
}

/// The first failure to write standard output, if any: the command goes
/// on (its files are written), and ends with exit 4 and this error.
static STDOUT_FAILED: std::sync::Mutex<Option<std::io::ErrorKind>> = std::sync::Mutex::new(None);

/// Whether standard output was closed when the program started (writes
/// to it would vanish silently: see [`stdout_closed`]).
static STDOUT_CLOSED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Tells the command line whether standard output was closed when the
/// process started, as the binary saw it before the Rust runtime reopened
/// a closed descriptor on `/dev/null` (then writes there would vanish
/// silently; the command ends with exit 4 instead). Call before [`main`].
pub fn stdout_closed_at_start(closed: bool) {
    let _ = STDOUT_CLOSED.set(closed);
}

/// Without word from the binary ([`stdout_closed_at_start`]): a read-write
/// `/dev/null` on descriptor 1 is what the runtime leaves for a closed
/// standard output (a shell's `> /dev/null` is write-only), so it is taken
/// for one.
fn stdout_closed() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    if target != Path::new("/dev/null") {
        return false;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return false;
    };
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        // O_ACCMODE == 3, O_RDWR == 2.
        .is_some_and(|flags| flags & 3 == 2)
}

/// Writes `s` to standard output. A failure (a full disk, `/dev/full`, a
/// closed standard output) is remembered and makes the command end with
/// exit 4 and a message; a reader that went away (a broken pipe, as in
/// `| head`) ends it quietly with exit 0.
pub fn print(s: &str) {
    let failed = if *STDOUT_CLOSED.get_or_init(stdout_closed) {
        Some(std::io::ErrorKind::NotConnected)
    } else {
        // Names from input files may hold terminal sequences: they never act.
        let s = crate::text::visible(s);
        let mut out = std::io::stdout().lock();
        out.write_all(s.as_bytes())
            .and_then(|()| out.flush())
            .err()
            .map(|e| e.kind())
    };
    if let (Some(kind), Ok(mut slot)) = (failed, STDOUT_FAILED.lock()) {
        slot.get_or_insert(kind);
    }
}

/// Writes `s` to standard error; a failure there is ignored (there is
/// nowhere left to report it, and it must not end the program).
pub fn eprint_safe(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

/// The error for a failed write to standard output, if one happened.
fn stdout_error() -> Option<crate::error::Error> {
    let kind = (*STDOUT_FAILED.lock().ok()?)?;
    if kind == std::io::ErrorKind::BrokenPipe {
        return None;
    }
    let (id, en) = match kind {
        std::io::ErrorKind::NotConnected => ("tertutup".to_string(), "closed".to_string()),
        std::io::ErrorKind::StorageFull => {
            ("disk penuh".to_string(), "the disk is full".to_string())
        }
        std::io::ErrorKind::PermissionDenied => (
            "tidak diizinkan".to_string(),
            "permission denied".to_string(),
        ),
        k => {
            let s = std::io::Error::from(k).to_string();
            (format!("rincian: {s}"), s)
        }
    };
    Some(
        crate::error::Error::new(
            crate::error::Kind::Output,
            crate::text::Text::new(
                format!("keluaran standar tidak dapat ditulis ({id}); hasilnya tidak lengkap"),
                format!("cannot write to standard output ({en}); the result is incomplete"),
            ),
        )
        .with_hint(crate::tr!(
            "periksa ruang disk tujuan pengalihan, atau tulis ke berkas dengan -o",
            "check the space on the disk it is redirected to, or write to a file with -o"
        )),
    )
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    // Before any file is opened (one could take the closed descriptor's number).
    STDOUT_CLOSED.get_or_init(stdout_closed);
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::language(&args, std::env::var("LANG").ok().as_deref());
    let parsed = help::localized(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let printed = match help::error_id(&e).filter(|_| lang == Lang::Id && e.use_stderr()) {
                Some(text) => {
                    eprint_safe(&text);
                    Ok(())
                }
                None => e.print(),
            };
            return match (e.use_stderr(), printed) {
                (true, _) => 2,
                // `--help` or `--version` that could not be written.
                (false, Err(_)) => 4,
                (false, Ok(())) => 0,
            };
        }
    };
    // A bug must not end in a backtrace: say what happened and how to report it.
    std::panic::set_hook(Box::new(|info| {
        // A damaged spreadsheet can make calamine panic: the reader turns
        // that into an error naming the file.
        // The XLSX writer panics when its files cannot be written (a full
        // disk): that becomes an output error too.
        if crate::assessment::reading_spreadsheet() || crate::sheet::writing_spreadsheet() {
            return;
        }
        eprint_safe(&format!(
            "galat internal / internal error: {info}\n  = ini bug di spbe-pemdi; mohon laporkan / this is a bug in spbe-pemdi; please report it\n"
        ));
    }));
    std::panic::catch_unwind(|| run(cli)).unwrap_or(70)
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> i32 {
    if let Ok(mut failed) = STDOUT_FAILED.lock() {
        *failed = None;
    }
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
        Command::Serve(a) => serve::run(&ctx, a),
        Command::Calibrate(a) => calibrate::run_cmd(&ctx, a),
    };
    let result = match (result, stdout_error()) {
        (Ok(_), Some(e)) => Err(e),
        (r, _) => r,
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprint_safe(&e.render_styled(ctx.lang, ctx.color));
            e.exit_code()
        }
    }
}
