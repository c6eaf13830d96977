//! Reviewing the mapping data as its maintainers do: the review document of
//! a crosswalk (names, coverage, dispositions, lints), the canonical form of
//! the data files (`mapping fmt`), the graded difference between two
//! versions of a crosswalk and its impact on real assessments, and exports
//! (OSCAL, CSV).

pub mod canonical;
pub mod coverage;
pub mod diff;
pub mod document;
pub mod export;
pub mod impact;
pub mod labels;
pub mod markdown;
pub mod resolve;

pub use document::{Review, build};
pub use resolve::resolve;
