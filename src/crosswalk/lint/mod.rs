//! The lints of `spbe-pemdi validate`: one module per concern, stable codes
//! and severities, findings that name the file, the line where there is
//! one and the place (map id or field), in a deterministic order.
//!
//! Errors make `validate` exit 1; warnings are for review. The table of
//! codes is in `docs/crosswalk-lints.md`.

use serde::Serialize;

use crate::catalog::Catalog;
use std::collections::HashMap;

use crate::crosswalk::{LoadedCrosswalk, Map, load_crosswalks};
use crate::data::Data;
use crate::error::Result;
use crate::graph::MappingGraph;
use crate::text::{Lang, Text};

/// A decimal in a message: `1,5` in Indonesian, `1.5` in English.
pub(crate) struct Dec(pub(crate) rust_decimal::Decimal);

/// Decimals in a message: `1,5; 2` in Indonesian, `1.5, 2` in English.
pub(crate) struct Decs<'a>(pub(crate) &'a [rust_decimal::Decimal]);

/// How a message argument is shown in a language.
pub(crate) trait Shown {
    fn shown(&self, lang: Lang) -> String;
}

impl<T: std::fmt::Display> Shown for T {
    fn shown(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Shown for Dec {
    fn shown(&self, lang: Lang) -> String {
        crate::decimal::localize(&crate::decimal::exact(self.0), lang)
    }
}

impl Shown for Decs<'_> {
    fn shown(&self, lang: Lang) -> String {
        let v: Vec<String> = self.0.iter().map(|d| Dec(*d).shown(lang)).collect();
        v.join(lang.pick("; ", ", "))
    }
}

/// Like [`tr!`](crate::tr), with arguments shown per language ([`Dec`], [`Decs`]).
macro_rules! trd {
    ($id:literal, $en:literal, $($arg:expr),+ $(,)?) => {{
        use $crate::crosswalk::lint::Shown as _;
        $crate::text::Text::new(
            format!($id, $(($arg).shown($crate::text::Lang::Id)),+),
            format!($en, $(($arg).shown($crate::text::Lang::En)),+),
        )
    }};
}

mod chain;
mod disposition;
mod header;
mod hints;
mod levels;
mod maps;
mod names;
pub mod render;
mod rungs;
mod translations;
mod words;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: `validate` exits 1.
    Error,
    /// For review.
    Warning,
}

impl Severity {
    /// `galat`/`error`, `peringatan`/`warning`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("galat", "error"),
            Severity::Warning => lang.pick("peringatan", "warning"),
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $sev:ident, $id:literal, $en:literal;)*) => {
        /// A lint, by its stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $en]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable code, e.g. `unknown-indicator`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// Its severity.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// What it checks, in both languages.
            pub fn summary(self) -> Text {
                match self { $(Code::$variant => Text::new($id, $en),)* }
            }
        }
    };
}

