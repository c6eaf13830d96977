//! Hostile input (issue 16, input side): each test is named after the
//! finding it pins.

/// Bounded resources: file size, decompressed size, rows, columns, cells.
mod limits;
