//! Which files a batch reads, and the name of each agency's report.
//!
//! An input is a file (read whatever its extension) or a folder: every
//! `.json`, `.csv`, `.xlsx`, `.xlsm`, `.xls` and `.ods` file directly inside
//! it (not in subfolders; hidden files skipped), sorted by name. Inputs keep
//! the order given on the command line.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::tr;

/// Extensions read from a folder.
pub const EXTENSIONS: &[&str] = &["json", "csv", "xlsx", "xlsm", "xls", "ods"];

/// Whether a file of this name in a folder is read: not hidden, and with
/// one of the [`EXTENSIONS`] in any case.
fn wanted(name: &OsStr) -> bool {
    let p = Path::new(name);
    let hidden = name.as_encoded_bytes().starts_with(b".");
    let ext = p.extension().and_then(|e| e.to_str());
    !hidden && ext.is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The files named by `inputs` (files as given, folders expanded).
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let entries = std::fs::read_dir(input).map_err(|e| Error::read(input, &e))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::read(input, &e))?;
            let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
            let name = entry.file_name();
            if is_file && wanted(&name) {
                names.push(name);
            }
        }
        // By name: the order of the paths (they differ in the last
        // component only), without comparing them component by component.
        names.sort_unstable();
        out.extend(names.into_iter().map(|n| input.join(n)));
    }
    if out.is_empty() {
        return Err(Error::input(
            inputs
                .first()
                .map(|p| p.as_path())
                .unwrap_or(Path::new(".")),
            tr!(
                "tidak ada berkas penilaian untuk dibaca",
                "no assessment files to read"
            ),
        )
        .expected(tr!(
            "berkas .json, .csv, .xlsx, .xls atau .ods, atau folder yang memuatnya",
            "files .json, .csv, .xlsx, .xls or .ods, or folders holding them"
        )));
    }
    Ok(out)
}

/// Report file names (without extension), one per input: the file's stem;
/// where stems repeat, the whole file name (`a.json` → `a-json`); where that
/// repeats too (same name in different folders), a number (`a-json-2`).
pub fn report_names(files: &[PathBuf]) -> Vec<String> {
    let stem = |p: &PathBuf| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "laporan".to_string())
    };
    let mut stems: HashMap<String, usize> = HashMap::new();
    for f in files {
        *stems.entry(stem(f)).or_default() += 1;
    }
    let mut taken: HashSet<String> = HashSet::new();
    files
        .iter()
        .map(|f| {
            let s = stem(f);
            let base = if stems[&s] > 1 {
                f.file_name()
                    .map(|n| n.to_string_lossy().replace('.', "-"))
                    .unwrap_or(s)
            } else {
                s
            };
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.clone()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            name
        })
        .collect()
}
