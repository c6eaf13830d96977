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
    (
        "headline",
        "Proyeksi Indeks Pemdi",
        "Projected Indeks Pemdi",
    ),
    ("own_index", "Indeks", "Index"),
    (
        "own_help",
        "Nilai penilaian ini sendiri. Di bawah: apa yang dibutuhkan tiap indikator untuk naik ke tingkat berikutnya tahun depan.",
        "This assessment's own score. Below: what each indicator needs to reach its next level next year.",
    ),
    (
        "range_help",
        "(a) apa yang masih dimungkinkan jawaban sumber yang kosong, diperlebar (b) pita kalibrasi, yang memuat sekitar 80% selisih proyeksi dan hasil nyata pada pasangan dasar kalibrasi",
        "(a) what the unanswered sources still allow, widened by (b) the calibration band, which holds about 80% of the differences between projection and real result on the pairs the calibration rests on",
    ),
    (
        "face_before",
        "Sebagai pembanding, tingkat SPBE tahun lalu apa adanya (tanpa aturan tingkat Pemdi yang lebih ketat) dihitung dengan rumus Pemdi memberi",
        "For comparison, last year's SPBE levels at face value (without the stricter Pemdi level rules) scored by the Pemdi formula give",
    ),
    (
        "face_after",
        "angka itu bukan perkiraan nilai yang akan diterima.",
        "that is not an estimate of the score to expect.",
    ),
    ("printed", "Dicetak", "Printed"),
    ("page", "Halaman", "Page"),
    (
        "appendix",
        "Lampiran: rincian per indikator",
        "Appendix: indicator details",
    ),
    (
        "appendix_note",
        "Bahan rujukan untuk tim penilai. Semua isian, juga penjelasan lama yang perlu ditulis ulang (tidak dicetak), ada di lembar kerja: gaps BERKAS -o lembar-kerja.xlsx.",
        "Reference for the assessment team. Every entry, including the old justifications to rewrite (not printed), is in the worksheet: gaps FILE -o worksheet.xlsx.",
    ),
    (
        "appendix_print_note",
        "Bukti baru dibaca dari teks kriteria tingkat berikutnya, bukan daftar dokumen resmi. Poin indeks tiap indikator ada di daftar tindakan.",
        "New evidence is read from the next level's criteria text, not an official list of documents. Each indicator's index points are in the action list.",
    ),
    (
        "about_order",
        "Urutan tindakan: pertama indikator yang satu tingkatnya paling berharga (bobot terbesar: satu tingkat = bobot/100 poin indeks), lalu yang paling dekat ke tingkat berikutnya (kemenangan cepat), lalu nomor indikator. Jadi langkah pendek pada indikator berbobot besar tidak tertinggal di akhir daftar.",
        "Action order: first the indicators where one level is worth most (the largest weight: one level = weight/100 index points), then the shortest step to the next level (quick wins), then indicator number. So a short step on a heavy indicator is never left at the end of the list.",
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
        "Daftar tindakan, indikator berbobot besar lebih dulu",
        "Action list, heaviest indicators first",
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
    ("face_same", "Tahun lalu", "Last year"),
    ("chart_aspects_same", "Skor aspek", "Aspect scores"),
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
        "Jawaban tahun lalu yang dipakai (indikator=nilai)",
        "Last year's answers used (indicator=value)",
    ),
    ("external_index", "Indeks eksternal", "External index"),
    ("not_given", "belum diberikan", "not given"),
    ("notes", "Catatan", "Notes"),
    ("none", "tidak ada", "none"),
    ("about", "Tentang laporan ini", "About this report"),
    (
        "about_stake",
        "Poin dipertaruhkan: kenaikan indeks bila indikator mencapai tingkat bulat berikutnya (di atas nilai proyeksi dan nilai terbukti), yaitu bobot/100 × (tingkat berikutnya − nilai proyeksi); poin sampai puncak = bobot/100 × (nilai tertinggi skala − nilai proyeksi).",
        "Points at stake: the index gain if the indicator reached the next whole level (above the projected and the evidenced value), that is weight/100 × (next level − projected value); points to the top = weight/100 × (top of the scale − projected value).",
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
    ("embedded", "bawaan", "embedded"),
    ("tool", "Alat", "Tool"),
    (
        "summary_title",
        "Ringkasan Indeks Pemdi per instansi",
        "Indeks Pemdi summary by agency",
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
        "Indikator terlemah di seluruh instansi (rata-rata proyeksi, dari yang terendah)",
        "Weakest indicators across the set (mean projection, lowest first)",
    ),
    ("mean", "Rata-rata proyeksi", "Mean projection"),
    (
        "weakest_external",
        "Indikator yang dinilai dari indeks instansi lain (tidak ikut diurutkan)",
        "Indicators scored from other agencies' indices (not ranked)",
    ),
    (
        "weakest_external_note",
        "Nilai SDI, SJIG, EPSS dan IKASANDI yang tidak diberikan dihitung pada nilai terendah, jadi rata-ratanya menunjukkan data yang belum ada, bukan kelemahan. Tuliskan nilainya di berkas penilaian tiap instansi (misalnya baris sdi;68,75).",
        "SDI, SJIG, EPSS and IKASANDI values not given count at the floor, so their mean shows missing data, not weakness. Write the values in each agency's assessment file (e.g. a row sdi;68.75).",
    ),
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
