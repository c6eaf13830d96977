//! User-facing text in two languages.
//!
//! Every message the tool prints exists in Bahasa Indonesia (the default) and
//! English (`--lang en`). A [`Text`] carries both, and [`Lang`] picks one.

use serde::{Deserialize, Serialize};

/// The language of user-facing output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (default): decimal comma.
    #[default]
    Id,
    /// English: decimal point.
    En,
}

impl Lang {
    /// Parses `id` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "ind" | "indonesia" => Some(Lang::Id),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// Picks a data text: the Indonesian field, or its optional English
    /// twin (`*_en`), which falls back to the Indonesian one.
    pub fn pick_opt<'a>(self, id: &'a str, en: Option<&'a str>) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en.unwrap_or(id),
        }
    }

    /// How sure a data fact is, as people read it: the data files' codes
    /// (`quoted`, `secondary`, ...) in Indonesian (`dikutip`, `sekunder`,
    /// ...); unknown codes as they are.
    pub fn confidence(self, code: &str) -> &str {
        if self == Lang::En {
            return code;
        }
        match code {
            "quoted" => "dikutip",
            "primary" => "primer",
            "secondary" => "sekunder",
            "inferred" => "disimpulkan",
            "low" => "rendah",
            "medium" => "sedang",
            "high" => "tinggi",
            "unknown" => "tidak diketahui",
            "partial" => "sebagian",
            other => other,
        }
    }

    /// The language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// A piece of user-facing text in both languages.
///
/// In data files the English side may be missing; it then falls back to the
/// Indonesian text (the regulation's own words).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize, Hash)]
pub struct Text {
    /// Bahasa Indonesia.
    pub id: String,
    /// English; `None` falls back to `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// Builds a text from both languages.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            id: id.into(),
            en: Some(en.into()),
        }
    }

    /// A text that is the same in both languages (names, numbers, codes).
    pub fn same(s: impl Into<String>) -> Text {
        Text {
            id: s.into(),
            en: None,
        }
    }

    /// `self`, `sep` and `next` joined in each language: our sentence
    /// followed by a reason, e.g. "cannot read the file: permission denied".
    pub fn then(&self, sep: &str, next: &Text) -> Text {
        Text::new(
            format!("{}{sep}{}", self.id, next.id),
            format!("{}{sep}{}", self.get(Lang::En), next.get(Lang::En)),
        )
    }

    /// The text in `lang`, falling back to Indonesian.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => self.en.as_deref().unwrap_or(&self.id),
        }
    }
}

/// Builds a [`Text`] from two format strings sharing arguments:
/// `tr!("galat {}", "error {}", x)`.
#[macro_export]
macro_rules! tr {
    ($id:literal, $en:literal $(,)?) => {
        $crate::text::Text::new(format!($id), format!($en))
    };
    ($id:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::text::Text::new(format!($id, $($arg),+), format!($en, $($arg),+))
    };
}

/// Whether `c` is a control character that must not reach a terminal or a
/// rendered page as it is: C0 controls but tab and line feed, DEL, C1
/// controls, and the bidirectional overrides that reorder what is shown.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every hidden control character ([`is_hidden_control`]: ESC of
/// terminal sequences, NUL, carriage return, bidi overrides) replaced by
/// U+FFFD, so that text from input files shows as written and never acts.
/// The one helper of terminal output and the renderers.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if is_hidden_control(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// The date `days` after 1970-01-01 as `YYYY-MM-DD` (Howard Hinnant's
/// civil-from-days).
pub fn iso_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Today's date (UTC) as `YYYY-MM-DD`: for pages made on request (the
/// web page's printable report); the command line never reads the clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso_date((secs / 86_400) as i64)
}
