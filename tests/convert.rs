//! Converting last year's assessment: provenance, honest ranges, classes,
//! the projected index, merging into a draft, determinism.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::read;
use spbe_pemdi::convert::draft::{DraftFormat, draft, merge, write};
use spbe_pemdi::convert::{Class, Conversion, ConvertOptions, Converter, convert};
use spbe_pemdi::data::Data;
use spbe_pemdi::text::Lang;

use crate::util::{data, fixture, run};

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

fn conv(data: &Data, file: &str, opts: &ConvertOptions) -> Conversion {
    let a = read(&fixture(file), &data.catalog, None).unwrap();
    convert(data, &a, opts).unwrap()
}

fn via(v: &[&str]) -> ConvertOptions {
    ConvertOptions {
        via: v.iter().map(|s| s.to_string()).collect(),
        ..ConvertOptions::default()
    }
}

fn check_invariants(c: &Conversion) {
    let fw = data();
    let fw = fw.catalog.get(&c.target).unwrap();
    assert_eq!(
        c.indicators.len(),
        fw.indicators.len(),
        "every target indicator"
    );
    for t in &c.indicators {
        let p = &t.estimate;
        assert!(p.low <= p.point && p.point <= p.high, "{}: {p:?}", t.id);
        assert!(p.low >= fw.scale.min && p.high <= fw.scale.max, "{}", t.id);
        // The evidenced value and its range; the projection is it, unless
        // the calibration (with its band) made it.
        let e = &t.evidenced;
        assert!(e.low <= e.point && e.point <= e.high, "{}: {e:?}", t.id);
        if t.band.is_none() {
            assert_eq!(p, e, "{}", t.id);
        } else {
            assert!(
                matches!(t.class, Class::Carried | Class::Derived),
                "{}",
                t.id
            );
        }
        match t.class {
            Class::Gap => {
                assert!(t.value.is_none() && t.sources.is_empty(), "{}", t.id);
                assert_eq!((e.low, e.point), (fw.scale.min, fw.scale.min), "{}", t.id);
                // The whole scale only where the map's sources are unanswered.
                assert_eq!(e.high > e.point, !t.unanswered.is_empty(), "{}", t.id);
            }
            Class::Carried => {
                assert!(t.hops.iter().all(|h| h.relation == "equal"), "{}", t.id);
            }
            Class::Derived | Class::Proxy => {
                assert!(!t.sources.is_empty() && !t.hops.is_empty(), "{}", t.id);
                // The evidenced range comes from unanswered sources only.
                assert_eq!(
                    e.low == e.high,
                    t.unanswered.is_empty(),
                    "{}: {e:?} {:?}",
                    t.id,
                    t.unanswered
                );
            }
            Class::External => assert!(t.external.is_some(), "{}", t.id),
        }
        if let Some(v) = t.value {
            assert_eq!(v, p.point, "{}", t.id);
        }
    }
    let p = &c.projected_index;
    assert!(p.low <= p.point && p.point <= p.high);
}

#[test]
fn aceh_tengah_direct_projection_is_honest() {
    let data = data();
    let c = conv(
        &data,
        "aceh-tengah-spbe-2025.json",
        &ConvertOptions::default(),
    );
    check_invariants(&c);
    assert_eq!(c.target, "pemdi-2026");
    assert_eq!(c.path, vec!["spbe-2020-to-pemdi-2026@2.0.0"]);
    // The evidenced values are conservative: the real 2026 result was 1,24,
    // and what the old answers evidence lies at or below it.
    let p = &c.projected_index;
    assert!(p.point <= d("1.24"), "{}", p.point);
    assert_eq!(c.projected_aspects.len(), 7);
    // Indicators scored from other agencies' indices are external, or a
    // proxy where SPBE answers stand in for the index.
    for no in [6, 7, 11, 12] {
        assert_eq!(c.indicator(no).unwrap().class, Class::External, "{no}");
    }
    for no in [5, 10] {
        assert_eq!(c.indicator(no).unwrap().class, Class::Proxy, "{no}");
    }
    // Provenance by id, with the crosswalk version on every hop.
    let t = c.indicator(4).unwrap();
    assert!(t.sources.iter().any(|s| s.id == "spbe-2020:19"));
    assert!(t.hops.iter().all(|h| h.crosswalk.contains('@')));
    assert!(c.stamp.hash.starts_with("sha256:"));
    assert!(c.stamp.catalogs.iter().any(|x| x.starts_with("pemdi-2026")));
}

