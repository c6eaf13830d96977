//! Level rules: how a source value becomes a target value, on exact
//! decimals. Levels are not sets: the relation of a map says what the
//! indicators cover, the level rule what a level is worth on the new scale.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::Framework;
use crate::decimal::{exact, order, serde_dec};

/// How a source value becomes a target value; the result is clamped to
/// the target scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawRule")]
pub enum LevelRule {
    /// The same value.
    Identity,
    /// An explicit monotone table, interpolated linearly between keys.
    Table {
        /// Source value → target value.
        table: Table,
    },
    /// The same value, never above `max`.
    Cap {
        /// The highest value the target can get.
        #[serde(with = "serde_dec")]
        max: Decimal,
    },
}

/// A level rule as written, before checking that its fields fit its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    kind: RuleKind,
    #[serde(default)]
    table: Option<Table>,
    #[serde(default, with = "crate::decimal::serde_opt_dec")]
    max: Option<Decimal>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleKind {
    Identity,
    Table,
    Cap,
}

impl TryFrom<RawRule> for LevelRule {
    type Error = String;

    fn try_from(r: RawRule) -> Result<LevelRule, String> {
        match (r.kind, r.table, r.max) {
            (RuleKind::Identity, None, None) => Ok(LevelRule::Identity),
            (RuleKind::Table, Some(table), None) => Ok(LevelRule::Table { table }),
            (RuleKind::Cap, None, Some(max)) => Ok(LevelRule::Cap { max }),
            (RuleKind::Identity, ..) => {
                Err("an `identity` rule has no `table` or `max`".to_string())
            }
            (RuleKind::Table, _, _) => Err("a `table` rule needs `table` and no `max`".to_string()),
            (RuleKind::Cap, _, _) => Err("a `cap` rule needs `max` and no `table`".to_string()),
        }
    }
}

/// The value range of a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bounds {
    /// Lowest value.
    pub min: Decimal,
    /// Highest value.
    pub max: Decimal,
}

impl Bounds {
    /// The range of `fw`'s scale.
    pub fn of(fw: &Framework) -> Bounds {
        Bounds {
            min: fw.scale.min,
            max: fw.scale.max,
        }
    }

    /// `v`, moved into the range.
    pub fn clamp(self, v: Decimal) -> Decimal {
        if order::cmp(v, self.min) == Ordering::Less {
            self.min
        } else if order::cmp(v, self.max) == Ordering::Greater {
            self.max
        } else {
            v
        }
    }

    /// Whether `v` lies in the range.
    pub fn contains(self, v: Decimal) -> bool {
        order::cmp(v, self.min) != Ordering::Less && order::cmp(v, self.max) != Ordering::Greater
    }

    /// The whole levels in the range, ascending (0-5 for spbe-2018, 1-5
    /// otherwise). At most 1000, so that a strange scale cannot blow up.
    pub fn whole_levels(self) -> Vec<Decimal> {
        let mut out = Vec::new();
        let mut l = self.min.ceil();
        while l <= self.max && out.len() < 1000 {
            out.push(l);
            match l.checked_add(Decimal::ONE) {
                Some(next) => l = next,
                None => break,
            }
        }
        out
    }
}

impl LevelRule {
    /// The value for source value `v`, before clamping.
    pub fn apply(&self, v: Decimal) -> Decimal {
        match self {
            LevelRule::Identity => v,
            LevelRule::Table { table } => table.eval(v).unwrap_or(v),
            LevelRule::Cap { max } => order::min(v, *max),
        }
    }

    /// The value for source value `v`, clamped to `target`.
    pub fn eval(&self, v: Decimal, target: Bounds) -> Decimal {
        target.clamp(self.apply(v))
    }

    /// Whether a higher source value never gives a lower target value.
    pub fn is_monotone(&self) -> bool {
        match self {
            LevelRule::Identity | LevelRule::Cap { .. } => true,
            LevelRule::Table { table } => table.first_descent().is_none(),
        }
    }

    /// `identity`, `table` or `cap`.
    pub fn kind(&self) -> &'static str {
        match self {
            LevelRule::Identity => "identity",
            LevelRule::Table { .. } => "table",
            LevelRule::Cap { .. } => "cap",
        }
    }
}

impl fmt::Display for LevelRule {
    /// `identity`, `cap 3`, `table 1→1 2→1 3→1.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LevelRule::Identity => f.write_str("identity"),
            LevelRule::Cap { max } => write!(f, "cap {}", exact(*max)),
            LevelRule::Table { table } => {
                f.write_str("table")?;
                for (k, v) in table.entries() {
                    write!(f, " {}→{}", exact(*k), exact(*v))?;
                }
                Ok(())
            }
        }
    }
}

/// A level table: source value → target value, sorted by source value,
/// keys unique. Written in files as an object of decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table(Vec<(Decimal, Decimal)>);

