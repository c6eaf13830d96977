//! Errors that a person can act on: what went wrong, in which file and
//! where (line and column, or spreadsheet cell, or data field), what was
//! expected, and what to do. Each error carries the exit code it maps to.
//!
//! This module holds the error itself: its kind, what it carries and how it
//! is built; where it points is in `place` and how it is told in `render`.

mod place;
mod render;

pub use place::{LineIndex, Place, cell_ref, line_col_of, line_text};

use std::path::Path;

use crate::text::{Lang, Text};
use crate::tr;

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
