//! Building the gap report from a conversion and the catalogs.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::catalog::{BandOn, Catalog, Framework, Indicator};
use crate::convert::{Class, Conversion, Projected, TargetValue, class_help};
use crate::crosswalk::Evidence as Policy;
use crate::error::Result;
use crate::report::model::*;
use crate::report::stake::{self, Stake};
use crate::score::score_values;
use crate::text::{Lang, Text};
use crate::tr;

/// How many actions are the "three things to do first".
pub const FIRST: usize = 3;

impl Report {
    /// The gap report of `conv`, in `lang`.
    pub fn build(conv: &Conversion, catalog: &Catalog, lang: Lang) -> Result<Report> {
        let from = catalog.require(&conv.source.framework)?;
        let to = catalog.require(&conv.target)?;
        let band = |fw: &Framework, v: Decimal| fw.band(v, BandOn::Exact).name(lang);
        let s = &conv.source;
        let last = LastYear {
            framework: from.id.clone(),
            title: from.title(lang).to_string(),
            year: s.year,
            answered: s.answered,
            total: s.total,
            index: s.index,
            low: s.low,
            high: s.high,
            predicate_low: band(from, s.low),
            predicate_high: band(from, s.high),
        };
        let scored = |p: &Projected| Scored {
            point: p.point,
            low: p.low,
            high: p.high,
            predicate: band(to, p.point),
            predicate_low: band(to, p.low),
            predicate_high: band(to, p.high),
        };
        let face = face_scores(to, conv);
        let aspects = conv
            .projected_aspects
            .iter()
            .map(|p| {
                let f = face.1.get(&p.no).copied().unwrap_or(to.scale.min);
                AspectRow {
                    no: p.no,
                    name: lang.pick(&p.name, &p.name_en).to_string(),
                    weight: to
                        .aspect(p.no)
                        .map(|a| a.weight.value())
                        .unwrap_or_default(),
                    projected: scored(p),
                    face: f,
                    face_predicate: band(to, f),
                }
            })
            .collect();
        let mut indicators: Vec<IndicatorRow> =
            stake::ranked_by(to, &conv.indicators, stake::action_order)
                .into_iter()
                .filter_map(|(t, st)| Some(row(to, to.indicator(t.no)?, t, st, lang)))
                .collect();
        for (i, r) in indicators.iter_mut().enumerate() {
            r.rank = i + 1;
        }
        let actions = indicators
            .iter()
            .filter(|r| r.stake.next_level.is_some())
            .enumerate()
            .map(|(i, r)| Action {
                rank: i + 1,
                first: i < FIRST,
                no: r.no,
                name: r.name.clone(),
                text: action(r).get(lang).to_string(),
                gain: r.stake.next,
                gain_max: r.stake.max,
            })
            .collect();
        let mut by_no: Vec<&IndicatorRow> = indicators.iter().collect();
        by_no.sort_by_key(|r| r.no);
        let obligations = by_no
            .iter()
            .filter_map(|r| {
                Some(Obligation {
                    no: r.no,
                    name: r.name.clone(),
                    text: r.obligation.clone()?,
                    class_label: r.class_label.clone(),
                    point: r.estimate.point,
                })
            })
            .collect();
        let ask_external = by_no
            .iter()
            .filter_map(|r| {
                let e = r
                    .external
                    .as_ref()
                    // Not given: a gap, or a proxy standing in for it (the
                    // index itself is still to be asked for).
                    .filter(|e| {
                        e.index_value.is_none() && (r.value.is_none() || r.class == Class::Proxy)
                    })?;
                Some(ExternalAsk {
                    no: r.no,
                    name: r.name.clone(),
                    key: e.key.clone(),
                    index: e.name.clone(),
                    owner: e.owner.clone(),
                    text: ask(e).get(lang).to_string(),
                })
            })
            .collect();
        let classes = conv
            .counts()
            .iter()
            .map(|(c, n)| ClassCount {
                class: *c,
                label: c.describe(lang).to_string(),
                help: class_help(*c).get(lang).to_string(),
                count: *n,
            })
            .collect();
        Ok(Report {
            lang,
            agency: s.agency.clone(),
            last,
            target: TargetInfo {
                id: to.id.clone(),
                title: to.title(lang).to_string(),
                scale_max: to.scale.max,
            },
            same_framework: from.id == to.id,
            projected: scored(&conv.projected_index),
            ranges: crate::convert::range_lines(conv, lang),
            face_index: face.0,
            aspects,
            indicators,
            actions,
            obligations,
            ask_external,
            classes,
            path: conv.path.clone(),
            stamp: conv.stamp.clone(),
            date: None,
        })
    }

    /// Sets the print date from `YYYY-MM-DD` (written in the report's
    /// language: `4 Desember 2026`). An invalid date is a usage error.
    pub fn with_date(mut self, date: &str) -> Result<Report> {
        self.date = Some(print_date(date, self.lang)?);
        Ok(self)
    }

