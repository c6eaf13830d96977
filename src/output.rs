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

/// The start of the names of temporary files
/// (`.spbe-pemdi-<host>-<pid>-XXXXXX.tmp`).
pub const TEMP_PREFIX: &str = ".spbe-pemdi-";
/// The end of the names of temporary files.
pub const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file is stale (left by a run that was killed) when it was
/// made on this machine by a process that no longer runs, and has not been
/// written to for this long (a grace for processes this one cannot see).
pub const STALE_DEAD: std::time::Duration = std::time::Duration::from_secs(60);
/// Any other temporary file of ours (made on another machine sharing the
/// folder, or where processes cannot be seen: no `/proc`) is stale when it
/// has not been written to for this long.
pub const STALE_ANY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// This machine's name, as temporary file names carry it (letters, digits,
/// `.` and `_`; empty where unknown).
fn host() -> &'static str {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .unwrap_or_default()
            .trim()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
            .take(64)
            .collect()
    })
}

/// Whether process `pid` runs on this machine (`None`: cannot tell).
fn process_runs(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

/// Whether the temporary file named `.spbe-pemdi-<rest>.tmp`, untouched
/// for `age`, is stale (see [`STALE_DEAD`]).
fn is_stale(rest: &str, age: std::time::Duration) -> bool {
    // `<host>-<pid>-<random>`; the random part has no `-`.
    let mut parts = rest.rsplitn(3, '-');
    let (_random, pid, from) = (parts.next(), parts.next(), parts.next());
    let pid = pid.and_then(|p| p.parse::<u32>().ok());
    let here = from == Some(host()) && !host().is_empty();
    match pid.filter(|_| here).and_then(process_runs) {
        Some(true) => false,
        Some(false) => age >= STALE_DEAD,
        None => age >= STALE_ANY,
    }
}

/// Removes the stale temporary files (see [`STALE_DEAD`]) of `dir`, once
/// per folder and run. Errors are ignored: this is tidying up.
pub fn remove_stale_temps(dir: &Path) {
    static DONE: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    {
        let Ok(mut done) = DONE.lock() else { return };
        if done.iter().any(|d| d == dir) {
            return;
        }
        done.push(dir.to_path_buf());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if is_stale(rest, age) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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

/// The name of the lock file a batch holds in its output folder.
pub const LOCK_NAME: &str = ".spbe-pemdi.lock";

/// A folder locked for writing by this run (an advisory lock on
/// [`LOCK_NAME`] inside it): two batches into one folder cannot interleave
/// their files. The operating system releases the lock when the process
/// ends, however it ends; the file is removed when the lock is dropped.
#[derive(Debug)]
pub struct FolderLock {
    path: PathBuf,
    _file: std::fs::File,
}

/// Whether two open files or paths are one file.
#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

/// Locks `dir` for this run, or says that another run is writing there
/// (exit 4).
// `File::try_lock` is Rust 1.89; the crate already needs 1.88 (let chains
// in `report::xlsx`) whatever `rust-version` says.
#[allow(clippy::incompatible_msrv)]
pub fn lock_folder(dir: &Path) -> Result<FolderLock> {
    let path = dir.join(LOCK_NAME);
    let busy = || {
        Error::output(
            dir,
            tr!(
                "proses spbe-pemdi lain sedang menulis ke folder ini",
                "another spbe-pemdi run is writing into this folder"
            ),
        )
        .with_hint(tr!(
            "tunggu sampai selesai, atau pilih folder keluaran lain",
            "wait until it ends, or choose another output folder"
        ))
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| write_failed(&path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Err(busy()),
        // A file system without locks (some network and FUSE ones): the
        // batch goes on unlocked, its files still created exclusively.
        Err(std::fs::TryLockError::Error(_)) => return Ok(FolderLock { path, _file: file }),
    }
    // The run before may have removed the file between our opening and
    // locking it: the lock must be on the file the name holds now.
    match (file.metadata(), std::fs::metadata(&path)) {
        (Ok(a), Ok(b)) if same_inode(&a, &b) => Ok(FolderLock { path, _file: file }),
        _ => Err(busy()),
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still locked (the lock goes with the descriptor).
        let _ = std::fs::remove_file(&self.path);
    }
}
