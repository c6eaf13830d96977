//! Generates the list of embedded data files: every `*.json` under
//! `mappings/frameworks/`, `mappings/crosswalks/` and `mappings/calibrations/`, so that adding a data
//! file needs no code change. Missing folders embed nothing; nothing else
//! under `mappings/` (e.g. `mappings/reviews/`) is embedded.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // Only the data folders are watched (recursively): files elsewhere under
    // `mappings/`, such as the review documents in `mappings/reviews/`, are
    // not data and neither rebuild nor change the binary.
    println!("cargo:rerun-if-changed=mappings/frameworks");
    println!("cargo:rerun-if-changed=mappings/crosswalks");
    println!("cargo:rerun-if-changed=mappings/calibrations");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    let mut files = Vec::new();
    for sub in ["frameworks", "crosswalks", "calibrations"] {
        let dir = root.join("mappings").join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_json = path.extension().and_then(|e| e.to_str()) == Some("json");
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if is_json && path.is_file() {
                files.push((format!("{sub}/{name}"), path.display().to_string()));
            }
        }
    }
    files.sort();
    let mut out = String::from("&[\n");
    for (rel, abs) in &files {
        let _ = writeln!(out, "    ({rel:?}, include_str!({abs:?})),");
    }
    out.push_str("]\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dest = Path::new(&out_dir).join("embedded_files.rs");
    // Unchanged content is not rewritten, so nothing downstream rebuilds.
    if std::fs::read_to_string(&dest).ok().as_deref() != Some(out.as_str()) {
        std::fs::write(&dest, out).expect("OUT_DIR is writable");
    }
}
