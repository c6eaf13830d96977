//! `spbe-pemdi serve` end to end in headless Chromium at phone width
//! (390 px): open the page, upload Aceh Tengah's 2025 result, see the
//! projection (the library's number), download the XLSX draft and read it
//! back with the library, no sideways scrolling, no request leaving the
//! machine. The screenshot is kept as `target/e2e/serve-390.png`.
//!
//! Driven by playwright-core (npm, `package.json`; it downloads no browser)
//! on Debian's Chromium. In CI (`CI=true`, `.ci/run` installs both) the
//! test fails when either is missing; elsewhere it is skipped with a note.

use std::path::{Path, PathBuf};
use std::process::Command;

use spbe_pemdi::Lang;
use spbe_pemdi::convert::{ConvertOptions, Converter, draft};
use spbe_pemdi::decimal::show2;
use spbe_pemdi::serve::{Limits, router};

use crate::util::{data, fixture, root};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// What is missing to run the test, if anything.
fn missing() -> Option<String> {
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("/usr/bin/chromium (Debian package chromium)".into());
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node".into());
    }
    if !root().join("node_modules/playwright-core").is_dir() {
        return Some("node_modules/playwright-core (run `npm ci`)".into());
    }
    None
}

/// Serves the router on a free loopback port on a thread of its own;
/// returns the address to open.
fn start() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let app = router(data(), Lang::Id, Limits::default());
            axum::serve(listener, app).await.expect("serves");
        });
    });
    format!("http://{addr}/")
}

#[test]
fn a_phone_uploads_last_years_file_sees_the_projection_and_downloads_the_draft() {
    if let Some(what) = missing() {
        assert!(!in_ci(), "the serve browser test needs {what} in CI");
        eprintln!("note: serve browser test skipped: {what} is missing");
        return;
    }
    let out: PathBuf = root().join("target/e2e");
    std::fs::create_dir_all(&out).expect("target/e2e");
    let url = start();
    let fx = fixture("aceh-tengah-spbe-2025.json");
    let run = Command::new("node")
        .arg(root().join("tests/e2e/serve.mjs"))
        .arg(&url)
        .arg(&fx)
        .arg(&out)
        .current_dir(root())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    let r: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
        panic!(
            "no result ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    assert_eq!(r["ok"], true, "{r:#}");
    assert!(
        r["formTitle"]
            .as_str()
            .unwrap_or_default()
            .contains("Bawa hasil SPBE"),
        "{r:#}"
    );
    // The projection the library makes, in Indonesian numbers.
    let d = data();
    let a = spbe_pemdi::assessment::read(&fx, &d.catalog, None).expect("reads");
    let conv = Converter::new(&d, &a.framework, &ConvertOptions::default())
        .expect("path")
        .convert(&a)
        .expect("converts");
    let point = show2(conv.projected_index.point, Lang::Id);
    let text = r["text"].as_str().unwrap_or_default();
    assert!(
        text.contains(&point),
        "projection {point} not shown: {text}"
    );
    assert!(text.contains("Kabupaten Aceh Tengah"), "{text}");
    // No sideways scrolling at 390 px, on the form nor on the result.
    for key in ["formWidth", "scrollWidth"] {
        let w = r[key].as_u64().unwrap_or(u64::MAX);
        assert!(w <= 390, "{key} {w} > 390 px");
    }
    for (page, w) in r["widths"].as_object().into_iter().flatten() {
        let w = w.as_u64().unwrap_or(u64::MAX);
        assert!(w <= 390, "/{page}: {w} > 390 px");
    }
    // Nothing left the machine.
    for req in r["requests"].as_array().into_iter().flatten() {
        let u = req.as_str().unwrap_or_default();
        assert!(u.starts_with(&url), "a request outside the server: {u}");
    }
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(0), "{r:#}");
    // The downloaded draft reads back with the library: the suggestions.
    let name = r["download"].as_str().expect("a download");
    assert_eq!(name, "draf-pemdi-2026.xlsx");
    let back = spbe_pemdi::assessment::read(&out.join(name), &d.catalog, None).expect("reads back");
    let expected = draft::draft(&conv);
    assert_eq!(back.framework, "pemdi-2026");
    let values = |x: &spbe_pemdi::assessment::Assessment| -> Vec<(String, String)> {
        x.answers
            .iter()
            .map(|a| (a.indicator.clone(), a.value.normalize().to_string()))
            .collect()
    };
    assert_eq!(values(&back), values(&expected));
    assert!(
        out.join("serve-390.png").is_file(),
        "the screenshot is kept"
    );
}
