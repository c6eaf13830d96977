//! Preparing a [`Converter`]: finding the path of crosswalks (or the
//! identity converter), refusing crosswalks `validate` rejects, and the
//! stamp and hash of the data files used.

use crate::catalog::Framework;
use crate::crosswalk::{LoadedCrosswalk, load_crosswalks};
use crate::data::{Data, DataFile};
use crate::error::{Error, Result};
use crate::graph::MappingGraph;
use crate::text::Text;
use crate::tr;

use super::{ConvertOptions, Converter, Stamp, calibrated, engine};

fn files_hash<'a>(data: &'a Data, paths: &[String]) -> String {
    let used: Vec<&'a DataFile> = data
        .files
        .iter()
        .filter(|f| paths.contains(&f.path))
        .collect();
    Data::hash_of(used)
}

impl<'a> Converter<'a> {
    /// Prepares the conversion of `from` assessments.
    pub fn new(data: &'a Data, from: &str, opts: &ConvertOptions) -> Result<Converter<'a>> {
        let catalog = &data.catalog;
        let from_fw = catalog.require(from)?;
        let to_fw = match &opts.to {
            Some(id) => catalog.require(id)?,
            None => catalog
                .newest()
                .ok_or_else(|| Error::usage(tr!("tidak ada framework", "no frameworks")))?,
        };
        if from_fw.id == to_fw.id {
            return Converter::identity(data, from_fw, opts);
        }
        if from_fw.year >= to_fw.year {
            return Err(Error::usage(tr!(
                "{} tidak lebih baru dari {}: konversi hanya maju",
                "{} is not newer than {}: conversion only goes forward",
                to_fw.id,
                from_fw.id
            ))
            .with_hint(tr!(
                "pilih framework yang lebih baru dengan --to, misalnya --to pemdi-2026",
                "choose a newer framework with --to, e.g. --to pemdi-2026"
            )));
        }
        let loaded = load_crosswalks(data)?;
        let graph = MappingGraph::new(catalog, loaded.iter(), &opts.pins)?;
        let path = graph.choose(&from_fw.id, &to_fw.id, &opts.via)?;
        let mut hops = Vec::new();
        let mut paths = Vec::new();
        for h in &path.hops {
            let cw = graph.crosswalk(&h.id).ok_or_else(|| {
                Error::usage(tr!(
                    "crosswalk {} tidak ditemukan",
                    "crosswalk {} not found",
                    h
                ))
            })?;
            let a = catalog.require(&h.from)?;
            let b = catalog.require(&h.to)?;
            paths.push(cw.path.clone());
            hops.push((cw.clone(), engine::Prepared::new(cw, a, b), a, b));
        }
        refuse_lint_errors(data, &loaded, &hops)?;
        let fws = path.frameworks();
        for f in &fws {
            paths.push(format!("frameworks/{f}.json"));
        }
        for (k, v) in &opts.external {
            crate::score::external::convert_for(to_fw, k, *v, "--external")?;
        }
        let last = path.hops.last().map(|h| h.id.clone()).unwrap_or_default();
        let calibration = match crate::calibration::load(data, &last)? {
            Some(c) if c.to == to_fw.id => Some(c),
            _ => None,
        };
        if calibration.is_some() {
            paths.push(crate::calibration::path_of(&last));
        }
        let here: Vec<String> = path.hops.iter().map(|h| h.to_string()).collect();
        let calibration_use = calibration
            .as_ref()
            .map(|c| calibrated::calibration_use(c, &here));
        let stamp = Stamp {
            tool: format!("spbe-pemdi {}", env!("CARGO_PKG_VERSION")),
            data: data.origin.clone(),
            catalogs: fws
                .iter()
                .filter_map(|f| catalog.get(f))
                .map(|f| format!("{} ({})", f.id, f.year))
                .collect(),
            crosswalks: path.hops.iter().map(|h| h.to_string()).collect(),
            calibration: calibration.as_ref().map(|c| c.reference()),
            hash: files_hash(data, &paths),
        };
        Ok(Converter {
            data,
            from: from_fw,
            to: to_fw,
            hops,
            external: opts.external.clone(),
            stamp,
            path: path.hops.iter().map(|h| h.to_string()).collect(),
            labels: to_fw
                .indicators
                .iter()
                .map(|i| (to_fw.indicator_id(i.no), i.weight.to_string()))
                .collect(),
            externals: to_fw
                .indicators
                .iter()
                .map(|i| i.external.as_deref().and_then(|k| to_fw.external_index(k)))
                .collect(),
            calibration,
            calibration_use,
        })
    }

    /// Next year's draft of the same framework: one hop through the
    /// identity crosswalk ([`crate::crosswalk::identity`]), which is not a
    /// file and not an edge of the mapping graph. `--via` and `--crosswalk`
    /// do not apply.
    fn identity(data: &'a Data, fw: &'a Framework, opts: &ConvertOptions) -> Result<Converter<'a>> {
        if !opts.via.is_empty() || !opts.pins.is_empty() {
            return Err(Error::usage(tr!(
                "dari {0} ke {0} tidak ada jalur untuk dipilih: --via dan --crosswalk tidak berlaku",
                "from {0} to {0} there is no path to choose: --via and --crosswalk do not apply",
                fw.id
            )));
        }
        for (k, v) in &opts.external {
            crate::score::external::convert_for(fw, k, *v, "--external")?;
        }
        let cw = crate::crosswalk::identity::identity(fw)?;
        let reference = cw.reference();
        let stamp = Stamp {
            tool: format!("spbe-pemdi {}", env!("CARGO_PKG_VERSION")),
            data: data.origin.clone(),
            catalogs: vec![format!("{} ({})", fw.id, fw.year)],
            crosswalks: vec![reference.clone()],
            calibration: None,
            hash: files_hash(data, &[format!("frameworks/{}.json", fw.id)]),
        };
        let prepared = engine::Prepared::new(&cw, fw, fw);
        Ok(Converter {
            data,
            from: fw,
            to: fw,
            hops: vec![(cw, prepared, fw, fw)],
            external: opts.external.clone(),
            stamp,
            path: vec![reference],
            labels: fw
                .indicators
                .iter()
                .map(|i| (fw.indicator_id(i.no), i.weight.to_string()))
                .collect(),
            externals: fw
                .indicators
                .iter()
                .map(|i| i.external.as_deref().and_then(|k| fw.external_index(k)))
                .collect(),
            calibration: None,
            calibration_use: None,
        })
    }
}

