//! Scoring by the regulation's own rules, exactly.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::{Answer, Assessment};
use spbe_pemdi::catalog::BandOn;
use spbe_pemdi::decimal::{fixed2, parse, show2};
use spbe_pemdi::score::{ScoreOptions, score};
use spbe_pemdi::text::Lang;

use crate::util::data;

fn d(s: &str) -> Decimal {
    parse(s).unwrap()
}

fn assessment(fw: &str, levels: &[(u32, u32)]) -> Assessment {
    Assessment {
        framework: fw.into(),
        agency: None,
        year: None,
        source: None,
        answers: levels
            .iter()
            .map(|(no, v)| Answer {
                indicator: format!("{fw}:{no}"),
                value: Decimal::from(*v),
                justification: None,
                evidence: vec![],
                origin: None,
            })
            .collect(),
        external: Default::default(),
        notes: Default::default(),
    }
}

#[test]
fn worked_example_aspect_2_is_3_00() {
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    let a = assessment("spbe-2020", &[(11, 3), (12, 4), (13, 3), (14, 2)]);
    let s = score(fw, &a, &ScoreOptions::default()).unwrap();
    let asp = &s.aspects[1];
    assert_eq!(asp.no, 2);
    assert_eq!(asp.index(), Some(d("3")));
    assert_eq!(show2(asp.index().unwrap(), Lang::Id), "3,00");
}

#[test]
fn worked_example_domain_2_is_3_40() {
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    // Aspect 2 = 3, aspect 3 = 4, aspect 4 = 3 (Tabel 11).
    let mut levels = vec![(11, 3), (12, 4), (13, 3), (14, 2)];
    levels.extend((15..=18).map(|n| (n, 4)));
    levels.extend((19..=20).map(|n| (n, 3)));
    let s = score(
        fw,
        &assessment("spbe-2020", &levels),
        &ScoreOptions::default(),
    )
    .unwrap();
    assert_eq!(s.domains[1].index(), Some(d("3.4")));
    assert_eq!(show2(s.domains[1].index().unwrap(), Lang::Id), "3,40");
}

fn levels_vec(fw: &str, v: &[u32]) -> Assessment {
    let pairs: Vec<(u32, u32)> = v
        .iter()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, *l))
        .collect();
    assessment(fw, &pairs)
}

#[test]
fn worked_example_index_3_282_is_shown_3_28() {
    // Tabel 12: the index from the domain indices 3,7 / 3,4 / 3,0 / 3,2 with
    // the domain weights of the catalog.
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    let parts = [d("3.7"), d("3.4"), d("3.0"), d("3.2")];
    let mut sum = Decimal::ZERO;
    for (dom, v) in fw.domains.iter().zip(parts) {
        sum += dom.weight.value() * v;
    }
    let index = sum / Decimal::from(100);
    assert_eq!(index, d("3.282"));
    assert_eq!(show2(index, Lang::Id), "3,28");
    assert_eq!(fixed2(index), "3.28");
}

#[test]
fn index_equals_weighted_domains_and_aspects() {
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    let v: Vec<u32> = (0..47).map(|i| (i * 7 % 5) + 1).collect();
    let s = score(fw, &levels_vec("spbe-2020", &v), &ScoreOptions::default()).unwrap();
    let via = |units: &[spbe_pemdi::score::UnitScore]| {
        units
            .iter()
            .map(|u| u.index().unwrap() * u.weight.value())
            .sum::<Decimal>()
            / Decimal::from(100)
    };
    let idx = s.overall.index().unwrap();
    assert_eq!(via(&s.domains), idx);
    assert_eq!(via(&s.aspects), idx);
}

