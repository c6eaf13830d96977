//! One language per output: the main commands' Indonesian output holds no
//! English sentence and their English output no Indonesian one. Each is
//! scanned for tell-tale words of the other language (whole words, case
//! ignored), after removing what may legitimately stay in the other
//! language: quotations ('…', "…", `…`), the regulation's own names and
//! level criteria (which have no English text), codes and file names.

use std::collections::BTreeSet;

use crate::util::{data, fixture, run};

/// Words that only appear in an English sentence.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "is", "are", "with", "which", "from", "for", "only", "not", "scored",
    "missing", "unknown", "cannot", "should", "index", "value", "file",
];

/// Words that only appear in an Indonesian sentence.
const INDONESIAN: &[&str] = &[
    "yang",
    "dan",
    "dengan",
    "tidak",
    "untuk",
    "adalah",
    "belum",
    "sudah",
    "atau",
    "dari",
    "pada",
    "berkas",
    "galat",
    "saran",
    "nilai",
    "rentang",
    "catatan",
    "keyakinan",
    "dinilai",
    "sebagian",
];

/// The commands scanned: every main command on the shipped fixtures.
fn commands() -> Vec<Vec<String>> {
    let aceh = fixture("aceh-tengah-spbe-2025.json");
    let kota = fixture("kota-contoh-spbe-2019.csv");
    let (aceh, kota) = (aceh.to_str().unwrap(), kota.to_str().unwrap());
    let mut out: Vec<Vec<&str>> = vec![
        vec!["frameworks"],
        vec!["show", "spbe-2020"],
        vec!["show", "pemdi-2026"],
        vec!["show", "pemdi-2026:5"],
        vec!["show", "spbe-2018:35"],
        vec!["score", aceh],
        vec!["score", kota],
        vec!["convert", aceh],
        vec!["convert", kota],
        vec!["gaps", aceh],
        vec!["mapping", "review", "spbe-2018-to-spbe-2020"],
        vec!["mapping", "review", "spbe-2020-to-pemdi-2026"],
        vec!["mapping", "trace", "spbe-2018:1"],
        vec!["mapping", "trace", "spbe-2020:22"],
        vec!["score", "no-such-file.json"],
        vec!["--help"],
        vec!["convert", "--help"],
        vec!["gaps", "--help"],
        vec!["mapping", "--help"],
        vec!["score", "--no-such-option"],
    ];
    for n in ["1", "3", "4", "17", "20"] {
        out.push(vec!["explain", n, "--from", aceh]);
    }
    out.into_iter()
        .map(|c| {
            c.into_iter()
                .map(|a| match a {
                    "1" | "3" | "4" | "17" | "20" => format!("pemdi-2026:{a}"),
                    a => a.to_string(),
                })
                .collect()
        })
        .collect()
}

/// Texts that may stay in Indonesian in English output: the regulation's
/// names and the level criteria that have no English text.
fn regulation_words() -> Vec<String> {
    let d = data();
    let mut out = BTreeSet::new();
    for fw in &d.catalog.frameworks {
        out.insert(fw.title.clone());
        if fw.regulation_en.is_none() {
            // The regulation's own title.
            out.insert(fw.regulation.clone());
        }
        for a in &fw.aspects {
            out.insert(a.name.clone());
        }
        for dm in &fw.domains {
            out.insert(dm.name.clone());
        }
        for i in &fw.indicators {
            out.insert(i.name.clone());
            out.extend(i.name_variants.iter().cloned());
            if let Some(q) = &i.question {
                out.insert(q.clone());
            }
            for t in i.levels.values() {
                if t.en.is_none() {
                    out.insert(t.id.clone());
                }
            }
        }
        for b in &fw.predicates.bands {
            out.insert(b.name.clone());
        }
        for e in &fw.external_indices {
            out.insert(e.name.clone());
            out.insert(e.owner.clone());
        }
    }
    // Longest first, so that a name inside a longer text goes with it.
    let mut v: Vec<String> = out.into_iter().filter(|s| !s.is_empty()).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// Removes quotations: '…' (not an apostrophe inside a word), "…", `…`.
fn without_quotes(line: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match quote {
            Some(q) if c == q && !(q == '\'' && next.is_some_and(char::is_alphanumeric)) => {
                quote = None;
            }
            Some(_) => {}
            None if matches!(c, '"' | '`' | '“') => {
                quote = Some(if c == '“' { '”' } else { c })
            }
            None if c == '\'' && !prev.is_some_and(char::is_alphanumeric) => quote = Some('\''),
            None => out.push(c),
        }
    }
    out
}

