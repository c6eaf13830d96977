//! Whether two routes between the same frameworks agree about one source
//! indicator: the same targets reached, relation sets that intersect, and
//! level functions within one level of each other at every whole source
//! level. Used by `validate` (as warnings) and `mapping trace`.

use rust_decimal::Decimal;

use crate::crosswalk::RelSet;
use crate::graph::Trace;

/// How the two routes compare at one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The target indicator number.
    pub target: u32,
    /// Reached by the first route.
    pub first: bool,
    /// Reached by the second route.
    pub second: bool,
    /// Relations by the first route (empty when not reached).
    pub first_relation: RelSet,
    /// Relations by the second route.
    pub second_relation: RelSet,
    /// The first whole source level where the level functions differ by
    /// more than one level: `(level, first, second)`.
    pub level_gap: Option<(Decimal, Decimal, Decimal)>,
}

impl Agreement {
    /// Both reach the target, relations intersect and levels are close.
    pub fn agrees(&self) -> bool {
        self.first
            && self.second
            && !self
                .first_relation
                .intersect(self.second_relation)
                .is_empty()
            && self.level_gap.is_none()
    }
}

fn best(t: &Trace, target: u32, l: Decimal) -> Option<Decimal> {
    t.routes
        .iter()
        .filter(|r| r.target == target)
        .map(|r| r.level.eval(l))
        .max()
}

/// Compares the traces of one source indicator along two paths, at every
/// target either reaches, in target order.
pub fn compare(a: &Trace, b: &Trace, levels: &[Decimal]) -> Vec<Agreement> {
    let (ta, tb) = (a.targets(), b.targets());
    ta.union(&tb)
        .map(|t| {
            let (first, second) = (ta.contains(t), tb.contains(t));
            let level_gap = if first && second {
                levels.iter().find_map(|l| {
                    let (x, y) = (best(a, *t, *l)?, best(b, *t, *l)?);
                    x.checked_sub(y)
                        .is_some_and(|d| d.abs() > Decimal::ONE)
                        .then_some((*l, x, y))
                })
            } else {
                None
            };
            Agreement {
                target: *t,
                first,
                second,
                first_relation: a.relation_to(*t),
                second_relation: b.relation_to(*t),
                level_gap,
            }
        })
        .collect()
}
