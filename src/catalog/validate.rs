//! Checks that a catalog is whole and consistent: complete numbering,
//! unique ids, weights that add up, bands in order.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::catalog::Framework;
use crate::decimal::Frac;
use crate::error::{Error, Place, Result};
use crate::text::Text;
use crate::tr;

fn bad(file: &str, field: String, msg: Text) -> Error {
    Error::input(file, msg)
        .at(Place::Field(field))
        .with_hint(tr!(
            "perbaiki berkas katalog ini, atau hapus --data untuk memakai data bawaan",
            "fix this catalog file, or drop --data to use the embedded data"
        ))
}

fn numbered(file: &str, what: &str, nos: &[u32]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for (i, no) in nos.iter().enumerate() {
        if !seen.insert(*no) {
            return Err(bad(
                file,
                format!("{what}[{i}].no"),
                tr!("nomor {} ganda", "duplicate number {}", no),
            ));
        }
    }
    for (i, want) in (1..=nos.len() as u32).enumerate() {
        if !seen.contains(&want) {
            return Err(bad(
                file,
                format!("{what}[{i}].no"),
                tr!(
                    "penomoran tidak lengkap: nomor {} tidak ada",
                    "numbering is not complete: number {} is missing",
                    want
                ),
            ));
        }
    }
    Ok(())
}

fn sums(file: &str, field: String, what: (&str, &str), got: Frac, want: Frac) -> Result<()> {
    if got.same(want) {
        Ok(())
    } else {
        Err(bad(
            file,
            field,
            Text::new(
                format!("jumlah bobot {} adalah {got}, seharusnya {want}", what.0),
                format!("the weights of {} sum to {got}, not {want}", what.1),
            ),
        ))
    }
}

