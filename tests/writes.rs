//! Writing outputs (issue 16, the output side): no input or report lost or
//! overwritten, write errors reported wherever they happen, Excel's cell
//! limit, races on `-o`, CSV formula injection, permissions, temp files.
//! Each test is named after the bug it pins.

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

// 1. `batch --force` overwrote input files named like the summary.

#[test]
fn batch_force_refuses_to_overwrite_an_input_named_summary() {
    for name in ["summary.csv", "summary.xlsx"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let input = out.join(name);
        std::fs::copy(fixture("kabupaten-contoh-spbe-2024.csv"), &input).unwrap();
        if name.ends_with("xlsx") {
            std::fs::copy(fixture("kabupaten-contoh-spbe-2024.xlsx"), &input).unwrap();
        }
        let before = std::fs::read(&input).unwrap();
        let arg = format!("out/{name}");
        let r = run_in(
            tmp.path(),
            &["batch", &arg, "-o", "out", "--force", "--lang", "en"],
        );
        assert_eq!(r.code, 4, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(&arg), "names the input: {}", r.stderr);
        assert!(r.stderr.contains("input file"), "{}", r.stderr);
        assert_eq!(std::fs::read(&input).unwrap(), before, "{name} untouched");
    }
}

// 2. A report whose input is called `summary` was overwritten by the summary.

#[test]
fn a_report_named_like_a_summary_file_is_not_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(
        fixture("kabupaten-contoh-spbe-2024.csv"),
        input.join("summary.csv"),
    )
    .unwrap();
    std::fs::copy(
        fixture("aceh-tengah-spbe-2025.json"),
        input.join("summary-indicators.json"),
    )
    .unwrap();
    for (format, ext) in [("csv", "csv"), ("html", "html"), ("xlsx", "xlsx")] {
        let out = format!("out-{format}");
        let r = run_in(tmp.path(), &["batch", "in", "-o", &out, "--format", format]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let out = tmp.path().join(out);
        let summary = read(&out.join("summary.csv"));
        for report in [
            format!("summary-2.{ext}"),
            format!("summary-indicators-2.{ext}"),
        ] {
            assert!(out.join(&report).is_file(), "{report} written");
            assert!(summary.contains(&report), "{report} listed: {summary}");
        }
        let html = read(&out.join("summary.html"));
        assert!(
            html.contains(&format!("href=\"summary-2.{ext}\"")),
            "{html}"
        );
        assert!(!html.contains(&format!("href=\"summary.{ext}\"")), "{html}");
        // The summary files are the summary's.
        assert!(summary.starts_with("berkas;"), "{summary}");
        let indicators = read(&out.join("summary-indicators.csv"));
        assert!(indicators.starts_with("no;"), "{indicators}");
    }
}

#[test]
fn report_names_never_take_a_summary_name_in_any_letter_case() {
    use spbe_pemdi::batch::inputs::report_names;
    let names = report_names([
        "in/Summary.json",
        "in/summary-2.csv",
        "in/SUMMARY-INDICATORS.xlsx",
        "in/a.json",
        "lain/A.json",
    ]);
    assert_eq!(
        names,
        [
            "Summary-2",
            "summary-2-2",
            "SUMMARY-INDICATORS-2",
            "a",
            "A-2"
        ]
    );
}

// 5. Write errors on standard output were ignored.

