//! Lints on what becomes of every indicator: each source is mapped (not
//! only `disjoint`) or `retired`; each target is in exactly one map or
//! `new`, not both.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::Catalog;
use crate::crosswalk::Relation;
use crate::crosswalk::lint::{Code, Sink};
use crate::tr;

pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let retired_line = c.field_line("retired");
    let new_line = c.field_line("new");
    let mut retired: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, r) in cw.retired.iter().enumerate() {
        if retired.insert(r.indicator, i).is_some() {
            sink.at(
                Code::DuplicateDisposition,
                retired_line,
                format!("retired[{i}]"),
                tr!(
                    "indikator {} tercantum dua kali di `retired`",
                    "indicator {} is listed twice in `retired`",
                    r.indicator
                ),
            );
        }
    }
    let mut new: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, n) in cw.new.iter().enumerate() {
        if new.insert(n.indicator, i).is_some() {
            sink.at(
                Code::DuplicateDisposition,
                new_line,
                format!("new[{i}]"),
                tr!(
                    "indikator {} tercantum dua kali di `new`",
                    "indicator {} is listed twice in `new`",
                    n.indicator
                ),
            );
        }
    }
    let carried: BTreeSet<u32> = cw
        .maps
        .iter()
        .filter(|m| m.relation != Relation::Disjoint)
        .flat_map(|m| m.sources.iter().copied())
        .collect();
    let considered: BTreeSet<u32> = cw
        .maps
        .iter()
        .flat_map(|m| m.sources.iter().copied())
        .collect();
    let mapped_targets: BTreeSet<u32> = cw
        .maps
        .iter()
        .flat_map(|m| m.targets.iter().copied())
        .collect();

    if let Some(from) = catalog.get(&cw.from) {
        for (no, i) in &retired {
            if from.indicator(*no).is_none() {
                sink.at(
                    Code::UnknownIndicator,
                    retired_line,
                    format!("retired[{i}]"),
                    tr!(
                        "{} tidak punya indikator {}",
                        "{} has no indicator {}",
                        from.id,
                        no
                    ),
                );
            } else if carried.contains(no) {
                sink.at(
                    Code::MappedAndRetired,
                    retired_line,
                    format!("retired[{i}]"),
                    tr!(
                        "{} dipetakan dan juga di `retired`",
                        "{} is mapped and also `retired`",
                        from.indicator_id(*no)
                    ),
                );
            }
        }
        for ind in &from.indicators {
            if carried.contains(&ind.no) || retired.contains_key(&ind.no) {
                continue;
            }
            let msg = if considered.contains(&ind.no) {
                tr!(
                    "{} hanya ada di peta `disjoint` dan tidak di `retired`",
                    "{} is only in `disjoint` maps and not `retired`",
                    from.indicator_id(ind.no)
                )
            } else {
                tr!(
                    "{} tidak ada di peta mana pun dan tidak di `retired`",
                    "{} is in no map and not `retired`",
                    from.indicator_id(ind.no)
                )
            };
            sink.at(
                Code::UndisposedSource,
                retired_line.or_else(|| c.field_line("maps")),
                from.indicator_id(ind.no),
                msg,
            );
        }
    }

    if let Some(to) = catalog.get(&cw.to) {
        for (no, i) in &new {
            let entry = &cw.new[*i];
            let place = format!("new[{i}]");
            if to.indicator(*no).is_none() {
                sink.at(
                    Code::UnknownIndicator,
                    new_line,
                    place.clone(),
                    tr!(
                        "{} tidak punya indikator {}",
                        "{} has no indicator {}",
                        to.id,
                        no
                    ),
                );
            } else if mapped_targets.contains(no) {
                sink.at(
                    Code::MappedAndNew,
                    new_line,
                    place.clone(),
                    tr!(
                        "{} dipetakan dan juga di `new`",
                        "{} is mapped and also `new`",
                        to.indicator_id(*no)
                    ),
                );
            }
            if let Some(key) = &entry.external
                && to.external_index(key).is_none_or(|e| e.indicator != *no)
            {
                let known: Vec<&str> = to.external_indices.iter().map(|e| e.key.as_str()).collect();
                sink.at(
                    Code::UnknownExternal,
                    new_line,
                    format!("{place}.external"),
                    tr!(
                        "`{}` bukan indeks eksternal {} (dikenal: {})",
                        "`{}` is not the external index of {} (known: {})",
                        key,
                        to.indicator_id(*no),
                        if known.is_empty() {
                            "-".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
            }
        }
        for ind in &to.indicators {
            if mapped_targets.contains(&ind.no) || new.contains_key(&ind.no) {
                continue;
            }
            sink.at(
                Code::UndisposedTarget,
                new_line.or_else(|| c.field_line("maps")),
                to.indicator_id(ind.no),
                tr!(
                    "{} tidak ada di peta mana pun dan tidak di `new`",
                    "{} is in no map and not `new`",
                    to.indicator_id(ind.no)
                ),
            );
        }
    }
}
