//! Calibrations: the projection (what assessors will likely give) is the
//! evidenced value through a calibration of few parameters fitted from real
//! pairs of results. A calibration is data (`calibrations/<crosswalk
//! id>.json`) with its version, its pairs, its method and its errors
//! against trivial baselines; `calibrate` fits it from a manifest of pairs.

pub mod diff;
pub mod fit;
pub mod manifest;
mod measure;
pub mod model;
mod render;
mod run;

use rust_decimal::Decimal;

pub use model::{Calibration, INDICATIVE_BELOW, Method, apply};
pub use render::{render_json, render_text, review_markdown};
pub use run::{IndicatorResult, Outcome, PairResult, run};

use crate::convert::Class;
use crate::data::Data;
use crate::error::{Error, Result};
use crate::text::Lang;
use crate::tr;

/// The data-set path of a crosswalk's calibration.
pub fn path_of(id: &str) -> String {
    format!("calibrations/{id}.json")
}

/// The calibration of crosswalk `id` in `data`, if there is one.
pub fn load(data: &Data, id: &str) -> Result<Option<Calibration>> {
    let path = path_of(id);
    let Some(f) = data.files.iter().find(|f| f.path == path) else {
        return Ok(None);
    };
    let c: Calibration = crate::json::from_str(&f.label, &f.text)?;
    if c.id != id {
        return Err(Error::input(
            &f.label,
            tr!(
                "id kalibrasi `{}` tidak sama dengan nama berkas `{}`",
                "calibration id `{}` does not match the file name `{}`",
                c.id,
                id
            ),
        )
        .at(crate::error::Place::Field("id".into())));
    }
    Ok(Some(c))
}

/// Whether the calibration applies to a target value: a value built from
/// the old answers under the new rubric (`carried`, `derived`); not an
/// external index value, not a gap, and not a proxy standing in for an
/// external index (assessors score those from the index, not from
/// documents, so neither the offset nor the band is theirs).
pub fn calibrated(class: Class, value: Option<Decimal>) -> bool {
    // Every class named, so that a class added later is decided here.
    match class {
        Class::Carried | Class::Derived => value.is_some(),
        Class::Proxy | Class::Gap | Class::External => false,
    }
}

/// How little (or much) a calibration rests on: "1 pasangan, sementara".
pub fn basis(c: &Calibration, lang: Lang) -> String {
    let prov = c.provisional();
    let status = if prov == c.n {
        lang.pick("sementara", "provisional").to_string()
    } else if prov == 0 {
        lang.pick("final", "final").to_string()
    } else {
        match lang {
            Lang::Id => format!("{prov} sementara"),
            Lang::En => format!("{prov} provisional"),
        }
    };
    let mut s = match lang {
        Lang::Id => format!("{} pasangan, {status}", c.n),
        Lang::En => format!("{} pair{}, {status}", c.n, if c.n == 1 { "" } else { "s" }),
    };
    if c.indicative() {
        s.push_str(lang.pick(", indikatif", ", indicative"));
    }
    s
}

pub(crate) fn describe(c: &Calibration, lang: Lang) -> String {
    let num = |d: Decimal| show_exact(d, lang);
    let opt = |d: Option<Decimal>| d.map_or("–".to_string(), num);
    let names: Vec<String> = c
        .pairs
        .iter()
        .take(3)
        .map(|p| {
            let years = match (p.from_year, p.to_year) {
                (Some(a), Some(b)) => format!(" ({a} → {b})"),
                _ => String::new(),
            };
            format!("{}{years}", p.agency)
        })
        .collect();
    let more = c.pairs.len().saturating_sub(3);
    let mut who = names.join("; ");
    if more > 0 {
        who.push_str(&match lang {
            Lang::Id => format!("; dan {more} lainnya"),
            Lang::En => format!("; and {more} more"),
        });
    }
    let params = match c.method {
        Method::Global => format!(
            "c = {}, s = {}",
            num(c.parameters.offset),
            num(c.parameters.strictness)
        ),
        Method::PerAspect => std::iter::once(format!("c = {}", num(c.parameters.offset)))
            .chain(
                c.parameters
                    .aspects
                    .iter()
                    .map(|(k, v)| format!("s{k} = {}", num(v.0))),
            )
            .collect::<Vec<_>>()
            .join(", "),
    };
    let floor = c.errors.baselines.get("floor").cloned().unwrap_or_default();
    let ins = &c.errors.in_sample;
    let loo = match (&c.errors.leave_one_out, lang) {
        (Some(l), Lang::Id) => format!(
            " Galat leave-one-out: indeks {}, per indikator {}.",
            opt(l.index_mae),
            opt(l.indicator_mae)
        ),
        (Some(l), Lang::En) => format!(
            " Leave-one-out errors: index {}, per indicator {}.",
            opt(l.index_mae),
            opt(l.indicator_mae)
        ),
        (None, Lang::Id) => " Tanpa galat leave-one-out (perlu 2 pasangan atau lebih).".into(),
        (None, Lang::En) => " No leave-one-out errors (they need 2 pairs or more).".into(),
    };
    let kind = match c.method {
        Method::Global => lang.pick(
            "satu kemiringan global dan satu geseran global",
            "one global slope and one global offset",
        ),
        Method::PerAspect => lang.pick(
            "satu kemiringan per aspek dan satu geseran global",
            "one slope per aspect and one global offset",
        ),
    };
    match lang {
        Lang::Id => format!(
            "Proyeksi = 1 + c + s × (nilai terbukti − 1), dibatasi ke skala; {params} ({kind}), dengan kuadrat terkecil berbobot atas nilai per indikator dari {basis}: {who}. Galat dalam sampel: indeks {}, per indikator {} (dasar semua di lantai: {}). Pita kalibrasi ±{} ({}% residual {}).{loo}",
            opt(ins.index_mae),
            opt(ins.indicator_mae),
            opt(floor.indicator_mae),
            crate::decimal::show2(c.band.width, lang),
            num(c.band.coverage * Decimal::ONE_HUNDRED),
            if c.band.residuals == "in_sample" {
                "dalam sampel"
            } else {
                "leave-one-out"
            },
            basis = basis(c, lang),
        ),
        Lang::En => format!(
            "Projection = 1 + c + s × (evidenced value − 1), clamped to the scale; {params} ({kind}), by weighted least squares over the per-indicator values of {basis}: {who}. In-sample errors: index {}, per indicator {} (all-floor baseline: {}). Calibration band ±{} ({}% of the {} residuals).{loo}",
            opt(ins.index_mae),
            opt(ins.indicator_mae),
            opt(floor.indicator_mae),
            crate::decimal::show2(c.band.width, lang),
            num(c.band.coverage * Decimal::ONE_HUNDRED),
            if c.band.residuals == "in_sample" {
                "in-sample"
            } else {
                "leave-one-out"
            },
            basis = basis(c, lang),
        ),
    }
}

/// An exact decimal for people (decimal comma in Indonesian).
pub fn show_exact(d: Decimal, lang: Lang) -> String {
    crate::decimal::localize(&crate::decimal::exact(d.normalize()), lang)
}
