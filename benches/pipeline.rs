//! The cost of conversion against a parse-only baseline, measured side by
//! side on realistic assessments (BENCHMARKS.md records the results).
//!
//! "report" is the conversion document `convert` writes (JSON); "gaps" is
//! the agency's gap report (`gaps`), in Markdown.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use spbe_pemdi::assessment::read_bytes;
use spbe_pemdi::convert::{ConvertOptions, Converter, render_json};
use spbe_pemdi::data::Data;
use spbe_pemdi::report::{Format, Report, render};
use spbe_pemdi::text::Lang;

/// The allocator of the `spbe-pemdi` binary, so that the numbers are the
/// command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every spbe-2020 fixture, in each form agencies keep: JSON, CSV (with and
/// without justifications and evidence) and XLSX exports.
const FIXTURES: &[&str] = &[
    "aceh-tengah-spbe-2025.json",
    "kemenkeu-spbe-2024.json",
    "kemenpanrb-spbe-2023.csv",
    "kemenkeu-spbe-2023.csv",
    "kabupaten-contoh-spbe-2024.csv",
    "kemenpanrb-spbe-2024.xlsx",
    "kabupaten-contoh-spbe-2024.xlsx",
];

fn inputs() -> Vec<(String, Vec<u8>)> {
    FIXTURES
        .iter()
        .map(|f| {
            let p = format!("{}/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            (f.to_string(), std::fs::read(p).expect("fixture"))
        })
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let data = Data::embedded().expect("data");
    let files = inputs();
    let conv = Converter::new(&data, "spbe-2020", &ConvertOptions::default()).expect("path");
    let mut g = c.benchmark_group("pipeline");
    g.bench_function("parse", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                black_box(read_bytes(name, bytes.clone(), &data.catalog, None).expect("reads"));
            }
        })
    });
    // A conversion scores twice: last year's assessment in its own
    // framework (exactly, as `score` does) and the projected index.
    g.bench_function("parse+convert+score", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                let a = read_bytes(name, bytes.clone(), &data.catalog, None).expect("reads");
                black_box(conv.convert(&a).expect("converts"));
            }
        })
    });
    // The report `convert` writes: the conversion document in JSON.
    g.bench_function("parse+convert+score+report", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                let a = read_bytes(name, bytes.clone(), &data.catalog, None).expect("reads");
                black_box(render_json(&conv.convert(&a).expect("converts")));
            }
        })
    });
    // The agency's gap report (`gaps`), in Markdown.
    g.bench_function("parse+convert+score+gaps", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                let a = read_bytes(name, bytes.clone(), &data.catalog, None).expect("reads");
                let c = conv.convert(&a).expect("converts");
                let r = Report::build(&c, &data.catalog, Lang::Id).expect("builds");
                black_box(render(&r, Format::Md, &data.catalog).expect("renders"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
