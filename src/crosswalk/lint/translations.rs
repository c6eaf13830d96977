//! `missing-translation`: every text people read from a crosswalk exists in
//! Bahasa Indonesia and in English (`source` and `source_en`, `calibration`
//! and `calibration_en` when there is one, `rationale` and `rationale_en`
//! of each map, `note` and `note_en` of each rung, `reason` and `reason_en`
//! of each `retired` and `new` entry), so
//! that Indonesian output holds no English sentence and English output no
//! Indonesian one.

use crate::crosswalk::lint::{Code, Sink};
use crate::text::Text;

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

/// The field that lacks its text and the missing language in both
/// languages, or `None` when both texts are there.
fn missing<'f>(
    id: &str,
    en: Option<&str>,
    fields: (&'f str, &'f str),
) -> Option<(&'f str, &'static str, &'static str)> {
    match (blank(Some(id)), blank(en)) {
        (false, false) => None,
        (true, false) => Some((fields.0, "Indonesia", "Indonesian")),
        (false, true) => Some((fields.1, "Inggris", "English")),
        (true, true) => Some((fields.0, "Indonesia dan Inggris", "Indonesian and English")),
    }
}

pub(super) fn check(sink: &mut Sink) {
    let c = sink.c;
    let cw = &c.crosswalk;
    let header = [
        ("source", Some(cw.source.as_str()), cw.source_en.as_deref()),
        (
            "calibration",
            cw.calibration.as_deref(),
            cw.calibration_en.as_deref(),
        ),
    ];
    for (name, id, en) in header {
        let Some(id) = id else { continue };
        let field_en = if name == "source" {
            "source_en"
        } else {
            "calibration_en"
        };
        if let Some((field, lid, len)) = missing(id, en, (name, field_en)) {
            let message = Text::new(
                format!("teks `{name}` belum ada dalam bahasa {lid}"),
                format!("the `{name}` text is missing in {len}"),
            );
            sink.field(Code::MissingTranslation, field, message);
        }
    }
    for m in &cw.maps {
        for (i, r) in m.rungs.iter().enumerate() {
            let fields = ("note", "note_en");
            if let Some((field, id, en)) = missing(&r.note, r.note_en.as_deref(), fields) {
                let message = Text::new(
                    format!(
                        "catatan anak tangga {} peta `{}` belum ada dalam bahasa {id}",
                        r.level, m.id
                    ),
                    format!(
                        "the note of rung {} of map `{}` is missing in {en}",
                        r.level, m.id
                    ),
                );
                sink.map(
                    Code::MissingTranslation,
                    m,
                    &format!("rungs[{i}].{field}"),
                    message,
                );
            }
        }
        let fields = ("rationale", "rationale_en");
        if let Some((field, id, en)) = missing(&m.rationale, m.rationale_en.as_deref(), fields) {
            let message = Text::new(
                format!("alasan peta `{}` belum ada dalam bahasa {id}", m.id),
                format!("the rationale of map `{}` is missing in {en}", m.id),
            );
            sink.map(Code::MissingTranslation, m, field, message);
        }
    }
    let retired = cw.retired.iter().map(|r| {
        (
            "retired",
            r.indicator,
            r.reason.as_str(),
            r.reason_en.as_deref(),
        )
    });
    let new = cw.new.iter().map(|n| {
        (
            "new",
            n.indicator,
            n.reason.as_str(),
            n.reason_en.as_deref(),
        )
    });
    let mut nth = std::collections::BTreeMap::<&str, usize>::new();
    for (list, no, reason, reason_en) in retired.chain(new) {
        let i = *nth.entry(list).and_modify(|i| *i += 1).or_insert(0);
        let fields = ("reason", "reason_en");
        if let Some((field, id, en)) = missing(reason, reason_en, fields) {
            let message = Text::new(
                format!("alasan `{list}` untuk indikator {no} belum ada dalam bahasa {id}"),
                format!("the `{list}` reason of indicator {no} is missing in {en}"),
            );
            sink.at(
                Code::MissingTranslation,
                c.field_line(list),
                format!("{list}[{i}].{field}"),
                message,
            );
        }
    }
}
