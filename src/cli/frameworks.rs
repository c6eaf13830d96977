//! `spbe-pemdi frameworks`.

use crate::cli::{Ctx, print};
use crate::error::Result;
use crate::texttable::TextTable;

/// List the framework versions known to the tool.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  spbe-pemdi frameworks\n  spbe-pemdi frameworks --json")]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    title_en: &'a str,
    year: u32,
    regulation: &'a str,
    domains: usize,
    aspects: usize,
    indicators: usize,
    scale: String,
    confidence: &'a str,
}

/// Runs `frameworks`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let lang = ctx.lang;
    let rows: Vec<Row> = data
        .catalog
        .frameworks
        .iter()
        .map(|f| Row {
            id: &f.id,
            title: &f.title,
            title_en: &f.title_en,
            year: f.year,
            regulation: &f.regulation,
            domains: f.domains.len(),
            aspects: f.aspects.len(),
            indicators: f.indicators.len(),
            scale: format!(
                "{}-{}",
                crate::decimal::exact(f.scale.min),
                crate::decimal::exact(f.scale.max)
            ),
            confidence: &f.confidence,
        })
        .collect();
    if args.json {
        print(&crate::json::to_pretty(&rows));
        return Ok(0);
    }
    let mut t = TextTable::new(
        &[
            "ID",
            lang.pick("Tahun", "Year"),
            lang.pick("Domain", "Domains"),
            lang.pick("Aspek", "Aspects"),
            lang.pick("Indikator", "Indicators"),
            lang.pick("Skala", "Scale"),
            lang.pick("Keyakinan", "Confidence"),
            lang.pick("Judul", "Title"),
        ],
        &[false, true, true, true, true, false, false, false],
    );
    for r in &rows {
        t.row(vec![
            r.id.to_string(),
            r.year.to_string(),
            r.domains.to_string(),
            r.aspects.to_string(),
            r.indicators.to_string(),
            r.scale.clone(),
            lang.confidence(r.confidence).to_string(),
            lang.pick(r.title, r.title_en).to_string(),
        ]);
    }
    let mut out = t.render("");
    out.push_str(&format!(
        "\n{}: {}\n",
        lang.pick("Data", "Data"),
        crate::data::origin_label(&data.origin, lang)
    ));
    print(&out);
    Ok(0)
}
