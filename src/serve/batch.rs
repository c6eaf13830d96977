//! Page 3: the province / national view. Several files (or ZIPs of them)
//! become the batch summary page of [`crate::batch::memory`], its agencies
//! linked to their gap reports, all kept in memory.

use std::io::{Cursor, Read, Write};

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;

use super::cache::Entry;
use super::carry::{frameworks, refused};
use super::page::{self, bar, inject};
use super::upload::{self, Limits, Upload};
use super::{File, LangQuery, Shared, blocking};
use crate::batch::memory::{self, MemoryBatch};
use crate::error::Error;
use crate::report::Format;
use crate::text::Lang;
use crate::tr;

/// The XLSX media type.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The extensions read from a ZIP (as a batch reads a folder).
const READ: [&str; 7] = ["json", "csv", "xlsx", "xlsm", "xls", "ods", "tsv"];

fn form_page(st: &Shared, status: StatusCode, lang: Lang, error: Option<String>) -> Response {
    page::render(
        status,
        lang,
        "batch.html",
        context! { frameworks => frameworks(st, lang), error => error },
    )
}

/// `GET /batch`.
pub async fn form(State(st): State<Shared>, q: Query<LangQuery>) -> Response {
    let lang = q.lang(st.lang);
    form_page(&st, StatusCode::OK, lang, None)
}

/// Whether `b` starts like a ZIP archive.
fn is_zip(u: &Upload) -> bool {
    u.bytes.starts_with(b"PK\x03\x04")
        && u.name
            .rsplit('.')
            .next()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Why uploads were refused: 413 (too large) or 422, and the error.
pub type Refusal = (StatusCode, Error);

/// The assessment files of the uploads: files as given, ZIPs opened (the
/// files directly or deeper inside them with a readable extension, hidden
/// ones and macOS resource forks skipped), each within the file limit and
/// all within the batch limit.
pub fn expand(uploads: Vec<Upload>, limits: Limits) -> Result<Vec<(String, Vec<u8>)>, Refusal> {
    let mut out = Vec::new();
    let mut total = 0usize;
    let too_large = |e: Error| (StatusCode::PAYLOAD_TOO_LARGE, e);
    for u in uploads {
        if !is_zip(&u) {
            total += u.bytes.len();
            out.push((u.name, u.bytes));
            continue;
        }
        let bad = |e: String| {
            let e = Error::input(&u.name, tr!("ZIP tidak terbaca: {}", "unreadable ZIP: {}", e))
                .with_hint(tr!(
                    "buat ulang ZIP-nya (Kirim ke → Folder terkompresi), atau unggah berkasnya satu per satu",
                    "make the ZIP again, or upload the files one by one"
                ));
            (StatusCode::UNPROCESSABLE_ENTITY, e)
        };
        let mut zip =
            zip::ZipArchive::new(Cursor::new(&u.bytes)).map_err(|e| bad(e.to_string()))?;
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
            let path = f.name().map_err(|e| bad(e.to_string()))?.to_string();
            let base = path.rsplit('/').next().unwrap_or(&path).to_string();
            let ext = base.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
            if !f.is_file()
                || base.starts_with('.')
                || path.starts_with("__MACOSX/")
                || !READ.contains(&ext.as_str())
            {
                continue;
            }
            let label = format!("{}/{}", u.name, path);
            let mut bytes = Vec::new();
            // Never more than the limit is unpacked: a ZIP bomb stops here.
            (&mut f)
                .take(limits.file as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| bad(e.to_string()))?;
            if bytes.len() > limits.file {
                let message = upload::file_too_large(&label, limits);
                return Err(too_large(Error::input(&label, message)));
            }
            total += bytes.len();
            if total > limits.batch {
                let message = upload::request_too_large(limits.batch);
                return Err(too_large(Error::input(&u.name, message)));
            }
            out.push((label, bytes));
        }
    }
    if out.is_empty() {
        let e = Error::usage(tr!(
            "tidak ada berkas penilaian untuk dibaca",
            "no assessment files to read"
        ))
        .expected(tr!(
            "berkas .json, .csv, .xlsx, .xls atau .ods, atau ZIP yang memuatnya",
            "files .json, .csv, .xlsx, .xls or .ods, or a ZIP holding them"
        ));
        return Err((StatusCode::UNPROCESSABLE_ENTITY, e));
    }
    Ok(out)
}

