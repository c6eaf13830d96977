//! The pages' frame: embedded templates (minijinja, HTML auto-escaping),
//! the words of the pages in both languages, and HTML responses with a
//! strict Content-Security-Policy (no outside source of anything; the one
//! inline script runs by a fresh nonce).

use std::sync::OnceLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Environment, UndefinedBehavior, Value, context};

use crate::text::Lang;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("error.html", include_str!("templates/error.html")),
    ("picker.html", include_str!("templates/picker.html")),
    ("carry.html", include_str!("templates/carry.html")),
    ("merge.html", include_str!("templates/merge.html")),
    ("merged.html", include_str!("templates/merged.html")),
    ("batch.html", include_str!("templates/batch.html")),
    ("mapping.html", include_str!("templates/mapping.html")),
    ("text.html", include_str!("templates/text.html")),
    ("style.css", include_str!("templates/style.css")),
    ("drop.js", include_str!("templates/drop.js")),
    ("bar.html", include_str!("templates/bar.html")),
];

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Chainable);
        for (name, text) in TEMPLATES {
            // The templates are part of the binary and checked by the
            // tests: one that does not parse is left out and its page says so.
            let _ = env.add_template(name, text);
        }
        env
    })
}

/// The words of the pages: `(key, Indonesian, English)`.
const WORDS: &[(&str, &str, &str)] = &[
    ("app", "SPBE → Indeks Pemdi", "SPBE → Pemdi Index"),
    (
        "nav_carry",
        "Bawa hasil tahun lalu",
        "Carry last year forward",
    ),
    ("nav_merge", "Gabung draf", "Merge a draft"),
    ("nav_batch", "Provinsi / nasional", "Province / national"),
    ("nav_mapping", "Penjelajah pemetaan", "Mapping explorer"),
    ("switch", "English", "Bahasa Indonesia"),
    (
        "carry_title",
        "Bawa hasil SPBE tahun lalu ke Indeks Pemdi",
        "Carry last year's SPBE result to the Pemdi index",
    ),
    (
        "carry_intro",
        "Pilih atau seret berkas hasil tahun lalu (XLSX, CSV atau JSON). Berkas hanya diolah di mesin ini, di memori, dan tidak disimpan.",
        "Pick or drop last year's result file (XLSX, CSV or JSON). The file is processed on this machine only, in memory, and is not stored.",
    ),
    ("file", "Berkas hasil tahun lalu", "Last year's result file"),
    (
        "drop",
        "Seret berkas ke sini, atau ketuk untuk memilih",
        "Drop a file here, or tap to pick one",
    ),
    (
        "drop_many",
        "Seret berkas (atau ZIP) ke sini, atau ketuk untuk memilih",
        "Drop files (or a ZIP) here, or tap to pick them",
    ),
    ("framework", "Framework berkas", "The file's framework"),
    (
        "framework_auto",
        "Dari berkas (bila tertulis)",
        "From the file (when it says)",
    ),
    (
        "framework_help",
        "Pilih bila berkas tidak menyebut frameworknya.",
        "Pick one when the file does not say its framework.",
    ),
    (
        "external",
        "Nilai indeks eksternal (opsional)",
        "External index values (optional)",
    ),
    (
        "external_help",
        "misalnya sdi=68,75; sjig=2,1",
        "e.g. sdi=68.75, sjig=2.1",
    ),
    ("go_carry", "Proyeksikan", "Project"),
    (
        "error",
        "Berkas tidak dapat diolah",
        "The file could not be processed",
    ),
    (
        "limit",
        "Paling besar 10 MB per berkas.",
        "At most 10 MB a file.",
    ),
    (
        "limit_batch",
        "Paling besar 10 MB per berkas dan 200 MB semuanya.",
        "At most 10 MB a file and 200 MB in all.",
    ),
    ("download", "Unduh", "Download"),
    ("draft_xlsx", "Draf isian (XLSX)", "Pre-filled draft (XLSX)"),
    ("draft_csv", "Draf isian (CSV)", "Pre-filled draft (CSV)"),
    (
        "draft_json",
        "Draf dan konversi (JSON)",
        "Draft and conversion (JSON)",
    ),
    (
        "report_html",
        "Laporan celah (HTML, siap cetak)",
        "Gap report (HTML, printable)",
    ),
    (
        "worksheet_xlsx",
        "Lembar kerja celah (XLSX)",
        "Gap worksheet (XLSX)",
    ),
    ("again", "Berkas lain", "Another file"),
    (
        "merge_title",
        "Gabungkan saran ke draf tahun ini",
        "Merge the suggestions into this year's draft",
    ),
    (
        "merge_intro",
        "Unggah draf tahun ini seperti yang sudah diisi orang, dan berkas hasil tahun lalu. Nilai yang diisi orang tidak pernah diubah; saran yang berbeda didaftar sebagai konflik (aturan yang sama dengan `convert --into`).",
        "Upload this year's draft as people filled it, and last year's result file. A value a person set is never changed; differing suggestions are listed as conflicts (the same rules as `convert --into`).",
    ),
    ("draft_file", "Draf tahun ini", "This year's draft"),
    ("go_merge", "Gabungkan", "Merge"),
    ("merged_title", "Draf tergabung", "Merged draft"),
    ("filled", "diisi saran", "filled with a suggestion"),
    ("refreshed", "saran diperbarui", "suggestions refreshed"),
    ("kept", "nilai orang dipertahankan", "person values kept"),
    (
        "conflicts",
        "Konflik (nilai orang dipertahankan; periksa saran ini)",
        "Conflicts (the person's value is kept; review the suggestion)",
    ),
    ("no_conflicts", "Tidak ada konflik.", "No conflicts."),
    ("indicator", "Indikator", "Indicator"),
    ("person", "Nilai orang", "Person's value"),
    ("suggested", "Saran", "Suggestion"),
    ("class", "Kelas", "Class"),
    (
        "merged_xlsx",
        "Draf tergabung (XLSX)",
        "Merged draft (XLSX)",
    ),
    ("merged_csv", "Draf tergabung (CSV)", "Merged draft (CSV)"),
    (
        "merged_json",
        "Draf tergabung (JSON)",
        "Merged draft (JSON)",
    ),
    (
        "batch_title",
        "Ringkasan provinsi / nasional",
        "Province / national summary",
    ),
    (
        "batch_intro",
        "Unggah beberapa berkas hasil (atau satu ZIP berisi berkas-berkas itu). Setiap instansi mendapat laporan celah; ringkasan menampilkan semuanya. Tidak ada yang ditulis ke disk.",
        "Upload several result files (or one ZIP holding them). Every agency gets a gap report; the summary shows them all. Nothing is written to disk.",
    ),
    ("files", "Berkas hasil atau ZIP", "Result files or a ZIP"),
    ("go_batch", "Buat ringkasan", "Build the summary"),
    (
        "batch_zip",
        "Semua laporan dan ringkasan (ZIP)",
        "All reports and the summary (ZIP)",
    ),
    ("mapping_title", "Penjelajah pemetaan", "Mapping explorer"),
    ("frameworks", "Framework", "Frameworks"),
    ("crosswalks", "Crosswalk", "Crosswalks"),
    ("indicators", "indikator", "indicators"),
    ("review", "dokumen telaah", "review document"),
    ("trace", "Telusuri satu indikator", "Trace one indicator"),
    (
        "trace_help",
        "Id indikator sumber, misalnya spbe-2020:22",
        "A source indicator id, e.g. spbe-2020:22",
    ),
    ("to", "Ke framework", "To framework"),
    ("newest", "Terbaru", "Newest"),
    ("go_trace", "Telusuri", "Trace"),
    ("graph", "Graf pemetaan", "The mapping graph"),
    (
        "graph_text",
        "Graf sebagai teks Mermaid",
        "The graph as Mermaid text",
    ),
    (
        "diff",
        "Beda dua versi crosswalk",
        "The diff of two crosswalk versions",
    ),
    (
        "diff_intro",
        "Versi lama dan baru: id@versi dari data, atau unggah berkasnya. Tambahkan berkas penilaian (atau ZIP) untuk melihat dampaknya.",
        "Old and new versions: id@version from the data, or upload the files. Add assessment files (or a ZIP) to see the impact.",
    ),
    ("old", "Versi lama", "Old version"),
    ("new", "Versi baru", "New version"),
    ("or_file", "atau berkas", "or a file"),
    (
        "corpus",
        "Korpus penilaian (opsional)",
        "Assessment corpus (optional)",
    ),
    ("go_diff", "Bandingkan", "Compare"),
    ("back", "Kembali ke penjelajah", "Back to the explorer"),
    ("too_large", "Berkas terlalu besar", "File too large"),
    (
        "offline",
        "Halaman ini berjalan di mesin ini saja: tanpa internet, tanpa penyimpanan.",
        "This page runs on this machine only: no internet, nothing stored.",
    ),
];

