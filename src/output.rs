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

/// The error for an output that would overwrite an input file.
pub fn refuse_input(path: &Path) -> Error {
    Error::output(
        path,
        tr!(
            "menolak menimpa berkas masukan",
            "refusing to overwrite an input file"
        ),
    )
    .with_hint(tr!(
        "pilih nama berkas keluaran lain dengan -o",
        "choose another output file name with -o"
    ))
}

impl OutputPolicy {
    /// Checks that `path` may be written.
    pub fn check(&self, path: &Path) -> Result<()> {
        if self.inputs.iter().any(|i| same_file(i, path)) {
            return Err(refuse_input(path));
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
    let mut f = PendingFile::new(path)?;
    f.write_all(bytes).map_err(|e| write_failed(path, e))?;
    f.commit()
}

/// Replaces the existing file at `path` with `bytes` (rewriting a
/// maintainer's own data in place, as `mapping fmt` does): through a
/// temporary file and a rename, so that the file is always either the old
/// or the new one, never half-written; its permissions are kept.
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let perms = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut f = PendingFile::new(path)?;
    f.write_all(bytes).map_err(|e| write_failed(path, e))?;
    if let Some(p) = perms {
        f.tmp
            .as_file()
            .set_permissions(p)
            .map_err(|e| write_failed(path, e))?;
    }
    f.commit()
}

fn write_failed(path: &Path, e: std::io::Error) -> Error {
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
}

/// An output file being written: a temporary file in the destination's
/// folder that replaces the destination only on [`PendingFile::commit`]
/// (dropped without commit, it disappears). For outputs streamed in pieces.
pub struct PendingFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl PendingFile {
    /// Starts writing `path` (checks nothing: see [`OutputPolicy::check`]).
    pub fn new(path: &Path) -> Result<PendingFile> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            // Named for the person: the folder, not the temporary file.
            return Err(Error::output(
                path,
                tr!(
                    "folder keluaran `{}` tidak ada",
                    "the output folder `{}` does not exist",
                    dir.display()
                ),
            )
            .with_hint(tr!(
                "buat foldernya dulu, atau pilih folder lain untuk -o",
                "create the folder first, or choose another folder for -o"
            )));
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".spbe-pemdi-").suffix(".tmp");
        // Outputs are ordinary files (0666 less the umask), not private
        // temporary ones: reports are shared.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(&dir)
            .map_err(|e| write_failed(path, e))?;
        Ok(PendingFile {
            path: path.to_path_buf(),
            tmp,
        })
    }

    /// The temporary file's path (for writers that want a path).
    pub fn temp_path(&self) -> &Path {
        self.tmp.path()
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk and moves it to its destination.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| write_failed(&path, e))?;
        self.tmp
            .persist(&path)
            .map_err(|e| write_failed(&path, e.error))?;
        Ok(())
    }
}

impl Write for PendingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}
