//! Blank input sheets: every indicator of a framework with its name and
//! level criteria, ready to fill with last year's results and read back.

use crate::catalog::Framework;
use crate::error::Result;
use crate::sheet;
use crate::text::Lang;

/// One row of a template.
#[derive(Debug, Clone)]
pub struct Row {
    /// Number or row key (`22`, `35-1`), empty for external index rows.
    pub no: String,
    /// Indicator id (`spbe-2020:22`) or external index key (`sdi`).
    pub id: String,
    /// Aspect number and name.
    pub aspect: String,
    /// Indicator name.
    pub name: String,
    /// What to enter in the value column.
    pub what: String,
    /// Level criteria, one per level of the scale.
    pub criteria: Vec<String>,
}

fn levels(fw: &Framework) -> Vec<u32> {
    use rust_decimal::prelude::ToPrimitive;
    let min = fw.scale.min.ceil().to_u32().unwrap_or(0);
    let max = fw.scale.max.floor().to_u32().unwrap_or(0);
    (min..=max).collect()
}

/// The rows of the template for `fw`.
pub fn rows(fw: &Framework, lang: Lang) -> Vec<Row> {
    let mut out = Vec::new();
    for item in fw.items() {
        let Some(ind) = fw.indicator(item.indicator) else {
            continue;
        };
        let aspect = fw
            .aspect(ind.aspect)
            .map(|a| format!("{} {}", a.no, a.name(lang)))
            .unwrap_or_default();
        let criteria = levels(fw)
            .into_iter()
            .map(|l| {
                let name = fw
                    .level_name(ind, l, lang)
                    .map(|n| format!("{n}: "))
                    .unwrap_or_default();
                match ind.level(l) {
                    Some(t) => format!("{name}{}", t.get(lang)),
                    None => name.trim_end_matches([':', ' ']).to_string(),
                }
            })
            .collect();
        let what = match &ind.external {
            Some(k) => match lang {
                Lang::Id => format!("nilai 1-5, atau isi indeks `{k}` pada baris di bawah"),
                Lang::En => format!("value 1-5, or give index `{k}` on its row below"),
            },
            None => fw.scale_text().get(lang).to_string(),
        };
        out.push(Row {
            no: item.key.clone(),
            id: format!("{}:{}", fw.id, item.key),
            aspect,
            name: ind.name.clone(),
            what,
            criteria,
        });
    }
    for e in &fw.external_indices {
        if e.edges.is_none() {
            continue;
        }
        let range = format!(
            "{}-{}",
            e.min.map(crate::decimal::exact).unwrap_or_default(),
            e.max.map(crate::decimal::exact).unwrap_or_default()
        );
        out.push(Row {
            no: String::new(),
            id: e.key.clone(),
            aspect: String::new(),
            name: format!("{} ({})", e.name, e.owner),
            what: match lang {
                Lang::Id => format!(
                    "nilai indeks {range}; dikonversi ke indikator {}",
                    e.indicator
                ),
                Lang::En => format!(
                    "index value {range}; converted for indicator {}",
                    e.indicator
                ),
            },
            criteria: vec![],
        });
    }
    out
}

fn headers(fw: &Framework, lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = match lang {
        Lang::Id => [
            "no",
            "indikator",
            "aspek",
            "nama_indikator",
            "nilai",
            "penjelasan",
            "data_dukung",
            "isian",
        ],
        Lang::En => [
            "no",
            "indicator",
            "aspect",
            "indicator_name",
            "level",
            "justification",
            "evidence",
            "what_to_enter",
        ],
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    for l in levels(fw) {
        h.push(match lang {
            Lang::Id => format!("kriteria_tingkat_{l}"),
            Lang::En => format!("criteria_level_{l}"),
        });
    }
    h
}

fn meta(fw: &Framework, lang: Lang) -> Vec<[String; 2]> {
    let keys = match lang {
        Lang::Id => ["framework", "instansi", "tahun"],
        Lang::En => ["framework", "agency", "year"],
    };
    vec![
        [keys[0].to_string(), fw.id.clone()],
        [keys[1].to_string(), String::new()],
        [keys[2].to_string(), String::new()],
    ]
}

/// The template as CSV: `;` with Indonesian headers, `,` with English ones
/// (as Excel expects in each locale).
pub fn csv(fw: &Framework, lang: Lang) -> Result<String> {
    let mut records: Vec<Vec<String>> = meta(fw, lang).into_iter().map(Vec::from).collect();
    records.push(headers(fw, lang));
    for r in rows(fw, lang) {
        let mut rec = vec![
            r.no,
            r.id,
            r.aspect,
            r.name,
            String::new(),
            String::new(),
            String::new(),
            r.what,
        ];
        rec.extend(r.criteria);
        records.push(rec);
    }
    let bytes = sheet::csv_bytes(records, lang, &[])?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The template as an XLSX workbook.
pub fn xlsx(fw: &Framework, lang: Lang) -> Result<Vec<u8>> {
    let mut wb = sheet::workbook(&format!("{} — template", fw.id));
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Penilaian", "Assessment"))
        .map_err(sheet::xlsx_error)?;
    let wrap = sheet::wrap_format();
    let r = sheet::meta_rows(ws, &meta(fw, lang), lang)?;
    let hs = headers(fw, lang);
    let widths: Vec<(&str, f64)> = hs
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let w = match i {
                0 => 6.0,
                1 => 16.0,
                2 => 24.0,
                3 => 44.0,
                4 => 8.0,
                5 | 6 => 36.0,
                7 => 22.0,
                _ => 40.0,
            };
            (h.as_str(), w)
        })
        .collect();
    sheet::header(ws, r, &widths)?;
    let first = r + 1;
    let rows = rows(fw, lang);
    for (i, row) in rows.iter().enumerate() {
        let y = first + i as u32;
        let cells = [&row.no, &row.id, &row.aspect, &row.name];
        for (c, v) in cells.iter().enumerate() {
            ws.write_with_format(y, c as u16, v.as_str(), &wrap)
                .map_err(sheet::xlsx_error)?;
        }
        ws.write_with_format(y, 7, row.what.as_str(), &wrap)
            .map_err(sheet::xlsx_error)?;
        for (k, t) in row.criteria.iter().enumerate() {
            ws.write_with_format(y, 8 + k as u16, t.as_str(), &wrap)
                .map_err(sheet::xlsx_error)?;
        }
    }
    let indicator_rows = rows.iter().filter(|r| !r.no.is_empty()).count() as u32;
    if indicator_rows > 0 {
        sheet::scale_validation(ws, fw, (first, first + indicator_rows - 1), 4, lang)?;
    }
    sheet::to_bytes(&mut wb)
}