impl Table {
    /// A table from entries in any order; `None` when a key repeats.
    pub fn new(mut entries: Vec<(Decimal, Decimal)>) -> Option<Table> {
        entries.sort_by_key(|e| e.0);
        if entries.windows(2).any(|w| w[0].0 == w[1].0) {
            return None;
        }
        Some(Table(entries))
    }

    /// The entries, ascending by key.
    pub fn entries(&self) -> &[(Decimal, Decimal)] {
        &self.0
    }

    /// The value at exactly `key`.
    pub fn get(&self, key: Decimal) -> Option<Decimal> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// The value at `v`: the first or last value outside the keys, linear
    /// interpolation between them. `None` only for an empty table.
    pub fn eval(&self, v: Decimal) -> Option<Decimal> {
        let (first, last) = (self.0.first()?, self.0.last()?);
        if order::cmp(v, first.0) != Ordering::Greater {
            return Some(first.1);
        }
        if order::cmp(v, last.0) != Ordering::Less {
            return Some(last.1);
        }
        for w in self.0.windows(2) {
            let ((k0, t0), (k1, t1)) = (w[0], w[1]);
            let at = order::cmp(v, k0);
            if at == Ordering::Equal {
                return Some(t0);
            }
            if at == Ordering::Greater && order::cmp(v, k1) == Ordering::Less {
                // t0 + (v - k0)·(t1 - t0)/(k1 - k0); on overflow (absurd
                // values), the lower key's value.
                let step = v
                    .checked_sub(k0)
                    .zip(t1.checked_sub(t0))
                    .and_then(|(dv, dt)| dv.checked_mul(dt))
                    .zip(k1.checked_sub(k0))
                    .and_then(|(x, dk)| x.checked_div(dk));
                return Some(step.and_then(|s| t0.checked_add(s)).unwrap_or(t0));
            }
        }
        Some(last.1)
    }

    /// The first pair of keys `(k0, k1)`, `k0 < k1`, where the value goes down.
    pub fn first_descent(&self) -> Option<(Decimal, Decimal)> {
        self.0
            .windows(2)
            .find(|w| w[1].1 < w[0].1)
            .map(|w| (w[0].0, w[1].0))
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (exact(*k), exact(*v))))
    }
}

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Table, D::Error> {
        d.deserialize_map(TableVisitor)
    }
}

struct TableVisitor;

impl<'de> Visitor<'de> for TableVisitor {
    type Value = Table;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of source value → target value, e.g. {\"1\": \"1\", \"2\": \"1.5\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Table, A::Error> {
        use serde::de::Error;
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
            let k = crate::decimal::parse(&key).ok_or_else(|| {
                A::Error::custom(format!("table key `{key}` is not a number (write \"3\")"))
            })?;
            let v = serde_dec::from_value(&value).ok_or_else(|| {
                A::Error::custom(format!(
                    "table value `{value}` for key `{key}` is not a decimal (write \"1.5\")"
                ))
            })?;
            if entries.iter().any(|(e, _)| *e == k) {
                return Err(A::Error::custom(format!("table key `{key}` appears twice")));
            }
            entries.push((k, v));
        }
        Table::new(entries).ok_or_else(|| A::Error::custom("a table key appears twice"))
    }
}

/// One step of a composed level function: a rule and the scale it lands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The rule.
    pub rule: LevelRule,
    /// The target scale, to which the result is clamped.
    pub target: Bounds,
}

/// Level rules composed along a path: each step's result feeds the next.
/// Monotone rules compose to a monotone function. The empty chain is the
/// identity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelChain {
    /// The steps, first hop first.
    pub steps: Vec<Step>,
}

impl LevelChain {
    /// The identity.
    pub fn new() -> LevelChain {
        LevelChain::default()
    }

    /// This chain followed by `rule` onto `target`.
    pub fn then(mut self, rule: LevelRule, target: Bounds) -> LevelChain {
        self.steps.push(Step { rule, target });
        self
    }

    /// The value for source value `v` at the end of the chain.
    pub fn eval(&self, v: Decimal) -> Decimal {
        self.steps.iter().fold(v, |x, s| s.rule.eval(x, s.target))
    }

    /// The function on the whole levels of `source` (the first source
    /// scale): `(level, value)` pairs, ascending.
    pub fn tabulate(&self, source: Bounds) -> Vec<(Decimal, Decimal)> {
        source
            .whole_levels()
            .into_iter()
            .map(|l| (l, self.eval(l)))
            .collect()
    }

    /// Whether every step is monotone (so the composition is).
    pub fn is_monotone(&self) -> bool {
        self.steps.iter().all(|s| s.rule.is_monotone())
    }

    /// `identity ∘ table 1→1 …`, first hop first, joined by ` ; `.
    pub fn describe(&self) -> String {
        if self.steps.is_empty() {
            return "identity".to_string();
        }
        let parts: Vec<String> = self.steps.iter().map(|s| s.rule.to_string()).collect();
        parts.join(" ; ")
    }
}
