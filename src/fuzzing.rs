//! Entry points for coverage-guided fuzzing (`fuzz/`, cargo-fuzz) and for
//! replaying its corpus on stable (`tests/reads/fuzz.rs`). Each takes any
//! bytes and must return: an error is fine, a panic, an abort or an
//! allocation past `crate::limits` is a bug.

use std::sync::OnceLock;

use crate::data::{Data, DataFile};

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data::embedded().expect("the embedded data loads"))
}

/// The form to read the bytes as, from the first byte (so one corpus
/// reaches every reader).
fn label(bytes: &[u8]) -> &'static str {
    match bytes.first().map(|b| b % 4) {
        Some(0) => "f.json",
        Some(1) => "f.csv",
        Some(2) => "f.xlsx",
        _ => "f",
    }
}

/// Reads `bytes` as an assessment in every form the readers know (JSON,
/// CSV, XLSX/XLS/ODS, sniffed), then scores and converts what reads.
pub fn assessment(bytes: &[u8]) {
    let d = data();
    let Ok(a) = crate::assessment::read_bytes(label(bytes), bytes.to_vec(), &d.catalog, None)
    else {
        return;
    };
    if let Ok(c) = crate::convert::convert(d, &a, &Default::default()) {
        let _ = crate::convert::draft::draft(&c);
    }
}

/// Reads `bytes` as a crosswalk file and validates it with the shipped
/// catalogs.
pub fn crosswalk(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let d = data();
    let f = DataFile {
        path: "crosswalks/fuzz.json".into(),
        label: "fuzz.json".into(),
        text: text.to_string(),
    };
    if let Ok(c) = crate::crosswalk::load_file(&f) {
        let _ = crate::crosswalk::lint::validate(&d.catalog, &[c]);
    }
}

/// Reads `bytes` as a framework catalog file.
pub fn catalog(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = crate::catalog::parse_framework("fuzz.json", text);
    }
}

/// Merges the assessment read from `bytes` into a draft: the draft of the
/// shipped Aceh Tengah conversion, as `convert --into` merges.
pub fn merge(bytes: &[u8]) {
    static BASE: OnceLock<Option<crate::convert::Conversion>> = OnceLock::new();
    let d = data();
    let base = BASE.get_or_init(|| {
        let text = include_str!("../fixtures/aceh-tengah-spbe-2025.json");
        let a = crate::assessment::read_bytes("a.json", text.into(), &d.catalog, None).ok()?;
        crate::convert::convert(d, &a, &Default::default()).ok()
    });
    let Some(c) = base else { return };
    if let Ok(existing) =
        crate::assessment::read_bytes(label(bytes), bytes.to_vec(), &d.catalog, Some(&c.target))
    {
        let _ = crate::convert::draft::merge(&existing, c);
    }
}