/// The words of the pages in `lang`, for the templates (`t.key`).
pub fn words(lang: Lang) -> Value {
    let map: std::collections::BTreeMap<String, String> = WORDS
        .iter()
        .map(|(k, id, en)| (k.to_string(), lang.pick(id, en).to_string()))
        .collect();
    Value::from(map)
}

/// A fresh random token of 32 hexadecimal digits (128 bits), from the
/// standard library's randomly keyed hasher: nonces and result links.
pub fn token() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::with_capacity(32);
    for _ in 0..2 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// The Content-Security-Policy: nothing from outside the page; styles
/// inline (the reports are self-contained pages); scripts only with the
/// page's nonce; forms post to this server only.
pub fn csp(nonce: Option<&str>) -> String {
    let script = match nonce {
        Some(n) => format!("'nonce-{n}'"),
        None => "'none'".to_string(),
    };
    format!(
        "default-src 'none'; script-src {script}; style-src 'unsafe-inline'; img-src data:; \
         form-action 'self'; base-uri 'self'; frame-ancestors 'none'"
    )
}

/// Renders page `template` of the pages' frame with `ctx` (plus `t`, the
/// words, `lang`, `nonce` and the drop script) as a response.
pub fn render(status: StatusCode, lang: Lang, template: &str, ctx: Value) -> Response {
    let nonce = token();
    let env = environment();
    let full = context! {
        lang => lang.code(),
        other => match lang { Lang::Id => "en", Lang::En => "id" },
        t => words(lang),
        nonce => nonce.clone(),
        tool => format!("spbe-pemdi {}", env!("CARGO_PKG_VERSION")),
        ..ctx
    };
    match env.get_template(template).and_then(|t| t.render(full)) {
        Ok(body) => html(status, body, Some(&nonce)),
        Err(e) => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(
                "<!DOCTYPE html><title>galat</title><p>galat internal / internal error: {}</p>",
                escape(&e.to_string())
            ),
            None,
        ),
    }
}

