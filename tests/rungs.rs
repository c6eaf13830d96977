//! The rubric reading: rungs evidenced by source criteria, the evidenced
//! value and its range from unanswered sources only, one rule for missing
//! sources, the proxy class, and nothing in the index the table hides.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::{Assessment, read, read_bytes};
use spbe_pemdi::convert::{Class, Conversion, ConvertOptions, convert};
use spbe_pemdi::crosswalk::{LevelRule, load_crosswalks};
use spbe_pemdi::data::Data;

use crate::util::{data, fixture};

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

/// An spbe-2020 assessment with `value(no)` for each answered indicator.
fn spbe(data: &Data, value: impl Fn(u32) -> Option<u32>) -> Assessment {
    let answers: Vec<String> = (1..=47)
        .filter_map(|no| {
            value(no).map(|v| format!(r#"{{"indicator": "spbe-2020:{no}", "value": "{v}"}}"#))
        })
        .collect();
    let json = format!(
        r#"{{"framework": "spbe-2020", "answers": [{}]}}"#,
        answers.join(",")
    );
    read_bytes("a.json", json.into_bytes(), &data.catalog, None).unwrap()
}

fn conv(data: &Data, a: &Assessment) -> Conversion {
    convert(data, a, &ConvertOptions::default()).unwrap()
}

/// The Pemdi index over the values the table shows (a value not shown,
/// for a gap or an external index not given, counts at the floor).
fn index_of_shown(c: &Conversion) -> Decimal {
    let fw = data();
    let fw = fw.catalog.get("pemdi-2026").unwrap();
    c.indicators
        .iter()
        .map(|t| {
            let w = fw.indicators.iter().find(|i| i.no == t.no).unwrap();
            t.value.unwrap_or(fw.scale.min) * w.weight.value()
        })
        .sum::<Decimal>()
        / Decimal::from(100)
}

#[test]
fn a_complete_assessment_has_a_point_and_the_tables_say_what_the_rungs_do() {
    let data = data();
    let loaded = load_crosswalks(&data).unwrap();
    let direct = loaded
        .iter()
        .find(|c| c.crosswalk.id == "spbe-2020-to-pemdi-2026")
        .unwrap();
    for v in 1..=5u32 {
        let c = conv(&data, &spbe(&data, |_| Some(v)));
        let p = &c.evidenced_index;
        assert_eq!((p.low, p.high), (p.point, p.point), "all {v}");
        for t in &c.indicators {
            assert_eq!(t.evidenced.low, t.evidenced.high, "{} at {v}", t.id);
            assert!(t.unanswered.is_empty(), "{}", t.id);
        }
        for m in &direct.crosswalk.maps {
            let LevelRule::Table { table } = &m.level_rule else {
                panic!("{}", m.id)
            };
            let t = c.indicator(m.targets[0]).unwrap();
            assert_eq!(
                Some(t.evidenced.point),
                table.get(Decimal::from(v)),
                "{} at {v}",
                m.id
            );
        }
    }
}

#[test]
fn a_partial_assessment_is_wider_and_names_the_unanswered_sources() {
    let data = data();
    let full = conv(&data, &spbe(&data, |_| Some(5)));
    // 12 unanswered: the governance rungs it evidences are open.
    let part = conv(&data, &spbe(&data, |no| (no != 12).then_some(5)));
    let t = part.indicator(1).unwrap();
    assert_eq!(t.unanswered, vec!["spbe-2020:12".to_string()]);
    // One rule for missing sources: the point counts 12 at the floor (it
    // evidences nothing), the high end at the ceiling.
    assert_eq!(
        (t.evidenced.low, t.evidenced.point, t.evidenced.high),
        (d("1"), d("1"), d("3"))
    );
    let (f, p) = (&full.projected_index, &part.projected_index);
    assert!(p.low < p.high, "{p:?}");
    assert!(p.low <= f.point && f.point <= p.high);
    // Aceh Tengah (38 of 47 answered) has a range, and it names its cause.
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    let c = conv(&data, &a);
    assert!(c.projected_index.low < c.projected_index.high);
    let open: Vec<u32> = c
        .indicators
        .iter()
        .filter(|t| !t.unanswered.is_empty())
        .map(|t| t.no)
        .collect();
    assert_eq!(open, vec![10, 18], "8 and 43 are unanswered");
}

#[test]
fn regression_hidden_fallback_of_external_indicators_nothing_counts_that_the_table_does_not_show() {
    // Before 2.0.0, 5 and 10 showed "–" while their SPBE fallback entered
    // the projected index (an all-4 agency: 5 counted 2,4 and 10 2,6).
    let data = data();
    let aceh = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    let mut cases = vec![conv(&data, &aceh)];
    for v in [3, 4, 5] {
        cases.push(conv(&data, &spbe(&data, |_| Some(v))));
    }
    for c in &cases {
        for t in &c.indicators {
            let shown = t.value.unwrap_or(d("1"));
            assert_eq!(t.estimate.point, shown, "{}", t.id);
        }
        assert_eq!(c.projected_index.point, index_of_shown(c));
    }
    // With SPBE answers and no index value, 5 and 10 are proxies shown
    // with their value.
    let c = &cases[3];
    for no in [5, 10] {
        let t = c.indicator(no).unwrap();
        assert_eq!(t.class, Class::Proxy, "{no}");
        assert!(t.value.is_some_and(|v| v > d("1")), "{no}");
    }
}

#[test]
fn one_source_one_map_everywhere() {
    let data = data();
    let loaded = load_crosswalks(&data).unwrap();
    let direct = &loaded
        .iter()
        .find(|c| c.crosswalk.id == "spbe-2020-to-pemdi-2026")
        .unwrap()
        .crosswalk;
    for no in 1..=47u32 {
        let n = direct
            .maps
            .iter()
            .filter(|m| m.sources.contains(&no))
            .count();
        assert_eq!(n, 1, "spbe-2020:{no} is a source of {n} maps");
    }
    for m in &direct.maps {
        assert!(m.rationale_en.is_some(), "{}", m.id);
        let levels: Vec<u32> = m.rungs.iter().map(|r| r.level).collect();
        assert_eq!(levels, vec![2, 3, 4, 5], "{}", m.id);
        assert!(m.rungs.iter().all(|r| r.note_en.is_some()), "{}", m.id);
    }
    for n in &direct.new {
        assert!(n.reason_en.is_some(), "{}", n.indicator);
    }
    // The same rule in the chain, whose texts are bilingual too.
    for id in ["spbe-2020-to-pemdi-2025", "pemdi-2025-to-pemdi-2026"] {
        let cw = &loaded
            .iter()
            .find(|c| c.crosswalk.id == id)
            .unwrap()
            .crosswalk;
        let mut seen = std::collections::BTreeSet::new();
        for m in &cw.maps {
            assert!(m.rationale_en.is_some(), "{id} {}", m.id);
            for s in &m.sources {
                assert!(seen.insert(*s), "{id}: source {s} in two maps");
            }
        }
        assert!(cw.new.iter().all(|n| n.reason_en.is_some()), "{id}");
    }
}

/// Kabupaten Aceh Tengah's provisional Pemdi 2026 values (assessors' deck
/// of 2026-09-21, /work/shared/reference/examples/aceh-tengah-pemdi-2026.json).
const ACEH_2026: [&str; 20] = [
    "2.0", "1.5", "1.26", "1.3", "1", "1", "1", "1", "1", "1", "1.5", "1.25", "1.17", "1", "1",
    "1", "2.5", "1", "1", "1.3",
];

#[test]
fn aceh_tengah_weighted_error_of_the_evidenced_values() {
    // The figures in docs/crosswalk-format.md: the weighted mean absolute
    // error per indicator of the evidenced values against the real ones,
    // beside the all-floor baseline's.
    let data = data();
    let fw = data.catalog.get("pemdi-2026").unwrap();
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    let c = conv(&data, &a);
    let err = |f: &dyn Fn(u32) -> Decimal| -> Decimal {
        fw.indicators
            .iter()
            .map(|i| (f(i.no) - d(ACEH_2026[i.no as usize - 1])).abs() * i.weight.value())
            .sum::<Decimal>()
            / Decimal::from(100)
    };
    let evidenced = err(&|no| c.indicator(no).unwrap().evidenced.point);
    let floor = err(&|_| d("1"));
    assert_eq!(floor, d("0.2415"));
    assert_eq!(evidenced, d("0.2415"));
    assert_eq!(c.evidenced_index.point.round_dp(2), d("1.08"));
}

#[test]
fn figures_in_the_calibration_texts_and_docs_are_computed() {
    let data = data();
    let loaded = load_crosswalks(&data).unwrap();
    // The calibration text in Indonesian (decimal comma) and in English
    // (decimal point).
    let text = |id: &str, lang: spbe_pemdi::Lang| {
        let c = &loaded
            .iter()
            .find(|c| c.crosswalk.id == id)
            .unwrap()
            .crosswalk;
        match lang {
            spbe_pemdi::Lang::Id => c.calibration.clone().unwrap(),
            spbe_pemdi::Lang::En => c.calibration_en.clone().unwrap(),
        }
    };
    let via = ConvertOptions {
        via: vec!["pemdi-2025".into()],
        ..ConvertOptions::default()
    };
    let to_2025 = ConvertOptions {
        to: Some("pemdi-2025".into()),
        ..ConvertOptions::default()
    };
    let aceh = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    let all = |v: u32| spbe(&data, move |_| Some(v));
    // The evidenced index: the texts speak of what the answers evidence
    // (the chain has no calibration, so there it is also the projection).
    let point = |a: &Assessment, o: &ConvertOptions, lang| {
        let c = convert(&data, a, o).unwrap();
        spbe_pemdi::decimal::show2(c.evidenced_index.point, lang)
    };
    let direct = ConvertOptions::default();
    for lang in [spbe_pemdi::Lang::Id, spbe_pemdi::Lang::En] {
        let chain = text("pemdi-2025-to-pemdi-2026", lang);
        for (figure, what) in [
            (point(&aceh, &via, lang), "Aceh via pemdi-2025"),
            (point(&aceh, &direct, lang), "Aceh direct"),
            (point(&all(5), &via, lang), "all 5 via pemdi-2025"),
            (point(&all(5), &direct, lang), "all 5 direct"),
            (point(&all(1), &via, lang), "all 1 via pemdi-2025"),
        ] {
            assert!(
                chain.contains(&figure),
                "{what}: {figure} not in the {lang:?} text"
            );
        }
        let hop1 = text("spbe-2020-to-pemdi-2025", lang);
        assert!(hop1.contains(&point(&aceh, &to_2025, lang)), "{hop1}");
    }
    let id = spbe_pemdi::Lang::Id;
    assert_eq!(point(&aceh, &via, id), "1,10");
    assert_eq!(point(&all(5), &via, id), "1,97");
    let doc =
        std::fs::read_to_string(crate::util::root().join("docs/crosswalk-format.md")).unwrap();
    assert!(doc.contains(&format!("index of {}", point(&aceh, &direct, id))));
    assert!(doc.contains("is 0,2415, equal to the"));
}

#[test]
fn one_rule_for_missing_sources_whatever_the_aggregation() {
    // The chain's governance map (pemdi-2025 1, 3, 4, 5 -> pemdi-2026 1)
    // with an identity rule, so that the aggregate shows; 1 is unanswered.
    let text = std::fs::read_to_string(
        crate::util::root().join("mappings/crosswalks/pemdi-2025-to-pemdi-2026.json"),
    )
    .unwrap();
    let c25 = data();
    let fw = c25.catalog.get("pemdi-2025").unwrap();
    let w = |no: u32| {
        fw.indicators
            .iter()
            .find(|i| i.no == no)
            .unwrap()
            .weight
            .value()
    };
    let json = r#"{"framework": "pemdi-2025", "answers": [
        {"indicator": "pemdi-2025:3", "value": "5"},
        {"indicator": "pemdi-2025:4", "value": "5"},
        {"indicator": "pemdi-2025:5", "value": "5"}]}"#;
    let mean = (w(1) + d("5") * (w(3) + w(4) + w(5))) / (w(1) + w(3) + w(4) + w(5));
    for (agg, point) in [
        ("weighted_mean", mean),
        ("all_of", mean),
        ("min", d("1")),
        ("max", d("5")),
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let m = v["maps"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|m| m["id"] == "governance")
            .unwrap();
        m["aggregation"] = serde_json::json!(agg);
        m["level_rule"] = serde_json::json!({"kind": "identity"});
        let data = crate::util::data_with(
            "t",
            &[(
                "pemdi-2025-to-pemdi-2026.json".to_string(),
                serde_json::to_string_pretty(&v).unwrap(),
            )],
        );
        let a = read_bytes("a.json", json.as_bytes().to_vec(), &data.catalog, None).unwrap();
        let t = conv(&data, &a).indicator(1).unwrap().clone();
        let e = t.evidenced;
        // The point and the low end count the unanswered source at the
        // floor, the high end at the ceiling.
        assert_eq!(e.point, point.round_dp(2), "{agg}");
        assert_eq!(e.low, e.point, "{agg}");
        assert_eq!(e.high, d("5"), "{agg}");
        if agg != "max" {
            assert_eq!(t.unanswered, vec!["pemdi-2025:1".to_string()], "{agg}");
        }
    }
}

#[test]
fn the_catalog_records_how_assessors_score_index_indicators() {
    use spbe_pemdi::catalog::{ScoredBy, parse_framework};
    let data = data();
    let fw = data.catalog.get("pemdi-2026").unwrap();
    let by = |no: u32| {
        fw.indicators
            .iter()
            .find(|i| i.no == no)
            .unwrap()
            .scoring
            .as_ref()
            .map(|s| s.by)
    };
    // Aceh Tengah's deck: 5, 6, 7 and 18 assumed 1 as index-scored; 10's
    // Indeks KAMI rejected for IKASANDI; 11 and 12 scored from documents.
    for no in [5, 6, 7, 10] {
        assert_eq!(by(no), Some(ScoredBy::ExternalIndex), "{no}");
    }
    for no in [11, 12, 18] {
        assert_eq!(by(no), Some(ScoredBy::Either), "{no}");
    }
    // Scored from an external index only, the index must be named.
    let path = crate::util::root().join("mappings/frameworks/pemdi-2026.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["indicators"][4]
        .as_object_mut()
        .unwrap()
        .remove("external");
    let e = parse_framework("pemdi-2026.json", &v.to_string()).unwrap_err();
    assert!(format!("{e:?}").contains("scoring.by"), "{e:?}");
}
