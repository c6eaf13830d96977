//! `spbe-pemdi serve`: the router answered in memory (tower `oneshot`):
//! every page in Indonesian and English, the same numbers and errors as the
//! command line, downloads that read back, size limits refused with 413
//! while the server keeps serving, user text escaped, a strict CSP.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use spbe_pemdi::Lang;
use spbe_pemdi::convert::draft;
use spbe_pemdi::convert::{ConvertOptions, Converter};
use spbe_pemdi::report::{Format, Report};
use spbe_pemdi::serve::{Limits, router};
use tower::ServiceExt;

use crate::util::{data, fixture};

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn app() -> Router {
    router(data(), Lang::Id, Limits::default())
}

fn call(app: &Router, req: Request<Body>) -> Answer {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let r = app.clone().oneshot(req).await.expect("answered");
        let status = r.status();
        let headers = r.headers().clone();
        let body = axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    })
}

fn get(app: &Router, uri: &str) -> Answer {
    call(app, Request::get(uri).body(Body::empty()).expect("request"))
}

/// A multipart form: text fields and files (field, name, bytes).
fn post(
    app: &Router,
    uri: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, Vec<u8>)],
) -> Answer {
    let boundary = "spbe-pemdi-test-boundary-7f3a";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    for (k, name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    call(
        app,
        Request::post(uri)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("request"),
    )
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

/// The links of a page that point to kept results (`/r/TOKEN/FILE`).
fn result_links(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&#x2f;", "/"))
        .filter(|h| h.starts_with("/r/"))
        .collect()
}

fn csp(a: &Answer) -> String {
    a.headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_home_page_is_indonesian_with_a_strict_csp_and_a_nonced_script() {
    let a = get(&app(), "/");
    assert_eq!(a.status, StatusCode::OK);
    let page = a.text();
    assert!(page.contains("<html lang=\"id\">"), "{page}");
    assert!(page.contains("Bawa hasil SPBE tahun lalu"), "{page}");
    let policy = csp(&a);
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce");
    assert!(nonce.len() >= 32, "{nonce}");
    assert!(
        page.contains(&format!("<script nonce=\"{nonce}\">")),
        "{page}"
    );
    assert_eq!(page.matches("<script").count(), 1, "one inline script only");
    // Nothing from outside the machine.
    for outside in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!page.contains(outside), "{outside} in {page}");
    }
    // The form works with scripts off: a plain multipart form.
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    assert_eq!(
        a.headers
            .get(header::X_CONTENT_TYPE_OPTIONS)
            .map(|v| v.as_bytes()),
        Some(&b"nosniff"[..])
    );
    // A fresh nonce for every page.
    assert_ne!(csp(&get(&app(), "/")), policy);
}

#[test]
fn every_page_has_an_english_switch() {
    let app = app();
    for (uri, english) in [
        ("/?lang=en", "Carry last year's SPBE result"),
        ("/merge?lang=en", "Merge the suggestions"),
        ("/batch?lang=en", "Province / national summary"),
        ("/mapping?lang=en", "Mapping explorer"),
    ] {
        let a = get(&app, uri);
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let page = a.text();
        assert!(page.contains("<html lang=\"en\">"), "{uri}");
        assert!(
            page.contains(&english.replace('\'', "&#x27;").replace('/', "&#x2f;")),
            "{uri}: {page}"
        );
        assert!(page.contains("href=\"?lang=id\""), "{uri}");
    }
}

/// The result page is the library's own gap report (same numbers as
/// `spbe-pemdi gaps FILE --format html`), with the downloads on top.
#[test]
fn carrying_last_years_file_shows_the_command_lines_report() {
    let bytes = fixture_bytes("aceh-tengah-spbe-2025.json");
    let a = post(
        &app(),
        "/convert",
        &[("lang", "id")],
        &[("file", "aceh-tengah-spbe-2025.json", bytes.clone())],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let page = a.text();
    let data = data();
    let asm = spbe_pemdi::assessment::read_bytes(
        "aceh-tengah-spbe-2025.json",
        bytes,
        &data.catalog,
        None,
    )
    .expect("reads");
    let conv = Converter::new(&data, &asm.framework, &ConvertOptions::default())
        .expect("path")
        .convert(&asm)
        .expect("converts");
    let report = Report::build(&conv, &data.catalog, Lang::Id).expect("report");
    let html = String::from_utf8(
        spbe_pemdi::report::render(&report, Format::Html, &data.catalog).expect("html"),
    )
    .expect("utf-8");
    let (_, body) = html.split_once("<body>").expect("body");
    assert!(page.contains(body), "the page holds the whole report");
    let links = result_links(&page);
    let names: Vec<&str> = links.iter().filter_map(|l| l.rsplit('/').next()).collect();
    assert_eq!(
        names,
        [
            "draf-pemdi-2026.xlsx",
            "draf-pemdi-2026.csv",
            "laporan-celah.html",
            "draf-pemdi-2026.json",
            &format!("{}?lang=en", links[0].split('/').nth(2).unwrap_or_default()),
        ]
    );
}

/// The result page's language switch shows the same result in English,
/// with English file names that download.
#[test]
fn the_result_page_switches_language() {
    let app = app();
    let a = post(
        &app,
        "/convert",
        &[],
        &[(
            "file",
            "aceh.json",
            fixture_bytes("aceh-tengah-spbe-2025.json"),
        )],
    );
    let links = result_links(&a.text());
    let switch = links
        .iter()
        .find(|l| l.ends_with("?lang=en"))
        .expect("a switch");
    let en = get(&app, switch);
    assert_eq!(en.status, StatusCode::OK);
    let page = en.text();
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    let names: Vec<String> = result_links(&page)
        .iter()
        .filter_map(|l| l.rsplit('/').next().map(str::to_string))
        .collect();
    assert!(
        names.contains(&"draft-pemdi-2026.xlsx".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"gap-report.html".to_string()), "{names:?}");
    for link in result_links(&page).iter().filter(|l| !l.contains('?')) {
        assert_eq!(get(&app, link).status, StatusCode::OK, "{link}");
    }
    assert_eq!(
        get(&app, "/r/feedface?lang=en").status,
        StatusCode::NOT_FOUND
    );
}

#[test]
fn the_downloads_are_the_command_lines_draft_and_report() {
    let app = app();
    let bytes = fixture_bytes("kemenpanrb-spbe-2024.xlsx");
    let a = post(
        &app,
        "/convert",
        &[],
        &[("file", "kemenpanrb-spbe-2024.xlsx", bytes.clone())],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let data = data();
    let asm =
        spbe_pemdi::assessment::read_bytes("kemenpanrb-spbe-2024.xlsx", bytes, &data.catalog, None)
            .expect("reads");
    let conv = Converter::new(&data, &asm.framework, &ConvertOptions::default())
        .expect("path")
        .convert(&asm)
        .expect("converts");
    let d = draft::draft(&conv);
    let files = result_links(&a.text());
    for link in files.iter().filter(|l| !l.contains('?')) {
        let got = get(&app, link);
        assert_eq!(got.status, StatusCode::OK, "{link}");
        let name = link.rsplit('/').next().unwrap_or_default();
        let expected = match name.rsplit('.').next() {
            Some("xlsx") => draft::write(&d, Some(&conv), draft::DraftFormat::Xlsx, Lang::Id),
            Some("csv") => draft::write(&d, Some(&conv), draft::DraftFormat::Csv, Lang::Id),
            Some("json") => draft::write(&d, Some(&conv), draft::DraftFormat::Json, Lang::Id),
            _ => spbe_pemdi::report::render(
                &Report::build(&conv, &data.catalog, Lang::Id).expect("report"),
                Format::Html,
                &data.catalog,
            ),
        }
        .expect("rendered");
        assert!(got.body == expected, "{name} differs from the library's");
        let disposition = got.headers.get(header::CONTENT_DISPOSITION).expect("named");
        assert!(disposition.to_str().unwrap_or_default().contains(name));
        if name.ends_with(".xlsx") {
            // It reads back as a Pemdi 2026 assessment with the suggestions.
            let back =
                spbe_pemdi::assessment::read_bytes(name, got.body.clone(), &data.catalog, None)
                    .expect("reads back");
            assert_eq!(back.framework, "pemdi-2026");
            assert_eq!(back.answers.len(), d.answers.len());
        }
    }
    // A result nobody made.
    assert_eq!(
        get(&app, "/r/0123/draf-pemdi-2026.xlsx").status,
        StatusCode::NOT_FOUND
    );
}

/// A broken file gets the command line's error (file, cell, hint) in
/// plain sentences, on the form again, with 422.
#[test]
fn a_broken_file_gets_the_command_lines_error() {
    let data = data();
    for name in [
        "bad/corrupted.xlsx",
        "bad/xlsx-text-in-value.xlsx",
        "bad/csv-pemdi-2026-above-scale.csv",
        "bad/blank.json",
    ] {
        let bytes = fixture_bytes(name);
        let label = name.rsplit('/').next().unwrap_or(name);
        let expected =
            spbe_pemdi::assessment::read_bytes(label, bytes.clone(), &data.catalog, None)
                .expect_err("broken")
                .render(Lang::Id);
        let a = post(&app(), "/convert", &[], &[("file", label, bytes)]);
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let page = a.text();
        let escaped = expected
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2f;");
        assert!(page.contains(&escaped), "{name}: {expected}\n{page}");
        assert!(page.contains("role=\"alert\""), "{name}");
        assert!(page.contains("<form"), "the form is there to try again");
    }
}

/// A file that does not say its framework: the error says so, and the
/// picker's choice converts it.
#[test]
fn the_framework_picker_converts_a_file_that_does_not_say() {
    let csv = b"indikator;nilai\n1;3\n2;4\n".to_vec();
    let a = post(
        &app(),
        "/convert",
        &[],
        &[("file", "hasil.csv", csv.clone())],
    );
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        a.text().contains("--framework") || a.text().contains("framework"),
        "{}",
        a.text()
    );
    let b = post(
        &app(),
        "/convert",
        &[("framework", "spbe-2020")],
        &[("file", "hasil.csv", csv)],
    );
    assert_eq!(b.status, StatusCode::OK, "{}", b.text());
}

/// Over the file limit: 413, a plain Indonesian message, and the same
/// router goes on serving.
#[test]
fn an_oversized_upload_is_refused_with_413_and_the_server_keeps_serving() {
    let app = app();
    let big = vec![b'1'; 10 * 1000 * 1000 + 1];
    let a = post(
        &app,
        "/convert",
        &[("lang", "id")],
        &[("file", "besar.csv", big)],
    );
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    let page = a.text();
    assert!(page.contains("lebih besar dari 10 MB"), "{page}");
    assert!(page.contains("besar.csv"), "{page}");
    // English when asked.
    let small = router(
        data(),
        Lang::Id,
        Limits {
            file: 100,
            batch: 250,
        },
    );
    let b = post(
        &small,
        "/convert",
        &[("lang", "en")],
        &[("file", "big.csv", vec![b'1'; 101])],
    );
    assert_eq!(b.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(b.text().contains("larger than"), "{}", b.text());
    // A batch over its limit in all, though each file is under the file limit.
    let files: Vec<(&str, &str, Vec<u8>)> =
        (0..3).map(|_| ("files", "a.csv", vec![b'1'; 90])).collect();
    let c = post(&small, "/batch", &[], &files);
    assert_eq!(c.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", c.text());
    // Still serving, and converting.
    assert_eq!(get(&app, "/").status, StatusCode::OK);
    let ok = post(
        &app,
        "/convert",
        &[],
        &[(
            "file",
            "aceh.json",
            fixture_bytes("aceh-tengah-spbe-2025.json"),
        )],
    );
    assert_eq!(ok.status, StatusCode::OK);
}

/// Markup in the user's file shows as text everywhere: the result page,
/// the error page, the batch summary.
#[test]
fn user_text_is_escaped() {
    let app = app();
    let xss = fixture_bytes("xss-spbe-2024.csv");
    let a = post(
        &app,
        "/convert",
        &[],
        &[("file", "xss-spbe-2024.csv", xss.clone())],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let b = post(&app, "/batch", &[], &[("files", "xss-spbe-2024.csv", xss)]);
    assert_eq!(b.status, StatusCode::OK);
    let evil = "<script>alert(1)</script>";
    let c = post(
        &app,
        "/convert",
        &[],
        &[("file", &format!("{evil}.csv"), b"x;y\n".to_vec())],
    );
    assert_eq!(c.status, StatusCode::UNPROCESSABLE_ENTITY);
    for page in [a.text(), b.text(), c.text()] {
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
    }
}

/// Merging: the same code path as `convert --into`: a person's value is
/// kept and listed as a conflict; the merged draft reads back.
#[test]
fn merging_keeps_a_persons_value_and_lists_the_conflict() {
    let app = app();
    let mine = br#"{"framework": "pemdi-2026", "agency": "Kabupaten Aceh Tengah", "year": 2026,
        "answers": [{"indicator": "pemdi-2026:1", "value": "4.5"}]}"#
        .to_vec();
    let last = fixture_bytes("aceh-tengah-spbe-2025.json");
    let a = post(
        &app,
        "/merge",
        &[],
        &[
            ("draft", "draf.json", mine.clone()),
            ("file", "aceh.json", last.clone()),
        ],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let page = a.text();
    let data = data();
    let asm =
        spbe_pemdi::assessment::read_bytes("aceh.json", last, &data.catalog, None).expect("reads");
    let conv = Converter::new(&data, &asm.framework, &ConvertOptions::default())
        .expect("path")
        .convert(&asm)
        .expect("converts");
    let existing =
        spbe_pemdi::assessment::read_bytes("draf.json", mine, &data.catalog, Some("pemdi-2026"))
            .expect("draft reads");
    let m = draft::merge(&existing, &conv).expect("merges");
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(
        page.contains("<td>pemdi-2026:1</td><td class=\"num\">4,50</td>"),
        "{page}"
    );
    assert!(
        page.contains(&format!("<strong>{}</strong> diisi saran", m.filled.len())),
        "{page}"
    );
    let links = result_links(&page);
    assert_eq!(links.len(), 3, "{links:?}");
    let xlsx = links.iter().find(|l| l.ends_with(".xlsx")).expect("xlsx");
    let got = get(&app, xlsx);
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.body,
        draft::write(&m.draft, Some(&conv), draft::DraftFormat::Xlsx, Lang::Id).expect("xlsx")
    );
    let back = spbe_pemdi::assessment::read_bytes("m.xlsx", got.body, &data.catalog, None)
        .expect("reads back");
    let one = back
        .answers
        .iter()
        .find(|x| x.indicator == "pemdi-2026:1")
        .expect("indicator 1");
    assert_eq!(one.value.normalize().to_string(), "4.5");
    assert_eq!(one.origin, None, "still the person's value");
    // No draft chosen: a plain error.
    let b = post(
        &app,
        "/merge",
        &[],
        &[(
            "file",
            "aceh.json",
            fixture_bytes("aceh-tengah-spbe-2025.json"),
        )],
    );
    assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(b.text().contains("draf tahun ini"), "{}", b.text());
}

/// The province / national view: files and a ZIP of files become the
/// batch summary page of the library, failures listed, reports and a ZIP
/// to download.
#[test]
fn a_batch_of_files_and_a_zip_gives_the_summary_page() {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        (
            "hasil/kemenkeu-spbe-2024.json",
            fixture_bytes("kemenkeu-spbe-2024.json"),
        ),
        ("hasil/.tersembunyi.json", b"{}".to_vec()),
        ("__MACOSX/hasil/._kemenkeu-spbe-2024.json", b"junk".to_vec()),
        ("hasil/catatan.pdf", b"%PDF".to_vec()),
    ] {
        z.start_file(name, opts).expect("zip");
        z.write_all(&bytes).expect("zip");
    }
    let zipped = z.finish().expect("zip").into_inner();
    let app = app();
    let a = post(
        &app,
        "/batch",
        &[],
        &[
            (
                "files",
                "aceh-tengah-spbe-2025.json",
                fixture_bytes("aceh-tengah-spbe-2025.json"),
            ),
            ("files", "hasil.zip", zipped),
            ("files", "rusak.csv", b"bukan;tabel\n".to_vec()),
        ],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let page = a.text();
    let token = page
        .split("<base href=\"/r/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("a base for the links")
        .to_string();
    assert!(
        page.contains("href=\"aceh-tengah-spbe-2025.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"kemenkeu-spbe-2024.html\""), "{page}");
    assert!(page.contains("rusak.csv"), "the failure is listed");
    assert!(!page.contains("tersembunyi"), "hidden files are skipped");
    let report = get(&app, &format!("/r/{token}/kemenkeu-spbe-2024.html"));
    assert_eq!(report.status, StatusCode::OK);
    assert!(
        report.text().contains("Kementerian Keuangan"),
        "{}",
        &report.text()[..200]
    );
    let all = get(&app, &format!("/r/{token}/laporan.zip"));
    assert_eq!(all.status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(all.body)).expect("a zip");
    let names: Vec<String> = (0..archive.len())
        .map(|i| {
            archive
                .by_index(i)
                .expect("entry")
                .name()
                .expect("name")
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "summary.html",
            "aceh-tengah-spbe-2025.html",
            "kemenkeu-spbe-2024.html"
        ]
    );
    // Nothing readable: the form again, with the reason.
    let b = post(
        &app,
        "/batch",
        &[],
        &[("files", "catatan.pdf", b"%PDF".to_vec())],
    );
    assert_eq!(b.status, StatusCode::OK, "{}", b.text());
    assert!(b.text().contains("catatan.pdf"), "listed as failed");
}

#[test]
fn the_mapping_explorer_shows_frameworks_crosswalks_graph_trace_review_and_diff() {
    let app = app();
    let data = data();
    let index = get(&app, "/mapping").text();
    for f in &data.catalog.frameworks {
        assert!(
            index.contains(&format!("<code>{}</code>", f.id)),
            "{}",
            f.id
        );
    }
    assert!(
        index.contains("<svg class=\"graph\""),
        "the graph as a picture"
    );
    assert!(
        index.contains("flowchart") || index.contains("graph "),
        "the mermaid text"
    );
    assert!(index.contains("spbe-2020-to-pemdi-2026@"), "{index}");
    assert!(
        index.contains("<option value=\"spbe-2018:35\">"),
        "the trace picker"
    );
    let trace = get(&app, "/mapping/trace?indicator=spbe-2020:22&to=pemdi-2026");
    assert_eq!(trace.status, StatusCode::OK);
    assert!(trace.text().contains("pemdi-2026:8"), "{}", trace.text());
    let bad = get(&app, "/mapping/trace?indicator=nonsense");
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let review = get(&app, "/mapping/review?crosswalk=spbe-2020-to-pemdi-2026");
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.text().contains("spbe-2020-to-pemdi-2026"));
    // Never a file on the server's disk.
    for path in [
        "Cargo.toml",
        "..%2FCargo.toml",
        "%2Fetc%2Fpasswd",
        "mappings%2Fcrosswalks%2Fspbe-2020-to-pemdi-2026.json",
    ] {
        let a = get(&app, &format!("/mapping/review?crosswalk={path}"));
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(!a.text().contains("[package]"), "{path}");
    }
    // The diff of a crosswalk with an edited copy, with the impact on an uploaded corpus.
    let name = "spbe-2020-to-pemdi-2026";
    let file = data
        .files
        .iter()
        .find(|f| f.path == format!("crosswalks/{name}.json"))
        .expect("shipped");
    let mut edited: serde_json::Value = serde_json::from_str(&file.text).expect("json");
    edited["version"] = serde_json::Value::String("1.1.0".into());
    edited["maps"][0]["confidence"] = serde_json::Value::String("low".into());
    let edited = serde_json::to_vec_pretty(&edited).expect("json");
    let old = index
        .split("<option value=\"")
        .filter_map(|s| s.split('"').next())
        .find(|r| r.starts_with(name))
        .expect("listed")
        .to_string();
    let a = post(
        &app,
        "/mapping/diff",
        &[("old", &old), ("new", &old)],
        &[
            ("new_file", "baru.json", edited),
            (
                "corpus",
                "aceh.json",
                fixture_bytes("aceh-tengah-spbe-2025.json"),
            ),
        ],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("confidence"), "{}", a.text());
    assert!(
        a.text().contains("aceh.json"),
        "the corpus file is counted: {}",
        a.text()
    );
}

#[test]
fn an_unknown_page_is_404_in_the_pages_language() {
    let a = get(&app(), "/nothing-here?lang=en");
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.text().contains("There is no such page"), "{}", a.text());
}

/// Starts `spbe-pemdi serve` with `args`; returns the child and the first
/// line it printed.
fn spawn_serve(args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_spbe-pemdi"))
        .arg("serve")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    (child, line)
}

/// A plain GET over a socket; returns the status line.
fn status_line(url: &str) -> String {
    use std::io::{BufRead, Write};
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut s = std::net::TcpStream::connect(&host).expect("connects");
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut line = String::new();
    std::io::BufReader::new(s)
        .read_line(&mut line)
        .expect("answer");
    line.trim_end().to_string()
}

/// Also pins a bug: the server died (broken pipe) when whoever started it
/// read the address and closed its standard output, as this test does.
#[test]
fn serve_prints_the_address_to_open_and_warns_when_not_on_loopback() {
    // Loopback: the address, no warning.
    let (mut child, line) = spawn_serve(&["--listen", "127.0.0.1:0"]);
    let url = line
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        line.starts_with("spbe-pemdi serve: buka di peramban http://127.0.0.1:"),
        "{line}"
    );
    assert_eq!(status_line(&url), "HTTP/1.1 200 OK");
    child.kill().expect("stopped");
    let out = child.wait_with_output().expect("ended");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "no warning on loopback"
    );
    // Every address: a warning that the page has no login.
    let (mut child, line) = spawn_serve(&["--listen", "0.0.0.0:0", "--lang", "en"]);
    let url = line
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        line.starts_with("spbe-pemdi serve: open in a browser http://127.0.0.1:"),
        "{line}"
    );
    assert_eq!(status_line(&url), "HTTP/1.1 200 OK");
    child.kill().expect("stopped");
    let out = child.wait_with_output().expect("ended");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("WARNING: "), "{err}");
    assert!(err.contains("NO login"), "{err}");
}

