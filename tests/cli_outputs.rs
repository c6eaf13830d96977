//! Snapshots of what people read: `score`, `show` and `frameworks` output in
//! both languages and as JSON.

use crate::util::run;

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    insta::assert_snapshot!(name, r.transcript(args));
}

#[test]
fn score_outputs() {
    snap(
        "score_aceh_tengah_id",
        &["score", "fixtures/aceh-tengah-spbe-2025.json"],
    );
    snap(
        "score_aceh_tengah_en",
        &[
            "score",
            "fixtures/aceh-tengah-spbe-2025.json",
            "--lang",
            "en",
        ],
    );
    snap(
        "score_aceh_tengah_json",
        &["score", "fixtures/aceh-tengah-spbe-2025.json", "--json"],
    );
    snap(
        "score_kemenpanrb_2023",
        &["score", "fixtures/kemenpanrb-spbe-2023.csv"],
    );
    snap(
        "score_kemenpanrb_2024_json",
        &["score", "fixtures/kemenpanrb-spbe-2024.xlsx", "--json"],
    );
    snap(
        "score_kota_2019",
        &["score", "fixtures/kota-contoh-spbe-2019.csv"],
    );
    snap(
        "score_pemdi_2026_external",
        &[
            "score",
            "fixtures/kabupaten-contoh-pemdi-2026.csv",
            "--external",
            "sdi=25",
        ],
    );
    snap(
        "score_pemdi_2026_json_rounded",
        &[
            "score",
            "fixtures/kabupaten-contoh-pemdi-2026.csv",
            "--json",
            "--band-on",
            "rounded",
        ],
    );
}

#[test]
fn json_score_has_the_documented_fields() {
    let r = run(&["score", "fixtures/kemenkeu-spbe-2024.json", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["framework"], "spbe-2020");
    assert_eq!(v["index"], "4.7425");
    assert_eq!(v["index_rounded"], "4.74");
    assert_eq!(v["predicate"], "Memuaskan");
    assert_eq!(v["answered"], 47);
    assert_eq!(v["total"], 47);
    assert!(v.get("range").is_none());
    for key in ["aspects", "domains"] {
        let first = &v[key][0];
        for f in ["no", "name", "index", "index_rounded", "predicate"] {
            assert!(first.get(f).is_some(), "{key}[0].{f}");
        }
    }
    let r = run(&["score", "fixtures/aceh-tengah-spbe-2025.json", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["range"]["low"], "2.3425");
    assert_eq!(v["range"]["high"], "3.0045");
}

#[test]
fn show_outputs() {
    snap("frameworks", &["frameworks"]);
    snap("show_spbe_2020", &["show", "spbe-2020"]);
    snap("show_spbe_2020_22", &["show", "spbe-2020:22"]);
    snap(
        "show_spbe_2020_22_en",
        &["show", "spbe-2020:22", "--lang", "en"],
    );
    snap("show_spbe_2018_35", &["show", "spbe-2018:35"]);
    snap("show_pemdi_2026", &["show", "pemdi-2026", "--lang", "en"]);
    snap("show_pemdi_2026_5", &["show", "pemdi-2026:5"]);
    snap(
        "show_pemdi_2026_20_en",
        &["show", "pemdi-2026:20", "--lang", "en"],
    );
    snap("show_pemdi_2025", &["show", "pemdi-2025"]);
}
