//! A hop's rungs read against its answers: which rung is evidenced by which
//! answer, and the first rung not evidenced (explain, gap reports, JSON).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::convert::{HopUse, SourceAnswer};
use std::fmt::Write;

use crate::decimal::{exact, localize};
use crate::text::{Lang, Text};

/// One rung of a hop's map, read against the hop's answered inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RungRead {
    /// The target level.
    pub level: u32,
    /// The criteria that evidence it, any one of them (`spbe-2020:12@3`).
    pub criteria: Vec<String>,
    /// The criteria met, with the answer that meets each.
    pub met: Vec<SourceAnswer>,
    /// Whether this rung and every rung below it is evidenced.
    pub evidenced: bool,
    /// Why, in both languages.
    pub note: Text,
}

impl HopUse {
    /// The map's rungs read against the inputs: which are met, by which
    /// answer, and which is the first not evidenced (an unanswered input
    /// meets nothing).
    pub fn rungs(&self) -> Vec<RungRead> {
        let mut rungs: Vec<&crate::crosswalk::Rung> = self.info.rungs.iter().collect();
        rungs.sort_by_key(|r| r.level);
        let mut climbing = true;
        rungs
            .into_iter()
            .map(|r| {
                let met: Vec<SourceAnswer> = r
                    .evidenced_by
                    .iter()
                    .filter_map(|c| {
                        let x = crate::crosswalk::Criterion::parse(c)?;
                        let id = format!("{}:{}", x.framework, x.indicator);
                        let at = self.info.inputs.iter().position(|i| *i == id)?;
                        let v = (*self.values.get(at)?)?;
                        (v >= Decimal::from(x.level)).then(|| SourceAnswer {
                            id: c.clone(),
                            value: v,
                        })
                    })
                    .collect();
                climbing = climbing && !met.is_empty();
                RungRead {
                    level: r.level,
                    criteria: r.evidenced_by.clone(),
                    evidenced: climbing,
                    met,
                    note: r.note_text(),
                }
            })
            .collect()
    }
}

/// The explain lines of a hop's rungs: each rung, the answers that evidence
/// it, and the first rung not evidenced.
pub(crate) fn explain_rungs(out: &mut String, rungs: &[RungRead], lang: Lang) {
    let _ = writeln!(
        out,
        "  {}",
        lang.pick(
            "Anak tangga (nilai = anak tangga tertinggi yang ia dan semua di bawahnya terbukti):",
            "Rungs (value = the highest rung such that it and every rung below are evidenced):"
        )
    );
    let mut first_gap = true;
    for r in rungs {
        let how = if r.evidenced {
            let by: Vec<String> = r
                .met
                .iter()
                .map(|m| {
                    format!(
                        "{} ({} {})",
                        m.id,
                        lang.pick("jawaban", "answer"),
                        localize(&exact(m.value), lang)
                    )
                })
                .collect();
            format!(
                "{} {}",
                lang.pick("terbukti oleh", "evidenced by"),
                by.join(", ")
            )
        } else if first_gap {
            first_gap = false;
            lang.pick(
                "tidak terbukti: anak tangga pertama yang belum terbukti",
                "not evidenced: the first rung not evidenced",
            )
            .to_string()
        } else {
            lang.pick("tidak terbukti", "not evidenced").to_string()
        };
        let _ = writeln!(
            out,
            "    {} {}: {how} — {}",
            lang.pick("Tingkat", "Level"),
            r.level,
            r.note.get(lang)
        );
    }
}
