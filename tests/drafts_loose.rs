//! Text a person typed on a row without an indicator (a team's note below
//! the draft's table) or in a column without a header survives every
//! merge, in CSV and XLSX.

use spbe_pemdi::assessment::read_bytes;
use spbe_pemdi::convert::draft::{DraftFormat, draft, merge, write};
use spbe_pemdi::convert::{ConvertOptions, convert};
use spbe_pemdi::text::Lang;

use crate::util::{data, fixture};

#[test]
fn a_note_typed_below_the_table_survives_every_merge() {
    let data = data();
    let a =
        spbe_pemdi::assessment::read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None)
            .expect("reads");
    let c = convert(&data, &a, &ConvertOptions::default()).expect("converts");
    let csv = write(&draft(&c), Some(&c), DraftFormat::Csv, Lang::Id).expect("draft");
    let mut text = String::from_utf8(csv).expect("utf-8");
    // Below the table: a note in `penjelasan` and one in a column the
    // draft does not have (its header is blank), on a row with no indicator.
    let width = text.lines().last().map_or(0, |l| l.split(';').count());
    let mut cells = vec![String::new(); width + 1];
    cells[11] = "catatan umum tim: rapat 3 Maret".into();
    cells[width] = "di luar tabel".into();
    text.push_str(&cells.join(";"));
    text.push('\n');
    // And a note in that header-less column on an indicator's row.
    let text: String = text
        .lines()
        .map(|l| match l.starts_with("4;") {
            true => format!("{l};tanya tim kolaborasi\n"),
            false => format!("{l}\n"),
        })
        .collect();
    let kept = |bytes: &[u8], name: &str| {
        let back = read_bytes(name, bytes.to_vec(), &data.catalog, None).expect("reads back");
        let row = back.notes.loose.concat();
        assert!(
            row.iter()
                .any(|(_, t)| t.contains("catatan umum tim: rapat 3 Maret")),
            "{name}: {row:?}"
        );
        assert!(
            row.iter().any(|(_, t)| t.contains("di luar tabel")),
            "{name}: {row:?}"
        );
        back
    };
    let own = |bytes: &[u8], name: &str| {
        let back = read_bytes(name, bytes.to_vec(), &data.catalog, None).expect("reads back");
        let cells = &back.notes.rows["4"].cells;
        assert!(
            cells.values().any(|t| t == "tanya tim kolaborasi"),
            "{name}: {cells:?}"
        );
    };
    own(text.as_bytes(), "draf.csv");
    let existing = kept(text.as_bytes(), "draf.csv");
    for fmt in [DraftFormat::Csv, DraftFormat::Xlsx] {
        let name = match fmt {
            DraftFormat::Xlsx => "draf.xlsx",
            _ => "draf.csv",
        };
        let once = write(
            &merge(&existing, &c).expect("merges").draft,
            Some(&c),
            fmt,
            Lang::Id,
        )
        .expect("writes");
        let back = kept(&once, name);
        own(&once, name);
        let twice = write(
            &merge(&back, &c).expect("merges").draft,
            Some(&c),
            fmt,
            Lang::Id,
        )
        .expect("writes");
        assert!(once == twice, "{name}: a second merge changes nothing");
    }
}

/// Another sheet of a workbook draft (a team's notes) is written back by
/// every merge; a merge into CSV, which has one sheet, is refused.
#[test]
fn another_sheet_of_a_workbook_draft_survives_every_merge() {
    let data = data();
    let a =
        spbe_pemdi::assessment::read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None)
            .expect("reads");
    let c = convert(&data, &a, &ConvertOptions::default()).expect("converts");
    let mut d = draft(&c);
    let notes = vec![
        vec!["rapat tim".to_string(), "3 Maret".to_string()],
        vec!["peserta".to_string(), "12".to_string()],
    ];
    d.notes.sheets = vec![("Catatan Tim".to_string(), notes.clone())];
    let xlsx = write(&d, Some(&c), DraftFormat::Xlsx, Lang::Id).expect("xlsx");
    let mut bytes = xlsx.clone();
    for _ in 0..2 {
        let back = read_bytes("draf.xlsx", bytes, &data.catalog, None).expect("reads back");
        assert_eq!(
            back.notes.sheets,
            vec![("Catatan Tim".to_string(), notes.clone())]
        );
        let m = merge(&back, &c).expect("merges");
        bytes = write(&m.draft, Some(&c), DraftFormat::Xlsx, Lang::Id).expect("writes");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("draf.xlsx"), &xlsx).expect("write");
    let src = fixture("aceh-tengah-spbe-2025.json");
    let r = crate::util::run_in(
        dir.path(),
        &[
            "convert",
            src.to_str().unwrap(),
            "--into",
            "draf.xlsx",
            "-o",
            "baru.csv",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("Catatan Tim"), "{}", r.stderr);
    assert!(!dir.path().join("baru.csv").exists());
}
