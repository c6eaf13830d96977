//! The current framework as a source (issue 14, item 4): a Pemdi 2026
//! assessment gets its own gap report and next year's draft, through one
//! hop of the identity crosswalk (not a file, not an edge of the graph).

use crate::util::run;

const FIXTURE: &str = "fixtures/kabupaten-contoh-pemdi-2026.csv";

fn json(args: &[&str]) -> serde_json::Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn gaps_on_a_pemdi_2026_result_reports_its_own_index_and_the_next_levels() {
    let v = json(&["gaps", FIXTURE, "--format", "json"]);
    assert_eq!(v["same_framework"], true);
    assert_eq!(v["path"][0], "pemdi-2026-to-pemdi-2026@1.0.0");
    // Its own index (20 of 20 answered; 5-7 from the file's SDI, SJIG and
    // EPSS values) is the index the report is about.
    assert_eq!(v["last"]["index"], "1.775");
    assert_eq!(v["projected"]["point"], "1.775");
    assert_eq!(v["projected"]["low"], "1.775");
    for i in v["indicators"].as_array().unwrap() {
        assert!(i["value"].is_string(), "every indicator has its value: {i}");
        assert!(
            i["class"] == "carried" || i["class"] == "external",
            "{}",
            i["class"]
        );
    }
    // Nothing to ask for: the values are there.
    assert_eq!(v["ask_external"].as_array().unwrap().len(), 0);
    // What each indicator needs next: indicator 19 at 2,1 needs level 3.
    let nineteen = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["no"] == 19)
        .unwrap();
    assert_eq!(nineteen["next"]["level"], 3);
    assert_eq!(nineteen["stake"]["next"], "0.09");
    // The Markdown headline is its own index, not a projection.
    let r = run(&["gaps", FIXTURE]);
    assert!(
        r.stdout
            .contains("**Indeks pemdi-2026 (2026): 1,78 Cukup (Membangun)**")
    );
    assert!(!r.stdout.contains("tidak lebih baru"));
    assert!(
        !r.stdout.contains("tingkat SPBE tahun lalu apa adanya"),
        "no SPBE face value"
    );
}

#[test]
fn convert_a_pemdi_2026_result_writes_next_years_draft_with_evidence_to_renew() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hasil-2026.json");
    std::fs::write(
        &input,
        r#"{"framework": "pemdi-2026", "agency": "Kabupaten Uji", "year": 2026,
            "answers": [
              {"indicator": "pemdi-2026:19", "value": "2.1", "justification": "Layanan bantuan dengan SLA",
               "evidence": [{"name": "SK Helpdesk 2026", "url": "https://contoh.go.id/sk"}]},
              {"indicator": "pemdi-2026:10", "value": "1.5"}
            ],
            "external": {"sdi": "68.75"}}"#,
    )
    .unwrap();
    let input = input.to_str().unwrap();
    let conv = json(&["convert", input, "--json"]);
    let nineteen = conv["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["no"] == 19)
        .unwrap();
    assert_eq!(nineteen["class"], "carried");
    assert_eq!(nineteen["value"], "2.1");
    assert_eq!(nineteen["evidence"][0]["policy"], "update", "{nineteen}");
    assert_eq!(
        nineteen["justifications"][0]["text"],
        "Layanan bantuan dengan SLA"
    );
    // The draft: values as suggestions (marked with their origin), for 2027.
    let draft = dir.path().join("draf-2027.json");
    let r = run(&["convert", input, "-o", draft.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&draft).unwrap()).unwrap();
    assert_eq!(d["framework"], "pemdi-2026");
    assert_eq!(d["year"], 2027);
    let answers = d["answers"].as_array().unwrap();
    let by = |no: &str| {
        answers
            .iter()
            .find(|a| a["indicator"] == format!("pemdi-2026:{no}"))
            .unwrap_or_else(|| panic!("no {no} in {answers:?}"))
    };
    assert_eq!(by("19")["value"], "2.1");
    assert_eq!(by("19")["origin"], "carried");
    assert_eq!(by("19")["evidence"][0]["name"], "SK Helpdesk 2026");
    assert_eq!(by("10")["value"], "1.5");
    assert_eq!(by("10")["origin"], "external");
    assert_eq!(by("5")["value"], "3.75", "SDI 68,75 carried as indicator 5");
    // The draft reads back and scores as the source did.
    let a = json(&["score", input, "--json"]);
    let b = json(&["score", draft.to_str().unwrap(), "--json"]);
    assert_eq!(a["range"], b["range"]);
}

#[test]
fn a_filled_pemdi_2026_worksheet_is_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("lembar-kerja.csv");
    let r = run(&["gaps", FIXTURE, "-o", sheet.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The assessor fills nilai_akhir with 2 wherever there is a suggestion.
    let text = std::fs::read(&sheet).unwrap();
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(&text[..]);
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(Vec::new());
    let mut cols: Vec<String> = Vec::new();
    let mut filled_rows = 0;
    for rec in rd.records() {
        let mut f: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
        if f.first().map(String::as_str) == Some("no") {
            cols = f.clone();
        } else if let (Some(s), Some(n)) = (
            cols.iter().position(|c| c == "saran"),
            cols.iter().position(|c| c == "nilai_akhir"),
        ) && f.len() == cols.len()
            && !f[s].is_empty()
        {
            f[n] = "2".into();
            filled_rows += 1;
        }
        out.write_record(&f).unwrap();
    }
    assert_eq!(filled_rows, 20);
    let lines = [String::from_utf8(out.into_inner().unwrap()).unwrap()];
    let filled = dir.path().join("terisi.csv");
    std::fs::write(&filled, lines.join("\n")).unwrap();
    let v = json(&["gaps", filled.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["same_framework"], true);
    assert_eq!(v["last"]["answered"], 20);
    assert_eq!(v["last"]["index"], "2");
    assert_eq!(v["last"]["year"], 2027);
    let d = dir.path().join("draf.xlsx");
    let r = run(&[
        "convert",
        filled.to_str().unwrap(),
        "-o",
        d.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_identity_hop_is_not_in_the_mapping_graph() {
    let r = run(&["mapping", "graph"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stdout.contains("pemdi-2026-to-pemdi-2026"),
        "{}",
        r.stdout
    );
    let r = run(&["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&["gaps", FIXTURE, "--via", "pemdi-2025"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn batch_takes_pemdi_2026_results_through_the_same_identity_hop() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let r = run(&[
        "batch",
        FIXTURE,
        "-o",
        out.to_str().unwrap(),
        "--summary-only",
        "--quiet",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let row = csv.lines().nth(1).unwrap();
    // The outline of the batch agrees with the full conversion: 1,775 → 1.78.
    assert!(
        row.contains(";pemdi-2026;1,78;1,78;1,78;Cukup (Membangun);1,78;1,78;1,78;"),
        "{row}"
    );
}
