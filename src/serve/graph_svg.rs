//! The framework graph as a picture: an SVG drawn here from the mapping
//! graph (no outside renderer, no script). Frameworks stand in a column by
//! year; a crosswalk between neighbours is a straight arrow, one that
//! skips frameworks an arc on the right. Every text is escaped.

use std::fmt::Write as _;

use crate::crosswalk::LoadedCrosswalk;
use crate::data::Data;
use crate::text::Lang;

use super::page::escape;

const W: i32 = 420;
const BOX_W: i32 = 200;
const BOX_H: i32 = 52;
const STEP: i32 = 96;
const X0: i32 = 12;

/// The SVG of the frameworks of `data` and `crosswalks` between them.
pub fn render(data: &Data, crosswalks: &[LoadedCrosswalk], lang: Lang) -> String {
    let mut fws: Vec<_> = data.catalog.frameworks.iter().collect();
    fws.sort_by(|a, b| a.year.cmp(&b.year).then(a.id.cmp(&b.id)));
    let y_of = |id: &str| {
        fws.iter()
            .position(|f| f.id == id)
            .map(|i| 16 + i as i32 * STEP)
    };
    let h = 16 + fws.len() as i32 * STEP;
    let mut s = String::new();
    let title = lang.pick(
        "Graf pemetaan: framework dan crosswalk",
        "Mapping graph: frameworks and crosswalks",
    );
    let _ = write!(
        s,
        "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h}\" role=\"img\" aria-label=\"{}\">\
<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#1f6feb\"/></marker></defs>",
        escape(title)
    );
    // Edges first, under the boxes; one per (from, to), its versions listed.
    let mut pairs: Vec<(String, String, Vec<String>, bool)> = Vec::new();
    for c in crosswalks {
        let cw = &c.crosswalk;
        match pairs.iter_mut().find(|p| p.0 == cw.from && p.1 == cw.to) {
            Some(p) => {
                p.2.push(cw.reference());
                p.3 |= cw.primary;
            }
            None => pairs.push((
                cw.from.clone(),
                cw.to.clone(),
                vec![cw.reference()],
                cw.primary,
            )),
        }
    }
    let mut arc = 0;
    for (from, to, refs, primary) in &pairs {
        let (Some(y1), Some(y2)) = (y_of(from), y_of(to)) else {
            continue;
        };
        let width = if *primary { 3 } else { 1 };
        let label = escape(&refs.join(", "));
        if (y2 - y1).abs() == STEP {
            let x = X0 + BOX_W / 2;
            let _ = write!(
                s,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#1f6feb\" stroke-width=\"{width}\" marker-end=\"url(#arrow)\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#57606a\">{label}</text>",
                y1 + BOX_H,
                y2 - 2,
                x + 6,
                (y1 + BOX_H + y2) / 2 + 4
            );
        } else {
            arc += 1;
            let x = X0 + BOX_W;
            let bend = x + 90 + arc * 24;
            let (a, b) = (y1 + BOX_H / 2, y2 + BOX_H / 2);
            // The curve reaches three quarters of the way to its control
            // points; the label stands just right of it.
            let label_x = x + 3 * (bend - x) / 4 + 8;
            let _ = write!(
                s,
                "<path d=\"M{x},{a} C{bend},{a} {bend},{b} {},{b}\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"{width}\" marker-end=\"url(#arrow)\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"middle\" transform=\"rotate(90 {} {})\">{label}</text>",
                x + 2,
                label_x,
                (a + b) / 2,
                label_x,
                (a + b) / 2
            );
        }
    }
    for f in &fws {
        let Some(y) = y_of(&f.id) else { continue };
        let _ = write!(
            s,
            "<rect x=\"{X0}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"6\" fill=\"#f3f8ff\" stroke=\"#1f6feb\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"600\">{}</text>\
<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#57606a\">{} {}, {}</text>",
            X0 + 8,
            y + 21,
            escape(&f.id),
            X0 + 8,
            y + 40,
            f.indicators.len(),
            lang.pick("indikator", "indicators"),
            f.year
        );
    }
    s.push_str("</svg>");
    s
}