    /// The indicator numbered `no`.
    pub fn indicator(&self, no: u32) -> Option<&IndicatorRow> {
        self.indicators.iter().find(|r| r.no == no)
    }
}

/// `YYYY-MM-DD` as a date for people in `lang`.
pub fn print_date(date: &str, lang: Lang) -> Result<String> {
    const MONTHS: [(&str, &str); 12] = [
        ("Januari", "January"),
        ("Februari", "February"),
        ("Maret", "March"),
        ("April", "April"),
        ("Mei", "May"),
        ("Juni", "June"),
        ("Juli", "July"),
        ("Agustus", "August"),
        ("September", "September"),
        ("Oktober", "October"),
        ("November", "November"),
        ("Desember", "December"),
    ];
    let parts: Vec<&str> = date.trim().split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parsed = match parts.as_slice() {
        [y, m, d] => num(y, 4).zip(num(m, 2)).zip(num(d, 2)),
        _ => None,
    };
    let days = |y: u32, m: u32| match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match parsed {
        Some(((y, m), d)) if (1..=12).contains(&m) && d >= 1 && d <= days(y, m) => {
            let (id, en) = MONTHS[(m - 1) as usize];
            Ok(match lang {
                Lang::Id => format!("{d} {id} {y}"),
                Lang::En => format!("{d} {en} {y}"),
            })
        }
        _ => Err(crate::error::Error::usage(tr!(
            "tanggal cetak tidak sah: {} (bentuknya TTTT-BB-HH, misalnya 2026-12-04)",
            "invalid print date: {} (the form is YYYY-MM-DD, e.g. 2026-12-04)",
            date
        ))),
    }
}

/// Last year's levels at face value (missing: the scale's floor), scored by
/// the target framework's formula: the index and each aspect.
fn face_scores(fw: &Framework, conv: &Conversion) -> (Decimal, BTreeMap<u32, Decimal>) {
    let values = conv
        .indicators
        .iter()
        .map(|t| (t.no.to_string(), t.face_value.unwrap_or(fw.scale.min)))
        .collect();
    let s = score_values(fw, None, None, values, vec![], BandOn::Exact);
    let aspects = s.aspects.iter().map(|a| (a.no, a.low)).collect();
    (s.overall.low, aspects)
}

fn is_web(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

fn evidence(t: &TargetValue, policy: Policy) -> Vec<EvidenceRow> {
    t.evidence
        .iter()
        .filter(|e| e.policy == policy)
        .map(|e| EvidenceRow {
            from: e.from.clone(),
            name: e.name.clone(),
            url: e.url.clone(),
            link: e.url.clone().filter(|u| is_web(u)),
        })
        .collect()
}

/// Words a part of a criteria text needs to be a clause of its own.
const CLAUSE_WORDS: usize = 3;

/// New evidence to prepare: one item per whole clause of the next level's
/// criteria. The text is split on `;`, and a part of fewer than three words
/// (`CSO`, `widget`, `survei triwulanan`) is a keyword of the clause before
/// it, not an item of its own: it stays joined to that clause with its `;`
/// (or to the next one when it comes first). Read from the criteria text,
/// never invented: the items joined with `; ` are the text.
pub fn clauses(crit: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for part in crit.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let short = part.split_whitespace().count() < CLAUSE_WORDS;
        let part = match pending.take() {
            Some(p) => format!("{p}; {part}"),
            None => part.to_string(),
        };
        match out.last_mut() {
            Some(last) if short => {
                last.push_str("; ");
                last.push_str(&part);
            }
            None if short => pending = Some(part),
            _ => out.push(part),
        }
    }
    out.extend(pending);
    out
}

fn prepare(next: Option<&NextLevel>) -> Vec<String> {
    next.and_then(|n| n.criteria.as_deref())
        .map(clauses)
        .unwrap_or_default()
}

