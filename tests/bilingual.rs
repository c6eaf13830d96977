//! Texts and values in the output language: CSV values (classes,
//! confidences), the catalogs' notes in both languages, library errors in
//! our own words.

use crate::util::{fixture, run};

#[test]
fn csv_values_are_in_the_output_language() {
    let dir = tempfile::tempdir().unwrap();
    let aceh = fixture("aceh-tengah-spbe-2025.json");
    for lang in ["id", "en"] {
        for (cmd, name) in [("convert", "draft"), ("gaps", "gaps")] {
            let out = dir.path().join(format!("{name}-{lang}.csv"));
            let r = run(&[
                cmd,
                aceh.to_str().unwrap(),
                "--lang",
                lang,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(r.code, 0, "{}", r.stderr);
            let text = std::fs::read_to_string(&out).unwrap();
            let fields: Vec<&str> = text.split([';', ',', '\n']).collect();
            let (want, not) = match lang {
                "id" => ("turunan", "derived"),
                _ => ("derived", "turunan"),
            };
            assert!(fields.contains(&want), "{name} {lang}");
            assert!(!fields.contains(&not), "{name} {lang}");
            if name == "draft" {
                let (want, not) = match lang {
                    "id" => ("sedang", "medium"),
                    _ => ("medium", "sedang"),
                };
                assert!(fields.contains(&want) && !fields.contains(&not), "{lang}");
            }
        }
    }
}

/// The catalogs' texts people read (`show`, `frameworks`) exist in both
/// languages: every note has its `*_en` twin, except texts that are the
/// same in both (the regulation's own title, lists of ministries).
#[test]
fn catalog_notes_exist_in_both_languages() {
    const FIELDS: &[&str] = &[
        "regulation",
        "in_force",
        "source",
        "confidence_note",
        "note",
        "levels_confidence",
        "rows_note",
        "external_note",
    ];
    fn same_in_both(field: &str, text: &str) -> bool {
        (field == "note" && text.starts_with("Pembina: ") && !text.contains("aspek"))
            || (field == "regulation" && text.starts_with("PermenPANRB Nomor 59 Tahun 2020"))
            || (field == "levels_confidence" && text == "quoted")
    }
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if let Some(t) = x.as_str()
                        && FIELDS.contains(&k.as_str())
                        && !m.contains_key(&format!("{k}_en"))
                        && !same_in_both(k, t)
                    {
                        out.push(format!("{path}.{k}: {t}"));
                    }
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    let dir = crate::util::root().join("mappings/frameworks");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);
    for f in files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        walk(&v, &name, &mut missing);
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Library error texts never reach a person raw: our sentence, in the
/// output language.
#[test]
fn library_errors_are_said_in_our_words() {
    let cases: [(&str, &str, &str); 3] = [
        (
            "no-such-file.json",
            "berkas atau foldernya tidak ada",
            "os error",
        ),
        (
            "fixtures/bad/truncated.json",
            "JSON terpotong: berkas berakhir sebelum JSON selesai",
            "EOF while",
        ),
        (
            "fixtures/bad/xls-garbage.xls",
            "bentuknya tidak dikenali",
            "Cannot detect",
        ),
    ];
    for (file, id, raw) in cases {
        let r = run(&["score", file]);
        assert_eq!(r.code, 3, "{file}: {}", r.stderr);
        assert!(r.stderr.contains(id), "{file}: {}", r.stderr);
        assert!(!r.stderr.contains(raw), "{file}: {}", r.stderr);
    }
    let r = run(&["score", "no-such-file.json", "--lang", "en"]);
    assert!(
        r.stderr.contains("the file or its folder does not exist"),
        "{}",
        r.stderr
    );
}
