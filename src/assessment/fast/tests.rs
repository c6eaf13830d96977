//! The one-pass reader against the full readers: whatever it takes, they
//! read the same; what it leaves, they still read (or refuse) on their own.

use crate::assessment::read_json;
use crate::catalog::Catalog;

fn catalog() -> Catalog {
    crate::data::Data::embedded().expect("data").catalog
}

/// Checks `text` both ways for each `--framework`; `true` when the
/// one-pass reader took it without `--framework`.
fn agree(catalog: &Catalog, text: &str) -> bool {
    let mut taken = false;
    for given in [None, Some("spbe-2020"), Some("pemdi-2026")] {
        let Some(quick) = super::read(text, catalog, given) else {
            continue;
        };
        let opts = crate::assessment::ReadOptions {
            framework: given,
            ..Default::default()
        };
        let full = read_json("f", text, catalog, opts)
            .unwrap_or_else(|e| panic!("{text}\n{given:?}: taken, but the readers say {e:?}"));
        assert_eq!(
            format!("{quick:?}"),
            format!("{full:?}"),
            "{text}\n{given:?}"
        );
        taken |= given.is_none();
    }
    taken
}

/// A compact document in `fw` with `answers` (indicator, value as JSON).
fn doc(fw: &str, answers: &[(&str, &str)]) -> String {
    let list: Vec<String> = answers
        .iter()
        .map(|(i, v)| format!("{{\"indicator\": \"{i}\", \"value\": {v}}}"))
        .collect();
    format!(
        "{{\"framework\": \"{fw}\", \"agency\": \"A\", \"year\": 2025, \"answers\": [{}]}}",
        list.join(", ")
    )
}

fn spbe(values: &[&str]) -> String {
    let ids: Vec<String> = (1..=values.len())
        .map(|i| format!("spbe-2020:{i}"))
        .collect();
    let answers: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(values.iter().copied())
        .collect();
    doc("spbe-2020", &answers)
}

#[test]
fn every_fixture_reads_the_same() {
    let catalog = catalog();
    let mut taken = 0;
    for (_, text) in crate::assessment::json_fixtures() {
        taken += usize::from(agree(&catalog, &text));
    }
    assert!(taken >= 2, "only {taken} fixtures read in one pass");
}

#[test]
fn plain_files_are_taken_and_read_the_same() {
    let catalog = catalog();
    let all: Vec<&str> = ["\"2\"", "\"1\"", "\"5\"", "\"3\"", "\"4\""].repeat(10)[..47].to_vec();
    let base = spbe(&all);
    let taken = [
        base.clone(),
        base.replace(", ", ",\n\t\t").replace(": ", " :\r\n "),
        spbe(&["3", "\"3\"", "\"3.0\"", "\"05\"", "null", "\"\"", "\" \"", "\" 3 \""]),
        spbe(&["\"3,0\"", "\"4.000\"", "\"+2\""]),
        doc("spbe-2020", &[("spbe-2020:3", "\"3\""), ("spbe-2020:1", "\"2\"")]),
        doc("spbe-2020", &[("spbe-2020:2", "null"), ("spbe-2020:2", "\"2\"")]),
        doc("spbe-2020", &[("1", "\"2\""), (" spbe-2020:2 ", "4"), ("spbe-2020: 3", "3")]),
        doc("spbe-2020", &[("Indikator 4", "\"2\""), ("spbe-2020:5", "\"1\"")]),
        doc(" spbe-2020 ", &[("spbe-2020:1", "\"2\"")]),
        doc("spbe-2020", &[]),
        doc("pemdi-2026", &[("pemdi-2026:1", "\"3.25\""), ("pemdi-2026:2", "\"5.000\"")]),
        doc("pemdi-2026", &[("pemdi-2026:3", "\"1\""), ("pemdi-2026:4", "\"2,5\"")]),
        doc("spbe-2018", &[("spbe-2018:35-1", "\"0\""), ("spbe-2018:35-2", "\"4\"")]),
        base.replace("\"year\": 2025", "\"year\": null"),
        base.replace("\"agency\": \"A\", ", "\"source\": \"s\", "),
        base.replace(
            "\"value\": \"2\"}",
            "\"value\": \"2\", \"justification\": \" why \", \"origin\": \" carried \", \"evidence\": [\"a\", \"b (https://x)\"]}",
        ),
        base.replace(
            "\"value\": \"1\"}",
            "\"justification\": \"\", \"origin\": \"orang\", \"evidence\": \"a; b\", \"value\": \"1\"}",
        ),
        base.replace(
            "\"value\": \"3\"}",
            "\"value\": \"3\", \"justification\": null, \"origin\": null, \"evidence\": null}",
        ),
        base.replace("\"value\": \"4\"}", "\"value\": \"4\", \"evidence\": []}"),
        // Evidence as objects, as `convert` and other tools write it.
        base.replace(
            "\"value\": \"2\"}",
            "\"value\": \"2\", \"evidence\": [{\"name\": \"x\", \"url\": \"https://y\"}, {\"url\": null, \"name\": \"z\"}]}",
        ),
        base.replace(
            "\"value\": \"3\"}",
            "\"value\": \"3\", \"evidence\": [\"a\", {\"name\": \"b\"}, {\"url\": \"Dok (https://c)\"}]}",
        ),
    ];
    for text in &taken[1..] {
        assert_ne!(text, &base);
    }
    for text in &taken {
        assert!(agree(&catalog, text), "not taken: {text}");
    }
}

