//! The gap report (and the batch summary) as ONE self-contained HTML file:
//! inline CSS, inline SVG charts, no script and no network. Rendered with
//! minijinja templates (`templates/*.html`, embedded) with HTML auto-escaping,
//! so every text from the user's files shows as written and never becomes
//! markup. Deterministic: no timestamps, stable order.

use std::str::FromStr;
use std::sync::OnceLock;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, context};
use rust_decimal::Decimal;

use crate::decimal::{exact, localize, show_gain, show2};
use crate::error::{Error, Kind, Result};
use crate::report::chart;
use crate::report::labels::labels;
use crate::report::model::Report;
use crate::text::Lang;
use crate::tr;

const TEMPLATES: &[(&str, &str)] = &[
    ("style.css", include_str!("templates/style.css")),
    ("report.html", include_str!("templates/report.html")),
    ("summary.html", include_str!("templates/summary.html")),
];

/// The rows of the batch summary as templates: the batch writes them by
/// hand (`crate::batch::html`, the hot path of a batch), and its tests
/// check that it writes exactly what these render.
#[cfg(test)]
const REFERENCE: &[(&str, &str)] = &[
    (
        "summary_rows.html",
        include_str!("templates/summary_rows.html"),
    ),
    (
        "summary_failed.html",
        include_str!("templates/summary_failed.html"),
    ),
];

fn dec(v: Option<String>) -> Option<Decimal> {
    v.and_then(|s| Decimal::from_str(&s).ok())
}

fn build(lang: Lang) -> std::result::Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?,
    );
    for (name, text) in TEMPLATES {
        env.add_template(name, text)?;
    }
    #[cfg(test)]
    for (name, text) in REFERENCE {
        env.add_template(name, text)?;
    }
    // Control characters (NUL, ESC, ...) of input texts never reach the
    // page; the escaping is minijinja's own.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(s) if !value.is_safe() && s.chars().any(crate::text::is_hidden_control) => {
            let clean = minijinja::Value::from(crate::text::visible(s).into_owned());
            minijinja::escape_formatter(out, state, &clean)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    // Decimals arrive as exact strings with a dot (`"1.295"`).
    env.add_filter("n2", move |v: Option<String>| {
        dec(v).map(|d| show2(d, lang)).unwrap_or_else(|| "-".into())
    });
    env.add_filter("gain", move |v: Option<String>| {
        dec(v)
            .map(|d| show_gain(d, 3, lang))
            .unwrap_or_else(|| "-".into())
    });
    env.add_filter("num", move |v: Option<String>| {
        dec(v)
            .map(|d| localize(&exact(d), lang))
            .unwrap_or_else(|| "-".into())
    });
    // A relative link to a file name: every byte but unreserved ones
    // percent-encoded.
    env.add_filter("href", |v: String| {
        let mut out = String::with_capacity(v.len());
        for b in v.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    });
    Ok(env)
}

fn template_error(e: minijinja::Error) -> Error {
    Error::new(
        Kind::Output,
        tr!(
            "laporan HTML tidak dapat dibuat: {}",
            "cannot build the HTML report: {}",
            e
        ),
    )
}

/// The template environment for `lang`, built once.
pub(crate) fn environment(lang: Lang) -> Result<&'static Environment<'static>> {
    static ID: OnceLock<std::result::Result<Environment<'static>, String>> = OnceLock::new();
    static EN: OnceLock<std::result::Result<Environment<'static>, String>> = OnceLock::new();
    let cell = match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| {
            Error::new(
                Kind::Output,
                tr!("templat HTML rusak: {}", "broken HTML template: {}", e),
            )
        })
}

/// Renders `template` with `ctx`.
pub(crate) fn render_template(lang: Lang, template: &str, ctx: minijinja::Value) -> Result<String> {
    environment(lang)?
        .get_template(template)
        .and_then(|t| t.render(ctx))
        .map_err(template_error)
}

/// Renders the gap report as one self-contained HTML page.
pub fn render(r: &Report) -> Result<String> {
    let ctx = context! {
        lang => r.lang.code(),
        t => labels(r.lang),
        r => Serde(r),
        width => chart::WIDTH,
        ca => Serde(chart::aspects(r)),
        cs => Serde(chart::stakes(r)),
    };
    let mut html = render_template(r.lang, "report.html", ctx)?;
    html.push('\n');
    Ok(html)
}
