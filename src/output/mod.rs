//! Writing output files safely: through a temporary file in the same folder
//! and a rename, never over an input file, and never over an existing file
//! unless `--force` is given.

mod lock;
mod temp;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use lock::{FolderLock, LOCK_NAME, lock_folder};
use temp::host;
pub use temp::{STALE_ANY, STALE_DEAD, TEMP_PREFIX, TEMP_SUFFIX, remove_stale_temps};

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

/// What identifies a file, whatever the path (link, hard link) naming it.
#[cfg(unix)]
pub fn file_id(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

/// What identifies a file, whatever the path (link) naming it.
#[cfg(not(unix))]
pub fn file_id(p: &Path) -> Option<PathBuf> {
    p.canonicalize().ok()
}

/// Whether `a` and `b` name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(x), Some(y)) => x == y,
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
            return Err(already_exists(path));
        }
        Ok(())
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    /// Without `--force` the final name is created exclusively: of several
    /// runs writing the same new file at once, exactly one wins and the
    /// others get the "already exists" error. With `--force` an existing
    /// file is replaced atomically and keeps its permissions.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check(path)?;
        write_file(path, bytes, self.force)
    }
}

/// The error for an output that exists (and `--force` was not given).
pub fn already_exists(path: &Path) -> Error {
    Error::output(
        path,
        tr!(
            "berkas keluaran sudah ada",
            "the output file already exists"
        ),
    )
    .with_hint(tr!(
        "tambahkan --force untuk menimpanya, atau pilih nama lain",
        "add --force to overwrite it, or choose another name"
    ))
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// replacing an existing file (keeping its permissions).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file(path, bytes, true)
}

/// Writes `bytes` to `path` through a temporary file in the same folder:
/// replacing an existing file (keeping its permissions) when `replace`,
/// else creating it exclusively (see [`PendingFile::commit_new`]).
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let mut f = PendingFile::new(path)?;
    f.write_all(bytes).map_err(|e| write_failed(path, e))?;
    f.finish(replace)
}

/// Replaces the existing file at `path` with `bytes` (rewriting a
/// maintainer's own data in place, as `mapping fmt` does): through a
/// temporary file and a rename, so that the file is always either the old
/// or the new one, never half-written; its permissions are kept. A
/// symbolic link is written through: its target is replaced, the link
/// stays a link.
pub fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = match is_link {
        true => std::fs::canonicalize(path).map_err(|e| write_failed(path, e))?,
        false => path.to_path_buf(),
    };
    let mut f = PendingFile::new(&target)?;
    f.write_all(bytes).map_err(|e| write_failed(path, e))?;
    f.commit()
}

/// The error for a failed write of `path`.
pub fn write_failed(path: &Path, e: std::io::Error) -> Error {
    Error::output(
        path,
        tr!(
            "berkas keluaran tidak dapat ditulis",
            "cannot write the output file"
        )
        .then(": ", &Error::io_reason(&e)),
    )
    .with_hint(tr!(
        "periksa bahwa foldernya ada dan dapat ditulisi",
        "check that the folder exists and is writable"
    ))
}

/// An output file being written: a temporary file in the destination's
/// folder that replaces the destination only on [`PendingFile::commit`]
/// (dropped without commit, it disappears). For outputs streamed in pieces.
///
/// Its name is `.spbe-pemdi-<host>-<pid>-XXXXXX.tmp`: a run killed before it could
/// remove it leaves it behind, and the next run writing to that folder
/// removes it once stale ([`remove_stale_temps`]).
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
        remove_stale_temps(&dir);
        let prefix = format!("{TEMP_PREFIX}{}-{}-", host(), std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(TEMP_SUFFIX);
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

    /// Flushes the file to disk and moves it to its destination, replacing
    /// an existing file there (whose permissions it takes).
    pub fn commit(self) -> Result<()> {
        self.finish(true)
    }

    /// Flushes the file to disk and moves it to its destination, which it
    /// creates exclusively: when a file appeared there meanwhile (another
    /// run), nothing is replaced and the error says it exists.
    pub fn commit_new(self) -> Result<()> {
        self.finish(false)
    }

    /// [`PendingFile::commit`] when `replace`, else [`PendingFile::commit_new`].
    pub fn finish(self, replace: bool) -> Result<()> {
        let path = self.path;
        let file = self.tmp.as_file();
        if replace {
            if let Ok(m) = std::fs::metadata(&path) {
                file.set_permissions(m.permissions())
                    .map_err(|e| write_failed(&path, e))?;
            }
        }
        file.sync_all().map_err(|e| write_failed(&path, e))?;
        let persisted = match replace {
            true => self.tmp.persist(&path),
            false => match self.tmp.persist_noclobber(&path) {
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(already_exists(&path));
                }
                // A file system that can neither rename without replacing
                // nor hard-link (FAT on some systems): checked, then
                // renamed, exclusive but for that instant.
                Err(e) if std::fs::symlink_metadata(&path).is_err() => e.file.persist(&path),
                other => other,
            },
        };
        match persisted {
            Ok(_) => Ok(()),
            Err(e) => Err(write_failed(&path, e.error)),
        }
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
