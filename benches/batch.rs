//! The batch at national scale and beyond: `spbe-pemdi batch DIR -o OUT
//! --summary-only --quiet --force` through the real binary on N synthetic
//! spbe-2020 assessments (issue 7: N = 100,000 in under 3 s on 2 cores,
//! memory flat as N grows), and the full-report mode (a Markdown report per
//! agency) on a smaller set.
//!
//! First a table of wall time and peak RSS of the child for N = 1,000,
//! 10,000 and 100,000 (BENCHMARKS.md quotes it), then criterion samples.
//!
//! The corpus is deterministic (a seeded LCG): JSON like
//! `fixtures/kemenkeu-spbe-2024.json` (some answers with justifications and
//! evidence, some assessments incomplete), one in ten as CSV, one in a
//! thousand broken. It is written once under `target/tmp/` and reused.
//!
//! `SPBE_BENCH_N=10000 cargo bench --bench batch` for a quicker run (N is
//! the largest set; the table stops there).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

const BIN: &str = env!("CARGO_BIN_EXE_spbe-pemdi");

/// Bump when the corpus changes, so that a stale one is not reused.
const CORPUS_VERSION: u32 = 1;

/// The sizes of the table.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Agencies in the full-report measurement (one report file each).
const FULL_N: usize = 2_000;

/// Whether criterion only lists or tests the benchmarks (`cargo test
/// --benches`): then no table and small batches.
fn quick() -> bool {
    std::env::args().any(|a| a == "--test" || a == "--list")
}

/// The largest batch: `SPBE_BENCH_N`, else 100,000 (1,000 when quick).
fn largest() -> usize {
    let n = std::env::var("SPBE_BENCH_N")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(100_000);
    if quick() { n.min(1_000) } else { n }
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// Uniform enough in `0..n` for a benchmark.
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}

const KINDS: [&str; 6] = [
    "Kabupaten",
    "Kota",
    "Provinsi",
    "Kementerian",
    "Badan",
    "Dinas Komunikasi & Informatika Kabupaten",
];

/// One answer: indicator number, level, and maybe a justification and
/// evidence.
struct Answer {
    no: u32,
    level: u32,
    note: Option<String>,
}

/// The `i`-th agency: its name, year and answers.
fn agency(i: usize, rng: &mut Lcg) -> (String, u32, Vec<Answer>) {
    let name = format!(
        "{} Sintetis {i:06}",
        KINDS[rng.below(KINDS.len() as u32) as usize]
    );
    let year = 2019 + rng.below(7);
    let maturity = 1 + rng.below(5);
    let incomplete = rng.below(100) < 15;
    let mut answers = Vec::with_capacity(47);
    for no in 1..=47 {
        if incomplete && rng.below(100) < 20 {
            continue;
        }
        let level = (maturity + rng.below(3)).clamp(2, 6) - 1;
        let note = (rng.below(4) == 0).then(|| {
            format!(
                "Tingkat {level}: kriteria tingkat {} telah terpenuhi; kebijakan internal \
                 ditetapkan dan diterapkan di seluruh unit kerja.",
                level.saturating_sub(1).max(1)
            )
        });
        answers.push(Answer { no, level, note });
    }
    (name, year, answers)
}

fn json(name: &str, year: u32, answers: &[Answer]) -> String {
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "{{\n  \"framework\": \"spbe-2020\",\n  \"agency\": \"{name}\",\n  \"year\": {year},\n  \
         \"source\": \"Synthetic assessment for the batch benchmark.\",\n  \"answers\": ["
    );
    for (k, a) in answers.iter().enumerate() {
        let sep = if k == 0 { "" } else { "," };
        let _ = write!(
            s,
            "{sep}\n    {{\n      \"indicator\": \"spbe-2020:{}\",\n      \"value\": \"{}\"",
            a.no, a.level
        );
        if let Some(note) = &a.note {
            let _ = write!(
                s,
                ",\n      \"justification\": \"{note}\",\n      \"evidence\": [\
                 {{\"name\": \"Peraturan Bupati Nomor {} Tahun {}\", \
                 \"url\": \"https://jdih.contoh.go.id/perbup-{}\"}}]",
                a.no, 2020, a.no
            );
        }
        s.push_str("\n    }");
    }
    s.push_str("\n  ]\n}\n");
    s
}

fn csv(name: &str, year: u32, answers: &[Answer]) -> String {
    let mut s = format!(
        "agency,\"{name}\"\nyear,{year}\nsource,Synthetic assessment for the batch benchmark.\n\
         indicator,level,justification,evidence\n"
    );
    for a in answers {
        let note = a.note.as_deref().unwrap_or_default().replace('"', "\"\"");
        let _ = writeln!(s, "spbe-2020:{},{},\"{note}\",", a.no, a.level);
    }
    s
}

