//! Measuring predictors over pairs: weighted per-indicator and index
//! errors, Spearman's rank correlation, how often ranges contain the real
//! values; and the three baselines (floor, ratio, line in the old index),
//! closed-form so that leave-one-out is a subtraction.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::calibration::fit::{Obs, Prediction, Scale, flat, r4};
use crate::calibration::model::Errors;
use crate::decimal::order;

/// Accumulates the errors of one predictor over pairs.
#[derive(Default)]
pub(super) struct Tally {
    abs_w: Decimal,
    w: Decimal,
    ind_max: Option<Decimal>,
    ind_in: usize,
    ind_n: usize,
    idx: Vec<(Decimal, Decimal)>,
    idx_in: usize,
    ranged: bool,
}

impl Tally {
    pub(super) fn add(&mut self, o: &Obs, pr: &Prediction) {
        self.ranged = pr.ranged;
        for (r, p) in o.rows.iter().zip(&pr.rows) {
            let Some(y) = r.real else { continue };
            let d = (y - p.point).abs();
            self.abs_w += r.weight * d;
            self.w += r.weight;
            self.ind_max = Some(self.ind_max.map_or(d, |m| order::max(m, d)));
            if r.calibrated {
                self.ind_n += 1;
                if p.low <= y && y <= p.high {
                    self.ind_in += 1;
                }
            }
        }
        if let Some(y) = o.real_index {
            self.idx.push((pr.index.point, y));
            if pr.index.low <= y && y <= pr.index.high {
                self.idx_in += 1;
            }
        }
    }

    pub(super) fn finish(self) -> Errors {
        let share = |a: usize, b: usize| (b > 0).then(|| r4(Decimal::from(a) / Decimal::from(b)));
        let k = self.idx.len();
        let diffs: Vec<Decimal> = self.idx.iter().map(|(p, y)| (y - p).abs()).collect();
        Errors {
            indicator_mae: (self.w > Decimal::ZERO).then(|| r4(self.abs_w / self.w)),
            indicator_max: self.ind_max.map(r4),
            index_mae: (k > 0).then(|| r4(diffs.iter().sum::<Decimal>() / Decimal::from(k))),
            index_max: diffs.iter().copied().reduce(order::max).map(r4),
            spearman: (k >= 3).then(|| spearman(&self.idx)).flatten(),
            indicator_coverage: if self.ranged {
                share(self.ind_in, self.ind_n)
            } else {
                None
            },
            index_coverage: if self.ranged {
                share(self.idx_in, k)
            } else {
                None
            },
        }
    }
}

/// Average ranks (1-based, ties share their mean rank).
pub(super) fn ranks(v: &[Decimal]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|a, b| order::cmp(v[*a], v[*b]));
    let mut out = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && order::eq(v[idx[j + 1]], v[idx[i]]) {
            j += 1;
        }
        let r = (i + j) as f64 / 2.0 + 1.0;
        for k in &idx[i..=j] {
            out[*k] = r;
        }
        i = j + 1;
    }
    out
}

/// Spearman's rank correlation of predicted and real indices, 4 decimals.
pub(super) fn spearman(pairs: &[(Decimal, Decimal)]) -> Option<Decimal> {
    let (p, y): (Vec<Decimal>, Vec<Decimal>) = pairs.iter().copied().unzip();
    let (a, b) = (ranks(&p), ranks(&y));
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, z) in a.iter().zip(&b) {
        sab += (x - ma) * (z - mb);
        saa += (x - ma) * (x - ma);
        sbb += (z - mb) * (z - mb);
    }
    if saa == 0.0 || sbb == 0.0 {
        return None;
    }
    let rho = sab / (saa * sbb).sqrt();
    Decimal::from_f64_retain(rho).map(r4)
}

/// Closed-form sums for the index baselines over pairs with a real index.
#[derive(Clone, Copy, Default)]
struct Line {
    k: Decimal,
    sx: Decimal,
    sy: Decimal,
    sxx: Decimal,
    sxy: Decimal,
}

impl Line {
    fn of(o: &Obs) -> Line {
        match o.real_index {
            Some(y) => {
                let x = o.old_index;
                Line {
                    k: Decimal::ONE,
                    sx: x,
                    sy: y,
                    sxx: x * x,
                    sxy: x * y,
                }
            }
            None => Line::default(),
        }
    }

    fn minus(self, o: Line) -> Line {
        Line {
            k: self.k - o.k,
            sx: self.sx - o.sx,
            sy: self.sy - o.sy,
            sxx: self.sxx - o.sxx,
            sxy: self.sxy - o.sxy,
        }
    }

    fn plus(self, o: Line) -> Line {
        self.minus(Line {
            k: -o.k,
            sx: -o.sx,
            sy: -o.sy,
            sxx: -o.sxx,
            sxy: -o.sxy,
        })
    }

    /// Pemdi ≈ r × old index.
    fn ratio(&self) -> Option<Decimal> {
        (self.sxx > Decimal::ZERO).then(|| self.sxy / self.sxx)
    }

    /// Pemdi ≈ a + b × old index (b = 0 when the old indices do not vary).
    fn line(&self) -> Option<(Decimal, Decimal)> {
        if self.k <= Decimal::ZERO {
            return None;
        }
        let den = self.k * self.sxx - self.sx * self.sx;
        let b = if den > Decimal::ZERO {
            (self.k * self.sxy - self.sx * self.sy) / den
        } else {
            Decimal::ZERO
        };
        Some(((self.sy - b * self.sx) / self.k, b))
    }
}

pub(super) fn baselines(obs: &[Obs], sc: &Scale<'_>) -> BTreeMap<String, Errors> {
    let lines: Vec<Line> = obs.iter().map(Line::of).collect();
    let total = lines.iter().fold(Line::default(), |a, l| a.plus(*l));
    let mut out = BTreeMap::new();
    let run = |f: &dyn Fn(&Obs, Line) -> Prediction, loo: bool| {
        let mut t = Tally::default();
        for (o, l) in obs.iter().zip(&lines) {
            let fit = if loo { total.minus(*l) } else { total };
            t.add(o, &f(o, fit));
        }
        t.finish()
    };
    let floor = |o: &Obs, _: Line| flat(o, sc.min, sc);
    let ratio = |o: &Obs, l: Line| match l.ratio() {
        Some(r) => flat(o, r * o.old_index, sc),
        None => flat(o, sc.min, sc),
    };
    let linear = |o: &Obs, l: Line| match l.line() {
        Some((a, b)) => flat(o, a + b * o.old_index, sc),
        None => flat(o, sc.min, sc),
    };
    out.insert("floor".to_string(), run(&floor, false));
    out.insert("ratio".to_string(), run(&ratio, false));
    out.insert("linear".to_string(), run(&linear, false));
    if obs.len() >= 2 {
        out.insert("ratio_loo".to_string(), run(&ratio, true));
        out.insert("linear_loo".to_string(), run(&linear, true));
    }
    out
}
