//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use spbe_pemdi::data::{Data, DataFile};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The embedded data.
pub fn data() -> Data {
    Data::embedded().expect("embedded data loads")
}

/// Result of running the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// A transcript: the command line, exit code, stdout and stderr.
    pub fn transcript(&self, args: &[&str]) -> String {
        format!(
            "$ spbe-pemdi {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }
}

/// Runs the binary with `args` in `dir` (the repository root by default).
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_spbe-pemdi"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs the binary with `args` in the repository root.
pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

/// A path under `tests/data/`.
pub fn test_data(name: &str) -> PathBuf {
    root().join("tests").join("data").join(name)
}

/// The embedded framework catalogs with the given crosswalk files
/// (`(file name, text)`), each labelled `label_dir/<file name>`.
pub fn data_with(label_dir: &str, crosswalks: &[(String, String)]) -> Data {
    let mut files: Vec<DataFile> = data()
        .files
        .into_iter()
        .filter(|f| f.path.starts_with("frameworks/"))
        .collect();
    for (name, text) in crosswalks {
        files.push(DataFile {
            path: format!("crosswalks/{name}"),
            label: format!("{label_dir}/{name}"),
            text: text.clone(),
        });
    }
    Data::from_files("test".into(), files).expect("test data loads")
}

/// The `*.json` files of a folder under `tests/data/`, sorted by name.
pub fn read_dir_json(dir: &str) -> Vec<(String, String)> {
    let path = test_data(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&path)
        .expect("test data folder exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

/// The embedded frameworks with the crosswalks of `tests/data/<dir>`.
pub fn data_from(dir: &str) -> Data {
    data_with(&format!("tests/data/{dir}"), &read_dir_json(dir))
}

/// A temporary folder holding `data/frameworks` (copied from `mappings/`)
/// and `data/crosswalks` (the given files), for running the binary with
/// `--data data` inside it.
pub fn temp_data_dir(crosswalks: &[(String, String)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fw = tmp.path().join("data").join("frameworks");
    let cw = tmp.path().join("data").join("crosswalks");
    std::fs::create_dir_all(&fw).unwrap();
    std::fs::create_dir_all(&cw).unwrap();
    for e in std::fs::read_dir(root().join("mappings").join("frameworks")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, fw.join(p.file_name().unwrap())).unwrap();
    }
    for (name, text) in crosswalks {
        std::fs::write(cw.join(name), text).unwrap();
    }
    tmp
}

/// The crosswalks of `tests/data/<dir>` as JSON values, by file name.
pub fn json_files(dir: &str) -> Vec<(String, serde_json::Value)> {
    read_dir_json(dir)
        .into_iter()
        .map(|(n, t)| (n, serde_json::from_str(&t).expect("fixture is JSON")))
        .collect()
}

/// Pretty JSON texts of values, by file name.
pub fn texts(files: &[(String, serde_json::Value)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(n, v)| (n.clone(), serde_json::to_string_pretty(v).unwrap() + "\n"))
        .collect()
}

/// The value of the file named `name` in `files`.
pub fn file_mut<'a>(
    files: &'a mut [(String, serde_json::Value)],
    name: &str,
) -> &'a mut serde_json::Value {
    &mut files
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
        .1
}
