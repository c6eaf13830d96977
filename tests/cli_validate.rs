//! `validate` and `mapping graph` transcripts: exit codes, human output in
//! both languages, JSON, and drawings (insta snapshots).

use crate::util::{read_dir_json, run, run_in, temp_data_dir};

/// Runs the binary in a temporary folder whose `data/` holds the embedded
/// frameworks and the crosswalks of `tests/data/<set>/crosswalks`.
fn transcript(set: &str, args: &[&str]) -> (i32, String) {
    let tmp = temp_data_dir(&read_dir_json(&format!("{set}/crosswalks")));
    let mut full = vec!["--data", "data"];
    full.extend_from_slice(args);
    let r = run_in(tmp.path(), &full);
    (r.code, r.transcript(&full))
}

#[test]
fn validate_good_set_exits_0_with_only_warnings() {
    let (code, t) = transcript("crosswalks-good", &["validate"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("validate_good_id", t);
}

#[test]
fn validate_good_set_in_english() {
    let (code, t) = transcript("crosswalks-good", &["validate", "--lang", "en"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("validate_good_en", t);
}

#[test]
fn validate_bad_set_exits_1() {
    let (code, t) = transcript("crosswalks-bad", &["validate"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("validate_bad_id", t);
}

#[test]
fn validate_bad_set_as_json() {
    let (code, t) = transcript("crosswalks-bad", &["validate", "--json", "--lang", "en"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("validate_bad_json", t);
}

#[test]
fn validate_unparsable_crosswalk_exits_3_with_line_and_column() {
    let (code, t) = transcript("crosswalks-broken", &["validate", "--lang", "en"]);
    assert_eq!(code, 3);
    insta::assert_snapshot!("validate_broken", t);
}

#[test]
fn validate_misnamed_crosswalk_exits_3() {
    let (code, t) = transcript("crosswalks-misnamed", &["validate"]);
    assert_eq!(code, 3);
    insta::assert_snapshot!("validate_misnamed", t);
}

#[test]
fn mapping_graph_of_frameworks() {
    let (code, t) = transcript("crosswalks-good", &["mapping", "graph"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("mapping_graph_dot", t);
}

#[test]
fn mapping_graph_of_a_chain_as_mermaid() {
    let (code, t) = transcript(
        "crosswalks-good",
        &[
            "mapping",
            "graph",
            "--from",
            "spbe-2020",
            "--to",
            "pemdi-2026",
            "--via",
            "pemdi-2025",
            "--format",
            "mermaid",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("mapping_graph_chain_mermaid", t);
}

#[test]
fn mapping_graph_of_a_direct_path_as_dot() {
    let (code, t) = transcript(
        "crosswalks-good",
        &[
            "mapping",
            "graph",
            "--from",
            "spbe-2018",
            "--to",
            "spbe-2020",
        ],
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("mapping_graph_path_dot", t);
}

#[test]
fn mapping_graph_without_a_path_exits_2() {
    let (code, t) = transcript(
        "crosswalks-good",
        &[
            "mapping",
            "graph",
            "--from",
            "pemdi-2026",
            "--to",
            "spbe-2018",
        ],
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("mapping_graph_no_path", t);
}

#[test]
fn help_shows_examples() {
    for args in [
        &["validate", "--help", "--lang", "en"][..],
        &["mapping", "--help", "--lang", "en"][..],
        &["mapping", "graph", "--help", "--lang", "en"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}");
        assert!(r.stdout.contains("Examples:"), "{args:?}: {}", r.stdout);
    }
}
