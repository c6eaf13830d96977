//! The mapping graph: version selection, pins, path choice, and tracing an
//! indicator along a path with sound composition.

use rust_decimal::Decimal;
use serde_json::json;
use spbe_pemdi::crosswalk::{Confidence, Evidence, RelSet, Relation, load_crosswalks};
use spbe_pemdi::data::Data;
use spbe_pemdi::error::Kind;
use spbe_pemdi::graph::{EndKind, IndicatorGraph, MappingGraph, Path, Pin, trace};

use crate::util::{data_from, data_with, file_mut, json_files, texts};

const GOOD: &str = "crosswalks-good/crosswalks";

fn ids(p: &Path) -> Vec<String> {
    p.hops.iter().map(|h| h.to_string()).collect()
}

fn choose(
    data: &Data,
    pins: &[&str],
    from: &str,
    to: &str,
    via: &[&str],
) -> spbe_pemdi::Result<Path> {
    let cws = load_crosswalks(data)?;
    let pins: Vec<Pin> = pins
        .iter()
        .map(|p| Pin::parse(p))
        .collect::<Result<_, _>>()?;
    let g = MappingGraph::new(&data.catalog, &cws, &pins)?;
    let via: Vec<String> = via.iter().map(|s| s.to_string()).collect();
    g.choose(from, to, &via)
}

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

#[test]
fn the_primary_direct_crosswalk_wins() {
    let p = choose(&data_from(GOOD), &[], "spbe-2020", "pemdi-2026", &[]).unwrap();
    assert_eq!(ids(&p), ["spbe-2020-to-pemdi-2026@1.0.0"]);
    assert_eq!(
        p.to_string(),
        "spbe-2020 -[spbe-2020-to-pemdi-2026@1.0.0]-> pemdi-2026"
    );
}

#[test]
fn via_selects_the_chain() {
    let p = choose(
        &data_from(GOOD),
        &[],
        "spbe-2020",
        "pemdi-2026",
        &["pemdi-2025"],
    )
    .unwrap();
    assert_eq!(
        ids(&p),
        [
            "spbe-2020-to-pemdi-2025@1.0.0",
            "pemdi-2025-to-pemdi-2026@1.0.0"
        ]
    );
    assert_eq!(p.frameworks(), ["spbe-2020", "pemdi-2025", "pemdi-2026"]);
}

#[test]
fn the_fewest_hops_win_otherwise() {
    let p = choose(&data_from(GOOD), &[], "spbe-2018", "pemdi-2026", &[]).unwrap();
    assert_eq!(
        ids(&p),
        [
            "spbe-2018-to-spbe-2020@1.0.0",
            "spbe-2020-to-pemdi-2026@1.0.0"
        ]
    );
}

#[test]
fn every_path_is_listed() {
    let data = data_from(GOOD);
    let cws = load_crosswalks(&data).unwrap();
    let g = MappingGraph::new(&data.catalog, &cws, &[]).unwrap();
    let paths: Vec<String> = g
        .paths("spbe-2018", "pemdi-2026")
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(paths.len(), 2);
    assert!(paths[0].contains("spbe-2020-to-pemdi-2026"), "{paths:?}");
    // 4 direct + 18→25, 18→26 (2), 20→26 via 25 = 8.
    assert_eq!(g.all_paths().len(), 8);
    assert_eq!(g.paths("spbe-2020", "spbe-2020"), vec![Path::default()]);
    assert!(g.cycles().is_empty());
}

#[test]
fn no_path_is_a_usage_error() {
    let err = choose(&data_from(GOOD), &[], "pemdi-2026", "spbe-2020", &[]).unwrap_err();
    assert_eq!(err.kind, Kind::Usage);
    assert!(
        err.message
            .en
            .as_deref()
            .unwrap()
            .contains("no crosswalk path")
    );
    let err = choose(
        &data_from(GOOD),
        &[],
        "spbe-2018",
        "pemdi-2026",
        &["pemdi-2027"],
    )
    .unwrap_err();
    assert_eq!(err.kind, Kind::Usage);
    let err = choose(
        &data_from(GOOD),
        &[],
        "spbe-2018",
        "spbe-2020",
        &["pemdi-2025"],
    )
    .unwrap_err();
    assert_eq!(err.kind, Kind::Usage);
}

