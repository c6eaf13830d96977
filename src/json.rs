//! Reading JSON data files with errors that point at the line and column.

use serde::de::DeserializeOwned;

use crate::error::{Error, Place, Result, line_text};
use crate::text::Text;
use crate::tr;

/// Deserializes `text` (read from `file`), mapping errors to the place.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| error(file, text, &e))
}

/// Turns a serde_json error into an error naming the file, line and column.
pub fn error(file: &str, text: &str, e: &serde_json::Error) -> Error {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let (line, col) = (e.line() as u64, e.column() as u64);
    use serde_json::error::Category;
    let message = match e.classify() {
        Category::Eof => Text::new(
            "JSON terpotong: berkas berakhir sebelum JSON selesai",
            format!("truncated JSON: the file ends before the JSON is complete ({msg})"),
        ),
        Category::Syntax => Text::new(
            format!("sintaks JSON salah: {}", syntax_id(&msg)),
            format!("JSON syntax error: {msg}"),
        ),
        Category::Data | Category::Io => Text::new(
            format!("isi JSON tidak sesuai: {}", data_id(&msg)),
            format!("JSON content does not fit: {msg}"),
        ),
    };
    let mut err = Error::input(file, message);
    if line > 0 {
        err = err.at(Place::line_col(line, col));
        if let Some(l) = line_text(text, line) {
            err = err.with_snippet(l);
        }
    }
    err.with_hint(tr!(
        "periksa tanda kutip, koma, kurung dan nama kolom di sekitar tempat itu",
        "check quotes, commas, brackets and field names around that place"
    ))
}

/// serde_json's syntax messages (English) in Indonesian; an unknown one is
/// kept as a detail.
fn syntax_id(msg: &str) -> String {
    let known = [
        ("expected value", "nilai diharapkan di sini"),
        ("expected `,` or `]`", "diharapkan `,` atau `]`"),
        ("expected `,` or `}`", "diharapkan `,` atau `}`"),
        ("expected `:`", "diharapkan `:`"),
        (
            "expected ident",
            "kata kunci tidak dikenal (true, false atau null?)",
        ),
        ("trailing comma", "koma berlebih sebelum kurung penutup"),
        ("trailing characters", "ada teks setelah JSON selesai"),
        (
            "key must be a string",
            "nama kolom harus teks dalam tanda kutip",
        ),
        ("invalid escape", "escape `\\` tidak sah di dalam teks"),
        ("invalid number", "angka tidak sah"),
        ("number out of range", "angka terlalu besar"),
        ("invalid unicode code point", "kode unicode tidak sah"),
        (
            "lone leading surrogate in hex escape",
            "kode unicode tidak sah",
        ),
        (
            "recursion limit exceeded",
            "susunan bertingkat terlalu dalam",
        ),
    ];
    if msg.starts_with("control character") {
        return "karakter kendali di dalam teks (tulis baris baru sebagai \\n)".to_string();
    }
    match known.iter().find(|(en, _)| *en == msg) {
        Some((_, id)) => id.to_string(),
        None => format!("(rincian: {msg})"),
    }
}

/// serde's data messages (English) in Indonesian: unknown and missing
/// fields, unknown values, wrong types; an unknown one is kept as a detail.
fn data_id(msg: &str) -> String {
    let list = |rest: &str| {
        rest.replace("expected one of ", "")
            .replace("expected ", "")
    };
    if let Some(rest) = msg.strip_prefix("unknown field ")
        && let Some((name, known)) = rest.split_once(", ")
    {
        return format!("kolom {name} tidak dikenal; yang dikenal: {}", list(known));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ")
        && let Some((name, known)) = rest.split_once(", ")
    {
        return format!("nilai {name} tidak dikenal; yang dikenal: {}", list(known));
    }
    if let Some(name) = msg.strip_prefix("missing field ") {
        return format!("kolom {name} wajib ada");
    }
    if let Some(name) = msg.strip_prefix("duplicate field ") {
        return format!("kolom {name} tertulis dua kali");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return format!("jenis nilai salah: tertulis {got}, diharapkan {want}");
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return format!("nilai salah: tertulis {got}, diharapkan {want}");
    }
    // Our own deserializers' messages (src/decimal, src/crosswalk/level.rs).
    let ours: [(&str, &str, &str); 4] = [
        (
            " is not a weight (write a decimal such as \"1.3\" or a fraction such as \"10/3\")",
            "`",
            " bukan bobot (tulis desimal seperti \"1.3\" atau pecahan seperti \"10/3\")",
        ),
        (
            " is not a decimal number (write \"3.5\")",
            "`",
            " bukan bilangan desimal (tulis \"3.5\")",
        ),
        (
            " is not a number (write \"3\")",
            "table key `",
            " bukan angka (tulis \"3\")",
        ),
        (" appears twice", "table key `", " tertulis dua kali"),
    ];
    for (tail, head, id_tail) in ours {
        if let Some(v) = msg.strip_suffix(tail)
            && let Some(v) = v.strip_prefix(head)
        {
            let what = if head.starts_with("table") {
                "kunci tabel `"
            } else {
                "`"
            };
            return format!("{what}{v}{id_tail}");
        }
    }
    format!("(rincian: {msg})")
}

/// Pretty JSON with a trailing newline: the canonical form of data files and
/// of `--json` output.
pub fn to_pretty<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".to_string());
    s.push('\n');
    s
}
