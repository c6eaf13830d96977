//! The mapping data compiled into the binary, so that it runs with no files
//! beside it. Paths are relative to `mappings/`.

/// `(path, contents)` of every embedded data file.
pub const FILES: &[(&str, &str)] = &[
    (
        "frameworks/spbe-2018.json",
        include_str!("../mappings/frameworks/spbe-2018.json"),
    ),
    (
        "frameworks/spbe-2020.json",
        include_str!("../mappings/frameworks/spbe-2020.json"),
    ),
    (
        "frameworks/pemdi-2025.json",
        include_str!("../mappings/frameworks/pemdi-2025.json"),
    ),
    (
        "frameworks/pemdi-2026.json",
        include_str!("../mappings/frameworks/pemdi-2026.json"),
    ),
];
