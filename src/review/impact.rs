//! What a new version of a crosswalk does to real assessments: every
//! assessment of a corpus folder is converted with the old and with the
//! new version, and the differences are counted.
//!
//! Two in-memory data sets are built from the data in use: in each, every
//! version of the crosswalk's id is replaced by one file (the old, or the
//! new). A [`Converter`] per source framework and data set is pinned to
//! that crosswalk; an assessment counts when its conversion path to the
//! target (the crosswalk's `to`, or `--to`) uses the crosswalk in both
//! versions: assessments of the crosswalk's `from` framework, and of
//! earlier frameworks whose path runs through it.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::convert::{Conversion, ConvertOptions, Converter};
use crate::crosswalk::LoadedCrosswalk;
use crate::data::{Data, DataFile};
use crate::decimal::{serde_dec, serde_opt_dec};
use crate::error::{Error, Result};
use crate::graph::Pin;
use crate::text::{Lang, Text};
use crate::tr;

/// A corpus file not counted, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// File name inside the corpus folder.
    pub file: String,
    /// Why, in both languages.
    pub reason: Text,
}

/// One converted assessment.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyImpact {
    /// File name inside the corpus folder.
    pub file: String,
    /// Agency, when the file says.
    pub agency: Option<String>,
    /// Year, when the file says.
    pub year: Option<i32>,
    /// Its framework.
    pub framework: String,
    /// Projected index with the old version (exact).
    #[serde(with = "serde_dec")]
    pub old_index: Decimal,
    /// Projected index with the new version (exact).
    #[serde(with = "serde_dec")]
    pub new_index: Decimal,
    /// New minus old.
    #[serde(with = "serde_dec")]
    pub delta: Decimal,
    /// Target indicators whose value, range or class changed.
    pub changed: Vec<String>,
}

/// How many agencies see a target indicator change.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorImpact {
    /// `pemdi-2026:3`.
    pub id: String,
    /// Name in Indonesian, without "Tingkat Kematangan ".
    pub name: String,
    /// English gloss.
    pub name_en: String,
    /// Agencies whose suggested value changed.
    pub value: usize,
    /// Agencies whose range changed.
    pub range: usize,
    /// Agencies whose class changed.
    pub class: usize,
}

/// The distribution of projected-index changes (|Δ| buckets, exact Δ).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexImpact {
    /// Δ = 0.
    pub unchanged: usize,
    /// 0 < |Δ| < 0.05.
    pub below_0_05: usize,
    /// 0.05 ≤ |Δ| < 0.10.
    pub below_0_10: usize,
    /// 0.10 ≤ |Δ| < 0.25.
    pub below_0_25: usize,
    /// |Δ| ≥ 0.25.
    pub from_0_25: usize,
    /// Smallest Δ.
    #[serde(with = "serde_opt_dec")]
    pub min: Option<Decimal>,
    /// Median Δ (mean of the two middle ones for an even count).
    #[serde(with = "serde_opt_dec")]
    pub median: Option<Decimal>,
    /// Largest Δ.
    #[serde(with = "serde_opt_dec")]
    pub max: Option<Decimal>,
}

/// The impact of a crosswalk change on a corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Impact {
    /// The corpus folder, as given.
    pub corpus: String,
    /// The target framework of the conversions.
    pub target: String,
    /// Files in the folder.
    pub files: usize,
    /// Converted assessments, by file name.
    pub agencies: Vec<AgencyImpact>,
    /// Assessments not converted: their path does not use the crosswalk,
    /// or a conversion fails (e.g. an invalid new version).
    pub skipped: Vec<Skipped>,
    /// Files that could not be read as assessments.
    pub unreadable: Vec<Skipped>,
    /// Every target indicator, in catalog order.
    pub indicators: Vec<IndicatorImpact>,
    /// Projected-index changes.
    pub index: IndexImpact,
}

