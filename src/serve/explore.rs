//! Page 4: the mapping explorer for the reviewers: frameworks and
//! crosswalks, one indicator traced through every route, a crosswalk's
//! review document, the graph as a picture, and the diff of two versions
//! with its impact on an uploaded corpus. Crosswalks are chosen from the
//! data set by `id@version` or uploaded; nothing names a file on the
//! server's disk.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};

use super::page;
use super::upload::{self, Form};
use super::{LangQuery, Shared, blocking, message};
use crate::crosswalk::{LoadedCrosswalk, load_crosswalks};
use crate::error::{Error, Result};
use crate::graph::MappingGraph;
use crate::review::impact::CorpusFile;
use crate::review::{diff, impact, resolve};
use crate::text::{Lang, Text};
use crate::tr;

/// `GET /mapping`.
pub async fn index(State(st): State<Shared>, q: Query<LangQuery>) -> Response {
    let lang = q.lang(st.lang);
    let st2 = st.clone();
    let made = blocking(&st, move || {
        let data = st2.data;
        let crosswalks = load_crosswalks(data)?;
        let g = MappingGraph::new(&data.catalog, &crosswalks, &[])?;
        let mermaid =
            crate::graph::render::frameworks(&g, crate::graph::render::Format::Mermaid, lang);
        let svg = super::graph_svg::render(data, &crosswalks, lang);
        let fws: Vec<Value> = data
            .catalog
            .frameworks
            .iter()
            .map(|f| {
                context! {
                    id => f.id.clone(),
                    title => f.title(lang),
                    year => f.year,
                    count => f.indicators.len(),
                }
            })
            .collect();
        let cws: Vec<Value> = crosswalks
            .iter()
            .map(|c| {
                let cw = &c.crosswalk;
                context! {
                    reference => cw.reference(),
                    query => percent(&cw.reference()),
                    title => cw.title.clone(),
                    from => cw.from.clone(),
                    to => cw.to.clone(),
                    maps => cw.maps.len(),
                    primary => cw.primary,
                }
            })
            .collect();
        // Every indicator that can be traced forward, for the picker.
        let newest = data.catalog.newest().map(|f| f.id.clone());
        let ids: Vec<String> = data
            .catalog
            .frameworks
            .iter()
            .filter(|f| Some(&f.id) != newest.as_ref())
            .flat_map(|f| f.indicators.iter().map(move |i| f.indicator_id(i.no)))
            .collect();
        Ok(context! {
            ids => ids,
            frameworks => fws,
            crosswalks => cws,
            mermaid => mermaid,
            svg => Value::from_safe_string(svg),
        })
    })
    .await;
    match made {
        Ok(ctx) => page::render(StatusCode::OK, lang, "mapping.html", ctx),
        Err(e) => message(
            StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            &Text::same(e.render(lang)),
        ),
    }
}

/// `s` for a query string: every byte but the unreserved ones
/// percent-encoded.
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `?indicator=&to=&lang=`.
#[derive(Debug, serde::Deserialize)]
pub struct TraceQuery {
    #[serde(default)]
    indicator: String,
    to: Option<String>,
    lang: Option<String>,
}

/// A text made for a page, or the error that stopped it (422, as the
/// command line says it).
fn text_result(lang: Lang, title: String, made: Result<String>) -> Response {
    match made {
        Ok(text) => text_page(StatusCode::OK, lang, title, text),
        Err(e) => text_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            title,
            e.render(lang),
        ),
    }
}

fn text_page(status: StatusCode, lang: Lang, title: String, text: String) -> Response {
    page::render(
        status,
        lang,
        "text.html",
        context! { title => title, text => text },
    )
}

fn lang_of(q: &Option<String>, default: Lang) -> Lang {
    q.as_deref().and_then(Lang::parse).unwrap_or(default)
}

