//! Converting last year's assessment: carry the answers forward along a
//! path of crosswalks to a newer framework, with provenance, honest ranges,
//! a certainty class per target indicator, and a projected index.
//!
//! Point estimates (documented in README.md):
//! - a carried or derived target gets the value its map's level rule gives
//!   the aggregated source values (`weighted_mean` over the answered sources
//!   unless the map says otherwise), rounded half up to the target's
//!   precision (2 decimals on a decimal scale, whole levels otherwise);
//! - a gap, or an external index not given, counts at the scale's floor:
//!   an agency that has not done the new thing scores the lowest level.
//!
//! Ranges: a carried value keeps the range of its sources through the rule;
//! everything else reaches down to the floor, and up to the ceiling unless
//! the sources cover the whole target (`equal`, `superset`), whose own level
//! then bounds it (the new rubric is stricter, never looser).

mod calibrated;
mod converters;
pub mod draft;
mod engine;
pub mod explain;
pub mod model;
pub mod outline;
mod pins;
mod project;
mod provenance;
mod render;
mod rungs;

use rust_decimal::Decimal;

pub use calibrated::{BandUse, CalibrationUse};
pub use converters::Converters;
pub use model::*;
pub use outline::{Outline, Settled};
pub use pins::pinned;
pub use project::{class_help, evidenced_cell, project, range_lines};
pub use render::{render_json, render_text};
pub use rungs::RungRead;

use crate::assessment::Assessment;
use crate::calibration::Calibration;
use crate::catalog::{BandOn, ExternalIndex, Framework};
use crate::crosswalk::{LoadedCrosswalk, load_crosswalks};
use crate::data::{Data, DataFile};
use crate::error::{Error, Result};
use crate::graph::{MappingGraph, Pin};
use crate::score::{ScoreOptions, overall_score};
use crate::text::Text;
use crate::tr;

/// What to convert to, and how.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    /// Target framework (default: the newest).
    pub to: Option<String>,
    /// Frameworks the path must pass through, in order.
    pub via: Vec<String>,
    /// Crosswalk versions to use.
    pub pins: Vec<Pin>,
    /// External index values for the target (`sdi`, ...).
    pub external: Vec<(String, Decimal)>,
}

