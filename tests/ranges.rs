//! Issue 12's "done when" on ranges and on Aceh Tengah, with the shipped
//! crosswalks and calibration: the projected ranges say something, a
//! partial assessment's range is wider than the complete one's, and Aceh
//! Tengah's projection lands near its real result.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::read;
use spbe_pemdi::convert::{ConvertOptions, convert};

use crate::util::{data, fixture};

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

fn aceh() -> spbe_pemdi::convert::Conversion {
    let data = data();
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    convert(&data, &a, &ConvertOptions::default()).unwrap()
}

/// Done when: Aceh Tengah's projected range contains its real result
/// (1,2415, provisional) and its self-assessment (1,42); points inside.
#[test]
fn aceh_tengah_projected_range_contains_real_and_self_assessment() {
    let c = aceh();
    let p = &c.projected_index;
    assert!(p.low <= d("1.2415") && d("1.42") <= p.high, "{p:?}");
    assert!(p.low <= p.point && p.point <= p.high);
    assert!(p.high - p.low < d("4"), "no longer the whole scale: {p:?}");
    for t in &c.indicators {
        let (e, v) = (&t.estimate, &t.evidenced);
        assert!(e.low <= e.point && e.point <= e.high, "{}", t.id);
        assert!(v.low <= v.point && v.point <= v.high, "{}", t.id);
    }
    let k = c
        .calibration
        .as_ref()
        .expect("the shipped calibration is used");
    assert_eq!(k.basis.id, "1 pasangan, sementara, indikatif");
    assert_eq!(
        k.basis.en.as_deref(),
        Some("1 pair, provisional, indicative")
    );
}

/// Done when: on Aceh Tengah the projected index is within 0,10 of 1,2415.
#[test]
fn aceh_tengah_projected_index_within_a_tenth_of_the_real_one() {
    let c = aceh();
    let diff = (c.projected_index.point - d("1.2415")).abs();
    assert!(diff <= d("0.10"), "{}", c.projected_index.point);
}

/// Done when: a complete assessment's projected index range is no longer
/// the whole scale, and contains its point; the JSON labels both causes.
#[test]
fn complete_assessment_projected_range_is_informative() {
    let data = data();
    let a = read(
        &fixture("kabupaten-contoh-spbe-2024.csv"),
        &data.catalog,
        None,
    )
    .unwrap();
    let c = convert(&data, &a, &ConvertOptions::default()).unwrap();
    assert!(c.source.index.is_some(), "the fixture is complete");
    let p = &c.projected_index;
    assert!(p.low <= p.point && p.point <= p.high);
    // Well under the whole scale (4): under half of it.
    assert!(p.high - p.low < d("2"), "{p:?}");
    let v: serde_json::Value = serde_json::from_str(&spbe_pemdi::convert::render_json(&c)).unwrap();
    assert!(v["evidenced_index"]["low"].is_string());
    assert_eq!(
        v["calibration"]["basis"]["id"],
        "1 pasangan, sementara, indikatif"
    );
    let t = &v["indicators"][19];
    assert!(t["evidenced"]["point"].is_string() && t["estimate"]["point"].is_string());
    assert_eq!(t["band"]["n"], 1);
    assert_eq!(t["band"]["indicative"], true);
}

/// Done when: a partial assessment's projected range is wider than the
/// complete one's (the unanswered sources add range (a) to the band), and
/// both contain their points.
#[test]
fn a_partial_assessment_has_a_wider_range_than_the_complete_one() {
    let data = data();
    let full = read(
        &fixture("kabupaten-contoh-spbe-2024.csv"),
        &data.catalog,
        None,
    )
    .unwrap();
    let mut partial = full.clone();
    // Every third answer left out.
    partial.answers = full
        .answers
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 != 0)
        .map(|(_, a)| a.clone())
        .collect();
    let c = convert(&data, &full, &ConvertOptions::default()).unwrap();
    let p = convert(&data, &partial, &ConvertOptions::default()).unwrap();
    let width = |x: &spbe_pemdi::convert::Projected| x.high - x.low;
    for x in [&c.projected_index, &p.projected_index] {
        assert!(x.low <= x.point && x.point <= x.high, "{x:?}");
    }
    assert_eq!(width(&c.evidenced_index), Decimal::ZERO);
    assert!(width(&p.evidenced_index) > Decimal::ZERO);
    assert!(
        width(&p.projected_index) > width(&c.projected_index),
        "partial {:?}, complete {:?}",
        p.projected_index,
        c.projected_index
    );
}

/// The gap report's next level lies above the projection and the evidenced
/// value: where the calibration projects below what the old answers
/// evidence (Aceh Tengah's 16 and 17: evidenced 2, projected 1,75), the
/// action is the first rung not evidenced (3), not a level already shown.
#[test]
fn the_next_level_is_never_one_the_old_answers_evidence() {
    let data = data();
    let c = aceh();
    let fw = data.catalog.get("pemdi-2026").unwrap();
    for (t, st) in spbe_pemdi::report::stake::ranked(fw, &c.indicators) {
        let Some(n) = st.next_level else { continue };
        let n = Decimal::from(n);
        assert!(n > t.evidenced.point && n > t.estimate.point, "{}", t.id);
    }
    let t16 = c.indicator(16).unwrap();
    assert_eq!(
        (t16.evidenced.point, t16.estimate.point),
        (d("2"), d("1.75"))
    );
    let ranked = spbe_pemdi::report::stake::ranked(fw, &c.indicators);
    let (_, st) = ranked.iter().find(|(t, _)| t.no == 16).unwrap();
    assert_eq!(st.next_level, Some(3));
    // w/100 × (3 − 1,75) with w = 4.
    assert_eq!(st.next, d("0.05"));
}