/// The good set plus `spbe-2020-to-pemdi-2025@1.1.0.json`.
fn with_second_version() -> Data {
    let mut files = json_files(GOOD);
    let mut v2 = file_mut(&mut files, "spbe-2020-to-pemdi-2025.json").clone();
    v2["version"] = json!("1.1.0");
    v2["maps"][0]["confidence"] = json!("medium");
    files.push(("spbe-2020-to-pemdi-2025@1.1.0.json".into(), v2));
    data_with("t", &texts(&files))
}

#[test]
fn the_newest_version_is_used_unless_pinned() {
    let data = with_second_version();
    let p = choose(&data, &[], "spbe-2020", "pemdi-2025", &[]).unwrap();
    assert_eq!(ids(&p), ["spbe-2020-to-pemdi-2025@1.1.0"]);
    let p = choose(
        &data,
        &["spbe-2020-to-pemdi-2025@1.0.0"],
        "spbe-2020",
        "pemdi-2025",
        &[],
    )
    .unwrap();
    assert_eq!(ids(&p), ["spbe-2020-to-pemdi-2025@1.0.0"]);
    assert_eq!(p.hops[0].file, "t/spbe-2020-to-pemdi-2025.json");
}

#[test]
fn a_pinned_crosswalk_must_be_used() {
    let data = data_from(GOOD);
    let p = choose(
        &data,
        &["spbe-2020-to-pemdi-2025"],
        "spbe-2020",
        "pemdi-2026",
        &[],
    )
    .unwrap();
    assert_eq!(p.hops.len(), 2);
    // A pin that lies on no candidate path does not matter.
    let p = choose(
        &data,
        &["spbe-2018-to-spbe-2020"],
        "spbe-2020",
        "pemdi-2026",
        &[],
    )
    .unwrap();
    assert_eq!(p.hops.len(), 1);
}

#[test]
fn bad_pins_are_usage_errors() {
    let data = data_from(GOOD);
    for pin in ["nope", "spbe-2020-to-pemdi-2025@9.9.9"] {
        let err = choose(&data, &[pin], "spbe-2020", "pemdi-2026", &[]).unwrap_err();
        assert_eq!(err.kind, Kind::Usage, "{pin}");
    }
    assert!(Pin::parse("x@1.0").is_err());
    assert!(Pin::parse("@1.0.0").is_err());
    assert_eq!(
        Pin::parse("x@1.2.3").unwrap().version.unwrap().to_string(),
        "1.2.3"
    );
}

#[test]
fn equally_good_paths_are_an_error() {
    let mut files = json_files(GOOD);
    let direct = file_mut(&mut files, "spbe-2020-to-pemdi-2026.json");
    direct.as_object_mut().unwrap().remove("primary");
    let mut alt = direct.clone();
    alt["id"] = json!("spbe-2020-to-pemdi-2026-alt");
    files.push(("spbe-2020-to-pemdi-2026-alt.json".into(), alt));
    let data = data_with("t", &texts(&files));
    let err = choose(&data, &[], "spbe-2020", "pemdi-2026", &[]).unwrap_err();
    assert_eq!(err.kind, Kind::Usage);
    let p = choose(
        &data,
        &["spbe-2020-to-pemdi-2026-alt"],
        "spbe-2020",
        "pemdi-2026",
        &[],
    )
    .unwrap();
    assert_eq!(ids(&p), ["spbe-2020-to-pemdi-2026-alt@1.0.0"]);
}

#[test]
fn cycles_and_bad_versions_are_refused() {
    let mut files = json_files(GOOD);
    let mut back = file_mut(&mut files, "pemdi-2025-to-pemdi-2026.json").clone();
    back["id"] = json!("pemdi-2026-to-pemdi-2025");
    back["from"] = json!("pemdi-2026");
    back["to"] = json!("pemdi-2025");
    files.push(("pemdi-2026-to-pemdi-2025.json".into(), back));
    let data = data_with("t", &texts(&files));
    let cws = load_crosswalks(&data).unwrap();
    let err = MappingGraph::new(&data.catalog, &cws, &[]).unwrap_err();
    assert_eq!(err.kind, Kind::Input);
    let g = MappingGraph::build(&data.catalog, &cws, &[]).unwrap();
    assert_eq!(
        g.cycles(),
        vec![vec![
            "pemdi-2025-to-pemdi-2026".to_string(),
            "pemdi-2026-to-pemdi-2025".to_string()
        ]]
    );

    let mut files = json_files(GOOD);
    file_mut(&mut files, "spbe-2018-to-spbe-2020.json")["version"] = json!("1.0");
    let data = data_with("t", &texts(&files));
    let cws = load_crosswalks(&data).unwrap();
    let err = MappingGraph::new(&data.catalog, &cws, &[]).unwrap_err();
    assert_eq!(err.kind, Kind::Input);
    assert_eq!(err.file.as_deref(), Some("t/spbe-2018-to-spbe-2020.json"));
}

