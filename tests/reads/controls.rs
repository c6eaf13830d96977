//! Control characters (issue 16 item 17): agency names and unknown names
//! with ESC/OSC sequences, NUL bytes: shown as U+FFFD on the terminal and
//! in HTML and Markdown, never acting.

use crate::util::run_in;

const ESC_NAME: &str = "Kab. \u{1b}]0;pwned\u{7}Contoh\u{1b}[2J";

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn assert_clean(what: &str, s: &str) {
    assert!(
        !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{what} holds a control character: {s:?}"
    );
}

#[test]
fn agency_names_with_terminal_sequences_are_shown_inert() {
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::json!({
        "framework": "spbe-2020", "agency": ESC_NAME,
        "answers": [{"indicator": "1", "value": 3}]
    });
    let f = write(dir.path(), "a.json", &json.to_string());
    let r = run_in(dir.path(), &["score", &f, "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("score", &r.stdout);
    assert!(
        r.stdout.contains("Kab. \u{fffd}]0;pwned\u{fffd}Contoh"),
        "{}",
        r.stdout
    );
}

#[test]
fn unknown_names_with_terminal_sequences_are_shown_inert_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "framework;spbe-2020\nindikator;nilai\nnama \u{1b}[31mpalsu\u{1b}[0m;3\n";
    let f = write(dir.path(), "a.csv", csv);
    let r = run_in(dir.path(), &["score", &f, "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_clean("the error", &r.stderr);
    assert!(r.stderr.contains("\u{fffd}[31mpalsu"), "{}", r.stderr);
}

#[test]
fn nul_bytes_do_not_pass_into_html_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::json!({
        "framework": "spbe-2020", "agency": "Kota\u{0}Contoh\u{1b}[2J",
        "answers": [{"indicator": "1", "value": 3, "justification": "ada\u{0}Perwal"}]
    });
    let f = write(dir.path(), "a.json", &json.to_string());
    for format in ["md", "html"] {
        let r = run_in(dir.path(), &["gaps", &f, "--format", format]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_clean(format, &r.stdout);
        assert!(r.stdout.contains("Kota\u{fffd}Contoh"), "{format}");
        let out = dir.path().join(format!("r.{format}"));
        let r = run_in(dir.path(), &["gaps", &f, "-o", out.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_clean(format, &std::fs::read_to_string(&out).unwrap());
    }
}