codes! {
    UnknownFramework = "unknown-framework", Error,
        "`from`/`to` bukan framework yang dikenal", "`from`/`to` is not a known framework";
    BadVersion = "bad-version", Error,
        "`version` bukan versi semantik MAJOR.MINOR.PATCH", "`version` is not a semantic version MAJOR.MINOR.PATCH";
    DuplicateVersion = "duplicate-version", Error,
        "dua berkas dengan id@versi yang sama", "two files with the same id@version";
    DuplicatePrimary = "duplicate-primary", Error,
        "dua crosswalk `primary` antara dua framework yang sama", "two `primary` crosswalks between the same two frameworks";
    FrameworkCycle = "framework-cycle", Error,
        "crosswalk membentuk siklus antar-framework", "crosswalks form a cycle between frameworks";
    UnknownIndicator = "unknown-indicator", Error,
        "nomor indikator tidak ada di framework-nya", "an indicator number is not in its framework";
    EmptyMap = "empty-map", Error,
        "peta tanpa sumber atau tanpa sasaran", "a map without sources or without targets";
    UnsortedIndicators = "unsorted-indicators", Warning,
        "`sources`/`targets` tidak naik atau berulang", "`sources`/`targets` not ascending or repeated";
    DuplicateMapId = "duplicate-map-id", Error,
        "id peta dipakai dua kali", "a map id is used twice";
    BadMapId = "bad-map-id", Warning,
        "id peta bukan huruf kecil, angka dan `-`", "a map id is not lower-case letters, digits and `-`";
    TargetInTwoMaps = "target-in-two-maps", Error,
        "indikator sasaran ada di dua peta", "a target indicator is in two maps";
    DuplicateMap = "duplicate-map", Error,
        "dua peta dengan sumber dan sasaran yang sama", "two maps with the same sources and targets";
    MapOrder = "map-order", Warning,
        "peta tidak urut menurut sasaran pertama lalu sumber pertama", "maps not ordered by first target, then first source";
    UndisposedSource = "undisposed-source", Error,
        "indikator sumber tidak dipetakan dan tidak di `retired`", "a source indicator is neither mapped nor `retired`";
    UndisposedTarget = "undisposed-target", Error,
        "indikator sasaran tidak dipetakan dan tidak di `new`", "a target indicator is neither mapped nor `new`";
    MappedAndNew = "mapped-and-new", Error,
        "indikator sasaran dipetakan dan juga di `new`", "a target indicator is mapped and also `new`";
    MappedAndRetired = "mapped-and-retired", Warning,
        "indikator sumber dipetakan dan juga di `retired`", "a source indicator is mapped and also `retired`";
    DuplicateDisposition = "duplicate-disposition", Warning,
        "indikator tercantum dua kali di `retired` atau `new`", "an indicator is listed twice in `retired` or `new`";
    UnknownExternal = "unknown-external", Warning,
        "`external` bukan indeks eksternal indikator itu", "`external` is not that indicator's external index";
    MissingAggregation = "missing-aggregation", Error,
        "beberapa sumber tanpa `aggregation`", "several sources without `aggregation`";
    NeedlessAggregation = "needless-aggregation", Warning,
        "`aggregation` pada peta bersumber satu", "`aggregation` on a single-source map";
    BadWeights = "bad-weights", Error,
        "rata-rata berbobot atas sumber tanpa bobot", "a weighted mean over sources without weights";
    MissingCoverage = "missing-coverage", Error,
        "`coverage` tidak ada untuk `subset`/`intersects`", "`coverage` missing for `subset`/`intersects`";
    BadCoverage = "bad-coverage", Error,
        "`coverage` di luar (0, 1]", "`coverage` outside (0, 1]";
    CoverageContradictsRelation = "coverage-contradicts-relation", Warning,
        "`coverage` bertentangan dengan `relation`", "`coverage` contradicts `relation`";
    NonMonotoneTable = "non-monotone-table", Error,
        "tabel tingkat tidak monoton", "a level table is not monotone";
    TableMissingLevel = "table-missing-level", Error,
        "tabel tingkat tidak memuat setiap tingkat bulat skala sumber", "a level table lacks a whole level of the source scale";
    TableKeyOffScale = "table-key-off-scale", Warning,
        "kunci tabel di luar skala sumber", "a table key is outside the source scale";
    ValueOffScale = "value-off-scale", Error,
        "nilai tabel atau `max` di luar skala sasaran", "a table value or `max` is outside the target scale";
    ValueNotWhole = "value-not-whole", Warning,
        "batas `cap` pecahan pada skala sasaran bertingkat bulat", "a fractional cap on a whole-level target scale";
    AboveIdentity = "above-identity", Warning,
        "tabel menjanjikan lebih dari identitas pada framework yang lebih ketat", "a table promises more than the identity in a stricter framework";
    SameLevelPromise = "same-level-promise", Warning,
        "peta bukan `equal` menjanjikan tingkat yang sama pada framework yang lebih ketat", "a map that is not `equal` promises the same level in a stricter framework";
    BadRung = "bad-rung", Error,
        "anak tangga di luar skala sasaran atau berulang, atau kriterianya bukan `sumber@tingkat` dari sumber peta", "a rung off the target scale or repeated, or a criterion that is not `source@level` of the map's sources";
    RungsTable = "rungs-table", Error,
        "tabel tingkat tidak sama dengan bacaan anak tangga pada jawaban seragam", "the level table differs from the rung reading at a uniform answer";
    ChainRouteMismatch = "chain-route-mismatch", Warning,
        "crosswalk langsung dan rantai mencapai sasaran yang berbeda", "the direct crosswalk and a chain reach different targets";
    ChainRelationMismatch = "chain-relation-mismatch", Warning,
        "relasi crosswalk langsung dan rantai tidak beririsan", "the direct crosswalk's and a chain's relations do not intersect";
    ChainLevelMismatch = "chain-level-mismatch", Warning,
        "fungsi tingkat langsung dan rantai berbeda lebih dari 1", "the direct and chained level functions differ by more than 1";
    SimilarNamesUnmapped = "similar-names-unmapped", Warning,
        "indikator sumber dan sasaran bernama (hampir) sama tidak dipetakan satu sama lain", "a source and a target indicator with (nearly) the same name are not mapped to each other";
    NoSharedWords = "no-shared-words", Warning,
        "sumber dan sasaran sebuah peta tidak berbagi satu kata bermakna pun", "a mapped source and target share no meaningful word";
    MissingTranslation = "missing-translation", Error,
        "teks yang dibaca orang (`source`, `calibration`, `rationale`, `note` anak tangga, `reason`) tidak ada dalam salah satu bahasa", "a text people read (`source`, `calibration`, `rationale`, a rung's `note`, `reason`) is missing in one language";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The lint.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// The file, as named in messages.
    pub file: String,
    /// The 1-based line, where known.
    pub line: Option<u64>,
    /// The place: a field path such as `maps[governance].level_rule`.
    pub place: String,
    /// What is wrong.
    pub message: Text,
    /// What to do.
    pub hint: Text,
}

