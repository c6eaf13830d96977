//! Drafts people can trust: a person's typing survives every merge (a
//! property test over random edits, in CSV and XLSX), and the regressions
//! of issue 13 and issue 16 item 3.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use rust_decimal::Decimal;
use spbe_pemdi::assessment::read_bytes;
use spbe_pemdi::convert::draft::{DraftFormat, draft, merge, write};
use spbe_pemdi::convert::{Conversion, ConvertOptions, convert};
use spbe_pemdi::data::Data;
use spbe_pemdi::text::Lang;

use crate::util::{data, fixture, run_in};

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

struct World {
    data: Data,
    /// Conversions of different inputs: their suggestions differ.
    convs: Vec<Conversion>,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let data = data();
        let mut convs = vec![];
        for (file, ext) in [
            ("kabupaten-contoh-spbe-2024.xlsx", vec![]),
            ("aceh-tengah-spbe-2025.json", vec![]),
            (
                "kemenkeu-spbe-2024.json",
                vec![("sdi".to_string(), d("68.75"))],
            ),
        ] {
            let a = spbe_pemdi::assessment::read(&fixture(file), &data.catalog, None).unwrap();
            let opts = ConvertOptions {
                external: ext,
                ..ConvertOptions::default()
            };
            convs.push(convert(&data, &a, &opts).unwrap());
        }
        // A partial assessment: suggestions appear and disappear between
        // merges.
        let mut part = spbe_pemdi::assessment::read(
            &fixture("kabupaten-contoh-spbe-2024.xlsx"),
            &data.catalog,
            None,
        )
        .unwrap();
        part.answers
            .retain(|a| a.indicator_no().is_some_and(|n| n % 3 == 0));
        convs.push(convert(&data, &part, &ConvertOptions::default()).unwrap());
        World { data, convs }
    })
}

/// A draft as a person sees it: rows of cells.
type Grid = Vec<Vec<String>>;

fn grid_of(bytes: &[u8], fmt: DraftFormat) -> Grid {
    match fmt {
        DraftFormat::Csv => csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect(),
        DraftFormat::Xlsx => {
            use calamine::Reader;
            let mut wb =
                calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
            let name = wb.sheet_names()[0].clone();
            let range = wb.worksheet_range(&name).unwrap();
            range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            calamine::Data::Float(f) => {
                                Decimal::try_from(*f).unwrap().normalize().to_string()
                            }
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect()
        }
        DraftFormat::Json => unreachable!(),
    }
}

fn bytes_of(g: &Grid, fmt: DraftFormat) -> Vec<u8> {
    match fmt {
        DraftFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .flexible(true)
                .from_writer(vec![]);
            for r in g {
                w.write_record(r).unwrap();
            }
            w.into_inner().unwrap()
        }
        DraftFormat::Xlsx => {
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet();
            for (y, r) in g.iter().enumerate() {
                for (x, v) in r.iter().enumerate() {
                    // What Excel does with a typed number: a number cell.
                    match v.parse::<f64>() {
                        Ok(n) if !v.is_empty() => ws.write_number(y as u32, x as u16, n),
                        _ => ws.write(y as u32, x as u16, v.as_str()),
                    }
                    .unwrap();
                }
            }
            wb.save_to_buffer().unwrap()
        }
        DraftFormat::Json => unreachable!(),
    }
}

fn header_at(g: &Grid) -> usize {
    g.iter()
        .position(|r| r.first().is_some_and(|c| c == "no"))
        .unwrap()
}

fn col(g: &Grid, name: &str) -> Option<usize> {
    g[header_at(g)].iter().position(|c| c == name)
}

/// The data rows (indicator rows, not external index rows).
fn data_rows(g: &Grid) -> Vec<usize> {
    (header_at(g) + 1..g.len())
        .filter(|&i| g[i].first().is_some_and(|c| !c.is_empty()))
        .collect()
}

fn cell(g: &Grid, row: usize, c: usize) -> String {
    g[row].get(c).cloned().unwrap_or_default()
}

fn set(g: &mut Grid, row: usize, c: usize, v: String) {
    if g[row].len() <= c {
        g[row].resize(c + 1, String::new());
    }
    g[row][c] = v;
}

