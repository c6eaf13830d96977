//! The RCC-5 algebra checked against set semantics by brute force over all
//! non-empty subsets of a five-element universe.

use std::collections::BTreeMap;

use spbe_pemdi::crosswalk::{RelSet, Relation};

const UNIVERSE: u32 = 5;

fn subsets() -> Vec<u32> {
    (1..(1u32 << UNIVERSE)).collect()
}

fn subsets_of(set: u32) -> Vec<u32> {
    subsets().into_iter().filter(|s| s & !set == 0).collect()
}

/// The relation of two non-empty sets.
fn rel(a: u32, b: u32) -> Relation {
    if a == b {
        Relation::Equal
    } else if a & b == 0 {
        Relation::Disjoint
    } else if a & !b == 0 {
        Relation::Subset
    } else if b & !a == 0 {
        Relation::Superset
    } else {
        Relation::Intersects
    }
}

#[test]
fn composition_table_is_exactly_what_sets_allow() {
    let mut observed: BTreeMap<(Relation, Relation), RelSet> = BTreeMap::new();
    let all = subsets();
    for &a in &all {
        for &b in &all {
            for &c in &all {
                let e = observed.entry((rel(a, b), rel(b, c))).or_default();
                *e = e.union(RelSet::one(rel(a, c)));
            }
        }
    }
    assert_eq!(observed.len(), 25, "every pair of relations occurs");
    for ((r1, r2), seen) in observed {
        assert_eq!(r1.compose(r2), seen, "{r1} ∘ {r2}");
    }
}

#[test]
fn composition_table_spot_checks() {
    use Relation::*;
    assert!(Subset.compose(Superset).is_unknown());
    assert!(Disjoint.compose(Disjoint).is_unknown());
    assert_eq!(Subset.compose(Disjoint), RelSet::one(Disjoint));
    assert_eq!(
        Superset.compose(Subset),
        RelSet::of(&[Equal, Subset, Superset, Intersects])
    );
    assert_eq!(Subset.compose(Subset), RelSet::one(Subset));
}

#[test]
fn composing_sets_is_the_union_over_members() {
    use Relation::*;
    for a in 1..32u8 {
        for b in 1..32u8 {
            let (x, y) = (RelSet::from_bits(a), RelSet::from_bits(b));
            let mut want = RelSet::EMPTY;
            for r1 in x.iter() {
                for r2 in y.iter() {
                    want = want.union(r1.compose(r2));
                }
            }
            assert_eq!(x.compose(y), want);
        }
    }
    assert_eq!(RelSet::EMPTY.compose(RelSet::ALL), RelSet::EMPTY);
    assert_eq!(
        RelSet::one(Equal).compose(RelSet::of(&[Subset, Disjoint])),
        RelSet::of(&[Subset, Disjoint])
    );
}

#[test]
fn composition_respects_converse() {
    for r1 in Relation::ALL {
        for r2 in Relation::ALL {
            assert_eq!(
                r1.compose(r2).converse(),
                r2.converse().compose(r1.converse()),
                "{r1} ∘ {r2}"
            );
        }
    }
}

/// Each source is any non-empty part of the sources' union when there are
/// several (the others can cover the rest), the whole union when alone;
/// likewise for targets.
fn parts(set: u32, several: bool) -> Vec<u32> {
    if several { subsets_of(set) } else { vec![set] }
}

#[test]
fn element_relation_is_sound_and_exact() {
    let all = subsets();
    for several_s in [false, true] {
        for several_t in [false, true] {
            let mut observed: BTreeMap<Relation, RelSet> = BTreeMap::new();
            for &u in &all {
                for &v in &all {
                    let e = observed.entry(rel(u, v)).or_default();
                    for s in parts(u, several_s) {
                        for t in parts(v, several_t) {
                            *e = e.union(RelSet::one(rel(s, t)));
                        }
                    }
                }
            }
            for (r, seen) in observed {
                assert_eq!(
                    r.element(several_s, several_t),
                    seen,
                    "{r}, several sources {several_s}, several targets {several_t}"
                );
            }
        }
    }
}

#[test]
fn element_relation_examples_from_the_format() {
    use Relation::*;
    assert_eq!(Equal.element(true, false), RelSet::of(&[Equal, Subset]));
    assert_eq!(Subset.element(true, false), RelSet::one(Subset));
    assert!(Superset.element(true, false).is_unknown());
    assert_eq!(
        Intersects.element(true, false),
        RelSet::of(&[Subset, Intersects, Disjoint])
    );
    assert_eq!(Disjoint.element(true, true), RelSet::one(Disjoint));
    assert_eq!(Equal.element(false, true), RelSet::of(&[Equal, Superset]));
    assert_eq!(Equal.element(false, false), RelSet::one(Equal));
}

#[test]
fn relation_sets_print_and_round_trip() {
    use Relation::*;
    assert_eq!(RelSet::ALL.label(), "unknown");
    assert_eq!(RelSet::of(&[Subset, Equal]).label(), "{equal, subset}");
    assert_eq!(RelSet::one(Intersects).to_string(), "intersects");
    let json = serde_json::to_string(&RelSet::of(&[Equal, Disjoint])).unwrap();
    assert_eq!(json, r#"["equal","disjoint"]"#);
    let back: RelSet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, RelSet::of(&[Equal, Disjoint]));
    assert_eq!(Relation::parse("superset"), Some(Superset));
    assert_eq!(Relation::parse("overlap"), None);
}
