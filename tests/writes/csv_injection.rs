//! Formula injection in CSV outputs (item 10): neutralised text cells, numbers kept,
//! drafts that read back.

use super::*;

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
