//! The CSV and XLSX outputs opened in a real spreadsheet program
//! (LibreOffice Calc, headless): the Indonesian CSVs imported as a
//! spreadsheet set up for Indonesia reads them (`;` between fields, decimal
//! comma, locale id-ID), the English ones as one set up for the US (`,`,
//! decimal point); the workbooks as they are. Every number arrives as a
//! number, never as text, and the known decimals keep their value.
//!
//! LibreOffice must be installed in CI (`.ci/run` installs
//! `libreoffice-calc`; CI sets `CI=true`); elsewhere the test is skipped
//! with a note when it is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::run;

mod fods;
use fods::{Cell, rows};

fn soffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Converts `files` to flat ODS in `out` with one LibreOffice run, with the
/// CSV import filter options `filter` (or none for workbooks).
fn convert(bin: &Path, profile: &Path, out: &Path, filter: Option<&str>, files: &[PathBuf]) {
    let mut cmd = Command::new(bin);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore"]);
    if let Some(f) = filter {
        cmd.arg(format!("--infilter={f}"));
    }
    cmd.args(["--convert-to", "fods", "--outdir"])
        .arg(out)
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let status = cmd.status().expect("LibreOffice starts");
    assert!(status.success(), "LibreOffice failed: {status}");
}

fn sheet(out: &Path, file: &Path) -> Vec<Vec<Cell>> {
    let stem = file.file_stem().unwrap().to_str().unwrap();
    let path = out.join(format!("{stem}.fods"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} was not converted: {e}", path.display()));
    rows(&text)
}

/// Looks like a number written as text: `1,45`, `1.45`, `3`.
fn numeric_text(s: &str) -> bool {
    let s = s.trim().trim_start_matches('-');
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.matches([',', '.']).count() <= 1
}

/// Checks a converted sheet: the header row is the first row whose first
/// cell is `first_header`; below it, every non-empty cell of the columns
/// named `numeric` is a number; no cell anywhere holds a number as text;
/// and the row whose column `key` is `key_value` has `want` in column
/// `col`.
struct Expect<'a> {
    first_header: &'a str,
    numeric: &'a [&'a str],
    key: &'a str,
    key_value: &'a str,
    col: &'a str,
    /// Our CSV holding the value, and its language.
    from: (PathBuf, &'a str),
}

fn check(name: &str, rows: &[Vec<Cell>], e: &Expect) {
    for (y, r) in rows.iter().enumerate() {
        for (x, c) in r.iter().enumerate() {
            assert!(
                !(c.kind == "string" && numeric_text(&c.text)),
                "{name}: row {} column {} holds the number {:?} as text",
                y + 1,
                x + 1,
                c.text
            );
        }
    }
    let h = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c.text == e.first_header))
        .unwrap_or_else(|| panic!("{name}: no header row starting with {}", e.first_header));
    let col = |n: &str| {
        rows[h]
            .iter()
            .position(|c| c.text == n)
            .unwrap_or_else(|| panic!("{name}: no column {n}"))
    };
    let mut numbers = 0;
    for n in e.numeric {
        let x = col(n);
        for r in &rows[h + 1..] {
            if let Some(c) = r.get(x).filter(|c| !c.kind.is_empty()) {
                assert_eq!(
                    c.kind, "float",
                    "{name}: column {n} holds {:?} as text",
                    c.text
                );
                numbers += 1;
            }
        }
    }
    assert!(numbers > 0, "{name}: no numbers in {:?}", e.numeric);
    let (k, x) = (col(e.key), col(e.col));
    let row = rows[h + 1..]
        .iter()
        .find(|r| r.get(k).is_some_and(|c| c.text == e.key_value))
        .unwrap_or_else(|| panic!("{name}: no row with {} = {}", e.key, e.key_value));
    let got = row.get(x).and_then(|c| c.value);
    let want = written(&e.from.0, e.from.1, e);
    assert_eq!(got, Some(want), "{name}: {} of {}", e.col, e.key_value);
    assert!(
        want.fract() != 0.0 || e.col.contains("bobot") || e.col.contains("weight"),
        "{name}: {} of {} is whole ({want}): pick a value with a fraction",
        e.col,
        e.key_value
    );
}

