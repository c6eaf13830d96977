//! Level rules on exact decimals: evaluation, interpolation, clamping,
//! monotonicity, composition as a chain and tabulation.

use proptest::prelude::*;
use rust_decimal::Decimal;
use spbe_pemdi::crosswalk::{Bounds, LevelChain, LevelRule, Table};
use spbe_pemdi::decimal::parse;

fn d(s: &str) -> Decimal {
    parse(s).unwrap()
}

fn table(pairs: &[(&str, &str)]) -> LevelRule {
    LevelRule::Table {
        table: Table::new(pairs.iter().map(|(k, v)| (d(k), d(v))).collect()).unwrap(),
    }
}

fn scale(min: &str, max: &str) -> Bounds {
    Bounds {
        min: d(min),
        max: d(max),
    }
}

fn format_table() -> LevelRule {
    table(&[("1", "1"), ("2", "1"), ("3", "1.5"), ("4", "2"), ("5", "3")])
}

#[test]
fn identity_and_cap() {
    let s = scale("1", "5");
    assert_eq!(LevelRule::Identity.eval(d("3.5"), s), d("3.5"));
    let cap = LevelRule::Cap { max: d("3") };
    assert_eq!(cap.eval(d("4"), s), d("3"));
    assert_eq!(cap.eval(d("2"), s), d("2"));
}

#[test]
fn table_hits_keys_and_interpolates_between_them() {
    let s = scale("1", "5");
    let t = format_table();
    assert_eq!(t.eval(d("3"), s), d("1.5"));
    assert_eq!(t.eval(d("2.5"), s), d("1.25"));
    assert_eq!(t.eval(d("4.5"), s), d("2.5"));
    // A weighted mean of 10/3-weighted sources: exact to 28 digits.
    assert_eq!(t.eval(d("4.25"), s), d("2.25"));
}

#[test]
fn table_outside_its_keys_takes_the_end_values() {
    let s = scale("0", "10");
    let t = table(&[("1", "2"), ("5", "4")]);
    assert_eq!(t.eval(d("0"), s), d("2"));
    assert_eq!(t.eval(d("7"), s), d("4"));
}

#[test]
fn results_are_clamped_to_the_target_scale() {
    let s = scale("1", "5");
    assert_eq!(LevelRule::Identity.eval(d("0"), s), d("1"));
    assert_eq!(table(&[("1", "0"), ("5", "7")]).eval(d("5"), s), d("5"));
    assert_eq!(table(&[("1", "0"), ("5", "7")]).eval(d("1"), s), d("1"));
}

#[test]
fn monotonicity() {
    assert!(format_table().is_monotone());
    let bad = table(&[("1", "1"), ("2", "3"), ("3", "2")]);
    assert!(!bad.is_monotone());
    match bad {
        LevelRule::Table { table } => assert_eq!(table.first_descent(), Some((d("2"), d("3")))),
        _ => unreachable!(),
    }
    assert!(LevelRule::Cap { max: d("2") }.is_monotone());
}