/// The rungs of the map leading to `t`: those evidenced, by which answer,
/// and the first one not evidenced with what it needs.
pub fn rung_lines(t: &TargetValue, lang: Lang) -> Vec<String> {
    let Some(h) = t.hops.iter().rev().find(|h| h.outputs.contains(&t.id)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in h.rungs() {
        if r.evidenced {
            let by: Vec<String> = r
                .met
                .iter()
                .map(|m| {
                    format!(
                        "{} = {}",
                        m.id,
                        crate::decimal::localize(&crate::decimal::exact(m.value), lang)
                    )
                })
                .collect();
            out.push(format!(
                "{} {}: {} {}",
                lang.pick("Tingkat", "Level"),
                r.level,
                lang.pick("terbukti oleh", "evidenced by"),
                by.join(", ")
            ));
        } else {
            let could = if r.criteria.is_empty() {
                lang.pick(
                    "tidak ada kriteria lama yang membuktikannya",
                    "no old criterion evidences it",
                )
                .to_string()
            } else {
                format!(
                    "{} {}",
                    lang.pick("dibuktikan oleh", "evidenced by"),
                    r.criteria.join(lang.pick(" atau ", " or "))
                )
            };
            out.push(format!(
                "{} {}: {} ({could}) — {}",
                lang.pick("Tingkat", "Level"),
                r.level,
                lang.pick(
                    "anak tangga pertama yang belum terbukti",
                    "the first rung not evidenced"
                ),
                r.note.get(lang)
            ));
            break;
        }
    }
    out
}

fn row(fw: &Framework, ind: &Indicator, t: &TargetValue, st: Stake, lang: Lang) -> IndicatorRow {
    let weight = ind.weight.value();
    let next = st.next_level.map(|level| NextLevel {
        level,
        criteria: ind.level(level).map(|c| c.get(lang).to_string()),
        indicative: ind.levels_indicative(),
    });
    let external = ind
        .external
        .as_deref()
        .and_then(|k| fw.external_index(k))
        .map(|e| ExternalRow {
            key: e.key.clone(),
            name: e.name.clone(),
            owner: e.owner.clone(),
            index_value: t.external.as_ref().and_then(|u| u.index_value),
            bands_known: e.edges.is_some(),
        });
    IndicatorRow {
        rank: 0,
        no: t.no,
        id: t.id.clone(),
        name: ind.name(lang).to_string(),
        aspect: t.aspect,
        weight,
        class: t.class,
        class_label: t.class.describe(lang).to_string(),
        value: t.value,
        estimate: t.estimate,
        face_value: t.face_value,
        confidence: t.confidence.map(|c| c.describe().get(lang).to_string()),
        stake: st,
        prepare: prepare(next.as_ref()),
        rungs: rung_lines(t, lang),
        next,
        reuse: evidence(t, Policy::Reuse),
        update: evidence(t, Policy::Update),
        justifications: t.justifications.clone(),
        sources: t.sources.clone(),
        obligation: ind.obligation.as_ref().map(|o| o.get(lang).to_string()),
        external,
        notes: t.notes.iter().map(|n| n.get(lang).to_string()).collect(),
    }
}

/// The next level and its criteria, as a phrase.
fn level_phrase(r: &IndicatorRow) -> Text {
    let Some(n) = &r.next else {
        return tr!("sudah di puncak skala", "already at the top of the scale");
    };
    let flag = if n.indicative {
        tr!(" (indikatif)", " (indicative)")
    } else {
        Text::same("")
    };
    match &n.criteria {
        Some(c) => Text::new(
            format!("tingkat {}{}: {c}", n.level, flag.id),
            format!("level {}{}: {c}", n.level, flag.get(Lang::En)),
        ),
        None => tr!(
            "tingkat {} (kriteria tidak ada di katalog; lihat pedoman resmi)",
            "level {} (criteria not in the catalog; see the official guide)",
            n.level
        ),
    }
}

fn ask(e: &ExternalRow) -> Text {
    if e.bands_known {
        tr!(
            "Minta hasil {0} kepada {1}, lalu jalankan lagi dengan --external {2}=NILAI",
            "Ask {1} for the {0} result, then run again with --external {2}=VALUE",
            e.name,
            e.owner,
            e.key
        )
    } else {
        tr!(
            "Minta hasil {0} kepada {1}; pita konversinya belum diketahui, jadi isi nilai indikatornya (1-5) langsung di lembar kerja",
            "Ask {1} for the {0} result; its conversion bands are unknown, so enter the indicator value (1-5) directly in the worksheet",
            e.name,
            e.owner
        )
    }
}

/// What to do for one indicator.
fn action(r: &IndicatorRow) -> Text {
    let level = level_phrase(r);
    let base = match (&r.external, r.class) {
        (Some(e), _) if e.index_value.is_none() && r.value.is_none() => ask(e),
        (Some(e), _) => Text::new(
            format!("Naikkan {} ({}) ke {}", e.name, e.owner, level.id),
            format!("Raise {} ({}) to {}", e.name, e.owner, level.get(Lang::En)),
        ),
        (None, Class::Gap) => Text::new(
            format!("Nilai dari awal dan penuhi {}", level.id),
            format!("Assess from scratch and meet {}", level.get(Lang::En)),
        ),
        (None, _) => Text::new(
            format!("Penuhi {}", level.id),
            format!("Meet {}", level.get(Lang::En)),
        ),
    };
    let (reuse, update) = (r.reuse.len(), r.update.len());
    let mut id = Vec::new();
    let mut en = Vec::new();
    if reuse > 0 {
        id.push(format!("pakai ulang {reuse}"));
        en.push(format!("reuse {reuse}"));
    }
    if update > 0 {
        id.push(format!("perbarui {update}"));
        en.push(format!("update {update}"));
    }
    if id.is_empty() {
        return base;
    }
    Text::new(
        format!("{}; data dukung lama: {}", base.id, id.join(", ")),
        format!("{}; old evidence: {}", base.get(Lang::En), en.join(", ")),
    )
}
