//! Temporary files left by a run that was killed: recognised by their
//! names (`.spbe-pemdi-<host>-<pid>-XXXXXX.tmp`) and removed by a later run
//! once stale.

use std::path::{Path, PathBuf};

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
pub(super) fn host() -> &'static str {
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
