//! The shipped mapping data (embedded in the binary) validates without
//! errors and holds the four crosswalks of the versioned graph.

use spbe_pemdi::crosswalk::lint::{Severity, render, validate_data};

use crate::util::data;

#[test]
fn shipped_data_validates_without_errors() {
    let data = data();
    let (crosswalks, findings) = validate_data(&data).expect("shipped crosswalks load");
    let ids: Vec<&str> = crosswalks.iter().map(|c| c.crosswalk.id.as_str()).collect();
    for want in [
        "spbe-2018-to-spbe-2020",
        "spbe-2020-to-pemdi-2025",
        "pemdi-2025-to-pemdi-2026",
        "spbe-2020-to-pemdi-2026",
    ] {
        assert!(
            ids.contains(&want),
            "missing shipped crosswalk {want}: {ids:?}"
        );
    }
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .cloned()
        .collect();
    assert!(
        errors.is_empty(),
        "{}",
        render::text(&errors, crosswalks.len(), spbe_pemdi::Lang::En)
    );
}

#[test]
fn every_crosswalk_has_every_text_in_both_languages() {
    let data = data();
    let (_, findings) = validate_data(&data).expect("shipped crosswalks load");
    let missing: Vec<_> = findings
        .iter()
        .filter(|f| f.code == spbe_pemdi::crosswalk::lint::Code::MissingTranslation)
        .map(|f| f.place.clone())
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}
