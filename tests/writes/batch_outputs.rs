//! Batch outputs: no input overwritten (item 1), no report lost to a summary name (2),
//! a full disk while streaming summary.xlsx (7), reports that cannot be written (18),
//! symbolic links followed (18), one batch per folder (9).

use super::*;

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
        assert!(
            summary
                .trim_start_matches('\u{feff}')
                .starts_with("berkas;"),
            "{summary}"
        );
        let indicators = read(&out.join("summary-indicators.csv"));
        assert!(
            indicators.trim_start_matches('\u{feff}').starts_with("no;"),
            "{indicators}"
        );
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
