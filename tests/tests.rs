//! The one integration-test binary. Each module pins one behaviour.

mod util;

/// `validate` and `mapping graph` transcripts (insta snapshots).
mod cli_validate;
/// Reading crosswalk files: documented form, canonical form, names, errors.
mod crosswalk_load;
/// The mapping graph: versions, pins, path choice, tracing with composition.
mod graph;
/// Level rules: evaluation, interpolation, clamping, chains.
mod level;
/// Every lint code fires on a purpose-built bad crosswalk and names the file.
mod lints;
/// The RCC-5 relation algebra against set semantics, by brute force.
mod relation;
/// Scoring: the regulation's worked examples, official rows, rounding and bands.
mod score;

/// Readers: every CSV/XLSX/JSON dialect agencies use.
mod readers;

/// Bad input: clear errors with file, place and hint; no panic.
mod cli_errors;

/// What people read: score/show/frameworks output snapshots.
mod cli_outputs;

/// Templates: blank input sheets that read back.
mod template;

/// Batch mode: reports, summary, failures listed, exit codes, determinism.
mod batch;
/// Texts and values in the output language: CSV values, catalog notes, library errors.
mod bilingual;
/// Gap reports: snapshots, worksheets that read back, escaping, determinism.
mod gaps;
/// `--help` in the user's language (`--lang`, then `LANG`), every text translated.
mod help_lang;
/// The HTML report in headless Chromium: renders, charts, phone width, A4, escaping.
mod html_chromium;
/// One language per output: no English sentence in Indonesian output and back.
mod language;
/// CSV and XLSX outputs opened in LibreOffice: numbers arrive as numbers.
mod libreoffice;
/// Gap report contents: whole clauses, action order, headline, print date, missing answers.
mod report_layout;
/// A Pemdi 2026 result as the source: its own gap report and next year's draft.
mod same_framework;

/// Properties: scoring invariants, readers that never panic.
mod props;

/// Canonical data files: the shipped data is canonical; `mapping fmt` rewrites safely.
mod canonical;
/// The command line: examples in help, colour, completions, man pages, exit codes.
mod cli_polish;
/// `mapping diff`: graded changes, version check, --fail-on gate, impact on a corpus.
mod diff;
/// `mapping export`: OSCAL and CSV, deterministic, UUIDs stable across versions.
mod export;
/// Issue 12's targets on ranges and on Aceh Tengah (shipped calibration).
mod ranges;
/// Review documents of the shipped crosswalks (mappings/reviews/*.snap) and `mapping review`.
mod review;
/// The shipped crosswalks validate without errors.
mod shipped;

/// Conversion: provenance, honest ranges, classes, merge, determinism.
mod convert;
/// The rubric reading: rungs, evidenced values, ranges from unanswered sources, proxies.
mod rungs;

/// Conversion and explanation output snapshots.
mod cli_convert;

/// `mapping trace`: each indicator's routes into a later framework.
mod cli_trace;

/// Writing outputs (issue 16): no file lost or overwritten, write errors reported, cell limits, races, CSV injection.
mod writes;

/// Hostile input: bounded resources, duplicates, encodings, precision, control characters.
mod reads;

/// Drafts: a person's typing survives every merge (property test); issue 13 regressions.
mod drafts;
/// A note typed below a draft's table survives merges.
mod drafts_loose;
/// Office layouts, cross-checks, every error at once, CRLF lines, smaller reader points (issue 13).
mod layouts;

/// `serve`: the web page's router: pages, same numbers and errors as the CLI, limits, escaping, CSP.
mod serve;
/// `serve` end to end in headless Chromium at 390 px: upload, projection, XLSX draft read back.
mod serve_chromium;

/// The projection's calibration: shipped file regenerated, synthetic rule recovered, `calibrate`.
mod calibration;
/// Fitting on synthetic pairs from a known rule: recovered, beats baselines, covers, per aspect.
mod calibration_fit;
