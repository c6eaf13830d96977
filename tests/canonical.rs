//! The data files are in canonical form, and `mapping fmt` keeps them so:
//! it reports, rewrites in place without losing anything, and refuses
//! files it cannot parse.

use spbe_pemdi::crosswalk::{Crosswalk, parse_crosswalk};
use spbe_pemdi::review::canonical::{canonical_crosswalk, check_dir};

use crate::util::{root, run, run_in, temp_data_dir};

#[test]
fn every_shipped_data_file_is_in_canonical_form() {
    let checked = check_dir(&root().join("mappings")).expect("shipped data parses");
    assert!(checked.len() >= 8, "{} files", checked.len());
    let bad: Vec<String> = checked
        .iter()
        .filter(|c| c.changes())
        .map(|c| format!("{}:{}", c.label, c.first_difference.unwrap_or(0)))
        .collect();
    assert!(
        bad.is_empty(),
        "not canonical (run `cargo run -- mapping fmt`): {bad:?}"
    );
}

#[test]
fn mapping_fmt_check_passes_on_the_shipped_data() {
    let r = run(&["mapping", "fmt", "--check", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("0 of 9 files would change"),
        "{}",
        r.stdout
    );
}

/// A crosswalk written by hand: maps reversed, sources unsorted, 4-space
/// indent, no trailing newline.
fn messy() -> (String, Crosswalk) {
    let text =
        std::fs::read_to_string(root().join("mappings/crosswalks/spbe-2020-to-pemdi-2026.json"))
            .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["maps"].as_array_mut().unwrap().reverse();
    v["maps"][0]["sources"].as_array_mut().unwrap().reverse();
    v["retired"].as_array_mut().unwrap().reverse();
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(&v, &mut ser).unwrap();
    let messy = String::from_utf8(buf).unwrap();
    (messy, parse_crosswalk("x", &text).unwrap())
}

#[test]
fn mapping_fmt_rewrites_in_place_and_keeps_the_meaning() {
    let (text, original) = messy();
    let name = "spbe-2020-to-pemdi-2026.json".to_string();
    let tmp = temp_data_dir(&[(name.clone(), text)]);
    let file = tmp.path().join("data/crosswalks").join(&name);

    let r = run_in(
        tmp.path(),
        &[
            "--data", "data", "mapping", "fmt", "--check", "--lang", "en",
        ],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains(&format!("{name}:2: not in canonical form")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("1 of 5 files would change"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("mapping fmt"), "{}", r.stdout);

    let r = run_in(tmp.path(), &["--data", "data", "mapping", "fmt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("1 dari 5 berkas ditulis ulang"),
        "{}",
        r.stdout
    );
    let written = std::fs::read_to_string(&file).unwrap();
    let shipped = std::fs::read_to_string(root().join("mappings/crosswalks").join(&name)).unwrap();
    assert_eq!(written, shipped);
    assert_eq!(parse_crosswalk("x", &written).unwrap(), original);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("data/crosswalks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let r = run_in(tmp.path(), &["--data", "data", "mapping", "fmt", "--check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn mapping_fmt_refuses_a_file_it_cannot_parse() {
    let tmp = temp_data_dir(&[("x.json".into(), "{\"id\": \"x\",\n  oops}\n".into())]);
    let before = std::fs::read_to_string(tmp.path().join("data/crosswalks/x.json")).unwrap();
    let r = run_in(
        tmp.path(),
        &["--data", "data", "mapping", "fmt", "--lang", "en"],
    );
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("x.json:2:3"), "{}", r.stderr);
    let after = std::fs::read_to_string(tmp.path().join("data/crosswalks/x.json")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn canonical_order_is_stable_and_idempotent() {
    let (text, _) = messy();
    let cw = parse_crosswalk("x", &text).unwrap();
    let once = canonical_crosswalk(cw);
    let twice = canonical_crosswalk(once.clone());
    assert_eq!(once, twice);
    let keys: Vec<(u32, u32)> = once
        .maps
        .iter()
        .map(|m| (m.targets[0], m.sources[0]))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(
        once.maps
            .iter()
            .all(|m| m.sources.windows(2).all(|w| w[0] <= w[1]))
    );
}

#[test]
fn files_under_reviews_are_not_data() {
    let embedded = crate::util::data();
    assert!(
        embedded
            .files
            .iter()
            .all(|f| f.path.starts_with("frameworks/")
                || f.path.starts_with("crosswalks/")
                || f.path.starts_with("calibrations/"))
    );
    let from_dir = spbe_pemdi::data::Data::from_dir(&root().join("mappings")).unwrap();
    assert_eq!(
        from_dir.files.iter().map(|f| &f.path).collect::<Vec<_>>(),
        embedded.files.iter().map(|f| &f.path).collect::<Vec<_>>()
    );
}