#[test]
fn a_write_error_on_standard_output_exits_4() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists here");
    let out = Command::new(BIN)
        .args([
            "gaps",
            f.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let help = Command::new(BIN)
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(4), "--help to a full disk");
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    let mut child = Command::new(BIN)
        .args(["gaps", f.to_str().unwrap(), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reading end closes before the command writes: a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_exits_4() {
    use std::os::unix::process::CommandExt;
    let f = fixture("aceh-tengah-spbe-2025.json");
    let mut cmd = Command::new(BIN);
    cmd.args(["score", f.to_str().unwrap(), "--lang", "en"]);
    // SAFETY: close(2) is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::close(1);
            Ok(())
        });
    }
    let out = cmd.stderr(Stdio::piped()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("standard output (closed)"), "{stderr}");
    // Output sent to /dev/null on purpose is no error.
    let tmp = tempfile::tempdir().unwrap();
    let script = format!("\"$BIN\" score '{}' > /dev/null", f.display());
    let out = sh(tmp.path(), &script);
    assert_eq!(out.status.code(), Some(0));
    let quiet = Command::new(BIN)
        .args(["score", f.to_str().unwrap()])
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
}

#[test]
fn a_full_disk_under_standard_output_exits_4() {
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    // 8 blocks (4 or 8 KiB) of a report of about 40 KB; SIGXFSZ ignored so
    // that the write fails with EFBIG.
    let script = format!(
        "trap '' XFSZ; ulimit -f 8 && \"$BIN\" gaps '{}' --format json --lang en > out.json",
        f.display()
    );
    let out = sh(tmp.path(), &script);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}

#[test]
fn an_unwritable_standard_error_does_not_abort() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full exists here")
    };
    // An error to report (exit 3) and a note (exit 0), stderr unwritable.
    let missing = Command::new(BIN)
        .args(["score", "no-such-file.json"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(3));
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let ok = Command::new(BIN)
        .args(["gaps", f.to_str().unwrap(), "-o"])
        .arg(tmp.path().join("r.md"))
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let batch = Command::new(BIN)
        .args(["batch", f.to_str().unwrap(), "no-such-file.json", "-o"])
        .arg(tmp.path().join("b"))
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(batch.status.code(), Some(1));
}

// 6. Excel's 32 767-character cell limit.

