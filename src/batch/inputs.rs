//! Which files a batch reads, and the name of each agency's report.
//!
//! An input is a file (read whatever its extension) or a folder: every
//! `.json`, `.csv`, `.xlsx`, `.xlsm`, `.xls` and `.ods` file directly inside
//! it (not in subfolders; hidden files, Office lock files `~$….xlsx` and
//! temporary files `~…`, `…~` skipped; symbolic links to files followed),
//! sorted by name. Inputs keep the order given on the command line.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::tr;

/// Extensions read from a folder.
pub const EXTENSIONS: &[&str] = &["json", "csv", "xlsx", "xlsm", "xls", "ods"];

/// Whether a file of this name in a folder is read: not hidden, and with
/// one of the [`EXTENSIONS`] in any case.
fn wanted(name: &OsStr) -> bool {
    let p = Path::new(name);
    let b = name.as_encoded_bytes();
    let hidden = b.starts_with(b".");
    // Office lock files (`~$draf.xlsx`, `.~lock.draf.ods#`) and editors'
    // temporary files (`~draf.tmp`, `draf.xlsx~`) are not assessments.
    let scratch = b.starts_with(b"~") || b.ends_with(b"~");
    let ext = p.extension().and_then(|e| e.to_str());
    !hidden && !scratch && ext.is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The files of a batch, in order.
///
/// A batch lists every file before it starts (to sort each folder by
/// name), so the list is compact for a national batch: a folder's file
/// costs the bytes of its name and eight more, not a path of its own; its
/// path is made when the file is read ([`Files::get`]).
#[derive(Debug, Default)]
pub struct Files {
    /// The inputs as given, in order.
    inputs: Vec<Input>,
    /// The names of the folders' files, one after another, as read.
    names: Vec<u8>,
    /// Where each name starts in `names` (and, last, where the last ends).
    starts: Vec<u32>,
    /// The folders' files by name within each folder: indexes of names.
    order: Vec<u32>,
    /// The names that are not Unicode (rare), by index; `names` has their
    /// bytes for sorting.
    odd: Vec<(u32, OsString)>,
    len: usize,
}

#[derive(Debug)]
struct Input {
    path: PathBuf,
    /// Index in the batch of its (first) file.
    first: usize,
    /// For a folder, where its files start in `Files::order`.
    order: Option<usize>,
}

impl Files {
    /// How many files.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The path of file `i` (as given, or the folder joined with its name).
    pub fn get(&self, i: usize) -> Option<PathBuf> {
        if i >= self.len {
            return None;
        }
        let input = &self.inputs[self.inputs.partition_point(|x| x.first <= i) - 1];
        match input.order {
            None => Some(input.path.clone()),
            Some(start) => {
                let k = *self.order.get(start + i - input.first)?;
                Some(input.path.join(self.name(k)?))
            }
        }
    }

    /// The paths, in order.
    pub fn iter(&self) -> impl Iterator<Item = PathBuf> + Clone + '_ {
        (0..self.len).filter_map(|i| self.get(i))
    }

    fn bytes(&self, k: u32) -> &[u8] {
        let k = k as usize;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.names.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Name `k`: Unicode from `names`, else kept aside.
    fn name(&self, k: u32) -> Option<&OsStr> {
        match std::str::from_utf8(self.bytes(k)) {
            Ok(s) => Some(OsStr::new(s)),
            Err(_) => self
                .odd
                .binary_search_by_key(&k, |(j, _)| *j)
                .ok()
                .map(|at| self.odd[at].1.as_os_str()),
        }
    }

    /// Lists the files of `folder`, by name.
    fn add_folder(&mut self, folder: &Path) -> Result<()> {
        let too_many = || Error::input(folder, tr!("terlalu banyak berkas", "too many files"));
        let entries = std::fs::read_dir(folder).map_err(|e| Error::read(folder, &e))?;
        let start = self.order.len();
        for entry in entries {
            let entry = entry.map_err(|e| Error::read(folder, &e))?;
            // A symbolic link to a file is read like the file (followed).
            let is_file = match entry.file_type() {
                Ok(t) if t.is_symlink() => {
                    std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file())
                }
                Ok(t) => t.is_file(),
                Err(_) => false,
            };
            let name = entry.file_name();
            if !(is_file && wanted(&name)) {
                continue;
            }
            if self.starts.is_empty() {
                self.starts.push(0);
            }
            let k = u32::try_from(self.starts.len() - 1).map_err(|_| too_many())?;
            if name.to_str().is_none() {
                self.odd.push((k, name.clone()));
            }
            self.names.extend_from_slice(name.as_encoded_bytes());
            let end = u32::try_from(self.names.len()).map_err(|_| too_many())?;
            self.starts.push(end);
            self.order.push(k);
        }
        // By name, as the paths compare (they differ in the last component
        // only); OsStr orders by these bytes.
        let mut order = std::mem::take(&mut self.order);
        order[start..].sort_unstable_by(|a, b| self.bytes(*a).cmp(self.bytes(*b)));
        self.order = order;
        self.inputs.push(Input {
            path: folder.to_path_buf(),
            first: self.len,
            order: Some(start),
        });
        self.len += self.order.len() - start;
        Ok(())
    }
}

/// The files named by `inputs` (files as given, folders expanded).
pub fn discover(inputs: &[PathBuf]) -> Result<Files> {
    let mut out = Files::default();
    for input in inputs {
        if input.is_dir() {
            out.add_folder(input)?;
        } else {
            out.inputs.push(Input {
                path: input.clone(),
                first: out.len,
                order: None,
            });
            out.len += 1;
        }
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

/// Names no report takes: those of the summary files (`summary.csv`,
/// `summary-indicators.csv`, ...), whatever the report's format.
pub const RESERVED: [&str; 2] = ["summary", "summary-indicators"];

/// Report file names (without extension), one per input: the file's stem;
/// where stems repeat, the whole file name (`a.json` → `a-json`); where that
/// repeats too (same name in different folders), or the name is one of the
/// summary's ([`RESERVED`]), a number (`a-json-2`, `summary-2`). Names
/// differ in more than letter case, for folders that ignore it.
pub fn report_names<I>(files: I) -> Vec<String>
where
    I: IntoIterator<IntoIter: Clone>,
    I::Item: AsRef<Path>,
{
    let files = files.into_iter();
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "laporan".to_string())
    };
    let mut stems: HashMap<String, usize> = HashMap::new();
    for f in files.clone() {
        *stems.entry(stem(f.as_ref())).or_default() += 1;
    }
    let mut taken: HashSet<String> = RESERVED.iter().map(|r| r.to_string()).collect();
    files
        .map(|f| {
            let f = f.as_ref();
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
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            name
        })
        .collect()
}