#[test]
fn serve_on_an_address_it_cannot_use_exits_2_with_a_hint() {
    let r = crate::util::run(&["serve", "--listen", "bukan-alamat"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--listen `bukan-alamat`"), "{}", r.stderr);
    assert!(r.stderr.contains("127.0.0.1:8081"), "{}", r.stderr);
}

/// A ZIP that unpacks to more than the file limit (a "ZIP bomb": 11 MB of
/// zeros in a few kilobytes) is refused with 413; no more than the limit is
/// ever unpacked.
#[test]
fn a_zip_bomb_is_refused_with_413() {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("nol.csv", opts).expect("zip");
    z.write_all(&vec![b'0'; 11 * 1000 * 1000]).expect("zip");
    let bomb = z.finish().expect("zip").into_inner();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let a = post(&app(), "/batch", &[], &[("files", "bom.zip", bomb)]);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", a.text());
    assert!(
        a.text()
            .contains("bom.zip&#x2f;nol.csv lebih besar dari 10 MB"),
        "{}",
        a.text()
    );
}

/// External index values typed in the form, Indonesian style
/// (`sdi=68,75; sjig=2,1`), fill the external indicators as `--external` does.
#[test]
fn external_index_values_from_the_form_are_used() {
    let data = data();
    let bytes = fixture_bytes("aceh-tengah-spbe-2025.json");
    let asm = spbe_pemdi::assessment::read_bytes("a.json", bytes.clone(), &data.catalog, None)
        .expect("reads");
    let opts = ConvertOptions {
        external: spbe_pemdi::score::external::parse_arg("sdi=68.75,sjig=2.1").expect("parses"),
        ..ConvertOptions::default()
    };
    let conv = Converter::new(&data, &asm.framework, &opts)
        .expect("path")
        .convert(&asm)
        .expect("converts");
    let report = Report::build(&conv, &data.catalog, Lang::Id).expect("report");
    let html = String::from_utf8(
        spbe_pemdi::report::render(&report, Format::Html, &data.catalog).expect("html"),
    )
    .expect("utf-8");
    let (_, body) = html.split_once("<body>").expect("body");
    let plain = post(
        &app(),
        "/convert",
        &[],
        &[("file", "a.json", bytes.clone())],
    );
    assert!(!plain.text().contains(body), "the values change the report");
    let a = post(
        &app(),
        "/convert",
        &[("external", "sdi=68,75; sjig=2,1")],
        &[("file", "a.json", bytes)],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(
        a.text().contains(body),
        "the report with the external values"
    );
    let b = post(
        &app(),
        "/convert",
        &[("external", "sdi=banyak")],
        &[(
            "file",
            "a.json",
            fixture_bytes("aceh-tengah-spbe-2025.json"),
        )],
    );
    assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", b.text());
}
