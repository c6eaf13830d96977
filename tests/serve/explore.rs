//! The mapping explorer and pages that do not exist.

use super::*;

#[test]
fn the_mapping_explorer_shows_frameworks_crosswalks_graph_trace_review_and_diff() {
    let app = app();
    let data = data();
    let index = get(&app, "/mapping").text();
    for f in &data.catalog.frameworks {
        assert!(
            index.contains(&format!("<code>{}</code>", f.id)),
            "{}",
            f.id
        );
    }
    assert!(
        index.contains("<svg class=\"graph\""),
        "the graph as a picture"
    );
    assert!(
        index.contains("flowchart") || index.contains("graph "),
        "the mermaid text"
    );
    assert!(index.contains("spbe-2020-to-pemdi-2026@"), "{index}");
    assert!(
        index.contains("<option value=\"spbe-2018:35\">"),
        "the trace picker"
    );
    let trace = get(&app, "/mapping/trace?indicator=spbe-2020:22&to=pemdi-2026");
    assert_eq!(trace.status, StatusCode::OK);
    assert!(trace.text().contains("pemdi-2026:10"), "{}", trace.text());
    let bad = get(&app, "/mapping/trace?indicator=nonsense");
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let review = get(&app, "/mapping/review?crosswalk=spbe-2020-to-pemdi-2026");
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.text().contains("spbe-2020-to-pemdi-2026"));
    // Never a file on the server's disk.
    for path in [
        "Cargo.toml",
        "..%2FCargo.toml",
        "%2Fetc%2Fpasswd",
        "mappings%2Fcrosswalks%2Fspbe-2020-to-pemdi-2026.json",
    ] {
        let a = get(&app, &format!("/mapping/review?crosswalk={path}"));
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(!a.text().contains("[package]"), "{path}");
    }
    // The diff of a crosswalk with an edited copy, with the impact on an uploaded corpus.
    let name = "spbe-2020-to-pemdi-2026";
    let file = data
        .files
        .iter()
        .find(|f| f.path == format!("crosswalks/{name}.json"))
        .expect("shipped");
    let mut edited: serde_json::Value = serde_json::from_str(&file.text).expect("json");
    edited["version"] = serde_json::Value::String("1.1.0".into());
    edited["maps"][0]["confidence"] = serde_json::Value::String("low".into());
    let edited = serde_json::to_vec_pretty(&edited).expect("json");
    let old = index
        .split("<option value=\"")
        .filter_map(|s| s.split('"').next())
        .find(|r| r.starts_with(name))
        .expect("listed")
        .to_string();
    let a = post(
        &app,
        "/mapping/diff",
        &[("old", &old), ("new", &old)],
        &[
            ("new_file", "baru.json", edited),
            (
                "corpus",
                "aceh.json",
                fixture_bytes("aceh-tengah-spbe-2025.json"),
            ),
        ],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("confidence"), "{}", a.text());
    assert!(
        a.text().contains("aceh.json"),
        "the corpus file is counted: {}",
        a.text()
    );
}

#[test]
fn an_unknown_page_is_404_in_the_pages_language() {
    let a = get(&app(), "/nothing-here?lang=en");
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.text().contains("There is no such page"), "{}", a.text());
}
