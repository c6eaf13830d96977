//! Writing outputs (issue 16, the output side): no input or report lost or
//! overwritten, write errors reported wherever they happen, Excel's cell
//! limit, races on `-o`, CSV formula injection, permissions, temp files.
//! Each test is named after the bug it pins.

mod batch_outputs;
mod cells;
mod csv_injection;
mod files;
mod options;
mod stdout;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use calamine::{Reader, Xlsx};
use spbe_pemdi::output::PendingFile;

use crate::util::{fixture, run_in};

const BIN: &str = env!("CARGO_BIN_EXE_spbe-pemdi");

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// An spbe-2020 assessment as JSON: `agency`, and answers `(no, value,
/// justification)`.
fn assessment(agency: &str, answers: &[(u32, &str, &str)]) -> String {
    let answers: Vec<serde_json::Value> = answers
        .iter()
        .map(|(no, v, j)| {
            serde_json::json!({
                "indicator": format!("spbe-2020:{no}"),
                "value": v,
                "justification": j,
                "evidence": [format!("{j} (bukti)")],
            })
        })
        .collect();
    serde_json::json!({
        "framework": "spbe-2020",
        "agency": agency,
        "year": 2025,
        "answers": answers,
    })
    .to_string()
}

/// The cells of the first sheet of an XLSX file, row by row.
fn xlsx_cells(p: &Path) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook(p).expect("xlsx opens");
    let sheet = wb.worksheet_range_at(0).expect("a sheet").expect("reads");
    sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Runs `sh -c script` in `dir` (the binary is `$BIN`).
fn sh(dir: &Path, script: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("BIN", BIN)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}
