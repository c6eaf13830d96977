//! `--help` in the user's language: Indonesian by default, English with
//! `--lang en` (or, without `--lang`, a `LANG` such as `en_US.UTF-8`).
//!
//! The clap definitions hold the English texts (doc comments); their
//! Indonesian translations are data (`src/cli/help-id.json`, pairs of
//! `en` and `id`), applied to the whole command tree before parsing,
//! together with clap's own words (headings, the help and version flags,
//! default and possible values). A test checks that every text has its
//! translation.

use std::collections::HashMap;
use std::ffi::OsString;
use std::sync::OnceLock;

use clap::{Arg, Command};

use crate::text::Lang;

/// The translations, English text → Indonesian text.
fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct Pair {
            en: String,
            id: String,
        }
        let pairs: Vec<Pair> =
            serde_json::from_str(include_str!("help-id.json")).unwrap_or_default();
        pairs.into_iter().map(|p| (p.en, p.id)).collect()
    })
}

/// clap's own texts (generated arguments and the `help` command).
const BUILT_IN: &[(&str, &str)] = &[
    ("Print help", "Tampilkan bantuan"),
    (
        "Print help (see more with '--help')",
        "Tampilkan bantuan (lebih lengkap dengan '--help')",
    ),
    (
        "Print help (see a summary with '-h')",
        "Tampilkan bantuan (ringkasannya dengan '-h')",
    ),
    ("Print version", "Tampilkan versi"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Tampilkan pesan ini atau bantuan perintah yang disebut",
    ),
    (
        "Print help for the subcommand(s)",
        "Tampilkan bantuan perintah itu",
    ),
];

/// The Indonesian text of an English help text, if known.
pub fn indonesian(en: &str) -> Option<&'static str> {
    if let Some((_, id)) = BUILT_IN.iter().find(|(e, _)| *e == en) {
        return Some(id);
    }
    table().get(en).map(String::as_str)
}

/// The language of `--help`: `--lang` on the command line, else `LANG`
/// (`en…` is English), else Indonesian.
pub fn language(args: &[OsString], env_lang: Option<&str>) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.to_string()),
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            _ => None,
        };
        if let Some(l) = value.as_deref().and_then(Lang::parse) {
            return l;
        }
    }
    match env_lang {
        Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Id,
    }
}

fn tr(s: Option<&clap::builder::StyledStr>) -> Option<String> {
    let s = s?.to_string();
    indonesian(&s).map(str::to_string)
}

fn arg_id(a: Arg) -> Arg {
    let mut a = a;
    if let Some(h) = tr(a.get_help()) {
        a = a.help(h);
    }
    if let Some(h) = tr(a.get_long_help()) {
        a = a.long_help(h);
    }
    // Default and possible values in Indonesian words (clap's own are English).
    let mut extra = Vec::new();
    let values: Vec<clap::builder::PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
    if takes_value && !values.is_empty() && !a.is_hide_possible_values_set() {
        let list: Vec<String> = values
            .iter()
            .map(|v| match v.get_help().and_then(|h| tr(Some(h))) {
                Some(h) => format!("{}: {h}", v.get_name()),
                None => v.get_name().to_string(),
            })
            .collect();
        extra.push(format!("nilai: {}", list.join("; ")));
        a = a.hide_possible_values(true);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
        extra.push(format!("bawaan: {}", defaults.join(", ")));
        a = a.hide_default_value(true);
    }
    if !extra.is_empty() {
        let base = a.get_help().map(|h| h.to_string()).unwrap_or_default();
        a = a.help(format!("{base} [{}]", extra.join("] [")));
        let long = a.get_long_help().map(|h| h.to_string());
        if let Some(long) = long {
            a = a.long_help(format!("{long}\n\n[{}]", extra.join("]\n[")));
        }
    }
    // Placeholders such as <FILE> in Indonesian words.
    let names: Vec<clap::builder::Str> = match a.get_value_names() {
        Some(n) => n.to_vec(),
        None if a.is_positional() => {
            let upper = a.get_id().as_str().to_uppercase();
            placeholder(&upper).map(Into::into).into_iter().collect()
        }
        None => Vec::new(),
    };
    if names.iter().any(|n| placeholder(n.as_str()).is_some()) {
        let id: Vec<clap::builder::Str> = names
            .into_iter()
            .map(|n| placeholder(n.as_str()).map_or(n, Into::into))
            .collect();
        a = a.value_names(id);
    }
    let heading = if a.is_positional() { "Argumen" } else { "Opsi" };
    if a.get_help_heading().is_none() {
        a = a.help_heading(heading);
    }
    a
}

