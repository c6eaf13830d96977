//! Lints on a crosswalk as a whole: its frameworks, its version, and its
//! place among the other crosswalks (versions, `primary`, cycles).

use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::crosswalk::LoadedCrosswalk;
use crate::crosswalk::lint::{Code, Finding, Sink};
use crate::graph::MappingGraph;
use crate::tr;

/// `unknown-framework`, `bad-version`.
pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let cw = &sink.c.crosswalk;
    for (field, id) in [("from", &cw.from), ("to", &cw.to)] {
        if catalog.get(id).is_none() {
            sink.field(
                Code::UnknownFramework,
                field,
                tr!(
                    "framework `{}` tidak ada (dikenal: {})",
                    "framework `{}` does not exist (known: {})",
                    id,
                    catalog.ids().join(", ")
                ),
            );
        }
    }
    if cw.semver().is_none() {
        sink.field(
            Code::BadVersion,
            "version",
            tr!(
                "versi `{}` bukan versi semantik MAJOR.MINOR.PATCH",
                "version `{}` is not a semantic version MAJOR.MINOR.PATCH",
                cw.version
            ),
        );
    }
}

/// `duplicate-version`: two files with the same id@version.
pub(super) fn check_set(crosswalks: &[LoadedCrosswalk], out: &mut Vec<Finding>) {
    let mut seen: BTreeMap<String, &LoadedCrosswalk> = BTreeMap::new();
    for c in crosswalks {
        let key = match c.semver() {
            Some(v) => format!("{}@{v}", c.crosswalk.id),
            None => c.reference(),
        };
        match seen.get(&key) {
            Some(first) => Sink::new(c, out).field(
                Code::DuplicateVersion,
                "version",
                tr!(
                    "{} juga ada di {}",
                    "{} is also in {}",
                    c.reference(),
                    first.file
                ),
            ),
            None => {
                seen.insert(key, c);
            }
        }
    }
}

/// `duplicate-primary`, `framework-cycle`, on the selected crosswalks.
pub(super) fn check_graph(g: &MappingGraph, out: &mut Vec<Finding>) {
    let mut primary: BTreeMap<(&str, &str), &LoadedCrosswalk> = BTreeMap::new();
    for c in g.crosswalks() {
        let cw = &c.crosswalk;
        if !cw.primary {
            continue;
        }
        match primary.get(&(cw.from.as_str(), cw.to.as_str())) {
            Some(first) => Sink::new(c, out).field(
                Code::DuplicatePrimary,
                "primary",
                tr!(
                    "{} dan {} keduanya `primary` untuk {} → {}",
                    "{} and {} are both `primary` for {} → {}",
                    first.reference(),
                    c.reference(),
                    cw.from,
                    cw.to
                ),
            ),
            None => {
                primary.insert((&cw.from, &cw.to), c);
            }
        }
    }
    for cycle in g.cycles() {
        for id in &cycle {
            if let Some(c) = g.crosswalk(id) {
                Sink::new(c, out).field(
                    Code::FrameworkCycle,
                    "to",
                    tr!(
                        "crosswalk membentuk siklus: {}",
                        "crosswalks form a cycle: {}",
                        cycle.join(", ")
                    ),
                );
            }
        }
    }
}
