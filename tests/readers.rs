//! Input forms agencies actually keep: every CSV and XLSX dialect reads to
//! the same assessment.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::{Assessment, Evidence, read, read_bytes};

use crate::util::{data, fixture};

fn read_text(name: &str, text: &str, fw: Option<&str>) -> spbe_pemdi::Result<Assessment> {
    read_bytes(name, text.as_bytes().to_vec(), &data().catalog, fw)
}

fn values(a: &Assessment) -> Vec<(String, String)> {
    a.answers
        .iter()
        .map(|x| (x.indicator.clone(), x.value.to_string()))
        .collect()
}

#[test]
fn every_csv_dialect_reads_the_same() {
    let headers = [
        ["indikator", "nilai", "penjelasan", "data_dukung"],
        ["indicator", "level", "justification", "evidence"],
        ["no", "tingkat", "Penjelasan", "Data Dukung"],
    ];
    let refs = [
        ["1", "22", "45"],
        ["spbe-2020:1", "spbe-2020:22", "spbe-2020:45"],
        [
            "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah",
            "Penerapan Manajemen Keamanan Informasi",
            "Tingkat Kematangan Layanan Publik Sektor 1",
        ],
    ];
    let mut expected: Option<Assessment> = None;
    let mut cases = 0;
    for h in &headers {
        for r in &refs {
            for delim in [",", ";"] {
                for bom in [false, true] {
                    for crlf in [false, true] {
                        let nl = if crlf { "\r\n" } else { "\n" };
                        let mut t = String::new();
                        if bom {
                            t.push('\u{feff}');
                        }
                        t += &h.join(delim);
                        t += nl;
                        t += &format!(
                            "{}{d}3{d}\"Perbup ditetapkan; lengkap\"{d}\"Perbup 12/2022 | https://jdih.contoh.go.id/12\"{nl}",
                            r[0],
                            d = delim
                        );
                        t += &format!("\"{}\"{d}2{d}{d}{nl}", r[1], d = delim);
                        t += &format!("{}{d}4{d}{d}{nl}", r[2], d = delim);
                        let a = read_text("dialect.csv", &t, Some("spbe-2020"))
                            .unwrap_or_else(|e| panic!("{t}\n{}", e.render(spbe_pemdi::Lang::En)));
                        match &expected {
                            None => expected = Some(a),
                            Some(e) => assert_eq!(&a, e, "dialect:\n{t}"),
                        }
                        cases += 1;
                    }
                }
            }
        }
    }
    assert_eq!(cases, 72);
    let a = expected.unwrap();
    assert_eq!(
        values(&a),
        vec![
            ("spbe-2020:1".into(), "3".into()),
            ("spbe-2020:22".into(), "2".into()),
            ("spbe-2020:45".into(), "4".into()),
        ]
    );
    assert_eq!(
        a.answers[0].justification.as_deref(),
        Some("Perbup ditetapkan; lengkap")
    );
    assert_eq!(
        a.answers[0].evidence,
        vec![
            Evidence {
                name: "Perbup 12/2022".into(),
                url: None
            },
            Evidence {
                name: "https://jdih.contoh.go.id/12".into(),
                url: Some("https://jdih.contoh.go.id/12".into())
            },
        ]
    );
}

#[test]
fn decimal_comma_and_dot() {
    let semicolon = "indikator;nilai\n1;1,5\n2;2.25\n";
    let comma = "indicator,value\n1,\"1,5\"\n2,2.25\n";
    let a = read_text("a.csv", semicolon, Some("pemdi-2026")).unwrap();
    let b = read_text("b.csv", comma, Some("pemdi-2026")).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.answers[0].value, Decimal::new(15, 1));
    assert_eq!(a.answers[1].value, Decimal::new(225, 2));
}

#[test]
fn latin1_text_from_old_spreadsheets_is_decoded() {
    // Windows-1252: 0x96 is an en dash, 0xe9 an e-acute.
    let bytes =
        b"indikator;nilai;penjelasan\n1;3;Sudah ditetapkan \x96 lengkap\n2;2;caf\xe9\n".to_vec();
    let a = read_bytes("old.csv", bytes, &data().catalog, Some("spbe-2020")).unwrap();
    assert_eq!(
        a.answers[0].justification.as_deref(),
        Some("Sudah ditetapkan – lengkap")
    );
    assert_eq!(a.answers[1].justification.as_deref(), Some("café"));
}

#[test]
fn partial_assessments_are_valid() {
    let a = read_text("p.csv", "no;nilai\n1;3\n2;\n3;4\n", Some("spbe-2020")).unwrap();
    assert_eq!(values(&a).len(), 2);
}

#[test]
fn framework_from_metadata_rows_and_ids() {
    let a = read_text(
        "m.csv",
        "instansi;Kabupaten X\ntahun;2024\nframework;spbe-2020\nno;nilai\n1;3\n",
        None,
    )
    .unwrap();
    assert_eq!(a.framework, "spbe-2020");
    assert_eq!(a.agency.as_deref(), Some("Kabupaten X"));
    assert_eq!(a.year, Some(2024));
    let b = read_text("i.csv", "indicator,level\nspbe-2018:35-2,3\n", None).unwrap();
    assert_eq!(b.framework, "spbe-2018");
    assert_eq!(b.answers[0].indicator, "spbe-2018:35-2");
}

