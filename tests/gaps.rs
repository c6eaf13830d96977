//! Gap reports: Markdown and JSON snapshots in both languages, the
//! worksheet reading back (CSV and XLSX), escaping of the user's text, and
//! the same bytes for the same input.

use spbe_pemdi::assessment::read_bytes;
use spbe_pemdi::convert::{ConvertOptions, Converter};
use spbe_pemdi::report::{Format, Report, render};
use spbe_pemdi::text::Lang;

use crate::util::{data, fixture, run};

/// The report of fixture `name` in `format` and `lang`, in process.
pub fn report_bytes(name: &str, format: Format, lang: Lang) -> Vec<u8> {
    let data = data();
    let a = spbe_pemdi::assessment::read(&fixture(name), &data.catalog, None).unwrap();
    let conv = Converter::new(&data, &a.framework, &ConvertOptions::default())
        .unwrap()
        .convert(&a)
        .unwrap();
    let r = Report::build(&conv, &data.catalog, lang).unwrap();
    render(&r, format, &data.catalog).unwrap()
}

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    insta::assert_snapshot!(name, r.stdout);
}

#[test]
fn markdown_and_json_reports_in_both_languages() {
    for (stem, file) in [
        ("aceh_tengah", "fixtures/aceh-tengah-spbe-2025.json"),
        ("kabupaten_xlsx", "fixtures/kabupaten-contoh-spbe-2024.xlsx"),
    ] {
        for lang in ["id", "en"] {
            snap(
                &format!("gaps_{stem}_md_{lang}"),
                &["gaps", file, "--lang", lang],
            );
            snap(
                &format!("gaps_{stem}_json_{lang}"),
                &["gaps", file, "--lang", lang, "--format", "json"],
            );
        }
    }
}

#[test]
fn actions_are_ordered_heaviest_first_and_the_first_three_are_marked() {
    let json = report_bytes("aceh-tengah-spbe-2025.json", Format::Json, Lang::En);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let actions = v["actions"].as_array().unwrap();
    assert!(actions.len() >= 3);
    let dec = |s: &serde_json::Value| {
        s.as_str()
            .unwrap()
            .parse::<rust_decimal::Decimal>()
            .unwrap()
    };
    let stake = |a: &serde_json::Value| {
        let i = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["no"] == a["no"])
            .unwrap();
        (
            dec(&i["stake"]["per_level"]),
            dec(&i["stake"]["step"]),
            a["no"].as_u64().unwrap(),
        )
    };
    for w in actions.windows(2) {
        let (a, b) = (stake(&w[0]), stake(&w[1]));
        assert!(
            a.0 > b.0 || (a.0 == b.0 && (a.1 < b.1 || (a.1 == b.1 && a.2 < b.2))),
            "{a:?} before {b:?}"
        );
    }
    let first: Vec<bool> = actions.iter().map(|a| a["first"] == true).collect();
    assert_eq!(first.iter().filter(|f| **f).count(), 3);
    assert!(first[0] && first[1] && first[2]);
    // The five new obligations are called out.
    let obligations: Vec<u64> = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["no"].as_u64().unwrap())
        .collect();
    assert_eq!(obligations, [6, 7, 8, 11, 12]);
    // External indices without a value: ask the owning agency.
    let ask: Vec<&str> = v["ask_external"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(
        ask.iter()
            .any(|t| t.contains("Bappenas") && t.contains("--external sdi="))
    );
    assert!(ask.iter().any(|t| t.contains("BSSN")));
}

