//! Scoring by the regulation's own rules, exactly.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::{Answer, Assessment};
use spbe_pemdi::decimal::{parse, show2};
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
            })
            .collect(),
        external: Default::default(),
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
