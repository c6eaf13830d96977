//! Command-line combinations that were silently accepted (item 18): `--format` without
//! `-o`, `--into` another agency's draft, a `--crosswalk` pin off the path.

use super::*;

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
