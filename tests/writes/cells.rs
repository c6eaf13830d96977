//! Excel's 32 767-character cell limit (item 6): cut with a marker in XLSX, whole in
//! JSON and CSV; a batch goes on.

use super::*;

#[test]
fn long_texts_meeting_in_one_cell_are_cut_in_xlsx_and_whole_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    // Five sources of pemdi-2026:1 (spbe-2020 1, 2, 11, 12, 13), each
    // justification well within any reader's limit, together past Excel's.
    let texts: Vec<String> = "abcde"
        .chars()
        .map(|c| c.to_string().repeat(7_000))
        .collect();
    let answers: Vec<(u32, &str, &str)> = [1, 2, 11, 12, 13]
        .iter()
        .zip(&texts)
        .map(|(no, t)| (*no, "3", t.as_str()))
        .collect();
    let input = tmp.path().join("panjang.json");
    std::fs::write(&input, assessment("Kabupaten Panjang", &answers)).unwrap();
    for cmd in ["gaps", "convert"] {
        let out = format!("{cmd}.xlsx");
        let r = run_in(tmp.path(), &[cmd, "panjang.json", "-o", &out]);
        assert_eq!(r.code, 0, "{cmd}: {}", r.stderr);
        assert!(
            r.stderr.contains("sel melebihi batas Excel"),
            "{cmd}: {}",
            r.stderr
        );
        let cells = xlsx_cells(&tmp.path().join(&out));
        let cut: Vec<&String> = cells
            .iter()
            .flatten()
            .filter(|c| c.contains("terpotong"))
            .collect();
        assert!(!cut.is_empty(), "{cmd}: a cell is cut and says so");
        for c in cut {
            assert!(c.encode_utf16().count() <= 32_767, "{cmd}");
            assert!(c.ends_with("teks lengkap ada di keluaran JSON atau CSV]"));
        }
    }
    // The JSON and the CSV keep both texts whole.
    let r = run_in(tmp.path(), &["gaps", "panjang.json", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(texts.iter().all(|t| r.stdout.contains(t.as_str())));
    let r = run_in(tmp.path(), &["gaps", "panjang.json", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(texts.iter().all(|t| r.stdout.contains(t.as_str())));
}

#[test]
fn a_40000_character_agency_name_does_not_stop_a_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let name = format!("Kabupaten {}", "X".repeat(40_000));
    std::fs::write(
        input.join("a-panjang.json"),
        assessment(&name, &[(1, "3", "")]),
    )
    .unwrap();
    std::fs::copy(fixture("aceh-tengah-spbe-2025.json"), input.join("b.json")).unwrap();
    for format in ["md", "xlsx"] {
        let out = format!("out-{format}");
        let r = run_in(tmp.path(), &["batch", "in", "-o", &out, "--format", format]);
        // Read (0), or refused by a reader's limit and listed (1): never a
        // stopped batch.
        assert!(r.code == 0 || r.code == 1, "{format}: {}", r.stderr);
        let out = tmp.path().join(out);
        let csv = read(&out.join("summary.csv"));
        assert!(csv.contains("a-panjang.json"), "listed");
        assert!(csv.contains("b.json"));
        assert!(out.join("b.".to_string() + format).is_file());
        let cells = xlsx_cells(&out.join("summary.xlsx"));
        assert_eq!(cells.len(), 3, "header and two rows");
        if r.code == 0 {
            // The CSV keeps the name whole; the workbook cuts it.
            assert!(csv.contains(&name));
            assert!(cells[1][2].contains("terpotong"), "{}", &cells[1][2][..50]);
        }
    }
}
