//! Bad input: every error names the file and the place, exits non-zero,
//! and never panics. One transcript snapshot per bad file.

use crate::util::run;

/// (file under fixtures/bad, extra arguments)
const CASES: &[(&str, &[&str])] = &[
    ("ambiguous-name.csv", &["--framework", "spbe-2020"]),
    ("blank.json", &[]),
    ("corrupted.xlsx", &["--framework", "spbe-2020"]),
    ("duplicate-indicator.csv", &["--framework", "spbe-2020"]),
    ("empty.csv", &["--framework", "spbe-2020"]),
    ("fractional-level.json", &[]),
    ("garbage.bin", &["--framework", "spbe-2020"]),
    ("malformed.json", &[]),
    ("no-framework.csv", &[]),
    ("no-header.csv", &["--framework", "spbe-2020"]),
    ("no-value-column.csv", &["--framework", "spbe-2020"]),
    ("spbe-2018-bare-35.csv", &["--framework", "spbe-2018"]),
    ("truncated.json", &[]),
    ("unknown-indicator.csv", &["--framework", "spbe-2020"]),
    ("unknown-name.csv", &["--framework", "spbe-2020"]),
    ("value-outside-scale.csv", &["--framework", "spbe-2020"]),
    ("wrong-type.json", &[]),
];

#[test]
fn bad_inputs_fail_with_file_place_and_hint() {
    for (file, extra) in CASES {
        let path = format!("fixtures/bad/{file}");
        let mut args = vec!["score", path.as_str()];
        args.extend_from_slice(extra);
        let r = run(&args);
        assert_ne!(r.code, 0, "{file} must fail");
        assert!(
            r.code == 2 || r.code == 3,
            "{file}: exit {} is not a usage (2) or input (3) error",
            r.code
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
