//! `spbe-pemdi calibrate`.

use std::path::PathBuf;

use crate::calibration::{path_of, render_json, render_text, run};
use crate::cli::{Ctx, print};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::tr;

/// Fit the projection's calibration from pairs of real results.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
MANIFEST is a CSV: `instansi;spbe;pemdi[;status]` (or `agency,spbe,pemdi[,status]`), one line per
agency, pairing its old assessment with its real Pemdi result (any form `score` reads; paths
relative to the manifest; status `sementara`/`provisional` (default) or `final`).
The data set is --data DIR, else ./mappings when it exists, else the embedded data.

Examples:
  spbe-pemdi calibrate fixtures/calibration/aceh-tengah.csv --data mappings
  spbe-pemdi calibrate hasil-nasional.csv --data mappings --write
  spbe-pemdi calibrate hasil-nasional.csv --json")]
pub struct Args {
    /// The manifest of pairs (CSV).
    pub manifest: PathBuf,
    /// Write the calibration into the data set (`calibrations/<crosswalk id>.json`).
    #[arg(long)]
    pub write: bool,
    /// Print JSON (exact decimal strings).
    #[arg(long)]
    pub json: bool,
}

/// Runs `calibrate`.
pub fn run_cmd(ctx: &Ctx, args: Args) -> Result<i32> {
    let dir = ctx.data_dir.clone().or_else(|| {
        let d = PathBuf::from("mappings");
        d.join("frameworks").is_dir().then_some(d)
    });
    let data = Data::load(dir.as_deref())?;
    let outcome = run(&data, &args.manifest)?;
    if args.json {
        print(&render_json(&outcome));
    } else {
        print(&render_text(&outcome, ctx.lang));
    }
    if args.write {
        let Some(dir) = dir else {
            return Err(Error::usage(tr!(
                "--write perlu folder data: berikan --data DIR",
                "--write needs a data folder: give --data DIR"
            )));
        };
        let path = dir.join(path_of(&outcome.calibration.id));
        let text = crate::json::to_pretty(&outcome.calibration);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            ctx.note(&format!(
                "{}: {}",
                ctx.lang.pick("tidak berubah", "unchanged"),
                path.display()
            ));
            return Ok(0);
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::output(
                    parent,
                    tr!(
                        "folder tidak dapat dibuat: {}",
                        "cannot create the folder: {}",
                        e
                    ),
                )
            })?;
        }
        if path.exists() {
            crate::output::replace_atomic(&path, text.as_bytes())?;
        } else {
            crate::output::write_atomic(&path, text.as_bytes())?;
        }
        ctx.note(&format!(
            "{}: {} ({})",
            ctx.lang.pick("ditulis", "written"),
            path.display(),
            outcome.calibration.reference()
        ));
    }
    Ok(0)
}