#[test]
fn external_values_given_are_used_and_not_asked_for() {
    let r = run(&[
        "gaps",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--external",
        "sdi=68.75",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let asks: Vec<u64> = v["ask_external"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["no"].as_u64().unwrap())
        .collect();
    assert!(!asks.contains(&5), "{asks:?}");
    let five = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["no"] == 5)
        .unwrap();
    assert_eq!(five["value"], "3.75");
}

#[test]
fn same_input_same_bytes() {
    for format in [
        Format::Html,
        Format::Md,
        Format::Json,
        Format::Xlsx,
        Format::Csv,
    ] {
        for file in ["kabupaten-contoh-spbe-2024.xlsx", "xss-spbe-2024.csv"] {
            let a = report_bytes(file, format, Lang::Id);
            let b = report_bytes(file, format, Lang::Id);
            assert_eq!(a, b, "{format:?} {file}");
        }
    }
}

#[test]
fn csv_worksheet_reads_back_and_takes_only_the_final_value() {
    let data = data();
    for lang in [Lang::Id, Lang::En] {
        let bytes = report_bytes("kabupaten-contoh-spbe-2024.xlsx", Format::Csv, lang);
        // Blank: the suggestions are not read as values.
        let blank = read_bytes("w.csv", bytes.clone(), &data.catalog, None).unwrap();
        assert_eq!(blank.framework, "pemdi-2026");
        assert_eq!(blank.agency.as_deref(), Some("Kabupaten Contoh"));
        assert_eq!(blank.year, Some(2025));
        assert!(blank.answers.is_empty(), "{:?}", blank.answers);
        // Filled: the assessor's final value is read.
        let delim = spbe_pemdi::sheet::csv_delimiter(lang);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(bytes.as_slice());
        let mut w = csv::WriterBuilder::new()
            .delimiter(delim)
            .flexible(true)
            .from_writer(vec![]);
        let mut filled = 0;
        for rec in rdr.records() {
            let mut rec: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
            if rec.len() > 9 && rec[0].parse::<u32>().is_ok() {
                rec[9] = "2,5".to_string();
                rec[10] = "dinilai ulang".to_string();
                filled += 1;
            }
            w.write_record(&rec).unwrap();
        }
        assert_eq!(filled, 20);
        let a = read_bytes("f.csv", w.into_inner().unwrap(), &data.catalog, None).unwrap();
        assert_eq!(a.answers.len(), 20);
        assert!(a.answers.iter().all(|x| x.value.to_string() == "2.5"));
        assert!(a.answers.iter().all(|x| x.origin.is_none()));
        assert_eq!(a.answers[0].justification.as_deref(), Some("dinilai ulang"));
    }
}

#[test]
fn xlsx_worksheet_reads_back_with_the_tools_reader_and_calamine() {
    use calamine::{Data, Reader, Xlsx};
    let data = data();
    let bytes = report_bytes("kabupaten-contoh-spbe-2024.xlsx", Format::Xlsx, Lang::Id);
    let blank = read_bytes("w.xlsx", bytes.clone(), &data.catalog, None).unwrap();
    assert_eq!(blank.framework, "pemdi-2026");
    assert!(blank.answers.is_empty());
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let header = rows
        .iter()
        .position(|r| r[0] == Data::String("no".into()))
        .unwrap();
    let h: Vec<String> = rows[header].iter().map(|c| c.to_string()).collect();
    assert_eq!(h[6], "saran");
    assert_eq!(h[9], "nilai_akhir");
    let body = &rows[header + 1..header + 21];
    for (i, r) in body.iter().enumerate() {
        assert_eq!(r[0], Data::Float((i + 1) as f64), "row {i}");
        assert!(
            matches!(r[9], Data::Empty),
            "final value is empty: {:?}",
            r[9]
        );
        assert!(
            matches!(r[7], Data::Float(_)) && matches!(r[8], Data::Float(_)),
            "ranges are numbers"
        );
    }
    // External index rows follow, to be filled instead of their indicator.
    assert!(
        rows[header + 21..]
            .iter()
            .any(|r| r[1] == Data::String("sdi".into()))
    );
}

#[test]
fn user_text_is_escaped_in_html_and_markdown() {
    let html =
        String::from_utf8(report_bytes("xss-spbe-2024.csv", Format::Html, Lang::Id)).unwrap();
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<img"), "no image element");
    assert!(!html.contains("<b>Uji"), "agency name escaped");
    assert!(!html.contains("javascript:alert(3)\""), "no script link");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "shown as text");
    assert!(html.contains("&lt;b&gt;Uji&lt;"), "agency shown as text");
    let md = String::from_utf8(report_bytes("xss-spbe-2024.csv", Format::Md, Lang::Id)).unwrap();
    assert!(!md.contains("<script>"), "markdown escapes markup");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(
        md.contains("\\[tautan\\](javascript:alert(6))"),
        "no markdown link"
    );
}

#[test]
fn gaps_cli_writes_files_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("laporan.html");
    let out_s = out.to_str().unwrap();
    let args = ["gaps", "fixtures/aceh-tengah-spbe-2025.json", "-o", out_s];
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>") && first.contains("<html lang=\"id\">"));
    let r = run(&args);
    assert_eq!(r.code, 4, "exists without --force");
    let r = run(&[
        "gaps",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--format",
        "xlsx",
    ]);
    assert_eq!(r.code, 2, "XLSX needs -o");
    let r = run(&[
        "gaps",
        "fixtures/aceh-tengah-spbe-2025.json",
        "-o",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--format",
        "json",
        "--force",
    ]);
    assert_eq!(r.code, 4, "never over the input");
    let en = dir.path().join("gaps.html");
    let r = run(&[
        "gaps",
        "fixtures/aceh-tengah-spbe-2025.json",
        "--lang",
        "en",
        "-o",
        en.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    assert!(
        std::fs::read_to_string(&en)
            .unwrap()
            .contains("<html lang=\"en\">")
    );
}
