//! What a gap report reads like (issue 14, item 3): whole criteria clauses
//! as evidence items, the heaviest-first action order, one headline number,
//! the print date only when given, and `score` naming the unanswered
//! indicators.

use spbe_pemdi::report::{Format, clauses};
use spbe_pemdi::text::Lang;

use crate::gaps::report_bytes;
use crate::util::run;

fn json(name: &str) -> serde_json::Value {
    serde_json::from_slice(&report_bytes(name, Format::Json, Lang::Id)).unwrap()
}

#[test]
fn criteria_fragments_like_cso_and_widget_are_not_evidence_items() {
    // Level 2 of pemdi-2026:20 is a list of keywords: one item, the text.
    let crit = "Nilai digunakan untuk perbaikan; survei triwulanan; CSO; penilaian mandiri; widget";
    assert_eq!(clauses(crit), [crit]);
    // Two clauses stay two items.
    assert_eq!(
        clauses("Penyusunan tata kelola; identifikasi Infrastruktur Informasi Vital (IIV)"),
        [
            "Penyusunan tata kelola",
            "identifikasi Infrastruktur Informasi Vital (IIV)"
        ]
    );
    // A short part joins the clause before it, or the next when it leads.
    assert_eq!(
        clauses("Tim teknis; dasbor; umpan balik langsung dari pengguna"),
        ["Tim teknis; dasbor; umpan balik langsung dari pengguna"]
    );
    assert_eq!(
        clauses(
            "Telah terintegrasi dengan tingkat nasional; SLA setara dengan SLA nasional; reviu"
        ),
        [
            "Telah terintegrasi dengan tingkat nasional",
            "SLA setara dengan SLA nasional; reviu"
        ]
    );
    assert!(clauses(" ; ").is_empty());
    // In the report: every item has three words or more, and the items
    // joined are the criteria text (nothing invented, nothing lost).
    for fixture in [
        "aceh-tengah-spbe-2025.json",
        "kabupaten-contoh-spbe-2024.csv",
    ] {
        let v = json(fixture);
        for i in v["indicators"].as_array().unwrap() {
            let items: Vec<&str> = i["prepare"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            for p in &items {
                assert!(p.split_whitespace().count() >= 3, "{fixture}: {p:?}");
            }
            if let Some(c) = i["next"]["criteria"].as_str() {
                let norm = |s: &str| s.split(';').map(str::trim).collect::<Vec<_>>().join("; ");
                assert_eq!(items.join("; "), norm(c), "{fixture}");
            }
        }
    }
}

#[test]
fn indicator_19_quick_win_is_not_last_in_the_action_order() {
    // Kabupaten Contoh: indicator 19 (weight 10 %) once came 20th of 20 by
    // points to the next level (a short step on a heavy indicator). The
    // order is heaviest first: it comes right after indicator 20 (15 %),
    // whatever its distance to the next level.
    let v = json("kabupaten-contoh-spbe-2024.csv");
    let order: Vec<u64> = v["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["no"].as_u64().unwrap())
        .collect();
    assert_eq!(&order[..2], [20, 19], "{order:?}");
    let nineteen = &v["actions"][1];
    // One level of a 10 % indicator is 0,1 index points; 19 stands at
    // 1,25, so reaching 2 gives 0,075 and the top 0,375.
    assert_eq!(nineteen["gain"], "0.075");
    assert_eq!(nineteen["gain_max"], "0.375");
    assert_eq!(nineteen["first"], true);
}

#[test]
fn one_headline_number_and_the_face_value_in_one_sentence() {
    let html = String::from_utf8(report_bytes(
        "aceh-tengah-spbe-2025.json",
        Format::Html,
        Lang::Id,
    ))
    .unwrap();
    assert_eq!(html.matches("class=\"big\"").count(), 1, "one big number");
    let head = html.split("<section class=\"headline\"").nth(1).unwrap();
    let head = head.split("</section>").next().unwrap();
    assert!(
        head.contains(
            "<span class=\"big\">1,22</span> <span class=\"pred\">Kurang (Merintis)</span>"
        ),
        "{head}"
    );
    // The range, labelled by its causes: (a) unanswered sources, (b) the
    // calibration band.
    assert!(
        head.contains("Rentang (a+b): <strong>1,00–1,91</strong>"),
        "{head}"
    );
    assert!(
        head.contains("(a) rentang dari jawaban sumber yang kosong 1,08–1,24"),
        "{head}"
    );
    assert!(head.contains("(b) pita kalibrasi ±0,75"), "{head}");
    assert!(
        head.contains("memberi 1,90; angka itu bukan perkiraan nilai yang akan diterima."),
        "{head}"
    );
}

#[test]
fn the_print_date_comes_from_date_never_from_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let args = |date: Option<&str>| {
        let mut a = vec![
            "gaps".to_string(),
            "fixtures/aceh-tengah-spbe-2025.json".into(),
            "--force".into(),
            "-o".into(),
            out.to_str().unwrap().into(),
        ];
        if let Some(d) = date {
            a.extend(["--date".to_string(), d.to_string()]);
        }
        a
    };
    let call = |a: Vec<String>| run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let r = call(args(None));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("Dicetak"), "no date unless given");
    assert!(html.contains("counter(page)"), "page numbers");
    let r = call(args(Some("2026-12-04")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("@bottom-left{content:\"Dicetak: 4 Desember 2026\""));
    for bad in ["2026-02-30", "4/12/2026", "2026-13-01", "2026-1-4"] {
        let r = call(args(Some(bad)));
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("TTTT-BB-HH"), "{}", r.stderr);
    }
    let r = call(args(Some("2028-02-29")));
    assert_eq!(r.code, 0, "leap day: {}", r.stderr);
}

#[test]
fn score_names_the_unanswered_indicators() {
    let r = run(&["score", "fixtures/aceh-tengah-spbe-2025.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Terjawab 38 dari 47"));
    let list = r.stdout.split("Belum dijawab (9):\n").nth(1).unwrap();
    let nos: Vec<&str> = list
        .lines()
        .take(9)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(nos, ["1", "2", "5", "6", "7", "8", "38", "43", "44"]);
    assert_eq!(38 + nos.len(), 47);
}

#[test]
fn errors_as_plain_sentences_name_the_file_the_place_and_the_hint() {
    use spbe_pemdi::error::{Error, Place};
    use spbe_pemdi::text::Text;
    let e = Error::input(
        "hasil.xlsx",
        Text::new("nilai bukan angka", "the value is not a number"),
    )
    .at(Place::Cell {
        sheet: "Lembar1".into(),
        cell: "C7".into(),
    })
    .expected(Text::new("tingkat 1 sampai 5", "a level 1 to 5"))
    .with_hint(Text::new("perbaiki selnya.", "fix the cell."));
    assert_eq!(
        e.sentence(Lang::Id),
        "Berkas hasil.xlsx, sel Lembar1!C7: nilai bukan angka. Diharapkan: tingkat 1 sampai 5. Saran: perbaiki selnya."
    );
    assert_eq!(
        e.sentence(Lang::En),
        "File hasil.xlsx, cell Lembar1!C7: the value is not a number. Expected: a level 1 to 5. Hint: fix the cell."
    );
    let e = Error::usage(Text::new("tidak ada berkas", "no file"));
    assert_eq!(e.sentence(Lang::Id), "tidak ada berkas.");
}
