//! Spreadsheets read as offices keep them (issue 13): ranked value columns,
//! note columns, total rows, number/name cross-checks, another framework's
//! names, every error at once, CRLF line numbers and the smaller points.
//! Transcripts in both languages.

use std::path::Path;

use crate::util::{fixture, run, run_in};

/// A self-assessment beside the verified value, a second note column, a
/// domain row and a total row, a year written as a range.
const OFFICE: &str = "framework;spbe-2020\n\
tahun;2024/2025\n\
No;Indikator;Nilai Mandiri;Nilai Verifikasi;Penjelasan;Catatan\n\
DOMAIN 1;KEBIJAKAN INTERNAL SPBE;;;;\n\
1;Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah;3;2;ada SK;perlu diperbarui\n\
2;Kebijakan Internal Peta Rencana SPBE;4;3;;\n\
Indeks SPBE;;;2,71;;\n";

fn write(dir: &Path, name: &str, text: &[u8]) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Both languages' transcripts of one command run in `dir`.
fn both(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut out = String::new();
    let mut code = 0;
    for lang in ["id", "en"] {
        let mut a = args.to_vec();
        a.extend(["--lang", lang]);
        let r = run_in(dir, &a);
        code = r.code;
        out.push_str(&r.transcript(&a));
        out.push('\n');
    }
    (code, out)
}

#[test]
fn issue13_office_layout_reads_the_verified_value_and_skips_total_rows() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hasil.csv", OFFICE.as_bytes());
    let (code, t) = both(dir.path(), &["score", "hasil.csv"]);
    assert_eq!(code, 0, "{t}");
    // The verified values (2 and 3), not the self-assessment (3 and 4).
    let a = spbe_pemdi::assessment::read(
        &dir.path().join("hasil.csv"),
        &crate::util::data().catalog,
        None,
    )
    .unwrap();
    let values: Vec<String> = a.answers.iter().map(|a| a.value.to_string()).collect();
    assert_eq!(values, ["2", "3"]);
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_column_chooses_the_value_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hasil.csv", OFFICE.as_bytes());
    let verified = run_in(dir.path(), &["score", "hasil.csv", "--json"]);
    let own = run_in(
        dir.path(),
        &["score", "hasil.csv", "--json", "--column", "Nilai Mandiri"],
    );
    assert_eq!(own.code, 0, "{}", own.stderr);
    assert_ne!(verified.stdout, own.stdout);
    assert!(
        own.stderr.contains("dipilih dengan --column"),
        "{}",
        own.stderr
    );
    let missing = run_in(
        dir.path(),
        &["score", "hasil.csv", "--column", "Skor Akhir"],
    );
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    insta::assert_snapshot!(missing.transcript(&["score", "hasil.csv", "--column", "Skor Akhir"]));
}

#[test]
fn issue13_second_note_column_is_kept_and_carried_into_drafts() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hasil.csv", OFFICE.as_bytes());
    let r = run_in(dir.path(), &["convert", "hasil.csv", "-o", "draf.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = spbe_pemdi::assessment::read(
        &dir.path().join("hasil.csv"),
        &crate::util::data().catalog,
        None,
    )
    .unwrap();
    assert_eq!(a.answers[0].justification.as_deref(), Some("ada SK"));
    assert_eq!(a.notes.columns, ["Nilai Mandiri", "Catatan"]);
    assert_eq!(a.notes.rows["1"].cells["Catatan"], "perlu diperbarui");
    // The second explanation column travels with the old justification.
    let draft = std::fs::read_to_string(dir.path().join("draf.csv")).unwrap();
    assert!(
        draft.contains("[spbe-2020:1] ada SK (Catatan: perlu diperbarui)"),
        "{draft}"
    );
    // Merging into a draft that has such a column keeps it.
    let with_col = draft.replacen("catatan_konversi", "catatan_konversi;Catatan Tim", 1);
    write(dir.path(), "draf-tim.csv", with_col.as_bytes());
    let m = run_in(
        dir.path(),
        &[
            "convert",
            "hasil.csv",
            "--into",
            "draf-tim.csv",
            "-o",
            "baru.csv",
        ],
    );
    assert_eq!(m.code, 0, "{}", m.stderr);
    let out = std::fs::read_to_string(dir.path().join("baru.csv")).unwrap();
    assert!(out.contains("catatan_konversi;Catatan Tim"), "{out}");
}

