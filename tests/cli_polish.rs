//! The command line as a well-kept tool: examples in every help, colour only
//! where wanted, completions and man pages, documented exit codes.

use std::process::Command;

use clap::CommandFactory;
use spbe_pemdi::cli::Cli;

use crate::util::{root, run};

fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    let help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    if !help.contains("Examples:") {
        out.push(path.to_string());
    }
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        walk(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_command_has_examples_in_its_help() {
    let mut missing = Vec::new();
    walk(&Cli::command(), "spbe-pemdi", &mut missing);
    assert!(missing.is_empty(), "no examples in: {missing:?}");
    Cli::command().debug_assert();
}

#[test]
fn colour_only_when_wanted() {
    let bin = env!("CARGO_BIN_EXE_spbe-pemdi");
    let run_with = |color: &str, no_color: Option<&str>| {
        let mut c = Command::new(bin);
        c.args(["score", "nope.csv", "--color", color])
            .current_dir(root());
        c.env_remove("NO_COLOR");
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        String::from_utf8(c.output().unwrap().stderr).unwrap()
    };
    assert!(run_with("always", None).contains('\u{1b}'));
    assert!(
        !run_with("always", Some("1")).contains('\u{1b}'),
        "NO_COLOR wins"
    );
    assert!(!run_with("never", None).contains('\u{1b}'));
    // Piped (not a terminal): no colour on auto.
    assert!(!run_with("auto", None).contains('\u{1b}'));
}

#[test]
fn completions_and_man_pages() {
    let r = run(&["completions", "bash"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("spbe-pemdi"));
    let r = run(&["man"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains(".TH spbe-pemdi 1"));
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(dir.path().join("spbe-pemdi-score.1").exists());
}

#[test]
fn usage_errors_exit_2_and_quiet_verbose_are_accepted() {
    assert_eq!(run(&["score"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&["score", "x", "--quiet", "--verbose"]).code, 2);
    let r = run(&["frameworks", "--quiet"]);
    assert_eq!(r.code, 0);
    let r = run(&["frameworks", "--verbose"]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("sha256:"), "{}", r.stderr);
    assert_eq!(run(&["--version"]).code, 0);
}
