//! The one integration-test binary. Each module pins one behaviour.

mod util;

/// Level rules: evaluation, interpolation, clamping, chains.
mod level;
/// The RCC-5 relation algebra against set semantics, by brute force.
mod relation;
/// Scoring: the regulation's worked examples, official rows, rounding and bands.
mod score;