/// Refuses a conversion through a crosswalk that `validate` rejects (a
/// target in two maps, an off-scale or non-monotone table, missing
/// levels): the result would depend on map order. The shipped data is
/// validated by a test; data given with `--data` here.
fn refuse_lint_errors(
    data: &Data,
    loaded: &[LoadedCrosswalk],
    hops: &[(LoadedCrosswalk, engine::Prepared, &Framework, &Framework)],
) -> Result<()> {
    if data.origin == "embedded" {
        return Ok(());
    }
    let findings = crate::crosswalk::lint::validate(&data.catalog, loaded);
    for (cw, ..) in hops {
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == crate::crosswalk::lint::Severity::Error && f.file == cw.file)
            .collect();
        if errors.is_empty() {
            continue;
        }
        let list = |lang: crate::Lang| {
            errors
                .iter()
                .map(|f| {
                    let line = f.line.map(|l| format!(":{l}")).unwrap_or_default();
                    format!(
                        "\n    {}{line} {}: {} [{}]",
                        f.file,
                        f.place,
                        f.message.get(lang),
                        f.code.as_str()
                    )
                })
                .collect::<String>()
        };
        return Err(Error::input(
            &cw.file,
            Text::new(
                format!(
                    "crosswalk {} punya {} galat validasi; konversi tidak memakainya:{}",
                    cw.crosswalk.reference(),
                    errors.len(),
                    list(crate::Lang::Id)
                ),
                format!(
                    "crosswalk {} has {} validation errors; conversion does not use it:{}",
                    cw.crosswalk.reference(),
                    errors.len(),
                    list(crate::Lang::En)
                ),
            ),
        )
        .with_hint(tr!(
            "perbaiki crosswalk-nya; `spbe-pemdi validate --data …` menjelaskan setiap galat",
            "fix the crosswalk; `spbe-pemdi validate --data …` explains every error"
        )));
    }
    Ok(())
}
