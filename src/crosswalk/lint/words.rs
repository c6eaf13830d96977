//! The words of indicator texts, for the text-sanity lints.
//!
//! A text is lower-cased, "tingkat kematangan" (maturity level, the prefix
//! of most names) is dropped, and it is split on every character that is
//! not a letter or a digit. Words shorter than 3 letters, numbers and
//! stopwords are dropped, and a trailing "-nya" is cut. Names keep the words
//! that tell indicators apart ("kebijakan internal" marks the policy
//! indicators); the longer texts (glosses, questions, level criteria) also
//! lose the words every indicator's ladder uses (evaluasi, reviu, seluruh,
//! unit kerja, ...).

use std::collections::BTreeSet;

/// Function words and the words every indicator name shares.
const NAME_STOPWORDS: &[&str] = &[
    // Indonesian function words.
    "antar",
    "atau",
    "bagi",
    "dalam",
    "dan",
    "dari",
    "dengan",
    "lintas",
    "oleh",
    "pada",
    "serta",
    "terhadap",
    "untuk",
    "yang",
    // English function words.
    "and",
    "are",
    "from",
    "its",
    "the",
    "their",
    "with",
    // Words of every framework: the agency, the government, the programme.
    "agency",
    "daerah",
    "digital",
    "government",
    "implementation",
    "instansi",
    "kematangan",
    "maturity",
    "pelaksanaan",
    "pemanfaatan",
    "pemdi",
    "penerapan",
    "penggunaan",
    "pemerintah",
    "pemerintahan",
    "pusat",
    "spbe",
    "tingkat",
    "use",
];

/// Words of maturity ladders and descriptions that say nothing about the
/// subject of an indicator (in addition to [`NAME_STOPWORDS`]).
const TEXT_STOPWORDS: &[&str] = &[
    "acuan",
    "adalah",
    "agar",
    "akan",
    "belum",
    "berbasis",
    "berkala",
    "dapat",
    "diterapkan",
    "dilakukan",
    "dilaksanakan",
    "direviu",
    "ditetapkan",
    "ditindaklanjuti",
    "elektronik",
    "evaluasi",
    "hasil",
    "hingga",
    "ini",
    "internal",
    "itu",
    "kebijakan",
    "kerja",
    "kriteria",
    "lanjut",
    "masih",
    "melalui",
    "mencakup",
    "organisasi",
    "perangkat",
    "perbaikan",
    "periodik",
    "reviu",
    "sebagai",
    "sebagian",
    "secara",
    "seluruh",
    "sesuai",
    "setiap",
    "sistem",
    "sudah",
    "tahap",
    "telah",
    "terpenuhi",
    "tersebut",
    "tersedia",
    "tindak",
    "unit",
    "all",
    "based",
    "carried",
    "electronic",
    "follow",
    "incl",
    "including",
    "level",
    "management",
    "out",
    "part",
    "policy",
    "review",
    "service",
    "services",
];

fn words(text: &str, stop: &dyn Fn(&str) -> bool) -> BTreeSet<String> {
    let lower = text.to_lowercase().replace("tingkat kematangan", " ");
    let mut out = BTreeSet::new();
    for w in lower.split(|c: char| !c.is_alphanumeric()) {
        let w = match w.strip_suffix("nya") {
            Some(stem) if w.chars().count() > 5 => stem,
            _ => w,
        };
        if w.chars().count() < 3 || w.chars().all(|c| c.is_ascii_digit()) || stop(w) {
            continue;
        }
        out.insert(w.to_string());
    }
    out
}

/// The words of an indicator name that tell it apart.
pub(super) fn name_words(name: &str) -> BTreeSet<String> {
    words(name, &|w| NAME_STOPWORDS.contains(&w))
}

/// The meaningful words of a longer text (name, gloss, question, criteria).
pub(super) fn content_words(text: &str) -> BTreeSet<String> {
    words(text, &|w| {
        NAME_STOPWORDS.contains(&w) || TEXT_STOPWORDS.contains(&w)
    })
}

/// Whether two words are the same up to a typo: equal, or both at least 5
/// letters long and within an edit distance of 15 % of the longer one
/// (`pelindungan` ~ `perlindungan`). Integer arithmetic only.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 5 && strsim::levenshtein(a, b) * 100 <= la.max(lb) * 15
}

/// Token-set similarity of two word sets: `(shared, union)`, where a word
/// of `a` is shared when it matches a distinct word of `b` ([`same_word`]).
/// Empty sets share nothing.
pub(super) fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0, a.len() + b.len());
    }
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut shared = 0;
    for x in a {
        if let Some(y) = b
            .iter()
            .find(|y| !used.contains(y.as_str()) && same_word(x, y))
        {
            used.insert(y);
            shared += 1;
        }
    }
    (shared, a.len() + b.len() - shared)
}

/// Whether `(shared, union)` is a similarity of at least 0,8.
pub(super) fn near_identical((shared, union): (usize, usize)) -> bool {
    union > 0 && shared * 5 >= union * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn names_lose_the_prefix_and_the_common_words() {
        assert_eq!(
            name_words("Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah"),
            set(&["arsitektur"])
        );
        assert_eq!(
            name_words("Tingkat Kematangan Kebijakan Internal Manajemen Data"),
            set(&["data", "internal", "kebijakan", "manajemen"])
        );
        assert_eq!(
            content_words("Kebijakan Internal Manajemen Data"),
            set(&["data", "manajemen"])
        );
        assert_eq!(
            content_words("kompetensinya, 90% ASN"),
            set(&["asn", "kompetensi"])
        );
    }

    #[test]
    fn similarity_tolerates_typos_but_not_other_words() {
        let a = name_words("Pelindungan Data Pribadi");
        let b = name_words("Perlindungan Data Pribadi");
        assert_eq!(overlap(&a, &b), (3, 3));
        assert!(near_identical(overlap(&a, &b)));
        let c = name_words("Layanan Pengadaan");
        let d = name_words("Layanan Penganggaran");
        assert_eq!(overlap(&c, &d), (1, 3));
        assert!(!near_identical(overlap(&c, &d)));
        assert!(!near_identical(overlap(&set(&[]), &set(&[]))));
    }
}
