//! `mapping diff`: every kind of change on purpose-built versions of the
//! shipped crosswalks gets its documented severity; the version check; the
//! --fail-on gate and exit codes; the impact on a small corpus.

use serde_json::{Value, json};
use spbe_pemdi::crosswalk::{LoadedCrosswalk, parse_crosswalk};
use spbe_pemdi::review::diff::{Bump, Change, Field, Severity, diff};

use crate::util::{fixture, root, run_in};

const DIRECT: &str = "spbe-2020-to-pemdi-2026";
const OLDEST: &str = "spbe-2018-to-spbe-2020";

fn shipped(id: &str) -> Value {
    let p = root().join(format!("mappings/crosswalks/{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn loaded(v: &Value, label: &str) -> LoadedCrosswalk {
    let text = serde_json::to_string_pretty(v).unwrap() + "\n";
    let crosswalk = parse_crosswalk(label, &text).unwrap();
    LoadedCrosswalk {
        file: label.into(),
        path: format!("crosswalks/{}.json", crosswalk.id),
        text,
        crosswalk,
    }
}

fn map<'a>(cw: &'a mut Value, id: &str) -> &'a mut Value {
    cw["maps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no map {id}"))
}

/// The changes after `edit` on the shipped crosswalk `id`.
fn changes(id: &str, edit: impl FnOnce(&mut Value)) -> Vec<Change> {
    let old = shipped(id);
    let mut new = old.clone();
    edit(&mut new);
    diff(&loaded(&old, "old.json"), &loaded(&new, "new.json"))
        .unwrap()
        .changes
}

/// The single change after `edit`, as (field, severity).
fn one(id: &str, edit: impl FnOnce(&mut Value)) -> (Field, Severity) {
    let c = changes(id, edit);
    assert_eq!(c.len(), 1, "{c:#?}");
    (c[0].field, c[0].severity)
}

macro_rules! graded {
    ($($name:ident: $id:expr, $field:ident, $sev:ident => |$v:ident| $body:block)*) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(one($id, |$v: &mut Value| $body), (Field::$field, Severity::$sev));
            }
        )*
    };
}

graded! {
    level_rule_is_outcome: DIRECT, LevelRule, Outcome => |v| {
        map(v, "governance")["level_rule"]["table"]["5"] = json!("3.2");
    }
    sources_are_outcome: DIRECT, Sources, Outcome => |v| {
        map(v, "governance")["sources"] = json!([1, 2, 11, 12]);
    }
    targets_are_outcome: OLDEST, Targets, Outcome => |v| {
        map(v, "sectoral-public-services")["targets"] = json!([45, 46]);
    }
    aggregation_on_several_sources_is_outcome: "spbe-2020-to-pemdi-2025", Aggregation, Outcome => |v| {
        map(v, "internal-coordination")["aggregation"] = json!("min");
    }
    aggregation_on_a_map_with_rungs_is_text: DIRECT, Aggregation, Text => |v| {
        map(v, "governance")["aggregation"] = json!("min");
    }
    rung_criteria_are_outcome: DIRECT, Rungs, Outcome => |v| {
        map(v, "governance")["rungs"][1]["evidenced_by"] = json!(["spbe-2020:11@4"]);
    }
    rung_notes_are_text: DIRECT, Rungs, Text => |v| {
        map(v, "governance")["rungs"][1]["note_en"] = json!("x");
    }
    aggregation_on_one_source_is_text: DIRECT, Aggregation, Text => |v| {
        map(v, "digital-competence")["aggregation"] = json!("max");
    }
    explicit_default_aggregation_is_text: DIRECT, Aggregation, Text => |v| {
        map(v, "governance").as_object_mut().unwrap().remove("aggregation");
    }
    relation_between_partial_kinds_is_range: DIRECT, Relation, Range => |v| {
        map(v, "governance")["relation"] = json!("intersects");
    }
    relation_to_disjoint_is_outcome: DIRECT, Relation, Outcome => |v| {
        map(v, "governance")["relation"] = json!("disjoint");
    }
    relation_leaving_equal_high_is_outcome: OLDEST, Relation, Outcome => |v| {
        map(v, "planning-service")["relation"] = json!("superset");
    }
    relation_of_equal_medium_is_range: OLDEST, Relation, Range => |v| {
        map(v, "data-centre")["relation"] = json!("superset");
    }
    confidence_leaving_high_on_equal_is_outcome: OLDEST, Confidence, Outcome => |v| {
        map(v, "planning-service")["confidence"] = json!("medium");
    }
    confidence_reaching_high_on_equal_is_outcome: OLDEST, Confidence, Outcome => |v| {
        map(v, "data-centre")["confidence"] = json!("high");
    }
    confidence_below_the_threshold_is_range: DIRECT, Confidence, Range => |v| {
        map(v, "governance")["confidence"] = json!("low");
    }
    coverage_is_range: DIRECT, Coverage, Range => |v| {
        map(v, "governance")["coverage"] = json!("0.65");
    }
    evidence_is_range: DIRECT, Evidence, Range => |v| {
        map(v, "governance")["evidence"] = json!("reuse");
    }
    rationale_is_text: DIRECT, Rationale, Text => |v| {
        map(v, "governance")["rationale"] = json!("Rewritten.");
    }
    english_rationale_is_text: OLDEST, Rationale, Text => |v| {
        map(v, "architecture")["rationale_en"] = json!("Rewritten in English only.");
    }
    english_source_is_text: OLDEST, Source, Text => |v| { v["source_en"] = json!("Rewritten."); }
    review_status_is_text: DIRECT, Review, Text => |v| {
        map(v, "governance")["review"] = json!("reviewed");
    }
    title_is_text: DIRECT, Title, Text => |v| { v["title"] = json!("New title"); }
    status_is_text: DIRECT, Status, Text => |v| { v["status"] = json!("reviewed"); }
    source_is_text: DIRECT, Source, Text => |v| { v["source"] = json!("Elsewhere."); }
    calibration_is_text: DIRECT, Calibration, Text => |v| {
        v.as_object_mut().unwrap().remove("calibration");
    }
    primary_is_outcome: DIRECT, Primary, Outcome => |v| {
        v.as_object_mut().unwrap().remove("primary");
    }
    removed_map_is_outcome: DIRECT, Map, Outcome => |v| {
        v["maps"].as_array_mut().unwrap().retain(|m| m["id"] != "user-support");
    }
    renamed_map_is_text: DIRECT, Id, Text => |v| {
        map(v, "governance")["id"] = json!("tata-kelola");
    }
    retired_reason_is_text: OLDEST, Retired, Text => |v| {
        v["retired"][0]["reason"] = json!("Another reason.");
    }
    new_external_key_is_text: DIRECT, External, Text => |v| {
        v["new"][0]["external"] = json!("epss");
    }
}

