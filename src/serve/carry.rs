//! Page 1: carry last year's file forward. The result page is the gap
//! report itself (the library's own renderer: source index, projected
//! index with its range and predicate, the three things to do first, the
//! per-indicator table) with a bar of downloads on top.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};

use super::cache::Entry;
use super::page::{self, bar, inject};
use super::upload::{self, Form, Refused};
use super::{File, LangQuery, Shared, blocking};
use crate::convert::draft::{self, DraftFormat};
use crate::convert::{Conversion, ConvertOptions, Converter};
use crate::error::{Error, Result};
use crate::report::{Format, Report};
use crate::text::Lang;
use crate::tr;

/// The frameworks a file may be in, for the picker: every one, the newest
/// too (last year's Pemdi 2026 result gives next year's draft).
pub fn frameworks(st: &Shared, lang: Lang) -> Vec<Value> {
    st.data
        .catalog
        .frameworks
        .iter()
        .map(|f| context! { id => f.id.clone(), title => f.title(lang) })
        .collect()
}

/// The form, with `error` (a rendered error) when the last try failed.
pub fn form_page(st: &Shared, status: StatusCode, lang: Lang, error: Option<String>) -> Response {
    page::render(
        status,
        lang,
        "carry.html",
        context! { frameworks => frameworks(st, lang), error => error },
    )
}

/// `GET /`.
pub async fn form(State(st): State<Shared>, q: Query<LangQuery>) -> Response {
    let lang = q.lang(st.lang);
    form_page(&st, StatusCode::OK, lang, None)
}

/// A refused form, on the page it came from.
pub fn refused(
    st: &Shared,
    r: Refused,
    page: fn(&Shared, StatusCode, Lang, Option<String>) -> Response,
) -> Response {
    let lang = r.lang.unwrap_or(st.lang);
    page(st, r.status, lang, Some(r.message.get(lang).to_string()))
}

/// The conversion options of a form: `external` values, when given.
pub fn options(form: &Form) -> Result<ConvertOptions> {
    let external = match form.field("external") {
        // As `--external` reads them: `;` or `,` between keys, a decimal
        // comma or point (`sdi=68,75; sjig=2,1`).
        Some(s) => crate::score::external::parse_arg(s)?,
        None => vec![],
    };
    Ok(ConvertOptions {
        external,
        ..ConvertOptions::default()
    })
}

/// Reads and converts `bytes` (named `name`) as the command line does.
pub fn convert(st: &Shared, form: &Form, name: &str, bytes: Vec<u8>) -> Result<Conversion> {
    let catalog = &st.data.catalog;
    let framework = form.field("framework");
    let a = crate::assessment::read_bytes(name, bytes, catalog, framework)?;
    let opts = options(form)?;
    if opts.external.is_empty() {
        st.converter(&a.framework)?.convert(&a)
    } else {
        Converter::new(st.data, &a.framework, &opts)?.convert(&a)
    }
}

/// No file in the form.
pub fn no_file() -> Error {
    Error::usage(tr!("tidak ada berkas yang dipilih", "no file was chosen")).with_hint(tr!(
        "pilih berkas hasil tahun lalu (XLSX, CSV atau JSON), lalu tekan tombolnya",
        "pick last year's result file (XLSX, CSV or JSON), then press the button"
    ))
}

/// `POST /convert`.
pub async fn submit(State(st): State<Shared>, mp: Multipart) -> Response {
    let limit = 3 * st.limits.file;
    let form = match upload::read(mp, st.limits, limit).await {
        Ok(f) => f,
        Err(r) => return refused(&st, r, form_page),
    };
    let lang = form.lang(st.lang);
    let st2 = st.clone();
    let result = blocking(&st, move || {
        let file = form
            .files
            .iter()
            .find(|f| f.field == "file")
            .ok_or_else(no_file)?;
        let conv = convert(&st2, &form, &file.name, file.bytes.clone())?;
        let report = dated(Report::build(&conv, &st2.data.catalog, lang)?)?;
        let html = crate::report::html::render(&report)?;
        let token = st2.cache.put(Entry::Carry { conv: conv.clone() });
        Ok(result_page(&html, &token, &conv, lang))
    })
    .await;
    match result {
        Ok(body) => page::html(StatusCode::OK, body, None),
        Err(e) => form_page(
            &st,
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            Some(e.sentence(lang)),
        ),
    }
}

/// The draft's file name: `draf-pemdi-2026.xlsx`.
fn draft_name(conv: &Conversion, lang: Lang, ext: &str) -> String {
    format!("{}-{}.{ext}", lang.pick("draf", "draft"), conv.target)
}

fn report_name(lang: Lang) -> String {
    format!("{}.html", lang.pick("laporan-celah", "gap-report"))
}

/// The gap worksheet's file name (`gaps -o lembar-kerja.xlsx`).
fn worksheet_name(lang: Lang) -> String {
    format!("{}.xlsx", lang.pick("lembar-kerja-celah", "gap-worksheet"))
}

