//! `mapping trace`: every SPBE 2020 indicator's way into Pemdi 2026,
//! directly and through the 2025 concept, and whether the routes agree.

use crate::util::run;

#[test]
fn trace_snapshots() {
    for (name, args) in [
        (
            "trace_spbe_2020_22",
            vec!["mapping", "trace", "spbe-2020:22"],
        ),
        (
            "trace_spbe_2020_43_en",
            vec!["mapping", "trace", "spbe-2020:43", "--lang", "en"],
        ),
        (
            "trace_spbe_2018_35",
            vec!["mapping", "trace", "spbe-2018:35", "--to", "spbe-2020"],
        ),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        insta::assert_snapshot!(name, r.transcript(&args));
    }
}

#[test]
fn every_spbe_2020_indicator_is_accounted_for_on_both_routes() {
    for no in 1..=47 {
        let id = format!("spbe-2020:{no}");
        let r = run(&["mapping", "trace", &id, "--lang", "en"]);
        assert_eq!(r.code, 0, "{id}: {}", r.stderr);
        assert!(r.stdout.contains("Directly:"), "{id}");
        assert!(r.stdout.contains("Through pemdi-2025:"), "{id}");
        // Each route either reaches a target or says why it stops.
        for block in r
            .stdout
            .split("\n\n")
            .filter(|b| b.starts_with("Directly") || b.starts_with("Through"))
        {
            assert!(
                block.contains("  → ") || block.contains("  ✗ "),
                "{id}:\n{block}"
            );
        }
    }
    assert_eq!(run(&["mapping", "trace", "spbe-2020:48"]).code, 2);
}
