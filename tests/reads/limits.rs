//! Bounded resources: every reader checks the limits of `src/limits.rs`
//! before it allocates (issue 16 items 4 and 18).

use std::path::Path;

use spbe_pemdi::Lang;
use spbe_pemdi::assessment::{read, read_bytes};
use spbe_pemdi::limits;

use crate::util::{data, run_in, temp_data_dir};

/// A small assessment sheet with one more cell at (`row`, `col`).
fn sheet_with_far_cell(path: &Path, row: u32, col: u16) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "framework").unwrap();
    ws.write(0, 1, "spbe-2020").unwrap();
    ws.write(1, 0, "indikator").unwrap();
    ws.write(1, 1, "nilai").unwrap();
    ws.write(2, 0, 22).unwrap();
    ws.write(2, 1, 3).unwrap();
    ws.write(row, col, "catatan").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn xlsx_with_cells_a1_and_xfd1048576_does_not_allocate_the_whole_sheet() {
    // Before: calamine built a dense range of 2^34 cells (549 GB) and the
    // process aborted.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.xlsx");
    sheet_with_far_cell(&path, 1_048_575, 16_383);
    // The far note is a row of its own below the table, read as such.
    let a = read(&path, &data().catalog, None).unwrap();
    assert_eq!(a.answers.len(), 1);
}

#[test]
fn xlsx_with_one_cell_at_row_1048576_reads_without_the_rows_between() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.xlsx");
    sheet_with_far_cell(&path, 1_048_575, 2);
    let a = read(&path, &data().catalog, None).unwrap();
    assert_eq!(a.answers.len(), 1);
}

#[test]
fn xlsx_with_more_rows_than_the_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write(0, 0, "indikator").unwrap();
    ws.write(0, 1, "nilai").unwrap();
    for r in 1..=limits::MAX_ROWS as u32 {
        ws.write(r, 0, 22).unwrap();
    }
    wb.save(&path).unwrap();
    let e = read(&path, &data().catalog, Some("spbe-2020")).unwrap_err();
    let text = e.render(Lang::En);
    assert!(text.contains("too large for an assessment"), "{text}");
    assert!(text.contains("at most 5000 rows"), "{text}");
}

#[test]
fn csv_of_empty_cells_is_refused_before_the_cells_are_built() {
    // Before: 60 MB of delimiters became 60 million cells (4,4 GB).
    let mut text = String::from("indikator;nilai\n22;3\n");
    text.push_str(&";".repeat(limits::MAX_CELLS + 1));
    let e = read_bytes(
        "empty.csv",
        text.into_bytes(),
        &data().catalog,
        Some("spbe-2020"),
    )
    .unwrap_err();
    let text = e.render(Lang::En);
    assert!(text.contains("too large for an assessment"), "{text}");
}

#[test]
fn csv_row_with_more_columns_than_excel_is_refused_at_its_line() {
    let mut text = String::from("indikator;nilai\n22;3\n");
    text.push_str(&"x;".repeat(limits::MAX_COLUMNS + 1));
    let e = read_bytes(
        "wide.csv",
        text.into_bytes(),
        &data().catalog,
        Some("spbe-2020"),
    )
    .unwrap_err();
    let text = e.render(Lang::En);
    assert!(text.contains("16386 columns in one row"), "{text}");
    assert!(text.contains("wide.csv:3"), "{text}");
}

#[test]
fn csv_cell_longer_than_an_excel_cell_is_refused() {
    let text = format!(
        "indikator;nilai;penjelasan\n22;3;{}\n",
        "a".repeat(limits::MAX_CELL_CHARS + 1)
    );
    let e = read_bytes(
        "long.csv",
        text.into_bytes(),
        &data().catalog,
        Some("spbe-2020"),
    )
    .unwrap_err();
    assert!(
        e.render(Lang::En).contains("32768 characters"),
        "{}",
        e.render(Lang::En)
    );
}

#[cfg(unix)]
#[test]
fn data_file_that_is_a_fifo_is_refused_instead_of_hanging() {
    let tmp = temp_data_dir(&[]);
    let fifo = tmp.path().join("data/crosswalks/pipe.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let r = run_in(tmp.path(), &["validate", "--data", "data", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    assert!(r.stderr.contains("pipe.json"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn data_file_linked_to_dev_zero_is_refused_instead_of_read_forever() {
    let tmp = temp_data_dir(&[]);
    let link = tmp.path().join("data/crosswalks/zero.json");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let r = run_in(tmp.path(), &["validate", "--data", "data", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn data_file_past_the_limit_is_refused_by_its_size() {
    let tmp = temp_data_dir(&[]);
    let big = tmp.path().join("data/crosswalks/big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(limits::MAX_DATA_FILE_BYTES as u64 + 1).unwrap();
    let r = run_in(tmp.path(), &["validate", "--data", "data", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("too large"), "{}", r.stderr);
}

#[test]
fn xlsx_with_one_long_shared_string_in_many_cells_is_refused_by_its_text() {
    // One 30 000-character string, stored once, copied into 2 300 cells
    // would be 69 MB of text held.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.xlsx");
    let long = "x".repeat(30_000);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "indikator").unwrap();
    ws.write(0, 1, "nilai").unwrap();
    ws.write(0, 2, "penjelasan").unwrap();
    for r in 1..=2_300 {
        ws.write(r, 2, long.as_str()).unwrap();
    }
    wb.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1 << 20);
    let e = read(&path, &data().catalog, Some("spbe-2020")).unwrap_err();
    let text = e.render(Lang::En);
    assert!(text.contains("more than 64 MiB of text"), "{text}");
}

#[cfg(unix)]
#[test]
fn assessment_that_is_a_fifo_is_refused_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.csv");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let r = run_in(dir.path(), &["score", "a.csv", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}
