//! Finding the indicator a person meant: by number (`22`, `35-1`), by id
//! (`spbe-2020:22`), or by name, with the closest candidates when a name is
//! unknown or ambiguous.

use crate::catalog::Framework;
use crate::text::Text;
use crate::tr;

/// What a reference in an input file points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A scored item (indicator or row), by its position in the
    /// framework's plan (`Framework::plan().items`).
    Item(usize),
    /// An external index value, by key (`sdi`).
    External(String),
}

/// Why a reference could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// What went wrong.
    pub message: Text,
    /// Closest candidates (`spbe-2020:22 Tingkat Kematangan ...`).
    pub candidates: Vec<String>,
    /// What to do.
    pub hint: Text,
}

/// Normalizes a name for matching: lower case, letters and digits only,
/// single spaces, without the common `tingkat kematangan` prefix.
pub fn normalize(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut space = true;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    let t = out.trim_end();
    t.strip_prefix("tingkat kematangan ")
        .unwrap_or(t)
        .to_string()
}

/// Splits `spbe-2020:22` into `("spbe-2020", "22")`.
pub fn split_id(s: &str) -> Option<(&str, &str)> {
    let (fw, rest) = s.trim().rsplit_once(':')?;
    let fw = fw.trim();
    if fw.is_empty() || fw.contains(char::is_whitespace) {
        return None;
    }
    Some((fw, rest.trim()))
}

