//! `mapping export`: OSCAL 1.2 mapping collections and flat CSV, byte for
//! byte deterministic, with UUIDs that survive a new version.

use serde_json::{Value, json};
use spbe_pemdi::Lang;
use spbe_pemdi::crosswalk::{LoadedCrosswalk, load_crosswalks, parse_crosswalk};
use spbe_pemdi::review::export::{csv, oscal};

use crate::util::{data, root, run, run_in};

const DIRECT: &str = "spbe-2020-to-pemdi-2026";

fn shipped(id: &str) -> Value {
    let p = root().join(format!("mappings/crosswalks/{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn loaded(v: &Value) -> LoadedCrosswalk {
    let text = serde_json::to_string_pretty(v).unwrap() + "\n";
    let crosswalk = parse_crosswalk("x.json", &text).unwrap();
    LoadedCrosswalk {
        file: "x.json".into(),
        path: format!("crosswalks/{}.json", crosswalk.id),
        text,
        crosswalk,
    }
}

fn oscal_of(v: &Value) -> Value {
    serde_json::from_str(&oscal::export(&data(), &loaded(v)).unwrap()).unwrap()
}

/// Every `uuid` value in a JSON tree, in document order.
fn uuids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "uuid" {
                    out.push(x.as_str().unwrap().to_string());
                } else {
                    uuids(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| uuids(x, out)),
        _ => {}
    }
}

#[test]
fn exports_are_the_same_bytes_every_time() {
    for format in ["oscal", "csv"] {
        let args = ["mapping", "export", DIRECT, "--format", format];
        let a = run(&args);
        let b = run(&args);
        assert_eq!(a.code, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn uuids_survive_a_new_version() {
    let old = shipped(DIRECT);
    let mut new = old.clone();
    new["version"] = json!("2.1.0");
    let (a, b) = (oscal_of(&old), oscal_of(&new));
    let (mut ua, mut ub) = (Vec::new(), Vec::new());
    uuids(&a, &mut ua);
    uuids(&b, &mut ub);
    assert_eq!(ua, ub);
    let mut distinct = ua.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ua.len(), "every subject has its own uuid");
    for u in &ua {
        assert_eq!(uuid::Uuid::parse_str(u).unwrap().get_version_num(), 5);
    }
    assert_eq!(b["mapping-collection"]["metadata"]["version"], "2.1.0");
    // Only the version differs.
    let mut b2 = b.clone();
    b2["mapping-collection"]["metadata"]["version"] = json!("2.0.0");
    assert_eq!(a, b2);
}

#[test]
fn the_oscal_document_has_the_mapping_collection_fields() {
    let v = oscal_of(&shipped(DIRECT));
    let mc = &v["mapping-collection"];
    assert_eq!(mc["metadata"]["oscal-version"], "1.2.0");
    assert_eq!(mc["metadata"]["last-modified"], "2026-01-01T00:00:00Z");
    assert_eq!(mc["provenance"]["method"], "human");
    assert_eq!(mc["provenance"]["matching-rationale"], "semantic");
    assert_eq!(mc["provenance"]["status"], "draft");
    assert!(mc["provenance"]["coverage"]["target-coverage"].is_number());
    let mapping = &mc["mappings"][0];
    let href = mapping["target-resource"]["href"].as_str().unwrap();
    let target = &mc["back-matter"]["resources"][1];
    assert_eq!(href, format!("#{}", target["uuid"].as_str().unwrap()));
    let maps = mapping["maps"].as_array().unwrap();
    assert_eq!(maps.len(), 15);
    let first = &maps[0];
    assert_eq!(first["relationship"], "subset-of");
    assert_eq!(
        first["sources"][0],
        json!({"type": "control", "id-ref": "spbe-2020_1"})
    );
    assert_eq!(first["confidence-score"], json!({"category": "medium"}));
    assert_eq!(first["coverage"]["target-coverage"], json!(0.6));
    assert!(
        first["remarks"]
            .as_str()
            .unwrap()
            .starts_with("Pemdi 2026:1")
    );
    let gaps = &mapping["target-gap-summary"]["unmapped-controls"][0]["with-ids"];
    assert_eq!(
        gaps,
        &json!([
            "pemdi-2026_6",
            "pemdi-2026_7",
            "pemdi-2026_8",
            "pemdi-2026_11",
            "pemdi-2026_12"
        ])
    );
    assert!(
        mapping.get("source-gap-summary").is_none(),
        "every source is mapped"
    );
    assert!(
        mapping["remarks"]
            .as_str()
            .unwrap()
            .contains("external index sjig")
    );
}

#[test]
fn relationships_and_status_follow_the_table() {
    let mut v = shipped("spbe-2018-to-spbe-2020");
    v["status"] = json!("reviewed");
    v["maps"][0]["relation"] = json!("disjoint");
    let o = oscal_of(&v);
    let mc = &o["mapping-collection"];
    assert_eq!(mc["provenance"]["status"], "complete");
    let rels: std::collections::BTreeSet<&str> = mc["mappings"][0]["maps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["relationship"].as_str().unwrap())
        .collect();
    let want = [
        "equal-to",
        "intersects-with",
        "no-relationship",
        "subset-of",
        "superset-of",
    ];
    assert_eq!(rels.into_iter().collect::<Vec<_>>(), want);
    assert!(mc["mappings"][0]["maps"][0].get("coverage").is_none());
    let gaps = &mc["mappings"][0]["source-gap-summary"]["unmapped-controls"][0]["with-ids"];
    assert!(gaps.as_array().unwrap().contains(&json!("spbe-2018_2")));
}

#[test]
fn the_csv_has_a_row_per_map_source_target_and_disposition() {
    let data = data();
    for c in load_crosswalks(&data).unwrap() {
        let cw = &c.crosswalk;
        let want = cw
            .maps
            .iter()
            .map(|m| m.sources.len() * m.targets.len())
            .sum::<usize>()
            + cw.retired.len()
            + cw.new.len();
        for (lang, delim) in [(Lang::Id, b';'), (Lang::En, b',')] {
            let bytes = csv::export(&data, &c, lang).unwrap();
            let mut r = ::csv::ReaderBuilder::new()
                .delimiter(delim)
                .from_reader(bytes.as_slice());
            let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
            assert_eq!(rows.len(), want, "{}", cw.id);
            assert!(rows.iter().all(|x| x.len() == 16));
        }
    }
    let r = run(&[
        "mapping", "export", DIRECT, "--format", "csv", "--lang", "en",
    ]);
    let line = r.stdout.lines().nth(1).unwrap();
    assert!(
        line.starts_with(
            "map,governance,spbe-2020:1,Maturity of the internal policy on the agency's SPBE architecture,pemdi-2026:1,"
        ),
        "{line}"
    );
    assert!(
        line.contains(
            ",subset,1→1 · 2→1 · 3→2 · 4→3 · 5→3,weighted_mean,medium,update,0.6,,draft,"
        )
    );
}

#[test]
fn output_files_are_written_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let args = [
        "mapping", "export", DIRECT, "--format", "oscal", "-o", "out.json",
    ];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = std::fs::read_to_string(tmp.path().join("out.json")).unwrap();
    assert_eq!(
        written,
        run(&["mapping", "export", DIRECT, "--format", "oscal"]).stdout
    );
    assert_eq!(run_in(tmp.path(), &args).code, 4, "exists, no --force");
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(run_in(tmp.path(), &forced).code, 0);
    // Never over the crosswalk it reads.
    std::fs::copy(
        root().join(format!("mappings/crosswalks/{DIRECT}.json")),
        tmp.path().join("cw.json"),
    )
    .unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "mapping", "export", "cw.json", "--format", "csv", "-o", "cw.json", "--force",
        ],
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
}
