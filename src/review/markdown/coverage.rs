//! The coverage section of a review document.

use std::fmt::Write as _;

use crate::crosswalk::Confidence;
use crate::review::coverage::{Disposition, Tally};
use crate::review::document::{IndicatorRef, Review};
use crate::review::labels::{cell, dec, percent};
use crate::review::markdown::capital;
use crate::text::Lang;

fn tally_row(out: &mut String, label: &str, name: &str, t: &Tally, lang: Lang) {
    let _ = writeln!(
        out,
        "| {label} | {} | {} | {} | {} | {} | {} | {} |",
        cell(name),
        dec(t.weight, lang),
        percent(t.share(t.covered()), lang),
        percent(t.share(t.high), lang),
        percent(t.share(t.medium), lang),
        percent(t.share(t.low), lang),
        percent(t.share(t.weight - t.covered()), lang),
    );
}

pub(super) fn render(out: &mut String, r: &Review, fw: &crate::catalog::Framework, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Cakupan", "Coverage"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Bagian tercakup sebuah sasaran = `coverage` petanya (1 bila `equal`/`superset`; 0 bila baru, tanpa peta, atau `coverage` tidak ditulis); bobot tercakup = bagian × bobot sasaran, dijumlah per aspek dan dipilah menurut keyakinan peta.",
            "A target's covered share = its map's `coverage` (1 for `equal`/`superset`; 0 when new, unmapped, or `coverage` is not written); covered weight = share × the target's weight, summed per aspect and split by the map's confidence."
        )
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        lang.pick("Sasaran", "Target"),
        lang.pick("Nama", "Name"),
        lang.pick("Bobot", "Weight"),
        lang.pick("Peta", "Map"),
        lang.pick("Relasi", "Relation"),
        lang.pick("Bagian tercakup", "Covered share"),
        lang.pick("Keyakinan", "Confidence"),
        lang.pick("Bobot tercakup", "Covered weight"),
    );
    for t in &r.coverage.targets {
        let name = IndicatorRef::of(fw, t.no);
        let (map, relation) = match (&t.map, t.disposition) {
            (Some(m), _) => (
                format!("`{m}`"),
                t.relation
                    .map(|r| format!("`{}`", r.as_str()))
                    .unwrap_or_default(),
            ),
            (None, Disposition::New) => (
                match &t.external {
                    Some(k) => format!("{} (`{k}`)", lang.pick("baru", "new")),
                    None => lang.pick("baru", "new").to_string(),
                },
                "—".into(),
            ),
            (None, _) => (
                lang.pick("tanpa disposisi", "not disposed of").into(),
                "—".into(),
            ),
        };
        let share = match t.share {
            Some(s) if t.implied => {
                format!("{} ({})", dec(s, lang), lang.pick("tersirat", "implied"))
            }
            Some(s) => dec(s, lang),
            None => lang.pick("tidak ditulis", "not written").into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {map} | {relation} | {share} | {} | {} |",
            t.no,
            cell(name.name(lang)),
            dec(t.weight, lang),
            t.confidence
                .map(|c| c.describe().get(lang).to_string())
                .unwrap_or_else(|| "—".into()),
            dec(t.covered, lang),
        );
    }
    let _ = writeln!(
        out,
        "\n| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        lang.pick("Aspek", "Aspect"),
        lang.pick("Nama", "Name"),
        lang.pick("Bobot", "Weight"),
        lang.pick("Tercakup", "Covered"),
        capital(Confidence::High.describe().get(lang)),
        capital(Confidence::Medium.describe().get(lang)),
        capital(Confidence::Low.describe().get(lang)),
        lang.pick("Tidak tercakup", "Not covered"),
    );
    for a in &r.coverage.aspects {
        let name = fw.aspect(a.no).map(|x| x.name(lang)).unwrap_or_default();
        tally_row(out, &a.no.to_string(), name, a, lang);
    }
    tally_row(
        out,
        lang.pick("**Semua**", "**All**"),
        "",
        &r.coverage.overall,
        lang,
    );
    out.push('\n');
}
