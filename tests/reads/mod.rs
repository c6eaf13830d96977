//! Hostile input (issue 16, input side): each test is named after the
//! finding it pins.

/// Control characters from input files never reach a terminal or a page.
mod controls;
/// Silent last-wins: repeated JSON keys, metadata rows and `--external` keys.
mod duplicates;
/// What a file says is read exactly: encodings, decimal digits, JSON numbers.
mod exact;
/// The fuzz targets (`fuzz/`) replayed on stable over seeds, their
/// truncations and byte flips, and the crashers found.
mod fuzz;
/// Ids and rows on the command line: case, rows that do not exist, tracing.
mod ids;
/// Bounded resources: file size, decompressed size, rows, columns, cells.
mod limits;
/// Conversion refuses crosswalks that `validate` rejects.
mod lint_gate;
