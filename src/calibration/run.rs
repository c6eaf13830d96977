//! `calibrate`: reads the manifest's pairs, converts each old assessment
//! (evidenced values), fits the calibration, measures it, and versions it
//! against the one in the data set.

use std::path::Path;

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::calibration::{Calibration, describe, fit, load, manifest, model};
use crate::convert::{ConvertOptions, Converter, Estimate};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::score::{ScoreOptions, effective_values, overall_of, overall_score};
use crate::text::Lang;
use crate::tr;

/// One pair as measured: for the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PairResult {
    /// Agency.
    pub agency: String,
    /// Status of the real result.
    pub status: String,
    /// Old index (or the middle of its range).
    #[serde(with = "crate::decimal::serde_dec")]
    pub old_index: Decimal,
    /// Real Pemdi index.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub real_index: Option<Decimal>,
    /// Evidenced index (before calibration).
    #[serde(with = "crate::decimal::serde_dec")]
    pub evidenced_index: Decimal,
    /// Projected index with the new calibration: point, low, high.
    pub projected_index: Estimate,
}

/// The result of `calibrate`.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The new calibration.
    pub calibration: Calibration,
    /// Whether it differs from the one in the data set.
    pub changed: bool,
    /// Each pair.
    pub pairs: Vec<PairResult>,
    /// Each target indicator, over the pairs with a real value.
    pub indicators: Vec<IndicatorResult>,
}

/// One target indicator's errors over the pairs (in-sample).
#[derive(Debug, Clone, serde::Serialize)]
pub struct IndicatorResult {
    /// `pemdi-2026:19`.
    pub id: String,
    /// Weight in percent.
    #[serde(with = "crate::decimal::serde_dec")]
    pub weight: Decimal,
    /// Pairs with a real value.
    pub n: usize,
    /// Mean real value.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub real: Option<Decimal>,
    /// Mean evidenced value.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub evidenced: Option<Decimal>,
    /// Mean projection.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub projected: Option<Decimal>,
    /// Mean signed error (projection − real).
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub bias: Option<Decimal>,
    /// Mean absolute error.
    #[serde(with = "crate::decimal::serde_opt_dec")]
    pub mae: Option<Decimal>,
}

fn bump(old: &Calibration, new: &Calibration) -> String {
    let mut parts: Vec<u64> = old
        .version
        .split('.')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    parts.resize(3, 0);
    let outcome = old.parameters != new.parameters
        || old.method != new.method
        || old.band != new.band
        || old.crosswalks != new.crosswalks;
    if outcome {
        parts[1] += 1;
        parts[2] = 0;
    } else {
        parts[2] += 1;
    }
    format!("{}.{}.{}", parts[0], parts[1], parts[2])
}

fn read_pair(path: &Path, data: &Data) -> Result<Assessment> {
    crate::assessment::read(path, &data.catalog, None)
}