impl Finding {
    fn sort_key(&self) -> (&str, u64, &str, Code, &str) {
        (
            &self.file,
            self.line.unwrap_or(u64::MAX),
            &self.place,
            self.code,
            self.message.get(Lang::En),
        )
    }
}

/// Adds findings about one crosswalk file.
pub(crate) struct Sink<'a> {
    pub(crate) c: &'a LoadedCrosswalk,
    out: &'a mut Vec<Finding>,
    /// The line of each map, by its position (built when first needed).
    lines: std::cell::OnceCell<Vec<Option<u64>>>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(c: &'a LoadedCrosswalk, out: &'a mut Vec<Finding>) -> Sink<'a> {
        Sink {
            c,
            out,
            lines: std::cell::OnceCell::new(),
        }
    }

    /// A finding at `place` on `line`.
    pub(crate) fn at(&mut self, code: Code, line: Option<u64>, place: String, message: Text) {
        self.out.push(Finding {
            code,
            severity: code.severity(),
            file: self.c.file.clone(),
            line,
            place,
            message,
            hint: hints::hint(code),
        });
    }

    /// A finding about top-level field `field`.
    pub(crate) fn field(&mut self, code: Code, field: &str, message: Text) {
        let line = self.c.field_line(field);
        self.at(code, line, field.to_string(), message);
    }

    /// The line of `map` (of this very map when its id is repeated). The
    /// lines of all maps are found once, in one pass over the file.
    pub(crate) fn map_line(&self, map: &Map) -> Option<u64> {
        let maps = &self.c.crosswalk.maps;
        let lines = self.lines.get_or_init(|| {
            let found = self.c.map_lines();
            let mut nth: HashMap<&str, usize> = HashMap::new();
            maps.iter()
                .map(|m| {
                    let k = nth.entry(m.id.as_str()).or_default();
                    *k += 1;
                    found
                        .get(m.id.as_str())
                        .and_then(|l| l.get(*k - 1))
                        .copied()
                })
                .collect()
        });
        // Its position from its address (maps are found in this very list;
        // a search would make the findings of many maps quadratic).
        let size = std::mem::size_of::<Map>().max(1);
        let at = (map as *const Map as usize).wrapping_sub(maps.as_ptr() as usize) / size;
        match maps.get(at) {
            Some(m) if std::ptr::eq(m, map) => lines.get(at).copied().flatten(),
            // A map from elsewhere: the first map with its id.
            _ => self.c.map_line(&map.id),
        }
    }

    /// A finding about `map`; `field` is appended to `maps[<id>]`.
    pub(crate) fn map(&mut self, code: Code, map: &Map, field: &str, message: Text) {
        let line = self.map_line(map);
        let place = if field.is_empty() {
            format!("maps[{}]", map.id)
        } else {
            format!("maps[{}].{field}", map.id)
        };
        self.at(code, line, place, message);
    }
}

