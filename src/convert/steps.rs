//! The steps of one conversion: the assessment in the source framework's
//! own terms, the engine's nodes, the source summary, and the target
//! values with their notes.

use crate::assessment::Assessment;
use crate::catalog::BandOn;
use crate::error::{Error, Result};
use crate::score::{ScoreOptions, overall_score};
use crate::text::Text;
use crate::tr;

use super::{
    Class, Conversion, Converter, ExternalUse, SourceSummary, TargetValue, engine, project,
    provenance,
};

impl<'a> Converter<'a> {
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
    pub(super) fn nodes(&self, a: &Assessment, keep: bool) -> Result<engine::Nodes> {
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
    pub(super) fn source(&self, a: &Assessment) -> Result<SourceSummary> {
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
