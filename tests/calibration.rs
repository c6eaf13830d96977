//! The projection's calibration: the shipped file is what `calibrate` fits
//! from the shipped pairs; the fit recovers a known rule from synthetic
//! pairs; ranges say what they claim; `calibrate` transcripts and errors.

use rust_decimal::Decimal;
use spbe_pemdi::assessment::read;
use spbe_pemdi::calibration::{self, Calibration};
use spbe_pemdi::convert::{ConvertOptions, convert};
use spbe_pemdi::data::Data;

use crate::calibration_fit::copy_data;
use crate::util::{data, fixture, root, run, run_in};

fn d(s: &str) -> Decimal {
    spbe_pemdi::decimal::parse(s).unwrap()
}

const SHIPPED: &str = "mappings/calibrations/spbe-2020-to-pemdi-2026.json";
const MANIFEST: &str = "fixtures/calibration/aceh-tengah.csv";

/// The command that regenerates the shipped calibration.
const REGENERATE: &str =
    "cargo run -- calibrate fixtures/calibration/aceh-tengah.csv --data mappings --write";

/// Generated data is checked by regenerating it (typos-style): the shipped
/// calibration is exactly what `calibrate --write` fits from the shipped
/// pairs with the shipped crosswalks. After a crosswalk changes, run
/// REGENERATE and commit the file with its review document.
#[test]
fn shipped_calibration_is_what_calibrate_fits_from_the_shipped_pairs() {
    let data = Data::from_dir(&root().join("mappings")).unwrap();
    let out = calibration::run(&data, &root().join(MANIFEST)).unwrap();
    let fitted = spbe_pemdi::json::to_pretty(&out.calibration);
    let shipped = std::fs::read_to_string(root().join(SHIPPED)).unwrap();
    assert!(
        fitted == shipped,
        "{SHIPPED} is stale: regenerate it with `{REGENERATE}`\n--- fitted\n{fitted}"
    );
    assert!(!out.changed);
}

/// The shipped calibration is embedded and used by `convert`.
#[test]
fn embedded_calibration_is_the_shipped_file() {
    let shipped = std::fs::read_to_string(root().join(SHIPPED)).unwrap();
    let embedded = data()
        .files
        .iter()
        .find(|f| f.path == "calibrations/spbe-2020-to-pemdi-2026.json")
        .map(|f| f.text.clone());
    assert_eq!(embedded.as_deref(), Some(shipped.as_str()));
    let c: Calibration = serde_json::from_str(&shipped).unwrap();
    assert_eq!(c.n, 1);
    assert_eq!(c.pairs[0].status, "provisional");
    assert!(c.indicative());
    assert_eq!(
        c.method,
        calibration::Method::Global,
        "n = 1: one global parameter"
    );
}

fn aceh() -> spbe_pemdi::convert::Conversion {
    let data = data();
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &data.catalog, None).unwrap();
    convert(&data, &a, &ConvertOptions::default()).unwrap()
}

/// Done when: with the rung-anchored tables, the weighted per-indicator
/// error beats the all-floor baseline (0,2415).
#[test]
fn aceh_tengah_weighted_indicator_error_beats_the_floor_baseline() {
    let data = Data::from_dir(&root().join("mappings")).unwrap();
    let out = calibration::run(&data, &root().join(MANIFEST)).unwrap();
    let e = &out.calibration.errors;
    let floor = e.baselines["floor"].indicator_mae.unwrap();
    assert_eq!(floor, d("0.2415"));
    assert!(e.in_sample.indicator_mae.unwrap() < floor, "{e:?}");
}

/// The all-floor baseline on Aceh Tengah is the figure the issue quotes.
#[test]
fn aceh_tengah_floor_baseline_is_0_2415() {
    let data = Data::from_dir(&root().join("mappings")).unwrap();
    let out = calibration::run(&data, &root().join(MANIFEST)).unwrap();
    let floor = &out.calibration.errors.baselines["floor"];
    assert_eq!(floor.indicator_mae, Some(d("0.2415")));
    assert_eq!(floor.index_mae, Some(d("0.2415")));
    assert_eq!(
        out.pairs[0].real_index,
        Some(d("1.2415")),
        "the fixture's index"
    );
}

/// No stale numbers: the README's figures for Aceh Tengah are computed.
#[test]
fn readme_figures_for_aceh_tengah_are_computed() {
    let c = aceh();
    let show = |x: Decimal| spbe_pemdi::decimal::show2(x, spbe_pemdi::Lang::Id);
    let p = &c.projected_index;
    let e = &c.evidenced_index;
    let k = c.calibration.as_ref().unwrap();
    let expected = format!(
        "projects to {} (range {}–{}; evidenced value {}, c = {}, s = {}, band ±{})",
        show(p.point),
        show(p.low),
        show(p.high),
        show(e.point),
        calibration::show_exact(k.offset, spbe_pemdi::Lang::Id),
        calibration::show_exact(k.strictness, spbe_pemdi::Lang::Id),
        show(k.band.width),
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&expected), "README.md must say: {expected}");
}

