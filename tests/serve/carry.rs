//! Carrying last year's file forward: the result page, its language, downloads, errors, limits, escaping.

use super::*;

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
    let body = web_report_body(&conv);
    let body = body.as_str();
    assert!(page.contains(body), "the page holds the whole report");
    let links = result_links(&page);
    let names: Vec<&str> = links.iter().filter_map(|l| l.rsplit('/').next()).collect();
    assert_eq!(
        names,
        [
            "draf-pemdi-2026.xlsx",
            "draf-pemdi-2026.csv",
            "laporan-celah.html",
            "lembar-kerja-celah.xlsx",
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
        let report = Report::build(&conv, &data.catalog, Lang::Id).expect("report");
        let expected = match name.rsplit('.').next() {
            Some("xlsx") if name.starts_with("lembar-kerja") => {
                spbe_pemdi::report::render(&report, Format::Xlsx, &data.catalog)
            }
            Some("xlsx") => draft::write(&d, Some(&conv), draft::DraftFormat::Xlsx, Lang::Id),
            Some("csv") => draft::write(&d, Some(&conv), draft::DraftFormat::Csv, Lang::Id),
            Some("json") => draft::write(&d, Some(&conv), draft::DraftFormat::Json, Lang::Id),
            _ => spbe_pemdi::report::render(
                &report
                    .clone()
                    .with_date(&spbe_pemdi::text::today())
                    .expect("date"),
                Format::Html,
                &data.catalog,
            ),
        }
        .expect("rendered");
        assert!(got.body == expected, "{name} differs from the library's");
        let disposition = got.headers.get(header::CONTENT_DISPOSITION).expect("named");
        assert!(disposition.to_str().unwrap_or_default().contains(name));
        if name.starts_with("draf") && name.ends_with(".xlsx") {
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
                .sentence(Lang::Id);
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
    // Every framework can be picked, the newest too (last year's Pemdi
    // 2026 result gives next year's draft), on both forms.
    for page in ["/", "/merge"] {
        let form = get(&app(), page).text();
        for id in ["spbe-2018", "spbe-2020", "pemdi-2025", "pemdi-2026"] {
            assert!(
                form.contains(&format!("<option value=\"{id}\">")),
                "{page}: {id}"
            );
        }
    }
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
