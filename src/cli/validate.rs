//! `spbe-pemdi validate`.

use crate::cli::{Ctx, print};
use crate::crosswalk::lint::{render, validate_data};
use crate::error::Result;

/// Check the crosswalks against the frameworks: every lint, with stable codes.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi validate
  spbe-pemdi validate --data mappings --lang en
  spbe-pemdi validate --json

Exit codes: 0 no errors (warnings are for review); 1 errors found; 3 a file cannot be read or parsed.
With --json, messages and hints are in the --lang language; codes are stable.
The lint codes are listed in docs/crosswalk-lints.md.")]
pub struct Args {
    /// Print the findings as a JSON array (code, severity, file, line, place, message, hint).
    #[arg(long)]
    pub json: bool,
}

/// Runs `validate`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let data = ctx.data()?;
    let (crosswalks, findings) = validate_data(&data)?;
    if args.json {
        print(&render::json(&findings, ctx.lang));
    } else {
        print(&render::text(&findings, crosswalks.len(), ctx.lang));
    }
    let (errors, _) = render::counts(&findings);
    Ok(if errors > 0 { 1 } else { 0 })
}