/// The data set `base` with every version of the crosswalks `ids` removed
/// and `cw` in their place.
fn with_crosswalk(base: &Data, cw: &LoadedCrosswalk, ids: &[&str]) -> Result<Data> {
    let id_of = |f: &DataFile| {
        let stem = f
            .path
            .trim_start_matches("crosswalks/")
            .trim_end_matches(".json");
        stem.split('@').next().unwrap_or(stem).to_string()
    };
    let mut files: Vec<DataFile> = base
        .files
        .iter()
        .filter(|f| !(f.path.starts_with("crosswalks/") && ids.contains(&id_of(f).as_str())))
        .cloned()
        .collect();
    files.push(DataFile {
        path: format!("crosswalks/{}.json", cw.crosswalk.id),
        label: cw.file.clone(),
        text: cw.text.clone(),
    });
    Data::from_files(base.origin.clone(), files)
}

/// An error in one line per language: the message and where.
fn one_line(e: &Error) -> Text {
    let line = |lang: Lang| {
        let r = e.render(lang);
        let at = r
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("--> "))
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        format!("{}{at}", e.message.get(lang))
    };
    Text::new(line(Lang::Id), line(Lang::En))
}

/// The regular, visible files of `dir`, sorted by name.
fn corpus_files(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>> {
    if !dir.is_dir() {
        return Err(Error::input(
            dir,
            tr!("folder korpus tidak ditemukan", "corpus folder not found"),
        )
        .with_hint(tr!(
            "berikan folder berisi berkas penilaian, misalnya --corpus fixtures",
            "give a folder of assessment files, e.g. --corpus fixtures"
        )));
    }
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| Error::read(dir, &e))? {
        let p = e.map_err(|e| Error::read(dir, &e))?.path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_file() && !name.starts_with('.') {
            out.push((name, p));
        }
    }
    out.sort();
    Ok(out)
}

type Prepared<'a> = std::result::Result<(Converter<'a>, Converter<'a>), Text>;

/// Converters for framework `fw` with both data sets, when both paths use
/// the crosswalk.
fn prepare<'a>(data: [&'a Data; 2], ids: [&str; 2], fw: &str, to: &str) -> Prepared<'a> {
    let make = |i: usize| {
        let opts = ConvertOptions {
            to: Some(to.to_string()),
            pins: vec![Pin {
                id: ids[i].to_string(),
                version: None,
            }],
            ..ConvertOptions::default()
        };
        let c = Converter::new(data[i], fw, &opts).map_err(|e| one_line(&e))?;
        let prefix = format!("{}@", ids[i]);
        if c.path().iter().any(|h| h.starts_with(&prefix)) {
            Ok(c)
        } else {
            Err(tr!(
                "jalur konversi {} → {} ({}) tidak memakai crosswalk ini",
                "the conversion path {} → {} ({}) does not use this crosswalk",
                fw,
                to,
                c.path().join(" → ")
            ))
        }
    };
    Ok((make(0)?, make(1)?))
}

fn compare(
    file: String,
    o: &Conversion,
    n: &Conversion,
    counts: &mut [IndicatorImpact],
) -> AgencyImpact {
    let mut changed = Vec::new();
    for ((a, b), c) in o
        .indicators
        .iter()
        .zip(&n.indicators)
        .zip(counts.iter_mut())
    {
        let value = a.value != b.value;
        let range = (a.estimate.low, a.estimate.high) != (b.estimate.low, b.estimate.high);
        let class = a.class != b.class;
        c.value += usize::from(value);
        c.range += usize::from(range);
        c.class += usize::from(class);
        if value || range || class {
            changed.push(a.id.clone());
        }
    }
    let (old_index, new_index) = (o.projected_index.point, n.projected_index.point);
    AgencyImpact {
        file,
        agency: o.source.agency.clone(),
        year: o.source.year,
        framework: o.source.framework.clone(),
        old_index,
        new_index,
        delta: (new_index - old_index).normalize(),
        changed,
    }
}

fn distribution(deltas: &mut [Decimal]) -> IndexImpact {
    let mut d = IndexImpact::default();
    let cut = |s: &str| crate::decimal::parse(s).unwrap_or(Decimal::ONE);
    let (a, b, c) = (cut("0.05"), cut("0.10"), cut("0.25"));
    for x in deltas.iter().map(|x| x.abs()) {
        match x {
            x if x.is_zero() => d.unchanged += 1,
            x if x < a => d.below_0_05 += 1,
            x if x < b => d.below_0_10 += 1,
            x if x < c => d.below_0_25 += 1,
            _ => d.from_0_25 += 1,
        }
    }
    deltas.sort();
    let n = deltas.len();
    d.min = deltas.first().copied();
    d.max = deltas.last().copied();
    d.median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(deltas[n / 2]),
        _ => Some(((deltas[n / 2 - 1] + deltas[n / 2]) / Decimal::TWO).normalize()),
    };
    d
}