#[test]
fn through_the_2025_concept_and_across_three_hops() {
    let data = data();
    let c = conv(&data, "aceh-tengah-spbe-2025.json", &via(&["pemdi-2025"]));
    check_invariants(&c);
    assert_eq!(c.path.len(), 2);
    assert!(
        c.indicators.iter().any(|t| t.hops.len() >= 2),
        "chained results record every hop"
    );
    let c = conv(&data, "kota-contoh-spbe-2019.csv", &via(&["pemdi-2025"]));
    check_invariants(&c);
    assert_eq!(
        c.path,
        vec![
            "spbe-2018-to-spbe-2020@1.0.0",
            "spbe-2020-to-pemdi-2025@2.0.0",
            "pemdi-2025-to-pemdi-2026@2.0.0"
        ]
    );
    let hops: Vec<usize> = c.indicators.iter().map(|t| t.hops.len()).collect();
    assert!(hops.iter().any(|h| *h >= 3), "{hops:?}");
    // spbe-2018 -> spbe-2020: some same-name services carry over.
    let c = conv(
        &data,
        "kota-contoh-spbe-2019.csv",
        &ConvertOptions {
            to: Some("spbe-2020".into()),
            ..ConvertOptions::default()
        },
    );
    check_invariants(&c);
    assert!(c.indicators.iter().any(|t| t.class == Class::Carried));
}

#[test]
fn missing_answers_widen_ranges_and_never_invent_values() {
    let data = data();
    let full = conv(
        &data,
        "kabupaten-contoh-spbe-2024.xlsx",
        &ConvertOptions::default(),
    );
    // Drop every answer: everything not external becomes a gap.
    let mut a = read(
        &fixture("kabupaten-contoh-spbe-2024.xlsx"),
        &data.catalog,
        None,
    )
    .unwrap();
    a.answers.clear();
    let empty = convert(&data, &a, &ConvertOptions::default()).unwrap();
    check_invariants(&empty);
    for t in &empty.indicators {
        assert!(t.value.is_none(), "{} invented", t.id);
    }
    // Half the answers: ranges only widen, never narrow.
    let mut half = read(
        &fixture("kabupaten-contoh-spbe-2024.xlsx"),
        &data.catalog,
        None,
    )
    .unwrap();
    half.answers.retain(|x| x.indicator_no().unwrap() % 2 == 0);
    let half = convert(&data, &half, &ConvertOptions::default()).unwrap();
    check_invariants(&half);
    assert!(half.projected_index.low <= full.projected_index.low);
    assert!(half.projected_index.high >= full.projected_index.high);
}

#[test]
fn external_index_values_fill_their_indicators() {
    let data = data();
    let opts = ConvertOptions {
        external: vec![("sdi".into(), d("68.75")), ("epss".into(), d("1.8"))],
        ..ConvertOptions::default()
    };
    let c = conv(&data, "aceh-tengah-spbe-2025.json", &opts);
    check_invariants(&c);
    let t = c.indicator(5).unwrap();
    assert_eq!((t.class, t.value), (Class::External, Some(d("3.75"))));
    assert_eq!((t.estimate.low, t.estimate.high), (d("3.75"), d("3.75")));
    assert_eq!(c.indicator(7).unwrap().value, Some(d("1.5")));
    assert_eq!(c.indicator(6).unwrap().value, None);
    let bad = ConvertOptions {
        external: vec![("sdi".into(), d("101"))],
        ..ConvertOptions::default()
    };
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    assert!(convert(&data, &a, &bad).is_err());
}

#[test]
fn evidence_is_carried_with_its_policy() {
    let data = data();
    let c = conv(
        &data,
        "kabupaten-contoh-spbe-2024.xlsx",
        &ConvertOptions::default(),
    );
    let carried: Vec<_> = c.indicators.iter().flat_map(|t| &t.evidence).collect();
    assert!(!carried.is_empty());
    for e in carried {
        assert!(e.from.starts_with("spbe-2020:"));
    }
    let t = c.indicator(20).unwrap();
    assert!(t.justifications.iter().any(|j| j.from == "spbe-2020:42"));
}

