//! The gap report as Markdown. Every text from the user's files and the
//! catalogs is escaped: it shows as written and never becomes markup.

use std::fmt::Write as _;

use crate::decimal::{exact, localize, show_gain, show2};
use crate::report::labels::label;
use crate::report::model::{EvidenceRow, IndicatorRow, Report, Scored};
use crate::text::Lang;

/// Escapes text for Markdown: ASCII punctuation that could start markup is
/// backslash-escaped and line breaks become spaces.
pub fn esc(s: &str) -> String {
    // Control characters (NUL, ESC, ...) never reach the page.
    let s = &*crate::text::visible(s);
    let special = |b: u8| {
        matches!(
            b,
            b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'|'
                | b'#'
                | b'!'
                | b'~'
                | b'&'
                | b'\r'
                | b'\n'
        )
    };
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    // Copy runs of plain text whole; all the special characters are ASCII.
    while let Some(i) = rest.bytes().position(special) {
        out.push_str(&rest[..i]);
        match rest.as_bytes()[i] {
            b'\r' => {}
            b'\n' => out.push(' '),
            b => {
                out.push('\\');
                out.push(char::from(b));
            }
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out
}

fn range(s: &Scored, lang: Lang) -> String {
    format!("{}–{}", show2(s.low, lang), show2(s.high, lang))
}

fn preds(low: &str, high: &str) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

fn gain(d: rust_decimal::Decimal, lang: Lang) -> String {
    show_gain(d, 3, lang)
}

fn header(out: &mut String, r: &Report) {
    let lang = r.lang;
    let l = |k| label(k, lang);
    let agency = r.agency.as_deref().map(esc);
    let _ = writeln!(
        out,
        "# {} — {}\n",
        l("title"),
        agency.unwrap_or_else(|| l("agency_unknown").to_string())
    );
    let last = &r.last;
    let year = last.year.map(|y| format!(" ({y})")).unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{year} → {}: {} · {}: {}\n",
        last.framework,
        r.target.id,
        esc(&r.target.title),
        l("path"),
        r.path.join(" → ")
    );
    let _ = writeln!(out, "## {}\n", l("summary"));
    if r.same_framework {
        let value = match last.index {
            Some(i) => show2(i, lang),
            None => format!(
                "{} ({} {} {} {})",
                show_range(last.low, last.high, lang),
                l("answered"),
                last.answered,
                l("of"),
                last.total
            ),
        };
        let _ = writeln!(
            out,
            "**{} {}{year}: {value} {}**\n\n{}\n",
            l("own_index"),
            r.target.id,
            esc(&preds(&last.predicate_low, &last.predicate_high)),
            l("own_help")
        );
        if let Some(d) = &r.date {
            let _ = writeln!(out, "{}: {}\n", l("printed"), esc(d));
        }
        return;
    }
    let p = &r.projected;
    let _ = writeln!(
        out,
        "**{} ({}): {} {}**\n",
        l("headline"),
        r.target.id,
        show2(p.point, lang),
        esc(&p.predicate)
    );
    let mut honest = l("honest_range").to_string();
    if let Some(c) = honest.get(..1) {
        honest = c.to_uppercase() + &honest[1..];
    }
    let _ = writeln!(
        out,
        "{honest}: **{}** ({}): {}.\n",
        range(p, lang),
        esc(&preds(&p.predicate_low, &p.predicate_high)),
        l("range_help")
    );
    for line in &r.ranges {
        let _ = writeln!(out, "- {}", esc(line));
    }
    if !r.ranges.is_empty() {
        let _ = writeln!(out);
    }
    let last_value = match last.index {
        Some(i) => show2(i, lang),
        None => show_range(last.low, last.high, lang),
    };
    let answered = match last.index {
        Some(_) => String::new(),
        None => format!(
            ", {} {} {} {}",
            l("answered"),
            last.answered,
            l("of"),
            last.total
        ),
    };
    let _ = writeln!(
        out,
        "{} ({}{}): {last_value} ({}){answered}.\n",
        l("last_index"),
        last.framework,
        last.year.map(|y| format!(", {y}")).unwrap_or_default(),
        esc(&preds(&last.predicate_low, &last.predicate_high))
    );
    let _ = writeln!(
        out,
        "{} {}; {}\n",
        l("face_before"),
        show2(r.face_index, lang),
        l("face_after")
    );
    if let Some(d) = &r.date {
        let _ = writeln!(out, "{}: {}\n", l("printed"), esc(d));
    }
}

fn show_range(low: rust_decimal::Decimal, high: rust_decimal::Decimal, lang: Lang) -> String {
    format!("{}–{}", show2(low, lang), show2(high, lang))
}

fn actions(out: &mut String, r: &Report) {
    let lang = r.lang;
    let l = |k| label(k, lang);
    let _ = writeln!(out, "## {}\n", l("first_three"));
    if r.actions.is_empty() {
        let _ = writeln!(out, "{}\n", l("no_actions"));
        return;
    }
    for a in r.actions.iter().filter(|a| a.first) {
        let _ = writeln!(
            out,
            "{}. **{} {}**: {} ({} {})",
            a.rank,
            a.no,
            esc(&a.name),
            esc(&a.text),
            gain(a.gain, lang),
            l("points")
        );
    }
    let _ = writeln!(out, "\n## {}\n", l("actions"));
    let _ = writeln!(out, "{}\n", l("about_order"));
    let _ = writeln!(
        out,
        "| # | {} | {} | {} | {} |\n|---:|---|---|---:|---:|",
        l("indicator"),
        l("action"),
        l("gain"),
        l("gain_max")
    );
    for a in &r.actions {
        let _ = writeln!(
            out,
            "| {} | {} {} | {} | {} | {} |",
            a.rank,
            a.no,
            esc(&a.name),
            esc(&a.text),
            gain(a.gain, lang),
            gain(a.gain_max, lang)
        );
    }
    let _ = writeln!(out);
}

fn obligations(out: &mut String, r: &Report) {
    let lang = r.lang;
    let l = |k| label(k, lang);
    let _ = writeln!(out, "## {}\n", l("obligations"));
    if r.obligations.is_empty() {
        let _ = writeln!(out, "{}\n", l("no_obligations"));
    }
    for o in &r.obligations {
        let _ = writeln!(
            out,
            "- **{} {}** ({}, {} {}): {}",
            o.no,
            esc(&o.name),
            esc(&o.class_label),
            l("projected").to_lowercase(),
            show2(o.point, lang),
            esc(&o.text)
        );
    }
    let _ = writeln!(out);
    if !r.ask_external.is_empty() {
        let _ = writeln!(out, "## {}\n", l("ask_external"));
        for e in &r.ask_external {
            let _ = writeln!(out, "- **{} {}**: {}", e.no, esc(&e.name), esc(&e.text));
        }
        let _ = writeln!(out);
    }
}

fn aspects(out: &mut String, r: &Report) {
    let lang = r.lang;
    let l = |k| label(k, lang);
    let _ = writeln!(out, "## {}\n", l("aspects"));
    let _ = writeln!(
        out,
        "| No | {} | {} | {} | {} | {} | {} |\n|---:|---|---:|---:|---:|---|---|",
        l("aspect"),
        l("weight"),
        if r.same_framework {
            l("face_same")
        } else {
            l("face")
        },
        l("projected"),
        l("range"),
        l("predicate")
    );
    for a in &r.aspects {
        let _ = writeln!(
            out,
            "| {} | {} | {}% | {} | {} | {} | {} |",
            a.no,
            esc(&a.name),
            localize(&exact(a.weight), lang),
            show2(a.face, lang),
            show2(a.projected.point, lang),
            range(&a.projected, lang),
            esc(&a.projected.predicate)
        );
    }
    let _ = writeln!(out);
}

fn evidence_list(out: &mut String, title: &str, items: &[EvidenceRow]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "- {title}:");
    for e in items {
        let url = match &e.url {
            Some(u) if *u != e.name => format!(" ({})", esc(u)),
            _ => String::new(),
        };
        let _ = writeln!(out, "  - {}{url} \\[{}\\]", esc(&e.name), e.from);
    }
}

