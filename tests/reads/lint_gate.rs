//! `convert` with `--data` refuses a crosswalk that `validate` rejects
//! (issue 16 item 13): the result never depends on map order.

use crate::util::{fixture, json_files, run_in, temp_data_dir, texts};

const DIRECT: &str = "spbe-2020-to-pemdi-2026.json";

#[test]
fn convert_refuses_a_crosswalk_with_a_target_in_two_maps() {
    // Before: converted, 1,42 or 1,48 depending on which map came first.
    let mut files = json_files("crosswalks-good/crosswalks");
    let cw = &mut files.iter_mut().find(|(n, _)| n == DIRECT).unwrap().1;
    let maps = cw["maps"].as_array_mut().unwrap();
    maps[0]["targets"] = maps[1]["targets"].clone();
    let tmp = temp_data_dir(&texts(&files));
    let input = fixture("aceh-tengah-spbe-2025.json");
    let args = [
        "convert",
        input.to_str().unwrap(),
        "--data",
        "data",
        "--lang",
        "en",
    ];
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("validation errors; conversion does not use it"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("[target-in-two-maps]"), "{}", r.stderr);
    assert!(r.stderr.contains(DIRECT), "{}", r.stderr);
    // The good set converts.
    let tmp = temp_data_dir(&texts(&json_files("crosswalks-good/crosswalks")));
    let r = run_in(tmp.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
}