#[test]
fn long_texts_meeting_in_one_cell_are_cut_in_xlsx_and_whole_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    // Five sources of pemdi-2026:1 (spbe-2020 1, 2, 11, 12, 13), each
    // justification well within any reader's limit, together past Excel's.
    let texts: Vec<String> = "abcde"
        .chars()
        .map(|c| c.to_string().repeat(7_000))
        .collect();
    let answers: Vec<(u32, &str, &str)> = [1, 2, 11, 12, 13]
        .iter()
        .zip(&texts)
        .map(|(no, t)| (*no, "3", t.as_str()))
        .collect();
    let input = tmp.path().join("panjang.json");
    std::fs::write(&input, assessment("Kabupaten Panjang", &answers)).unwrap();
    for cmd in ["gaps", "convert"] {
        let out = format!("{cmd}.xlsx");
        let r = run_in(tmp.path(), &[cmd, "panjang.json", "-o", &out]);
        assert_eq!(r.code, 0, "{cmd}: {}", r.stderr);
        assert!(
            r.stderr.contains("sel melebihi batas Excel"),
            "{cmd}: {}",
            r.stderr
        );
        let cells = xlsx_cells(&tmp.path().join(&out));
        let cut: Vec<&String> = cells
            .iter()
            .flatten()
            .filter(|c| c.contains("terpotong"))
            .collect();
        assert!(!cut.is_empty(), "{cmd}: a cell is cut and says so");
        for c in cut {
            assert!(c.encode_utf16().count() <= 32_767, "{cmd}");
            assert!(c.ends_with("teks lengkap ada di keluaran JSON atau CSV]"));
        }
    }
    // The JSON and the CSV keep both texts whole.
    let r = run_in(tmp.path(), &["gaps", "panjang.json", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(texts.iter().all(|t| r.stdout.contains(t.as_str())));
    let r = run_in(tmp.path(), &["gaps", "panjang.json", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(texts.iter().all(|t| r.stdout.contains(t.as_str())));
}

#[test]
fn a_40000_character_agency_name_does_not_stop_a_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let name = format!("Kabupaten {}", "X".repeat(40_000));
    std::fs::write(
        input.join("a-panjang.json"),
        assessment(&name, &[(1, "3", "")]),
    )
    .unwrap();
    std::fs::copy(fixture("aceh-tengah-spbe-2025.json"), input.join("b.json")).unwrap();
    for format in ["md", "xlsx"] {
        let out = format!("out-{format}");
        let r = run_in(tmp.path(), &["batch", "in", "-o", &out, "--format", format]);
        // Read (0), or refused by a reader's limit and listed (1): never a
        // stopped batch.
        assert!(r.code == 0 || r.code == 1, "{format}: {}", r.stderr);
        let out = tmp.path().join(out);
        let csv = read(&out.join("summary.csv"));
        assert!(csv.contains("a-panjang.json"), "listed");
        assert!(csv.contains("b.json"));
        assert!(out.join("b.".to_string() + format).is_file());
        let cells = xlsx_cells(&out.join("summary.xlsx"));
        assert_eq!(cells.len(), 3, "header and two rows");
        if r.code == 0 {
            // The CSV keeps the name whole; the workbook cuts it.
            assert!(csv.contains(&name));
            assert!(cells[1][2].contains("terpotong"), "{}", &cells[1][2][..50]);
        }
    }
}

// 7. A full disk while streaming summary.xlsx panicked in the XLSX writer.

#[test]
fn a_full_disk_while_writing_the_summary_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // Many failing inputs: rows are cheap to make, and the workbook's
    // temporary sheet outgrows the other summary files.
    for i in 0..400 {
        std::fs::write(input.join(format!("rusak-{i:03}.json")), "{").unwrap();
    }
    for limit in [16, 64, 128] {
        let script = format!(
            "trap '' XFSZ; ulimit -f {limit} && \"$BIN\" batch in -o out-{limit} --summary-only --lang en"
        );
        let out = sh(tmp.path(), &script);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{limit}: {stderr}");
        assert!(!stderr.contains("internal error"), "{limit}: {stderr}");
        assert!(!stderr.contains("panicked"), "{limit}: {stderr}");
        // The XLSX writer's panic, caught at its boundary.
        assert!(
            stderr.contains("cannot write the spreadsheet") && stderr.contains("summary.xlsx"),
            "{limit}: {stderr}"
        );
        // Nothing half-written in place.
        let out_dir = tmp.path().join(format!("out-{limit}"));
        assert!(!out_dir.join("summary.xlsx").exists(), "{limit}");
    }
}

// 9. A race on `-o` without `--force`: exactly one wins.

#[test]
fn of_parallel_writers_without_force_exactly_one_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let children: Vec<_> = (0..20)
        .map(|_| {
            Command::new(BIN)
                .args(["gaps", f.to_str().unwrap(), "-o", "same.md"])
                .current_dir(tmp.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().unwrap().code().unwrap_or(-1))
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 0 || *c == 4), "{codes:?}");
}

#[test]
fn a_file_that_appears_while_writing_is_not_replaced_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.md");
    let mut pending = PendingFile::new(&path).unwrap();
    std::io::Write::write_all(&mut pending, b"mine").unwrap();
    std::fs::write(&path, "theirs").unwrap();
    let err = pending.commit_new().expect_err("it exists");
    assert_eq!(err.exit_code(), 4);
    assert_eq!(read(&path), "theirs");
    let left: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left, [path], "no temporary file left");
}

#[test]
fn two_batches_into_one_folder_without_force_one_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..30 {
        std::fs::copy(
            fixture("aceh-tengah-spbe-2025.json"),
            input.join(format!("a-{i:02}.json")),
        )
        .unwrap();
    }
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(BIN)
                .args(["batch", "in", "-o", "out", "--quiet"])
                .current_dir(tmp.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().unwrap().code().unwrap_or(-1))
        .collect();
    codes.sort();
    assert_eq!(codes, [0, 4]);
}

// 10. Formula injection in CSV outputs.

