//! The HTML gap report opened in headless Chromium: it renders, its two
//! charts are SVG elements, it fits a 320-pixel phone without horizontal
//! scrolling, it prints to A4, and a justification holding
//! `<script>alert(1)</script>` shows as text, never as a script element.
//!
//! Chromium must be installed in CI (`.ci/run` installs it; CI sets
//! `CI=true`); elsewhere the test is skipped with a note when it is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::run;

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Runs headless Chromium on `url` with `extra` flags; returns stdout.
fn headless(bin: &Path, profile: &Path, extra: &[&str], url: &str) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(bin) = chromium() else {
        assert!(
            !in_ci(),
            "chromium is missing in CI: .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("note: chromium not found; skipping the headless browser test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let r = run(&[
        "gaps",
        "fixtures/xss-spbe-2024.csv",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let profile = dir.path().join("profile");
    let url = format!("file://{}", report.display());

    let dom = headless(&bin, &profile, &["--dump-dom"], &url);
    assert!(dom.contains("<html lang=\"id\">"), "{dom:.300}");
    assert!(dom.contains("Laporan Celah Indeks Pemdi"));
    assert_eq!(dom.matches("<svg").count(), 2, "two charts");
    assert!(dom.contains("id=\"chart-aspects\"") && dom.contains("id=\"chart-stakes\""));
    assert!(dom.matches("<rect").count() > 20, "bars are drawn");
    assert!(!dom.contains("<script"), "no script element");
    assert!(!dom.contains("<img"), "no image element");
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt; Kebijakan keamanan"),
        "the justification shows as text"
    );
    assert!(
        dom.contains("Kabupaten &lt;b&gt;Uji&lt;/b&gt;"),
        "agency as text"
    );

    // On a 320-pixel phone the page does not scroll sideways (tables
    // scroll inside their own wrapper).
    let probe = dir.path().join("probe.html");
    std::fs::write(
        &probe,
        r#"<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="report.html" style="width:320px;height:700px;border:0"></iframe>
<pre id="out">pending</pre>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, e = d.documentElement;
  document.getElementById('out').textContent = 'scroll=' + e.scrollWidth + ' client=' + e.clientWidth +
    ' scripts=' + d.getElementsByTagName('script').length + ' svgs=' + d.getElementsByTagName('svg').length;
};
</script></body></html>"#,
    )
    .unwrap();
    let dom = headless(
        &bin,
        &profile,
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ],
        &format!("file://{}", probe.display()),
    );
    let out = dom
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_default();
    let num = |k: &str| -> u32 {
        out.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {k} in {out:?}"))
    };
    assert!(
        num("scroll=") <= num("client="),
        "no sideways scrolling: {out}"
    );
    assert_eq!(num("scripts="), 0, "{out}");
    assert_eq!(num("svgs="), 2, "{out}");

    // It prints (A4 pages, see @page in the style sheet).
    let pdf = dir.path().join("report.pdf");
    headless(
        &bin,
        &profile,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &url,
    );
    let bytes = std::fs::read(&pdf).expect("a PDF is written");
    assert!(bytes.starts_with(b"%PDF"), "PDF");
    // A4 is 595 x 842 points (Chromium's default would be Letter, 612 x 792).
    let text = String::from_utf8_lossy(&bytes);
    let a4 = text.matches("MediaBox [0 0 594.9").count();
    assert!(a4 >= 2, "several A4 pages: {a4}");
    assert!(!text.contains("MediaBox [0 0 612"), "not Letter");
}