#[test]
fn an_added_map_is_outcome_and_names_the_map() {
    let c = changes(DIRECT, |v| {
        let mut m = map(v, "governance").clone();
        m["id"] = json!("extra");
        m["sources"] = json!([3]);
        v["maps"].as_array_mut().unwrap().push(m);
    });
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!((c[0].field, c[0].severity), (Field::Map, Severity::Outcome));
    assert_eq!(c[0].map.as_deref(), Some("extra"));
    assert_eq!(c[0].new.as_deref(), Some("3 → 1 (subset, medium)"));
}

#[test]
fn changes_inside_a_map_disjoint_in_both_versions_are_text() {
    let mut old = shipped(DIRECT);
    map(&mut old, "governance")["relation"] = json!("disjoint");
    let mut new = old.clone();
    map(&mut new, "governance")["level_rule"] = json!({"kind": "identity"});
    map(&mut new, "governance")["sources"] = json!([1]);
    let d = diff(&loaded(&old, "a"), &loaded(&new, "b")).unwrap();
    assert_eq!(d.changes.len(), 2);
    assert!(d.changes.iter().all(|c| c.severity == Severity::Text));
}

#[test]
fn the_version_check_asks_for_the_documented_bump() {
    let old = shipped(DIRECT);
    let check = |edit: &dyn Fn(&mut Value), version: &str| {
        let mut new = old.clone();
        edit(&mut new);
        new["version"] = json!(version);
        diff(&loaded(&old, "a"), &loaded(&new, "b"))
            .unwrap()
            .version
    };
    let rule = |v: &mut Value| {
        map(v, "governance")["level_rule"]["table"]["5"] = json!("3.2");
    };
    let text = |v: &mut Value| map(v, "governance")["rationale"] = json!("x");
    let removal = |v: &mut Value| {
        v["maps"].as_array_mut().unwrap().remove(0);
    };
    let c = check(&rule, "2.0.1");
    assert_eq!(
        (c.required, c.actual, c.ok),
        (Bump::Minor, Some(Bump::Patch), false)
    );
    assert!(check(&rule, "2.1.0").ok);
    assert!(check(&text, "2.0.1").ok);
    let c = check(&removal, "2.1.0");
    assert_eq!((c.required, c.ok), (Bump::Major, false));
    assert!(check(&removal, "3.0.0").ok);
    let c = check(&text, "1.9.0");
    assert_eq!((c.actual, c.ok), (None, false));
    let c = check(&|_: &mut Value| {}, "2.0.0");
    assert_eq!(
        (c.required, c.actual, c.ok),
        (Bump::None, Some(Bump::None), true)
    );
}

/// A temporary folder holding `new.json` (the shipped direct crosswalk
/// after `edit`) and `corpus/` (the spbe-2020 and spbe-2018 fixtures, a
/// pemdi-2025 one and a file that is no assessment).
fn workspace(id: &str, edit: impl FnOnce(&mut Value)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let mut v = shipped(id);
    edit(&mut v);
    std::fs::write(tmp.path().join("new.json"), loaded(&v, "x").text).unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in [
        "aceh-tengah-spbe-2025.json",
        "kabupaten-contoh-spbe-2024.csv",
        "kemenkeu-spbe-2023.csv",
        "kemenkeu-spbe-2024.json",
        "kemenpanrb-spbe-2023.csv",
        "kemenpanrb-spbe-2024.xlsx",
        "kota-contoh-spbe-2019.csv",
        "kabupaten-contoh-pemdi-2025.json",
        "official-domain-results.json",
    ] {
        std::fs::copy(fixture(f), corpus.join(f)).unwrap();
    }
    tmp
}

