//! Silent last-wins (issue 16 item 11): a key given twice is an error
//! naming the place, never the second silently replacing the first.

use spbe_pemdi::Lang;
use spbe_pemdi::assessment::read_bytes;

use crate::util::{data, fixture, run};

fn read_err(name: &str, text: &str) -> String {
    let e = read_bytes(name, text.as_bytes().to_vec(), &data().catalog, None).unwrap_err();
    e.render(Lang::En)
}

#[test]
fn json_with_a_second_answers_array_is_refused() {
    // Before: the second array silently replaced the first.
    let text = "{\"framework\": \"spbe-2020\",\n \"answers\": [{\"indicator\": \"1\", \"value\": 3}],\n \"answers\": [{\"indicator\": \"2\", \"value\": 4}]}";
    let e = read_err("two.json", text);
    assert!(e.contains("the key `answers` appears twice"), "{e}");
    assert!(e.contains("two.json:3:"), "{e}");
}

#[test]
fn json_with_a_repeated_value_framework_or_external_key_is_refused() {
    for (text, key) in [
        (
            r#"{"framework": "spbe-2020", "answers": [{"indicator": "1", "value": 3, "value": 4}]}"#,
            "answers[0].value",
        ),
        (
            r#"{"framework": "spbe-2020", "framework": "spbe-2018", "answers": []}"#,
            "framework",
        ),
        (
            r#"{"framework": "pemdi-2026", "answers": [], "external": {"sdi": "25", "sdi": "68.75"}}"#,
            "external.sdi",
        ),
        (
            r#"{"framework": "spbe-2020", "answers": [{"indicator": "1", "value": 3, "evidence": [{"name": "a", "name": "b"}]}]}"#,
            "answers[0].evidence[0].name",
        ),
    ] {
        let e = read_err("dup.json", text);
        assert!(e.contains(&format!("the key `{key}` appears twice")), "{e}");
    }
}

#[test]
fn csv_with_two_framework_rows_is_refused_naming_the_row() {
    let text = "framework;spbe-2020\nframework;spbe-2018\nindikator;nilai\n22;3\n";
    let e = read_err("meta.csv", text);
    assert!(
        e.contains("the metadata row `framework` appears twice with different values"),
        "{e}"
    );
    assert!(e.contains("meta.csv:2:1"), "{e}");
    // The same value twice loses nothing.
    let same = "framework;spbe-2020\nframework;spbe-2020\nindikator;nilai\n22;3\n";
    assert!(read_bytes("same.csv", same.into(), &data().catalog, None).is_ok());
}

#[test]
fn duplicate_csv_rows_stay_an_error() {
    let e = read_err(
        "rows.csv",
        "framework;spbe-2020\nindikator;nilai\n22;3\n22;4\n",
    );
    assert!(e.contains("rows.csv:4"), "{e}");
}

#[test]
fn external_flag_with_a_key_twice_is_refused() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    let r = run(&[
        "convert",
        f.to_str().unwrap(),
        "--external",
        "sdi=25,sdi=68.75",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`sdi` is given twice"), "{}", r.stderr);
}
