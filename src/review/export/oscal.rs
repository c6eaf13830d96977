//! A crosswalk as an OSCAL 1.2 mapping collection (JSON).
//!
//! - `metadata`: the crosswalk's title and version, `oscal-version`
//!   `1.2.0`, and `last-modified` = the first instant of the target
//!   framework's year (`2026-01-01T00:00:00Z` for Pemdi 2026): crosswalk
//!   files carry no date, and the export must not depend on the clock.
//! - `provenance`: `method` `human`, `matching-rationale` `semantic`,
//!   `status` `draft` (draft) or `complete` (reviewed), the crosswalk's
//!   `source` as `mapping-description`, and the covered share of the
//!   target's weight (see `mapping review`) as `coverage`.
//! - one `mapping` from the source to the target catalog (back-matter
//!   resources), each map with its relationship (`equal` → `equal-to`,
//!   `subset` → `subset-of`, `superset` → `superset-of`, `intersects` →
//!   `intersects-with`, `disjoint` → `no-relationship`), sources and
//!   targets as controls, confidence category, coverage (implied 1 for
//!   equal/superset), the rationale as remarks, and the level rule,
//!   aggregation, evidence policy and review status as props (namespace
//!   `urn:spbe-pemdi`); explicit gap summaries: source indicators no map
//!   carries, target indicators no map reaches, with the reasons of
//!   `retired` and `new` in the mapping's remarks.
//!
//! Numbers are written as exact decimal JSON numbers.

use crate::text::Lang::En;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::catalog::Framework;
use crate::crosswalk::{LoadedCrosswalk, Map, Relation, Status};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::review::coverage::coverage;
use crate::review::export::{control_id, uuid_of};
use crate::review::labels::rule_plain;
use crate::tr;

