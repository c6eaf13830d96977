//! `spbe-pemdi mapping fmt`: writes the data files in canonical form.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::{Ctx, print};
use crate::error::{Error, Result};
use crate::review::canonical::check_dir;
use crate::tr;

/// Rewrite the data files (frameworks/*.json, crosswalks/*.json) in canonical form.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  spbe-pemdi mapping fmt --check
  spbe-pemdi mapping fmt
  spbe-pemdi mapping fmt --data path/to/mappings

The data folder is --data DIR, or `mappings` in the current folder. Canonical form: the file
parsed and written back (2-space indent, trailing newline), crosswalk maps sorted by first
target then first source, sources/targets ascending, retired/new by indicator. Files are
rewritten in place through a temporary file and a rename; other files are never touched.
Exit codes: 0 canonical (or rewritten); 1 with --check, files would change; 3 a file cannot be parsed.")]
pub struct Args {
    /// Only report the files that would change (exit 1 if any); write nothing.
    #[arg(long)]
    pub check: bool,
}

/// Runs `mapping fmt`.
pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let lang = ctx.lang;
    let dir = match &ctx.data_dir {
        Some(d) => d.clone(),
        None => {
            let d = PathBuf::from("mappings");
            if !d.is_dir() {
                return Err(Error::usage(tr!(
                    "folder data `mappings` tidak ada di folder ini",
                    "there is no data folder `mappings` here"
                ))
                .with_hint(tr!(
                    "jalankan dari akar repositori, atau berikan --data DIR",
                    "run it from the repository root, or give --data DIR"
                )));
            }
            d
        }
    };
    let checked = check_dir(&dir)?;
    let mut out = String::new();
    let changed: Vec<_> = checked.iter().filter(|c| c.changes()).collect();
    for c in &changed {
        let line = c.first_difference.unwrap_or(1);
        if args.check {
            let _ = writeln!(
                out,
                "{}:{line}: {}",
                c.label,
                lang.pick(
                    "bukan bentuk kanonik (berbeda mulai baris ini)",
                    "not in canonical form (differs from this line)"
                )
            );
        } else {
            crate::output::replace_atomic(&c.path, c.canonical.as_bytes())?;
            let _ = writeln!(
                out,
                "{}: {}",
                c.label,
                lang.pick(
                    "ditulis ulang dalam bentuk kanonik",
                    "rewritten in canonical form"
                )
            );
        }
    }
    let (n, total) = (changed.len(), checked.len());
    let _ = match (args.check, lang) {
        (true, crate::Lang::Id) => writeln!(out, "{n} dari {total} berkas akan berubah"),
        (true, crate::Lang::En) => writeln!(out, "{n} of {total} files would change"),
        (false, crate::Lang::Id) => writeln!(out, "{n} dari {total} berkas ditulis ulang"),
        (false, crate::Lang::En) => writeln!(out, "{n} of {total} files rewritten"),
    };
    if args.check && n > 0 {
        let _ = writeln!(
            out,
            "  = {}: {}",
            lang.pick("saran", "hint"),
            lang.pick(
                "jalankan `spbe-pemdi mapping fmt` untuk menulis ulang berkas-berkas itu",
                "run `spbe-pemdi mapping fmt` to rewrite those files"
            )
        );
    }
    print(&out);
    Ok(if args.check && n > 0 { 1 } else { 0 })
}
