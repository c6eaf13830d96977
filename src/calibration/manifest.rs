//! The manifest of `calibrate`: a CSV pairing each agency's old assessment
//! with its real Pemdi result (`instansi;spbe;pemdi` or `agency,spbe,pemdi`,
//! an optional `status` column: `sementara`/`provisional` or
//! `final`/`resmi`; paths relative to the manifest).

use std::path::{Path, PathBuf};

use crate::error::{Error, Place, Result};
use crate::tr;

/// One line of the manifest.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The agency named in the manifest (else the assessment's).
    pub agency: Option<String>,
    /// The old assessment.
    pub old: PathBuf,
    /// The real Pemdi result.
    pub real: PathBuf,
    /// `provisional` or `final`.
    pub status: String,
    /// Line in the manifest (1-based).
    pub line: u64,
}

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        names.contains(
            &h.trim()
                .trim_start_matches('\u{feff}')
                .to_lowercase()
                .as_str(),
        )
    })
}

fn status_of(s: &str) -> Option<&'static str> {
    match s.trim().to_lowercase().as_str() {
        "" | "sementara" | "provisional" => Some("provisional"),
        "final" | "resmi" | "tetap" => Some("final"),
        _ => None,
    }
}

/// Reads the manifest at `path`.
pub fn read(path: &Path) -> Result<Vec<Entry>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, &e))?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let base = path.parent().unwrap_or(Path::new("."));
    let mut records = r.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        _ => vec![],
    };
    let (Some(old), Some(real)) = (
        column(&headers, &["spbe", "old", "lama"]),
        column(&headers, &["pemdi", "new", "baru"]),
    ) else {
        return Err(Error::input(
            path,
            tr!(
                "baris judul manifes tidak punya kolom `spbe` dan `pemdi`",
                "the manifest's header row has no `spbe` and `pemdi` columns"
            ),
        )
        .at(Place::line(1))
        .with_hint(tr!(
            "tulis baris pertama `instansi;spbe;pemdi` (atau `agency,spbe,pemdi`), lalu satu baris per instansi",
            "write `instansi;spbe;pemdi` (or `agency,spbe,pemdi`) as the first line, then one line per agency"
        )));
    };
    let agency = column(&headers, &["instansi", "agency"]);
    let status = column(&headers, &["status"]);
    let mut out = Vec::new();
    for rec in records {
        let rec = rec.map_err(|e| {
            Error::input(path, tr!("CSV tidak terbaca: {}", "unreadable CSV: {}", e))
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::trim).unwrap_or("");
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (o, n) = (cell(Some(old)), cell(Some(real)));
        if o.is_empty() || n.is_empty() {
            return Err(Error::input(
                path,
                tr!(
                    "baris ini tidak menyebut kedua berkas (spbe dan pemdi)",
                    "this line does not name both files (spbe and pemdi)"
                ),
            )
            .at(Place::line(line)));
        }
        let st = status_of(cell(status)).ok_or_else(|| {
            Error::input(
                path,
                tr!(
                    "status `{}` tidak dikenal",
                    "unknown status `{}`",
                    cell(status)
                ),
            )
            .at(Place::line(line))
            .with_hint(tr!(
                "tulis `sementara` (provisional) atau `final`",
                "write `provisional` (sementara) or `final`"
            ))
        })?;
        let a = cell(agency);
        out.push(Entry {
            agency: (!a.is_empty()).then(|| a.to_string()),
            old: base.join(o),
            real: base.join(n),
            status: st.to_string(),
            line,
        });
    }
    if out.is_empty() {
        return Err(Error::input(
            path,
            tr!(
                "manifes tidak berisi pasangan",
                "the manifest holds no pairs"
            ),
        )
        .with_hint(tr!(
            "tambahkan satu baris per instansi: nama;hasil-spbe.json;hasil-pemdi.json",
            "add one line per agency: name,spbe-result.json,pemdi-result.json"
        )));
    }
    Ok(out)
}