#[test]
fn official_kemenpanrb_rows_are_reproduced() {
    // Level vectors reconstructed from the published domain indices; the
    // index and predicate must come out as KemenPANRB published them.
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/official-domain-results.json")).unwrap();
    let files = [
        "kemenpanrb-spbe-2023.csv",
        "kemenpanrb-spbe-2024.xlsx",
        "kemenkeu-spbe-2023.csv",
        "kemenkeu-spbe-2024.json",
    ];
    let data = data();
    for (row, file) in reference["rows"].as_array().unwrap().iter().zip(files) {
        let a =
            spbe_pemdi::assessment::read(&crate::util::fixture(file), &data.catalog, None).unwrap();
        assert_eq!(a.year, row["year"].as_i64().map(|y| y as i32), "{file}");
        let fw = data.catalog.get(&a.framework).unwrap();
        let s = score(fw, &a, &ScoreOptions::default()).unwrap();
        let idx = s.overall.index().unwrap();
        assert_eq!(
            fixed2(idx),
            format!("{:.2}", row["index"].as_f64().unwrap()),
            "{file}"
        );
        assert_eq!(
            fw.band(idx, BandOn::Exact).name,
            row["predicate"].as_str().unwrap(),
            "{file}"
        );
        for (dom, want) in s.domains.iter().zip(row["domains"].as_array().unwrap()) {
            assert_eq!(
                fixed2(dom.index().unwrap()),
                format!("{:.2}", want.as_f64().unwrap()),
                "{file} domain {}",
                dom.no
            );
        }
    }
}

#[test]
fn band_edges_exact_versus_rounded() {
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    // Exact index 3,4985: Baik on the exact value (2024 practice), Sangat
    // Baik on the 2-decimal value 3,50 (2023 practice).
    let v1 = [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5,
        5, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    ];
    let s = score(fw, &levels_vec("spbe-2020", &v1), &ScoreOptions::default()).unwrap();
    let idx = s.overall.index().unwrap();
    assert_eq!(idx, d("3.4985"));
    assert_eq!(fw.band(idx, BandOn::Exact).name, "Baik");
    assert_eq!(fw.band(idx, BandOn::Rounded).name, "Sangat Baik");
    // Exact 1,7995: Kurang exact, Cukup rounded (1,80).
    let v2 = [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 5, 5, 5, 5, 5, 5,
    ];
    let s = score(fw, &levels_vec("spbe-2020", &v2), &ScoreOptions::default()).unwrap();
    let idx = s.overall.index().unwrap();
    assert_eq!(idx, d("1.7995"));
    assert_eq!(fw.band(idx, BandOn::Exact).name, "Kurang");
    assert_eq!(fw.band(idx, BandOn::Rounded).name, "Cukup");
    // An exact 4,765 is shown 4,77 (half up on the exact value).
    let v3 = [
        1, 1, 1, 2, 5, 5, 5, 5, 5, 5, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5,
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    ];
    let s = score(fw, &levels_vec("spbe-2020", &v3), &ScoreOptions::default()).unwrap();
    assert_eq!(s.overall.index(), Some(d("4.765")));
    assert_eq!(show2(d("4.765"), Lang::Id), "4,77");
    // Lower band edges belong to the upper band.
    assert_eq!(fw.band(d("2.6"), BandOn::Exact).name, "Baik");
    assert_eq!(fw.band(d("1.8"), BandOn::Exact).name, "Cukup");
    assert_eq!(fw.band(d("4.2"), BandOn::Exact).name, "Memuaskan");
    let p26 = data.catalog.get("pemdi-2026").unwrap();
    assert_eq!(p26.band(d("1.5"), BandOn::Exact).name, "Cukup");
    assert_eq!(p26.band(d("1.4999"), BandOn::Exact).name, "Kurang");
    assert_eq!(p26.band(d("1.4999"), BandOn::Rounded).name, "Cukup");
    assert_eq!(p26.band(d("4.0"), BandOn::Exact).name, "Memuaskan");
    assert_eq!(p26.band(d("5"), BandOn::Exact).name, "Memuaskan");
}

#[test]
fn partial_assessment_gets_a_range_containing_the_official_index() {
    let data = data();
    let a = spbe_pemdi::assessment::read(
        &crate::util::fixture("aceh-tengah-spbe-2025.json"),
        &data.catalog,
        None,
    )
    .unwrap();
    let fw = data.catalog.get("spbe-2020").unwrap();
    let s = score(fw, &a, &ScoreOptions::default()).unwrap();
    assert_eq!((s.overall.answered, s.overall.total), (38, 47));
    assert_eq!(s.overall.index(), None);
    assert!(s.overall.low <= d("2.59") && d("2.59") <= s.overall.high);
    // The fully answered domains match the official values.
    assert_eq!(s.domains[1].index(), Some(d("1.7")));
    assert_eq!(s.domains[2].index(), Some(d("1")));
    // With the unknowns at the official domain constraints (levels 1, 2, 5-8
    // sum to 14), domain 1 is the published 2,30.
    let dom1 = &s.domains[0];
    assert!(dom1.low <= d("2.3") && d("2.3") <= dom1.high);
}