#[test]
fn repeated_table_keys_are_refused() {
    assert!(Table::new(vec![(d("1"), d("1")), (d("1.0"), d("2"))]).is_none());
    let err = serde_json::from_str::<LevelRule>(r#"{"kind":"table","table":{"1":"1","1.0":"2"}}"#);
    assert!(err.unwrap_err().to_string().contains("twice"));
}

#[test]
fn rules_read_and_write_the_documented_form() {
    let text = r#"{"kind":"table","table":{"1":"1","2":"1","3":"1.5","4":"2","5":"3"}}"#;
    let rule: LevelRule = serde_json::from_str(text).unwrap();
    assert_eq!(rule, format_table());
    assert_eq!(serde_json::to_string(&rule).unwrap(), text);
    let cap: LevelRule = serde_json::from_str(r#"{ "kind": "cap", "max": "3" }"#).unwrap();
    assert_eq!(cap, LevelRule::Cap { max: d("3") });
    assert!(serde_json::from_str::<LevelRule>(r#"{"kind":"identity","max":"3"}"#).is_err());
    assert!(serde_json::from_str::<LevelRule>(r#"{"kind":"linear"}"#).is_err());
    assert!(serde_json::from_str::<LevelRule>(r#"{"kind":"table","table":{"a":"1"}}"#).is_err());
}

#[test]
fn chains_evaluate_in_sequence_and_tabulate_on_source_levels() {
    // spbe-2018 (0-5) → spbe-2020 (1-5) identity, then a strict table.
    let chain = LevelChain::new()
        .then(LevelRule::Identity, scale("1", "5"))
        .then(format_table(), scale("1", "5"));
    let tab = chain.tabulate(scale("0", "5"));
    let want: Vec<(Decimal, Decimal)> = [
        ("0", "1"),
        ("1", "1"),
        ("2", "1"),
        ("3", "1.5"),
        ("4", "2"),
        ("5", "3"),
    ]
    .iter()
    .map(|(a, b)| (d(a), d(b)))
    .collect();
    assert_eq!(tab, want);
    assert!(chain.is_monotone());
    assert_eq!(chain.describe(), "identity ; table 1→1 2→1 3→1.5 4→2 5→3");
    assert_eq!(LevelChain::new().eval(d("2.5")), d("2.5"));
}

#[test]
fn a_chain_clamps_between_steps() {
    // The middle scale tops out at 3: 5 → 3 → table(3) = 1.5.
    let chain = LevelChain::new()
        .then(LevelRule::Identity, scale("1", "3"))
        .then(format_table(), scale("1", "5"));
    assert_eq!(chain.eval(d("5")), d("1.5"));
}

fn monotone_table() -> impl Strategy<Value = LevelRule> {
    prop::collection::vec(0u32..=40, 2..=6).prop_map(|mut vals| {
        vals.sort();
        let entries = vals
            .iter()
            .enumerate()
            .map(|(i, v)| (Decimal::from(i as u32), Decimal::new(*v as i64, 1)))
            .collect();
        LevelRule::Table {
            table: Table::new(entries).unwrap(),
        }
    })
}

proptest! {
    #[test]
    fn monotone_rules_compose_to_a_monotone_function(
        a in monotone_table(),
        b in monotone_table(),
        cap in 0u32..=50,
    ) {
        let s = scale("1", "5");
        let chain = LevelChain::new()
            .then(a, s)
            .then(LevelRule::Cap { max: Decimal::new(cap as i64, 1) }, s)
            .then(b, s);
        prop_assert!(chain.is_monotone());
        let mut last = None;
        for tenth in 0..=60 {
            let v = chain.eval(Decimal::new(tenth, 1));
            prop_assert!(s.contains(v));
            if let Some(l) = last { prop_assert!(v >= l); }
            last = Some(v);
        }
    }
}

#[test]
fn absurd_values_do_not_panic() {
    let t = Table::new(vec![
        (Decimal::MIN, Decimal::MIN),
        (Decimal::MAX, Decimal::MAX),
    ])
    .unwrap();
    let rule = LevelRule::Table { table: t };
    let all = Bounds {
        min: Decimal::MIN,
        max: Decimal::MAX,
    };
    assert_eq!(rule.eval(Decimal::ZERO, all), Decimal::MIN);
    assert_eq!(
        Bounds {
            min: Decimal::MAX,
            max: Decimal::MAX
        }
        .whole_levels(),
        [Decimal::MAX]
    );
    assert_eq!(all.whole_levels().len(), 1000);
}

proptest! {
    #[test]
    fn any_table_evaluates_without_panicking(
        entries in prop::collection::vec((any::<i64>(), 0u32..28, any::<i64>(), 0u32..28), 1..6),
        v in any::<i64>(),
        vs in 0u32..28,
    ) {
        let entries: Vec<(Decimal, Decimal)> = entries
            .into_iter()
            .map(|(a, sa, b, sb)| (Decimal::new(a, sa), Decimal::new(b, sb)))
            .collect();
        if let Some(table) = Table::new(entries) {
            let rule = LevelRule::Table { table };
            let out = rule.eval(Decimal::new(v, vs), scale("1", "5"));
            prop_assert!(scale("1", "5").contains(out));
        }
    }
}