/// `POST /batch`.
pub async fn submit(State(st): State<Shared>, mp: Multipart) -> Response {
    let form = match upload::read(mp, st.limits, st.limits.batch).await {
        Ok(f) => f,
        Err(r) => return refused(&st, r, form_page),
    };
    let lang = form.lang(st.lang);
    let st2 = st.clone();
    let result = blocking(&st, move || {
        let framework = form.field("framework").map(str::to_string);
        let opts = super::carry::options(&form)?;
        let uploads: Vec<Upload> = form
            .files
            .into_iter()
            .filter(|f| f.field == "files")
            .collect();
        let files = match expand(uploads, st2.limits) {
            Ok(f) => f,
            Err(refused) => return Ok(Err(refused)),
        };
        memory::run(
            st2.data,
            files,
            framework.as_deref(),
            &opts,
            Format::Html,
            lang,
        )
        .map(Ok)
    })
    .await;
    let batch = match result {
        Ok(Ok(b)) => b,
        Ok(Err((status, e))) => return form_page(&st, status, lang, Some(e.sentence(lang))),
        Err(e) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&st, status, lang, Some(e.sentence(lang)));
        }
    };
    let page = summary_page(&batch, lang, None);
    let token = st.cache.put(Entry::Batch { batch, lang });
    page::html(StatusCode::OK, with_base(&page, &token), None)
}

fn zip_name(lang: Lang) -> String {
    format!("{}.zip", lang.pick("laporan", "reports"))
}

/// The summary page with the downloads bar (its links relative to the
/// result's folder, `/r/TOKEN/`).
fn summary_page(batch: &MemoryBatch, lang: Lang, _token: Option<&str>) -> String {
    let w = page::words(lang);
    let word = |k: &str| w.get_attr(k).map(|v| v.to_string()).unwrap_or_default();
    let links = vec![
        (zip_name(lang), word("batch_zip")),
        (format!("/batch?lang={}", lang.code()), word("again")),
    ];
    inject(&batch.summary_html, "", &bar(lang, &links))
}

/// `page` with a `<base>` so that its relative links (the agencies'
/// reports, the ZIP) point into the result's folder.
fn with_base(page: &str, token: &str) -> String {
    inject(page, &format!("<base href=\"/r/{token}/\">"), "")
}

/// A file of a kept batch: `summary.html`, an agency's report, or the ZIP
/// of them all.
pub fn file(batch: &MemoryBatch, lang: Lang, name: &str) -> Option<File> {
    if name == "summary.html" {
        return Some(File {
            name: name.to_string(),
            mime: "text/html; charset=utf-8",
            bytes: summary_page(batch, lang, None).into_bytes(),
            inline: true,
        });
    }
    if name == zip_name(lang) {
        return Some(File {
            name: name.to_string(),
            mime: "application/zip",
            bytes: zip_all(batch).ok()?,
            inline: false,
        });
    }
    let (_, bytes) = batch.reports.iter().find(|(n, _)| n == name)?;
    Some(File {
        name: name.to_string(),
        mime: "text/html; charset=utf-8",
        bytes: bytes.clone(),
        inline: true,
    })
}

/// `summary.html` and every report, in one ZIP.
fn zip_all(batch: &MemoryBatch) -> std::io::Result<Vec<u8>> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let files = std::iter::once(("summary.html", batch.summary_html.as_bytes())).chain(
        batch
            .reports
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice())),
    );
    for (name, bytes) in files {
        z.start_file(name, opts).map_err(std::io::Error::other)?;
        z.write_all(bytes)?;
    }
    Ok(z.finish().map_err(std::io::Error::other)?.into_inner())
}
