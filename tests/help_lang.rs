//! `--help` in the user's language: Indonesian by default, English with
//! `--lang en` or an English `LANG`; every help text has its translation.

/// Runs the binary with `LANG` set to `lang` (or unset).
fn run_with_lang(args: &[&str], lang: Option<&str>) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_spbe-pemdi"));
    cmd.args(args).env("NO_COLOR", "1");
    match lang {
        Some(l) => cmd.env("LANG", l),
        None => cmd.env_remove("LANG"),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn help_follows_lang_then_the_environment() {
    let id = |s: &str| s.contains("Penggunaan: spbe-pemdi") && !s.contains("Usage:");
    let en = |s: &str| s.contains("Usage: spbe-pemdi") && !s.contains("Penggunaan:");
    assert!(
        id(&run_with_lang(&["--help"], None)),
        "Indonesian by default"
    );
    assert!(id(&run_with_lang(&["convert", "--help"], Some("C.UTF-8"))));
    assert!(en(&run_with_lang(&["--help"], Some("en_US.UTF-8"))));
    assert!(en(&run_with_lang(
        &["gaps", "--lang", "en", "--help"],
        None
    )));
    assert!(en(&run_with_lang(
        &["--lang=en", "gaps", "-h"],
        Some("id_ID.UTF-8")
    )));
    assert!(id(&run_with_lang(
        &["score", "--help", "--lang", "id"],
        Some("en_GB")
    )));
    let s = run_with_lang(&["score", "--help"], None);
    assert!(s.contains("Hitung nilai penilaian menurut aturan framework-nya sendiri"));
    assert!(s.contains("Opsi:") && s.contains("Argumen:") && s.contains("Contoh:"));
    assert!(s.contains("[bawaan: id]") && !s.contains("[default"));
}

#[test]
fn every_help_text_has_its_indonesian_translation() {
    use clap::CommandFactory;
    let mut cmd = spbe_pemdi::cli::Cli::command();
    cmd.build();
    let missing = spbe_pemdi::cli::help::untranslated(&cmd);
    assert!(
        missing.is_empty(),
        "add these to src/cli/help-id.json: {missing:#?}"
    );
}
