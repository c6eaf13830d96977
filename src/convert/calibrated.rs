//! The projection step after the engine: a target's evidenced value through
//! the data set's calibration, widened by its band, and what a conversion
//! says about the calibration it used.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calibration::Calibration;
use crate::convert::{Converter, Settled};
use crate::text::Text;
use crate::tr;

/// The calibration band applied to a value: ± `width`, from the residuals
/// of `n` pairs of real results (*indikatif* while n < 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BandUse {
    /// Half-width added below and above.
    #[serde(with = "crate::decimal::serde_dec")]
    pub width: Decimal,
    /// Pairs the calibration rests on.
    pub n: usize,
    /// Whether it is only indicative (n < 10).
    pub indicative: bool,
    /// The strictness applied to this value (its aspect's, or the global one).
    #[serde(with = "crate::decimal::serde_dec")]
    pub strictness: Decimal,
}

/// The calibration a conversion used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalibrationUse {
    /// `id@version`.
    pub calibration: String,
    /// `global` or `per_aspect`.
    pub method: String,
    /// The global offset `c`.
    #[serde(with = "crate::decimal::serde_dec")]
    pub offset: Decimal,
    /// The global strictness.
    #[serde(with = "crate::decimal::serde_dec")]
    pub strictness: Decimal,
    /// Pairs it rests on.
    pub n: usize,
    /// Of which provisional.
    pub provisional: usize,
    /// Whether it is only indicative (n < 10).
    pub indicative: bool,
    /// The band.
    pub band: BandUse,
    /// How much it rests on, in words ("1 pasangan, sementara, indikatif").
    pub basis: Text,
    /// When the conversion's path is not the one the calibration was fitted on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Converter<'_> {
    /// The post-step after the engine: a target's evidenced value through
    /// the calibration (the projection), its range the evidenced range
    /// through the calibration widened by the band. Without a calibration,
    /// or for a value not built from old answers (a gap, an external index)
    /// or standing in for an index (a proxy), the projection is the
    /// evidenced value.
    pub(crate) fn calibrate(&self, aspect: u32, mut s: Settled) -> Settled {
        let Some(c) = &self.calibration else {
            return s;
        };
        if !crate::calibration::calibrated(s.class, s.value) {
            return s;
        }
        let fw = self.to;
        let index = |_: &[Decimal]| Decimal::ZERO;
        let sc = crate::calibration::fit::Scale {
            min: fw.scale.min,
            max: fw.scale.max,
            dp: if fw.scale.integer { 0 } else { 2 },
            index: &index,
        };
        let p = crate::calibration::fit::project_row(
            s.evidenced,
            c.offset(),
            c.strictness(aspect),
            c.band.width,
            &sc,
        );
        s.estimate = p;
        s.value = Some(p.point);
        s.band = self.calibration_use.as_ref().map(|u| BandUse {
            strictness: c.strictness(aspect),
            ..u.band
        });
        s
    }
}

/// What a conversion says about the calibration `c` it uses on `path`.
pub(super) fn calibration_use(c: &Calibration, path: &[String]) -> CalibrationUse {
    let basis = Text::new(
        crate::calibration::basis(c, crate::text::Lang::Id),
        crate::calibration::basis(c, crate::text::Lang::En),
    );
    let note = (c.crosswalks != path).then(|| {
        tr!(
            "kalibrasi ini dipasang pada jalur {}; konversi ini memakai {}",
            "this calibration was fitted on the path {}; this conversion uses {}",
            c.crosswalks.join(" → "),
            path.join(" → ")
        )
    });
    CalibrationUse {
        calibration: c.reference(),
        method: c.method.as_str().to_string(),
        offset: c.parameters.offset,
        strictness: c.parameters.strictness,
        n: c.n,
        provisional: c.provisional(),
        indicative: c.indicative(),
        band: BandUse {
            width: c.band.width,
            n: c.n,
            indicative: c.indicative(),
            strictness: c.parameters.strictness,
        },
        basis,
        note,
    }
}
