//! What is known of one indicator along the path: its estimate, face
//! value, certainty, relation and the answers it rests on.

use rust_decimal::Decimal;

use crate::convert::model::{Estimate, HopUse};
use crate::crosswalk::{Confidence, RelSet};
use crate::text::Text;

/// A set of the assessment's answers, by position (an assessment has at
/// most one answer per scored row, and catalogs have at most 128 rows).
pub type Mask = u128;

/// The most answers a [`Mask`] can hold.
pub const MAX_ANSWERS: usize = 128;

/// What is known of one indicator of some framework along the path.
#[derive(Debug, Clone)]
pub struct Node {
    /// The estimate, or `None` when nothing is known.
    pub est: Option<Estimate>,
    /// The original answers at face value: aggregated as the maps say but
    /// without any level rule (what last year's levels would read as here).
    pub face: Option<Decimal>,
    /// Whether every hop so far was an `equal` map at high confidence with
    /// every source answered.
    pub carried: bool,
    /// Whether the range and the face value are the point itself (as for
    /// an original answer).
    pub exact: bool,
    /// Weakest confidence of the maps used (`None` for an original answer).
    pub confidence: Option<Confidence>,
    /// What the original answers cover of this indicator, as sets.
    pub relation: RelSet,
    /// Original answers used (bit `i` = the assessment's answer `i`).
    pub sources: Mask,
    /// Answers whose evidence is carried to reuse as it is.
    pub reuse: Mask,
    /// Answers whose evidence is carried to update.
    pub update: Mask,
    /// Maps applied, in hop order.
    pub hops: Vec<HopUse>,
    /// Notes (why nothing is known).
    pub notes: Vec<Text>,
    /// Nothing is known because the sources of its map are unanswered (its
    /// range is the whole scale), rather than because no map leads to it.
    pub open: bool,
    /// Nothing can evidence it (no map leads to it, or only from such
    /// indicators): its evidenced value is the floor, with no range. A
    /// later hop counts it at the floor, not as an unanswered source.
    pub settled_floor: bool,
}

impl Node {
    /// Nothing known, with the reasons.
    pub fn unknown(notes: Vec<Text>) -> Node {
        Node {
            est: None,
            face: None,
            carried: false,
            exact: false,
            confidence: None,
            relation: RelSet::EMPTY,
            sources: 0,
            reuse: 0,
            update: 0,
            hops: Vec::new(),
            notes,
            open: false,
            settled_floor: false,
        }
    }
}

/// The nodes of one framework, by the position of their indicator in its
/// catalog.
pub type Nodes = Vec<Node>;
