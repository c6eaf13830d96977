//! Geometry of the report's two SVG charts, computed from exact decimals
//! (coordinates rounded to one decimal place), drawn by the HTML template:
//! (a) projected aspect scores beside last year's SPBE levels at face value;
//! (b) indicators by points at stake, as horizontal bars.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{exact, round, show_gain, show2};
use crate::report::model::Report;

/// Width of the drawing (the SVG scales to the page).
pub const WIDTH: u32 = 420;
const BAR: u32 = 330;
/// First label baseline and row height of chart (a): two legend lines above.
const ASPECT_TOP: u32 = 62;
const ASPECT_ROW: u32 = 54;
/// The same for chart (b).
const STAKE_TOP: u32 = 60;
const STAKE_ROW: u32 = 38;
const LABEL_CHARS: usize = 46;

/// Chart (a): two bars per aspect.
#[derive(Debug, Clone, Serialize)]
pub struct AspectChart {
    /// Total height.
    pub height: u32,
    /// Grid lines with their labels (0 to the scale's top).
    pub ticks: Vec<Tick>,
    /// Bottom of the grid lines.
    pub grid_bottom: u32,
    /// One group per aspect.
    pub rows: Vec<AspectBars>,
}

/// A grid line.
#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    /// Horizontal position.
    pub x: String,
    /// Its value.
    pub label: String,
}

/// The bars of one aspect.
#[derive(Debug, Clone, Serialize)]
pub struct AspectBars {
    /// Label baseline.
    pub y: u32,
    /// `no name`, shortened.
    pub label: String,
    /// Last year at face value: bar length and value.
    pub face_w: String,
    /// Value text.
    pub face_text: String,
    /// The projection: bar length.
    pub proj_w: String,
    /// Value text.
    pub proj_text: String,
}

/// Chart (b): one bar per indicator with index points at stake.
#[derive(Debug, Clone, Serialize)]
pub struct StakeChart {
    /// Total height.
    pub height: u32,
    /// One bar per indicator, most at stake first.
    pub rows: Vec<StakeBar>,
}

/// One indicator's bar.
#[derive(Debug, Clone, Serialize)]
pub struct StakeBar {
    /// Label baseline.
    pub y: u32,
    /// `no name`, shortened.
    pub label: String,
    /// Points to the next level: bar length.
    pub next_w: String,
    /// Points to the top: bar length.
    pub max_w: String,
    /// Value text (`+0,068`).
    pub text: String,
    /// Where the value text starts.
    pub text_x: String,
}

fn length(v: Decimal, max: Decimal) -> Decimal {
    if max <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    round(v.max(Decimal::ZERO).min(max) * Decimal::from(BAR) / max, 1)
}

fn len(v: Decimal, max: Decimal) -> String {
    exact(length(v, max))
}

fn short(no: u32, name: &str) -> String {
    let name = name.strip_prefix("Tingkat Kematangan ").unwrap_or(name);
    let label = format!("{no} {name}");
    if label.chars().count() > LABEL_CHARS {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        label
    }
}

/// Chart (a) for `r`.
pub fn aspects(r: &Report) -> AspectChart {
    let top = r.target.scale_max;
    let rows: Vec<AspectBars> = r
        .aspects
        .iter()
        .enumerate()
        .map(|(i, a)| AspectBars {
            y: ASPECT_TOP + i as u32 * ASPECT_ROW,
            label: short(a.no, &a.name),
            face_w: len(a.face, top),
            face_text: show2(a.face, r.lang),
            proj_w: len(a.projected.point, top),
            proj_text: show2(a.projected.point, r.lang),
        })
        .collect();
    let grid_bottom = ASPECT_TOP + rows.len() as u32 * ASPECT_ROW;
    let n = {
        use rust_decimal::prelude::ToPrimitive;
        top.trunc().to_u32().unwrap_or(5).min(10)
    };
    let ticks = (0..=n)
        .map(|k| Tick {
            x: len(Decimal::from(k), top),
            label: k.to_string(),
        })
        .collect();
    AspectChart {
        height: grid_bottom + 24,
        ticks,
        grid_bottom,
        rows,
    }
}

/// Chart (b) for `r`.
pub fn stakes(r: &Report) -> StakeChart {
    // Most points to the next level first (the report's own list follows
    // the action order; the chart shows the points).
    let mut shown: Vec<_> = r
        .indicators
        .iter()
        .filter(|t| t.stake.max > Decimal::ZERO)
        .collect();
    shown.sort_by(|a, b| crate::report::stake::order((&a.stake, a.no), (&b.stake, b.no)));
    let top = shown.iter().map(|t| t.stake.max).max().unwrap_or_default();
    let rows: Vec<StakeBar> = shown
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let max_w = length(t.stake.max, top);
            StakeBar {
                y: STAKE_TOP + i as u32 * STAKE_ROW,
                label: short(t.no, &t.name),
                next_w: len(t.stake.next, top),
                max_w: exact(max_w),
                text: show_gain(t.stake.next, 3, r.lang),
                text_x: exact(max_w + Decimal::from(6)),
            }
        })
        .collect();
    StakeChart {
        height: STAKE_TOP + rows.len() as u32 * STAKE_ROW,
        rows,
    }
}