/// The bar put at the top of a report page: the way back, the downloads.
/// `links` are `(href, label)`.
pub fn bar(lang: Lang, links: &[(String, String)]) -> String {
    let links: Vec<Value> = links
        .iter()
        .map(|(h, l)| context! { href => h, label => l })
        .collect();
    environment()
        .get_template("bar.html")
        .and_then(|t| t.render(context! { t => words(lang), lang => lang.code(), links => links }))
        .unwrap_or_else(|e| format!("<!-- {} -->", escape(&e.to_string())))
}

/// `page` (a whole report page) with `bar` put just inside its `<body>`
/// and `head` just inside its `<head>`.
pub fn inject(page: &str, head: &str, bar: &str) -> String {
    let mut out = String::with_capacity(page.len() + head.len() + bar.len());
    let mut rest = page;
    for (tag, add) in [("<head>", head), ("<body>", bar)] {
        match rest.split_once(tag) {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(tag);
                out.push_str(add);
                rest = after;
            }
            None => out.push_str(add),
        }
    }
    out.push_str(rest);
    out
}

/// An HTML response with the security headers.
pub fn html(status: StatusCode, body: String, nonce: Option<&str>) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&csp(nonce)) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r
}

/// HTML-escapes `s` (as minijinja's auto-escaping does).
pub fn escape(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = crate::batch::html_escape(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}
