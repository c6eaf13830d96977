//! `spbe-pemdi convert` and `spbe-pemdi explain`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::{Ctx, print};
use crate::convert::draft::{self, DraftFormat};
use crate::convert::{ConvertOptions, explain::explain, render_json, render_text};
use crate::decimal::show2;
use crate::error::{Error, Result};
use crate::graph::Pin;
use crate::output::OutputPolicy;
use crate::tr;

/// Draft file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Canonical JSON with the full conversion alongside.
    Json,
    /// CSV with provenance columns.
    Csv,
    /// XLSX with provenance columns.
    Xlsx,
}

/// Which framework the input is in and which path of crosswalks to take.
#[derive(Debug, clap::Args)]
pub struct RouteArgs {
    /// The framework of the input, when the file does not say.
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// The value column to read when the table has several (e.g.
    /// `--column "Nilai Mandiri"`; default: the most final one).
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// Pass through these frameworks, in order (e.g. `--via pemdi-2025`).
    #[arg(long, value_name = "FRAMEWORK")]
    pub via: Vec<String>,
    /// Use this crosswalk version (repeatable): `ID@VERSION`.
    #[arg(long, value_name = "ID@VERSION")]
    pub crosswalk: Vec<String>,
}

impl RouteArgs {
    /// The conversion options to `to`, with `external` index values.
    pub fn options(
        &self,
        to: Option<String>,
        external: Vec<(String, rust_decimal::Decimal)>,
    ) -> Result<ConvertOptions> {
        Ok(ConvertOptions {
            to,
            via: self.via.clone(),
            pins: self
                .crosswalk
                .iter()
                .map(|s| Pin::parse(s))
                .collect::<Result<_>>()?,
            external,
        })
    }
}

/// Where the path goes, which data it uses, and the target's external
/// index values.
#[derive(Debug, clap::Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub route: RouteArgs,
    /// External index values for the target: `sdi=68.75,sjig=2.1,epss=3.2`.
    #[arg(long, value_name = "KEY=VALUE,...")]
    pub external: Option<String>,
}

impl PathArgs {
    /// The framework of the input, when given.
    pub fn framework(&self) -> Option<&str> {
        self.route.framework.as_deref()
    }

    /// The value column to read, when given.
    pub fn column(&self) -> Option<&str> {
        self.route.column.as_deref()
    }

    /// The conversion options to `to`.
    pub fn options(&self, to: Option<String>) -> Result<ConvertOptions> {
        let external = match &self.external {
            Some(s) => crate::score::external::parse_arg(s)?,
            None => vec![],
        };
        self.route.options(to, external)
    }

    /// Reads `file` (see [`Ctx::read_input`]) and converts it to `to` along
    /// this path; every `--crosswalk` pin must be on the path taken
    /// ([`crate::convert::pinned`]).
    pub fn read_and_convert(
        &self,
        ctx: &Ctx,
        data: &crate::data::Data,
        file: &std::path::Path,
        to: Option<String>,
    ) -> Result<(crate::assessment::Assessment, crate::convert::Conversion)> {
        let a = ctx.read_input(file, &data.catalog, self.framework(), self.column())?;
        let opts = self.options(to)?;
        let conv = crate::convert::pinned(data, &a.framework, &opts)?.convert(&a)?;
        Ok((a, conv))
    }
}

/// Convert last year's assessment to a newer framework.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi convert fixtures/aceh-tengah-spbe-2025.json
  spbe-pemdi convert hasil-2025.xlsx --framework spbe-2020 -o draf-pemdi-2026.xlsx
  spbe-pemdi convert hasil-2025.json --via pemdi-2025 --json
  spbe-pemdi convert hasil-2025.json --external sdi=68.75,sjig=2.1 --into draf.json -o draf-baru.json")]
pub struct ConvertArgs {
    /// The assessment to convert: JSON, CSV or XLSX (spbe-2018, spbe-2020, pemdi-2025, or pemdi-2026 for next year's draft).
    pub file: PathBuf,
    /// Target framework (default: the newest, pemdi-2026).
    #[arg(long, value_name = "ID")]
    pub to: Option<String>,
    #[command(flatten)]
    pub path: PathArgs,
    /// Merge into this existing draft of the target framework, never
    /// overwriting a value a person set.
    #[arg(long, value_name = "DRAFT")]
    pub into: Option<PathBuf>,
    /// Write the pre-filled draft to OUT.
    #[arg(short = 'o', long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Format of OUT (default: from its extension, else json); needs -o.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Print the whole conversion as JSON.
    #[arg(long)]
    pub json: bool,
    /// Overwrite OUT if it exists; with --into, merge a draft of another agency.
    #[arg(long)]
    pub force: bool,
}

