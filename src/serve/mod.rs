//! `spbe-pemdi serve`: a local web page for the people who do the
//! assessment, a second face beside [`crate::cli`]. It calls the same
//! library and the same renderers and owns nothing of the domain: the
//! pages are forms around [`crate::convert`], [`crate::report`],
//! [`crate::batch::memory`] and [`crate::review`].
//!
//! - `/`: carry last year's file forward (projection, gap report, draft);
//! - `/merge`: merge the suggestions into this year's draft;
//! - `/batch`: many files (or a ZIP): the batch summary page;
//! - `/mapping`: the mapping explorer (frameworks, crosswalks, trace,
//!   review, graph, diff with its impact on an uploaded corpus);
//! - `/r/TOKEN/FILE`: a result's downloads, kept in memory.
//!
//! Safety: uploads are read into memory within size limits (HTTP 413 with
//! a plain message past them) and never written to disk; every user text
//! is escaped by the templates' auto-escaping; every page carries a strict
//! Content-Security-Policy; conversion runs on blocking threads
//! (`spawn_blocking`), never on the async ones.

mod batch;
mod cache;
mod carry;
mod explore;
mod graph_svg;
mod merge;
mod page;
mod upload;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::context;

pub use upload::Limits;

use crate::convert::{ConvertOptions, Converter, Converters};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::text::{Lang, Text};
use crate::tr;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on (`127.0.0.1:8080`).
    pub listen: String,
    /// `--data DIR`.
    pub data_dir: Option<PathBuf>,
    /// Default page language.
    pub lang: Lang,
}

/// What every request shares.
pub struct State {
    data: &'static Data,
    lang: Lang,
    limits: Limits,
    cache: cache::Cache,
    /// Conversions running at once: a few per core. Others wait their turn
    /// (in order), so memory stays bounded however many uploads arrive.
    work: tokio::sync::Semaphore,
    /// One converter per source framework (default options), prepared once.
    converters: Converters<'static>,
}

impl State {
    /// The converter of `from` assessments with the default options.
    fn converter(&self, from: &str) -> Result<&Converter<'static>> {
        self.converters.get(from)
    }
}

/// The shared state of a router.
pub type Shared = Arc<State>;

/// The web application on `data` (kept for the life of the process), with
/// pages in `lang` by default.
pub fn router(data: Data, lang: Lang, limits: Limits) -> Router {
    let data: &'static Data = Box::leak(Box::new(data));
    let state = Arc::new(State {
        data,
        lang,
        limits,
        cache: cache::Cache::new(128 * 1024 * 1024),
        work: tokio::sync::Semaphore::new(
            2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
        ),
        converters: Converters::new(data, ConvertOptions::default()),
    });
    // The body limits sit above the form limits so that the form reader
    // sees the excess and answers with its own message.
    let one = DefaultBodyLimit::max(3 * limits.file + 1024 * 1024);
    let many = DefaultBodyLimit::max(limits.batch + 1024 * 1024);
    Router::new()
        .route("/", get(carry::form))
        .route("/convert", post(carry::submit).layer(one))
        .route("/merge", get(merge::form).post(merge::submit).layer(one))
        .route("/batch", get(batch::form).post(batch::submit).layer(many))
        .route("/mapping", get(explore::index))
        .route("/mapping/trace", get(explore::trace))
        .route("/mapping/review", get(explore::review))
        .route("/mapping/diff", post(explore::diff).layer(many))
        .route("/r/{token}", get(carry::view))
        .route("/r/{token}/{file}", get(download))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure))
        .with_state(state)
}

/// Headers every response gets (pages set their own CSP with a nonce).
async fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(|| HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn not_found(
    axum::extract::State(st): axum::extract::State<Shared>,
    q: axum::extract::Query<LangQuery>,
) -> Response {
    let lang = q.lang(st.lang);
    message(
        StatusCode::NOT_FOUND,
        lang,
        &tr!(
            "Halaman ini tidak ada (atau hasilnya sudah tidak disimpan). Mulai lagi dari halaman utama.",
            "There is no such page (or the result is no longer kept). Start again from the main page."
        ),
    )
}

/// The page of a result no longer kept (or never made).
fn gone(lang: Lang) -> Response {
    message(
        StatusCode::NOT_FOUND,
        lang,
        &tr!(
            "Halaman ini tidak ada (atau hasilnya sudah tidak disimpan). Mulai lagi dari halaman utama.",
            "There is no such page (or the result is no longer kept). Start again from the main page."
        ),
    )
}

/// `?lang=` of a page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self, default: Lang) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(default)
    }
}

/// A page that only says `text` (an error, a refusal).
fn message(status: StatusCode, lang: Lang, text: &Text) -> Response {
    page::render(
        status,
        lang,
        "text.html",
        context! { title => page::words(lang).get_attr("error").ok(), error => text.get(lang) },
    )
}