fn governance_top(v: &mut Value) {
    // A looser reading: any answer to 12 evidences rung 2 (and the table
    // says the same, so the data stays valid).
    map(v, "governance")["rungs"][0]["evidenced_by"] = json!(["spbe-2020:12@1"]);
    map(v, "governance")["level_rule"]["table"]["1"] = json!("2");
    map(v, "governance")["level_rule"]["table"]["2"] = json!("2");
    v["version"] = json!("2.1.0");
}

#[test]
fn impact_on_a_small_corpus() {
    let tmp = workspace(DIRECT, governance_top);
    let args = [
        "mapping", "diff", DIRECT, "new.json", "--corpus", "corpus", "--format", "json",
    ];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let imp = &v["impact"];
    assert_eq!(imp["target"], "pemdi-2026");
    assert_eq!(imp["files"], 9);
    let converted: Vec<&str> = imp["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(converted.len(), 7, "{converted:?}");
    assert!(
        converted.contains(&"kota-contoh-spbe-2019.csv"),
        "spbe-2018 goes through it"
    );
    assert_eq!(
        imp["skipped"][0]["file"],
        "kabupaten-contoh-pemdi-2025.json"
    );
    assert_eq!(imp["unreadable"][0]["file"], "official-domain-results.json");
    let ind = imp["indicators"].as_array().unwrap();
    assert_eq!(ind.len(), 20);
    assert!(ind[0]["value"].as_u64().unwrap() > 0, "{}", ind[0]);
    assert!(
        ind[1..]
            .iter()
            .all(|i| i["value"] == 0 && i["range"] == 0 && i["class"] == 0)
    );
    let x = &imp["index"];
    let sum: u64 = [
        "unchanged",
        "below_0_05",
        "below_0_10",
        "below_0_25",
        "from_0_25",
    ]
    .iter()
    .map(|k| x[*k].as_u64().unwrap())
    .sum();
    assert_eq!(sum, 7);
    assert!(x["max"].as_str().unwrap().parse::<f64>().unwrap() > 0.0);
    // Deterministic.
    assert_eq!(run_in(tmp.path(), &args).stdout, r.stdout);
}

#[test]
fn impact_of_a_crosswalk_in_a_chain() {
    let tmp = workspace("pemdi-2025-to-pemdi-2026", |v| {
        let m = &mut v["maps"][0];
        m["level_rule"] = json!({"kind": "cap", "max": "2"});
    });
    let args = [
        "mapping",
        "diff",
        "pemdi-2025-to-pemdi-2026",
        "new.json",
        "--corpus",
        "corpus",
        "--format",
        "json",
    ];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let files: Vec<&str> = v["impact"]["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    // pemdi-2025 directly, spbe-2020 and spbe-2018 through the chain.
    assert!(
        files.contains(&"kabupaten-contoh-pemdi-2025.json"),
        "{files:?}"
    );
    assert!(files.contains(&"aceh-tengah-spbe-2025.json"), "{files:?}");
    assert!(files.contains(&"kota-contoh-spbe-2019.csv"), "{files:?}");
}

#[test]
fn the_markdown_report_with_impact() {
    let tmp = workspace(DIRECT, governance_top);
    let args = ["mapping", "diff", DIRECT, "new.json", "--corpus", "corpus"];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("diff_with_impact", r.transcript(&args));
}

#[test]
fn the_fail_on_gate_and_exit_codes() {
    let tmp = workspace(DIRECT, |v| map(v, "governance")["rationale"] = json!("x"));
    let code = |extra: &[&str]| {
        let mut args = vec!["mapping", "diff", DIRECT, "new.json"];
        args.extend_from_slice(extra);
        run_in(tmp.path(), &args).code
    };
    assert_eq!(code(&[]), 0);
    assert_eq!(code(&["--fail-on", "outcome"]), 0);
    assert_eq!(code(&["--fail-on", "range"]), 0);
    assert_eq!(code(&["--fail-on", "text"]), 1);
    assert_eq!(code(&["--fail-on", "severe"]), 2);
    let tmp = workspace(DIRECT, governance_top);
    let r = run_in(
        tmp.path(),
        &[
            "mapping",
            "diff",
            DIRECT,
            "new.json",
            "--fail-on",
            "outcome",
            "--lang",
            "en",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("gate --fail-on outcome"), "{}", r.stderr);
    // Different frameworks: usage; a broken file: bad input.
    let r = run_in(tmp.path(), &["mapping", "diff", OLDEST, "new.json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    std::fs::write(tmp.path().join("broken.json"), "{\"id\": ").unwrap();
    let r = run_in(
        tmp.path(),
        &["mapping", "diff", DIRECT, "broken.json", "--lang", "en"],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("broken.json:1:"), "{}", r.stderr);
    let r = run_in(
        tmp.path(),
        &["mapping", "diff", DIRECT, "new.json", "--corpus", "nowhere"],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
}
