//! Reading a framework catalog file.

use crate::catalog::{Framework, validate_framework};
use crate::error::Result;

/// Parses and validates the catalog in `text`, read from `file`.
pub fn parse_framework(file: &str, text: &str) -> Result<Framework> {
    let fw: Framework = crate::json::from_str(file, text)?;
    validate_framework(&fw, file)?;
    Ok(fw)
}