/// Validates crosswalks against the catalog; findings sorted by file,
/// line, place and code.
pub fn validate(catalog: &Catalog, crosswalks: &[LoadedCrosswalk]) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in crosswalks {
        let mut sink = Sink::new(c, &mut out);
        header::check(catalog, &mut sink);
        maps::check(catalog, &mut sink);
        disposition::check(catalog, &mut sink);
        levels::check(catalog, &mut sink);
        rungs::check(catalog, &mut sink);
        names::check(catalog, &mut sink);
        translations::check(&mut sink);
    }
    header::check_set(crosswalks, &mut out);
    // The graph of the crosswalks whose frameworks and versions are sound
    // (the others are reported above), newest version of each id.
    let sound = crosswalks.iter().filter(|c| {
        c.semver().is_some()
            && catalog.get(&c.crosswalk.from).is_some()
            && catalog.get(&c.crosswalk.to).is_some()
    });
    if let Ok(graph) = MappingGraph::build(catalog, sound, &[]) {
        header::check_graph(&graph, &mut out);
        if graph.cycles().is_empty() {
            chain::check(&graph, &mut out);
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

/// Loads the crosswalks of `data` and validates them.
pub fn validate_data(data: &Data) -> Result<(Vec<LoadedCrosswalk>, Vec<Finding>)> {
    let crosswalks = load_crosswalks(data)?;
    let findings = validate(&data.catalog, &crosswalks);
    Ok((crosswalks, findings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped direct crosswalk with `n` maps (its own, repeated under
    /// new ids, and one id written twice).
    fn many_maps(n: usize) -> LoadedCrosswalk {
        let f = crate::data::Data::embedded()
            .unwrap()
            .files
            .into_iter()
            .find(|f| f.path == "crosswalks/spbe-2020-to-pemdi-2026.json")
            .unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&f.text).unwrap();
        let maps = v["maps"].as_array().unwrap().clone();
        let mut out: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                let mut m = maps[i % maps.len()].clone();
                m["id"] = format!("m-{i}").into();
                m
            })
            .collect();
        out[n - 1]["id"] = "m-0".into();
        v["maps"] = out.into();
        let text = serde_json::to_string_pretty(&v).unwrap();
        crate::crosswalk::load_file(&crate::data::DataFile {
            path: f.path.clone(),
            label: "many.json".into(),
            text,
        })
        .unwrap()
    }

    #[test]
    fn map_lines_of_many_maps_are_found_in_one_pass() {
        // Before: each finding looked for its map from the start of the list
        // and of the file, so `validate` of 3 000 maps took 5,7 s and of
        // 10^4 did not end in 120 s. 20 000 maps here are 4 * 10^8 map
        // comparisons and ~10^11 bytes searched when quadratic.
        let c = many_maps(20_000);
        let mut out = Vec::new();
        let sink = Sink::new(&c, &mut out);
        let maps = &c.crosswalk.maps;
        let lines: Vec<u64> = maps.iter().map(|m| sink.map_line(m).unwrap()).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "lines ascend");
        // Spot checks against the single-map search.
        for i in [0, 1, 9_999, 19_998] {
            assert_eq!(Some(lines[i]), c.map_line_nth(&maps[i].id, 0));
        }
        // The id written twice: the second map gets the second line.
        assert_eq!(Some(lines[19_999]), c.map_line_nth("m-0", 1));
        assert_ne!(lines[19_999], lines[0]);
    }
}