/// The report with today's date in its footer and printed margins: a page
/// made on request is printed the day it is made.
fn dated(r: Report) -> Result<Report> {
    r.with_date(&crate::text::today())
}

/// The other language.
fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    }
}

/// The result page of a kept conversion in `lang`.
fn page_of(st: &Shared, token: &str, conv: &Conversion, lang: Lang) -> Result<String> {
    let report = dated(Report::build(conv, &st.data.catalog, lang)?)?;
    let html = crate::report::html::render(&report)?;
    Ok(result_page(&html, token, conv, lang))
}

/// `GET /r/TOKEN?lang=`: a kept conversion's result page again, in the
/// language asked for (the switch on the result page).
pub async fn view(
    State(st): State<Shared>,
    axum::extract::Path(token): axum::extract::Path<String>,
    q: Query<LangQuery>,
) -> Response {
    let lang = q.lang(st.lang);
    let entry = st.cache.get(&token);
    let st2 = st.clone();
    let made = blocking(&st, move || match entry.as_deref() {
        Some(Entry::Carry { conv, .. }) => page_of(&st2, &token, conv, lang)
            .map(|body| Some(page::html(StatusCode::OK, body, None))),
        Some(e @ Entry::Merge { .. }) => Ok(Some(super::merge::merged_page(&token, e, lang))),
        _ => Ok(None),
    })
    .await;
    match made {
        Ok(Some(page)) => page,
        Ok(None) => super::gone(lang),
        Err(e) => form_page(
            &st,
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            Some(e.sentence(lang)),
        ),
    }
}

/// The report page with the downloads bar on top.
fn result_page(report: &str, token: &str, conv: &Conversion, lang: Lang) -> String {
    let w = page::words(lang);
    let word = |k: &str| w.get_attr(k).map(|v| v.to_string()).unwrap_or_default();
    let link = |name: String| format!("/r/{token}/{name}");
    let links = vec![
        (link(draft_name(conv, lang, "xlsx")), word("draft_xlsx")),
        (link(draft_name(conv, lang, "csv")), word("draft_csv")),
        (link(report_name(lang)), word("report_html")),
        (link(worksheet_name(lang)), word("worksheet_xlsx")),
        (link(draft_name(conv, lang, "json")), word("draft_json")),
        (format!("/?lang={}", lang.code()), word("again")),
        (
            format!("/r/{token}?lang={}", other(lang).code()),
            word("switch"),
        ),
    ];
    inject(report, "", &bar(lang, &links))
}

/// The file `name` of a kept result, made afresh from it.
pub fn file(st: &Shared, _token: &str, entry: &Entry, name: &str) -> Option<File> {
    let catalog = &st.data.catalog;
    let draft_file = |d: &crate::assessment::Assessment, conv: &Conversion, lang: Lang| {
        let fmt = match name.rsplit('.').next() {
            Some("xlsx") => (DraftFormat::Xlsx, super::batch::XLSX),
            Some("csv") => (DraftFormat::Csv, "text/csv; charset=utf-8"),
            Some("json") => (DraftFormat::Json, "application/json"),
            _ => return None,
        };
        let bytes = draft::write(d, Some(conv), fmt.0, lang).ok()?;
        Some(File {
            name: name.to_string(),
            mime: fmt.1,
            bytes,
            inline: false,
        })
    };
    match entry {
        // The names of both languages: the page may have been switched.
        Entry::Carry { conv, .. } => {
            for lang in [Lang::Id, Lang::En] {
                if name == report_name(lang) {
                    let r = dated(Report::build(conv, catalog, lang).ok()?).ok()?;
                    let bytes = crate::report::render(&r, Format::Html, catalog).ok()?;
                    return Some(File {
                        name: name.to_string(),
                        mime: "text/html; charset=utf-8",
                        bytes,
                        inline: true,
                    });
                }
                if name == worksheet_name(lang) {
                    let r = Report::build(conv, catalog, lang).ok()?;
                    let bytes = crate::report::render(&r, Format::Xlsx, catalog).ok()?;
                    return Some(File {
                        name: name.to_string(),
                        mime: super::batch::XLSX,
                        bytes,
                        inline: false,
                    });
                }
                if name.starts_with(&draft_name(conv, lang, "")) {
                    return draft_file(&draft::draft(conv), conv, lang);
                }
            }
            None
        }
        // The names of both languages: the page may have been switched.
        // Not as CSV when the draft has other sheets (CSV has one).
        Entry::Merge { conv, merge, .. } => [Lang::Id, Lang::En]
            .into_iter()
            .find(|l| name.starts_with(&super::merge::file_stem(conv, *l)))
            .filter(|_| !name.ends_with(".csv") || merge.draft.notes.sheets.is_empty())
            .and_then(|l| draft_file(&merge.draft, conv, l)),
        Entry::Batch { batch, lang } => super::batch::file(batch, *lang, name),
    }
}
