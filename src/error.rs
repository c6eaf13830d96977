//! Errors that a person can act on: what went wrong, in which file and
//! where (line and column, or spreadsheet cell, or data field), what was
//! expected, and what to do. Each error carries the exit code it maps to.

use std::fmt::Write as _;
use std::path::Path;

use crate::text::{Lang, Text};
use crate::tr;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A line (1-based) and optionally a column (1-based, in characters).
    Line {
        /// Line number.
        line: u64,
        /// Column number.
        column: Option<u64>,
    },
    /// A spreadsheet cell such as `Sheet1!B7`.
    Cell {
        /// Worksheet name.
        sheet: String,
        /// A1-style reference.
        cell: String,
    },
    /// A field path in a data file, such as `indicators[3].weight`.
    Field(String),
}

impl Place {
    /// A line and column.
    pub fn line_col(line: u64, column: u64) -> Place {
        Place::Line {
            line,
            column: Some(column),
        }
    }

    /// A whole line.
    pub fn line(line: u64) -> Place {
        Place::Line { line, column: None }
    }

    /// A cell from 0-based row and column indices.
    pub fn cell(sheet: &str, row: u32, col: u32) -> Place {
        Place::Cell {
            sheet: sheet.to_string(),
            cell: cell_ref(row, col),
        }
    }

    pub(crate) fn suffix(&self) -> String {
        match self {
            Place::Line {
                line,
                column: Some(c),
            } => format!(":{line}:{c}"),
            Place::Line { line, column: None } => format!(":{line}"),
            Place::Cell { sheet, cell } => format!(" [{sheet}!{cell}]"),
            Place::Field(f) => format!(" ({f})"),
        }
    }
}

/// An A1-style cell reference from 0-based indices: (6, 1) is `B7`.
pub fn cell_ref(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    let s: String = letters.into_iter().collect();
    format!("{s}{}", row as u64 + 1)
}

/// What kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Findings: errors reported by `validate`, a `--fail-on` hit (exit 1).
    Findings,
    /// Bad command-line usage (exit 2).
    Usage,
    /// Bad input: unreadable or invalid files, catalogs, crosswalks (exit 3).
    Input,
    /// Output could not be written, or writing it would overwrite something (exit 4).
    Output,
}

impl Kind {
    /// The documented exit code.
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Findings => 1,
            Kind::Usage => 2,
            Kind::Input => 3,
            Kind::Output => 4,
        }
    }
}

/// An error for a person to act on (boxed: errors travel far and rarely).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Diagnostic>);