/// Converts every assessment in `corpus` with `old` and with `new` (data
/// otherwise from `base`) to `to` (default: the new crosswalk's `to`).
pub fn impact(
    base: &Data,
    old: &LoadedCrosswalk,
    new: &LoadedCrosswalk,
    corpus: &Path,
    to: Option<&str>,
) -> Result<Impact> {
    let files = corpus_files(corpus)?
        .into_iter()
        .map(|(name, path)| (name, CorpusFile::Path(path)))
        .collect();
    impact_of(base, old, new, corpus.display().to_string(), files, to)
}

/// One file of a corpus: on disk, or already in memory (uploaded to `serve`).
#[derive(Debug, Clone)]
pub enum CorpusFile {
    /// Read when its turn comes.
    Path(std::path::PathBuf),
    /// The file's bytes.
    Bytes(Vec<u8>),
}

/// [`impact`] on a corpus given file by file (`corpus` names it in the
/// report); files in memory are never written anywhere.
pub fn impact_of(
    base: &Data,
    old: &LoadedCrosswalk,
    new: &LoadedCrosswalk,
    corpus: String,
    files: Vec<(String, CorpusFile)>,
    to: Option<&str>,
) -> Result<Impact> {
    let target = to.unwrap_or(&new.crosswalk.to).to_string();
    let target_fw = base.catalog.require(&target)?;
    let ids = [old.crosswalk.id.as_str(), new.crosswalk.id.as_str()];
    let data_old = with_crosswalk(base, old, &ids)?;
    let data_new = with_crosswalk(base, new, &ids)?;
    let mut indicators: Vec<IndicatorImpact> = target_fw
        .indicators
        .iter()
        .map(|i| IndicatorImpact {
            id: target_fw.indicator_id(i.no),
            name: i.short_name(Lang::Id).to_string(),
            name_en: i.name_en.clone(),
            value: 0,
            range: 0,
            class: 0,
        })
        .collect();
    let mut prepared: BTreeMap<String, Prepared> = BTreeMap::new();
    let (mut agencies, mut skipped, mut unreadable) = (Vec::new(), Vec::new(), Vec::new());
    let count = files.len();
    for (name, file) in files {
        let name = &name;
        let bytes = match file {
            CorpusFile::Path(path) => {
                crate::limits::read_file(&path, crate::limits::MAX_INPUT_BYTES)
            }
            CorpusFile::Bytes(b) => Ok(b),
        };
        let read =
            bytes.and_then(|bytes| crate::assessment::read_bytes(name, bytes, &base.catalog, None));
        let a = match read {
            Ok(a) => a,
            Err(e) => {
                unreadable.push(Skipped {
                    file: name.clone(),
                    reason: one_line(&e),
                });
                continue;
            }
        };
        let prep = prepared
            .entry(a.framework.clone())
            .or_insert_with(|| prepare([&data_old, &data_new], ids, &a.framework, &target));
        let (co, cn) = match prep {
            Ok(p) => p,
            Err(reason) => {
                skipped.push(Skipped {
                    file: name.clone(),
                    reason: reason.clone(),
                });
                continue;
            }
        };
        match (co.convert(&a), cn.convert(&a)) {
            (Ok(o), Ok(n)) => agencies.push(compare(name.clone(), &o, &n, &mut indicators)),
            (Err(e), _) | (_, Err(e)) => skipped.push(Skipped {
                file: name.clone(),
                reason: one_line(&e),
            }),
        }
    }
    let mut deltas: Vec<Decimal> = agencies.iter().map(|a| a.delta).collect();
    Ok(Impact {
        corpus,
        target,
        files: count,
        agencies,
        skipped,
        unreadable,
        indicators,
        index: distribution(&mut deltas),
    })
}
