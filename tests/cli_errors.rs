//! Bad input: every error names the file and the place, exits non-zero,
//! and never panics. One transcript snapshot per bad file.

use crate::util::run;

/// Every file under fixtures/bad, with the framework to pass when the file
/// does not say its own.
const CASES: &[(&str, Option<&str>)] = &[
    ("ambiguous-name.csv", Some("spbe-2020")),
    ("blank.json", None),
    ("corrupted.xlsx", Some("spbe-2020")),
    ("csv-crlf-bad-value.csv", None),
    ("csv-duplicate-value-columns.csv", Some("spbe-2020")),
    ("csv-every-error-at-once.csv", None),
    ("csv-ikasandi-bands-unknown.csv", None),
    ("csv-latin1-unknown-name.csv", Some("spbe-2020")),
    ("csv-mixed-frameworks.csv", Some("spbe-2020")),
    ("csv-names-of-another-framework.csv", Some("pemdi-2026")),
    ("csv-nul-bytes.csv", Some("spbe-2020")),
    ("csv-number-name-mismatch.csv", None),
    ("csv-only-headers-no-indicator.csv", Some("spbe-2020")),
    ("csv-pemdi-2026-above-scale.csv", None),
    ("csv-spbe-2018-row-35-4.csv", None),
    ("csv-tab-bad-value.tsv", Some("spbe-2020")),
    ("csv-thousands-separator.csv", None),
    ("csv-unclosed-quote.csv", Some("spbe-2020")),
    ("csv-value-text.csv", Some("spbe-2020")),
    ("csv-value-without-indicator.csv", Some("spbe-2020")),
    ("csv-very-long-row.csv", Some("spbe-2020")),
    ("csv-year-bad.csv", Some("spbe-2020")),
    ("duplicate-indicator.csv", Some("spbe-2020")),
    ("empty.csv", Some("spbe-2020")),
    ("fractional-level.json", None),
    ("garbage.bin", Some("spbe-2020")),
    ("json-answer-unknown-key.json", None),
    ("json-answers-not-array.json", None),
    ("json-array-root.json", None),
    ("json-deep-nesting.json", None),
    ("json-duplicate-indicator.json", None),
    ("json-evidence-number.json", None),
    ("json-external-out-of-range.json", None),
    ("json-external-unknown-key.json", None),
    ("json-huge-number.json", None),
    ("json-missing-indicator.json", None),
    ("json-nul-bytes.json", None),
    ("json-trailing-comma.json", None),
    ("json-unknown-framework.json", None),
    ("json-value-negative.json", None),
    ("json-wrong-framework-id.json", None),
    ("json-year-text.json", None),
    ("malformed.json", None),
    ("no-framework.csv", None),
    ("no-header.csv", Some("spbe-2020")),
    ("no-value-column.csv", Some("spbe-2020")),
    ("spbe-2018-bare-35.csv", Some("spbe-2018")),
    ("truncated.json", None),
    ("unknown-indicator.csv", Some("spbe-2020")),
    ("unknown-name.csv", Some("spbe-2020")),
    ("value-outside-scale.csv", Some("spbe-2020")),
    ("wrong-type.json", None),
    ("xls-garbage.xls", Some("spbe-2020")),
    ("xlsx-date-value.xlsx", Some("spbe-2020")),
    ("xlsx-empty-workbook.xlsx", Some("spbe-2020")),
    ("xlsx-formula-error.xlsx", Some("spbe-2020")),
    ("xlsx-formula-no-value.xlsx", None),
    ("xlsx-formula-out-of-scale.xlsx", Some("spbe-2020")),
    ("xlsx-merged-cells.xlsx", Some("spbe-2020")),
    ("xlsx-no-header.xlsx", Some("spbe-2020")),
    ("xlsx-oversized.xlsx", Some("spbe-2020")),
    ("xlsx-text-in-value.xlsx", Some("spbe-2020")),
    ("xlsx-truncated.xlsx", Some("spbe-2020")),
    ("xlsx-unknown-name.xlsx", Some("spbe-2020")),
];

#[test]
fn every_bad_file_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(crate::util::root().join("fixtures/bad"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(on_disk, listed);
    assert!(
        listed.len() >= 40,
        "the bad-input corpus has at least 40 files"
    );
}

#[test]
fn bad_inputs_fail_with_file_place_and_hint() {
    for (file, framework) in CASES {
        let path = format!("fixtures/bad/{file}");
        let mut args = vec!["score", path.as_str()];
        if let Some(fw) = framework {
            args.extend_from_slice(&["--framework", fw]);
        }
        let r = run(&args);
        assert!(
            r.code == 2 || r.code == 3,
            "{file}: exit {} is not a usage (2) or input (3) error\n{}",
            r.code,
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{file}: nothing on stdout");
        assert!(r.stderr.contains(&path), "{file}: error names the file");
        assert!(!r.stderr.contains("panicked"), "{file}: no panic");
        insta::assert_snapshot!(format!("bad_{file}"), r.transcript(&args));
    }
}

#[test]
fn english_errors_with_lang_en() {
    let args = [
        "score",
        "fixtures/bad/value-outside-scale.csv",
        "--framework",
        "spbe-2020",
        "--lang",
        "en",
    ];
    let r = run(&args);
    assert_eq!(r.code, 3);
    insta::assert_snapshot!(r.transcript(&args));
}

#[test]
fn unknown_framework_is_a_usage_error() {
    let args = [
        "score",
        "fixtures/bad/no-framework.csv",
        "--framework",
        "spbe-2019",
    ];
    let r = run(&args);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!(r.transcript(&args));
}

#[test]
fn missing_file_is_bad_input() {
    let args = ["score", "fixtures/does-not-exist.csv"];
    let r = run(&args);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("fixtures/does-not-exist.csv"));
}

#[test]
fn broken_catalogs_name_the_file_and_field() {
    let mut cases: Vec<String> = std::fs::read_dir(crate::util::root().join("fixtures/bad-data"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 9);
    for case in cases {
        let dir = format!("fixtures/bad-data/{case}");
        let args = ["frameworks", "--data", dir.as_str()];
        let r = run(&args);
        assert_eq!(r.code, 3, "{case}: {}", r.stderr);
        assert!(r.stderr.contains(&dir), "{case}: names the file");
        insta::assert_snapshot!(format!("bad_data_{case}"), r.transcript(&args));
    }
}