/// The corpus of `n` assessments, written once under `target/tmp/`.
fn corpus(n: usize) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-corpus-v{CORPUS_VERSION}-{n}"));
    // Hidden, so the batch skips it.
    let complete = dir.join(".complete");
    if complete.exists() {
        return dir;
    }
    eprintln!("writing {n} assessments to {}", dir.display());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("corpus folder");
    let mut rng = Lcg(0x5350_4245 ^ n as u64);
    for i in 0..n {
        let (name, year, answers) = agency(i, &mut rng);
        let (file, text) = match rng.below(1000) {
            0 => {
                let mut t = json(&name, year, &answers);
                t.truncate(t.len() / 2);
                (format!("a{i:06}.json"), t)
            }
            1..=100 => (format!("a{i:06}.csv"), csv(&name, year, &answers)),
            _ => (format!("a{i:06}.json"), json(&name, year, &answers)),
        };
        std::fs::write(dir.join(file), text).expect("corpus file");
    }
    std::fs::write(&complete, "").expect("corpus marker");
    dir
}

/// `spbe-pemdi batch INPUT -o OUT --quiet --force [extra]`.
fn batch(input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("batch")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["--quiet", "--force"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Runs to the end; exit 0, or 1 for the broken files.
fn run(mut cmd: Command) {
    let status = cmd.status().expect("the binary runs");
    assert!(matches!(status.code(), Some(0 | 1)), "batch: {status}");
}

/// Wall time and peak RSS (KiB) of one run.
#[cfg(unix)]
// wait4 reaps the child: `Child::wait` would find nothing to wait for.
#[allow(clippy::zombie_processes)]
fn measure(mut cmd: Command) -> (Duration, Option<u64>) {
    let start = Instant::now();
    let child = cmd.spawn().expect("the binary runs");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it. Unlike
    // getrusage(RUSAGE_CHILDREN), which keeps the largest child so far, it
    // gives this child's own peak.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert!(pid > 0 && libc::WIFEXITED(status), "batch did not finish");
    assert!(libc::WEXITSTATUS(status) <= 1, "batch failed");
    let max = u64::try_from(usage.ru_maxrss).ok();
    // Bytes on macOS, KiB elsewhere.
    let kib = if cfg!(target_os = "macos") {
        max.map(|b| b / 1024)
    } else {
        max
    };
    (wall, kib)
}

#[cfg(not(unix))]
fn measure(cmd: Command) -> (Duration, Option<u64>) {
    let start = Instant::now();
    run(cmd);
    (start.elapsed(), None)
}

/// The table: wall time and peak RSS per N, summary only and full reports.
/// Returns the wall time for N.
fn table(n: usize, out: &Path) -> Duration {
    let mut rows = Vec::new();
    let sizes: Vec<usize> = SIZES
        .iter()
        .copied()
        .filter(|s| *s < n)
        .chain([n])
        .collect();
    for &size in &sizes {
        let input = corpus(size);
        // Once to warm the page cache, then measured.
        run(batch(&input, out, &["--summary-only"]));
        let (wall, rss) = measure(batch(&input, out, &["--summary-only"]));
        rows.push(("--summary-only", size, wall, rss));
    }
    let full = corpus(n.min(FULL_N));
    run(batch(&full, out, &[]));
    let (wall, rss) = measure(batch(&full, out, &[]));
    rows.push(("reports (md)", n.min(FULL_N), wall, rss));
    println!("\n| mode | N | wall | peak RSS |\n|---|---:|---:|---:|");
    for &(mode, size, wall, rss) in &rows {
        let rss = rss.map_or("n/a".to_string(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        });
        println!("| {mode} | {size} | {:.2} s | {rss} |", wall.as_secs_f64());
    }
    println!();
    rows.iter()
        .find(|r| r.0 == "--summary-only" && r.1 == n)
        .map_or(Duration::from_secs(1), |r| r.2)
}

fn benches(c: &mut Criterion) {
    let n = largest();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let out = tmp.path().join("out");
    let wall = if quick() {
        Duration::ZERO
    } else {
        table(n, &out)
    };
    let input = corpus(n);
    let mut g = c.benchmark_group("batch");
    // Ten runs of the largest batch at least (criterion warns otherwise).
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time((wall * 12).max(Duration::from_secs(30)));
    g.bench_function(format!("summary-only/{n}"), |b| {
        b.iter(|| run(batch(&input, &out, &["--summary-only"])))
    });
    let full = corpus(n.min(FULL_N));
    g.measurement_time(Duration::from_secs(30));
    g.bench_function(format!("reports-md/{}", n.min(FULL_N)), |b| {
        b.iter(|| run(batch(&full, &out, &[])))
    });
    g.finish();
}

criterion_group!(batch_benches, benches);
criterion_main!(batch_benches);
