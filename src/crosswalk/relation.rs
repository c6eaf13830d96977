//! The set relation of a map (RCC-5 over what the indicators cover) and the
//! algebra that composes relations soundly along a path.
//!
//! Regions are non-empty. [`Relation::compose`] gives every relation that
//! `a R1 b` and `b R2 c` allow between `a` and `c`; composing sets is the
//! union over their members. Subset then superset tells nothing, and
//! disjoint does not propagate (disjoint then disjoint tells nothing).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Text};

/// What the sources of a map cover, compared with its targets, as sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same substance.
    Equal,
    /// The sources cover a proper part of the target.
    Subset,
    /// The sources cover the target and more.
    Superset,
    /// They overlap; each has parts the other lacks.
    Intersects,
    /// Considered and unrelated: carries nothing.
    Disjoint,
}

impl Relation {
    /// All five, in a fixed order.
    pub const ALL: [Relation; 5] = [
        Relation::Equal,
        Relation::Subset,
        Relation::Superset,
        Relation::Intersects,
        Relation::Disjoint,
    ];

    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equal => "equal",
            Relation::Subset => "subset",
            Relation::Superset => "superset",
            Relation::Intersects => "intersects",
            Relation::Disjoint => "disjoint",
        }
    }

    /// Parses a name used in data files.
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// The relation seen from the other side (`a R b` iff `b R⁻¹ a`).
    pub fn converse(self) -> Relation {
        match self {
            Relation::Subset => Relation::Superset,
            Relation::Superset => Relation::Subset,
            r => r,
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// What `a self b` and `b next c` allow between `a` and `c` (the RCC-5
    /// composition table for non-empty regions).
    pub fn compose(self, next: Relation) -> RelSet {
        use Relation::*;
        let s = RelSet::of;
        match (self, next) {
            (Equal, r) | (r, Equal) => RelSet::one(r),
            (Subset, Subset) => s(&[Subset]),
            (Subset, Superset) => RelSet::ALL,
            (Subset, Intersects) => s(&[Subset, Intersects, Disjoint]),
            (Subset, Disjoint) => s(&[Disjoint]),
            (Superset, Subset) => s(&[Equal, Subset, Superset, Intersects]),
            (Superset, Superset) => s(&[Superset]),
            (Superset, Intersects) => s(&[Superset, Intersects]),
            (Superset, Disjoint) => s(&[Superset, Intersects, Disjoint]),
            (Intersects, Subset) => s(&[Subset, Intersects]),
            (Intersects, Superset) => s(&[Superset, Intersects, Disjoint]),
            (Intersects, Intersects) => RelSet::ALL,
            (Intersects, Disjoint) => s(&[Superset, Intersects, Disjoint]),
            (Disjoint, Subset) => s(&[Subset, Intersects, Disjoint]),
            (Disjoint, Superset) => s(&[Disjoint]),
            (Disjoint, Intersects) => s(&[Subset, Intersects, Disjoint]),
            (Disjoint, Disjoint) => RelSet::ALL,
        }
    }

    /// The relation of one source indicator to one target indicator inside
    /// a map whose sources together stand in `self` to its targets together.
    ///
    /// With several sources, one source is a part of (or all of) their
    /// union; with several targets, their union contains each target. The
    /// result is `{equal, subset}∘self∘{equal, superset}` (each side only
    /// when there are several), which is sound: e.g. sources equal to one
    /// target give each source `{equal, subset}`, sources that are a
    /// superset give no information.
    pub fn element(self, several_sources: bool, several_targets: bool) -> RelSet {
        let part = |several: bool, r: Relation| {
            if several {
                RelSet::of(&[Relation::Equal, r])
            } else {
                RelSet::one(Relation::Equal)
            }
        };
        part(several_sources, Relation::Subset)
            .compose(RelSet::one(self))
            .compose(part(several_targets, Relation::Superset))
    }

    /// A short explanation for people.
    pub fn describe(self) -> Text {
        match self {
            Relation::Equal => Text::new("sama", "equal"),
            Relation::Subset => Text::new("bagian dari", "part of"),
            Relation::Superset => Text::new("mencakup", "covers"),
            Relation::Intersects => Text::new("beririsan", "overlaps"),
            Relation::Disjoint => Text::new("terpisah", "disjoint"),
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of possible relations (a bit mask over [`Relation`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RelSet(u8);

impl RelSet {
    /// No relation possible (an inconsistency).
    pub const EMPTY: RelSet = RelSet(0);
    /// Any relation: nothing is known.
    pub const ALL: RelSet = RelSet(0b1_1111);

    /// The set holding just `r`.
    pub fn one(r: Relation) -> RelSet {
        RelSet(r.bit())
    }

    /// The set of the given relations.
    pub fn of(rs: &[Relation]) -> RelSet {
        RelSet(rs.iter().fold(0, |m, r| m | r.bit()))
    }

    /// The raw bit mask (bit `i` is `Relation::ALL[i]`).
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set with the given bit mask (extra bits are dropped).
    pub fn from_bits(bits: u8) -> RelSet {
        RelSet(bits & RelSet::ALL.0)
    }

    /// Whether `r` is possible.
    pub fn contains(self, r: Relation) -> bool {
        self.0 & r.bit() != 0
    }

    /// Whether nothing is possible.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether everything is possible (nothing is known).
    pub fn is_unknown(self) -> bool {
        self == RelSet::ALL
    }

    /// Whether disjoint is the only possibility.
    pub fn is_disjoint(self) -> bool {
        self == RelSet::one(Relation::Disjoint)
    }

    /// The single relation, when exactly one is possible.
    pub fn single(self) -> Option<Relation> {
        let mut it = self.iter();
        match (it.next(), it.next()) {
            (Some(r), None) => Some(r),
            _ => None,
        }
    }

    /// Union.
    pub fn union(self, o: RelSet) -> RelSet {
        RelSet(self.0 | o.0)
    }

    /// Intersection.
    pub fn intersect(self, o: RelSet) -> RelSet {
        RelSet(self.0 & o.0)
    }

    /// The members, in the order of [`Relation::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Relation> {
        Relation::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// The converse of every member.
    pub fn converse(self) -> RelSet {
        RelSet::of(&self.iter().map(Relation::converse).collect::<Vec<_>>())
    }

    /// Composition: the union of the compositions of every pair of members.
    pub fn compose(self, next: RelSet) -> RelSet {
        let mut out = RelSet::EMPTY;
        for a in self.iter() {
            for b in next.iter() {
                out = out.union(a.compose(b));
            }
        }
        out
    }

    /// `equal`, `{subset, intersects}` or `unknown`.
    pub fn label(self) -> String {
        if self.is_unknown() {
            return "unknown".to_string();
        }
        match self.single() {
            Some(r) => r.as_str().to_string(),
            None => {
                let names: Vec<&str> = self.iter().map(Relation::as_str).collect();
                format!("{{{}}}", names.join(", "))
            }
        }
    }

    /// The label for people in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        if self.is_unknown() {
            return lang.pick("tidak diketahui", "unknown").to_string();
        }
        let names: Vec<String> = self
            .iter()
            .map(|r| r.describe().get(lang).to_string())
            .collect();
        names.join(lang.pick(" atau ", " or "))
    }
}

impl fmt::Debug for RelSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl fmt::Display for RelSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl From<Relation> for RelSet {
    fn from(r: Relation) -> RelSet {
        RelSet::one(r)
    }
}

impl Serialize for RelSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Relation::as_str))
    }
}

impl<'de> Deserialize<'de> for RelSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RelSet, D::Error> {
        let v = Vec::<Relation>::deserialize(d)?;
        Ok(RelSet::of(&v))
    }
}
