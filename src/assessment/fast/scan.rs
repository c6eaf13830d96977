//! The scanner of the one-pass reader: the canonical form's few shapes,
//! borrowed from the text, and `None` for anything else.

use crate::assessment::Evidence;

/// Reads the whole document: one object with known fields, nothing after it.
pub(super) fn doc(text: &str) -> Option<Doc<'_>> {
    Scan { text, at: 0 }.doc()
}

/// One answer as written, borrowed from the text.
#[derive(Default)]
pub(super) struct Row<'t> {
    pub(super) indicator: &'t str,
    pub(super) value: Option<&'t str>,
    pub(super) justification: Option<&'t str>,
    pub(super) evidence: Vec<Evidence>,
    pub(super) origin: Option<&'t str>,
}

/// What the document says, borrowed from the text.
#[derive(Default)]
pub(super) struct Doc<'t> {
    pub(super) framework: Option<&'t str>,
    pub(super) agency: Option<&'t str>,
    pub(super) source: Option<&'t str>,
    pub(super) year: Option<i32>,
    pub(super) answers: Option<Vec<Row<'t>>>,
}

/// A cursor over the text that gives up (`None`) on anything unexpected.
struct Scan<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Scan<'t> {
    /// The next byte after JSON whitespace, not taken.
    fn peek(&mut self) -> Option<u8> {
        let b = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(self.at) {
            self.at += 1;
        }
        b.get(self.at).copied()
    }

    /// Takes `c`, the next byte after whitespace.
    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.at += 1)
    }

    /// Takes `,` (`true`) or `end` (`false`).
    fn more(&mut self, end: u8) -> Option<bool> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            b',' => Some(true),
            c if c == end => Some(false),
            _ => None,
        }
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'t str> {
        self.eat(b'"')?;
        let start = self.at;
        let end = start + stop(self.text.as_bytes().get(start..)?)?;
        (self.text.as_bytes().get(end) == Some(&b'"')).then_some(())?;
        self.at = end + 1;
        self.text.get(start..end)
    }

    /// A key: one of `likely` compared in place (tools write the same keys
    /// in the same order), else any string.
    fn key(&mut self, likely: [&str; 2]) -> Option<&'t str> {
        if self.peek()? == b'"'
            && let Some(rest) = self.text.get(self.at + 1..)
        {
            for k in likely {
                if rest.starts_with(k) && rest.as_bytes().get(k.len()) == Some(&b'"') {
                    self.at += k.len() + 2;
                    return rest.get(..k.len());
                }
            }
        }
        self.string()
    }

    /// Takes `null` if it is next.
    fn null(&mut self) -> bool {
        let next =
            self.peek() == Some(b'n') && self.text.as_bytes()[self.at..].starts_with(b"null");
        if next {
            self.at += 4;
        }
        next
    }

    /// A string, or `null`.
    fn opt_str(&mut self) -> Option<Option<&'t str>> {
        if self.null() {
            return Some(None);
        }
        self.string().map(Some)
    }

    /// An integer as `serde_json` prints it back (`0`, `42`): at most 18
    /// digits, without sign, leading zero, fraction or exponent.
    fn integer(&mut self) -> Option<&'t str> {
        self.peek()?;
        let b = self.text.as_bytes();
        let start = self.at;
        while b.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let digits = self.text.get(start..self.at)?;
        let plain = matches!(digits.len(), 1..=18)
            && (digits.len() == 1 || !digits.starts_with('0'))
            && !matches!(b.get(self.at), Some(b'.' | b'e' | b'E'));
        plain.then_some(digits)
    }

    /// A value as text: a string, a plain integer, or `null`.
    fn scalar(&mut self) -> Option<Option<&'t str>> {
        match self.peek()? {
            b'"' => self.string().map(Some),
            b'0'..=b'9' => self.integer().map(Some),
            _ => self.null().then_some(None),
        }
    }

    /// An object's fields, each handed to `field` with its key (`likely`
    /// keys compared in place). `field` reads the value and gives the
    /// field's bit, so that no field comes twice; the bits seen, or `None`
    /// for an unknown or repeated field or anything else amiss.
    fn fields(
        &mut self,
        likely: [&str; 2],
        mut field: impl FnMut(&mut Self, &'t str) -> Option<u8>,
    ) -> Option<u8> {
        self.eat(b'{')?;
        let mut seen = 0u8;
        loop {
            let key = self.key(likely)?;
            self.eat(b':')?;
            let bit = field(self, key)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.more(b'}')? {
                return Some(seen);
            }
        }
    }

    /// One piece of evidence written as an object, `{"name": "...", "url":
    /// "..."}` (`url` may be `null` or left out), added to `out` as the
    /// lenient reader adds it; each key at most once, nothing else.
    fn evidence_object(&mut self, out: &mut Vec<Evidence>) -> Option<()> {
        let (mut name, mut url) = (None, None);
        self.fields(["name", "url"], |scan, key| match key {
            "name" => {
                name = Some(scan.string()?);
                Some(1)
            }
            "url" => {
                url = scan.opt_str()?;
                Some(2)
            }
            _ => None,
        })?;
        match (name, url) {
            (Some(name), url) => out.push(Evidence {
                name: name.to_string(),
                url: url.map(str::to_string),
            }),
            (None, Some(url)) => out.extend(Evidence::parse(url)),
            (None, None) => return None,
        }
        Some(())
    }

    /// Evidence: `null`, a string, or a list of strings and objects.
    fn evidence(&mut self) -> Option<Vec<Evidence>> {
        if self.null() {
            return Some(vec![]);
        }
        if self.peek()? == b'"' {
            return Some(Evidence::parse_list(self.string()?));
        }
        self.eat(b'[')?;
        let mut out = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(out);
        }
        loop {
            if self.peek()? == b'{' {
                self.evidence_object(&mut out)?;
            } else {
                out.extend(Evidence::parse(self.string()?));
            }
            if !self.more(b']')? {
                return Some(out);
            }
        }
    }

    /// One answer object; `indicator` is required and no field is repeated.
    fn row(&mut self) -> Option<Row<'t>> {
        let mut row = Row::default();
        let seen = self.fields(["indicator", "value"], |scan, key| match key {
            "indicator" => {
                row.indicator = scan.string()?;
                Some(1)
            }
            "value" => {
                row.value = scan.scalar()?;
                Some(2)
            }
            "justification" => {
                row.justification = scan.opt_str()?;
                Some(4)
            }
            "evidence" => {
                row.evidence = scan.evidence()?;
                Some(8)
            }
            "origin" => {
                row.origin = scan.opt_str()?;
                Some(16)
            }
            _ => None,
        })?;
        (seen & 1 != 0).then_some(row)
    }

    /// The list of answers.
    fn rows(&mut self) -> Option<Vec<Row<'t>>> {
        self.eat(b'[')?;
        // At least 40 bytes an answer, even in a compact file.
        let mut rows = Vec::with_capacity(self.text.len() / 40 + 1);
        if self.peek()? == b']' {
            self.at += 1;
            return Some(rows);
        }
        loop {
            rows.push(self.row()?);
            if !self.more(b']')? {
                return Some(rows);
            }
        }
    }

    /// The whole document: one object with known fields, nothing after it.
    fn doc(&mut self) -> Option<Doc<'t>> {
        let mut doc = Doc::default();
        self.fields(["framework", "answers"], |scan, key| match key {
            "framework" => {
                doc.framework = scan.opt_str()?;
                Some(1)
            }
            "agency" => {
                doc.agency = scan.opt_str()?;
                Some(2)
            }
            "source" => {
                doc.source = scan.opt_str()?;
                Some(4)
            }
            "year" => {
                if !scan.null() {
                    let y = scan.integer()?.parse::<i32>().ok()?;
                    if !(1900..=2200).contains(&y) {
                        return None;
                    }
                    doc.year = Some(y);
                }
                Some(8)
            }
            "answers" => {
                doc.answers = Some(scan.rows()?);
                Some(16)
            }
            _ => None,
        })?;
        (self.peek().is_none() && doc.answers.is_some()).then_some(doc)
    }
}

/// The position of the first `"`, `\` or control character in `b`,
/// looked for eight bytes at a time.
pub(super) fn stop(b: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let mut at = 0;
    for chunk in b.chunks_exact(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let slash = x ^ (ONES * u64::from(b'\\'));
        // A byte's high bit is set where it is zero (or below 0x20); a
        // borrow can only mark bytes after the first such byte.
        let found = (quote.wrapping_sub(ONES) & !quote
            | slash.wrapping_sub(ONES) & !slash
            | x.wrapping_sub(ONES * 0x20) & !x)
            & HIGH;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = b.get(at..)?;
    let more = tail
        .iter()
        .position(|c| matches!(c, b'"' | b'\\' | 0..=0x1f));
    more.map(|p| at + p)
}
