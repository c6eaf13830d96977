//! Batch mode: one report per agency and a summary (CSV, XLSX, HTML); a
//! broken file is reported, listed and skipped; exit codes; the same bytes
//! for the same inputs.

use std::path::Path;

use crate::util::{fixture, run_in};

/// A folder `in/` holding copies of some fixtures and one broken file.
fn inputs(dir: &Path, broken: bool) {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for f in [
        "aceh-tengah-spbe-2025.json",
        "kabupaten-contoh-spbe-2024.csv",
        "kabupaten-contoh-spbe-2024.xlsx",
        "kota-contoh-spbe-2019.csv",
        "kabupaten-contoh-pemdi-2025.json",
    ] {
        std::fs::copy(fixture(f), input.join(f)).unwrap();
    }
    std::fs::write(input.join("catatan.txt"), "not an input").unwrap();
    if broken {
        std::fs::copy(fixture("bad/truncated.json"), input.join("rusak.json")).unwrap();
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn a_broken_file_is_listed_and_the_rest_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path(), true);
    let r = run_in(
        tmp.path(),
        &["batch", "in", "-o", "out", "--format", "html"],
    );
    assert_eq!(r.code, 1, "some failed: {}", r.stderr);
    assert!(r.stderr.contains("in/rusak.json"), "{}", r.stderr);
    assert!(r.stdout.contains("5 dari 6"), "{}", r.stdout);
    let out = tmp.path().join("out");
    for name in [
        "aceh-tengah-spbe-2025.html",
        "kabupaten-contoh-spbe-2024-csv.html",
        "kabupaten-contoh-spbe-2024-xlsx.html",
        "kota-contoh-spbe-2019.html",
        "kabupaten-contoh-pemdi-2025.html",
    ] {
        let html = read(&out.join(name));
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
    }
    assert!(!out.join("rusak.html").exists());
    insta::assert_snapshot!("batch_summary_csv", read(&out.join("summary.csv")));
    insta::assert_snapshot!(
        "batch_summary_indicators_csv",
        read(&out.join("summary-indicators.csv"))
    );
    let html = read(&out.join("summary.html"));
    assert!(html.contains("<html lang=\"id\">"));
    assert!(html.contains("Gagal dibaca (1)") && html.contains("rusak.json"));
    assert!(html.contains("href=\"aceh-tengah-spbe-2025.html\""));
    assert!(!html.contains("<!--spbe-pemdi:"), "markers are replaced");
    // The page (issue 14, item 5): an Indonesian title, agencies first,
    // weakest indicators without the external indices (listed apart),
    // errors as sentences.
    assert!(html.contains("<title>Ringkasan Indeks Pemdi per instansi</title>"));
    assert!(
        !html.to_lowercase().contains("batch"),
        "no 'batch' on the page"
    );
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("<h2>Instansi (5)</h2>") < at("<h2>Indikator terlemah"));
    assert!(at("<h2>Indikator terlemah") < at("<h2>Gagal dibaca (1)</h2>"));
    let weakest = &html[at("<h2>Indikator terlemah")..at("<h2>Gagal dibaca (1)</h2>")];
    let (ranked, apart) = weakest.split_once("<h3>").unwrap();
    for external in [
        "Tata Kelola Data<",
        "Informasi Geospasial<",
        "Keamanan Pemdi<",
    ] {
        assert!(!ranked.contains(external), "{external} is not ranked");
    }
    assert!(apart.contains("5 Tingkat Kematangan Tata Kelola Data"));
    assert!(
        !html.contains("--&gt;") && !html.contains("<pre"),
        "no rustc-style blocks"
    );
    assert!(html.contains("Berkas in&#x2f;rusak.json, baris 2, kolom 34: JSON terpotong"));
    // The workbook: agencies (one row per input) and weakest indicators.
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("summary.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), ["Instansi", "Indikator terlemah"]);
    let agencies = wb.worksheet_range("Instansi").unwrap();
    assert_eq!(agencies.height(), 1 + 6);
    let weakest = wb.worksheet_range("Indikator terlemah").unwrap();
    assert_eq!(weakest.height(), 1 + 20);
}

