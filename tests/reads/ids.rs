//! Ids on the command line and in files (issue 16 items 12 and 18).

use spbe_pemdi::assessment::read_bytes;

use crate::util::{data, run};

#[test]
fn mapping_trace_of_the_newest_framework_is_an_error_not_a_panic() {
    // Before: "attempt to subtract with overflow" in the trace renderer.
    for args in [
        vec!["mapping", "trace", "pemdi-2026:1", "--lang", "en"],
        vec![
            "mapping",
            "trace",
            "spbe-2020:22",
            "--to",
            "spbe-2020",
            "--lang",
            "en",
        ],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("there is nothing to trace"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    }
}

#[test]
fn framework_ids_are_case_insensitive_on_input() {
    // Before: `SPBE-2020:22` "belongs to another framework".
    let text = "framework;spbe-2020\nindikator;nilai\nSPBE-2020:22;3\n";
    let a = read_bytes("case.csv", text.into(), &data().catalog, None).unwrap();
    assert_eq!(a.answers[0].indicator, "spbe-2020:22");
    let text = "framework;SPBE-2020\nindikator;nilai\n22;3\n";
    let a = read_bytes("case.csv", text.into(), &data().catalog, Some("spbe-2020")).unwrap();
    assert_eq!(a.framework, "spbe-2020");
    let r = run(&["show", "SPBE-2020:22", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("spbe-2020:22 "), "{}", r.stdout);
}

#[test]
fn show_of_a_row_that_does_not_exist_is_refused() {
    // Before: `spbe-2018:35-4` showed indicator 35.
    for id in ["spbe-2018:35-4", "spbe-2020:22-1"] {
        let r = run(&["show", id, "--lang", "en"]);
        assert_eq!(r.code, 2, "{id}: {}", r.stdout);
        assert!(r.stderr.contains("has no indicator"), "{}", r.stderr);
    }
    assert_eq!(run(&["show", "spbe-2018:35-3"]).code, 0);
    assert_eq!(
        run(&["mapping", "trace", "spbe-2018:35-4", "--to", "spbe-2020"]).code,
        2
    );
}