/// Fits the calibration of the pairs in the manifest at `manifest`.
pub fn run(data: &Data, manifest: &Path) -> Result<Outcome> {
    let entries = manifest::read(manifest)?;
    let mut converters: Vec<(String, String, Converter<'_>)> = Vec::new();
    let mut obs = Vec::new();
    let mut pairs = Vec::new();
    let mut meta = Vec::new();
    let mut path_ref: Option<(Vec<String>, String, String)> = None;
    for e in &entries {
        let named = |mut err: Error| {
            let here = tr!(
                "berkas ini disebut di {} baris {}",
                "this file is named in {} line {}",
                manifest.display(),
                e.line
            );
            err.hint = Some(match err.hint.take() {
                Some(h) => crate::text::Text::new(
                    format!("{}; {}", h.get(Lang::Id), here.get(Lang::Id)),
                    format!("{}; {}", h.get(Lang::En), here.get(Lang::En)),
                ),
                None => here,
            });
            err
        };
        let old = read_pair(&e.old, data).map_err(named)?;
        let real = read_pair(&e.real, data).map_err(named)?;
        let at = match converters
            .iter()
            .position(|(f, t, _)| *f == old.framework && *t == real.framework)
        {
            Some(i) => i,
            None => {
                let opts = ConvertOptions {
                    to: Some(real.framework.clone()),
                    ..ConvertOptions::default()
                };
                let c = Converter::new(data, &old.framework, &opts)
                    .map_err(|err| err.in_file(&e.old))?;
                converters.push((old.framework.clone(), real.framework.clone(), c));
                converters.len() - 1
            }
        };
        let conv = &converters[at].2;
        let this = (
            conv.path().to_vec(),
            old.framework.clone(),
            real.framework.clone(),
        );
        match &path_ref {
            None => path_ref = Some(this),
            Some(p) if p.0 != this.0 => {
                return Err(Error::input(
                    manifest,
                    tr!(
                        "pasangan ini dikonversi lewat jalur lain ({}) daripada pasangan pertama ({}); satu kalibrasi untuk satu jalur",
                        "this pair converts along another path ({}) than the first pair ({}); one calibration per path",
                        this.0.join(" → "),
                        p.0.join(" → ")
                    ),
                )
                .at(crate::error::Place::line(e.line)));
            }
            Some(_) => {}
        }
        let fw = conv.target();
        let outline = conv.outline(&old).map_err(|err| err.in_file(&e.old))?;
        let (real_values, _) = effective_values(fw, &real, &ScoreOptions::default())
            .map_err(|err| err.in_file(&e.real))?;
        let real_index = overall_score(fw, &real, &ScoreOptions::default())
            .map_err(|err| err.in_file(&e.real))?
            .index();
        let plan = fw.plan();
        let rows = plan
            .items
            .iter()
            .zip(&real_values)
            .map(|(it, y)| {
                let pos = it
                    .key
                    .parse::<u32>()
                    .ok()
                    .and_then(|_| fw.indicators.iter().position(|i| i.no == it.indicator));
                let settled = pos.and_then(|p| outline.targets.get(p));
                let aspect = pos.map_or(0, |p| fw.indicators[p].aspect);
                fit::Row {
                    aspect,
                    weight: it.weight.value(),
                    evidenced: settled.map_or(Estimate::exact(fw.scale.min), |s| s.evidenced),
                    calibrated: settled.is_some_and(|s| super::calibrated(s.class, s.value)),
                    real: *y,
                }
            })
            .collect();
        let src = &outline.source;
        let old_index = src.index.unwrap_or((src.low + src.high) / Decimal::TWO);
        obs.push(fit::Obs {
            old_index,
            real_index,
            rows,
        });
        let agency = e
            .agency
            .clone()
            .or(real.agency.clone())
            .or(old.agency.clone())
            .unwrap_or_else(|| e.old.display().to_string());
        meta.push((agency, e.status.clone(), old_index, real_index));
        pairs.push(model::Pair {
            agency: e
                .agency
                .clone()
                .or(real.agency.clone())
                .or(old.agency.clone())
                .unwrap_or_default(),
            from_year: old.year,
            to_year: real.year,
            status: e.status.clone(),
            source: real.source.clone(),
        });
    }
    let (crosswalks, from, to) = path_ref.unwrap_or_default();
    let conv = &converters[0].2;
    let fw = conv.target();
    let dp = if fw.scale.integer { 0 } else { 2 };
    let index = |v: &[Decimal]| overall_of(fw, v.iter().copied());
    let sc = fit::Scale {
        min: fw.scale.min,
        max: fw.scale.max,
        dp,
        index: &index,
    };
    let f = fit::fit(&obs, &sc);
    let id = crosswalks
        .last()
        .map(|c| c.split('@').next().unwrap_or(c).to_string())
        .unwrap_or_default();
    let existing = load(data, &id)?;
    let mut cal = Calibration {
        id: id.clone(),
        version: existing
            .as_ref()
            .map_or("1.0.0".to_string(), |c| c.version.clone()),
        crosswalks,
        from,
        to,
        method: f.method,
        parameters: f.parameters.clone(),
        band: f.band.clone(),
        n: obs.len(),
        pairs,
        errors: model::ErrorTable {
            in_sample: f.in_sample.clone(),
            leave_one_out: f.loo.clone(),
            baselines: f.baselines.clone(),
        },
        description: String::new(),
        description_en: String::new(),
    };
    cal.description = describe(&cal, Lang::Id);
    cal.description_en = describe(&cal, Lang::En);
    let changed = match &existing {
        Some(old) if *old == cal => false,
        Some(old) => {
            cal.version = bump(old, &cal);
            cal.description = describe(&cal, Lang::Id);
            cal.description_en = describe(&cal, Lang::En);
            true
        }
        None => true,
    };
    let ids: Vec<String> = fw.plan().ids.clone();
    let mut per: Vec<[Decimal; 5]> = vec![[Decimal::ZERO; 5]; ids.len()];
    let mut per_n = vec![0usize; ids.len()];
    for o in &obs {
        for (k, r) in o.rows.iter().enumerate() {
            let Some(y) = r.real else { continue };
            let p = if r.calibrated {
                fit::project_row(
                    r.evidenced,
                    cal.offset(),
                    cal.strictness(r.aspect),
                    Decimal::ZERO,
                    &sc,
                )
                .point
            } else {
                r.evidenced.point
            };
            let acc = &mut per[k];
            acc[0] += y;
            acc[1] += r.evidenced.point;
            acc[2] += p;
            acc[3] += p - y;
            acc[4] += (p - y).abs();
            per_n[k] += 1;
        }
    }
    let indicators = ids
        .iter()
        .zip(&per)
        .zip(&per_n)
        .zip(&fw.plan().items)
        .map(|(((id, acc), n), it)| {
            let mean = |i: usize| (*n > 0).then(|| fit::r4(acc[i] / Decimal::from(*n)));
            IndicatorResult {
                id: id.clone(),
                weight: it.weight.value(),
                n: *n,
                real: mean(0),
                evidenced: mean(1),
                projected: mean(2),
                bias: mean(3),
                mae: mean(4),
            }
        })
        .collect();
    let results = obs
        .iter()
        .zip(meta)
        .map(|(o, (agency, status, old_index, real_index))| {
            let rows: Vec<Estimate> = o
                .rows
                .iter()
                .map(|r| {
                    if r.calibrated {
                        fit::project_row(
                            r.evidenced,
                            cal.offset(),
                            cal.strictness(r.aspect),
                            cal.band.width,
                            &sc,
                        )
                    } else {
                        r.evidenced
                    }
                })
                .collect();
            let pick = |f: fn(&Estimate) -> Decimal| rows.iter().map(f).collect::<Vec<_>>();
            let ev: Vec<Decimal> = o.rows.iter().map(|r| r.evidenced.point).collect();
            PairResult {
                agency,
                status,
                old_index,
                real_index,
                evidenced_index: index(&ev),
                projected_index: Estimate {
                    point: index(&pick(|e| e.point)),
                    low: index(&pick(|e| e.low)),
                    high: index(&pick(|e| e.high)),
                },
            }
        })
        .collect();
    Ok(Outcome {
        calibration: cal,
        changed,
        pairs: results,
        indicators,
    })
}