#[test]
fn anything_else_is_left_to_the_readers() {
    let catalog = catalog();
    let base = spbe(&["\"2\"", "\"3\""]);
    let left = [
        spbe(&["0"]),
        spbe(&["6"]),
        spbe(&["\"3.5\""]),
        spbe(&["\"-1\""]),
        spbe(&["\"x\""]),
        spbe(&["3.0"]),
        spbe(&["1e0"]),
        spbe(&["-0"]),
        spbe(&["03"]),
        spbe(&["true"]),
        spbe(&["1234567890123456789"]),
        doc(
            "spbe-2020",
            &[("spbe-2020:2", "\"3\""), ("spbe-2020:2", "\"2\"")],
        ),
        doc(
            "spbe-2020",
            &[("spbe-2020:1", "\"3\""), ("spbe-2020:1", "\"2\"")],
        ),
        doc(
            "spbe-2020",
            &[("spbe-2020:3", "\"3\""), ("1", "\"2\""), ("3", "4")],
        ),
        doc("spbe-2020", &[("spbe-2020:99", "\"3\"")]),
        doc("spbe-2020", &[("spbe-2018:1", "\"3\"")]),
        doc("spbe-2020", &[("spbe-2020:sdi", "\"3\"")]),
        doc("spbe-2020", &[("", "\"3\"")]),
        doc("spbe-2018", &[("spbe-2018:35", "\"3\"")]),
        doc("nope", &[("nope:1", "\"3\"")]),
        doc("pemdi-2026", &[("pemdi-2026:1", "\"5.01\"")]),
        doc("pemdi-2026", &[("pemdi-2026:1", "\"0.99\"")]),
        base.replace("\"framework\": \"spbe-2020\"", "\"framework\": null"),
        base.replace("\"framework\": \"spbe-2020\", ", ""),
        base.replace("2025", "1899"),
        base.replace("2025", "2201"),
        base.replace("2025", "\"2025\""),
        base.replace("2025", "2025.0"),
        base.replace("2025", "-2025"),
        base.replace("2025", "02025"),
        base.replace("spbe-2020:1", "spbe-2020:\\u0031"),
        base.replace("\"A\"", "\"A\\n\""),
        base.replace("\"A\"", "\"A\u{1}\""),
        base.replace("\"year\"", "\"other\""),
        base.replace("\"year\": 2025", "\"external\": {}"),
        base.replace("\"year\": 2025", "\"levels\": {\"1\": 3}"),
        base.replace("\"year\": 2025", "\"agency\": \"B\""),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"value\": \"3\""),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"extra\": 1"),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"origin\": 5"),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"evidence\": [{}]"),
        base.replace(
            "\"value\": \"2\"",
            "\"value\": \"2\", \"evidence\": [{\"name\": \"x\", \"name\": \"y\"}]",
        ),
        base.replace(
            "\"value\": \"2\"",
            "\"value\": \"2\", \"evidence\": [{\"name\": \"x\", \"note\": \"z\"}]",
        ),
        base.replace(
            "\"value\": \"2\"",
            "\"value\": \"2\", \"evidence\": [{\"name\": 3}]",
        ),
        base.replace(
            "\"value\": \"2\"",
            "\"value\": \"2\", \"evidence\": [{\"url\": null}]",
        ),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"evidence\": 3"),
        base.replace("\"value\": \"2\"", "\"value\": \"2\", \"justification\": 3"),
        base.replace("{\"indicator\": \"spbe-2020:1\", \"value\": \"2\"}", "{}"),
        base.replace("\"indicator\": \"spbe-2020:1\", ", ""),
        base.replace("\"indicator\": \"spbe-2020:1\"", "\"indicator\": 1"),
        base.replace("]}", "], }"),
        base.replace("]}", ",]}"),
        base.replace("]}", "]} x"),
        base.replace("]}", "]}{}"),
        base.replace("]}", "]"),
        base.replace("\"answers\": [", "\"answers\": null, \"x\": ["),
        "{\"framework\": \"spbe-2020\"}".to_string(),
        "{\"framework\": \"spbe-2020\", \"answers\": null}".to_string(),
        "[]".to_string(),
        String::new(),
    ];
    for text in &left {
        assert_ne!(text, &base);
        assert!(!agree(&catalog, text), "taken: {text}");
    }
}