/// The contents of an [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind, which decides the exit code.
    pub kind: Kind,
    /// The file concerned, as the user named it.
    pub file: Option<String>,
    /// Where in the file.
    pub place: Option<Place>,
    /// What went wrong.
    pub message: Text,
    /// What was expected there.
    pub expected: Option<Text>,
    /// What to do about it.
    pub hint: Option<Text>,
    /// The offending source line, shown with a caret under the column.
    pub snippet: Option<String>,
    /// Further errors of the same file, reported at once (see [`Error::many`]).
    pub more: Vec<Error>,
    /// How many further errors were found but not kept.
    pub untold: usize,
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error of `kind`.
    pub fn new(kind: Kind, message: Text) -> Error {
        Error(Box::new(Diagnostic {
            kind,
            file: None,
            place: None,
            message,
            expected: None,
            hint: None,
            snippet: None,
            more: Vec::new(),
            untold: 0,
        }))
    }

    /// Bad input in `file`.
    pub fn input(file: impl AsRef<Path>, message: Text) -> Error {
        Error::new(Kind::Input, message).in_file(file)
    }

    /// Bad usage.
    pub fn usage(message: Text) -> Error {
        Error::new(Kind::Usage, message)
    }

    /// Output failure for `file`.
    pub fn output(file: impl AsRef<Path>, message: Text) -> Error {
        Error::new(Kind::Output, message).in_file(file)
    }

    /// Why a file operation failed, in our own words: the common kinds
    /// of I/O error are said in both languages; the system's text (English,
    /// e.g. "No such file or directory (os error 2)") is kept only as a
    /// detail after our sentence for the rare others.
    pub fn io_reason(err: &std::io::Error) -> Text {
        use std::io::ErrorKind as K;
        match err.kind() {
            K::NotFound => tr!(
                "berkas atau foldernya tidak ada",
                "the file or its folder does not exist"
            ),
            K::PermissionDenied => tr!("akses ditolak", "permission denied"),
            K::IsADirectory => tr!("ini folder, bukan berkas", "this is a folder, not a file"),
            K::NotADirectory => tr!(
                "sebagian jalurnya bukan folder",
                "part of the path is not a folder"
            ),
            K::AlreadyExists => tr!("berkasnya sudah ada", "the file already exists"),
            K::StorageFull => tr!("disk penuh", "the disk is full"),
            K::QuotaExceeded => tr!("kuota disk habis", "the disk quota is exceeded"),
            K::ReadOnlyFilesystem => tr!("disknya hanya dapat dibaca", "the disk is read-only"),
            K::FileTooLarge => tr!("berkasnya terlalu besar", "the file is too large"),
            K::InvalidData => tr!(
                "isinya bukan teks yang dapat dibaca",
                "its contents are not readable text"
            ),
            K::Interrupted | K::TimedOut | K::WouldBlock => {
                tr!(
                    "operasi terputus; coba lagi",
                    "the operation was interrupted; try again"
                )
            }
            _ => tr!("galat sistem (rincian: {})", "system error ({})", err),
        }
    }

    /// A file that cannot be read.
    pub fn read(file: impl AsRef<Path>, err: &std::io::Error) -> Error {
        let hint = if err.kind() == std::io::ErrorKind::NotFound {
            tr!(
                "periksa nama dan folder berkas",
                "check the file name and folder"
            )
        } else {
            tr!("periksa hak akses berkas", "check the file's permissions")
        };
        Error::input(
            file,
            tr!("berkas tidak dapat dibaca", "cannot read the file")
                .then(": ", &Error::io_reason(err)),
        )
        .with_hint(hint)
    }

    /// Sets the file.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Error {
        self.file = Some(file.as_ref().display().to_string());
        self
    }

    /// Sets the place.
    pub fn at(mut self, place: Place) -> Error {
        self.place = Some(place);
        self
    }

    /// Sets the place if there is one.
    pub fn at_opt(mut self, place: Option<Place>) -> Error {
        if place.is_some() {
            self.place = place;
        }
        self
    }

    /// Sets what was expected.
    pub fn expected(mut self, t: Text) -> Error {
        self.expected = Some(t);
        self
    }

    /// Sets the hint.
    pub fn with_hint(mut self, t: Text) -> Error {
        self.hint = Some(t);
        self
    }

    /// Sets the offending source line.
    pub fn with_snippet(mut self, line: impl Into<String>) -> Error {
        let s: String = line.into();
        // Keep very long lines readable.
        let s = if s.chars().count() > 200 {
            let cut: String = s.chars().take(200).collect();
            format!("{cut}…")
        } else {
            s
        };
        self.snippet = Some(s);
        self
    }

    /// Most errors of one file reported at once.
    pub const MAX_AT_ONCE: usize = 50;

    /// The errors of one file as one: the first, then the others (up to
    /// [`Error::MAX_AT_ONCE`]); `None` when there are none.
    pub fn many(errors: Vec<Error>) -> Option<Error> {
        let total = errors.len();
        let mut it = errors.into_iter();
        let mut first = it.next()?;
        for e in it.by_ref().take(Self::MAX_AT_ONCE - 1) {
            first.more.push(e);
        }
        first.untold = total.saturating_sub(Self::MAX_AT_ONCE);
        Some(first)
    }

    /// The exit code for this error.
    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }

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

impl std::ops::Deref for Error {
    type Target = Diagnostic;
    fn deref(&self) -> &Diagnostic {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Diagnostic {
        &mut self.0
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.render(Lang::En).trim_end())
    }
}

impl std::error::Error for Error {}

/// The 1-based line and column of a byte offset in `text`.
pub fn line_col_of(text: &str, offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() as u64 + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0) as u64
        + 1;
    (line, col)
}

/// The text of 1-based line `line`, without its line ending.
pub fn line_text(text: &str, line: u64) -> Option<String> {
    text.lines()
        .nth(line.saturating_sub(1) as usize)
        .map(|l| l.trim_end_matches('\r').to_string())
}

/// Where each line of a text starts, so that a line is found in O(1).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The text of 1-based line `line` of `text` (the text indexed), without
    /// its line ending; empty when there is no such line.
    pub fn line<'t>(&self, text: &'t str, line: u64) -> &'t str {
        let i = (line as usize).saturating_sub(1);
        let Some(&a) = self.starts.get(i) else {
            return "";
        };
        let b = self.starts.get(i + 1).copied().unwrap_or(text.len());
        text.get(a..b)
            .unwrap_or("")
            .trim_end_matches('\n')
            .trim_end_matches('\r')
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(6, 1), "B7");
        assert_eq!(cell_ref(0, 26), "AA1");
    }
}