/// One thing a person does to a draft.
#[derive(Debug, Clone)]
enum Edit {
    /// Types a value (tenths, 1,0 to 5,0) into a row.
    Value(usize, u8),
    /// Clears a row's value.
    ClearValue(usize),
    /// Writes a text into a column: 0 penjelasan, 1 data_dukung, 2.. own columns.
    Text(usize, usize, String),
    /// Clears a text cell.
    ClearText(usize, usize),
    /// Adds a column of the person's own.
    AddColumn,
    /// Reorders the rows (reverses them, then rotates by n).
    Reorder(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 10u8..=50).prop_map(|(r, v)| Edit::Value(r, v)),
        any::<usize>().prop_map(Edit::ClearValue),
        (any::<usize>(), 0usize..4, "[a-z]{1,8}( [a-z]{1,8})?")
            .prop_map(|(r, c, t)| Edit::Text(r, c, t)),
        (any::<usize>(), 0usize..4).prop_map(|(r, c)| Edit::ClearText(r, c)),
        Just(Edit::AddColumn),
        any::<usize>().prop_map(Edit::Reorder),
    ]
}

/// What the person expects to find, by indicator key and column name.
#[derive(Debug, Default)]
struct Expect {
    values: BTreeMap<String, Option<Decimal>>,
    texts: BTreeMap<(String, String), String>,
}

fn apply(g: &mut Grid, e: &Edit, own: &mut Vec<String>, expect: &mut Expect) {
    let rows = data_rows(g);
    let pick = |r: usize| rows[r % rows.len()];
    let text_col = |g: &Grid, own: &[String], c: usize| -> Option<(usize, String)> {
        let name = match c {
            0 => "penjelasan".to_string(),
            1 => "data_dukung".to_string(),
            n => own.get(n - 2)?.clone(),
        };
        Some((col(g, &name)?, name))
    };
    match e {
        Edit::Value(r, v) => {
            let row = pick(*r);
            let value = Decimal::new(i64::from(*v), 1).normalize();
            let (vc, oc, sc) = (
                col(g, "nilai").unwrap(),
                col(g, "asal").unwrap(),
                col(g, "saran").unwrap(),
            );
            // Typing the very suggestion back, origin left: the row is the
            // tool's again (indistinguishable from untouched).
            // (The suggestion is written with a decimal comma in Indonesian CSV.)
            let suggested = spbe_pemdi::decimal::parse(&cell(g, row, sc)).map(|d| d.normalize());
            if cell(g, row, oc).is_empty() || suggested != Some(value) {
                expect.values.insert(cell(g, row, 0), Some(value));
            } else {
                expect.values.remove(&cell(g, row, 0));
            }
            set(g, row, vc, value.to_string());
        }
        Edit::ClearValue(r) => {
            let row = pick(*r);
            let (vc, sc) = (col(g, "nilai").unwrap(), col(g, "saran").unwrap());
            // A value cleared where a suggestion is recorded stays cleared;
            // a row left with neither is an empty row, which a merge fills.
            if cell(g, row, sc).is_empty() {
                expect.values.remove(&cell(g, row, 0));
            } else {
                expect.values.insert(cell(g, row, 0), None);
            }
            set(g, row, vc, String::new());
        }
        Edit::Text(r, c, t) => {
            let row = pick(*r);
            if let Some((x, name)) = text_col(g, own, *c) {
                expect.texts.insert((cell(g, row, 0), name), t.clone());
                set(g, row, x, t.clone());
            }
        }
        Edit::ClearText(r, c) => {
            let row = pick(*r);
            if let Some((x, name)) = text_col(g, own, *c) {
                expect.texts.insert((cell(g, row, 0), name), String::new());
                set(g, row, x, String::new());
            }
        }
        Edit::AddColumn => {
            let name = format!("kolom saya {}", own.len() + 1);
            let h = header_at(g);
            let width = g[h].len();
            set(g, h, width, name.clone());
            own.push(name);
        }
        Edit::Reorder(n) => {
            let h = header_at(g);
            let mut body: Vec<Vec<String>> = g.drain(h + 1..).collect();
            body.reverse();
            let len = body.len();
            body.rotate_left(n % len);
            g.extend(body);
        }
    }
}

