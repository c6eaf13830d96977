//! Crosswalks: versioned, reviewed files of maps from one framework to the
//! next (`docs/crosswalk-format.md`), the RCC-5 relation algebra that
//! composes them soundly, level rules on exact decimals, and the lints of
//! `spbe-pemdi validate`.

pub mod identity;
pub mod level;
pub mod lint;
pub mod load;
pub mod model;
pub mod relation;
pub mod rung;

pub use level::{Bounds, LevelChain, LevelRule, Step, Table};
pub use load::{LoadedCrosswalk, load_crosswalks, load_file, parse_crosswalk};
pub use model::{Aggregation, Confidence, Crosswalk, Evidence, Map, New, Retired, Status, Version};
pub use relation::{RelSet, Relation};
pub use rung::{Criterion, Rung};
