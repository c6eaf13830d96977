//! Writing output files safely: through a temporary file in the same folder
//! and a rename, never over an input file, and never over an existing file
//! unless `--force` is given.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::tr;

/// Where output goes and what it must not overwrite.
#[derive(Debug, Clone, Default)]
pub struct OutputPolicy {
    /// Overwrite an existing output file.
    pub force: bool,
    /// Input files, which are never overwritten.
    pub inputs: Vec<PathBuf>,
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

impl OutputPolicy {
    /// Checks that `path` may be written.
    pub fn check(&self, path: &Path) -> Result<()> {
        if self.inputs.iter().any(|i| same_file(i, path)) {
            return Err(Error::output(
                path,
                tr!(
                    "menolak menimpa berkas masukan",
                    "refusing to overwrite an input file"
                ),
            )
            .with_hint(tr!(
                "pilih nama berkas keluaran lain dengan -o",
                "choose another output file name with -o"
            )));
        }
        if path.is_dir() {
            return Err(Error::output(
                path,
                tr!(
                    "keluaran menunjuk sebuah folder",
                    "the output names a folder"
                ),
            )
            .with_hint(tr!(
                "berikan nama berkas, misalnya -o hasil.json",
                "give a file name, e.g. -o result.json"
            )));
        }
        if path.exists() && !self.force {
            return Err(Error::output(
                path,
                tr!(
                    "berkas keluaran sudah ada",
                    "the output file already exists"
                ),
            )
            .with_hint(tr!(
                "tambahkan --force untuk menimpanya, atau pilih nama lain",
                "add --force to overwrite it, or choose another name"
            )));
        }
        Ok(())
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check(path)?;
        write_atomic(path, bytes)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temp(path, bytes, None)
}

/// Replaces the existing file at `path` with `bytes` (rewriting a
/// maintainer's own data in place, as `mapping fmt` does): through a
/// temporary file and a rename, so that the file is always either the old
/// or the new one, never half-written; its permissions are kept.
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let perms = std::fs::metadata(path).ok().map(|m| m.permissions());
    write_via_temp(path, bytes, perms)
}

fn write_via_temp(path: &Path, bytes: &[u8], perms: Option<std::fs::Permissions>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |e: std::io::Error| {
        Error::output(
            path,
            tr!(
                "berkas keluaran tidak dapat ditulis: {}",
                "cannot write the output file: {}",
                e
            ),
        )
        .with_hint(tr!(
            "periksa bahwa foldernya ada dan dapat ditulisi",
            "check that the folder exists and is writable"
        ))
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".spbe-pemdi-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    if let Some(p) = perms {
        tmp.as_file().set_permissions(p).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
