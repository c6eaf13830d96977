//! Framework catalogs: the indicators, weights, scales and predicates of
//! each framework version, loaded from `mappings/frameworks/` (embedded in
//! the binary, or from `--data DIR`) and validated on load.

mod load;
mod model;
mod scoring;
mod validate;

use rust_decimal::Decimal;

pub use load::parse_framework;
pub use model::*;
pub use scoring::{ScoredBy, Scoring};
pub use validate::validate_framework;

use crate::decimal::Frac;
use crate::error::{Error, Result};
use crate::text::Lang;
use crate::tr;

/// How the predicate is banded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BandOn {
    /// Band the exact value (KemenPANRB 2024 practice; the default).
    #[default]
    Exact,
    /// Band the value rounded to 2 decimals (KemenPANRB 2023 practice).
    Rounded,
}

impl Framework {
    /// The indicator numbered `no`.
    pub fn indicator(&self, no: u32) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.no == no)
    }

    /// The aspect numbered `no`.
    pub fn aspect(&self, no: u32) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.no == no)
    }

    /// The domain numbered `no`.
    pub fn domain(&self, no: u32) -> Option<&Domain> {
        self.domains.iter().find(|d| d.no == no)
    }

    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_en)
    }

    /// The indicator id `<framework>:<no>`.
    pub fn indicator_id(&self, no: u32) -> String {
        format!("{}:{no}", self.id)
    }

    /// The scored rows, in catalog order: one per indicator, or one per
    /// declared row where the indicator is scored per row.
    pub fn items(&self) -> Vec<Item> {
        let mut out = Vec::with_capacity(self.indicators.len() + 2);
        for ind in &self.indicators {
            if ind.rows.is_empty() {
                out.push(Item {
                    key: ind.no.to_string(),
                    indicator: ind.no,
                    weight: ind.weight,
                });
            } else {
                let share = ind.weight.div_dec(Decimal::from(ind.rows.len() as u64));
                for r in &ind.rows {
                    out.push(Item {
                        key: r.clone(),
                        indicator: ind.no,
                        weight: share,
                    });
                }
            }
        }
        out
    }

    /// The scoring plan: rows with their aspect and domain positions.
    pub fn plan(&self) -> &Plan {
        self.plan.get_or_init(|| {
            let items = self.items();
            let mut aspect = Vec::with_capacity(items.len());
            let mut domain = Vec::with_capacity(items.len());
            for it in &items {
                let a_no = self.indicator(it.indicator).map(|i| i.aspect);
                let a = self.aspects.iter().position(|a| Some(a.no) == a_no);
                let d_no = a.and_then(|a| self.aspects[a].domain);
                aspect.push(a.unwrap_or(usize::MAX));
                domain.push(d_no.and_then(|d| self.domains.iter().position(|x| x.no == d)));
            }
            // The product of the distinct denominators is a common one, and
            // each numerator stays exact (times the other denominators).
            let mut dens: Vec<Decimal> = items.iter().map(|it| it.weight.den).collect();
            dens.sort();
            dens.dedup();
            let den = dens.iter().product();
            let num = items
                .iter()
                .map(|it| {
                    dens.iter()
                        .filter(|d| **d != it.weight.den)
                        .fold(it.weight.num, |n, d| n * d)
                })
                .collect();
            let ids = items
                .iter()
                .map(|it| format!("{}:{}", self.id, it.key))
                .collect();
            let rows = items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.key.clone(), i))
                .collect();
            Plan {
                ids,
                rows,
                items,
                aspect,
                domain,
                den,
                num,
            }
        })
    }

    /// The sum of all indicator weights (100 for a valid catalog).
    pub fn total_weight(&self) -> Frac {
        self.indicators
            .iter()
            .fold(Frac::ZERO, |acc, i| acc + i.weight)
    }

    /// The predicate band of `value`.
    pub fn band(&self, value: Decimal, on: BandOn) -> &Band {
        let v = match on {
            BandOn::Exact => value,
            BandOn::Rounded => crate::decimal::round(value, 2),
        };
        let mut chosen = &self.predicates.bands[0];
        for b in &self.predicates.bands {
            if crate::decimal::order::cmp(v, b.from) != std::cmp::Ordering::Less {
                chosen = b;
            }
        }
        chosen
    }

    /// Whether `value` lies on the scale (and is whole where levels are whole).
    pub fn on_scale(&self, value: Decimal) -> bool {
        value >= self.scale.min
            && value <= self.scale.max
            && (!self.scale.integer || value.fract().is_zero())
    }

    /// The next whole level above `value` on the scale (`1,6` → 2, `2` → 3),
    /// or `None` at the top.
    pub fn next_level(&self, value: Decimal) -> Option<u32> {
        use crate::decimal::order::{ceil_int, floor_int};
        let next = (floor_int(value) + 1).max(ceil_int(self.scale.min));
        if next > floor_int(self.scale.max) {
            return None;
        }
        u32::try_from(next).ok()
    }

    /// What the scale accepts, for error messages.
    pub fn scale_text(&self) -> crate::text::Text {
        let (min, max) = (
            crate::decimal::exact(self.scale.min),
            crate::decimal::exact(self.scale.max),
        );
        if self.scale.integer {
            tr!(
                "tingkat bilangan bulat {} sampai {} ({})",
                "a whole level from {} to {} ({})",
                min,
                max,
                self.id
            )
        } else {
            crate::text::Text::new(
                format!(
                    "nilai desimal {} sampai {} ({})",
                    crate::decimal::localize(&min, Lang::Id),
                    crate::decimal::localize(&max, Lang::Id),
                    self.id
                ),
                format!("a decimal value from {min} to {max} ({})", self.id),
            )
        }
    }

    /// The name of `level` for `indicator` (e.g. `Terdefinisi`), if known.
    pub fn level_name(&self, indicator: &Indicator, level: u32, lang: Lang) -> Option<&str> {
        let scale = indicator
            .level_scale
            .as_deref()
            .or_else(|| self.scale.level_names.keys().next().map(String::as_str))?;
        self.scale
            .level_names
            .get(scale)?
            .get(&level.to_string())
            .map(|t| t.get(lang))
    }

    /// The external index with `key`.
    pub fn external_index(&self, key: &str) -> Option<&ExternalIndex> {
        let k = key.trim().to_ascii_lowercase();
        self.external_indices.iter().find(|e| e.key == k)
    }
}

