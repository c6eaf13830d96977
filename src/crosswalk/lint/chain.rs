//! Consistency of a crosswalk with the chains between the same two
//! frameworks (e.g. the direct `spbe-2020 -> pemdi-2026` against the chain
//! through `pemdi-2025`): for every source indicator and target, both must
//! reach it, with relation sets that intersect and level functions that
//! differ by at most one level at every whole source level. Warnings for
//! review: a chain is a second reading, not the truth.

use rust_decimal::Decimal;

use crate::crosswalk::lint::Dec;
use crate::crosswalk::lint::{Code, Finding, Sink};
use crate::crosswalk::{Bounds, Relation};
use crate::graph::{IndicatorGraph, MappingGraph, Path, Trace, agree};
use crate::tr;

pub(super) fn check(g: &MappingGraph, out: &mut Vec<Finding>) {
    for c in g.crosswalks() {
        let cw = &c.crosswalk;
        let chains: Vec<Path> = g
            .paths(&cw.from, &cw.to)
            .into_iter()
            .filter(|p| p.hops.len() >= 2)
            .collect();
        let Some(fw) = g.catalog.get(&cw.from) else {
            continue;
        };
        let direct = Path {
            hops: vec![g.reference(c)],
        };
        let Ok(dg) = IndicatorGraph::new(g, &direct) else {
            continue;
        };
        let levels = Bounds::of(fw).whole_levels();
        for chain in &chains {
            let Ok(cg) = IndicatorGraph::new(g, chain) else {
                continue;
            };
            let fws = chain.frameworks();
            let via = fws[1..fws.len() - 1].join(" → ");
            let mut sink = Sink::new(c, out);
            for ind in &fw.indicators {
                let (td, tc) = (dg.trace(ind.no), cg.trace(ind.no));
                compare(&mut sink, ind.no, &td, &tc, &via, &levels);
            }
        }
    }
}

fn compare(sink: &mut Sink, source: u32, td: &Trace, tc: &Trace, via: &str, levels: &[Decimal]) {
    let cw = &sink.c.crosswalk;
    for a in agree::compare(td, tc, levels) {
        let t = a.target;
        let target = format!("{}:{t}", cw.to);
        let map = cw.maps.iter().find(|m| {
            m.relation != Relation::Disjoint
                && m.targets.contains(&t)
                && m.sources.contains(&source)
        });
        let (line, place) = match map {
            Some(m) => (
                sink.map_line(m),
                format!("maps[{}]: {} → {target}", m.id, td.source),
            ),
            None => (None, format!("{} → {target}", td.source)),
        };
        match (a.first, a.second) {
            (true, false) => sink.at(
                Code::ChainRouteMismatch,
                line,
                place,
                tr!(
                    "{} mencapai {} secara langsung, tetapi tidak lewat {}",
                    "{} reaches {} directly, but not through {}",
                    td.source,
                    target,
                    via
                ),
            ),
            (false, true) => sink.at(
                Code::ChainRouteMismatch,
                line,
                place,
                tr!(
                    "{} mencapai {} lewat {}, tetapi tidak secara langsung",
                    "{} reaches {} through {}, but not directly",
                    td.source,
                    target,
                    via
                ),
            ),
            _ => {
                if a.first_relation.intersect(a.second_relation).is_empty() {
                    sink.at(
                        Code::ChainRelationMismatch,
                        line,
                        place.clone(),
                        tr!(
                            "langsung {}, lewat {} {}: tidak ada relasi yang sama",
                            "directly {}, through {} {}: no relation in common",
                            a.first_relation.label(),
                            via,
                            a.second_relation.label()
                        ),
                    );
                }
                if let Some((l, d, c)) = a.level_gap {
                    sink.at(
                        Code::ChainLevelMismatch,
                        line,
                        place,
                        trd!(
                            "tingkat {} menjadi {} secara langsung, tetapi {} lewat {}",
                            "level {} becomes {} directly, but {} through {}",
                            Dec(l),
                            Dec(d),
                            Dec(c),
                            via
                        ),
                    );
                }
            }
        }
    }
}
