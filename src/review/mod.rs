//! Reviewing the mapping data as its maintainers do: the canonical form of
//! the data files (`mapping fmt`).

pub mod canonical;