/// Checks that the grid holds every value and text the person typed.
fn holds(g: &Grid, expect: &Expect) -> Result<(), TestCaseError> {
    let by_key: BTreeMap<String, usize> = data_rows(g)
        .into_iter()
        .map(|r| (cell(g, r, 0), r))
        .collect();
    let vc = col(g, "nilai").unwrap();
    for (key, v) in &expect.values {
        let got = cell(g, by_key[key], vc);
        let want = v.map(|v| v.to_string()).unwrap_or_default();
        let got_d = spbe_pemdi::decimal::parse(&got).map(|d| d.normalize().to_string());
        prop_assert_eq!(got_d.unwrap_or(got), want, "value of {}", key);
    }
    for ((key, name), t) in &expect.texts {
        let c = col(g, name);
        prop_assert!(c.is_some(), "column {} is kept", name);
        prop_assert_eq!(&cell(g, by_key[key], c.unwrap()), t, "{} of {}", name, key);
    }
    Ok(())
}

fn survive(fmt: DraftFormat, steps: &[(Vec<Edit>, usize)]) -> Result<(), TestCaseError> {
    let w = world();
    let first = &w.convs[0];
    let mut g = grid_of(
        &write(&draft(first), Some(first), fmt, Lang::Id).unwrap(),
        fmt,
    );
    let mut own = vec![];
    let mut expect = Expect::default();
    let name = match fmt {
        DraftFormat::Csv => "draf.csv",
        _ => "draf.xlsx",
    };
    for (edits, k) in steps {
        for e in edits {
            apply(&mut g, e, &mut own, &mut expect);
        }
        let c = &w.convs[k % w.convs.len()];
        let existing = read_bytes(name, bytes_of(&g, fmt), &w.data.catalog, None)
            .map_err(|e| TestCaseError::fail(e.render(Lang::En)))?;

        let m = merge(&existing, c).unwrap();
        let out = write(&m.draft, Some(c), fmt, Lang::Id).unwrap();
        g = grid_of(&out, fmt);
        holds(&g, &expect)?;
        // Merging its own output again changes nothing.
        let back = read_bytes(name, out.clone(), &w.data.catalog, None).unwrap();
        let again = write(&merge(&back, c).unwrap().draft, Some(c), fmt, Lang::Id).unwrap();
        prop_assert!(again == out, "a second merge changes the draft");
    }
    Ok(())
}