/// Runs `f` on a blocking thread (conversion work stays off the async
/// threads) once a turn is free; a panic becomes an internal error.
async fn blocking<T: Send + 'static>(
    st: &State,
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let _turn = st.work.acquire().await.ok();
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|_| {
        Err(Error::new(
            crate::error::Kind::Input,
            tr!(
                "galat internal saat mengolah berkas ini (bug di spbe-pemdi; mohon laporkan)",
                "internal error while processing this file (a bug in spbe-pemdi; please report it)"
            ),
        ))
    })
}

/// A download of a kept result.
async fn download(
    axum::extract::State(st): axum::extract::State<Shared>,
    axum::extract::Path((token, file)): axum::extract::Path<(String, String)>,
) -> Response {
    let Some(entry) = st.cache.get(&token) else {
        return not_found(
            axum::extract::State(st),
            axum::extract::Query(LangQuery::default()),
        )
        .await;
    };
    let st2 = st.clone();
    let made = blocking(&st, move || Ok(carry::file(&st2, &token, &entry, &file))).await;
    match made {
        Ok(Some(f)) => f.into_response(),
        Ok(None) => {
            not_found(
                axum::extract::State(st),
                axum::extract::Query(LangQuery::default()),
            )
            .await
        }
        Err(e) => message(
            StatusCode::INTERNAL_SERVER_ERROR,
            st.lang,
            &Text::same(e.render(st.lang)),
        ),
    }
}

/// A file to send.
pub struct File {
    name: String,
    mime: &'static str,
    bytes: Vec<u8>,
    /// Shown in the browser (a report page) rather than saved.
    inline: bool,
}

impl IntoResponse for File {
    fn into_response(self) -> Response {
        let disposition = format!(
            "{}; filename=\"{}\"",
            if self.inline { "inline" } else { "attachment" },
            self.name.replace(['"', '\\', '\r', '\n'], "_")
        );
        let mut r = (StatusCode::OK, self.bytes).into_response();
        let h = r.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(self.mime));
        if let Ok(v) = HeaderValue::from_str(&disposition) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        r
    }
}

/// Whether `addr` reaches only this machine.
fn loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Serves until the process is stopped; prints the address to open.
pub fn run(opts: &Options) -> Result<i32> {
    let data = Data::load(opts.data_dir.as_deref())?;
    let bad_addr = |detail: String| {
        Error::usage(tr!(
            "alamat --listen `{}` tidak dapat dipakai: {}",
            "cannot listen on `{}`: {}",
            opts.listen,
            detail
        ))
        .with_hint(tr!(
            "beri alamat dan porta, misalnya --listen 127.0.0.1:8081 (porta lain bila yang ini sudah dipakai)",
            "give an address and port, e.g. --listen 127.0.0.1:8081 (another port when this one is taken)"
        ))
    };
    let listener =
        std::net::TcpListener::bind(&opts.listen).map_err(|e| bad_addr(e.to_string()))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| bad_addr(e.to_string()))?;
    let addr = listener.local_addr().map_err(|e| bad_addr(e.to_string()))?;
    let lang = opts.lang;
    let shown = if addr.ip().is_unspecified() {
        format!("http://127.0.0.1:{}/", addr.port())
    } else {
        format!("http://{addr}/")
    };
    // Written without `println!`: a closed standard output (a launcher
    // that read the address and went away) must not stop the server.
    let say = |to_err: bool, line: &str| {
        use std::io::Write;
        let _ = match to_err {
            false => writeln!(std::io::stdout(), "{line}"),
            true => writeln!(std::io::stderr(), "{line}"),
        };
    };
    let open = lang.pick(
        "spbe-pemdi serve: buka di peramban",
        "spbe-pemdi serve: open in a browser",
    );
    say(false, &format!("{open} {shown}"));
    if !loopback(&addr) {
        say(true, lang.pick(
            "PERINGATAN: alamat ini dapat dijangkau dari jaringan, dan halaman ini TIDAK punya login: siapa pun yang menjangkaunya dapat mengunggah dan melihat hasil. Dari perangkat lain, buka http://ALAMAT-IP-MESIN-INI:PORTA/. Pakai --listen 127.0.0.1:8080 untuk mesin ini saja.",
            "WARNING: this address is reachable from the network, and the page has NO login: anyone who reaches it can upload and see results. From another device, open http://THIS-MACHINES-IP-ADDRESS:PORT/. Use --listen 127.0.0.1:8080 for this machine only.",
        ));
    }
    say(
        false,
        lang.pick("Hentikan dengan Ctrl+C.", "Stop with Ctrl+C."),
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(|e| bad_addr(e.to_string()))?;
    let app = router(data, lang, Limits::default());
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, app).await
    })
    .map_err(|e| bad_addr(e.to_string()))?;
    Ok(0)
}
