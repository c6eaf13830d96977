//! One batch at a time in an output folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::output::write_failed;
use crate::tr;

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