/// `GET /mapping/trace`.
pub async fn trace(State(st): State<Shared>, Query(q): Query<TraceQuery>) -> Response {
    let lang = lang_of(&q.lang, st.lang);
    let to = q.to.filter(|t| !t.trim().is_empty());
    let indicator = q.indicator.trim().to_string();
    let st2 = st.clone();
    let title = format!("{}: {}", lang.pick("Telusur", "Trace"), indicator);
    let made = blocking(&st, move || {
        crate::cli::trace::render(st2.data, &indicator, to.as_deref(), lang)
    })
    .await;
    text_result(lang, title, made)
}

/// The crosswalk `reference` (`id@version`, or an id for its newest
/// version) of the data set; never a path.
fn find(data: &crate::data::Data, reference: &str) -> Result<LoadedCrosswalk> {
    let all = load_crosswalks(data)?;
    let reference = reference.trim();
    all.iter()
        .rfind(|c| c.reference() == reference || c.crosswalk.id == reference)
        .cloned()
        .ok_or_else(|| {
            Error::usage(tr!(
                "crosswalk `{}` tidak ada di data",
                "there is no crosswalk `{}` in the data",
                reference
            ))
            .expected(Text::same(
                all.iter()
                    .map(|c| c.reference())
                    .collect::<Vec<_>>()
                    .join(", "),
            ))
        })
}

/// `?crosswalk=&lang=`.
#[derive(Debug, serde::Deserialize)]
pub struct ReviewQuery {
    #[serde(default)]
    crosswalk: String,
    lang: Option<String>,
}

/// `GET /mapping/review`.
pub async fn review(State(st): State<Shared>, Query(q): Query<ReviewQuery>) -> Response {
    let lang = lang_of(&q.lang, st.lang);
    let title = format!("{}: {}", lang.pick("Telaah", "Review"), q.crosswalk);
    let st2 = st.clone();
    let made = blocking(&st, move || {
        let subject = find(st2.data, &q.crosswalk)?;
        let r = crate::review::document::build(st2.data, &subject)?;
        Ok(crate::review::markdown::render(&r, st2.data, lang))
    })
    .await;
    text_result(lang, title, made)
}

/// The crosswalk of the form: the uploaded `{side}_file`, else `{side}`
/// (`id@version`) from the data set.
fn side(st: &Shared, form: &Form, side: &str) -> Result<LoadedCrosswalk> {
    if let Some(f) = form.files_of(&format!("{side}_file")).next() {
        return resolve::resolve_bytes(st.data, &f.name, f.bytes.clone());
    }
    match form.field(side) {
        Some(r) => find(st.data, r),
        None => Err(Error::usage(tr!(
            "versi {} crosswalk belum dipilih",
            "the {} crosswalk version was not chosen",
            side
        ))),
    }
}

/// `POST /mapping/diff`.
pub async fn diff(State(st): State<Shared>, mp: Multipart) -> Response {
    let form = match upload::read(mp, st.limits, st.limits.batch).await {
        Ok(f) => f,
        Err(r) => {
            let lang = r.lang.unwrap_or(st.lang);
            return message(r.status, lang, &r.message);
        }
    };
    let lang = form.lang(st.lang);
    let title = lang.pick("Beda crosswalk", "Crosswalk diff").to_string();
    let st2 = st.clone();
    let made = blocking(&st, move || {
        let old = side(&st2, &form, "old")?;
        let new = side(&st2, &form, "new")?;
        let d = diff::diff(&old, &new)?;
        let corpus: Vec<_> = form
            .files
            .iter()
            .filter(|f| f.field == "corpus")
            .cloned()
            .collect();
        let imp = if corpus.is_empty() {
            None
        } else {
            let files = super::batch::expand(corpus, st2.limits)
                .map_err(|(_, e)| e)?
                .into_iter()
                .map(|(n, b)| (n, CorpusFile::Bytes(b)))
                .collect();
            let label = lang.pick("unggahan", "upload").to_string();
            Some(impact::impact_of(st2.data, &old, &new, label, files, None)?)
        };
        Ok(diff::render::markdown(&d, imp.as_ref(), lang))
    })
    .await;
    text_result(lang, title, made)
}