fn format_of(args: &ConvertArgs) -> DraftFormat {
    let by_ext = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match (args.format, by_ext.as_deref()) {
        (Some(FormatArg::Json), _) => DraftFormat::Json,
        (Some(FormatArg::Csv), _) => DraftFormat::Csv,
        (Some(FormatArg::Xlsx), _) => DraftFormat::Xlsx,
        (None, Some("csv")) => DraftFormat::Csv,
        (None, Some("xlsx")) => DraftFormat::Xlsx,
        _ => DraftFormat::Json,
    }
}

/// An agency name as compared: letters in lower case, spaces collapsed.
fn agency_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `--into` a draft of another agency is refused (unless `--force`): the
/// error names both agencies.
fn same_agency(
    a: &crate::assessment::Assessment,
    draft: &crate::assessment::Assessment,
    file: &std::path::Path,
    into: &std::path::Path,
) -> Result<()> {
    match (&a.agency, &draft.agency) {
        (Some(x), Some(y)) if agency_key(x) != agency_key(y) => Err(Error::output(
            into,
            tr!(
                "draf ini milik instansi lain: \"{}\", sedangkan {} dari \"{}\"",
                "this draft belongs to another agency: \"{}\", while {} is from \"{}\"",
                y,
                file.display(),
                x
            ),
        )
        .with_hint(tr!(
            "periksa berkas --into; tambahkan --force bila memang ingin menggabungkannya",
            "check the --into file; add --force if you do mean to merge them"
        ))),
        _ => Ok(()),
    }
}

/// Runs `convert`.
pub fn run(ctx: &Ctx, args: ConvertArgs) -> Result<i32> {
    let data = ctx.data()?;
    let (a, conv) = args
        .path
        .read_and_convert(ctx, &data, &args.file, args.to.clone())?;
    if args.format.is_some() && args.output.is_none() {
        return Err(Error::usage(tr!(
            "--format memilih format berkas -o OUT, tetapi -o tidak diberikan",
            "--format chooses the format of -o OUT, but no -o was given"
        ))
        .with_hint(tr!(
            "tambahkan -o nama-berkas, misalnya -o draf-pemdi-2026.xlsx",
            "add -o file-name, e.g. -o draft-pemdi-2026.xlsx"
        )));
    }
    if args.into.is_some() && args.output.is_none() && !args.json {
        return Err(Error::usage(tr!(
            "--into membutuhkan -o OUT (draf asli tidak pernah ditimpa)",
            "--into needs -o OUT (the original draft is never overwritten)"
        )));
    }
    let merged = match &args.into {
        Some(path) => {
            let existing = ctx.read_input(path, &data.catalog, Some(&conv.target), None)?;
            if !args.force {
                same_agency(&a, &existing, &args.file, path)?;
            }
            Some(draft::merge(&existing, &conv)?)
        }
        None => None,
    };
    let lang = ctx.lang;
    if let Some(out) = &args.output {
        let d = match &merged {
            Some(m) => m.draft.clone(),
            None => draft::draft(&conv),
        };
        let mut inputs = vec![args.file.clone()];
        inputs.extend(args.into.clone());
        let format = format_of(&args);
        if format == DraftFormat::Csv && !d.notes.sheets.is_empty() {
            // A CSV file has one sheet: say so rather than drop the others quietly.
            let names: Vec<&str> = d.notes.sheets.iter().map(|(n, _)| n.as_str()).collect();
            return Err(Error::usage(tr!(
                "draf --into punya lembar lain ({}) yang tidak muat di CSV",
                "the --into draft has other sheets ({}) that a CSV file cannot hold",
                names.join(", ")
            ))
            .with_hint(tr!(
                "tulis draf gabungan sebagai XLSX (-o draf.xlsx) atau JSON agar lembar itu tetap ada",
                "write the merged draft as XLSX (-o draft.xlsx) or JSON so that those sheets are kept"
            )));
        }
        let bytes = draft::write(&d, Some(&conv), format, lang)?;
        OutputPolicy {
            force: args.force,
            inputs,
        }
        .write(out, &bytes)?;
        let cut = crate::sheet::take_cut_cells();
        if cut > 0 {
            ctx.note(crate::sheet::cut_note(cut).get(lang));
        }
    }
    if args.json {
        // What the reader chose or skipped (the value column read, total
        // rows skipped), in the output language.
        let notices: Vec<&str> = a.notes.notices.iter().map(|n| n.get(lang)).collect();
        if merged.is_none() && notices.is_empty() {
            print(&render_json(&conv));
            return Ok(0);
        }
        #[derive(serde::Serialize)]
        struct WithMerge<'a> {
            #[serde(flatten)]
            conversion: &'a crate::convert::Conversion,
            #[serde(skip_serializing_if = "Option::is_none")]
            merge: Option<&'a draft::Merge>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            notices: Vec<&'a str>,
        }
        print(&crate::json::to_pretty(&WithMerge {
            conversion: &conv,
            merge: merged.as_ref(),
            notices,
        }));
        return Ok(0);
    }
    let mut text = render_text(&conv, lang);
    if let Some(m) = &merged {
        let _ = writeln!(
            text,
            "\n{}: {} {}, {} {}, {} {}",
            lang.pick("Gabung ke draf", "Merged into the draft"),
            m.filled.len(),
            lang.pick("diisi", "filled"),
            m.refreshed.len(),
            lang.pick("diperbarui", "refreshed"),
            m.kept.len(),
            lang.pick("nilai orang dipertahankan", "person values kept")
        );
        if !m.conflicts.is_empty() {
            let _ = writeln!(
                text,
                "{}:",
                lang.pick(
                    "Konflik (nilai orang dipertahankan; periksa saran ini)",
                    "Conflicts (the person's value is kept; review the suggestion)"
                )
            );
            for c in &m.conflicts {
                let _ = writeln!(
                    text,
                    "  {}: {} {} ≠ {} {} ({})",
                    c.id,
                    lang.pick("orang", "person"),
                    c.person
                        .map(|p| show2(p, lang))
                        .unwrap_or_else(|| lang.pick("(dikosongkan)", "(cleared)").to_string()),
                    lang.pick("saran", "suggested"),
                    show2(c.suggested, lang),
                    c.class.describe(lang)
                );
            }
        }
    }
    if let Some(out) = &args.output {
        let _ = writeln!(
            text,
            "{}: {}",
            lang.pick("Draf ditulis ke", "Draft written to"),
            out.display()
        );
    }
    print(&text);
    Ok(0)
}