fn strip_label(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    for p in ["indikator", "indicator", "ind.", "ind", "no.", "no"] {
        if lower.starts_with(p) {
            let rest = s[p.len()..].trim_start_matches([' ', '.', ':', '-', '#']);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    s
}

/// Resolves references against one framework.
pub struct Resolver<'a> {
    fw: &'a Framework,
    names: std::cell::OnceCell<Vec<(u32, Vec<String>)>>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `fw`. Names are normalised only when a name has to
    /// be looked up (most files give numbers or ids).
    pub fn new(fw: &'a Framework) -> Resolver<'a> {
        Resolver {
            fw,
            names: std::cell::OnceCell::new(),
        }
    }

    fn names(&self) -> &[(u32, Vec<String>)] {
        self.names.get_or_init(|| {
            self.fw
                .indicators
                .iter()
                .map(|i| {
                    let mut v = vec![normalize(&i.name), normalize(&i.name_en)];
                    for var in &i.name_variants {
                        // Variants carry their source in parentheses at the end.
                        let base = match var.rfind(" (") {
                            Some(p) => &var[..p],
                            None => var,
                        };
                        v.push(normalize(base));
                    }
                    v.retain(|s| !s.is_empty());
                    v.dedup();
                    (i.no, v)
                })
                .collect()
        })
    }

    /// The framework.
    pub fn framework(&self) -> &Framework {
        self.fw
    }

    fn by_key(&self, key: &str) -> Result<Target, Unresolved> {
        let key = key.trim();
        if let Some(row) = self.fw.plan().rows.get(key) {
            return Ok(Target::Item(*row));
        }
        // `35` where the indicator is scored per row.
        if let Ok(no) = key.parse::<u32>()
            && let Some(ind) = self.fw.indicator(no)
            && !ind.rows.is_empty()
        {
            return Err(Unresolved {
                message: tr!(
                    "indikator {} dinilai per baris ({}); baris mana yang dimaksud?",
                    "indicator {} is scored per row ({}); which row is this?",
                    no,
                    ind.rows.join(", ")
                ),
                candidates: ind
                    .rows
                    .iter()
                    .map(|r| format!("{}:{r}", self.fw.id))
                    .collect(),
                hint: tr!(
                    "tulis `{}` untuk layanan publik pertama, `{}-2` untuk yang kedua",
                    "write `{}` for the first public service, `{}-2` for the second",
                    ind.rows[0],
                    no
                ),
            });
        }
        let max = self.fw.indicators.len();
        Err(Unresolved {
            message: tr!(
                "{} tidak punya indikator `{}`",
                "{} has no indicator `{}`",
                self.fw.id,
                key
            ),
            candidates: vec![],
            hint: tr!(
                "nomor indikator {} adalah 1 sampai {}",
                "{} indicators are numbered 1 to {}",
                self.fw.id,
                max
            ),
        })
    }

    /// Resolves `s`.
    pub fn resolve(&self, s: &str) -> Result<Target, Unresolved> {
        let t = s.trim();
        if let Some((fw, rest)) = split_id(t) {
            if !fw.eq_ignore_ascii_case(&self.fw.id) {
                return Err(Unresolved {
                    message: tr!(
                        "indikator `{}` milik framework lain (penilaian ini {})",
                        "indicator `{}` belongs to another framework (this assessment is {})",
                        t,
                        self.fw.id
                    ),
                    candidates: vec![],
                    hint: tr!(
                        "satu berkas memuat satu framework; pisahkan atau perbaiki id-nya",
                        "one file holds one framework; split it or fix the id"
                    ),
                });
            }
            return self.by_key(rest);
        }
        if let Some(ext) = self.fw.external_index(t) {
            return Ok(Target::External(ext.key.clone()));
        }
        let bare = strip_label(t);
        let bare = bare.strip_suffix(".0").unwrap_or(bare);
        let looks_numeric = !bare.is_empty()
            && bare.chars().all(|c| c.is_ascii_digit() || c == '-')
            && bare.starts_with(|c: char| c.is_ascii_digit());
        if looks_numeric {
            return self.by_key(bare);
        }
        self.by_name(t)
    }

    fn describe(&self, no: u32) -> String {
        match self.fw.indicator(no) {
            Some(i) => format!("{}:{} {}", self.fw.id, no, i.name),
            None => format!("{}:{}", self.fw.id, no),
        }
    }

    /// Whether `s` names (or is part of the name of) at least one of the
    /// framework's indicators, ambiguous or not.
    pub fn knows_name(&self, s: &str) -> bool {
        let n = normalize(s);
        !n.is_empty()
            && self
                .names()
                .iter()
                .any(|(_, v)| v.iter().any(|x| x.contains(&n)))
    }

    fn by_name(&self, s: &str) -> Result<Target, Unresolved> {
        let n = normalize(s);
        if n.is_empty() {
            return Err(Unresolved {
                message: tr!("indikator kosong", "empty indicator"),
                candidates: vec![],
                hint: tr!(
                    "isi nomor, id atau nama indikator",
                    "give the indicator's number, id or name"
                ),
            });
        }
        let exact: Vec<u32> = self
            .names()
            .iter()
            .filter(|(_, v)| v.contains(&n))
            .map(|(no, _)| *no)
            .collect();
        let hits = if exact.is_empty() {
            self.names()
                .iter()
                .filter(|(_, v)| v.iter().any(|x| x.contains(&n)))
                .map(|(no, _)| *no)
                .collect()
        } else {
            exact
        };
        match hits.as_slice() {
            [one] => self.by_key(&one.to_string()),
            [] => Err(Unresolved {
                message: tr!(
                    "nama indikator tidak dikenal di {}: `{}`",
                    "unknown indicator name in {}: `{}`",
                    self.fw.id,
                    s.trim()
                ),
                candidates: self.closest(&n),
                hint: tr!(
                    "pakai nomor atau id indikator (misalnya `{}:1`), atau salah satu nama terdekat",
                    "use the indicator's number or id (e.g. `{}:1`), or one of the closest names",
                    self.fw.id
                ),
            }),
            many => Err(Unresolved {
                message: tr!(
                    "nama indikator `{}` cocok dengan {} indikator",
                    "indicator name `{}` matches {} indicators",
                    s.trim(),
                    many.len()
                ),
                candidates: many.iter().take(5).map(|no| self.describe(*no)).collect(),
                hint: tr!(
                    "tulis nama lengkapnya, atau pakai nomor indikator",
                    "write the full name, or use the indicator's number"
                ),
            }),
        }
    }

    /// The three names closest to `n` (normalized).
    fn closest(&self, n: &str) -> Vec<String> {
        let mut scored: Vec<(u64, u32)> = self
            .names()
            .iter()
            .map(|(no, v)| {
                let best = v
                    .iter()
                    .map(|x| strsim::jaro_winkler(n, x))
                    .fold(0.0_f64, f64::max);
                // Ranking only; never used for scores.
                ((best * 1_000_000.0) as u64, *no)
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, no)| self.describe(no))
            .collect()
    }
}
