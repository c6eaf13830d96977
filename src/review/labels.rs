//! How level rules, shares and indicator lists are shown in reviews, diffs
//! and exports.

use rust_decimal::Decimal;

use crate::crosswalk::LevelRule;
use crate::decimal::{exact, localize, round};

use crate::text::Lang;

/// A level rule in data-file words with decimal points: `identity`,
/// `cap 3`, `1→1 · 2→1.3 · 3→1.7` (for machines and diffs).
pub fn rule_plain(rule: &LevelRule) -> String {
    match rule {
        LevelRule::Identity => "identity".to_string(),
        LevelRule::Cap { max } => format!("cap {}", exact(*max)),
        LevelRule::Table { table } => table
            .entries()
            .iter()
            .map(|(k, v)| format!("{}→{}", exact(*k), exact(*v)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// A level rule for people: `identitas`, `batas atas 3`,
/// `1→1 · 2→1,3 · 3→1,7` in Indonesian.
pub fn rule_text(rule: &LevelRule, lang: Lang) -> String {
    match rule {
        LevelRule::Identity => lang
            .pick("identitas (nilai sama)", "identity (same value)")
            .to_string(),
        LevelRule::Cap { max } => format!(
            "{} {}",
            lang.pick("nilai sama, paling tinggi", "same value, at most"),
            localize(&exact(*max), lang)
        ),
        LevelRule::Table { .. } => localize(&rule_plain(rule), lang),
    }
}

/// An exact decimal for people: `0,45` in Indonesian.
pub fn dec(d: Decimal, lang: Lang) -> String {
    localize(&exact(d), lang)
}

/// A share in [0, 1] as a percentage: exact up to 2 decimals, else rounded
/// half up to 2 (`40,55 %` in Indonesian, `33.33 %` in English).
pub fn percent(share: Decimal, lang: Lang) -> String {
    format!(
        "{} %",
        crate::decimal::show_short(share * Decimal::ONE_HUNDRED, lang)
    )
}

/// A share rounded to 4 decimals, as a decimal string (for JSON).
pub fn share4(share: Decimal) -> String {
    exact(round(share, 4))
}

/// Indicator numbers: `1, 2, 11`.
pub fn numbers(nos: &[u32]) -> String {
    nos.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text for a Markdown table cell: pipes escaped, line breaks as spaces.
pub fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up() {
        let d = |s: &str| crate::decimal::parse(s).unwrap();
        assert_eq!(percent(d("0.4055"), Lang::Id), "40,55 %");
        assert_eq!(percent(d("0.123456"), Lang::Id), "12,35 %");
        assert_eq!(percent(d("0.12344"), Lang::En), "12.34 %");
        assert_eq!(percent(Decimal::ONE, Lang::En), "100 %");
        assert_eq!(percent(Decimal::ZERO, Lang::Id), "0 %");
    }
}
