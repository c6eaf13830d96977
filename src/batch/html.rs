//! The agency rows and the failures of `summary.html`, written straight
//! into their temporary files as the batch goes.
//!
//! This is the hot, serial part of a batch (one row per input), so the rows
//! are not rendered through minijinja: each is written with `write!` into
//! the buffered file, escaping text exactly as minijinja's HTML
//! auto-escaping does (`& < > " ' /`), so the page is the same, byte for
//! byte, as when `templates/summary_rows.html` and
//! `templates/summary_failed.html` rendered it. The page around the rows is
//! still the `summary.html` template.

use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::batch::summary::{AgencyRow, Failed};
use crate::decimal::fixed::push_fixed;
use crate::report::labels::label;
use crate::text::Lang;

/// Writes `s` HTML-escaped: `&amp; &lt; &gt; &quot; &#x27; &#x2f;` (the
/// escapes of minijinja's auto-escaping).
pub fn escape(out: &mut impl Write, s: &str) -> io::Result<()> {
    // Control characters (NUL, ESC, ...) never reach the page.
    let s = crate::text::visible(s);
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#x27;",
            b'/' => b"&#x2f;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// Writes a file name as a relative link: every byte but the unreserved
/// ones percent-encoded (as the `href` filter of the report templates).
pub fn href(out: &mut impl Write, name: &str) -> io::Result<()> {
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.write_all(&[b])?;
        } else {
            write!(out, "%{b:02X}")?;
        }
    }
    Ok(())
}

/// Writes `d` rounded half up to `dp` places (`+` in front with `plus`),
/// with a decimal comma in Indonesian: the `n2` and `gain` filters.
/// `buf` is scratch space, reused from row to row.
fn number(
    out: &mut impl Write,
    buf: &mut String,
    d: Decimal,
    dp: u32,
    plus: bool,
    lang: Lang,
) -> io::Result<()> {
    // The templates saw the exact value as text and parsed it back, which
    // drops the sign of a negative zero.
    let d = if d.is_zero() { Decimal::ZERO } else { d };
    buf.clear();
    if plus {
        buf.push('+');
    }
    push_fixed(buf, d, dp);
    match (lang, buf.split_once('.')) {
        (Lang::Id, Some((int, frac))) => {
            out.write_all(int.as_bytes())?;
            out.write_all(b",")?;
            out.write_all(frac.as_bytes())
        }
        _ => out.write_all(buf.as_bytes()),
    }
}

/// Closes a cell and opens the next one with `class` (written as is) and
/// its column's name as `data-label` (shown on phones, where rows become
/// cards).
fn cell(out: &mut impl Write, class: &str, name: &str) -> io::Result<()> {
    out.write_all(b"</span></td><td")?;
    out.write_all(class.as_bytes())?;
    out.write_all(b" data-label=\"")?;
    escape(out, name)?;
    out.write_all(b"\">")
}

/// Writes one agency's row of the summary table, ending in a newline.
pub fn agency_row(
    out: &mut impl Write,
    buf: &mut String,
    a: &AgencyRow,
    lang: Lang,
) -> io::Result<()> {
    let name = match a.agency.as_deref() {
        Some(n) if !n.is_empty() => n,
        _ => a.file.as_str(),
    };
    out.write_all(b"<tr><td class=\"key\">")?;
    match a.report.as_deref() {
        Some(r) if !r.is_empty() => {
            out.write_all(b"<a href=\"")?;
            href(out, r)?;
            out.write_all(b"\">")?;
            escape(out, name)?;
            out.write_all(b"</a>")?;
        }
        _ => escape(out, name)?,
    }
    out.write_all(b"<br><span class=\"small\">")?;
    escape(out, &a.file)?;
    cell(out, " class=\"r\"", label("last_index", lang))?;
    match a.last_index {
        Some(i) => number(out, buf, i, 2, false, lang)?,
        None => {
            number(out, buf, a.last_low, 2, false, lang)?;
            out.write_all("–".as_bytes())?;
            number(out, buf, a.last_high, 2, false, lang)?;
        }
    }
    out.write_all(b"<br><span class=\"small\">")?;
    escape(out, &a.framework)?;
    if let Some(y) = a.year.filter(|y| *y != 0) {
        write!(out, ", {y}")?;
    }
    out.write_all(" · ".as_bytes())?;
    escape(out, &a.last_predicate)?;
    cell(out, " class=\"r\"", label("projected_index", lang))?;
    number(out, buf, a.point, 2, false, lang)?;
    out.write_all(b"<br><span class=\"small\">")?;
    number(out, buf, a.low, 2, false, lang)?;
    out.write_all("–".as_bytes())?;
    number(out, buf, a.high, 2, false, lang)?;
    out.write_all(" · ".as_bytes())?;
    escape(out, &a.predicate)?;
    cell(out, "", label("biggest_gaps", lang))?;
    for (i, g) in a.gaps.iter().enumerate() {
        if i > 0 {
            out.write_all(b"<br>")?;
        }
        write!(out, "{} ", g.no)?;
        escape(out, &g.name)?;
        out.write_all(b" <span class=\"gain\">")?;
        number(out, buf, g.gain, 3, true, lang)?;
        out.write_all(b"</span>")?;
    }
    out.write_all(b"</td></tr>\n")
}