fn chain_graph(data: &Data) -> (Vec<spbe_pemdi::crosswalk::LoadedCrosswalk>, Path) {
    let cws = load_crosswalks(data).unwrap();
    let path = {
        let g = MappingGraph::new(&data.catalog, &cws, &[]).unwrap();
        g.choose("spbe-2020", "pemdi-2026", &["pemdi-2025".to_string()])
            .unwrap()
    };
    (cws, path)
}

#[test]
fn tracing_composes_relation_level_confidence_and_evidence() {
    let data = data_from(GOOD);
    let (cws, path) = chain_graph(&data);
    let g = MappingGraph::new(&data.catalog, &cws, &[]).unwrap();
    let t = trace(&g, &path, 22).unwrap();
    assert_eq!(t.source, "spbe-2020:22");
    assert_eq!(t.routes.len(), 1);
    let r = &t.routes[0];
    assert_eq!(r.target_id, "pemdi-2026:10");
    assert_eq!(r.relation, RelSet::one(Relation::Subset));
    assert_eq!(r.confidence, Confidence::Medium);
    assert_eq!(r.evidence, Evidence::Update);
    let src = spbe_pemdi::crosswalk::Bounds {
        min: d("1"),
        max: d("5"),
    };
    let values: Vec<Decimal> = r.level.tabulate(src).into_iter().map(|(_, v)| v).collect();
    assert_eq!(values, [d("1"), d("1"), d("1.5"), d("2"), d("2.5")]);
    let hops: Vec<String> = r
        .hops
        .iter()
        .map(|h| {
            format!(
                "{}@{} {} {}→{} {} {}",
                h.crosswalk, h.version, h.map, h.from, h.to, h.element, h.rule
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            "spbe-2020-to-pemdi-2025@1.0.0 keamanan spbe-2020:22→pemdi-2025:17 subset table 1→1 2→1 3→2 4→3 5→4",
            "pemdi-2025-to-pemdi-2026@1.0.0 keamanan pemdi-2025:17→pemdi-2026:10 subset table 1→1 2→1.5 3→2 4→2.5 5→3.5",
        ]
    );
}

#[test]
fn equal_then_subset_of_several_sources_is_subset() {
    let data = data_from(GOOD);
    let (cws, path) = chain_graph(&data);
    let g = MappingGraph::new(&data.catalog, &cws, &[]).unwrap();
    let t = trace(&g, &path, 11).unwrap();
    assert_eq!(t.targets().into_iter().collect::<Vec<_>>(), [1]);
    assert_eq!(t.relation_to(1), RelSet::one(Relation::Subset));
    assert_eq!(t.routes[0].confidence, Confidence::Medium);
    // Equal with several sources: each source is equal to or part of the target.
    let t = trace(&g, &path, 30).unwrap();
    assert_eq!(
        t.relation_to(9),
        RelSet::of(&[Relation::Equal, Relation::Subset])
    );
    assert_eq!(t.routes[0].confidence, Confidence::High);
    assert_eq!(t.routes[0].evidence, Evidence::Reuse);
}

#[test]
fn tracing_says_where_routes_stop() {
    let data = data_from(GOOD);
    let (cws, path) = chain_graph(&data);
    let g = MappingGraph::new(&data.catalog, &cws, &[]).unwrap();
    let ig = IndicatorGraph::new(&g, &path).unwrap();
    let t = ig.trace(3);
    assert!(t.routes.is_empty());
    assert_eq!(t.ends.len(), 1);
    assert_eq!(t.ends[0].at, "spbe-2020:3");
    assert!(matches!(t.ends[0].kind, EndKind::Retired(_)));
    let t = ig.trace(99);
    assert!(t.routes.is_empty());
    assert_eq!(t.ends[0].kind, EndKind::Unknown);
}
