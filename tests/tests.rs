//! The one integration-test binary. Each module pins one behaviour.

mod util;

/// Scoring: the regulation's worked examples, official rows, rounding and bands.
mod score;

/// Readers: every CSV/XLSX/JSON dialect agencies use.
mod readers;

/// Bad input: clear errors with file, place and hint; no panic.
mod cli_errors;

/// What people read: score/show/frameworks output snapshots.
mod cli_outputs;

/// Templates: blank input sheets that read back.
mod template;

/// Properties: scoring invariants, readers that never panic.
mod props;

/// The command line: examples in help, colour, completions, man pages, exit codes.
mod cli_polish;
