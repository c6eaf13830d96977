//! The fixed words of gap reports and batch summaries, in Bahasa Indonesia
//! and English. Renderers look them up by key; templates get them as `t`.

use std::collections::BTreeMap;

use crate::text::Lang;

/// `(key, Bahasa Indonesia, English)`.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "title",
        "Laporan Celah Indeks Pemdi",
        "Indeks Pemdi Gap Report",
    ),
    (
        "agency_unknown",
        "(instansi tidak disebut)",
        "(agency not stated)",
    ),
    ("summary", "Ringkasan", "Summary"),
    ("last_index", "Indeks tahun lalu", "Last year's index"),
    ("projected_index", "Proyeksi indeks", "Projected index"),
    (
        "face_index",
        "Nilai SPBE apa adanya, dengan rumus Pemdi",
        "SPBE levels at face value, Pemdi formula",
    ),
    ("answered", "terjawab", "answered"),
    ("of", "dari", "of"),
    ("range", "rentang", "range"),
    ("honest_range", "rentang (a+b)", "range (a+b)"),
    ("predicate", "Predikat", "Predicate"),
    ("value", "Nilai", "Value"),
    (
        "first_three",
        "Tiga hal yang dikerjakan lebih dulu",
        "Three things to do first",
    ),
    (
        "actions",
        "Daftar tindakan, urut menurut dampak pada indeks",
        "Action list, ordered by impact on the index",
    ),
    (
        "no_actions",
        "Tidak ada tindakan: semua indikator sudah di puncak skala.",
        "Nothing to do: every indicator is at the top of the scale.",
    ),
    ("action", "Tindakan", "Action"),
    ("indicator", "Indikator", "Indicator"),
    (
        "gain",
        "Poin ke tingkat berikutnya",
        "Points to the next level",
    ),
    ("gain_max", "Poin sampai puncak", "Points to the top"),
    ("points", "poin indeks", "index points"),
    ("obligations", "Kewajiban baru", "New obligations"),
    (
        "no_obligations",
        "Tidak ada indikator dengan kewajiban baru.",
        "No indicator brings a new obligation.",
    ),
    (
        "ask_external",
        "Indikator yang dinilai dari indeks instansi lain",
        "Indicators scored from other agencies' indices",
    ),
    ("aspects", "Aspek", "Aspects"),
    ("aspect", "Aspek", "Aspect"),
    ("weight", "Bobot", "Weight"),
    ("projected", "Proyeksi", "Projected"),
    (
        "face",
        "Tahun lalu (SPBE apa adanya)",
        "Last year (SPBE at face value)",
    ),
    (
        "chart_aspects",
        "Skor aspek: proyeksi Pemdi di samping nilai SPBE tahun lalu apa adanya",
        "Aspect scores: Pemdi projection beside last year's SPBE levels at face value",
    ),
    (
        "chart_stake",
        "Indikator menurut poin dipertaruhkan",
        "Indicators by points at stake",
    ),
    ("details", "Rincian per indikator", "Indicator details"),
    ("priority", "Prioritas", "Priority"),
    ("class", "Kelas", "Class"),
    ("suggested", "Saran", "Suggested"),
    ("confidence", "Keyakinan", "Confidence"),
    (
        "next_requires",
        "Yang dibutuhkan tingkat berikutnya",
        "What the next level requires",
    ),
    (
        "at_top",
        "Sudah di puncak skala.",
        "Already at the top of the scale.",
    ),
    ("indicative", "indikatif", "indicative"),
    ("level", "Tingkat", "Level"),
    (
        "no_criteria",
        "kriteria tidak ada di katalog; lihat pedoman resmi",
        "criteria not in the catalog; see the official guide",
    ),
    (
        "rungs",
        "Anak tangga dari jawaban lama",
        "Rungs from the old answers",
    ),
    (
        "prepare",
        "Bukti baru yang perlu disiapkan, satu per unsur kriteria",
        "New evidence to prepare, one per element of the criteria",
    ),
    (
        "prepare_note",
        "dibaca dari teks kriteria tingkat berikutnya, bukan daftar dokumen resmi",
        "read from the next level's criteria text, not an official list of documents",
    ),
    (
        "reuse",
        "Data dukung lama yang dapat dipakai ulang",
        "Old evidence to reuse",
    ),
    (
        "update",
        "Data dukung lama yang perlu diperbarui",
        "Old evidence to update",
    ),
    (
        "justifications",
        "Penjelasan lama (tulis ulang untuk kriteria baru)",
        "Old justifications (rewrite for the new criteria)",
    ),
    (
        "sources",
        "Jawaban tahun lalu yang dipakai",
        "Last year's answers used",
    ),
    ("external_index", "Indeks eksternal", "External index"),
    ("not_given", "belum diberikan", "not given"),
    ("notes", "Catatan", "Notes"),
    ("none", "tidak ada", "none"),
    ("about", "Tentang laporan ini", "About this report"),
    (
        "about_stake",
        "Poin dipertaruhkan: kenaikan indeks bila indikator mencapai tingkat bulat berikutnya (di atas nilai proyeksi dan nilai terbukti), yaitu bobot/100 × (tingkat berikutnya − nilai proyeksi); poin sampai puncak = bobot/100 × (nilai tertinggi skala − nilai proyeksi). Tindakan diurutkan menurut poin ke tingkat berikutnya, lalu poin sampai puncak, lalu nomor indikator.",
        "Points at stake: the index gain if the indicator reached the next whole level (above the projected and the evidenced value), that is weight/100 × (next level − projected value); points to the top = weight/100 × (top of the scale − projected value). Actions are ordered by points to the next level, then points to the top, then indicator number.",
    ),
    (
        "about_projection",
        "Proyeksi: nilai saran per indikator; celah dan indeks eksternal yang belum diberikan dihitung pada nilai terendah skala. Rentang jujur: nilai terendah dan tertinggi yang masih mungkin menurut peta crosswalk.",
        "Projection: the suggested value of each indicator; gaps and external indices not given count at the scale's floor. Honest range: the lowest and highest values the crosswalk maps still allow.",
    ),
    (
        "about_face",
        "Nilai SPBE apa adanya: tingkat SPBE tahun lalu dibaca tanpa aturan tingkat yang lebih ketat, digabung seperti peta crosswalk (tanpa jawaban: nilai terendah), lalu dihitung dengan rumus framework tujuan.",
        "SPBE at face value: last year's SPBE levels read without the stricter level rules, combined as the crosswalk maps say (unanswered: the floor), then scored by the target framework's formula.",
    ),
    ("path", "Jalur", "Path"),
    ("data", "Data", "Data"),
    ("tool", "Alat", "Tool"),
    (
        "summary_title",
        "Ringkasan batch Indeks Pemdi",
        "Indeks Pemdi batch summary",
    ),
    ("agencies", "Instansi", "Agencies"),
    ("agency", "Instansi", "Agency"),
    ("file", "Berkas", "File"),
    ("report", "Laporan", "Report"),
    ("framework", "Framework", "Framework"),
    (
        "biggest_gaps",
        "Celah terbesar (poin ke tingkat berikutnya)",
        "Biggest gaps (points to the next level)",
    ),
    (
        "weakest",
        "Indikator terlemah di seluruh instansi (rata-rata proyeksi, naik)",
        "Weakest indicators across the set (mean projection, ascending)",
    ),
    ("mean", "Rata-rata proyeksi", "Mean projection"),
    ("gap_share", "Instansi dengan celah", "Agencies with a gap"),
    ("failed", "Gagal dibaca", "Failed"),
    ("no_failed", "Semua berkas terbaca.", "Every file was read."),
    ("error", "Galat", "Error"),
    ("read_ok", "terbaca", "read"),
    ("status", "Status", "Status"),
];

/// The label `key` in `lang` (the key itself when unknown).
pub fn label(key: &'static str, lang: Lang) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, id, en)| lang.pick(id, en))
        .unwrap_or(key)
}

/// Every label in `lang`, by key (for templates).
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(k, id, en)| (*k, lang.pick(id, en)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_present() {
        let mut seen = std::collections::BTreeSet::new();
        for (k, id, en) in LABELS {
            assert!(seen.insert(*k), "duplicate label {k}");
            assert!(!id.is_empty() && !en.is_empty(), "{k}");
        }
    }
}
