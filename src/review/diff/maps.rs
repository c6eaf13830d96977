//! Changes to maps and dispositions, graded as the module documentation of
//! [`crate::review::diff`] says.

use std::collections::BTreeSet;

use crate::crosswalk::{Aggregation, Confidence, Crosswalk, Map, Relation};
use crate::review::diff::{Change, Field, Severity, change};
use crate::review::labels::{numbers, rule_plain};
use crate::text::Text;
use crate::tr;

/// `equal` at `high` confidence: the map carries values.
fn carries(m: &Map) -> bool {
    m.relation == Relation::Equal && m.confidence == Confidence::High
}

fn several_sources(m: &Map) -> bool {
    m.sources.iter().collect::<BTreeSet<_>>().len() > 1
}

fn shape(m: &Map) -> (BTreeSet<u32>, BTreeSet<u32>) {
    (
        m.sources.iter().copied().collect(),
        m.targets.iter().copied().collect(),
    )
}

/// `1, 2 → 3 (subset, medium)`.
fn summary(m: &Map) -> String {
    format!(
        "{} → {} ({}, {})",
        numbers(&m.sources),
        numbers(&m.targets),
        m.relation.as_str(),
        m.confidence.as_str()
    )
}

fn why_values() -> Text {
    tr!("dapat mengubah nilai saran", "can change suggested values")
}

fn why_text() -> Text {
    tr!("tidak mengubah konversi", "changes no conversion")
}

fn why_disjoint() -> Text {
    tr!(
        "peta ini `disjoint` di kedua versi: tidak membawa apa pun",
        "the map is `disjoint` in both versions: it carries nothing"
    )
}

