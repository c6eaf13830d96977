//! How an error is told: rendered for a terminal or a log (with a source
//! excerpt and an optional coloured label), or as plain sentences.

use std::fmt::Write as _;

use super::{Error, Place};
use crate::text::Lang;

impl Error {
    /// Renders the error for a log, in `lang`, without colour.
    pub fn render(&self, lang: Lang) -> String {
        self.render_styled(lang, false)
    }

    /// Renders the error in `lang`, with a coloured label when `color`.
    pub fn render_styled(&self, lang: Lang, color: bool) -> String {
        self.render_as(
            lang.pick("galat", "error"),
            anstyle::AnsiColor::Red,
            lang,
            color,
        )
    }

    /// Renders the diagnostic as a warning (the reading went on).
    pub fn render_warning(&self, lang: Lang, color: bool) -> String {
        let label = lang.pick("peringatan", "warning");
        self.render_as(label, anstyle::AnsiColor::Yellow, lang, color)
    }

    fn render_as(&self, label: &str, hue: anstyle::AnsiColor, lang: Lang, color: bool) -> String {
        let mut out = String::new();
        let style = anstyle::Style::new().bold().fg_color(Some(hue.into()));
        let label = if color {
            format!("{}{label}{}", style.render(), style.render_reset())
        } else {
            label.to_string()
        };
        // Texts from input files (names, cells) may hold terminal
        // sequences: they never act.
        let vis = crate::text::visible;
        let _ = writeln!(out, "{label}: {}", vis(self.message.get(lang)));
        if let Some(file) = &self.file {
            let place = self.place.as_ref().map(Place::suffix).unwrap_or_default();
            let _ = writeln!(out, "  --> {}{}", vis(&file.to_string()), vis(&place));
        } else if let Some(place) = &self.place {
            let _ = writeln!(out, "  --> {}", place.suffix().trim_start());
        }
        if let Some(snippet) = &self.snippet {
            let line_no = match &self.place {
                Some(Place::Line { line, .. }) => line.to_string(),
                _ => String::new(),
            };
            let pad = " ".repeat(line_no.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {}", vis(snippet));
            if let Some(Place::Line {
                column: Some(c), ..
            }) = &self.place
            {
                let _ = writeln!(
                    out,
                    "{pad} | {}^",
                    " ".repeat((*c as usize).saturating_sub(1).min(200))
                );
            }
        }
        if let Some(e) = &self.expected {
            let _ = writeln!(
                out,
                "  = {}: {}",
                lang.pick("diharapkan", "expected"),
                vis(e.get(lang))
            );
        }
        if let Some(h) = &self.hint {
            let _ = writeln!(
                out,
                "  = {}: {}",
                lang.pick("saran", "hint"),
                vis(h.get(lang))
            );
        }
        if !self.more.is_empty() {
            for e in &self.more {
                out.push('\n');
                out.push_str(&e.render_styled(lang, color));
            }
            let n = 1 + self.more.len() + self.untold;
            out.push('\n');
            let _ = match self.untold {
                0 => writeln!(
                    out,
                    "{}",
                    lang.pick(
                        &format!("{n} galat dalam berkas ini"),
                        &format!("{n} errors in this file")
                    )
                ),
                k => writeln!(
                    out,
                    "{}",
                    lang.pick(
                        &format!(
                            "{n} galat dalam berkas ini; {k} tidak ditampilkan (perbaiki yang di atas lalu jalankan lagi)"
                        ),
                        &format!(
                            "{n} errors in this file; {k} not shown (fix the ones above and run again)"
                        )
                    )
                ),
            };
        }
        out
    }
}

impl Error {
    /// The error as plain sentences in `lang`, for a page or a spreadsheet
    /// cell (no `-->` arrows, no source excerpt): "Berkas a.json, baris 2,
    /// kolom 34: …. Diharapkan: …. Saran: …."
    pub fn sentence(&self, lang: Lang) -> String {
        let place = self.place.as_ref().map(|p| match p {
            Place::Line {
                line,
                column: Some(c),
            } => {
                format!(
                    "{} {line}, {} {c}",
                    lang.pick("baris", "line"),
                    lang.pick("kolom", "column")
                )
            }
            Place::Line { line, column: None } => format!("{} {line}", lang.pick("baris", "line")),
            Place::Cell { sheet, cell } => format!("{} {sheet}!{cell}", lang.pick("sel", "cell")),
            Place::Field(f) => format!("{} {f}", lang.pick("isian", "field")),
        });
        let at = match (&self.file, place) {
            (Some(f), Some(p)) => format!("{} {f}, {p}: ", lang.pick("Berkas", "File")),
            (Some(f), None) => format!("{} {f}: ", lang.pick("Berkas", "File")),
            (None, Some(p)) => format!("{p}: "),
            (None, None) => String::new(),
        };
        let stop = |s: &str| {
            let s = s.trim();
            if s.ends_with(['.', '!', '?']) {
                s.to_string()
            } else {
                format!("{s}.")
            }
        };
        let mut out = format!("{at}{}", stop(self.message.get(lang)));
        if let Some(e) = &self.expected {
            out.push_str(&format!(
                " {}: {}",
                lang.pick("Diharapkan", "Expected"),
                stop(e.get(lang))
            ));
        }
        if let Some(h) = &self.hint {
            out.push_str(&format!(
                " {}: {}",
                lang.pick("Saran", "Hint"),
                stop(h.get(lang))
            ));
        }
        // The file's other errors, one sentence a line.
        for e in &self.more {
            out.push('\n');
            out.push_str(&e.sentence(lang));
        }
        if self.untold > 0 {
            out.push('\n');
            out.push_str(&format!(
                "{} {}.",
                self.untold,
                lang.pick("galat lain tidak ditampilkan", "more errors not shown")
            ));
        }
        out
    }
}