/// A conversion prepared once for a source framework (path chosen,
/// crosswalks loaded), to convert many assessments.
pub struct Converter<'a> {
    data: &'a Data,
    from: &'a Framework,
    to: &'a Framework,
    hops: Vec<(
        LoadedCrosswalk,
        engine::Prepared,
        &'a Framework,
        &'a Framework,
    )>,
    external: Vec<(String, Decimal)>,
    stamp: Stamp,
    path: Vec<String>,
    /// Each target indicator's id and weight, as written in outputs.
    labels: Vec<(String, String)>,
    /// The external index each target indicator is scored from, if any.
    externals: Vec<Option<&'a ExternalIndex>>,
    /// The calibration of the path's last crosswalk, if the data set has one.
    calibration: Option<Calibration>,
    /// What the outputs say about it.
    calibration_use: Option<CalibrationUse>,
}

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

    /// The calibration in use, if any.
    pub fn calibration(&self) -> Option<&Calibration> {
        self.calibration.as_ref()
    }

    /// The target framework.
    pub fn target(&self) -> &'a Framework {
        self.to
    }

    /// The path taken: `id@version` of each crosswalk, first hop first.
    pub fn path(&self) -> &[String] {
        &self.path
    }

    /// The data set.
    pub fn data(&self) -> &'a Data {
        self.data
    }

    /// Converts one assessment of the source framework.
    pub fn convert(&self, a: &Assessment) -> Result<Conversion> {
        let a = &*self.own(a);
        let nodes = self.nodes(a, true)?;
        let source = self.source(a)?;
        let indicators = self.finish(nodes, a);
        let (projected_index, projected_aspects) = project(self.to, &indicators, |t| &t.estimate);
        let (evidenced_index, _) = project(self.to, &indicators, |t| &t.evidenced);
        Ok(Conversion {
            source,
            target: self.to.id.clone(),
            path: self.path.clone(),
            stamp: self.stamp.clone(),
            indicators,
            projected_index,
            projected_aspects,
            evidenced_index,
            calibration: self.calibration_use.clone(),
        })
    }

    /// The target framework's nodes: `a`'s answers carried along the path
    /// (with the maps applied when `keep`).
    fn nodes(&self, a: &Assessment, keep: bool) -> Result<engine::Nodes> {
        if a.framework != self.from.id {
            return Err(Error::usage(tr!(
                "penilaian ini {} tetapi konversi disiapkan untuk {}",
                "this assessment is {} but the conversion was prepared for {}",
                a.framework,
                self.from.id
            )));
        }
        let mut nodes = engine::start(self.from, a);
        for (cw, prep, f, t) in &self.hops {
            nodes = engine::hop(&nodes, cw, prep, (f, t), keep);
        }
        Ok(nodes)
    }

    /// In a conversion to the same framework (next year's draft), the
    /// external index values the file gives (`sdi;68,75`) become the
    /// answers of their indicators, so that they are carried like the
    /// others; otherwise `a` as it is.
    pub(crate) fn own<'b>(&self, a: &'b Assessment) -> std::borrow::Cow<'b, Assessment> {
        if self.from.id != self.to.id || a.external.is_empty() || a.framework != self.from.id {
            return std::borrow::Cow::Borrowed(a);
        }
        let mut own = a.clone();
        // Scored as before: each external value moves from `external` to
        // an answer of its indicator.
        for (k, v) in &a.external {
            let Ok(c) = crate::score::external::convert_for(self.from, k, v.0, "file") else {
                continue;
            };
            if own
                .answers
                .iter()
                .any(|x| x.indicator_no() == Some(c.indicator))
            {
                continue;
            }
            own.answers.push(crate::assessment::Answer {
                indicator: self.from.indicator_id(c.indicator),
                value: c.value,
                justification: None,
                evidence: vec![],
                origin: None,
            });
            own.external.remove(k);
        }
        std::borrow::Cow::Owned(own)
    }

    /// The source assessment and its index.
    fn source(&self, a: &Assessment) -> Result<SourceSummary> {
        let overall = overall_score(self.from, a, &ScoreOptions::default())?;
        let (l, h) = (
            self.from.band(overall.low, BandOn::Exact),
            self.from.band(overall.high, BandOn::Exact),
        );
        Ok(SourceSummary {
            framework: self.from.id.clone(),
            agency: a.agency.clone(),
            year: a.year,
            answered: overall.answered,
            total: overall.total,
            index: overall.index(),
            low: overall.low,
            high: overall.high,
            predicate: (l == h).then(|| l.name.clone()),
        })
    }

    fn finish(&self, nodes: engine::Nodes, a: &Assessment) -> Vec<TargetValue> {
        let fw = self.to;
        let mut out = Vec::with_capacity(fw.indicators.len());
        let mut nodes = nodes.into_iter();
        let labels = self.labels.iter().zip(&self.externals);
        for (ind, ((id, weight), ext)) in fw.indicators.iter().zip(labels) {
            let node = nodes
                .next()
                .unwrap_or_else(|| engine::Node::unknown(vec![]));
            let (s, ext) = self.settle(*ext, &node);
            let s = self.calibrate(ind.aspect, s);
            let mut notes = node.notes;
            let external = ext.map(|(e, given)| {
                if s.value.is_none() || s.class == Class::Proxy {
                    notes.push(external_note(e));
                }
                if let (Class::Proxy, Some(v)) = (s.class, s.value) {
                    let shown = |l| crate::decimal::show2(v, l);
                    notes.push(Text::new(
                        format!(
                            "proksi: {} dari jawaban lama menggantikan nilai {} yang belum diberikan, dan dihitung dalam indeks apa adanya",
                            shown(crate::text::Lang::Id),
                            e.name
                        ),
                        format!(
                            "proxy: {} from the old answers stands in for the {} value not given, and counts in the index as shown",
                            shown(crate::text::Lang::En),
                            e.name
                        ),
                    ));
                }
                ExternalUse {
                    key: e.key.clone(),
                    name: e.name.clone(),
                    index_value: given,
                    value: s.value,
                    confidence: e.confidence.clone(),
                }
            });
            out.push(TargetValue {
                id: id.clone(),
                no: ind.no,
                name: ind.name.clone(),
                name_en: ind.name_en.clone(),
                aspect: ind.aspect,
                weight: weight.clone(),
                class: s.class,
                value: s.value,
                estimate: s.estimate,
                evidenced: s.evidenced,
                // Named only where they open a range: an unanswered source
                // whose criteria could not change the value is no cause.
                unanswered: if s.evidenced.low < s.evidenced.high {
                    provenance::unanswered(&node.hops)
                } else {
                    Vec::new()
                },
                band: s.band,
                face_value: s.face_value,
                confidence: s.confidence,
                relation: (!node.relation.is_empty()).then(|| node.relation.label()),
                sources: provenance::sources(a, node.sources),
                hops: node.hops,
                evidence: provenance::evidence(a, node.reuse, node.update),
                justifications: provenance::justifications(a, node.sources),
                external,
                notes,
            });
        }
        out
    }
}

/// Converts `a` with fresh options (prepares a [`Converter`] and uses it once).
pub fn convert(data: &Data, a: &Assessment, opts: &ConvertOptions) -> Result<Conversion> {
    Converter::new(data, &a.framework, opts)?.convert(a)
}

/// What to do about an external index not given.
fn external_note(e: &crate::catalog::ExternalIndex) -> Text {
    if e.edges.is_some() {
        tr!(
            "dinilai dari {} ({}); berikan --external {}=NILAI",
            "scored from {} ({}); give --external {}=VALUE",
            e.name,
            e.owner,
            e.key
        )
    } else {
        tr!(
            "dinilai dari {} ({}); pita konversinya belum diketahui, isi nilainya langsung",
            "scored from {} ({}); its conversion bands are unknown, enter the value directly",
            e.name,
            e.owner
        )
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
