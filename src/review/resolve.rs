//! The crosswalk a command-line argument names: a path to a crosswalk file,
//! or `ID` / `ID@VERSION` of a crosswalk in the data set.

use std::path::Path;

use crate::crosswalk::{LoadedCrosswalk, load_crosswalks, parse_crosswalk};
use crate::data::Data;
use crate::error::{Error, Place, Result};
use crate::graph::Pin;
use crate::text::Text;
use crate::tr;

/// Largest crosswalk file read (the shipped ones are a few dozen kilobytes).
const MAX_CROSSWALK_BYTES: u64 = crate::limits::MAX_DATA_FILE_BYTES as u64;

/// Whether `arg` looks like a path rather than an id.
fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".json") || arg.contains('/') || arg.contains('\\')
}

/// The crosswalk named by `arg`: an existing file (read and parsed, its
/// name need not follow the data set's naming), otherwise `ID` (the newest
/// version) or `ID@VERSION` in `data`. Its frameworks must be in `data`.
pub fn resolve(data: &Data, arg: &str) -> Result<LoadedCrosswalk> {
    let path = Path::new(arg);
    let loaded = if path.is_file() || looks_like_path(arg) {
        read_file(path)?
    } else {
        find(data, arg)?
    };
    frameworks_known(data, loaded)
}

/// The crosswalk in an uploaded file's bytes (`label` names it in errors),
/// checked as [`resolve`] checks a file.
pub fn resolve_bytes(data: &Data, label: &str, bytes: Vec<u8>) -> Result<LoadedCrosswalk> {
    if bytes.len() as u64 > MAX_CROSSWALK_BYTES {
        return Err(too_large(label, bytes.len() as u64));
    }
    frameworks_known(data, from_bytes(label.to_string(), bytes)?)
}

/// `loaded`, when both its frameworks are in `data`.
fn frameworks_known(data: &Data, loaded: LoadedCrosswalk) -> Result<LoadedCrosswalk> {
    for (field, id) in [
        ("from", &loaded.crosswalk.from),
        ("to", &loaded.crosswalk.to),
    ] {
        if data.catalog.get(id).is_none() {
            return Err(Error::input(
                &loaded.file,
                tr!(
                    "framework `{}` tidak ada (dikenal: {})",
                    "framework `{}` does not exist (known: {})",
                    id,
                    data.catalog.ids().join(", ")
                ),
            )
            .at(match loaded.field_line(field) {
                Some(l) => Place::line(l),
                None => Place::Field(field.to_string()),
            })
            .with_hint(tr!(
                "pakai id framework dari `spbe-pemdi frameworks`",
                "use a framework id from `spbe-pemdi frameworks`"
            )));
        }
    }
    Ok(loaded)
}

/// Reads and parses a crosswalk file given by path.
pub fn read_file(path: &Path) -> Result<LoadedCrosswalk> {
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, &e))?;
    if meta.is_dir() {
        return Err(Error::input(
            path,
            tr!(
                "ini folder, bukan berkas crosswalk",
                "this is a folder, not a crosswalk file"
            ),
        ));
    }
    if meta.len() > MAX_CROSSWALK_BYTES {
        return Err(too_large(&path.display().to_string(), meta.len()));
    }
    let bytes = crate::limits::read_file(path, crate::limits::MAX_DATA_FILE_BYTES)?;
    from_bytes(path.display().to_string(), bytes)
}

fn too_large(label: &str, len: u64) -> Error {
    Error::input(
        label,
        tr!(
            "berkas terlalu besar ({} bita) untuk sebuah crosswalk",
            "the file is too large ({} bytes) for a crosswalk",
            len
        ),
    )
}

/// Parses a crosswalk file's bytes; `label` names it in errors.
fn from_bytes(label: String, bytes: Vec<u8>) -> Result<LoadedCrosswalk> {
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::input(
            &label,
            tr!(
                "berkas crosswalk bukan teks UTF-8",
                "the crosswalk file is not UTF-8 text"
            ),
        )
        .with_hint(tr!(
            "simpan berkas sebagai JSON UTF-8",
            "save the file as UTF-8 JSON"
        ))
    })?;
    let crosswalk = parse_crosswalk(&label, &text)?;
    Ok(LoadedCrosswalk {
        file: label,
        path: format!("crosswalks/{}.json", crosswalk.id),
        text,
        crosswalk,
    })
}

/// The crosswalk `ID` (newest version) or `ID@VERSION` of the data set.
fn find(data: &Data, arg: &str) -> Result<LoadedCrosswalk> {
    let pin = Pin::parse(arg)?;
    let all = load_crosswalks(data)?;
    let known = || {
        Text::same(
            all.iter()
                .map(|c| c.reference())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    // Versions are sorted ascending (invalid ones last) by load_crosswalks.
    let found = all.iter().rfind(|c| {
        c.crosswalk.id == pin.id
            && match pin.version {
                Some(v) => c.semver() == Some(v),
                None => c.semver().is_some(),
            }
    });
    found.cloned().ok_or_else(|| {
        Error::usage(tr!(
            "crosswalk `{}` tidak ada di data",
            "there is no crosswalk `{}` in the data",
            arg
        ))
        .expected(known())
        .with_hint(tr!(
            "berikan id, id@versi, atau jalur ke berkas crosswalk",
            "give an id, id@version, or a path to a crosswalk file"
        ))
    })
}