/// Every cut and many one-byte changes of a small file: no panic, and
/// whatever is taken reads the same.
#[test]
fn damaged_files_agree() {
    let catalog = catalog();
    let base = doc(
        "spbe-2020",
        &[
            ("spbe-2020:1", "\"2\""),
            ("spbe-2020:3", "4"),
            ("spbe-2020:2", "\"3.0\""),
        ],
    )
    .replace("\"year\": 2025", "\"year\": 2025, \"source\": \"é\"");
    let mut taken = 0;
    for at in 0..base.len() {
        if !base.is_char_boundary(at) {
            continue;
        }
        taken += usize::from(agree(&catalog, &base[..at]));
        for c in [
            "", " ", "0", "9", ".", ",", "\"", "\\", ":", "}", "]", "n", "-", "é",
        ] {
            let mut text = base.clone();
            let end = base[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            text.replace_range(at..end, c);
            taken += usize::from(agree(&catalog, &text));
            text = base.clone();
            text.insert_str(at, c);
            taken += usize::from(agree(&catalog, &text));
        }
    }
    // Many changes leave a valid file (a space, another digit or letter).
    assert!(taken > 200, "only {taken} damaged files taken");
}

/// The eight-bytes-at-a-time search finds what a plain one finds.
#[test]
fn stop_finds_the_first_quote_backslash_or_control() {
    let plain = |b: &[u8]| b.iter().position(|c| matches!(c, b'"' | b'\\' | 0..=0x1f));
    for len in 0..20 {
        for at in 0..len {
            for byte in 0..=255u8 {
                let mut b = vec![b'a'; len];
                b[at] = byte;
                if at + 1 < len {
                    b[at + 1] = b'"';
                }
                assert_eq!(super::scan::stop(&b), plain(&b), "{b:?}");
                b.iter_mut().take(at).for_each(|c| *c = 0xe9);
                assert_eq!(super::scan::stop(&b), plain(&b), "{b:?}");
            }
        }
    }
}
