//! Snapshots of `convert` and `explain` as people and programs read them.

use crate::util::run;

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(name, r.transcript(args));
}

#[test]
fn conversions_of_the_fixtures() {
    snap(
        "convert_aceh_direct",
        &["convert", "fixtures/aceh-tengah-spbe-2025.json"],
    );
    snap(
        "convert_aceh_via_2025_en",
        &[
            "convert",
            "fixtures/aceh-tengah-spbe-2025.json",
            "--via",
            "pemdi-2025",
            "--lang",
            "en",
        ],
    );
    snap(
        "convert_kota_2019_three_hops",
        &[
            "convert",
            "fixtures/kota-contoh-spbe-2019.csv",
            "--via",
            "pemdi-2025",
        ],
    );
    snap(
        "convert_kabupaten_json",
        &[
            "convert",
            "fixtures/kabupaten-contoh-spbe-2024.xlsx",
            "--external",
            "sdi=68.75,sjig=2.1",
            "--json",
        ],
    );
    snap(
        "convert_pemdi_2025",
        &["convert", "fixtures/kabupaten-contoh-pemdi-2025.json"],
    );
}

#[test]
fn explanations() {
    snap(
        "explain_kabupaten_19",
        &[
            "explain",
            "pemdi-2026:19",
            "--from",
            "fixtures/kabupaten-contoh-spbe-2024.xlsx",
        ],
    );
    snap(
        "explain_kota_3_via_2025_en",
        &[
            "explain",
            "pemdi-2026:3",
            "--from",
            "fixtures/kota-contoh-spbe-2019.csv",
            "--via",
            "pemdi-2025",
            "--lang",
            "en",
        ],
    );
    snap(
        "explain_aceh_8_gapish",
        &[
            "explain",
            "pemdi-2026:11",
            "--from",
            "fixtures/aceh-tengah-spbe-2025.json",
        ],
    );
}

#[test]
fn json_has_the_projected_index_with_predicates() {
    let r = run(&["convert", "fixtures/aceh-tengah-spbe-2025.json", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let p = &v["projected_index"];
    for k in [
        "point",
        "low",
        "high",
        "predicate",
        "predicate_low",
        "predicate_high",
    ] {
        assert!(p.get(k).is_some(), "projected_index.{k}");
    }
    assert!(p["point"].is_string());
    assert_eq!(v["projected_aspects"].as_array().unwrap().len(), 7);
    assert!(v["stamp"]["hash"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(v["indicators"].as_array().unwrap().len(), 20);
}
