//! `spbe-pemdi serve`: the local web page.

use crate::cli::Ctx;
use crate::error::Result;

/// Serve a local web page with every feature of the tool (no login: keep it on this machine or a trusted network).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi serve                           # then open http://127.0.0.1:8080/
  spbe-pemdi serve --listen 127.0.0.1:9000 --lang en
  spbe-pemdi serve --listen 0.0.0.0:8080     # the office network: the page has no login

Uploads are processed in memory and never written to disk; at most 10 MB a file and 200 MB a batch.")]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,
}

/// Runs `serve`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    crate::serve::run(&crate::serve::Options {
        listen: args.listen,
        data_dir: ctx.data_dir.clone(),
        lang: ctx.lang,
    })
}
