//! Review documents: the documents of every shipped crosswalk live in
//! mappings/reviews/ and are rendered afresh here, so a crosswalk cannot
//! change without its review document changing in the same commit
//! (approve with `cargo insta review`, or `INSTA_UPDATE=always cargo test`).

use spbe_pemdi::Lang;
use spbe_pemdi::crosswalk::load_crosswalks;
use spbe_pemdi::review::{build, markdown, resolve};

use crate::util::{data, root, run, run_in, temp_data_dir};

/// Snapshots in mappings/reviews/<file stem>.snap.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../mappings/reviews");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn stem(path: &str) -> &str {
    path.trim_start_matches("crosswalks/")
        .trim_end_matches(".json")
}

#[test]
fn review_documents_of_the_shipped_crosswalks() {
    let data = data();
    let crosswalks = load_crosswalks(&data).unwrap();
    assert_eq!(crosswalks.len(), 4);
    for c in &crosswalks {
        let doc = markdown::render(&build(&data, c).unwrap(), &data, Lang::Id);
        settings().bind(|| insta::assert_snapshot!(stem(&c.path), doc));
    }
}

#[test]
fn every_review_document_belongs_to_a_shipped_crosswalk() {
    let data = data();
    let mut want: Vec<String> = data
        .crosswalk_files()
        .map(|f| format!("{}.snap", stem(&f.path)))
        .collect();
    want.sort();
    let mut have: Vec<String> = std::fs::read_dir(root().join("mappings/reviews"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".snap"))
        .collect();
    have.sort();
    assert_eq!(
        have, want,
        "remove the review documents of removed crosswalks"
    );
}

#[test]
fn the_cli_prints_the_same_document_for_an_id_a_version_and_a_path() {
    let by_id = run(&["mapping", "review", "spbe-2020-to-pemdi-2026"]);
    assert_eq!(by_id.code, 0, "{}", by_id.stderr);
    let by_version = run(&["mapping", "review", "spbe-2020-to-pemdi-2026@2.0.0"]);
    assert_eq!(by_version.stdout, by_id.stdout);
    let data = data();
    let c = resolve(&data, "spbe-2020-to-pemdi-2026").unwrap();
    let doc = markdown::render(&build(&data, &c).unwrap(), &data, Lang::Id);
    assert_eq!(by_id.stdout, doc);
    let by_path = run(&[
        "mapping",
        "review",
        "mappings/crosswalks/spbe-2020-to-pemdi-2026.json",
    ]);
    assert_eq!(by_path.code, 0, "{}", by_path.stderr);
    // Only the file label may differ (it is the path given).
    assert_eq!(by_path.stdout, by_id.stdout);
}

#[test]
fn english_and_json_forms() {
    let en = run(&[
        "mapping",
        "review",
        "pemdi-2025-to-pemdi-2026",
        "--lang",
        "en",
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(en.stdout.contains("## Coverage"), "{}", en.stdout);
    assert!(en.stdout.contains("Target weight covered:"));
    let json = run(&[
        "mapping",
        "review",
        "pemdi-2025-to-pemdi-2026",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["id"], "pemdi-2025-to-pemdi-2026");
    assert_eq!(v["coverage"]["targets"].as_array().unwrap().len(), 20);
    let share = v["coverage"]["overall"]["share"].as_str().unwrap();
    assert!(share.starts_with("0."), "{share}");
    assert!(v["maps"][0]["sources"][0]["name"].as_str().is_some());
    let again = run(&[
        "mapping",
        "review",
        "pemdi-2025-to-pemdi-2026",
        "--format",
        "json",
    ]);
    assert_eq!(json.stdout, again.stdout);
}

#[test]
fn a_file_version_is_reviewed_with_its_own_lints() {
    // A copy with a table above the identity: the lint shows in its review.
    let text =
        std::fs::read_to_string(root().join("mappings/crosswalks/spbe-2020-to-pemdi-2026.json"))
            .unwrap()
            .replacen("\"5\": \"3\"", "\"5\": \"5\"", 1);
    let tmp = temp_data_dir(&[]);
    std::fs::write(tmp.path().join("edited.json"), text).unwrap();
    let r = run_in(
        tmp.path(),
        &["mapping", "review", "edited.json", "--lang", "en"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("| File | `edited.json` |"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("`same-level-promise`"), "{}", r.stdout);
}

#[test]
fn unknown_crosswalks_and_bad_files_are_errors() {
    let r = run(&["mapping", "review", "no-such-crosswalk", "--lang", "en"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("spbe-2020-to-pemdi-2026@2.0.0"),
        "{}",
        r.stderr
    );
    let r = run(&["mapping", "review", "spbe-2020-to-pemdi-2026@9.9.9"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["mapping", "review", "missing.json"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let r = run(&[
        "mapping",
        "review",
        "fixtures/bad/truncated.json",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains("fixtures/bad/truncated.json:"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_of_the_mapping_commands_shows_examples() {
    for cmd in ["review", "fmt", "diff", "export"] {
        let r = run(&["mapping", cmd, "--help", "--lang", "en"]);
        assert_eq!(r.code, 0, "{cmd}");
        assert!(r.stdout.contains("Examples:"), "{cmd}: {}", r.stdout);
        let r = run(&["mapping", cmd, "--help", "--lang", "id"]);
        assert!(r.stdout.contains("Contoh:"), "{cmd}: {}", r.stdout);
    }
}
