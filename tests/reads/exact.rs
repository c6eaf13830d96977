//! What a file says is read exactly (issue 16 items 14 and 15).

use spbe_pemdi::Lang;
use spbe_pemdi::assessment::read_bytes;

use crate::util::data;

fn read(name: &str, bytes: Vec<u8>, fw: Option<&str>) -> spbe_pemdi::Result<String> {
    read_bytes(name, bytes, &data().catalog, fw).map(|a| {
        a.answers
            .iter()
            .map(|x| format!("{}={}", x.indicator, x.value))
            .collect::<Vec<_>>()
            .join(" ")
            + &format!(" agency={}", a.agency.unwrap_or_default())
    })
}

#[test]
fn one_stray_byte_does_not_turn_utf8_into_windows_1252() {
    // Before: "Bénér 中文" became "BÃ©nÃ©r ä¸­æ–‡".
    let mut bytes = "instansi;Bénér 中文\nframework;spbe-2020\nindikator;nilai;penjelasan\n22;3;ok"
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    bytes.push(b'\n');
    let (a, warnings) = spbe_pemdi::assessment::read_bytes_noting(
        "stray.csv",
        bytes,
        &data().catalog,
        Default::default(),
    )
    .unwrap();
    assert_eq!(a.agency.as_deref(), Some("Bénér 中文"));
    assert_eq!(a.answers[0].justification.as_deref(), Some("ok\u{fffd}"));
    let w = warnings[0].render_warning(Lang::En, false);
    assert!(
        w.starts_with("warning: bytes that are not valid UTF-8 (1 sequences) were replaced"),
        "{w}"
    );
    assert!(w.contains("stray.csv:4:8"), "{w}");
}

#[test]
fn windows_1252_files_still_decode_as_1252() {
    let bytes =
        b"instansi;Dinas Kominfo \x96 B\xe9n\xe9r\nframework;spbe-2020\nindikator;nilai\n22;3\n";
    let r = read("old.csv", bytes.to_vec(), None).unwrap();
    assert!(r.ends_with("agency=Dinas Kominfo – Bénér"), "{r}");
}

#[test]
fn values_with_more_than_28_decimals_are_refused_not_rounded() {
    // Before: rounded to 5 and to a whole level before the checks.
    for (fw, v) in [
        ("pemdi-2026", "5.00000000000000000000000000001"),
        ("spbe-2020", "4.99999999999999999999999999999"),
    ] {
        let text = format!("framework;{fw}\nindikator;nilai\n3;{v}\n");
        let e = read("p.csv", text.into_bytes(), None).unwrap_err();
        let e = e.render(Lang::En);
        assert!(e.contains("more than 28 significant digits"), "{e}");
    }
    // 28 digits are exact.
    let text = "framework;pemdi-2026\nindikator;nilai\n3;4.999999999999999999999999999\n";
    let r = read("p.csv", text.into(), None).unwrap();
    assert!(
        r.starts_with("pemdi-2026:3=4.999999999999999999999999999 "),
        "{r}"
    );
}

#[test]
fn json_numbers_are_read_as_written_not_through_binary_floating_point() {
    // Before: 4.9999999999999999 became the float 5.0 and was accepted.
    let text = r#"{"framework": "spbe-2020", "answers": [{"indicator": "3", "value": 4.9999999999999999}]}"#;
    let e = read("f.json", text.into(), None)
        .unwrap_err()
        .render(Lang::En);
    assert!(e.contains("4.9999999999999999 is not a whole level"), "{e}");
    let text = r#"{"framework": "pemdi-2026", "answers": [{"indicator": "3", "value": 2.1000000000000001}]}"#;
    let r = read("f.json", text.into(), None).unwrap();
    assert!(r.starts_with("pemdi-2026:3=2.1000000000000001 "), "{r}");
}

#[test]
fn json_minus_zero_is_shown_as_zero_not_minus_zero_point_zero() {
    let text = r#"{"framework": "spbe-2018", "answers": [{"indicator": "3", "value": -0}]}"#;
    let r = read("z.json", text.into(), None).unwrap();
    assert!(r.starts_with("spbe-2018:3=0 "), "{r}");
}
