//! `spbe-pemdi completions` and `spbe-pemdi man`: generated from the clap
//! definitions, so they never drift from the real command line.

use clap::CommandFactory;

use crate::cli::{Cli, print};
use crate::error::{Error, Kind, Result};
use crate::tr;

/// Print shell completions.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  spbe-pemdi completions bash > /etc/bash_completion.d/spbe-pemdi\n  spbe-pemdi completions zsh > ~/.zfunc/_spbe-pemdi"
)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the man page, or write one page per command into a folder.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  spbe-pemdi man > spbe-pemdi.1 && man ./spbe-pemdi.1\n  spbe-pemdi man --out-dir man/   # spbe-pemdi.1, spbe-pemdi-score.1, ..."
)]
pub struct ManArgs {
    /// Write spbe-pemdi.1 and a page for every command into DIR.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<std::path::PathBuf>,
}

/// Runs `completions`.
pub fn completions(args: CompletionsArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "spbe-pemdi", &mut buf);
    print(&String::from_utf8_lossy(&buf));
    Ok(0)
}

/// Runs `man`.
pub fn man(args: ManArgs) -> Result<i32> {
    let cmd = Cli::command();
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::output(
                dir,
                tr!("folder tidak dapat dibuat", "cannot create the folder")
                    .then(": ", &Error::io_reason(&e)),
            )
        })?;
        clap_mangen::generate_to(cmd, dir).map_err(|e| {
            Error::output(
                dir,
                tr!("halaman man gagal ditulis", "cannot write the man pages")
                    .then(": ", &Error::io_reason(&e)),
            )
        })?;
        return Ok(0);
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf).map_err(|e| {
        Error::new(
            Kind::Output,
            tr!(
                "halaman man gagal dibuat: {}",
                "cannot render the man page: {}",
                e
            ),
        )
    })?;
    print(&String::from_utf8_lossy(&buf));
    Ok(0)
}