/// With one pair the fit is global and there is no leave-one-out; JSON has
/// the documented keys, decimals as strings.
#[test]
fn calibrate_json_has_the_documented_keys() {
    let r = run(&["calibrate", MANIFEST, "--data", "mappings", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["n"], 1);
    assert!(v["model"]["index_mae"].is_string());
    assert!(v["model"]["indicator_mae"].is_string());
    for b in ["floor", "ratio", "linear"] {
        assert!(v["baselines"][b]["index_mae"].is_string(), "{b}");
    }
    assert!(v.get("loo").is_none(), "n = 1: no leave-one-out");
    // n = 2 (the same pair twice): leave-one-out appears.
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m.csv");
    let a = fixture("aceh-tengah-spbe-2025.json");
    let b = fixture("aceh-tengah-pemdi-2026.json");
    std::fs::write(
        &m,
        format!(
            "agency,spbe,pemdi\nA,{},{}\nB,{},{}\n",
            a.display(),
            b.display(),
            a.display(),
            b.display()
        ),
    )
    .unwrap();
    let r = run(&[
        "calibrate",
        m.to_str().unwrap(),
        "--data",
        "mappings",
        "--json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["loo"]["index_mae"].is_string());
}

/// What a maintainer reads (snapshot).
#[test]
fn calibrate_transcript() {
    for lang in ["id", "en"] {
        let args = ["calibrate", MANIFEST, "--data", "mappings", "--lang", lang];
        let r = run(&args);
        insta::assert_snapshot!(format!("calibrate_{lang}"), r.transcript(&args));
    }
}

/// Bad manifests: clear errors with the place, exit 3.
#[test]
fn calibrate_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        ("no-columns.csv", "nama;berkas\nA;b.json\n"),
        ("empty.csv", "instansi;spbe;pemdi\n"),
        (
            "missing-file.csv",
            "instansi;spbe;pemdi\nA;tidak-ada.json;juga-tidak.json\n",
        ),
        (
            "bad-status.csv",
            "instansi;spbe;pemdi;status\nA;a.json;b.json;mungkin\n",
        ),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        std::fs::write(tmp.path().join(name), text).unwrap();
        let args = ["calibrate", name, "--data", "../mappings"];
        let mut r = run_in(
            tmp.path(),
            &[
                "calibrate",
                name,
                "--data",
                root().join("mappings").to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 3, "{name}: {}", r.stderr);
        r.stderr = r.stderr.replace(&root().display().to_string(), "..");
        out.push_str(&r.transcript(&args));
        out.push('\n');
    }
    insta::assert_snapshot!("calibrate_errors", out);
}

/// `mapping diff` grades calibration files: parameters are `outcome`, the
/// band `range`, the rest `text`; `--fail-on outcome` gates.
#[test]
fn mapping_diff_grades_calibration_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let shipped = std::fs::read_to_string(root().join(SHIPPED)).unwrap();
    let mut c: Calibration = serde_json::from_str(&shipped).unwrap();
    c.parameters.strictness = d("0.7");
    c.band.width = d("0.4");
    c.version = format!("{}.9", c.version);
    c.description.push_str(" (diubah)");
    let new = tmp.path().join("new.json");
    std::fs::write(&new, spbe_pemdi::json::to_pretty(&c)).unwrap();
    let old = root().join(SHIPPED);
    let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
    let r = run(&["mapping", "diff", o, n, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let graded: Vec<(String, String)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["field"].as_str().unwrap().to_string(),
                c["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("version", "text"),
        ("parameters", "outcome"),
        ("band", "range"),
        ("description", "text"),
    ];
    assert_eq!(
        graded,
        want.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        run(&["mapping", "diff", o, n, "--fail-on", "outcome"]).code,
        1
    );
    assert_eq!(run(&["mapping", "diff", o, o, "--fail-on", "text"]).code, 0);
}

/// The review document of the crosswalk shows its calibration.
#[test]
fn review_document_shows_the_calibration() {
    for (lang, title) in [
        ("id", "Kalibrasi proyeksi"),
        ("en", "Projection calibration"),
    ] {
        let r = run(&[
            "mapping",
            "review",
            "spbe-2020-to-pemdi-2026",
            "--lang",
            lang,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let shipped: Calibration =
            serde_json::from_str(&std::fs::read_to_string(root().join(SHIPPED)).unwrap()).unwrap();
        let want = format!("## {title} `{}`", shipped.reference());
        assert!(r.stdout.contains(&want), "{}", r.stdout);
        assert!(r.stdout.contains("Kabupaten Aceh Tengah"));
    }
}

/// Without a calibration in the data set, the projection is the evidenced
/// value and nothing claims a band.
#[test]
fn without_a_calibration_the_projection_is_the_evidenced_value() {
    let files: Vec<_> = data()
        .files
        .into_iter()
        .filter(|f| !f.path.starts_with("calibrations/"))
        .collect();
    let bare = Data::from_files("test".into(), files).unwrap();
    let a = read(&fixture("aceh-tengah-spbe-2025.json"), &bare.catalog, None).unwrap();
    let c = convert(&bare, &a, &ConvertOptions::default()).unwrap();
    assert!(c.calibration.is_none());
    for t in &c.indicators {
        assert_eq!(t.estimate, t.evidenced, "{}", t.id);
        assert!(t.band.is_none());
    }
    assert_eq!(c.projected_index.point, c.evidenced_index.point);
}

/// A calibration fitted on another version of the crosswalk is flagged
/// stale in the crosswalk's review document.
#[test]
fn review_flags_a_calibration_fitted_on_another_crosswalk_version() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_data(tmp.path());
    let p = dir.join("calibrations/spbe-2020-to-pemdi-2026.json");
    let mut c: Calibration = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    c.crosswalks = vec!["spbe-2020-to-pemdi-2026@0.9.0".into()];
    std::fs::write(&p, spbe_pemdi::json::to_pretty(&c)).unwrap();
    let r = run(&[
        "--data",
        dir.to_str().unwrap(),
        "mapping",
        "review",
        "spbe-2020-to-pemdi-2026",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("**Stale:** this calibration was fitted on spbe-2020-to-pemdi-2026@0.9.0"),
        "{}",
        r.stdout
    );
    let ok = run(&[
        "mapping",
        "review",
        "spbe-2020-to-pemdi-2026",
        "--lang",
        "en",
    ]);
    assert!(!ok.stdout.contains("**Stale:**"));
}

/// One calibration per path: pairs that convert along different paths are
/// refused, naming the manifest line.
#[test]
fn calibrate_refuses_pairs_along_different_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m.csv");
    let f = |n: &str| fixture(n).display().to_string();
    std::fs::write(
        &m,
        format!(
            "instansi;spbe;pemdi\nA;{};{}\nB;{};{}\n",
            f("aceh-tengah-spbe-2025.json"),
            f("aceh-tengah-pemdi-2026.json"),
            f("kota-contoh-spbe-2019.csv"),
            f("aceh-tengah-pemdi-2026.json"),
        ),
    )
    .unwrap();
    let r = run(&[
        "calibrate",
        m.to_str().unwrap(),
        "--data",
        "mappings",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains("one calibration per path"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("m.csv:3"), "{}", r.stderr);
}

/// The draft says what its ranges claim: the evidenced value and the
/// causes of the range beside the suggestion, and it still reads back.
#[test]
fn draft_columns_label_the_range_by_cause() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("draf.csv");
    let r = run(&[
        "convert",
        "fixtures/aceh-tengah-spbe-2025.json",
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(";rentang_bawah;rentang_atas;nilai_terbukti;sebab_rentang;"));
    let row20 = text.lines().find(|l| l.starts_with("20;")).unwrap();
    let c = aceh();
    let t = c.indicator(20).unwrap();
    // Indonesian: decimal commas, in the numbers and in the text.
    let n = |x: Decimal| {
        spbe_pemdi::decimal::localize(&spbe_pemdi::decimal::exact(x), spbe_pemdi::Lang::Id)
    };
    let want = format!(
        ";{};\"(a) {}–{}; (b) ±{} (1 pasangan, sementara, indikatif)\";",
        n(t.evidenced.point),
        n(t.evidenced.low),
        n(t.evidenced.high),
        n(t.band.unwrap().width),
    );
    assert!(row20.contains(&want), "{row20} lacks {want}");
    let back = read(&out, &data().catalog, None).unwrap();
    assert_eq!(back.framework, "pemdi-2026");
}

/// A partial real result still calibrates on the indicators it gives; with
/// no complete real index there are no index errors (never a made-up one).
#[test]
fn calibrate_on_a_partial_real_result() {
    let tmp = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string(fixture("aceh-tengah-pemdi-2026.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&full).unwrap();
    v["answers"].as_array_mut().unwrap().truncate(10);
    std::fs::write(tmp.path().join("real.json"), v.to_string()).unwrap();
    let old = fixture("aceh-tengah-spbe-2025.json");
    std::fs::write(
        tmp.path().join("m.csv"),
        format!("agency,spbe,pemdi\nA,{},real.json\n", old.display()),
    )
    .unwrap();
    let m = tmp.path().join("m.csv");
    let r = run(&[
        "calibrate",
        m.to_str().unwrap(),
        "--data",
        "mappings",
        "--json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["model"]["indicator_mae"].is_string());
    assert!(v["model"].get("index_mae").is_none());
    assert!(v["pairs"][0]["real_index"].is_null());
}
