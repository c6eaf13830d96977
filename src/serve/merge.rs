//! Page 2: merge the suggestions of a new conversion into this year's
//! draft as people filled it: the same code path as `convert --into`
//! ([`crate::convert::draft::merge`]): a person's value is never changed,
//! conflicts are listed.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;

use super::cache::Entry;
use super::carry::{convert, frameworks, no_file, refused};
use super::page;
use super::upload;
use super::{LangQuery, Shared, blocking};
use crate::convert::Conversion;
use crate::convert::draft;
use crate::decimal::show2;
use crate::error::Error;
use crate::text::Lang;
use crate::tr;

/// The merged draft's file name without extension: `draf-gabungan-pemdi-2026.`.
pub fn file_stem(conv: &Conversion, lang: Lang) -> String {
    format!(
        "{}-{}.",
        lang.pick("draf-gabungan", "merged-draft"),
        conv.target
    )
}

fn form_page(st: &Shared, status: StatusCode, lang: Lang, error: Option<String>) -> Response {
    page::render(
        status,
        lang,
        "merge.html",
        context! { frameworks => frameworks(st, lang), error => error },
    )
}

/// `GET /merge`.
pub async fn form(State(st): State<Shared>, q: Query<LangQuery>) -> Response {
    let lang = q.lang(st.lang);
    form_page(&st, StatusCode::OK, lang, None)
}

/// `POST /merge`.
pub async fn submit(State(st): State<Shared>, mp: Multipart) -> Response {
    let form = match upload::read(mp, st.limits, 3 * st.limits.file).await {
        Ok(f) => f,
        Err(r) => return refused(&st, r, form_page),
    };
    let lang = form.lang(st.lang);
    let st2 = st.clone();
    let result = blocking(&st, move || {
        let last = form.files_of("file").next().ok_or_else(no_file)?;
        let mine = form.files_of("draft").next().ok_or_else(|| {
            Error::usage(tr!(
                "tidak ada draf tahun ini yang dipilih",
                "this year's draft was not chosen"
            ))
            .with_hint(tr!(
                "pilih draf yang sudah diisi (XLSX, CSV atau JSON dari halaman ini atau `convert -o`)",
                "pick the filled draft (XLSX, CSV or JSON from this page or `convert -o`)"
            ))
        })?;
        let conv = convert(&st2, &form, &last.name, last.bytes.clone())?;
        let existing = crate::assessment::read_bytes(
            &mine.name,
            mine.bytes.clone(),
            &st2.data.catalog,
            Some(&conv.target),
        )?;
        let merge = draft::merge(&existing, &conv)?;
        Ok((conv, merge))
    })
    .await;
    let (conv, merge) = match result {
        Ok(r) => r,
        Err(e) => {
            return form_page(
                &st,
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                Some(e.sentence(lang)),
            );
        }
    };
    let token = st.cache.put(Entry::Merge {
        conv,
        merge: Box::new(merge),
    });
    match st.cache.get(&token) {
        Some(entry) => merged_page(&token, &entry, lang),
        None => super::gone(lang),
    }
}

/// The page of a kept merge `entry` in `lang`: counts, downloads and
/// conflicts; its language switch shows the same merge.
pub fn merged_page(token: &str, entry: &Entry, lang: Lang) -> Response {
    let Entry::Merge { conv, merge, .. } = entry else {
        return super::gone(lang);
    };
    let conflicts: Vec<minijinja::Value> = merge
        .conflicts
        .iter()
        .map(|c| {
            context! {
                id => c.id.clone(),
                person => c
                    .person
                    .map(|p| show2(p, lang))
                    .unwrap_or_else(|| lang.pick("(dikosongkan)", "(cleared)").to_string()),
                suggested => show2(c.suggested, lang),
                class => c.class.describe(lang),
            }
        })
        .collect();
    let counts = context! {
        filled => merge.filled.len(),
        refreshed => merge.refreshed.len(),
        kept => merge.kept.len(),
    };
    let stem = file_stem(conv, lang);
    let other = match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    };
    page::render(
        StatusCode::OK,
        lang,
        "merged.html",
        context! {
            conflicts => conflicts,
            counts => counts,
            base => format!("/r/{token}/{stem}"),
            switch_href => format!("/r/{token}?lang={}", other.code()),
            // A CSV file has one sheet: not offered when the draft has others.
            csv => merge.draft.notes.sheets.is_empty(),
        },
    )
}
