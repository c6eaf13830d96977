//! `spbe-pemdi mapping trace ID`: where one indicator goes in a later
//! framework, by every path (directly and through intermediate frameworks),
//! and whether the routes agree.

use std::fmt::Write as _;

use crate::catalog::Framework;
use crate::cli::{Ctx, print};
use crate::crosswalk::{Bounds, load_crosswalks};
use crate::data::Data;
use crate::decimal::{exact, localize};
use crate::error::{Error, Result};
use crate::graph::{IndicatorGraph, MappingGraph, Path, Trace, agree};
use crate::text::Lang;
use crate::tr;

/// Show where one indicator goes in a later framework, by every path.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping trace spbe-2020:22
  spbe-pemdi mapping trace spbe-2018:35 --to spbe-2020 --lang en")]
pub struct TraceArgs {
    /// The source indicator, e.g. `spbe-2020:22`.
    pub indicator: String,
    /// The later framework (default: the newest).
    #[arg(long, value_name = "ID")]
    pub to: Option<String>,
}

fn name(fw: &Framework, no: u32, lang: Lang) -> String {
    fw.indicator(no)
        .map(|i| i.name(lang).to_string())
        .unwrap_or_default()
}

fn route_text(out: &mut String, t: &Trace, to: &Framework, source: Bounds, lang: Lang) {
    for r in &t.routes {
        let levels: Vec<String> = r
            .level
            .tabulate(source)
            .iter()
            .map(|(l, v)| {
                format!(
                    "{}→{}",
                    exact(*l),
                    localize(&exact(crate::decimal::round(*v, 2)), lang)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  → {} {}\n      {}: {} · {}: {} · {}: {} · {}: {}",
            r.target_id,
            name(to, r.target, lang),
            lang.pick("relasi", "relation"),
            r.relation.describe(lang),
            lang.pick("keyakinan", "confidence"),
            r.confidence.describe().get(lang),
            lang.pick("data dukung", "evidence"),
            r.evidence.describe().get(lang),
            lang.pick("tingkat", "levels"),
            levels.join(" ")
        );
        let hops: Vec<String> = r
            .hops
            .iter()
            .map(|h| {
                format!(
                    "{} → {} ({}@{} `{}`)",
                    h.from, h.to, h.crosswalk, h.version, h.map
                )
            })
            .collect();
        let _ = writeln!(out, "      {}", hops.join("; "));
    }
    for e in &t.ends {
        let why = match &e.kind {
            crate::graph::EndKind::Retired(r) => {
                format!("{}: {}", lang.pick("dipensiunkan", "retired"), r.get(lang))
            }
            crate::graph::EndKind::Disjoint(ids) => format!(
                "{} ({})",
                lang.pick("hanya peta terpisah", "only disjoint maps"),
                ids.join(", ")
            ),
            crate::graph::EndKind::Unmapped => {
                lang.pick("tidak dipetakan", "not mapped").to_string()
            }
            crate::graph::EndKind::Unknown => lang
                .pick("indikator tidak dikenal", "unknown indicator")
                .to_string(),
        };
        let _ = writeln!(out, "  ✗ {} — {why}", e.at);
    }
    if t.routes.is_empty() && t.ends.is_empty() {
        let _ = writeln!(out, "  -");
    }
}

/// Runs `mapping trace`.
pub fn run(ctx: &Ctx, args: TraceArgs) -> Result<i32> {
    let data = ctx.data()?;
    print(&render(
        &data,
        &args.indicator,
        args.to.as_deref(),
        ctx.lang,
    )?);
    Ok(0)
}

/// The text of `mapping trace INDICATOR [--to TO]` (also shown by `serve`).
pub fn render(data: &Data, indicator: &str, to: Option<&str>, lang: Lang) -> Result<String> {
    let bad = || {
        Error::usage(tr!(
            "`{}` bukan id indikator",
            "`{}` is not an indicator id",
            indicator
        ))
        .expected(crate::text::Text::same("spbe-2020:22"))
    };
    let (fw_id, no) = indicator.split_once(':').ok_or_else(bad)?;
    let row = no.trim();
    let no: u32 = row
        .split('-')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(bad)?;
    let from = data.catalog.require(fw_id)?;
    if from.indicator(no).is_none() || (row.contains('-') && !from.plan().rows.contains_key(row)) {
        return Err(bad());
    }
    let to = match to {
        Some(t) => data.catalog.require(t)?,
        None => data.catalog.newest().ok_or_else(bad)?,
    };
    // An indicator traced into its own framework goes nowhere (the newest
    // framework's indicators have no later one to go to).
    if from.id == to.id {
        return Err(Error::usage(tr!(
            "`{}` sudah dalam {}: tidak ada yang dilacak",
            "`{}` is already in {}: there is nothing to trace",
            indicator,
            to.id
        ))
        .with_hint(tr!(
            "pilih framework tujuan yang lain dengan --to, atau lacak indikator dari framework yang lebih lama",
            "choose another target with --to, or trace an indicator of an older framework"
        )));
    }
    let crosswalks = load_crosswalks(data)?;
    let g = MappingGraph::new(&data.catalog, &crosswalks, &[])?;
    let mut paths: Vec<Path> = g.paths(&from.id, &to.id);
    paths.sort_by_key(|p| p.hops.len());
    let mut out = String::new();
    let _ = writeln!(out, "{}:{no} {} → {}", from.id, name(from, no, lang), to.id);
    if paths.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Tidak ada jalur.", "No path."));
        return Ok(out);
    }
    let source = Bounds::of(from);
    let mut traces = Vec::new();
    for p in &paths {
        let t = IndicatorGraph::new(&g, p)?.trace(no);
        let fws = p.frameworks();
        let label = if p.hops.len() <= 1 || fws.len() < 3 {
            lang.pick("Langsung", "Directly").to_string()
        } else {
            format!(
                "{} {}",
                lang.pick("Lewat", "Through"),
                fws[1..fws.len() - 1].join(" → ")
            )
        };
        let _ = writeln!(out, "\n{label}: {p}");
        route_text(&mut out, &t, to, source, lang);
        traces.push((label, t));
    }
    if traces.len() > 1 {
        let levels = source.whole_levels();
        let (first_label, first) = &traces[0];
        for (label, other) in &traces[1..] {
            let _ = writeln!(
                out,
                "\n{}: {first_label} / {label}",
                lang.pick("Kesepakatan", "Agreement")
            );
            for a in agree::compare(first, other, &levels) {
                let verdict = match (a.first, a.second) {
                    (true, false) => format!("{} {first_label}", lang.pick("hanya", "only")),
                    (false, true) => format!("{} {label}", lang.pick("hanya", "only")),
                    _ if a.agrees() => lang.pick("sepakat", "agree").to_string(),
                    _ => match a.level_gap {
                        Some((l, x, y)) => format!(
                            "{} {}: {} ≠ {}",
                            lang.pick("tingkat berbeda pada", "levels differ at"),
                            exact(l),
                            localize(&exact(crate::decimal::round(x, 2)), lang),
                            localize(&exact(crate::decimal::round(y, 2)), lang)
                        ),
                        None => lang
                            .pick("relasi tidak bertemu", "relations do not meet")
                            .to_string(),
                    },
                };
                let _ = writeln!(
                    out,
                    "  {}:{} {}: {verdict}",
                    to.id,
                    a.target,
                    name(to, a.target, lang)
                );
            }
        }
    }
    Ok(out)
}
