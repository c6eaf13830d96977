//! Reading crosswalk files: the documented form, canonical writing, file
//! names, errors with file and line, and data without crosswalks.

use spbe_pemdi::crosswalk::{Crosswalk, Relation, load_crosswalks, parse_crosswalk};
use spbe_pemdi::data::Data;
use spbe_pemdi::error::{Kind, Place};

use crate::util::{data, data_with, read_dir_json, root};

#[test]
fn the_documented_example_parses() {
    let doc = std::fs::read_to_string(root().join("docs/crosswalk-format.md")).unwrap();
    let start = doc.find("```json\n").unwrap() + 8;
    let end = start + doc[start..].find("```").unwrap();
    let cw: Crosswalk = parse_crosswalk("docs/crosswalk-format.md", &doc[start..end]).unwrap();
    assert_eq!(cw.id, "spbe-2020-to-pemdi-2026");
    assert!(cw.primary);
    assert_eq!(cw.maps[0].relation, Relation::Subset);
    assert_eq!(cw.new[0].external.as_deref(), Some("sjig"));
}

#[test]
fn test_crosswalks_are_in_canonical_form() {
    for set in ["crosswalks-good/crosswalks", "crosswalks-bad/crosswalks"] {
        for (name, text) in read_dir_json(set) {
            let cw: Crosswalk = parse_crosswalk(&name, &text).unwrap();
            assert_eq!(spbe_pemdi::json::to_pretty(&cw), text, "{set}/{name}");
        }
    }
}

#[test]
fn unknown_fields_are_refused_with_line_and_column() {
    let (name, text) = read_dir_json("crosswalks-broken/crosswalks").remove(0);
    let err = parse_crosswalk(&name, &text).unwrap_err();
    assert_eq!(err.kind, Kind::Input);
    assert_eq!(err.place, Some(Place::line_col(20, 14)));
    assert!(
        err.render(spbe_pemdi::Lang::En)
            .contains("unknown field `weight`")
    );
}

#[test]
fn file_names_must_match_id_or_id_at_version() {
    let (_, text) = read_dir_json("crosswalks-good/crosswalks").remove(0);
    let id = "pemdi-2025-to-pemdi-2026";
    for ok in [format!("{id}.json"), format!("{id}@1.0.0.json")] {
        let data = data_with("t", &[(ok.clone(), text.clone())]);
        assert_eq!(load_crosswalks(&data).unwrap().len(), 1, "{ok}");
    }
    for bad in [format!("{id}@2.0.0.json"), "other.json".to_string()] {
        let data = data_with("t", &[(bad.clone(), text.clone())]);
        let err = load_crosswalks(&data).unwrap_err();
        assert_eq!(err.kind, Kind::Input, "{bad}");
        assert_eq!(err.file.as_deref(), Some(format!("t/{bad}").as_str()));
    }
}

#[test]
fn versions_of_one_crosswalk_load_in_order() {
    let (_, text) = read_dir_json("crosswalks-good/crosswalks").remove(0);
    let v2 = text.replace("\"version\": \"1.0.0\"", "\"version\": \"1.10.0\"");
    let v3 = text.replace("\"version\": \"1.0.0\"", "\"version\": \"1.9.0\"");
    let data = data_with(
        "t",
        &[
            ("pemdi-2025-to-pemdi-2026@1.10.0.json".into(), v2),
            ("pemdi-2025-to-pemdi-2026.json".into(), text),
            ("pemdi-2025-to-pemdi-2026@1.9.0.json".into(), v3),
        ],
    );
    let versions: Vec<String> = load_crosswalks(&data)
        .unwrap()
        .iter()
        .map(|c| c.crosswalk.version.clone())
        .collect();
    assert_eq!(versions, ["1.0.0", "1.9.0", "1.10.0"]);
}

#[test]
fn data_without_crosswalks_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = tmp.path().join("frameworks");
    std::fs::create_dir(&fw).unwrap();
    for e in std::fs::read_dir(root().join("mappings/frameworks")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, fw.join(p.file_name().unwrap())).unwrap();
    }
    let d = Data::from_dir(tmp.path()).unwrap();
    assert!(load_crosswalks(&d).unwrap().is_empty());
    std::fs::create_dir(tmp.path().join("crosswalks")).unwrap();
    let d = Data::from_dir(tmp.path()).unwrap();
    assert!(load_crosswalks(&d).unwrap().is_empty());
}

#[test]
fn every_embedded_data_file_is_found_by_the_build_script() {
    let embedded: Vec<String> = data().files.iter().map(|f| f.path.clone()).collect();
    let mut on_disk = Vec::new();
    for sub in ["frameworks", "crosswalks", "calibrations"] {
        let dir = root().join("mappings").join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.extension().and_then(|x| x.to_str()) == Some("json") {
                on_disk.push(format!(
                    "{sub}/{}",
                    p.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    on_disk.sort();
    assert_eq!(embedded, on_disk);
}
