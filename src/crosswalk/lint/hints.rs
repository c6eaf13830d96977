//! What to do about each finding: the default hint of every lint code.

use crate::crosswalk::lint::Code;
use crate::text::Text;
use crate::tr;

/// The default hint of each code.
pub(super) fn hint(code: Code) -> Text {
    use Code::*;
    match code {
        UnknownFramework => tr!(
            "pakai id framework dari `spbe-pemdi frameworks`",
            "use a framework id from `spbe-pemdi frameworks`"
        ),
        BadVersion => tr!("tulis misalnya \"1.0.0\"", "write e.g. \"1.0.0\""),
        DuplicateVersion => tr!(
            "naikkan `version` di salah satu berkas, atau hapus salinannya",
            "bump `version` in one of the files, or remove the copy"
        ),
        DuplicatePrimary => tr!(
            "tandai `primary` hanya pada satu crosswalk",
            "mark only one crosswalk `primary`"
        ),
        FrameworkCycle => tr!(
            "crosswalk hanya boleh menuju framework yang lebih baru",
            "crosswalks must only lead to newer frameworks"
        ),
        UnknownIndicator => tr!(
            "lihat nomor indikator dengan `spbe-pemdi show FRAMEWORK`",
            "see the indicator numbers with `spbe-pemdi show FRAMEWORK`"
        ),
        EmptyMap | DuplicateMap => tr!(
            "hapus peta itu atau gabungkan dengan peta lain",
            "remove the map or merge it with the other one"
        ),
        UnsortedIndicators | MapOrder => tr!(
            "urutkan (bentuk kanonik berkas crosswalk)",
            "sort them (the canonical form of crosswalk files)"
        ),
        DuplicateMapId | BadMapId => tr!(
            "beri id unik berhuruf kecil, angka dan `-`",
            "give a unique id of lower-case letters, digits and `-`"
        ),
        TargetInTwoMaps => tr!(
            "satu sasaran masuk tepat satu peta: gabungkan sumber-sumbernya",
            "a target belongs to exactly one map: merge their sources"
        ),
        UndisposedSource => tr!(
            "petakan indikator itu, atau cantumkan di `retired` dengan alasannya",
            "map the indicator, or list it in `retired` with a reason"
        ),
        UndisposedTarget => tr!(
            "petakan indikator itu, atau cantumkan di `new` dengan alasannya",
            "map the indicator, or list it in `new` with a reason"
        ),
        MappedAndNew | MappedAndRetired | DuplicateDisposition => tr!(
            "pilih satu: dipetakan, atau di daftar itu sekali",
            "choose one: mapped, or listed once"
        ),
        UnknownExternal => tr!(
            "pakai kunci dari `external_indices` framework sasaran",
            "use a key from the target framework's `external_indices`"
        ),
        MissingAggregation | NeedlessAggregation => tr!(
            "`aggregation` wajib bila sumbernya lebih dari satu, dan hanya saat itu",
            "`aggregation` is required with several sources, and only then"
        ),
        BadWeights => tr!(
            "pakai `min` atau `max`, atau perbaiki bobot di katalog",
            "use `min` or `max`, or fix the weights in the catalog"
        ),
        MissingCoverage | BadCoverage | CoverageContradictsRelation => tr!(
            "`coverage` adalah pecahan dalam (0, 1]; 1 untuk `equal`/`superset`, kurang dari 1 untuk `subset`",
            "`coverage` is a share in (0, 1]; 1 for `equal`/`superset`, below 1 for `subset`"
        ),
        NonMonotoneTable => tr!(
            "nilai sumber yang lebih tinggi tidak boleh memberi nilai sasaran lebih rendah",
            "a higher source value must never give a lower target value"
        ),
        TableMissingLevel | TableKeyOffScale => tr!(
            "beri kunci untuk setiap tingkat bulat skala sumber, dan hanya itu",
            "give a key for every whole level of the source scale, and only those"
        ),
        ValueOffScale | ValueNotWhole => tr!(
            "pakai nilai pada skala framework sasaran (`spbe-pemdi show FRAMEWORK`)",
            "use values on the target framework's scale (`spbe-pemdi show FRAMEWORK`)"
        ),
        AboveIdentity | SameLevelPromise => tr!(
            "rubrik Pemdi 2026 lebih ketat: taruh tabel di bawah identitas, atau jelaskan di `rationale`",
            "the Pemdi 2026 rubric is stricter: keep the table below the identity, or explain in `rationale`"
        ),
        BadRung => tr!(
            "tulis anak tangga di atas dasar skala sasaran, sekali masing-masing, dengan kriteria seperti \"spbe-2020:29@3\" dari sumber peta",
            "write rungs above the target scale's floor, once each, with criteria like \"spbe-2020:29@3\" from the map's sources"
        ),
        RungsTable => tr!(
            "tulis ulang tabel dari anak tangga: untuk setiap tingkat v, anak tangga tertinggi yang terbukti bila semua sumber bernilai v",
            "rewrite the table from the rungs: for each level v, the highest rung evidenced when every source answers v"
        ),
        ChainRouteMismatch | ChainRelationMismatch | ChainLevelMismatch => tr!(
            "tinjau crosswalk langsung dan rantainya bersama; samakan, atau jelaskan bedanya di `rationale`",
            "review the direct crosswalk and the chain together; align them, or explain the difference in `rationale`"
        ),
        SimilarNamesUnmapped => tr!(
            "periksa apakah keduanya seharusnya dipetakan satu sama lain; bila tidak, jelaskan di `rationale` atau `reason` (ini ajakan meninjau, bukan galat)",
            "check whether the two should be mapped to each other; if not, say why in `rationale` or `reason` (a prompt to review, not an error)"
        ),
        NoSharedWords => tr!(
            "periksa bahwa peta ini memang dimaksud, dan sebut di `rationale` apa yang menghubungkan keduanya (ini ajakan meninjau, bukan galat)",
            "check that the map is meant, and say in `rationale` what links the two (a prompt to review, not an error)"
        ),
        MissingTranslation => tr!(
            "tulis teks Indonesia di kolomnya (`rationale`, `reason`, `note`, `source`, `calibration`) dan teks Inggris di kembarannya `*_en`",
            "write the Indonesian text in its field (`rationale`, `reason`, `note`, `source`, `calibration`) and the English one in its `*_en` twin"
        ),
    }
}
