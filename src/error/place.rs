//! Where in a file a problem is: a line and column, a spreadsheet cell or a
//! data field, and the helpers that find lines and columns in a text.

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