fn indicator(out: &mut String, t: &IndicatorRow, lang: Lang) {
    let l = |k| label(k, lang);
    let _ = writeln!(out, "### {}. {} {}\n", t.rank, t.id, esc(&t.name));
    let _ = writeln!(
        out,
        "- {}: {} · {} {} ({} {}–{}) · {} {}%{}",
        l("class"),
        esc(&t.class_label),
        l("projected").to_lowercase(),
        show2(t.estimate.point, lang),
        l("range"),
        show2(t.estimate.low, lang),
        show2(t.estimate.high, lang),
        l("weight").to_lowercase(),
        localize(&exact(t.weight), lang),
        t.confidence
            .as_ref()
            .map(|c| format!(" · {} {}", l("confidence").to_lowercase(), esc(c)))
            .unwrap_or_default()
    );
    match &t.next {
        Some(n) => {
            let _ = writeln!(
                out,
                "- {}: {} · {}: {}",
                l("gain"),
                gain(t.stake.next, lang),
                l("gain_max"),
                gain(t.stake.max, lang)
            );
            let flag = if n.indicative {
                format!(", {}", l("indicative"))
            } else {
                String::new()
            };
            let crit = n
                .criteria
                .as_deref()
                .map(esc)
                .unwrap_or_else(|| l("no_criteria").to_string());
            let _ = writeln!(
                out,
                "- {} ({} {}{flag}): {crit}",
                l("next_requires"),
                l("level").to_lowercase(),
                n.level
            );
        }
        None => {
            let _ = writeln!(out, "- {}", l("at_top"));
        }
    }
    if let Some(o) = &t.obligation {
        let _ = writeln!(out, "- **{}**: {}", l("obligations"), esc(o));
    }
    if let Some(e) = &t.external {
        let v = e
            .index_value
            .map(|v| localize(&exact(v), lang))
            .unwrap_or_else(|| l("not_given").to_string());
        let _ = writeln!(
            out,
            "- {}: {} ({}) `{}` = {v}",
            l("external_index"),
            esc(&e.name),
            esc(&e.owner),
            e.key
        );
    }
    if !t.rungs.is_empty() {
        let _ = writeln!(out, "- {}:", l("rungs"));
        for r in &t.rungs {
            let _ = writeln!(out, "  - {}", esc(r));
        }
    }
    if !t.prepare.is_empty() {
        let _ = writeln!(out, "- {} ({}):", l("prepare"), l("prepare_note"));
        for p in &t.prepare {
            let _ = writeln!(out, "  - {}", esc(p));
        }
    }
    evidence_list(out, l("reuse"), &t.reuse);
    evidence_list(out, l("update"), &t.update);
    if !t.justifications.is_empty() {
        let _ = writeln!(out, "- {}:", l("justifications"));
        for j in &t.justifications {
            let _ = writeln!(out, "  - \\[{}\\] {}", j.from, esc(&j.text));
        }
    }
    if !t.sources.is_empty() {
        let s: Vec<String> = t
            .sources
            .iter()
            .map(|s| format!("{}={}", s.id, localize(&exact(s.value), lang)))
            .collect();
        let _ = writeln!(out, "- {}: {}", l("sources"), s.join(", "));
    }
    for n in &t.notes {
        let _ = writeln!(out, "- {}: {}", l("notes"), esc(n));
    }
    let _ = writeln!(out);
}

/// Renders the report as Markdown.
pub fn render(r: &Report) -> String {
    let lang = r.lang;
    let l = |k| label(k, lang);
    let mut out = String::new();
    header(&mut out, r);
    actions(&mut out, r);
    obligations(&mut out, r);
    aspects(&mut out, r);
    let _ = writeln!(out, "## {}\n", l("appendix"));
    for t in &r.indicators {
        indicator(&mut out, t, lang);
    }
    let _ = writeln!(out, "## {}\n", l("about"));
    let about: &[&str] = if r.same_framework {
        &["about_stake", "about_order"]
    } else {
        &[
            "about_stake",
            "about_order",
            "about_projection",
            "about_face",
        ]
    };
    for k in about {
        let _ = writeln!(out, "- {}", l(k));
    }
    for c in &r.classes {
        let _ = writeln!(out, "- {} ({}): {}", esc(&c.label), c.count, esc(&c.help));
    }
    let _ = writeln!(
        out,
        "- {}: {} · {}: {} · {}",
        l("tool"),
        r.stamp.tool,
        l("data"),
        esc(&crate::data::origin_label(&r.stamp.data, r.lang)),
        r.stamp.hash
    );
    out
}
