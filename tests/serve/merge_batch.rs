//! The merge page and the province / national batch page.

use super::*;

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
    // Three downloads and the language switch, which shows the same merge.
    assert_eq!(links.len(), 4, "{links:?}");
    let switch = links
        .iter()
        .find(|l| l.contains("?lang=en"))
        .expect("switch");
    let en = get(&app, switch);
    assert_eq!(en.status, StatusCode::OK);
    let en = en.text();
    assert!(
        en.contains("<td>pemdi-2026:1</td><td class=\"num\">4.50</td>"),
        "{en}"
    );
    let en_xlsx = result_links(&en)
        .into_iter()
        .find(|l| l.ends_with(".xlsx"))
        .expect("English xlsx");
    assert!(en_xlsx.contains("merged-draft"), "{en_xlsx}");
    assert_eq!(get(&app, &en_xlsx).status, StatusCode::OK);
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
