//! spbe-pemdi carries Indonesian government agencies' SPBE index
//! assessments forward to the Indeks Pemerintah Digital (Indeks Pemdi).
//!
//! Data flows one way: files → models ([`catalog`], [`assessment`],
//! [`crosswalk`]) → the versioned mapping [`graph`] → conversion
//! ([`convert`]) → scores ([`score`]) and reports.
//! The command line ([`cli`]) is a thin layer over these modules.

pub mod assessment;
pub mod batch;
pub mod calibration;
pub mod catalog;
pub mod cli;
pub mod convert;
pub mod crosswalk;
pub mod data;
pub mod decimal;
mod embedded;
pub mod error;
pub mod fuzzing;
pub mod graph;
pub mod json;
pub mod limits;
pub mod output;
pub mod report;
pub mod review;
pub mod score;
pub mod serve;
pub mod sheet;
pub mod template;
pub mod text;
pub mod texttable;

pub use error::{Error, Result};
pub use text::{Lang, Text};