/// Without command-line options (`--from`) and file names (`a.json`,
/// `in/b.csv`), which are the same in both languages.
fn without_names(line: &str) -> String {
    line.split_whitespace()
        .filter(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let file = t.contains('/')
                || t.rsplit_once('.').is_some_and(|(a, b)| {
                    !a.is_empty() && !b.is_empty() && b.chars().all(|c| c.is_ascii_alphabetic())
                });
            !t.starts_with("--") && !file
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tell-tale words of `words` in `text`, with the line they are on.
fn tell_tales(text: &str, words: &[&str], exempt: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut l = without_names(line);
        for e in exempt {
            if l.contains(e.as_str()) {
                l = l.replace(e.as_str(), " ");
            }
        }
        let l = without_quotes(&l);
        for w in l.split(|c: char| !c.is_alphanumeric()) {
            if words.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                found.push(format!("{w:?} in: {line}"));
                break;
            }
        }
    }
    found
}

/// Numbers written with a decimal point (`1.75`, `{2→1.3`) in Indonesian
/// output; versions (`1.0.0`) and quotations are not numbers.
fn decimal_points(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // Command lines keep the command-line syntax (`--external
        // sdi=68.75,sjig=2.1`); a standard's version is a name.
        if line.trim_start().starts_with("spbe-pemdi ") {
            continue;
        }
        let l = without_quotes(line).replace("OSCAL 1.2", "OSCAL");
        let hit = l
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .any(|t| {
                let t = t.trim_matches('.');
                t.matches('.').count() == 1
                    && t.split('.')
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            });
        if hit {
            found.push(format!("decimal point in: {line}"));
        }
    }
    found
}

/// The text of an HTML page: without `<style>`, tags and entities, one
/// line per element.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<style") {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once("</style>").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut inside = false;
    for c in out.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                text.push('\n');
            }
            c if !inside => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn scan(lang: &str, words: &[&str], exempt: &[String]) {
    let mut found = Vec::new();
    for c in commands() {
        let mut args: Vec<&str> = c.iter().map(String::as_str).collect();
        args.extend(["--lang", lang]);
        let r = run(&args);
        let text = format!("{}{}", r.stdout, r.stderr);
        assert!(!text.trim().is_empty(), "{args:?} printed nothing");
        for f in tell_tales(&text, words, exempt) {
            found.push(format!("{}: {f}", args.join(" ")));
        }
        if lang == "id" {
            for f in decimal_points(&text) {
                found.push(format!("{}: {f}", args.join(" ")));
            }
        }
    }
    // The HTML gap report, as text (tags, styles and entities removed).
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let aceh = fixture("aceh-tengah-spbe-2025.json");
    let r = run(&[
        "gaps",
        aceh.to_str().unwrap(),
        "--lang",
        lang,
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = html_text(&std::fs::read_to_string(&html).unwrap());
    for f in tell_tales(&text, words, exempt) {
        found.push(format!("gaps --format html: {f}"));
    }
    assert!(
        found.is_empty(),
        "{} lines in the other language:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn indonesian_output_has_no_english_sentence() {
    scan("id", ENGLISH, &regulation_words());
}

#[test]
fn english_output_has_no_indonesian_sentence() {
    scan("en", INDONESIAN, &regulation_words());
}

#[test]
fn the_scanner_finds_words_outside_quotes_only() {
    let t = "Alasan: the policy 'yang dan' stays\nAlasan: kebijakan 'the policy' tetap";
    assert_eq!(tell_tales(t, ENGLISH, &[]).len(), 1);
    assert_eq!(tell_tales(t, INDONESIAN, &[]).len(), 0);
    assert_eq!(tell_tales("the agency's plan and", ENGLISH, &[]).len(), 1);
    assert!(tell_tales("nilai 3", INDONESIAN, &["nilai 3".into()]).is_empty());
    assert!(tell_tales("explain --from FILE.json", ENGLISH, &[]).is_empty());
    assert_eq!(decimal_points("tabel {2→1.3; 3→1,7}").len(), 1);
    assert!(decimal_points("tabel {2→1,3} @1.0.0 'ISO 27001:2013 versi 2.0'").is_empty());
}