const EVIL_AGENCY: &str = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
const EVIL_TEXT: &str = "+cmd|' /C calc'!A0";
const EVIL_EVIDENCE: &str = "@SUM(1)";

/// Every field of a CSV text (`;`-delimited).
fn fields(csv: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .has_headers(false)
        .from_reader(csv.as_bytes());
    r.records()
        .flat_map(|rec| rec.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect()
}

fn assert_neutral(what: &str, csv: &str) {
    for f in fields(csv) {
        let first = f.chars().next();
        let number = f
            .trim_start_matches(['-', '+'])
            .replace(',', ".")
            .parse::<f64>()
            .is_ok();
        assert!(
            number || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
            "{what}: a cell starts a formula: {f:?}"
        );
    }
}

#[test]
fn csv_outputs_neutralise_formulas_but_not_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("=jahat.json"),
        assessment(
            EVIL_AGENCY,
            &[(1, "3", EVIL_TEXT), (2, "2", EVIL_EVIDENCE), (3, "4", "-1")],
        ),
    )
    .unwrap();
    let r = run_in(tmp.path(), &["gaps", "=jahat.json", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_neutral("gap worksheet", &r.stdout);
    assert!(r.stdout.contains(&format!("'{EVIL_TEXT}")), "{}", r.stdout);
    let r = run_in(tmp.path(), &["convert", "=jahat.json", "-o", "draf.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let draft = read(&tmp.path().join("draf.csv"));
    assert_neutral("draft", &draft);
    assert!(
        draft.contains(&format!("'{EVIL_AGENCY}").replace('"', "\"\"")),
        "{draft}"
    );
    // The draft reads back with the agency as it was.
    let r = run_in(tmp.path(), &["score", "draf.csv", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["agency"], EVIL_AGENCY);
    let r = run_in(tmp.path(), &["batch", "=jahat.json", "-o", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = read(&tmp.path().join("out").join("summary.csv"));
    assert_neutral("summary.csv", &summary);
    assert!(summary.contains("'=jahat.json"), "{summary}");
}

#[test]
fn csv_safe_prefixes_formulas_and_keeps_numbers() {
    use spbe_pemdi::sheet::{csv_safe, csv_unescape};
    for (cell, written) in [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-1 (bukti)", "'-1 (bukti)"),
        ("- butir pertama", "'- butir pertama"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("-1", "-1"),
        ("-0,5", "-0,5"),
        ("+0.068", "+0.068"),
        ("3,28", "3,28"),
        ("Kabupaten = Kota", "Kabupaten = Kota"),
        ("'kutip", "'kutip"),
        ("", ""),
    ] {
        assert_eq!(csv_safe(cell), written, "{cell:?}");
        assert_eq!(csv_unescape(written), cell, "{cell:?} reads back");
    }
}

#[test]
fn the_mapping_export_csv_neutralises_formulas() {
    let text = std::fs::read_to_string(
        crate::util::root().join("mappings/crosswalks/spbe-2018-to-spbe-2020.json"),
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["maps"][0]["rationale"] = serde_json::Value::from(EVIL_AGENCY);
    let dir = crate::util::temp_data_dir(&[(
        "spbe-2018-to-spbe-2020.json".to_string(),
        serde_json::to_string_pretty(&v).unwrap(),
    )]);
    let r = run_in(
        dir.path(),
        &[
            "--data",
            "data",
            "mapping",
            "export",
            "spbe-2018-to-spbe-2020",
            "--format",
            "csv",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_neutral("mapping export", &r.stdout);
    assert!(r.stdout.contains("'=HYPERLINK"), "{}", r.stdout);
}

// 18. Smaller ones.

#[cfg(unix)]
#[test]
fn output_onto_a_hard_link_of_the_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.json");
    std::fs::copy(fixture("aceh-tengah-spbe-2025.json"), &input).unwrap();
    std::fs::hard_link(&input, tmp.path().join("b.md")).unwrap();
    let before = std::fs::read(&input).unwrap();
    let r = run_in(
        tmp.path(),
        &["gaps", "a.json", "-o", "b.md", "--force", "--lang", "en"],
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("input file"), "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn force_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let r = run_in(
        tmp.path(),
        &["gaps", f.to_str().unwrap(), "-o", "r.md", "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(read(&out), "old");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn convert_format_without_output_is_a_usage_error() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    for format in ["xlsx", "csv", "json"] {
        let r = run_in(
            &crate::util::root(),
            &[
                "convert",
                f.to_str().unwrap(),
                "--format",
                format,
                "--lang",
                "en",
            ],
        );
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert!(r.stderr.contains("no -o was given"), "{}", r.stderr);
    }
}

#[test]
fn batch_exits_4_when_it_cannot_write_reports() {
    let tmp = tempfile::tempdir().unwrap();
    // Two inputs with one (long) stem: their reports are named after the
    // whole file names, one character too long for the file system.
    let stem = "k".repeat(250);
    for (dir, ext, f) in [
        ("a", "json", "aceh-tengah-spbe-2025.json"),
        ("b", "csv", "kabupaten-contoh-spbe-2024.csv"),
    ] {
        std::fs::create_dir_all(tmp.path().join(dir)).unwrap();
        std::fs::copy(
            fixture(f),
            tmp.path().join(dir).join(format!("{stem}.{ext}")),
        )
        .unwrap();
    }
    let r = run_in(
        tmp.path(),
        &["batch", "a", "b", "-o", "out", "--lang", "en"],
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(
        r.stderr.contains("cannot write the output file"),
        "{}",
        r.stderr
    );
    // The summary lists them as failed.
    let summary = read(&tmp.path().join("out").join("summary.csv"));
    assert_eq!(summary.matches(",failed,").count(), 2, "{summary}");
}

#[cfg(unix)]
#[test]
fn mapping_fmt_writes_through_a_symlinked_data_file() {
    let name = "spbe-2018-to-spbe-2020.json";
    let text = std::fs::read_to_string(crate::util::root().join("mappings/crosswalks").join(name))
        .unwrap();
    let dir = crate::util::temp_data_dir(&[]);
    // The real file elsewhere, not canonical (one line); a link to it.
    let real = dir.path().join("elsewhere.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    std::fs::write(&real, v.to_string()).unwrap();
    let link = dir.path().join("data/crosswalks").join(name);
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let r = run_in(dir.path(), &["--data", "data", "mapping", "fmt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        read(&real),
        text,
        "the target is rewritten in canonical form"
    );
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    // The id of a process that has ended.
    let mut child = Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    let dead = child.id();
    let host: String = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap_or_default()
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
        .collect();
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    let make = |name: String, old: bool| {
        let p = tmp.path().join(name);
        let f = std::fs::File::create(&p).unwrap();
        if old {
            f.set_modified(minutes_ago).unwrap();
        }
        p
    };
    let killed = make(format!(".spbe-pemdi-{host}-{dead}-aaaaaa.tmp"), true);
    let just_now = make(format!(".spbe-pemdi-{host}-{dead}-bbbbbb.tmp"), false);
    let me = std::process::id();
    let running = make(format!(".spbe-pemdi-{host}-{me}-cccccc.tmp"), true);
    let elsewhere = make(format!(".spbe-pemdi-lain.host-{dead}-dddddd.tmp"), true);
    let other = make(".lain-aaaaaa.tmp".to_string(), true);
    let f = fixture("aceh-tengah-spbe-2025.json");
    let r = run_in(tmp.path(), &["gaps", f.to_str().unwrap(), "-o", "r.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    if !host.is_empty() && Path::new("/proc/self").exists() {
        assert!(!killed.exists(), "the killed run's file is removed");
    }
    assert!(
        just_now.exists(),
        "a grace for processes this one cannot see"
    );
    assert!(running.exists(), "a running process's file stays");
    assert!(elsewhere.exists(), "another machine's file stays a day");
    assert!(other.exists(), "not ours");
}

#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_nothing_the_next_run_keeps() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..300 {
        std::fs::copy(
            fixture("aceh-tengah-spbe-2025.json"),
            input.join(format!("a-{i:03}.json")),
        )
        .unwrap();
    }
    let mut child = Command::new(BIN)
        .args(["batch", "in", "-o", "out", "--format", "html", "--quiet"])
        .current_dir(tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed (SIGKILL) once it has started writing.
    let out = tmp.path().join("out");
    let started = std::time::Instant::now();
    while !out.join("a-000.html").exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let temps = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".tmp"))
            .collect()
    };
    let left = temps(&out);
    assert!(
        !out.join("summary.csv").exists(),
        "no half summary in place"
    );
    // Made stale (older than the grace), then a new run in that folder.
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    for t in &left {
        std::fs::File::options()
            .write(true)
            .open(t)
            .unwrap()
            .set_modified(minutes_ago)
            .unwrap();
    }
    let r = run_in(
        tmp.path(),
        &["batch", "in", "-o", "out", "--format", "html", "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    if Path::new("/proc/self").exists() {
        assert_eq!(temps(&out), Vec::<PathBuf>::new(), "left before: {left:?}");
    }
}

#[cfg(unix)]
#[test]
fn batch_follows_symlinked_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::os::unix::fs::symlink(
        fixture("aceh-tengah-spbe-2025.json"),
        input.join("tautan.json"),
    )
    .unwrap();
    std::fs::copy(fixture("kota-contoh-spbe-2019.csv"), input.join("kota.csv")).unwrap();
    let r = run_in(tmp.path(), &["batch", "in", "-o", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("2 dari 2"), "{}", r.stdout);
    assert!(tmp.path().join("out/tautan.md").is_file());
}

#[test]
fn into_another_agencys_draft_is_refused_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let kemenkeu = fixture("kemenkeu-spbe-2024.json");
    let aceh = fixture("aceh-tengah-spbe-2025.json");
    let r = run_in(
        tmp.path(),
        &["convert", kemenkeu.to_str().unwrap(), "-o", "draf.json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let args = [
        "convert",
        aceh.to_str().unwrap(),
        "--into",
        "draf.json",
        "-o",
        "gabung.json",
        "--lang",
        "en",
    ];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("another agency"), "{}", r.stderr);
    assert!(r.stderr.contains("Aceh Tengah"), "{}", r.stderr);
    assert!(r.stderr.contains("Keuangan"), "{}", r.stderr);
    assert!(!tmp.path().join("gabung.json").exists());
    let mut forced = args.to_vec();
    forced.push("--force");
    let r = run_in(tmp.path(), &forced);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_crosswalk_pin_not_on_the_path_is_an_error() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    for cmd in ["convert", "gaps"] {
        let r = run_in(
            &crate::util::root(),
            &[
                cmd,
                f.to_str().unwrap(),
                "--crosswalk",
                "spbe-2018-to-spbe-2020",
                "--lang",
                "en",
            ],
        );
        assert_eq!(r.code, 2, "{cmd}: {}", r.stderr);
        assert!(r.stderr.contains("is not on the path"), "{}", r.stderr);
    }
    // In a batch, each file whose path does not use the pin fails (listed).
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "batch",
            f.to_str().unwrap(),
            "--crosswalk",
            "spbe-2018-to-spbe-2020",
            "-o",
            "out",
            "--lang",
            "en",
        ],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("is not on the path"), "{}", r.stderr);
    // A pin on the path is fine.
    let r = run_in(
        &crate::util::root(),
        &[
            "convert",
            f.to_str().unwrap(),
            "--crosswalk",
            "spbe-2020-to-pemdi-2026",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}