/// The value we wrote: column `e.col` of the row keyed `e.key_value` in
/// our own CSV `path` (`;` and decimal comma in Indonesian).
fn written(path: &Path, lang: &str, e: &Expect) -> f64 {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(if lang == "id" { b';' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let h = rows
        .iter()
        .position(|r| r.get(0) == Some(e.first_header))
        .unwrap();
    let col = |n: &str| rows[h].iter().position(|c| c == n).unwrap();
    let (k, x) = (col(e.key), col(e.col));
    let row = rows[h + 1..]
        .iter()
        .find(|r| r.get(k) == Some(e.key_value))
        .unwrap();
    let v = row.get(x).unwrap();
    if lang == "id" {
        assert!(
            !v.contains('.'),
            "{}: {v} has a decimal point",
            path.display()
        );
    }
    v.replace(',', ".").parse().unwrap()
}

fn write(args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
}

#[test]
fn csv_and_xlsx_outputs_open_as_numbers_in_libreoffice() {
    let Some(bin) = soffice() else {
        assert!(
            !in_ci(),
            "LibreOffice is missing in CI: .ci/run installs it (apt-get install libreoffice-calc)"
        );
        eprintln!("note: LibreOffice not found; skipping the spreadsheet test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = |n: &str| d.join(n);
    let s = |n: &str| d.join(n).to_str().unwrap().to_string();
    let aceh = "fixtures/aceh-tengah-spbe-2025.json";
    let kab = "fixtures/kabupaten-contoh-spbe-2024.csv";
    for lang in ["id", "en"] {
        // An index value given: its conversion (1,1) is a number with a
        // fraction, whatever the rungs make of the old answers.
        for fmt in ["csv", "xlsx"] {
            write(&[
                "convert",
                aceh,
                "--external",
                "sdi=2.5",
                "--lang",
                lang,
                "-o",
                &s(&format!("draft-{lang}.{fmt}")),
            ]);
        }
        for fmt in ["csv", "xlsx"] {
            let out = s(&format!("gaps-{lang}.{fmt}"));
            write(&[
                "gaps",
                kab,
                "--external",
                "sdi=2.5",
                "--lang",
                lang,
                "--format",
                fmt,
                "-o",
                &out,
            ]);
        }
        let out = s(&format!("export-{lang}.csv"));
        let args = [
            "mapping",
            "export",
            "spbe-2018-to-spbe-2020",
            "--format",
            "csv",
        ];
        write(&[&args[..], &["--lang", lang, "-o", &out]].concat());
        let batch = s(&format!("batch-{lang}"));
        write(&["batch", aceh, kab, "--lang", lang, "--output", &batch]);
        for f in ["summary.csv", "summary-indicators.csv", "summary.xlsx"] {
            std::fs::rename(
                p(&format!("batch-{lang}")).join(f),
                p(&format!("batch-{lang}-{f}")),
            )
            .unwrap();
        }
    }
    // Indonesian CSVs start with a BOM (Excel then reads UTF-8).
    for f in [
        "draft-id.csv",
        "gaps-id.csv",
        "export-id.csv",
        "batch-id-summary.csv",
    ] {
        let bytes = std::fs::read(p(f)).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{f} has no BOM");
    }
    for f in [
        "draft-en.csv",
        "gaps-en.csv",
        "export-en.csv",
        "batch-en-summary.csv",
    ] {
        let bytes = std::fs::read(p(f)).unwrap();
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "{f} has a BOM");
    }
    let id_csv: Vec<PathBuf> = [
        "draft-id",
        "gaps-id",
        "export-id",
        "batch-id-summary",
        "batch-id-summary-indicators",
    ]
    .iter()
    .map(|n| p(&format!("{n}.csv")))
    .collect();
    let en_csv: Vec<PathBuf> = [
        "draft-en",
        "gaps-en",
        "export-en",
        "batch-en-summary",
        "batch-en-summary-indicators",
    ]
    .iter()
    .map(|n| p(&format!("{n}.csv")))
    .collect();
    let xlsx: Vec<PathBuf> = [
        "draft-id",
        "gaps-id",
        "batch-id-summary",
        "draft-en",
        "gaps-en",
    ]
    .iter()
    .map(|n| p(&format!("{n}.xlsx")))
    .collect();
    let out = p("out");
    let profile = p("profile");
    // CSV filter options: separator (59 `;`, 44 `,`), text delimiter `"`,
    // UTF-8 (76), from line 1, no column types, locale (1057 id-ID, 1033 en-US).
    convert(&bin, &profile, &out, Some("CSV:59,34,76,1,,1057"), &id_csv);
    convert(&bin, &profile, &out, Some("CSV:44,34,76,1,,1033"), &en_csv);
    let out_xlsx = p("out-xlsx");
    convert(&bin, &profile, &out_xlsx, None, &xlsx);

    let draft = |lang: &'static str| Expect {
        first_header: "no",
        numeric: if lang == "id" {
            &["nilai", "rentang_bawah", "rentang_atas"]
        } else {
            &["value", "range_low", "range_high"]
        },
        key: if lang == "id" {
            "indikator"
        } else {
            "indicator"
        },
        key_value: "pemdi-2026:5",
        col: if lang == "id" {
            "rentang_bawah"
        } else {
            "range_low"
        },
        from: (p(&format!("draft-{lang}.csv")), lang),
    };
    let gaps = |lang: &'static str| Expect {
        first_header: "no",
        numeric: if lang == "id" {
            &[
                "bobot",
                "saran",
                "rentang_bawah",
                "rentang_atas",
                "poin_sampai_puncak",
            ]
        } else {
            &[
                "weight",
                "suggested",
                "range_low",
                "range_high",
                "points_to_top",
            ]
        },
        key: if lang == "id" {
            "indikator"
        } else {
            "indicator"
        },
        key_value: "pemdi-2026:5",
        col: if lang == "id" { "saran" } else { "suggested" },
        from: (p(&format!("gaps-{lang}.csv")), lang),
    };
    let summary = |lang: &'static str| Expect {
        first_header: if lang == "id" { "berkas" } else { "file" },
        numeric: if lang == "id" {
            &[
                "tahun",
                "indeks_lalu_bawah",
                "proyeksi",
                "proyeksi_bawah",
                "proyeksi_atas",
            ]
        } else {
            &[
                "year",
                "last_index_low",
                "projected",
                "projected_low",
                "projected_high",
            ]
        },
        key: if lang == "id" { "berkas" } else { "file" },
        key_value: aceh,
        col: if lang == "id" {
            "proyeksi"
        } else {
            "projected"
        },
        from: (p(&format!("batch-{lang}-summary.csv")), lang),
    };
    let indicators = |lang: &'static str| Expect {
        first_header: "no",
        numeric: if lang == "id" {
            &["bobot", "rata_rata_proyeksi"]
        } else {
            &["weight", "mean_projection"]
        },
        key: if lang == "id" {
            "indikator"
        } else {
            "indicator"
        },
        key_value: "pemdi-2026:4",
        col: if lang == "id" { "bobot" } else { "weight" },
        from: (p(&format!("batch-{lang}-summary-indicators.csv")), lang),
    };
    let export = |lang: &'static str| Expect {
        first_header: if lang == "id" { "jenis" } else { "kind" },
        numeric: if lang == "id" {
            &["cakupan"]
        } else {
            &["coverage"]
        },
        key: if lang == "id" { "peta" } else { "map" },
        key_value: "architecture-policy",
        col: if lang == "id" { "cakupan" } else { "coverage" },
        from: (p(&format!("export-{lang}.csv")), lang),
    };
    for lang in ["id", "en"] {
        let f = |n: &str| p(n);
        check(
            &format!("draft-{lang}.csv"),
            &sheet(&out, &f(&format!("draft-{lang}.csv"))),
            &draft(lang),
        );
        check(
            &format!("draft-{lang}.xlsx"),
            &sheet(&out_xlsx, &f(&format!("draft-{lang}.xlsx"))),
            &draft(lang),
        );
        check(
            &format!("gaps-{lang}.csv"),
            &sheet(&out, &f(&format!("gaps-{lang}.csv"))),
            &gaps(lang),
        );
        check(
            &format!("gaps-{lang}.xlsx"),
            &sheet(&out_xlsx, &f(&format!("gaps-{lang}.xlsx"))),
            &gaps(lang),
        );
        check(
            &format!("export-{lang}.csv"),
            &sheet(&out, &f(&format!("export-{lang}.csv"))),
            &export(lang),
        );
        let s = format!("batch-{lang}-summary.csv");
        check(&s, &sheet(&out, &f(&s)), &summary(lang));
        let s = format!("batch-{lang}-summary-indicators.csv");
        check(&s, &sheet(&out, &f(&s)), &indicators(lang));
    }
    check(
        "batch-id-summary.xlsx",
        &sheet(&out_xlsx, &p("batch-id-summary.xlsx")),
        &summary("id"),
    );
}
