//! `spbe-pemdi mapping ...`: commands on the mapping data (crosswalks).

use clap::{Subcommand, ValueEnum};

use crate::cli::{Ctx, print};
use crate::crosswalk::load_crosswalks;
use crate::error::Result;
use crate::graph::render::{self, Format};
use crate::graph::{IndicatorGraph, MappingGraph, Pin};

mod diff;
mod export;
mod fmt;
mod review;

/// Work with the mapping data: the graph, reviews, canonical form, diffs, exports.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping graph
  spbe-pemdi mapping graph --from spbe-2020 --to pemdi-2026 --format mermaid
  spbe-pemdi mapping trace spbe-2020:22
  spbe-pemdi mapping review spbe-2020-to-pemdi-2026
  spbe-pemdi mapping fmt --check
  spbe-pemdi mapping diff spbe-2020-to-pemdi-2026@1.0.0 edited.json --corpus fixtures
  spbe-pemdi mapping export spbe-2020-to-pemdi-2026 --format oscal")]
pub struct Args {
    /// The mapping command.
    #[command(subcommand)]
    pub command: MappingCommand,
}

/// The mapping commands.
#[derive(Debug, Subcommand)]
pub enum MappingCommand {
    /// Draw the framework/crosswalk graph, or one path at indicator level.
    Graph(GraphArgs),
    /// Show where one indicator goes in a later framework, by every path.
    Trace(crate::cli::trace::TraceArgs),
    /// Print the review document of a crosswalk (Markdown or JSON).
    Review(review::Args),
    /// Rewrite the data files in canonical form (or only check with --check).
    Fmt(fmt::Args),
    /// Compare two versions of a crosswalk, graded by severity, with the impact on a corpus.
    Diff(diff::Args),
    /// Export a crosswalk as an OSCAL 1.2 mapping collection or a flat CSV.
    Export(export::Args),
}

/// The drawing language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// Draw the framework/crosswalk graph, or one path at indicator level.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping graph | dot -Tsvg > graph.svg
  spbe-pemdi mapping graph --format mermaid
  spbe-pemdi mapping graph --from spbe-2020 --to pemdi-2026
  spbe-pemdi mapping graph --from spbe-2020 --to pemdi-2026 --via pemdi-2025
  spbe-pemdi mapping graph --from spbe-2018 --to spbe-2020 --crosswalk spbe-2018-to-spbe-2020@1.0.0

Without --from/--to: frameworks as nodes, the newest version of each crosswalk as edges
(bold when primary). With them: the chosen path, indicators as nodes, maps as edges
labelled relation/confidence.")]
pub struct GraphArgs {
    /// Drawing language.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: FormatArg,
    /// Draw the path from this framework (with --to).
    #[arg(long, value_name = "ID", requires = "to")]
    pub from: Option<String>,
    /// Draw the path to this framework (with --from).
    #[arg(long, value_name = "ID", requires = "from")]
    pub to: Option<String>,
    /// Go through this framework (repeatable, in order).
    #[arg(long, value_name = "ID", requires = "from")]
    pub via: Vec<String>,
    /// Use this crosswalk, and this version of it (repeatable).
    #[arg(long = "crosswalk", value_name = "ID[@VERSION]")]
    pub crosswalk: Vec<String>,
}

/// Runs `mapping`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    match args.command {
        MappingCommand::Graph(a) => graph(ctx, a),
        MappingCommand::Trace(a) => crate::cli::trace::run(ctx, a),
        MappingCommand::Review(a) => review::run(ctx, a),
        MappingCommand::Fmt(a) => fmt::run(ctx, a),
        MappingCommand::Diff(a) => diff::run(ctx, a),
        MappingCommand::Export(a) => export::run(ctx, a),
    }
}

fn graph(ctx: &Ctx, args: GraphArgs) -> Result<i32> {
    let data = ctx.data()?;
    let crosswalks = load_crosswalks(&data)?;
    let pins = args
        .crosswalk
        .iter()
        .map(|s| Pin::parse(s))
        .collect::<Result<Vec<_>>>()?;
    let g = MappingGraph::new(&data.catalog, &crosswalks, &pins)?;
    let format = match args.format {
        FormatArg::Dot => Format::Dot,
        FormatArg::Mermaid => Format::Mermaid,
    };
    let out = match (&args.from, &args.to) {
        (Some(from), Some(to)) => {
            let path = g.choose(from, to, &args.via)?;
            let ig = IndicatorGraph::new(&g, &path)?;
            render::path(&ig, &data.catalog, format, ctx.lang)
        }
        _ => render::frameworks(&g, format, ctx.lang),
    };
    print(&out);
    Ok(0)
}