/// The changes between two versions of one map.
fn compare_map(o: &Map, n: &Map, out: &mut Vec<Change>) {
    let live = !(o.relation == Relation::Disjoint && n.relation == Relation::Disjoint);
    let mut push =
        |severity: Severity, field: Field, old: Option<String>, new: Option<String>, why: Text| {
            let (severity, why) = if live || severity == Severity::Text {
                (severity, why)
            } else {
                (Severity::Text, why_disjoint())
            };
            let mut c = change(severity, field, old, new, why);
            c.map = Some(n.id.clone());
            out.push(c);
        };
    if o.id != n.id {
        push(
            Severity::Text,
            Field::Id,
            Some(o.id.clone()),
            Some(n.id.clone()),
            tr!(
                "peta yang sama (sumber dan sasaran sama), id baru",
                "the same map (same sources and targets), new id"
            ),
        );
    }
    if o.sources != n.sources {
        push(
            Severity::Outcome,
            Field::Sources,
            Some(numbers(&o.sources)),
            Some(numbers(&n.sources)),
            why_values(),
        );
    }
    if o.targets != n.targets {
        push(
            Severity::Outcome,
            Field::Targets,
            Some(numbers(&o.targets)),
            Some(numbers(&n.targets)),
            why_values(),
        );
    }
    let flips = carries(o) != carries(n);
    let flip_why = || {
        tr!(
            "peta mulai/berhenti membawa nilai (`equal` dengan keyakinan `high`): kelas berubah",
            "the map starts/stops carrying (`equal` at `high` confidence): classes change"
        )
    };
    if o.relation != n.relation {
        let (sev, why) = if o.relation == Relation::Disjoint || n.relation == Relation::Disjoint {
            (
                Severity::Outcome,
                tr!(
                    "peta `disjoint` tidak membawa apa pun",
                    "a `disjoint` map carries nothing"
                ),
            )
        } else if flips {
            (Severity::Outcome, flip_why())
        } else {
            (
                Severity::Range,
                tr!(
                    "mengubah relasi yang dilaporkan dan batas atas rentang",
                    "changes the relation reported and the top of ranges"
                ),
            )
        };
        push(
            sev,
            Field::Relation,
            Some(o.relation.as_str().into()),
            Some(n.relation.as_str().into()),
            why,
        );
    }
    if o.coverage != n.coverage {
        let show = |m: &Map| m.coverage.map(crate::decimal::exact);
        push(
            Severity::Range,
            Field::Coverage,
            show(o),
            show(n),
            tr!(
                "mengubah cakupan yang dilaporkan, bukan nilai",
                "changes the coverage reported, not values"
            ),
        );
    }
    if o.level_rule != n.level_rule {
        push(
            Severity::Outcome,
            Field::LevelRule,
            Some(rule_plain(&o.level_rule)),
            Some(rule_plain(&n.level_rule)),
            why_values(),
        );
    }
    if o.rungs != n.rungs {
        let reading = |m: &Map| -> Vec<(u32, Vec<String>)> {
            let mut v: Vec<(u32, Vec<String>)> = m
                .rungs
                .iter()
                .map(|r| {
                    let mut c = r.evidenced_by.clone();
                    c.sort();
                    (r.level, c)
                })
                .collect();
            v.sort();
            v
        };
        let show = |m: &Map| {
            let parts: Vec<String> = reading(m)
                .iter()
                .map(|(l, c)| {
                    format!(
                        "{l}: {}",
                        if c.is_empty() {
                            "-".into()
                        } else {
                            c.join(" ")
                        }
                    )
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        };
        if reading(o) != reading(n) {
            push(
                Severity::Outcome,
                Field::Rungs,
                show(o),
                show(n),
                why_values(),
            );
        } else {
            push(Severity::Text, Field::Rungs, show(o), show(n), why_text());
        }
    }
    if o.aggregation != n.aggregation {
        let effective = |m: &Map| m.aggregation.unwrap_or(Aggregation::WeightedMean);
        let matters = (several_sources(o) || several_sources(n))
            && effective(o) != effective(n)
            && o.rungs.is_empty()
            && n.rungs.is_empty();
        let (sev, why) = if matters {
            (Severity::Outcome, why_values())
        } else {
            (
                Severity::Text,
                tr!(
                    "tanpa pengaruh: satu sumber, atau `weighted_mean` bawaan",
                    "no effect: a single source, or the default `weighted_mean`"
                ),
            )
        };
        let show = |m: &Map| m.aggregation.map(|a| a.as_str().to_string());
        push(sev, Field::Aggregation, show(o), show(n), why);
    }
    if o.confidence != n.confidence {
        let (sev, why) = if flips {
            (Severity::Outcome, flip_why())
        } else {
            (
                Severity::Range,
                tr!(
                    "mengubah keyakinan yang dilaporkan, bukan nilai",
                    "changes the confidence reported, not values"
                ),
            )
        };
        push(
            sev,
            Field::Confidence,
            Some(o.confidence.as_str().into()),
            Some(n.confidence.as_str().into()),
            why,
        );
    }
    if o.evidence != n.evidence {
        push(
            Severity::Range,
            Field::Evidence,
            Some(o.evidence.as_str().into()),
            Some(n.evidence.as_str().into()),
            tr!(
                "mengubah bukti dukung yang dibawa, bukan nilai",
                "changes which evidence is carried forward, not values"
            ),
        );
    }
    if o.rationale_text() != n.rationale_text() {
        let (a, b) = texts(Some(o.rationale_text()), Some(n.rationale_text()));
        push(Severity::Text, Field::Rationale, a, b, why_text());
    }
    if o.review != n.review {
        push(
            Severity::Text,
            Field::Review,
            Some(o.review.as_str().into()),
            Some(n.review.as_str().into()),
            why_text(),
        );
    }
}

/// Map changes: the new file's maps in order (matched by id, then by the
/// same sources and targets), then the removed maps in the old order.
pub(super) fn compare(old: &Crosswalk, new: &Crosswalk, out: &mut Vec<Change>) {
    let mut left: Vec<&Map> = old.maps.iter().collect();
    let mut pairs: Vec<(Option<&Map>, &Map)> = Vec::new();
    for n in &new.maps {
        let found = left.iter().position(|o| o.id == n.id);
        pairs.push((found.map(|i| left.remove(i)), n));
    }
    for (o, n) in pairs.iter_mut().filter(|(o, _)| o.is_none()) {
        if let Some(i) = left.iter().position(|x| shape(x) == shape(n)) {
            *o = Some(left.remove(i));
        }
    }
    for (o, n) in pairs {
        match o {
            Some(o) => compare_map(o, n, out),
            None => {
                let mut c = change(
                    Severity::Outcome,
                    Field::Map,
                    None,
                    Some(summary(n)),
                    tr!(
                        "peta baru: sasarannya mendapat nilai dari sumber lain",
                        "a new map: its targets get values from other sources"
                    ),
                );
                c.map = Some(n.id.clone());
                out.push(c);
            }
        }
    }
    for o in left {
        let mut c = change(
            Severity::Outcome,
            Field::Map,
            Some(summary(o)),
            None,
            tr!(
                "peta dihapus: sasarannya tidak lagi mendapat nilai darinya",
                "a map removed: its targets no longer get values from it"
            ),
        );
        c.map = Some(o.id.clone());
        out.push(c);
    }
}

/// Changes to `retired` and `new`, by indicator (text: conversions read
/// the maps, not these lists).
pub(super) fn dispositions(old: &Crosswalk, new: &Crosswalk, out: &mut Vec<Change>) {
    let ids = |v: Vec<u32>| v.into_iter().collect::<BTreeSet<u32>>();
    let retired = ids(old
        .retired
        .iter()
        .chain(&new.retired)
        .map(|r| r.indicator)
        .collect());
    for no in retired {
        let reason = |cw: &Crosswalk| {
            cw.retired
                .iter()
                .find(|r| r.indicator == no)
                .map(|r| r.reason_text())
        };
        let (a, b) = (reason(old), reason(new));
        if a != b {
            let (a, b) = texts(a, b);
            let mut c = change(Severity::Text, Field::Retired, a, b, why_text());
            c.indicator = Some(format!("{}:{no}", new.from));
            out.push(c);
        }
    }
    let added = ids(old
        .new
        .iter()
        .chain(&new.new)
        .map(|n| n.indicator)
        .collect());
    for no in added {
        let entry = |cw: &Crosswalk| cw.new.iter().find(|n| n.indicator == no).cloned();
        let (a, b) = (entry(old), entry(new));
        let indicator = Some(format!("{}:{no}", new.to));
        let (ra, rb) = (
            a.as_ref().map(|n| n.reason_text()),
            b.as_ref().map(|n| n.reason_text()),
        );
        if ra != rb {
            let (ra, rb) = texts(ra, rb);
            let mut c = change(Severity::Text, Field::New, ra, rb, why_text());
            c.indicator = indicator.clone();
            out.push(c);
        }
        let both = a.is_some() && b.is_some();
        let (ea, eb) = (a.and_then(|n| n.external), b.and_then(|n| n.external));
        if both && ea != eb {
            let mut c = change(
                Severity::Text,
                Field::External,
                ea,
                eb,
                tr!(
                    "konversi membaca indeks eksternal dari katalog, bukan dari sini",
                    "conversions read the external index from the catalog, not from here"
                ),
            );
            c.indicator = indicator;
            out.push(c);
        }
    }
}

/// The two sides of a changed bilingual text, in the language that
/// changed (Indonesian when both did).
fn texts(
    a: Option<crate::text::Text>,
    b: Option<crate::text::Text>,
) -> (Option<String>, Option<String>) {
    let id = |t: &Option<crate::text::Text>| t.as_ref().map(|t| t.id.clone());
    if id(&a) != id(&b) {
        return (id(&a), id(&b));
    }
    let en = |t: &Option<crate::text::Text>| t.as_ref().and_then(|t| t.en.clone());
    (en(&a), en(&b))
}
