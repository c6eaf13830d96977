//! Properties: scoring invariants and readers that never panic.

use proptest::prelude::*;
use rust_decimal::Decimal;
use spbe_pemdi::assessment::{Answer, Assessment, read_bytes};
use spbe_pemdi::score::{ScoreOptions, score};

use crate::util::data;

fn assessment(fw: &str, keys: &[String], values: &[Option<Decimal>]) -> Assessment {
    Assessment {
        framework: fw.into(),
        agency: None,
        year: None,
        source: None,
        answers: keys
            .iter()
            .zip(values)
            .filter_map(|(k, v)| {
                v.map(|value| Answer {
                    indicator: format!("{fw}:{k}"),
                    value,
                    justification: None,
                    evidence: vec![],
                    origin: None,
                })
            })
            .collect(),
        external: Default::default(),
        notes: Default::default(),
    }
}

fn levels(n: usize, lo: u32, hi: u32) -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(lo..=hi, n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn spbe_2020_index_is_the_regulation_formula_and_on_scale(v in levels(47, 1, 5)) {
        let data = data();
        let fw = data.catalog.get("spbe-2020").unwrap();
        let keys: Vec<String> = fw.items().into_iter().map(|i| i.key).collect();
        let vals: Vec<Option<Decimal>> = v.iter().map(|l| Some(Decimal::from(*l))).collect();
        let s = score(fw, &assessment("spbe-2020", &keys, &vals), &ScoreOptions::default()).unwrap();
        let idx = s.overall.index().unwrap();
        let formula: Decimal = fw
            .indicators
            .iter()
            .zip(&v)
            .map(|(i, l)| i.weight.value() * Decimal::from(*l))
            .sum::<Decimal>()
            / Decimal::from(100);
        prop_assert_eq!(idx, formula);
        prop_assert!(idx >= Decimal::ONE && idx <= Decimal::from(5));
    }

    #[test]
    fn raising_any_level_never_lowers_any_score(v in levels(47, 1, 4), which in 0usize..47) {
        let data = data();
        let fw = data.catalog.get("spbe-2020").unwrap();
        let keys: Vec<String> = fw.items().into_iter().map(|i| i.key).collect();
        let before: Vec<Option<Decimal>> = v.iter().map(|l| Some(Decimal::from(*l))).collect();
        let mut after = before.clone();
        after[which] = after[which].map(|x| x + Decimal::ONE);
        let a = score(fw, &assessment("spbe-2020", &keys, &before), &ScoreOptions::default()).unwrap();
        let b = score(fw, &assessment("spbe-2020", &keys, &after), &ScoreOptions::default()).unwrap();
        prop_assert!(b.overall.low > a.overall.low);
        for (x, y) in a.aspects.iter().zip(&b.aspects) {
            prop_assert!(y.low >= x.low);
        }
        for (x, y) in a.domains.iter().zip(&b.domains) {
            prop_assert!(y.low >= x.low);
        }
    }

    #[test]
    fn a_partial_range_contains_every_completion(
        v in levels(37, 0, 5),
        answered in proptest::collection::vec(any::<bool>(), 37),
    ) {
        let data = data();
        let fw = data.catalog.get("spbe-2018").unwrap();
        let keys: Vec<String> = fw.items().into_iter().map(|i| i.key).collect();
        let full: Vec<Option<Decimal>> = v.iter().map(|l| Some(Decimal::from(*l))).collect();
        let part: Vec<Option<Decimal>> = full
            .iter()
            .zip(&answered)
            .map(|(x, a)| if *a { *x } else { None })
            .collect();
        let p = score(fw, &assessment("spbe-2018", &keys, &part), &ScoreOptions::default()).unwrap();
        let f = score(fw, &assessment("spbe-2018", &keys, &full), &ScoreOptions::default()).unwrap();
        let idx = f.overall.index().unwrap();
        prop_assert!(p.overall.low <= idx && idx <= p.overall.high);
        prop_assert!(p.overall.low >= Decimal::ZERO && p.overall.high <= Decimal::from(5));
    }

    #[test]
    fn pemdi_2026_decimal_values_score_on_scale(v in proptest::collection::vec(100u32..=500, 20)) {
        let data = data();
        let fw = data.catalog.get("pemdi-2026").unwrap();
        let keys: Vec<String> = fw.items().into_iter().map(|i| i.key).collect();
        let vals: Vec<Option<Decimal>> = v.iter().map(|x| Some(Decimal::new(*x as i64, 2))).collect();
        let s = score(fw, &assessment("pemdi-2026", &keys, &vals), &ScoreOptions::default()).unwrap();
        let idx = s.overall.index().unwrap();
        prop_assert!(idx >= Decimal::ONE && idx <= Decimal::from(5));
        let min = vals.iter().flatten().min().unwrap();
        let max = vals.iter().flatten().max().unwrap();
        prop_assert!(idx >= *min && idx <= *max);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let data = data();
        for name in ["x.csv", "x.json", "x.xlsx", "x"] {
            let _ = read_bytes(name, bytes.clone(), &data.catalog, Some("spbe-2020"));
        }
    }

    #[test]
    fn readers_never_panic_on_table_like_text(
        rows in proptest::collection::vec(
            proptest::collection::vec("[0-9a-zA-Z ,.;:\"\\-]{0,12}", 0..6), 0..12),
        delim in prop_oneof![Just(";"), Just(","), Just("\t")],
    ) {
        let data = data();
        let mut t = format!("indikator{delim}nilai{delim}penjelasan\n");
        for r in rows {
            t.push_str(&r.join(delim));
            t.push('\n');
        }
        for fw in [None, Some("spbe-2020"), Some("spbe-2018"), Some("pemdi-2026")] {
            let _ = read_bytes("t.csv", t.clone().into_bytes(), &data.catalog, fw);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spreadsheet_reader_never_panics_on_damaged_workbooks(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let data = data();
        let good = std::fs::read(crate::util::fixture("kemenpanrb-spbe-2024.xlsx")).unwrap();
        let mut bytes = good.clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = read_bytes("damaged.xlsx", bytes, &data.catalog, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn conversion_never_panics_and_ranges_hold_the_suggestion(
        v in proptest::collection::vec(proptest::option::of(1u32..=5), 47),
        via_2025 in any::<bool>(),
        sdi in proptest::option::of(0u32..=100),
    ) {
        use spbe_pemdi::convert::{ConvertOptions, convert};
        let data = data();
        let fw = data.catalog.get("spbe-2020").unwrap();
        let keys: Vec<String> = fw.items().into_iter().map(|i| i.key).collect();
        let vals: Vec<Option<Decimal>> = v.iter().map(|l| l.map(Decimal::from)).collect();
        let a = assessment("spbe-2020", &keys, &vals);
        let opts = ConvertOptions {
            via: if via_2025 { vec!["pemdi-2025".into()] } else { vec![] },
            external: sdi.map(|x| vec![("sdi".to_string(), Decimal::from(x))]).unwrap_or_default(),
            ..ConvertOptions::default()
        };
        let c = convert(&data, &a, &opts).unwrap();
        for t in &c.indicators {
            let e = &t.estimate;
            prop_assert!(e.low <= e.point && e.point <= e.high, "{}", t.id);
            if let Some(x) = t.value {
                prop_assert!(e.low <= x && x <= e.high, "{}", t.id);
            }
        }
        let p = &c.projected_index;
        prop_assert!(p.low <= p.point && p.point <= p.high);
        prop_assert!(p.low >= Decimal::ONE && p.high <= Decimal::from(5));
    }
}

/// A decimal anywhere in `rust_decimal`'s range: a 96-bit mantissa of
/// either sign, at any scale.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<u128>(), 0u32..=28, any::<bool>(), 0u32..=96).prop_map(|(m, scale, neg, bits)| {
        let m = (m >> 32) >> (96 - bits);
        let m = if neg { -(m as i128) } else { m as i128 };
        Decimal::from_i128_with_scale(m, scale)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The quick comparison used by conversions is `rust_decimal`'s own,
    /// and min and max keep the same operand on ties.
    #[test]
    fn quick_comparison_is_rust_decimals(a in any_decimal(), b in any_decimal(), shift in 0u32..=28) {
        use spbe_pemdi::decimal::order;
        // Also the same number at another scale, where that is exact.
        let same = a.mantissa().checked_mul(10i128.pow(shift))
            .filter(|m| m.unsigned_abs() < (1u128 << 96) && a.scale() + shift <= 28)
            .map(|m| Decimal::from_i128_with_scale(m, a.scale() + shift));
        for (x, y) in [(a, b), (b, a), (a, a)].into_iter().chain(same.map(|s| (a, s))) {
            prop_assert_eq!(order::cmp(x, y), x.cmp(&y), "{} {}", x, y);
            prop_assert_eq!(order::eq(x, y), x == y);
            let repr = |d: Decimal| (d.mantissa(), d.scale());
            prop_assert_eq!(repr(order::min(x, y)), repr(x.min(y)));
            prop_assert_eq!(repr(order::max(x, y)), repr(x.max(y)));
        }
        prop_assert_eq!(Decimal::from(order::floor_int(a)), a.floor());
        prop_assert_eq!(Decimal::from(order::ceil_int(a)), a.ceil());
    }

    /// Rounding in 128 bits gives `rust_decimal`'s rounding, normalized.
    #[test]
    fn quick_rounding_is_rust_decimals(d in any_decimal(), dp in 0u32..=30, which in 0usize..6) {
        use rust_decimal::RoundingStrategy as R;
        let strategy = [
            R::ToNegativeInfinity,
            R::ToPositiveInfinity,
            R::MidpointAwayFromZero,
            R::MidpointNearestEven,
            R::ToZero,
            R::AwayFromZero,
        ][which];
        let quick = spbe_pemdi::decimal::order::round_normalized(d, dp, strategy);
        let slow = d.round_dp_with_strategy(dp, strategy).normalize();
        prop_assert_eq!((quick.mantissa(), quick.scale()), (slow.mantissa(), slow.scale()), "{} {}", d, dp);
    }
}