/// Writes one failure of the list of files not read, ending in a newline.
pub fn failed_item(out: &mut impl Write, f: &Failed) -> io::Result<()> {
    out.write_all(b"<li><strong>")?;
    escape(out, &f.file)?;
    out.write_all(b"</strong><br>")?;
    escape(out, &f.message)?;
    out.write_all(b"</li>\n")
}

#[cfg(test)]
mod tests {
    use minijinja::context;
    use minijinja::value::Serde;
    use rust_decimal::Decimal;

    use super::*;
    use crate::batch::summary::Gap;
    use crate::report::html::render_template;
    use crate::report::labels::labels;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn row(i: usize) -> AgencyRow {
        let names = [
            Some("Dinas <script>alert(\"x\")</script> & 'Co' / Ltd"),
            Some(""),
            None,
            Some("Kabupaten Ünïcödé — Tést"),
        ];
        let gap = |no: u32, gain: &str| Gap {
            no,
            id: format!("pemdi-2026:{no}"),
            name: format!("Indikator <{no}> & \"{no}\""),
            gain: dec(gain),
        };
        AgencyRow {
            file: format!("in/a & b <{i}>/'c'.json"),
            report: [Some("a b&c/ü.html".to_string()), Some(String::new()), None][i % 3].clone(),
            agency: names[i % names.len()].map(str::to_string),
            year: [Some(2024), Some(0), None, Some(-1)][i % 4],
            framework: "spbe-2020".into(),
            last_index: [Some(dec("3.285")), None][i % 2],
            last_low: dec("1.0049999"),
            last_high: dec("4.995"),
            last_predicate: "Cukup–Baik".into(),
            point: [
                dec("2.344999999999999999"),
                Decimal::new(0, 3),
                -Decimal::new(0, 2),
            ][i % 3],
            low: dec("-0.001"),
            high: dec("5"),
            predicate: "Baik & <Sangat>".into(),
            gaps: [gap(1, "0.0675"), gap(12, "0.04"), gap(3, "0.0004999")][..i % 4].to_vec(),
        }
    }

    /// The hand-written rows are the bytes the templates render.
    #[test]
    fn rows_match_the_templates() {
        for lang in [Lang::Id, Lang::En] {
            let rows: Vec<AgencyRow> = (0..24).map(row).collect();
            let expected = render_template(
                lang,
                "summary_rows.html",
                context! { t => labels(lang), rows => Serde(&rows) },
            )
            .expect("renders");
            // Not vacuous: the tricky parts are there.
            let gain = lang.pick("+0,068", "+0.068");
            for probe in [
                "&#x27;Co&#x27;",
                "href=\"a%20b%26c%2F%C3%BC.html\"",
                ", -1 ·",
                gain,
            ] {
                assert!(expected.contains(probe), "{probe}");
            }
            assert!(!expected.contains(", 0 ·"), "year 0 is not shown");
            let mut got = Vec::new();
            let mut buf = String::new();
            for r in &rows {
                agency_row(&mut got, &mut buf, r, lang).expect("writes");
            }
            assert_eq!(String::from_utf8(got).expect("utf-8"), expected, "{lang:?}");
        }
    }

    #[test]
    fn failures_match_the_template() {
        let failed: Vec<Failed> = (0..3)
            .map(|i| Failed {
                file: format!("in/rusak {i} & <b>.json"),
                message: format!("galat: \"x\" 'y' </pre>\n  --> in/rusak.json:1:{i}\n"),
            })
            .collect();
        let expected = render_template(
            Lang::Id,
            "summary_failed.html",
            context! { t => labels(Lang::Id), failed => Serde(&failed) },
        )
        .expect("renders");
        let mut got = Vec::new();
        for f in &failed {
            failed_item(&mut got, f).expect("writes");
        }
        assert_eq!(String::from_utf8(got).expect("utf-8"), expected);
    }
}
