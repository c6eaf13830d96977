//! The fuzz targets of `fuzz/` run on stable: every seed (fixtures, shipped
//! data files, crashers found by fuzzing in `tests/data/fuzz/<target>/`),
//! its truncations and some deterministic byte flips. A panic fails the
//! test; errors are fine. The coverage-guided run needs nightly and
//! cargo-fuzz (README, "Fuzzing").

use std::path::Path;

use spbe_pemdi::fuzzing;

use crate::util::root;

fn files(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// `seed`, its truncations at 16 places and 16 single-byte changes.
fn variants(seed: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![seed.to_vec()];
    let n = seed.len();
    for k in 1..16 {
        out.push(seed[..n * k / 16].to_vec());
    }
    for k in 0..16usize {
        if n == 0 {
            break;
        }
        let mut v = seed.to_vec();
        let at = (k * 7919 + 13) % n;
        v[at] = [b'"', b'{', b'}', b',', b';', 0xFF, b'\n', b'9'][k % 8];
        out.push(v);
    }
    out
}

fn replay(target: fn(&[u8]), dirs: &[&str], limit: usize) {
    let mut seeds = vec![];
    for d in dirs {
        seeds.extend(files(&root().join(d)));
    }
    assert!(!seeds.is_empty(), "no seeds in {dirs:?}");
    for seed in seeds.iter().filter(|s| s.len() <= limit) {
        for v in variants(seed) {
            target(&v);
        }
    }
}

#[test]
fn fuzz_assessment_replays_without_panics() {
    replay(
        fuzzing::assessment,
        &["fixtures", "fixtures/bad", "tests/data/fuzz/assessment"],
        256 * 1024,
    );
}

#[test]
fn fuzz_merge_replays_without_panics() {
    replay(
        fuzzing::merge,
        &["fixtures", "tests/data/fuzz/merge"],
        64 * 1024,
    );
}

#[test]
fn fuzz_crosswalk_replays_without_panics() {
    replay(
        fuzzing::crosswalk,
        &[
            "tests/data/crosswalks-bad/crosswalks",
            "tests/data/fuzz/crosswalk",
        ],
        1 << 20,
    );
}

#[test]
fn fuzz_catalog_replays_without_panics() {
    replay(
        fuzzing::catalog,
        &["mappings/frameworks", "tests/data/fuzz/catalog"],
        1 << 20,
    );
}
