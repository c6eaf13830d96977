//! The starting nodes: the assessment's own answers, one node per
//! indicator of its framework.

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::catalog::Framework;
use crate::convert::engine::{MAX_ANSWERS, Mask, Node, Nodes};
use crate::convert::model::Estimate;
use crate::crosswalk::{RelSet, Relation};

/// The starting nodes: the assessment's answers, one node per indicator
/// (rows scored per service are averaged: they are the same indicator).
/// Answers beyond [`MAX_ANSWERS`] cannot occur: a catalog has fewer rows.
pub fn start(fw: &Framework, a: &Assessment) -> Nodes {
    let plan = fw.plan();
    let mut sums: Vec<(Decimal, u32, Mask)> = vec![(Decimal::ZERO, 0, 0); fw.indicators.len()];
    // Answers are in catalog order: look up rows and positions moving
    // forward (the next row by its key first, the number only otherwise).
    let (mut row, mut pos) = (0, 0);
    for (i, ans) in a.answers.iter().enumerate().take(MAX_ANSWERS) {
        let no = match plan.items.get(row) {
            Some(it) if it.key == ans.key() => {
                row += 1;
                it.indicator
            }
            _ => match ans.indicator_no() {
                Some(no) => no,
                None => continue,
            },
        };
        if fw.indicators.get(pos).is_none_or(|ind| ind.no != no) {
            match fw.indicators.iter().position(|ind| ind.no == no) {
                Some(p) => pos = p,
                None => continue,
            }
        }
        let e = &mut sums[pos];
        e.0 = if e.1 == 0 { ans.value } else { e.0 + ans.value };
        e.1 += 1;
        e.2 |= 1 << i;
    }
    sums.into_iter()
        .map(|(sum, n, mask)| {
            let mut node = Node::unknown(vec![]);
            if n > 0 {
                // One answer is its own mean.
                let mean = if n == 1 { sum } else { sum / Decimal::from(n) }.normalize();
                node.est = Some(Estimate::exact(mean));
                node.face = Some(mean);
                node.carried = true;
                node.exact = true;
                node.relation = RelSet::one(Relation::Equal);
                node.sources = mask;
                node.reuse = mask;
            }
            node
        })
        .collect()
}