/// Explain how one target value was derived.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi explain pemdi-2026:3 --from fixtures/aceh-tengah-spbe-2025.json
  spbe-pemdi explain pemdi-2026:17 --from hasil-2025.xlsx --framework spbe-2020 --via pemdi-2025 --lang en")]
pub struct ExplainArgs {
    /// The target indicator, e.g. `pemdi-2026:3`.
    pub target: String,
    /// The assessment to convert.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    #[command(flatten)]
    pub path: PathArgs,
}

/// Runs `explain`.
pub fn run_explain(ctx: &Ctx, args: ExplainArgs) -> Result<i32> {
    let data = ctx.data()?;
    let (fw_id, no) = args
        .target
        .split_once(':')
        .and_then(|(f, n)| n.trim().parse::<u32>().ok().map(|n| (f.to_string(), n)))
        .ok_or_else(|| {
            // A bare number means the newest framework's indicator.
            let newest = data
                .catalog
                .newest()
                .map(|f| f.id.as_str())
                .unwrap_or("pemdi-2026");
            let example = match args.target.trim().parse::<u32>() {
                Ok(n) => format!("{newest}:{n}"),
                Err(_) => format!("{newest}:3"),
            };
            Error::usage(tr!(
                "`{}` bukan id indikator",
                "`{}` is not an indicator id",
                args.target
            ))
            .expected(crate::text::Text::same(example.clone()))
            .with_hint(tr!(
                "tulis id lengkap framework tujuan, misalnya `spbe-pemdi explain {} --from …`",
                "write the target framework's full id, e.g. `spbe-pemdi explain {} --from …`",
                example
            ))
        })?;
    let fw = data.catalog.require(&fw_id)?;
    let (_, conv) = args
        .path
        .read_and_convert(ctx, &data, &args.from, Some(fw.id.clone()))?;
    let t = conv.indicator(no).ok_or_else(|| {
        Error::usage(tr!(
            "{} tidak punya indikator {}",
            "{} has no indicator {}",
            fw.id,
            no
        ))
    })?;
    print(&explain(&conv, t, fw, ctx.lang));
    Ok(0)
}