impl ExternalIndex {
    /// Converts `x` on the index's scale by its bands; `None` when the bands
    /// are unknown or `x` is off the index's scale.
    pub fn convert(&self, x: Decimal) -> Option<Decimal> {
        let ext = self;
        let (edges, targets) = (ext.edges.as_ref()?, ext.target_edges.as_ref()?);
        let lo = ext.min.unwrap_or(edges.first()?.0);
        let hi = ext.max.unwrap_or(edges.last()?.0);
        if x < lo || x > hi {
            return None;
        }
        if x <= edges[0].0 {
            return Some(targets[0].0);
        }
        for i in 0..edges.len() - 1 {
            let (e0, e1) = (edges[i].0, edges[i + 1].0);
            if x <= e1 {
                let (t0, t1) = (targets[i].0, targets[i + 1].0);
                // Multiply before dividing so that the result stays exact.
                let v = t0 + (x - e0) * (t1 - t0) / (e1 - e0);
                return Some(v.normalize());
            }
        }
        Some(targets.last()?.0)
    }
}

/// All framework catalogs, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Frameworks ordered by year.
    pub frameworks: Vec<Framework>,
}

impl Catalog {
    /// Builds a catalog from parsed frameworks, ordering them by year.
    pub fn new(mut frameworks: Vec<Framework>) -> Catalog {
        frameworks.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.id.cmp(&b.id)));
        Catalog { frameworks }
    }

    /// The framework with `id`.
    /// Ids are case-insensitive on input (`SPBE-2020` is `spbe-2020`).
    pub fn get(&self, id: &str) -> Option<&Framework> {
        let id = id.trim();
        self.frameworks
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(id))
    }

    /// The framework with `id` written loosely, as people type it:
    /// `SPBE-2020`, `spbe2020`, `spbe_2020` are `spbe-2020`.
    pub fn get_loose(&self, id: &str) -> Option<&Framework> {
        let loose = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        self.get(id).or_else(|| {
            let want = loose(id);
            self.frameworks.iter().find(|f| loose(&f.id) == want)
        })
    }

    /// The framework with `id` (written loosely, see [`Catalog::get_loose`]),
    /// or a usage error suggesting the closest and listing the known ones.
    pub fn require(&self, id: &str) -> Result<&Framework> {
        self.get_loose(id).ok_or_else(|| {
            let lower = id.trim().to_ascii_lowercase();
            let dist = |f: &Framework| strsim::levenshtein(&lower, &f.id);
            let best = self.frameworks.iter().map(dist).min().filter(|d| *d <= 3);
            let closest: Vec<String> = self
                .frameworks
                .iter()
                .filter(|f| Some(dist(f)) == best)
                .map(|f| format!("`{}`", f.id))
                .collect();
            let hint = match best {
                Some(_) => tr!(
                    "maksud Anda {}? Lihat daftar dengan `spbe-pemdi frameworks`",
                    "did you mean {}? List them with `spbe-pemdi frameworks`",
                    closest.join(" / ")
                ),
                None => tr!(
                    "lihat daftar dengan `spbe-pemdi frameworks`",
                    "list them with `spbe-pemdi frameworks`"
                ),
            };
            Error::usage(tr!(
                "framework tidak dikenal: `{}`",
                "unknown framework: `{}`",
                id
            ))
            .expected(crate::text::Text::same(self.ids().join(", ")))
            .with_hint(hint)
        })
    }

    /// Framework ids, oldest first.
    pub fn ids(&self) -> Vec<&str> {
        self.frameworks.iter().map(|f| f.id.as_str()).collect()
    }

    /// The newest framework.
    pub fn newest(&self) -> Option<&Framework> {
        self.frameworks.last()
    }
}
