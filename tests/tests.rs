//! The one integration-test binary. Each module pins one behaviour.

mod util;

/// Scoring: the regulation's worked examples, official rows, rounding and bands.
mod score;