#[test]
fn exit_codes_and_summary_only() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path(), false);
    let r = run_in(tmp.path(), &["batch", "in", "-o", "out", "--summary-only"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut files: Vec<String> = std::fs::read_dir(tmp.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "summary-indicators.csv",
            "summary.csv",
            "summary.html",
            "summary.xlsx"
        ]
    );
    // Again without --force: nothing is overwritten.
    let before = std::fs::read(tmp.path().join("out/summary.csv")).unwrap();
    let r = run_in(tmp.path(), &["batch", "in", "-o", "out", "--summary-only"]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("--force"));
    assert_eq!(
        std::fs::read(tmp.path().join("out/summary.csv")).unwrap(),
        before
    );
    let r = run_in(
        tmp.path(),
        &["batch", "in", "-o", "out", "--summary-only", "--force"],
    );
    assert_eq!(r.code, 0);
    // The output folder may not be an input folder.
    let r = run_in(tmp.path(), &["batch", "in", "-o", "in"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // Nothing readable: exit 3, the failures listed.
    let bad = tmp.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::copy(fixture("bad/truncated.json"), bad.join("a.json")).unwrap();
    std::fs::copy(fixture("bad/empty.csv"), bad.join("b.csv")).unwrap();
    let r = run_in(
        tmp.path(),
        &["batch", "bad", "-o", "out-bad", "--lang", "en"],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(read(&tmp.path().join("out-bad/summary.csv")).contains("failed"));
    // No input files at all: exit 3.
    std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let r = run_in(tmp.path(), &["batch", "empty", "-o", "out-empty"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
}

#[test]
fn same_inputs_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path(), true);
    for out in ["a", "b"] {
        let r = run_in(tmp.path(), &["batch", "in", "-o", out, "--format", "xlsx"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
    }
    for f in [
        "summary.csv",
        "summary-indicators.csv",
        "summary.xlsx",
        "summary.html",
        "aceh-tengah-spbe-2025.xlsx",
    ] {
        let a = std::fs::read(tmp.path().join("a").join(f)).unwrap();
        let b = std::fs::read(tmp.path().join("b").join(f)).unwrap();
        assert!(a == b, "{f} differs");
    }
}

#[test]
fn report_names_stay_apart() {
    use spbe_pemdi::batch::inputs::report_names;
    use std::path::PathBuf;
    let files: Vec<PathBuf> = [
        "x/a.json",
        "x/a.csv",
        "y/a.json",
        "x/b.json",
        "x/a-json.csv",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(
        report_names(&files),
        ["a-json", "a-csv", "a-json-2", "b", "a-json-3"]
    );
}

#[test]
fn the_outline_matches_the_full_conversion() {
    use spbe_pemdi::convert::{ConvertOptions, Converter};
    let data = crate::util::data();
    for f in [
        "aceh-tengah-spbe-2025.json",
        "kabupaten-contoh-spbe-2024.xlsx",
        "kota-contoh-spbe-2019.csv",
        "kabupaten-contoh-pemdi-2025.json",
        "xss-spbe-2024.csv",
    ] {
        let a = spbe_pemdi::assessment::read(&fixture(f), &data.catalog, None).unwrap();
        let c = Converter::new(&data, &a.framework, &ConvertOptions::default()).unwrap();
        let full = c.convert(&a).unwrap();
        let lean = c.outline(&a).unwrap();
        assert_eq!(full.indicators.len(), lean.targets.len());
        for (x, y) in full.indicators.iter().zip(&lean.targets) {
            assert_eq!(
                (x.class, x.value, x.estimate, x.face_value, x.confidence),
                (y.class, y.value, y.estimate, y.face_value, y.confidence),
                "{f} {}",
                x.id
            );
        }
        let p = &full.projected_index;
        let q = lean.index;
        assert_eq!((p.point, p.low, p.high), (q.point, q.low, q.high), "{f}");
        let (s, t) = (&full.source, &lean.source);
        assert_eq!(
            (s.index, s.low, s.high, s.answered, s.total, &s.predicate),
            (t.index, t.low, t.high, t.answered, t.total, &t.predicate),
            "{f}"
        );
    }
}

/// Rows keep the input order across chunks (rows are written on another
/// thread while the next chunk converts), failures where they occur: in
/// summary.csv, summary.html and the messages on stderr.
#[test]
fn rows_keep_the_input_order_across_chunks() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let json = read(&fixture("kemenkeu-spbe-2024.json"));
    let broken = std::fs::read(fixture("bad/truncated.json")).unwrap();
    // More than one chunk of 1024; failures first, last, and at a chunk edge.
    let n = 1030;
    let bad = [0, 517, 1023, 1024, n - 1];
    for i in 0..n {
        let path = input.join(format!("a{i:04}.json"));
        if bad.contains(&i) {
            std::fs::write(path, &broken).unwrap();
        } else {
            let agency = format!("Instansi {i:04}");
            std::fs::write(path, json.replace("Kementerian Keuangan", &agency)).unwrap();
        }
    }
    let r = run_in(
        tmp.path(),
        &["--lang", "en", "batch", "in", "-o", "out", "--summary-only"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = tmp.path().join("out");
    let mut csv = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(&row[0], format!("in/a{i:04}.json"), "row {i}");
        if bad.contains(&i) {
            assert_eq!(&row[16], "failed", "row {i}");
        } else {
            assert_eq!(
                (&row[2], &row[16]),
                (format!("Instansi {i:04}").as_str(), "ok")
            );
        }
    }
    // The page lists the agencies, then the failures, each in input order.
    let html = read(&out.join("summary.html"));
    let positions = |names: Vec<String>| -> Vec<usize> {
        names
            .iter()
            .map(|s| {
                html.find(s.as_str())
                    .unwrap_or_else(|| panic!("{s} missing"))
            })
            .collect()
    };
    let ok = positions(
        (0..n)
            .filter(|i| !bad.contains(i))
            .map(|i| format!(">Instansi {i:04}<"))
            .collect(),
    );
    assert!(ok.is_sorted(), "agency rows in input order");
    let failed = positions(
        bad.iter()
            .map(|i| format!("<strong>in&#x2f;a{i:04}.json</strong>"))
            .collect(),
    );
    assert!(failed.is_sorted(), "failures in input order");
    let reported: Vec<usize> = bad
        .iter()
        .map(|i| {
            r.stderr
                .find(&format!("in/a{i:04}.json"))
                .expect("reported")
        })
        .collect();
    assert!(reported.is_sorted(), "{}", r.stderr);
}

/// Folders list their assessment files by name (hidden files, other
/// extensions and subfolders left out), files named one by one stay where
/// they are given, and the compact list gives back the same paths as
/// sorting the paths themselves.
#[test]
fn discovered_files_in_order() {
    use spbe_pemdi::batch::inputs::discover;
    use std::path::PathBuf;
    let tmp = tempfile::tempdir().unwrap();
    let (x, y, empty) = (
        tmp.path().join("x"),
        tmp.path().join("y"),
        tmp.path().join("empty"),
    );
    for d in [&x, &y, &empty, &x.join("sub.json")] {
        std::fs::create_dir_all(d).unwrap();
    }
    let mut names: Vec<std::ffi::OsString> = [
        "b.json",
        "a.CSV",
        ".hidden.json",
        "c.txt",
        "d.xlsx",
        "ä.ods",
        "A.json",
        "e.Xls",
        "f.xlsm",
        "g",
        "h.json.bak",
    ]
    .iter()
    .map(Into::into)
    .collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        names.push(std::ffi::OsString::from_vec(b"\xffz.json".to_vec()));
        names.push(std::ffi::OsString::from_vec(b"z\xfe.csv".to_vec()));
    }
    for n in &names {
        std::fs::write(x.join(n), "{}").unwrap();
    }
    std::fs::write(y.join("a.json"), "{}").unwrap();
    let loose = tmp.path().join("loose.txt");
    let inputs = vec![
        empty.clone(),
        x.clone(),
        loose.clone(),
        y.clone(),
        x.clone(),
    ];
    let files = discover(&inputs).unwrap();
    // The list as paths sorted per folder.
    let mut in_x: Vec<PathBuf> = names
        .iter()
        .map(|n| x.join(n))
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or_default();
            let hidden = p.file_name().unwrap().as_encoded_bytes().starts_with(b".");
            !hidden
                && ["json", "csv", "xlsx", "xlsm", "xls", "ods"]
                    .contains(&ext.to_ascii_lowercase().as_str())
        })
        .collect();
    in_x.sort();
    let mut expected = in_x.clone();
    expected.push(loose);
    expected.push(y.join("a.json"));
    expected.extend(in_x);
    assert_eq!(files.iter().collect::<Vec<_>>(), expected);
    assert_eq!(files.len(), expected.len());
    assert_eq!(files.get(expected.len()), None);
    assert_eq!(files.get(0).unwrap(), x.join("A.json"));
    // Nothing to read at all.
    assert!(discover(&[empty]).is_err());
}
