//! Which framework a file is read against: the one asked for, the file's
//! own, ids written in the file, or the only one whose names match; and the
//! error when the names belong to another framework.

use super::{Meta, RawAnswer, ReadOptions, build, resolve};
use crate::catalog::{Catalog, Framework};
use crate::error::{Error, Result};
use crate::text::Text;
use crate::tr;

/// When most indicator names in the file are unknown to `fw` and all of
/// them are names of another framework: an error saying which.
pub(super) fn other_framework(
    label: &str,
    catalog: &Catalog,
    fw: &Framework,
    rows: &[RawAnswer<'_>],
) -> Option<Error> {
    let structural = build::Structural::new(fw);
    let is_name = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() > 3
            && resolve::split_id(s).is_none()
            && catalog
                .frameworks
                .iter()
                .all(|f| f.external_index(s).is_none())
            && !structural.is(s)
    };
    let names: Vec<(&str, Option<&crate::error::Place>)> = rows
        .iter()
        .flat_map(|r| {
            std::iter::once((r.indicator.as_str(), r.indicator_place.as_ref()))
                .chain(r.names.iter().map(|(n, p)| (n.as_str(), p.as_ref())))
        })
        .filter(|(n, _)| is_name(n))
        .collect();
    if names.is_empty() {
        return None;
    }
    let own = resolve::Resolver::new(fw);
    let misses: Vec<&(&str, Option<&crate::error::Place>)> = names
        .iter()
        .filter(|(n, _)| own.resolve(n).is_err() && !own.knows_name(n))
        .collect();
    if misses.is_empty() || misses.len() * 2 < names.len() {
        return None;
    }
    let other = catalog.frameworks.iter().find(|f| {
        f.id != fw.id && {
            let r = resolve::Resolver::new(f);
            misses.iter().all(|(n, _)| r.resolve(n).is_ok())
        }
    })?;
    let (first, place) = misses[0];
    Some(
        Error::input(
            label,
            tr!(
                "nama indikator dalam berkas ini milik {}, bukan {} ({} dari {} nama tidak dikenal di {}; misalnya `{}`)",
                "the indicator names in this file belong to {}, not {} ({} of {} names are unknown in {}; e.g. `{}`)",
                other.id,
                fw.id,
                misses.len(),
                names.len(),
                fw.id,
                first.trim()
            ),
        )
        .at_opt(place.cloned())
        .with_hint(tr!(
            "gunakan --framework {} (atau perbaiki baris `framework` di berkas)",
            "use --framework {} (or fix the `framework` row in the file)",
            other.id
        )),
    )
}

/// Picks the framework: `--framework`, the file's own, ids written in the
/// file, or the only framework whose names match every indicator.
pub(super) fn choose_framework<'a>(
    label: &str,
    catalog: &'a Catalog,
    opts: ReadOptions<'_>,
    meta: &Meta,
    rows: &[RawAnswer<'_>],
) -> Result<&'a Framework> {
    let from_file = meta.framework.as_deref().map(str::trim).or_else(|| {
        rows.iter()
            .find_map(|r| resolve::split_id(&r.indicator).map(|(fw, _)| fw))
    });
    // `batch --framework` fills in for files that do not say theirs.
    let given = opts
        .framework
        .or(opts.fallback.filter(|_| from_file.is_none()));
    let same = |g: &str, f: &str| {
        g == f
            || catalog
                .get_loose(g)
                .is_some_and(|x| catalog.get_loose(f).is_some_and(|y| y.id == x.id))
    };
    match (given, from_file) {
        (Some(g), Some(f)) if !same(g, f) => Err(Error::usage(tr!(
            "--framework {} berbeda dengan framework dalam berkas ({})",
            "--framework {} differs from the framework in the file ({})",
            g,
            f
        ))
        .in_file(label)
        .with_hint(tr!(
            "hapus --framework, atau perbaiki berkasnya",
            "drop --framework, or fix the file"
        ))),
        (Some(id), _) => catalog.require(id),
        (None, Some(id)) => catalog.get_loose(id).ok_or_else(|| {
            Error::input(
                label,
                tr!(
                    "framework dalam berkas tidak dikenal: `{}`",
                    "unknown framework in the file: `{}`",
                    id
                ),
            )
            .expected(Text::same(catalog.ids().join(", ")))
        }),
        (None, None) => {
            let has_names = rows.iter().any(|r| {
                r.indicator.chars().any(|c| c.is_alphabetic())
                    && catalog
                        .frameworks
                        .iter()
                        .all(|f| f.external_index(&r.indicator).is_none())
            });
            if has_names {
                let fits: Vec<&Framework> = catalog
                    .frameworks
                    .iter()
                    .filter(|f| {
                        let r = resolve::Resolver::new(f);
                        rows.iter().all(|row| r.resolve(&row.indicator).is_ok())
                    })
                    .collect();
                if let [only] = fits.as_slice() {
                    return Ok(only);
                }
            }
            Err(Error::usage(tr!(
                "berkas ini tidak menyebut framework-nya",
                "the file does not say which framework it is in"
            ))
            .in_file(label)
            .expected(Text::same(catalog.ids().join(", ")))
            .with_hint(tr!(
                "tambahkan --framework spbe-2020 (atau baris `framework;spbe-2020` di atas tabel)",
                "add --framework spbe-2020 (or a row `framework,spbe-2020` above the table)"
            )))
        }
    }
}