#[test]
fn framework_inferred_from_names_when_unique() {
    let a = read_text(
        "n.csv",
        "nama_indikator;nilai\nTingkat Kematangan Layanan Data Terbuka;3\n",
        None,
    )
    .unwrap();
    assert_eq!(a.framework, "spbe-2020");
    assert_eq!(a.answers[0].indicator, "spbe-2020:43");
}

#[test]
fn spbe_2018_rows_of_indicator_35() {
    let a = read(&fixture("kota-contoh-spbe-2019.csv"), &data().catalog, None).unwrap();
    assert_eq!(a.framework, "spbe-2018");
    let keys: Vec<&str> = a.answers.iter().map(|x| x.key()).collect();
    assert!(keys.ends_with(&["34", "35-1", "35-2", "35-3"]));
    let four = read_text("x.csv", "no;nilai\n35-4;2\n", Some("spbe-2018"));
    assert!(four.is_err(), "at most three service rows");
}

#[test]
fn xlsx_and_csv_fixtures_read_the_same() {
    let catalog = data().catalog;
    let x = read(&fixture("kabupaten-contoh-spbe-2024.xlsx"), &catalog, None).unwrap();
    let c = read(&fixture("kabupaten-contoh-spbe-2024.csv"), &catalog, None).unwrap();
    assert_eq!(x, c);
    assert_eq!(x.answers.len(), 47);
    assert!(x.answers[0].justification.is_some());
}

#[test]
fn xlsx_written_by_a_library_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lke.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Rekap").unwrap();
    ws.write(0, 0, "REKAP PENILAIAN MANDIRI").unwrap();
    ws.write(1, 0, "Tahun").unwrap();
    ws.write(1, 1, 2026).unwrap();
    ws.write(3, 1, "Indikator").unwrap();
    ws.write(3, 2, "Nilai").unwrap();
    ws.write(3, 3, "Penjelasan").unwrap();
    ws.write(4, 1, "pemdi-2026:3").unwrap();
    ws.write(4, 2, 2.5).unwrap();
    ws.write(4, 3, "Peta kompetensi tersedia").unwrap();
    ws.write(5, 1, "Integrasi Aplikasi").unwrap();
    ws.write(5, 2, 1.26).unwrap();
    wb.save(&path).unwrap();
    let a = read(&path, &data().catalog, None).unwrap();
    assert_eq!(a.framework, "pemdi-2026");
    assert_eq!(a.year, Some(2026));
    assert_eq!(
        values(&a),
        vec![
            ("pemdi-2026:3".into(), "2.5".into()),
            ("pemdi-2026:16".into(), "1.26".into()),
        ]
    );
}

#[test]
fn xlsx_errors_name_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "no").unwrap();
    ws.write(0, 1, "nilai").unwrap();
    ws.write(1, 0, 1).unwrap();
    ws.write(1, 1, 9).unwrap();
    wb.save(&path).unwrap();
    let e = read(&path, &data().catalog, Some("spbe-2020")).unwrap_err();
    let text = e.render(spbe_pemdi::Lang::En);
    assert!(text.contains("[Sheet1!B2]"), "{text}");
    assert!(text.contains("outside the spbe-2020 scale"), "{text}");
}

#[test]
fn the_reference_example_shape_reads() {
    // The reference examples keep levels as a map; that shorthand reads too.
    let a = read_text(
        "levels.json",
        r#"{"framework": "spbe-2020", "levels": {"3": 4, "10": 3}}"#,
        None,
    )
    .unwrap();
    assert_eq!(
        values(&a),
        vec![
            ("spbe-2020:3".into(), "4".into()),
            ("spbe-2020:10".into(), "3".into()),
        ]
    );
}

/// A misspelt answer key (`"valeu": "4"`) was read as an unanswered
/// indicator, exit 0: the value was lost without a word. Every reader
/// path now refuses an unknown key in an answer, naming it and its place.
#[test]
fn an_unknown_answer_key_is_an_error_not_a_lost_value() {
    let good = r#"{"framework": "spbe-2020", "answers": [
  {"indicator": "spbe-2020:1", "value": "3"},
  {"indicator": "spbe-2020:2", "value": "4"}
]}"#;
    assert_eq!(values(&read_text("a.json", good, None).unwrap()).len(), 2);
    let cases = [
        ("valeu", "did you mean `value`?"),
        ("Value", "did you mean `value`?"),
        ("nilai", "did you mean `value`?"),
        ("catatan", "remove the key, or rename it"),
    ];
    for (key, hint) in cases {
        let text = good.replace("\"value\": \"4\"", &format!("\"{key}\": \"4\""));
        for fw in [None, Some("spbe-2020")] {
            let e = read_text("a.json", &text, fw).unwrap_err();
            let msg = e.render(spbe_pemdi::Lang::En);
            assert!(
                msg.contains(&format!("unknown key `{key}` in `answers[1]`")),
                "{msg}"
            );
            assert!(msg.contains("a.json:3:32"), "{msg}");
            assert!(msg.contains(hint), "{msg}");
        }
    }
}