#[test]
fn merge_never_clobbers_and_is_idempotent() {
    let data = data();
    let c = conv(
        &data,
        "kabupaten-contoh-spbe-2024.xlsx",
        &ConvertOptions::default(),
    );
    // A person's draft: two values set by hand, one of them differing from
    // the suggestion, plus an old tool suggestion to refresh.
    let mut person = draft(&c);
    person.answers.retain(|a| a.key() == "1" || a.key() == "3");
    person
        .notes
        .rows
        .retain(|k, _| k == "1" || k == "3" || k == "13");
    for a in &mut person.answers {
        a.origin = None;
    }
    person.answers[0].value = d("4.5");
    let mut stale = draft(&c)
        .answers
        .into_iter()
        .find(|a| a.key() == "13")
        .unwrap();
    stale.value = d("4");
    person.answers.push(stale);
    // The stale suggestion was recorded with its value.
    person.notes.rows.get_mut("13").unwrap().suggested =
        Some(spbe_pemdi::assessment::DecValue(d("4")));
    let m = merge(&person, &c).unwrap();
    let get = |k: &str| m.draft.answer(k).unwrap().value;
    assert_eq!(get("1"), d("4.5"), "a person's value is kept");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].id, "pemdi-2026:1");
    assert_eq!(
        get("13"),
        c.indicator(13).unwrap().value.unwrap(),
        "a suggestion is refreshed"
    );
    assert!(m.refreshed.contains(&"pemdi-2026:13".to_string()));
    // Idempotent: merging again changes nothing.
    let again = merge(&m.draft, &c).unwrap();
    assert_eq!(again.draft, m.draft);
    assert!(again.filled.is_empty() && again.refreshed.is_empty());
    // Every written form reads back to the same merged draft.
    for (fmt, ext) in [
        (DraftFormat::Json, "json"),
        (DraftFormat::Csv, "csv"),
        (DraftFormat::Xlsx, "xlsx"),
    ] {
        let bytes = write(&m.draft, Some(&c), fmt, Lang::Id).unwrap();
        let back =
            spbe_pemdi::assessment::read_bytes(&format!("d.{ext}"), bytes, &data.catalog, None)
                .unwrap();
        assert_eq!(back.answers, m.draft.answers, "{ext}");
        assert_eq!(
            merge(&back, &c).unwrap().draft.answers,
            m.draft.answers,
            "{ext}"
        );
    }
}

#[test]
fn same_input_same_bytes() {
    let data = data();
    let a = read(
        &fixture("kabupaten-contoh-spbe-2024.xlsx"),
        &data.catalog,
        None,
    )
    .unwrap();
    let conv = Converter::new(&data, "spbe-2020", &ConvertOptions::default()).unwrap();
    let x = conv.convert(&a).unwrap();
    let y = conv.convert(&a).unwrap();
    for fmt in [DraftFormat::Json, DraftFormat::Csv, DraftFormat::Xlsx] {
        assert_eq!(
            write(&draft(&x), Some(&x), fmt, Lang::Id).unwrap(),
            write(&draft(&y), Some(&y), fmt, Lang::Id).unwrap()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let out = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    let (o1, o2) = (out("a.json"), out("b.json"));
    assert_eq!(
        run(&["convert", "fixtures/aceh-tengah-spbe-2025.json", "-o", &o1]).code,
        0
    );
    assert_eq!(
        run(&["convert", "fixtures/aceh-tengah-spbe-2025.json", "-o", &o2]).code,
        0
    );
    assert_eq!(std::fs::read(&o1).unwrap(), std::fs::read(&o2).unwrap());
}

#[test]
fn cli_refuses_to_overwrite_the_draft_it_merges_into() {
    let dir = tempfile::tempdir().unwrap();
    let draft_path = dir.path().join("draf.json");
    let p = draft_path.to_str().unwrap();
    assert_eq!(
        run(&["convert", "fixtures/aceh-tengah-spbe-2025.json", "-o", p]).code,
        0
    );
    let before = std::fs::read(&draft_path).unwrap();
    let r = run(&[
        "convert",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--into",
        p,
        "-o",
        p,
        "--force",
    ]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert_eq!(std::fs::read(&draft_path).unwrap(), before);
    let r = run(&[
        "convert",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--into",
        p,
    ]);
    assert_eq!(r.code, 2, "--into needs -o");
}
