//! Blank input sheets list every indicator and read back once filled.

use spbe_pemdi::assessment::read_bytes;
use spbe_pemdi::text::Lang;

use crate::util::{data, run};

#[test]
fn csv_templates_read_back_in_both_languages() {
    let data = data();
    for fw in &data.catalog.frameworks {
        for lang in [Lang::Id, Lang::En] {
            let t = spbe_pemdi::template::csv(fw, lang).unwrap();
            let blank = read_bytes("t.csv", t.clone().into_bytes(), &data.catalog, None).unwrap();
            assert_eq!(blank.framework, fw.id);
            assert!(blank.answers.is_empty());
            // Fill the value column (5th) with the scale maximum on every indicator row.
            let delim = if lang == Lang::Id { ';' } else { ',' };
            let max = spbe_pemdi::decimal::exact(fw.scale.max);
            let mut filled = String::new();
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delim as u8)
                .from_reader(t.as_bytes());
            let mut w = csv::WriterBuilder::new()
                .delimiter(delim as u8)
                .flexible(true)
                .from_writer(vec![]);
            for rec in rdr.records() {
                let mut rec: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
                if rec.len() > 4 && rec[0].chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    rec[4] = max.clone();
                }
                w.write_record(&rec).unwrap();
            }
            filled.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
            let a = read_bytes("f.csv", filled.into_bytes(), &data.catalog, None).unwrap();
            assert_eq!(a.answers.len(), fw.items().len(), "{} {lang:?}", fw.id);
        }
    }
}

#[test]
fn xlsx_template_reads_back_and_is_deterministic() {
    let data = data();
    let fw = data.catalog.get("spbe-2020").unwrap();
    let a = spbe_pemdi::template::xlsx(fw, Lang::Id).unwrap();
    let b = spbe_pemdi::template::xlsx(fw, Lang::Id).unwrap();
    assert_eq!(a, b, "same input, same bytes");
    let blank = read_bytes("t.xlsx", a, &data.catalog, None).unwrap();
    assert_eq!(blank.framework, "spbe-2020");
    assert!(blank.answers.is_empty());
}

#[test]
fn template_cli_writes_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.xlsx");
    let out_s = out.to_str().unwrap();
    let r = run(&["template", "pemdi-2026", "-o", out_s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = std::fs::read(&out).unwrap();
    let r = run(&["template", "pemdi-2026", "-o", out_s]);
    assert_eq!(r.code, 4);
    assert!(r.stderr.contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), first, "the file is untouched");
    let r = run(&["template", "pemdi-2026", "-o", out_s, "--force"]);
    assert_eq!(r.code, 0);
    let r = run(&["template", "spbe-2018", "--format", "csv"]);
    assert!(r.stdout.contains("spbe-2018:35-3"));
}