#[test]
fn issue13_number_and_name_must_agree() {
    let (code, t) = both(
        &crate::util::root(),
        &["score", "fixtures/bad/csv-number-name-mismatch.csv"],
    );
    assert_eq!(code, 3);
    assert!(
        t.contains("spbe-2020:1") && t.contains("spbe-2020:3"),
        "{t}"
    );
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_names_of_another_framework_are_an_error_naming_it() {
    let (code, t) = both(
        &crate::util::root(),
        &[
            "score",
            "fixtures/bad/csv-names-of-another-framework.csv",
            "--framework",
            "pemdi-2026",
        ],
    );
    assert_eq!(code, 3);
    assert!(t.contains("belong to spbe-2020, not pemdi-2026"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_every_error_of_a_file_at_once() {
    let (code, t) = both(
        &crate::util::root(),
        &["score", "fixtures/bad/csv-every-error-at-once.csv"],
    );
    assert_eq!(code, 3);
    assert!(t.contains("5 errors in this file"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_errors_past_the_limit_are_counted() {
    let mut text = String::from("framework;spbe-2020\nNo;Nilai\n");
    for n in 1..=47 {
        text.push_str(&format!("{n};9\n"));
    }
    for n in 0..10 {
        text.push_str(&format!(";{n}\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "banyak.csv", text.as_bytes());
    let r = run_in(dir.path(), &["score", "banyak.csv", "--lang", "en"]);
    assert_eq!(r.code, 3);
    assert_eq!(r.stderr.matches("error:").count(), 50);
    assert!(
        r.stderr.contains("57 errors in this file; 7 not shown"),
        "{}",
        r.stderr
    );
}

#[test]
fn issue13_crlf_cr_and_bom_files_get_the_right_line() {
    let dir = tempfile::tempdir().unwrap();
    let body = ["framework;spbe-2020", "No;Nilai", "1;3", "2;9"];
    for (name, eol, bom) in [
        ("lf.csv", "\n", false),
        ("crlf.csv", "\r\n", false),
        ("crlf-bom.csv", "\r\n", true),
        ("cr.csv", "\r", false),
        ("lf-bom.csv", "\n", true),
    ] {
        let mut bytes = if bom { vec![0xEF, 0xBB, 0xBF] } else { vec![] };
        bytes.extend(body.join(eol).bytes());
        bytes.extend(eol.bytes());
        write(dir.path(), name, &bytes);
        let r = run_in(dir.path(), &["score", name, "--lang", "en"]);
        assert_eq!(r.code, 3, "{name}");
        assert!(
            r.stderr.contains(&format!("--> {name}:4:3")) && r.stderr.contains("4 | 2;9"),
            "{name}: {}",
            r.stderr
        );
    }
    let (_, t) = both(
        &crate::util::root(),
        &["score", "fixtures/bad/csv-crlf-bad-value.csv"],
    );
    assert!(t.contains("csv-crlf-bad-value.csv:6:3"), "{t}");
}

#[test]
fn issue13_formula_without_a_cached_value_is_an_error_naming_the_cell() {
    let (code, t) = both(
        &crate::util::root(),
        &["score", "fixtures/bad/xlsx-formula-no-value.xlsx"],
    );
    assert_eq!(code, 3);
    assert!(t.contains("[Penilaian!B4]") && t.contains("=A4+1"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_external_with_a_decimal_comma() {
    let d = |s: &str| spbe_pemdi::decimal::parse(s).unwrap();
    let got = spbe_pemdi::score::external::parse_arg("sdi=68,75,sjig=2,1;epss=3").unwrap();
    assert_eq!(
        got,
        vec![
            ("sdi".to_string(), d("68.75")),
            ("sjig".to_string(), d("2.1")),
            ("epss".to_string(), d("3")),
        ]
    );
    let dot = run(&[
        "score",
        "fixtures/kabupaten-contoh-pemdi-2026.csv",
        "--external",
        "sdi=68.75",
        "--json",
    ]);
    let comma = run(&[
        "score",
        "fixtures/kabupaten-contoh-pemdi-2026.csv",
        "--external",
        "sdi=68,75",
        "--json",
    ]);
    assert_eq!(comma.code, 0, "{}", comma.stderr);
    assert_eq!(dot.stdout, comma.stdout);
}

#[test]
fn issue13_framework_written_loosely_is_understood_or_corrected() {
    let file = "fixtures/kabupaten-contoh-spbe-2024.csv";
    let exact = run(&["score", file, "--framework", "spbe-2020", "--json"]);
    for loose in ["SPBE-2020", "spbe2020", "Spbe_2020"] {
        let r = run(&["score", file, "--framework", loose, "--json"]);
        assert_eq!(r.code, 0, "{loose}: {}", r.stderr);
        assert_eq!(r.stdout, exact.stdout, "{loose}");
    }
    let (code, t) = both(&crate::util::root(), &["show", "spbe-2021"]);
    assert_eq!(code, 2);
    assert!(t.contains("did you mean `spbe-2020`"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_year_range_takes_the_last_year_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hasil.csv", OFFICE.as_bytes());
    let r = run_in(
        dir.path(),
        &["score", "hasil.csv", "--json", "--lang", "en"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("year `2024/2025` read as 2025"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("\"year\": 2025"), "{}", r.stdout);
}

#[test]
fn issue13_explain_with_a_bare_number_hints_the_full_id() {
    let (code, t) = both(
        &crate::util::root(),
        &[
            "explain",
            "8",
            "--from",
            "fixtures/aceh-tengah-spbe-2025.json",
        ],
    );
    assert_eq!(code, 2);
    assert!(t.contains("pemdi-2026:8"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_pdf_renamed_xlsx_is_called_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hasil.xlsx",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    );
    let (code, t) = both(dir.path(), &["score", "hasil.xlsx"]);
    assert_eq!(code, 3);
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_missing_output_folder_is_named_not_a_temp_path() {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("aceh-tengah-spbe-2025.json");
    let (code, t) = both(
        dir.path(),
        &["convert", src.to_str().unwrap(), "-o", "tidak-ada/draf.csv"],
    );
    assert_eq!(code, 4);
    assert!(!t.contains(".tmp"), "{t}");
    assert!(t.contains("`tidak-ada`"), "{t}");
    let t = t.replace(src.to_str().unwrap(), "aceh-tengah-spbe-2025.json");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_folder_given_to_score_hints_batch() {
    let (code, t) = both(&crate::util::root(), &["score", "fixtures"]);
    assert_eq!(code, 3);
    assert!(t.contains("spbe-pemdi batch fixtures"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn issue13_batch_framework_is_the_default_not_an_override() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("masuk");
    std::fs::create_dir(&inputs).unwrap();
    // One file declares spbe-2018; the other says nothing.
    std::fs::copy(
        fixture("kota-contoh-spbe-2019.csv"),
        inputs.join("kota.csv"),
    )
    .unwrap();
    write(&inputs, "tanpa.csv", b"No;Nilai\n1;3\n2;4\n");
    let r = run_in(
        dir.path(),
        &[
            "batch",
            "masuk",
            "-o",
            "keluar",
            "--framework",
            "spbe-2020",
            "--summary-only",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = std::fs::read_to_string(dir.path().join("keluar/summary.csv")).unwrap();
    assert!(
        !summary.contains("failed") && !summary.contains("gagal"),
        "{summary}"
    );
    assert!(
        summary.contains("spbe-2018") && summary.contains("spbe-2020"),
        "{summary}"
    );
}

#[test]
fn issue13_batch_skips_office_lock_and_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("masuk");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        fixture("kabupaten-contoh-spbe-2024.xlsx"),
        inputs.join("kab.xlsx"),
    )
    .unwrap();
    // What Excel and editors leave beside an open file.
    write(&inputs, "~$kab.xlsx", b"\x00lock");
    write(&inputs, "kab.csv~", b"junk");
    write(&inputs, "~kab.tmp.csv", b"junk");
    let r = run_in(
        dir.path(),
        &["batch", "masuk", "-o", "keluar", "--summary-only"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = std::fs::read_to_string(dir.path().join("keluar/summary.csv")).unwrap();
    assert_eq!(summary.lines().count(), 2, "{summary}");
}

#[test]
fn issue13_notices_are_in_json_outputs_too() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hasil.csv", OFFICE.as_bytes());
    for args in [
        vec!["score", "hasil.csv", "--json", "--lang", "en"],
        vec!["convert", "hasil.csv", "--json", "--lang", "en"],
    ] {
        let r = run_in(dir.path(), &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let notices = v["notices"].as_array().unwrap();
        assert_eq!(notices.len(), 3, "{args:?}");
        assert!(notices[1].as_str().unwrap().contains("`Nilai Verifikasi`"));
    }
    // Without notices, no `notices` member.
    let r = run(&["score", "fixtures/aceh-tengah-spbe-2025.json", "--json"]);
    assert!(!r.stdout.contains("\"notices\""));
}