/// An exact decimal written as a JSON number.
struct Num(Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let raw = serde_json::value::RawValue::from_string(crate::decimal::exact(self.0))
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

#[derive(Serialize)]
struct Document {
    #[serde(rename = "mapping-collection")]
    collection: Collection,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Collection {
    uuid: String,
    metadata: Metadata,
    provenance: Provenance,
    mappings: Vec<Mapping>,
    back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Metadata {
    title: String,
    last_modified: String,
    version: String,
    oscal_version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Provenance {
    method: &'static str,
    matching_rationale: &'static str,
    status: &'static str,
    mapping_description: String,
    coverage: Coverage,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Coverage {
    target_coverage: Num,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Mapping {
    uuid: String,
    source_resource: Resource,
    target_resource: Resource,
    maps: Vec<OscalMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_gap_summary: Option<Gap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_gap_summary: Option<Gap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

#[derive(Serialize)]
struct Resource {
    #[serde(rename = "type")]
    kind: &'static str,
    href: String,
}

#[derive(Serialize)]
struct Prop {
    name: &'static str,
    ns: &'static str,
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OscalMap {
    uuid: String,
    props: Vec<Prop>,
    relationship: &'static str,
    sources: Vec<Item>,
    targets: Vec<Item>,
    matching_rationale: &'static str,
    confidence_score: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
    remarks: String,
}

#[derive(Serialize)]
struct Confidence {
    category: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Item {
    #[serde(rename = "type")]
    kind: &'static str,
    id_ref: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Gap {
    uuid: String,
    unmapped_controls: Vec<WithIds>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct WithIds {
    with_ids: Vec<String>,
}

#[derive(Serialize)]
struct BackMatter {
    resources: Vec<BackResource>,
}

#[derive(Serialize)]
struct BackResource {
    uuid: String,
    title: String,
    description: String,
}

const NS: &str = "urn:spbe-pemdi";

fn relationship(r: Relation) -> &'static str {
    match r {
        Relation::Equal => "equal-to",
        Relation::Subset => "subset-of",
        Relation::Superset => "superset-of",
        Relation::Intersects => "intersects-with",
        Relation::Disjoint => "no-relationship",
    }
}

fn items(fw: &str, nos: &[u32]) -> Vec<Item> {
    nos.iter()
        .map(|n| Item {
            kind: "control",
            id_ref: control_id(fw, *n),
        })
        .collect()
}

fn oscal_map(cw_id: &str, from: &str, to: &str, m: &Map) -> OscalMap {
    let prop = |name, value: String| Prop {
        name,
        ns: NS,
        value,
    };
    let mut props = vec![prop("level-rule", rule_plain(&m.level_rule))];
    if let Some(a) = m.aggregation {
        props.push(prop("aggregation", a.as_str().into()));
    }
    props.push(prop("evidence-policy", m.evidence.as_str().into()));
    props.push(prop("review-status", m.review.as_str().into()));
    OscalMap {
        uuid: uuid_of(&format!("spbe-pemdi:map:{cw_id}:{}", m.id)).to_string(),
        props,
        relationship: relationship(m.relation),
        sources: items(from, &m.sources),
        targets: items(to, &m.targets),
        matching_rationale: "semantic",
        confidence_score: Confidence {
            category: m.confidence.as_str(),
        },
        coverage: (m.relation != Relation::Disjoint)
            .then(|| m.effective_coverage())
            .flatten()
            .map(|c| Coverage {
                target_coverage: Num(c),
            }),
        // OSCAL documents are written in English.
        remarks: m.rationale_text().get(En).to_string(),
    }
}

fn gap(name: String, ids: Vec<String>) -> Option<Gap> {
    (!ids.is_empty()).then(|| Gap {
        uuid: uuid_of(&name).to_string(),
        unmapped_controls: vec![WithIds { with_ids: ids }],
    })
}

fn resource(fw: &Framework) -> BackResource {
    BackResource {
        uuid: uuid_of(&format!("spbe-pemdi:framework:{}", fw.id)).to_string(),
        title: format!("{} ({})", fw.title_en, fw.id),
        description: fw.regulation.clone(),
    }
}

fn framework<'a>(data: &'a Data, c: &LoadedCrosswalk, id: &str) -> Result<&'a Framework> {
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
}

/// The OSCAL mapping collection of `c` (pretty JSON, trailing newline).
pub fn export(data: &Data, c: &LoadedCrosswalk) -> Result<String> {
    let cw = &c.crosswalk;
    let (from, to) = (framework(data, c, &cw.from)?, framework(data, c, &cw.to)?);
    let cov = coverage(cw, to);
    let carried: std::collections::BTreeSet<u32> = cw
        .maps
        .iter()
        .filter(|m| m.relation != Relation::Disjoint)
        .flat_map(|m| m.sources.iter().copied())
        .collect();
    let source_gaps: Vec<String> = from
        .indicators
        .iter()
        .filter(|i| !carried.contains(&i.no))
        .map(|i| control_id(&from.id, i.no))
        .collect();
    let target_gaps: Vec<String> = cov
        .targets
        .iter()
        .filter(|t| t.map.is_none() || t.relation == Some(Relation::Disjoint))
        .map(|t| control_id(&to.id, t.no))
        .collect();
    let mut reasons: Vec<String> = cw
        .retired
        .iter()
        .map(|r| {
            let reason = r.reason_text();
            format!("Retired {}:{}: {}", cw.from, r.indicator, reason.get(En))
        })
        .collect();
    reasons.extend(cw.new.iter().map(|n| {
        let reason = n.reason_text();
        let reason = reason.get(En);
        match &n.external {
            Some(k) => format!(
                "New {}:{} (external index {k}): {reason}",
                cw.to, n.indicator
            ),
            None => format!("New {}:{}: {reason}", cw.to, n.indicator),
        }
    }));
    let (src_res, tgt_res) = (resource(from), resource(to));
    let overall = &cov.overall;
    let doc = Document {
        collection: Collection {
            uuid: uuid_of(&format!("spbe-pemdi:crosswalk:{}", cw.id)).to_string(),
            metadata: Metadata {
                title: cw.title.clone(),
                last_modified: format!("{:04}-01-01T00:00:00Z", to.year),
                version: cw.version.clone(),
                oscal_version: "1.2.0",
            },
            provenance: Provenance {
                method: "human",
                matching_rationale: "semantic",
                status: match cw.status {
                    Status::Draft => "draft",
                    Status::Reviewed => "complete",
                },
                mapping_description: cw.source_en.clone().unwrap_or_else(|| cw.source.clone()),
                coverage: Coverage {
                    target_coverage: Num(crate::decimal::round(
                        overall.share(overall.covered()),
                        4,
                    )),
                },
            },
            mappings: vec![Mapping {
                uuid: uuid_of(&format!("spbe-pemdi:mapping:{}", cw.id)).to_string(),
                source_resource: Resource {
                    kind: "catalog",
                    href: format!("#{}", src_res.uuid),
                },
                target_resource: Resource {
                    kind: "catalog",
                    href: format!("#{}", tgt_res.uuid),
                },
                maps: cw
                    .maps
                    .iter()
                    .map(|m| oscal_map(&cw.id, &cw.from, &cw.to, m))
                    .collect(),
                source_gap_summary: gap(format!("spbe-pemdi:source-gap:{}", cw.id), source_gaps),
                target_gap_summary: gap(format!("spbe-pemdi:target-gap:{}", cw.id), target_gaps),
                remarks: (!reasons.is_empty()).then(|| reasons.join("\n\n")),
            }],
            back_matter: BackMatter {
                resources: vec![src_res, tgt_res],
            },
        },
    };
    Ok(crate::json::to_pretty(&doc))
}
