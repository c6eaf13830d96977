//! Converting last year's assessment: carry the answers forward along a
//! path of crosswalks to a newer framework, with provenance, honest ranges,
//! a certainty class per target indicator, and a projected index.
//!
//! Point estimates (documented in README.md):
//! - a carried or derived target gets the value its map's level rule gives
//!   the aggregated source values (`weighted_mean` over the answered sources
//!   unless the map says otherwise), rounded half up to the target's
//!   precision (2 decimals on a decimal scale, whole levels otherwise);
//! - a gap, or an external index not given, counts at the scale's floor:
//!   an agency that has not done the new thing scores the lowest level.
//!
//! Ranges: a carried value keeps the range of its sources through the rule;
//! everything else reaches down to the floor, and up to the ceiling unless
//! the sources cover the whole target (`equal`, `superset`), whose own level
//! then bounds it (the new rubric is stricter, never looser).

mod calibrated;
mod converters;
pub mod draft;
mod engine;
pub mod explain;
pub mod model;
pub mod outline;
mod pins;
mod prepare;
mod project;
mod provenance;
mod render;
mod rungs;
mod steps;

use rust_decimal::Decimal;

pub use calibrated::{BandUse, CalibrationUse};
pub use converters::Converters;
pub use model::*;
pub use outline::{Outline, Settled};
pub use pins::pinned;
pub use project::{class_help, evidenced_cell, project, range_lines};
pub use render::{render_json, render_text};
pub use rungs::RungRead;

use crate::assessment::Assessment;
use crate::calibration::Calibration;
use crate::catalog::{ExternalIndex, Framework};
use crate::crosswalk::LoadedCrosswalk;
use crate::data::Data;
use crate::error::Result;
use crate::graph::Pin;

/// What to convert to, and how.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    /// Target framework (default: the newest).
    pub to: Option<String>,
    /// Frameworks the path must pass through, in order.
    pub via: Vec<String>,
    /// Crosswalk versions to use.
    pub pins: Vec<Pin>,
    /// External index values for the target (`sdi`, ...).
    pub external: Vec<(String, Decimal)>,
}

/// A conversion prepared once for a source framework (path chosen,
/// crosswalks loaded), to convert many assessments.
pub struct Converter<'a> {
    data: &'a Data,
    from: &'a Framework,
    to: &'a Framework,
    hops: Vec<(
        LoadedCrosswalk,
        engine::Prepared,
        &'a Framework,
        &'a Framework,
    )>,
    external: Vec<(String, Decimal)>,
    stamp: Stamp,
    path: Vec<String>,
    /// Each target indicator's id and weight, as written in outputs.
    labels: Vec<(String, String)>,
    /// The external index each target indicator is scored from, if any.
    externals: Vec<Option<&'a ExternalIndex>>,
    /// The calibration of the path's last crosswalk, if the data set has one.
    calibration: Option<Calibration>,
    /// What the outputs say about it.
    calibration_use: Option<CalibrationUse>,
}

impl<'a> Converter<'a> {
    /// The calibration in use, if any.
    pub fn calibration(&self) -> Option<&Calibration> {
        self.calibration.as_ref()
    }

    /// The target framework.
    pub fn target(&self) -> &'a Framework {
        self.to
    }

    /// The path taken: `id@version` of each crosswalk, first hop first.
    pub fn path(&self) -> &[String] {
        &self.path
    }

    /// The data set.
    pub fn data(&self) -> &'a Data {
        self.data
    }
}

/// Converts `a` with fresh options (prepares a [`Converter`] and uses it once).
pub fn convert(data: &Data, a: &Assessment, opts: &ConvertOptions) -> Result<Conversion> {
    Converter::new(data, &a.framework, opts)?.convert(a)
}