/// Validates a framework catalog read from `file`.
pub fn validate_framework(fw: &Framework, file: &str) -> Result<()> {
    if fw.id.trim().is_empty() || fw.id.contains(':') || fw.id.contains(char::is_whitespace) {
        return Err(bad(
            file,
            "id".into(),
            tr!(
                "id framework `{}` tidak valid",
                "framework id `{}` is not valid",
                fw.id
            ),
        ));
    }
    if fw.scale.min >= fw.scale.max {
        return Err(bad(
            file,
            "scale".into(),
            tr!(
                "skala tidak valid: min harus lebih kecil dari max",
                "invalid scale: min must be below max"
            ),
        ));
    }
    if fw.indicators.is_empty() {
        return Err(bad(
            file,
            "indicators".into(),
            tr!("tidak ada indikator", "no indicators"),
        ));
    }
    let rows: usize = fw.indicators.iter().map(|i| i.rows.len().max(1)).sum();
    if rows > 128 {
        return Err(bad(
            file,
            "indicators".into(),
            tr!(
                "terlalu banyak baris dinilai: {} (paling banyak 128)",
                "too many scored rows: {} (at most 128)",
                rows
            ),
        ));
    }
    let ind_nos: Vec<u32> = fw.indicators.iter().map(|i| i.no).collect();
    numbered(file, "indicators", &ind_nos)?;
    let asp_nos: Vec<u32> = fw.aspects.iter().map(|a| a.no).collect();
    numbered(file, "aspects", &asp_nos)?;
    let dom_nos: Vec<u32> = fw.domains.iter().map(|d| d.no).collect();
    numbered(file, "domains", &dom_nos)?;

    let hundred = Frac::from_dec(Decimal::from(100));
    for (i, ind) in fw.indicators.iter().enumerate() {
        if ind.weight.num <= Decimal::ZERO || ind.weight.den <= Decimal::ZERO {
            return Err(bad(
                file,
                format!("indicators[{i}].weight"),
                tr!(
                    "bobot indikator {} harus positif",
                    "indicator {} must have a positive weight",
                    ind.no
                ),
            ));
        }
        if ind.name.trim().is_empty() {
            return Err(bad(
                file,
                format!("indicators[{i}].name"),
                tr!(
                    "indikator {} tanpa nama",
                    "indicator {} has no name",
                    ind.no
                ),
            ));
        }
        match fw.aspect(ind.aspect) {
            None => {
                return Err(bad(
                    file,
                    format!("indicators[{i}].aspect"),
                    tr!(
                        "indikator {} menunjuk aspek {} yang tidak ada",
                        "indicator {} names aspect {}, which does not exist",
                        ind.no,
                        ind.aspect
                    ),
                ));
            }
            Some(a) if !a.indicators.contains(&ind.no) => {
                return Err(bad(
                    file,
                    format!("aspects[{}].indicators", a.no - 1),
                    tr!(
                        "aspek {} tidak mencantumkan indikator {}",
                        "aspect {} does not list indicator {}",
                        a.no,
                        ind.no
                    ),
                ));
            }
            _ => {}
        }
        for key in ind.levels.keys() {
            let ok = crate::decimal::parse(key).is_some_and(|l| fw.on_scale(l));
            if !ok {
                return Err(bad(
                    file,
                    format!("indicators[{i}].levels.{key}"),
                    tr!(
                        "tingkat `{}` di luar skala",
                        "level `{}` is outside the scale",
                        key
                    ),
                ));
            }
        }
        let mut rows = BTreeSet::new();
        for (r, row) in ind.rows.iter().enumerate() {
            let ok = row
                .split_once('-')
                .is_some_and(|(n, k)| n == ind.no.to_string() && k.parse::<u32>().is_ok());
            if !ok || !rows.insert(row) {
                return Err(bad(
                    file,
                    format!("indicators[{i}].rows[{r}]"),
                    tr!(
                        "baris `{}` harus unik dan berbentuk `{}-k`",
                        "row `{}` must be unique and written `{}-k`",
                        row,
                        ind.no
                    ),
                ));
            }
        }
        if let Some(key) = &ind.external
            && fw.external_index(key).is_none_or(|e| e.indicator != ind.no)
        {
            return Err(bad(
                file,
                format!("indicators[{i}].external"),
                tr!(
                    "indeks eksternal `{}` tidak dideklarasikan untuk indikator {}",
                    "external index `{}` is not declared for indicator {}",
                    key,
                    ind.no
                ),
            ));
        }
        // Scored from an external index only: the catalog must name it.
        if ind
            .scoring
            .as_ref()
            .is_some_and(|s| s.by == crate::catalog::ScoredBy::ExternalIndex)
            && ind.external.is_none()
        {
            return Err(bad(
                file,
                format!("indicators[{i}].scoring.by"),
                tr!(
                    "indikator {} dinilai dari indeks eksternal saja, tetapi `external` tidak menamai indeksnya",
                    "indicator {} is scored from an external index only, but `external` names no index",
                    ind.no
                ),
            ));
        }
    }
    for (i, a) in fw.aspects.iter().enumerate() {
        let mut sum = Frac::ZERO;
        for no in &a.indicators {
            match fw.indicator(*no) {
                Some(ind) if ind.aspect == a.no => sum = sum + ind.weight,
                _ => {
                    return Err(bad(
                        file,
                        format!("aspects[{i}].indicators"),
                        tr!(
                            "aspek {} mencantumkan indikator {} yang bukan miliknya",
                            "aspect {} lists indicator {}, which is not in it",
                            a.no,
                            no
                        ),
                    ));
                }
            }
        }
        sums(
            file,
            format!("aspects[{i}].weight"),
            (&format!("aspek {}", a.no), &format!("aspect {}", a.no)),
            sum,
            a.weight,
        )?;
        if !fw.domains.is_empty() {
            let ok = a.domain.and_then(|d| fw.domain(d)).is_some();
            if !ok {
                return Err(bad(
                    file,
                    format!("aspects[{i}].domain"),
                    tr!(
                        "aspek {} tidak menunjuk domain yang ada",
                        "aspect {} does not name an existing domain",
                        a.no
                    ),
                ));
            }
        }
    }
    for (i, d) in fw.domains.iter().enumerate() {
        let sum = fw
            .aspects
            .iter()
            .filter(|a| a.domain == Some(d.no))
            .fold(Frac::ZERO, |acc, a| acc + a.weight);
        sums(
            file,
            format!("domains[{i}].weight"),
            (&format!("domain {}", d.no), &format!("domain {}", d.no)),
            sum,
            d.weight,
        )?;
    }
    let aspects_sum = fw.aspects.iter().fold(Frac::ZERO, |acc, a| acc + a.weight);
    sums(
        file,
        "aspects".into(),
        ("semua aspek", "all aspects"),
        aspects_sum,
        hundred,
    )?;
    sums(
        file,
        "indicators".into(),
        ("semua indikator", "all indicators"),
        fw.total_weight(),
        hundred,
    )?;
    if !fw.domains.is_empty() {
        let dsum = fw.domains.iter().fold(Frac::ZERO, |acc, d| acc + d.weight);
        sums(
            file,
            "domains".into(),
            ("semua domain", "all domains"),
            dsum,
            hundred,
        )?;
    }
    let bands = &fw.predicates.bands;
    if bands.is_empty() || bands[0].from > fw.scale.min {
        return Err(bad(
            file,
            "predicates.bands".into(),
            tr!(
                "pita predikat harus dimulai pada atau di bawah nilai minimum skala",
                "predicate bands must start at or below the scale minimum"
            ),
        ));
    }
    for (i, w) in bands.windows(2).enumerate() {
        if w[1].from <= w[0].from {
            return Err(bad(
                file,
                format!("predicates.bands[{}].from", i + 1),
                tr!(
                    "pita predikat harus naik",
                    "predicate bands must be in ascending order"
                ),
            ));
        }
    }
    let mut keys = BTreeSet::new();
    for (i, e) in fw.external_indices.iter().enumerate() {
        let field = format!("external_indices[{i}]");
        if !keys.insert(e.key.as_str()) || e.key != e.key.to_ascii_lowercase() {
            return Err(bad(
                file,
                format!("{field}.key"),
                tr!(
                    "kunci indeks eksternal `{}` ganda atau tidak huruf kecil",
                    "external index key `{}` is duplicated or not lower-case",
                    e.key
                ),
            ));
        }
        if fw
            .indicator(e.indicator)
            .and_then(|i| i.external.as_deref())
            != Some(e.key.as_str())
        {
            return Err(bad(
                file,
                format!("{field}.indicator"),
                tr!(
                    "indikator {} tidak menunjuk indeks eksternal `{}`",
                    "indicator {} does not name external index `{}`",
                    e.indicator,
                    e.key
                ),
            ));
        }
        match (&e.edges, &e.target_edges) {
            (None, None) => {}
            (Some(src), Some(dst)) => {
                let ascending = |v: &[crate::catalog::DecStr]| v.windows(2).all(|w| w[0] < w[1]);
                let ok = src.len() == dst.len()
                    && src.len() >= 2
                    && ascending(src)
                    && ascending(dst)
                    && dst
                        .iter()
                        .all(|d| d.0 >= fw.scale.min && d.0 <= fw.scale.max);
                if !ok {
                    return Err(bad(
                        file,
                        format!("{field}.edges"),
                        tr!(
                            "tepi pita harus naik, sama banyak, dan tepi sasaran di dalam skala",
                            "band edges must ascend, match in number, and target edges lie on the scale"
                        ),
                    ));
                }
            }
            _ => {
                return Err(bad(
                    file,
                    format!("{field}.edges"),
                    tr!(
                        "`edges` dan `target_edges` harus ada bersama",
                        "`edges` and `target_edges` go together"
                    ),
                ));
            }
        }
    }
    Ok(())
}
