//! Exports of a crosswalk for other tools: an OSCAL 1.2 mapping collection
//! ([`oscal`]) and a flat CSV for reviewers ([`csv`]).
//!
//! Identifiers are UUIDv5 in the fixed namespace [`NAMESPACE`], derived
//! from names that do not contain the version, so that they are the same
//! across runs and across versions of a crosswalk:
//!
//! | subject | name |
//! |---|---|
//! | the mapping collection | `spbe-pemdi:crosswalk:<crosswalk id>` |
//! | its mapping | `spbe-pemdi:mapping:<crosswalk id>` |
//! | a map | `spbe-pemdi:map:<crosswalk id>:<map id>` |
//! | the source gap summary | `spbe-pemdi:source-gap:<crosswalk id>` |
//! | the target gap summary | `spbe-pemdi:target-gap:<crosswalk id>` |
//! | a framework (back-matter resource) | `spbe-pemdi:framework:<framework id>` |

pub mod csv;
pub mod oscal;

use uuid::Uuid;

/// The namespace of every exported UUID (chosen once, never to change).
pub const NAMESPACE: Uuid = Uuid::from_u128(0xa72d4989_7dc3_4b02_96d9_27b7e1192fa5);

/// The UUIDv5 of `name` (e.g. `spbe-pemdi:map:<crosswalk>:<map>`).
pub fn uuid_of(name: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
}

/// The OSCAL control id of an indicator: `spbe-2020_22` (OSCAL tokens
/// allow no colon, so the `:` of `spbe-2020:22` becomes `_`).
pub fn control_id(framework: &str, no: u32) -> String {
    format!("{framework}_{no}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_5_and_stable() {
        let a = uuid_of("spbe-pemdi:crosswalk:x");
        assert_eq!(a.get_version_num(), 5);
        assert_eq!(a, uuid_of("spbe-pemdi:crosswalk:x"));
        assert_ne!(a, uuid_of("spbe-pemdi:crosswalk:y"));
    }
}
