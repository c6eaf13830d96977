//! The mapping data set: framework catalogs and crosswalks, from the
//! embedded copy or from a directory given with `--data DIR`.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::catalog::{Catalog, parse_framework};
use crate::error::{Error, Result};
use crate::tr;

/// One data file.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Path relative to the data root, with `/`: `frameworks/spbe-2020.json`.
    pub path: String,
    /// How to name the file in messages (`mappings/frameworks/...` or the real path).
    pub label: String,
    /// Contents.
    pub text: String,
}

/// The data set in use.
#[derive(Debug, Clone)]
pub struct Data {
    /// `embedded` or the directory given.
    pub origin: String,
    /// Every file, sorted by path.
    pub files: Vec<DataFile>,
    /// The framework catalogs.
    pub catalog: Catalog,
}

impl Data {
    /// The embedded data.
    pub fn embedded() -> Result<Data> {
        let files = crate::embedded::FILES
            .iter()
            .map(|(path, text)| DataFile {
                path: path.to_string(),
                label: format!("mappings/{path}"),
                text: text.to_string(),
            })
            .collect();
        Data::from_files("embedded".into(), files)
    }

    /// The embedded data, or the data in `dir` when given.
    pub fn load(dir: Option<&Path>) -> Result<Data> {
        match dir {
            None => Data::embedded(),
            Some(d) => Data::from_dir(d),
        }
    }

    /// Reads `dir/frameworks/*.json`, `dir/crosswalks/*.json` and
    /// `dir/calibrations/*.json`.
    pub fn from_dir(dir: &Path) -> Result<Data> {
        if !dir.is_dir() {
            return Err(Error::input(
                dir,
                tr!("folder data tidak ditemukan", "data folder not found"),
            )
            .with_hint(tr!(
                "berikan folder yang berisi frameworks/ dan crosswalks/, misalnya `--data mappings`",
                "give a folder holding frameworks/ and crosswalks/, e.g. `--data mappings`"
            )));
        }
        let mut files = Vec::new();
        for sub in ["frameworks", "crosswalks", "calibrations"] {
            let d = dir.join(sub);
            if !d.is_dir() {
                continue;
            }
            let entries = std::fs::read_dir(&d).map_err(|e| Error::read(&d, &e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::read(&d, &e))?;
                let p = entry.path();
                if p.extension().and_then(|e| e.to_str()) != Some("json") {
                    continue;
                }
                let text = crate::limits::read_text_file(&p, crate::limits::MAX_DATA_FILE_BYTES)?;
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                files.push(DataFile {
                    path: format!("{sub}/{name}"),
                    label: p.display().to_string(),
                    text,
                });
            }
        }
        Data::from_files(dir.display().to_string(), files)
    }

    /// Builds the data set from files.
    pub fn from_files(origin: String, mut files: Vec<DataFile>) -> Result<Data> {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut frameworks = Vec::new();
        for f in files.iter().filter(|f| f.path.starts_with("frameworks/")) {
            let fw = parse_framework(&f.label, &f.text)?;
            let stem = f
                .path
                .trim_start_matches("frameworks/")
                .trim_end_matches(".json");
            if fw.id != stem {
                return Err(Error::input(
                    &f.label,
                    tr!(
                        "id framework `{}` tidak sama dengan nama berkas `{}`",
                        "framework id `{}` does not match the file name `{}`",
                        fw.id,
                        stem
                    ),
                )
                .at(crate::error::Place::Field("id".into())));
            }
            frameworks.push(fw);
        }
        if frameworks.is_empty() {
            return Err(Error::input(
                &origin,
                tr!(
                    "tidak ada katalog framework (frameworks/*.json)",
                    "no framework catalogs (frameworks/*.json)"
                ),
            ));
        }
        Ok(Data {
            origin,
            files,
            catalog: Catalog::new(frameworks),
        })
    }

    /// The files under `crosswalks/`.
    pub fn crosswalk_files(&self) -> impl Iterator<Item = &DataFile> {
        self.files
            .iter()
            .filter(|f| f.path.starts_with("crosswalks/"))
    }

    /// SHA-256 over the paths and contents of the given files (sorted by path),
    /// as `sha256:<hex>`.
    pub fn hash_of<'a>(files: impl IntoIterator<Item = &'a DataFile>) -> String {
        let mut v: Vec<&DataFile> = files.into_iter().collect();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        let mut h = Sha256::new();
        for f in v {
            h.update(f.path.as_bytes());
            h.update([0u8]);
            h.update(f.text.replace("\r\n", "\n").as_bytes());
            h.update([0u8]);
        }
        let digest = h.finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    /// Hash of the whole data set.
    pub fn hash(&self) -> String {
        Data::hash_of(&self.files)
    }
}

/// Where a data set came from, for people: the data compiled into the
/// binary is `bawaan` / `embedded`; a folder is its path.
pub fn origin_label(origin: &str, lang: crate::text::Lang) -> String {
    match origin {
        "embedded" => lang.pick("bawaan", "embedded").to_string(),
        other => other.to_string(),
    }
}
