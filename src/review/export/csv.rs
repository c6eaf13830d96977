//! A crosswalk as a flat CSV a reviewer can open in a spreadsheet: one row
//! per map × source × target, then one per `retired` source and per `new`
//! target. Headers and names in the `--lang` language; `;` and decimal
//! commas in Indonesian, `,` and decimal points in English (as Excel
//! expects in each locale, like the input templates). Values from the data
//! files (relation, aggregation, ...) keep their data-file words.

use crate::crosswalk::LoadedCrosswalk;
use crate::data::Data;
use crate::error::{Error, Kind, Result};
use crate::review::document::IndicatorRef;
use crate::review::labels::rule_plain;
use crate::text::Lang;
use crate::tr;

fn headers(lang: Lang) -> [&'static str; 16] {
    match lang {
        Lang::Id => [
            "jenis",
            "peta",
            "sumber",
            "nama_sumber",
            "sasaran",
            "nama_sasaran",
            "relasi",
            "aturan_tingkat",
            "agregasi",
            "keyakinan",
            "bukti_dukung",
            "cakupan",
            "indeks_eksternal",
            "status_tinjauan",
            "alasan",
            "crosswalk",
        ],
        Lang::En => [
            "kind",
            "map",
            "source",
            "source_name",
            "target",
            "target_name",
            "relation",
            "level_rule",
            "aggregation",
            "confidence",
            "evidence",
            "coverage",
            "external_index",
            "review",
            "rationale",
            "crosswalk",
        ],
    }
}

fn name(i: &IndicatorRef, lang: Lang) -> String {
    i.name(lang).to_string()
}

/// The CSV bytes for `c`.
pub fn export(data: &Data, c: &LoadedCrosswalk, lang: Lang) -> Result<Vec<u8>> {
    let cw = &c.crosswalk;
    let fw = |id: &str| {
        data.catalog.get(id).ok_or_else(|| {
            Error::input(
                &c.file,
                tr!(
                    "framework `{}` tidak ada",
                    "framework `{}` does not exist",
                    id
                ),
            )
        })
    };
    let (from, to) = (fw(&cw.from)?, fw(&cw.to)?);
    let num = |s: String| crate::decimal::localize(&s, lang);
    let reference = cw.reference();
    let mut rows: Vec<[String; 16]> = Vec::new();
    for m in &cw.maps {
        for s in &m.sources {
            for t in &m.targets {
                let (si, ti) = (IndicatorRef::of(from, *s), IndicatorRef::of(to, *t));
                rows.push([
                    "map".into(),
                    m.id.clone(),
                    si.id.clone(),
                    name(&si, lang),
                    ti.id.clone(),
                    name(&ti, lang),
                    m.relation.as_str().into(),
                    num(rule_plain(&m.level_rule)),
                    m.aggregation
                        .map(|a| a.as_str().to_string())
                        .unwrap_or_default(),
                    m.confidence.as_str().into(),
                    m.evidence.as_str().into(),
                    m.effective_coverage()
                        .map(|d| num(crate::decimal::exact(d)))
                        .unwrap_or_default(),
                    String::new(),
                    m.review.as_str().into(),
                    m.rationale.clone(),
                    reference.clone(),
                ]);
            }
        }
    }
    for r in &cw.retired {
        let si = IndicatorRef::of(from, r.indicator);
        let mut row: [String; 16] = Default::default();
        row[0] = "retired".into();
        row[2] = si.id.clone();
        row[3] = name(&si, lang);
        row[14] = r.reason.clone();
        row[15] = reference.clone();
        rows.push(row);
    }
    for n in &cw.new {
        let ti = IndicatorRef::of(to, n.indicator);
        let mut row: [String; 16] = Default::default();
        row[0] = "new".into();
        row[4] = ti.id.clone();
        row[5] = name(&ti, lang);
        row[12] = n.external.clone().unwrap_or_default();
        row[14] = n.reason.clone();
        row[15] = reference.clone();
        rows.push(row);
    }
    let fail = |e: String| Error::new(Kind::Output, tr!("CSV: {}", "CSV: {}", e));
    let mut w = csv::WriterBuilder::new()
        .delimiter(if lang == Lang::Id { b';' } else { b',' })
        .from_writer(Vec::new());
    w.write_record(headers(lang))
        .map_err(|e| fail(e.to_string()))?;
    for r in &rows {
        w.write_record(r.iter().map(|v| crate::sheet::csv_safe(v).into_owned()))
            .map_err(|e| fail(e.to_string()))?;
    }
    w.into_inner().map_err(|e| fail(e.to_string()))
}