#[test]
fn spbe_2018_shares_aspect_7_over_six_rows() {
    let data = data();
    let fw = data.catalog.get("spbe-2018").unwrap();
    let a = spbe_pemdi::assessment::read(
        &crate::util::fixture("kota-contoh-spbe-2019.csv"),
        &data.catalog,
        None,
    )
    .unwrap();
    let s = score(fw, &a, &ScoreOptions::default()).unwrap();
    // Aspect 7 = mean of rows 32, 33, 34, 35-1, 35-2, 35-3 = (3+3+1+3+2+0)/6.
    let asp7 = &s.aspects[6];
    assert_eq!(asp7.total, 6);
    assert_eq!(fixed2(asp7.index().unwrap()), "2.00");
    // Index by the 2018 weights: 1% (1-17), 4% (18-24), 5% (25-31), 20/6 % per row.
    let v = |k: &str| a.answer(k).unwrap().value;
    let mut sum = Decimal::ZERO;
    for n in 1..=17 {
        sum += v(&n.to_string());
    }
    for n in 18..=24 {
        sum += v(&n.to_string()) * Decimal::from(4);
    }
    for n in 25..=31 {
        sum += v(&n.to_string()) * Decimal::from(5);
    }
    let rows: Decimal = ["32", "33", "34", "35-1", "35-2", "35-3"]
        .iter()
        .map(|k| v(k))
        .sum();
    let expected = (sum * Decimal::from(6) + rows * Decimal::from(20)) / Decimal::from(600);
    assert_eq!(s.overall.index(), Some(expected));
    assert_eq!(fw.scale.min, Decimal::ZERO);
}

#[test]
fn pemdi_2026_external_indices_convert_by_their_bands() {
    use spbe_pemdi::score::external::convert_for;
    let data = data();
    let fw = data.catalog.get("pemdi-2026").unwrap();
    let conv = |k: &str, x: &str| convert_for(fw, k, d(x), "test").map(|c| c.value);
    // The two published SDI examples.
    assert_eq!(conv("sdi", "25").unwrap(), d("2"));
    assert_eq!(conv("sdi", "68.75").unwrap(), d("3.75"));
    assert_eq!(conv("sdi", "0").unwrap(), d("1"));
    assert_eq!(conv("sdi", "100").unwrap(), d("5"));
    // SJIG bands coincide with the Pemdi bands.
    assert_eq!(conv("sjig", "2.1").unwrap(), d("2.1"));
    // EPSS band edges map onto the Pemdi band edges.
    assert_eq!(conv("epss", "1.8").unwrap(), d("1.5"));
    assert_eq!(conv("epss", "4.2").unwrap(), d("4"));
    assert_eq!(conv("epss", "2.2").unwrap(), d("2"));
    // Off the index's scale, unknown bands, unknown keys.
    assert!(conv("sdi", "101").is_err());
    assert!(conv("ikasandi-persandian", "3").is_err());
    assert!(conv("bogus", "3").is_err());
}

#[test]
fn external_values_enter_the_index_and_conflicts_are_refused() {
    let data = data();
    let fw = data.catalog.get("pemdi-2026").unwrap();
    let a = spbe_pemdi::assessment::read(
        &crate::util::fixture("kabupaten-contoh-pemdi-2026.csv"),
        &data.catalog,
        None,
    )
    .unwrap();
    let s = score(fw, &a, &ScoreOptions::default()).unwrap();
    assert_eq!(s.overall.answered, 20);
    assert_eq!(s.value("5"), Some(d("3.75")));
    assert_eq!(s.external.len(), 3);
    // The command line overrides the file's index value.
    let opts = ScoreOptions {
        external: vec![("sdi".into(), d("25"))],
        ..ScoreOptions::default()
    };
    let s = score(fw, &a, &opts).unwrap();
    assert_eq!(s.value("5"), Some(d("2")));
    // A value for indicator 5 and an SDI value together are refused.
    let mut b = a.clone();
    b.answers.push(spbe_pemdi::assessment::Answer {
        indicator: "pemdi-2026:5".into(),
        value: d("2"),
        justification: None,
        evidence: vec![],
        origin: None,
    });
    assert!(score(fw, &b, &ScoreOptions::default()).is_err());
}
