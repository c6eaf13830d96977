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

/// The body of the gap report the web page shows for `conv`: the
/// library's own report, dated the day it is made.
fn web_report_body(conv: &spbe_pemdi::convert::Conversion) -> String {
    let data = data();
    let report = Report::build(conv, &data.catalog, Lang::Id)
        .expect("report")
        .with_date(&spbe_pemdi::text::today())
        .expect("date");
    let html = String::from_utf8(
        spbe_pemdi::report::render(&report, Format::Html, &data.catalog).expect("html"),
    )
    .expect("utf-8");
    html.split_once("<body>").expect("body").1.to_string()
}

mod carry;
mod explore;
mod merge_batch;
mod process;
