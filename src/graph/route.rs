//! What tracing an indicator along a path yields: routes to targets with
//! every hop, and where routes stop early.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::crosswalk::{
    Aggregation, Confidence, Evidence, LevelChain, LevelRule, RelSet, Relation,
};
use crate::decimal::serde_opt_dec;

/// An indicator in one layer (framework) of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorNode {
    /// The position of its framework on the path (0 = source framework).
    pub layer: usize,
    /// The framework id.
    pub framework: String,
    /// The indicator number.
    pub no: u32,
}

impl IndicatorNode {
    /// `spbe-2020:22`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.framework, self.no)
    }
}

/// A map between one source and one target indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEdge {
    /// The hop (crosswalk) on the path.
    pub hop: usize,
    /// The map's position in its crosswalk.
    pub map: usize,
    /// The relation of this source to this target inside the map.
    pub element: RelSet,
}

/// One hop of a route: what one map says about one source and one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// Crosswalk id.
    pub crosswalk: String,
    /// Crosswalk version.
    pub version: String,
    /// Map id.
    pub map: String,
    /// Source indicator id.
    pub from: String,
    /// Target indicator id.
    pub to: String,
    /// The map's relation (its sources together to its targets together).
    pub relation: Relation,
    /// The relation of this source to this target.
    pub element: RelSet,
    /// The level rule.
    pub rule: LevelRule,
    /// How the map combines several sources.
    pub aggregation: Option<Aggregation>,
    /// The map's coverage (implied 1 for equal and superset).
    #[serde(with = "serde_opt_dec")]
    pub coverage: Option<Decimal>,
    /// The map's confidence.
    pub confidence: Confidence,
    /// The map's evidence policy.
    pub evidence: Evidence,
}

/// Where a source indicator goes at the end of a path, by one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The target indicator number in the last framework.
    pub target: u32,
    /// The target indicator id.
    pub target_id: String,
    /// The composed relation set of the source to the target.
    pub relation: RelSet,
    /// The composed level function (each map's rule applied to this source
    /// alone, i.e. as if every source of a map stood at the same level).
    pub level: LevelChain,
    /// The weakest confidence on the route.
    pub confidence: Confidence,
    /// The weakest evidence policy on the route.
    pub evidence: Evidence,
    /// Every hop, first first.
    pub hops: Vec<Hop>,
}

/// Why a route stops before the end of the path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum EndKind {
    /// Listed in the crosswalk's `retired`, with its reason.
    Retired(crate::text::Text),
    /// Only in `disjoint` maps (the ids).
    Disjoint(Vec<String>),
    /// In no map and not retired (the crosswalk is incomplete).
    Unmapped,
    /// Not an indicator of its framework.
    Unknown,
}

/// A stop before the end of the path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct End {
    /// The hop where it stops.
    pub hop: usize,
    /// The indicator id where it stops.
    pub at: String,
    /// Why.
    pub kind: EndKind,
}

/// Where one source indicator goes along a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// The source indicator id.
    pub source: String,
    /// The routes to targets, sorted by target then hops.
    pub routes: Vec<Route>,
    /// Where some of its routes stop early.
    pub ends: Vec<End>,
}

impl Trace {
    /// The target numbers reached.
    pub fn targets(&self) -> BTreeSet<u32> {
        self.routes.iter().map(|r| r.target).collect()
    }

    /// The relations possible to `target`, over every route.
    pub fn relation_to(&self, target: u32) -> RelSet {
        self.routes
            .iter()
            .filter(|r| r.target == target)
            .fold(RelSet::EMPTY, |acc, r| acc.union(r.relation))
    }
}