fn steps() -> impl Strategy<Value = Vec<(Vec<Edit>, usize)>> {
    prop::collection::vec((prop::collection::vec(edit(), 0..12), 0usize..4), 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random edits by a person (values, texts, cleared cells, reordered
    /// rows, added columns) survive any sequence of merges, in CSV.
    #[test]
    fn a_persons_edits_survive_every_merge_in_csv(s in steps()) {
        survive(DraftFormat::Csv, &s)?;
    }

    /// The same in XLSX.
    #[test]
    fn a_persons_edits_survive_every_merge_in_xlsx(s in steps()) {
        survive(DraftFormat::Xlsx, &s)?;
    }
}

/// Issue 13, item 1: a value typed over the suggestion with `asal` left as
/// it was is the person's; the merge keeps it and says so.
#[test]
fn issue13_value_typed_over_a_suggestion_with_origin_left_is_kept() {
    let w = world();
    let c = &w.convs[0];
    let fmt = DraftFormat::Csv;
    let mut g = grid_of(&write(&draft(c), Some(c), fmt, Lang::Id).unwrap(), fmt);
    let rows = data_rows(&g);
    let row = rows
        .iter()
        .copied()
        .find(|&r| cell(&g, r, 0) == "3")
        .unwrap();
    let vc = col(&g, "nilai").unwrap();
    assert!(!cell(&g, row, col(&g, "asal").unwrap()).is_empty());
    set(&mut g, row, vc, "2.5".into());
    let existing = read_bytes("d.csv", bytes_of(&g, fmt), &w.data.catalog, None).unwrap();
    let m = merge(&existing, &w.convs[1]).unwrap();
    assert_eq!(m.draft.answer("3").unwrap().value, d("2.5"));
    assert_eq!(
        m.draft.answer("3").unwrap().origin,
        None,
        "the person's now"
    );
    assert!(m.conflicts.iter().any(|c| c.id == "pemdi-2026:3"));
    let out = grid_of(
        &write(&m.draft, Some(&w.convs[1]), fmt, Lang::Id).unwrap(),
        fmt,
    );
    let row = data_rows(&out)
        .into_iter()
        .find(|&r| cell(&out, r, 0) == "3")
        .unwrap();
    let conflict = cell(&out, row, col(&out, "konflik").unwrap());
    assert!(
        conflict.starts_with("nilai Anda 2,50 ≠ saran"),
        "{conflict}"
    );
}

/// Issue 16, item 3: text typed in `penjelasan` / `data_dukung` on rows
/// whose value is still a suggestion was replaced by the merge.
#[test]
fn issue16_3_text_typed_on_a_row_still_holding_a_suggestion_is_kept() {
    let w = world();
    let c = &w.convs[0];
    for fmt in [DraftFormat::Csv, DraftFormat::Xlsx] {
        let mut g = grid_of(&write(&draft(c), Some(c), fmt, Lang::Id).unwrap(), fmt);
        let (jc, ec) = (
            col(&g, "penjelasan").unwrap(),
            col(&g, "data_dukung").unwrap(),
        );
        let rows = data_rows(&g);
        for &r in &rows {
            let text = format!("catatan tim {}", cell(&g, r, 0));
            set(&mut g, r, jc, text);
            set(&mut g, r, ec, "SK Walikota 12/2025".into());
        }
        let existing = read_bytes("d", bytes_of(&g, fmt), &w.data.catalog, None).unwrap();
        for k in [1, 2, 0] {
            let m = merge(&existing, &w.convs[k]).unwrap();
            let out = grid_of(
                &write(&m.draft, Some(&w.convs[k]), fmt, Lang::Id).unwrap(),
                fmt,
            );
            for r in data_rows(&out) {
                let key = cell(&out, r, 0);
                assert_eq!(
                    cell(&out, r, jc),
                    format!("catatan tim {key}"),
                    "{fmt:?} {key}"
                );
                assert_eq!(cell(&out, r, ec), "SK Walikota 12/2025", "{fmt:?} {key}");
            }
        }
    }
}

/// The rule is written in the draft itself, above the table.
#[test]
fn the_draft_says_its_rule() {
    let w = world();
    let c = &w.convs[0];
    for (lang, word) in [
        (Lang::Id, "tidak pernah ditimpa"),
        (Lang::En, "never overwritten"),
    ] {
        let text =
            String::from_utf8(write(&draft(c), Some(c), DraftFormat::Csv, lang).unwrap()).unwrap();
        let head: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
        assert!(head.contains(word), "{head}");
    }
}

/// `convert --into` on the command line: the person's value and text are
/// kept, the conflict is listed, and a second run changes nothing.
#[test]
fn cli_merge_lists_conflicts_and_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let w = world();
    let c = &w.convs[0];
    let fmt = DraftFormat::Csv;
    let mut g = grid_of(&write(&draft(c), Some(c), fmt, Lang::Id).unwrap(), fmt);
    let row = data_rows(&g)
        .into_iter()
        .find(|&r| cell(&g, r, 0) == "3")
        .unwrap();
    let (vc, jc) = (col(&g, "nilai").unwrap(), col(&g, "penjelasan").unwrap());
    set(&mut g, row, vc, "2,5".into());
    set(&mut g, row, jc, "dinilai ulang oleh tim".into());
    std::fs::write(dir.path().join("draf.csv"), bytes_of(&g, fmt)).unwrap();
    let src = fixture("aceh-tengah-spbe-2025.json");
    let src = src.to_str().unwrap();
    let args = [
        "convert", src, "--into", "draf.csv", "-o", "baru.csv", "--lang", "en",
        // The draft is of another agency (the fixture world's first).
        "--force",
    ];
    let r = run_in(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("pemdi-2026:3: person 2.50 ≠ suggested"),
        "{}",
        r.stdout
    );
    let once = std::fs::read(dir.path().join("baru.csv")).unwrap();
    let text = String::from_utf8(once.clone()).unwrap();
    assert!(text.contains("dinilai ulang oleh tim"));
    let again = run_in(
        dir.path(),
        &[
            "convert", src, "--into", "baru.csv", "-o", "lagi.csv", "--lang", "en", "--force",
        ],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(std::fs::read(dir.path().join("lagi.csv")).unwrap(), once);
}