/// A value placeholder in Indonesian, when it has one.
fn placeholder(en: &str) -> Option<&'static str> {
    let words = [
        ("FILE", "BERKAS"),
        ("DRAFT", "DRAF"),
        ("OUT", "KELUARAN"),
        ("DIR", "FOLDER"),
        ("INPUTS", "MASUKAN"),
        ("KEY=VALUE,...", "KUNCI=NILAI,..."),
        ("ID@VERSION", "ID@VERSI"),
        ("ID[@VERSION]", "ID[@VERSI]"),
        ("SEVERITY", "KEPARAHAN"),
        ("WHEN", "KAPAN"),
        ("OLD", "LAMA"),
        ("NEW", "BARU"),
        ("INDICATOR", "INDIKATOR"),
        ("TARGET", "SASARAN"),
        ("COMMAND", "PERINTAH"),
    ];
    words.iter().find(|(e, _)| *e == en).map(|(_, id)| *id)
}

/// A command-line error in Indonesian: clap's common kinds in our words,
/// with the usage line; others as clap says them.
pub fn error_id(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => format!("argumen `{arg}` tidak dikenal"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "perintah `{}` tidak dikenal",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let valid = ctx(ContextKind::ValidValue);
            let value = ctx(ContextKind::InvalidValue);
            if valid.is_empty() {
                format!("nilai `{value}` tidak sah untuk `{arg}`")
            } else {
                format!("nilai `{value}` tidak sah untuk `{arg}`; yang mungkin: {valid}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("argumen wajib belum diberikan: {arg}")
        }
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` tidak dapat dipakai bersama `{}`",
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals => format!("`{arg}` perlu `=` sebelum nilainya"),
        ErrorKind::ValueValidation => format!(
            "nilai `{}` tidak sah untuk `{arg}`",
            ctx(ContextKind::InvalidValue)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("jumlah nilai untuk `{arg}` tidak sesuai")
        }
        _ => return None,
    };
    let usage = ctx(ContextKind::Usage)
        .replace("Usage:", "Penggunaan:")
        .trim()
        .to_string();
    let usage = if usage.is_empty() {
        String::new()
    } else {
        format!("\n{usage}\n")
    };
    Some(format!(
        "galat: {message}\n{usage}\nUntuk keterangan lebih lanjut, coba '--help'.\n"
    ))
}

fn command_id(c: Command) -> Command {
    let mut c = c;
    if let Some(t) = tr(c.get_about()) {
        c = c.about(t);
    }
    if let Some(t) = tr(c.get_long_about()) {
        c = c.long_about(t);
    }
    if let Some(t) = tr(c.get_after_help()) {
        c = c.after_help(t);
    }
    if let Some(t) = tr(c.get_after_long_help()) {
        c = c.after_long_help(t);
    }
    let mut c = c
        .help_template(
            "{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Perintah")
        .mut_args(arg_id);
    // clap's usage line says [OPTIONS] and <COMMAND>: in Indonesian words.
    let usage = c.render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let usage = usage
        .replace("[OPTIONS]", "[OPSI]")
        .replace("<COMMAND>", "<PERINTAH>")
        .replace("[COMMAND]", "[PERINTAH]");
    c = c.override_usage(usage);
    c.mut_subcommands(command_id)
}

/// The command tree with its help in `lang` (built, so that clap's own
/// arguments and `help` command are there to translate).
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    command_id(cmd)
}

/// Every help text of the command tree that has no Indonesian translation.
pub fn untranslated(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |s: Option<&clap::builder::StyledStr>| {
        if let Some(s) = s {
            let s = s.to_string();
            if indonesian(&s).is_none() {
                out.push(s);
            }
        }
    };
    fn walk(c: &Command, check: &mut dyn FnMut(Option<&clap::builder::StyledStr>)) {
        check(c.get_about());
        check(c.get_long_about());
        check(c.get_after_help());
        check(c.get_after_long_help());
        for a in c.get_arguments() {
            check(a.get_help());
            check(a.get_long_help());
            for v in a.get_possible_values() {
                check(v.get_help());
            }
        }
        for s in c.get_subcommands() {
            walk(s, check);
        }
    }
    walk(cmd, &mut check);
    out
}
