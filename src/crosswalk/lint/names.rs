//! Text-sanity lints: prompts for a reviewer, never errors.
//!
//! - `similar-names-unmapped`: a source and a target indicator whose names
//!   are identical or nearly so ([`words::name_words`], similarity at least
//!   0,8 in Indonesian or in English) but that no map links (a `disjoint`
//!   map counts as considered).
//! - `no-shared-words`: a source and a target of one map (not `disjoint`)
//!   whose names, glosses, questions and level criteria share no meaningful
//!   word ([`words::content_words`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Framework, Indicator};
use crate::crosswalk::lint::words::{content_words, name_words, near_identical, overlap};
use crate::crosswalk::lint::{Code, Sink};
use crate::crosswalk::{Crosswalk, Relation};
use crate::text::Text;
use crate::tr;

pub(super) fn check(catalog: &Catalog, sink: &mut Sink) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let (Some(from), Some(to)) = (catalog.get(&cw.from), catalog.get(&cw.to)) else {
        return;
    };
    similar_names(sink, from, to);
    shared_words(sink, from, to);
}

/// Where an indicator stands in the crosswalk, for messages.
fn whereabouts(cw: &Crosswalk, source: bool, no: u32) -> Text {
    let side = |m: &crate::crosswalk::Map| {
        if source {
            m.sources.contains(&no)
        } else {
            m.targets.contains(&no)
        }
    };
    let maps: Vec<String> = cw
        .maps
        .iter()
        .filter(|m| side(m))
        .map(|m| format!("`{}`", m.id))
        .collect();
    if !maps.is_empty() {
        return tr!("di peta {}", "in map {}", maps.join(", "));
    }
    let listed = if source {
        cw.retired.iter().any(|r| r.indicator == no)
    } else {
        cw.new.iter().any(|n| n.indicator == no)
    };
    match (listed, source) {
        (true, true) => tr!("di `retired`", "in `retired`"),
        (true, false) => tr!("di `new`", "in `new`"),
        (false, _) => tr!("tanpa disposisi", "not disposed of"),
    }
}

fn names(i: &Indicator) -> [BTreeSet<String>; 2] {
    [name_words(&i.name), name_words(&i.name_en)]
}

fn similar_names(sink: &mut Sink, from: &Framework, to: &Framework) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let considered: BTreeSet<(u32, u32)> = cw
        .maps
        .iter()
        .flat_map(|m| {
            m.sources
                .iter()
                .flat_map(move |s| m.targets.iter().map(move |t| (*s, *t)))
        })
        .collect();
    let targets: Vec<(&Indicator, [BTreeSet<String>; 2])> =
        to.indicators.iter().map(|t| (t, names(t))).collect();
    for s in &from.indicators {
        let sn = names(s);
        for (t, tn) in &targets {
            if considered.contains(&(s.no, t.no)) {
                continue;
            }
            // Which names match: the Indonesian ones (as in the regulations)
            // or the English glosses; the message quotes those.
            let Some(lang) = [crate::Lang::Id, crate::Lang::En]
                .into_iter()
                .zip(0..2)
                .find(|(_, i)| near_identical(overlap(&sn[*i], &tn[*i])))
                .map(|(l, _)| l)
            else {
                continue;
            };
            let map = cw
                .maps
                .iter()
                .find(|m| m.sources.contains(&s.no))
                .or_else(|| cw.maps.iter().find(|m| m.targets.contains(&t.no)));
            let line = match map {
                Some(m) => sink.map_line(m),
                None => c.field_line("retired"),
            };
            let (ws, wt) = (whereabouts(cw, true, s.no), whereabouts(cw, false, t.no));
            let (a, b) = (s.short_name(lang), t.short_name(lang));
            let (sid, tid) = (from.indicator_id(s.no), to.indicator_id(t.no));
            let (what_id, what_en) = match lang {
                crate::Lang::Id => ("nama", "name"),
                crate::Lang::En => ("glos bahasa Inggris", "English gloss"),
            };
            let message = Text::new(
                format!(
                    "{what_id} {sid} \"{a}\" ({}) dan {tid} \"{b}\" ({}) (hampir) sama, tetapi tidak ada peta yang menghubungkan keduanya",
                    ws.get(crate::Lang::Id),
                    wt.get(crate::Lang::Id)
                ),
                format!(
                    "{sid} \"{a}\" ({}) and {tid} \"{b}\" ({}) have (nearly) the same {what_en}, but no map links them",
                    ws.get(crate::Lang::En),
                    wt.get(crate::Lang::En)
                ),
            );
            sink.at(
                Code::SimilarNamesUnmapped,
                line,
                format!("{sid} ↔ {tid}"),
                message,
            );
        }
    }
}

/// Name, gloss, question and level criteria in both languages.
fn all_text(i: &Indicator) -> String {
    let mut parts = vec![i.name.clone(), i.name_en.clone()];
    parts.extend(i.question.clone());
    for t in i.levels.values() {
        parts.push(t.id.clone());
        parts.extend(t.en.clone());
    }
    parts.join(" ")
}

fn shared_words(sink: &mut Sink, from: &Framework, to: &Framework) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let mut cache: BTreeMap<(bool, u32), BTreeSet<String>> = BTreeMap::new();
    let mut words_of = |source: bool, i: &Indicator| {
        cache
            .entry((source, i.no))
            .or_insert_with(|| content_words(&all_text(i)))
            .clone()
    };
    for m in cw.maps.iter().filter(|m| m.relation != Relation::Disjoint) {
        for s in m.sources.iter().filter_map(|n| from.indicator(*n)) {
            let sw = words_of(true, s);
            for t in m.targets.iter().filter_map(|n| to.indicator(*n)) {
                if overlap(&sw, &words_of(false, t)).0 > 0 {
                    continue;
                }
                let (sid, tid) = (from.indicator_id(s.no), to.indicator_id(t.no));
                let message = Text::new(
                    format!(
                        "sumber {sid} \"{}\" dan sasaran {tid} \"{}\" tidak berbagi satu kata bermakna pun (nama, glos, pertanyaan, kriteria tingkat)",
                        s.short_name(crate::Lang::Id),
                        t.short_name(crate::Lang::Id)
                    ),
                    format!(
                        "source {sid} \"{}\" and target {tid} \"{}\" share no meaningful word (names, glosses, questions, level criteria)",
                        s.short_name(crate::Lang::En),
                        t.short_name(crate::Lang::En)
                    ),
                );
                let line = sink.map_line(m);
                sink.at(
                    Code::NoSharedWords,
                    line,
                    format!("maps[{}]: {sid} → {tid}", m.id),
                    message,
                );
            }
        }
    }
}
