//! The canonical JSON form read in one pass, straight into an assessment.
//! Files written by tools (and by `convert`) are plain enough for a small
//! scanner: no escapes, known fields, ids in catalog order, levels as short
//! digit strings. Anything else in the file, and any answer that would be
//! an error, gives `None`, and the readers run from the start with their
//! places and messages. Whatever this reader takes, the readers build the
//! same assessment from (a test holds them together).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::assessment::build::parse_value;
use crate::assessment::resolve::{Resolver, Target, split_id};
use crate::assessment::{Answer, Assessment, Evidence};
use crate::catalog::{Catalog, Framework, Plan};

/// One answer as written, borrowed from the text.
#[derive(Default)]
struct Row<'t> {
    indicator: &'t str,
    value: Option<&'t str>,
    justification: Option<&'t str>,
    evidence: Vec<Evidence>,
    origin: Option<&'t str>,
}

/// What the document says, borrowed from the text.
#[derive(Default)]
struct Doc<'t> {
    framework: Option<&'t str>,
    agency: Option<&'t str>,
    source: Option<&'t str>,
    year: Option<i32>,
    answers: Option<Vec<Row<'t>>>,
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

    /// Evidence: `null`, a string, or a list of strings.
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
            out.extend(Evidence::parse(self.string()?));
            if !self.more(b']')? {
                return Some(out);
            }
        }
    }

    /// One answer object; `indicator` is required and no field is repeated.
    fn row(&mut self) -> Option<Row<'t>> {
        self.eat(b'{')?;
        let mut row = Row::default();
        let mut seen = 0u8;
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            let bit = match key {
                "indicator" => {
                    row.indicator = self.string()?;
                    1
                }
                "value" => {
                    row.value = self.scalar()?;
                    2
                }
                "justification" => {
                    row.justification = self.opt_str()?;
                    4
                }
                "evidence" => {
                    row.evidence = self.evidence()?;
                    8
                }
                "origin" => {
                    row.origin = self.opt_str()?;
                    16
                }
                _ => return None,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.more(b'}')? {
                return (seen & 1 != 0).then_some(row);
            }
        }
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
        self.eat(b'{')?;
        let mut doc = Doc::default();
        let mut seen = 0u8;
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            let bit = match key {
                "framework" => {
                    doc.framework = self.opt_str()?;
                    1
                }
                "agency" => {
                    doc.agency = self.opt_str()?;
                    2
                }
                "source" => {
                    doc.source = self.opt_str()?;
                    4
                }
                "year" => {
                    if !self.null() {
                        let y = self.integer()?.parse::<i32>().ok()?;
                        if !(1900..=2200).contains(&y) {
                            return None;
                        }
                        doc.year = Some(y);
                    }
                    8
                }
                "answers" => {
                    doc.answers = Some(self.rows()?);
                    16
                }
                _ => return None,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.more(b'}')? {
                break;
            }
        }
        (self.peek().is_none() && doc.answers.is_some()).then_some(doc)
    }
}

/// The position of the first `"`, `\\` or control character in `b`,
/// looked for eight bytes at a time.
fn stop(b: &[u8]) -> Option<usize> {
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

/// A framework's whole-number scale bounds, for checking plain levels
/// without decimal arithmetic.
struct Bounds {
    lo: u128,
    hi: u128,
    integer: bool,
}

impl Bounds {
    fn of(fw: &Framework) -> Option<Bounds> {
        let whole = |d: Decimal| {
            (d.fract().is_zero() && !d.is_sign_negative())
                .then(|| d.to_u64())
                .flatten()
        };
        Some(Bounds {
            lo: whole(fw.scale.min)?.into(),
            hi: whole(fw.scale.max)?.into(),
            integer: fw.scale.integer,
        })
    }

    /// `s` as [`parse_value`] reads it, when `s` is plain (`2`, `3.50`:
    /// digits with at most one dot between them, at most 18 digits) and on
    /// the scale; `None` otherwise.
    fn level(&self, s: &str) -> Option<Decimal> {
        let (mut m, mut scale, mut digits, mut dot) = (0u64, 0u32, 0, false);
        for c in s.bytes() {
            match c {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > 18 {
                        return None;
                    }
                    m = m * 10 + u64::from(c - b'0');
                    scale += u32::from(dot);
                }
                b'.' if !dot && digits > 0 => dot = true,
                _ => return None,
            }
        }
        if digits == 0 || (dot && scale == 0) {
            return None;
        }
        while scale > 0 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        if self.integer && scale > 0 {
            return None;
        }
        // lo <= m / 10^scale <= hi, in whole numbers.
        let p = 10u128.pow(scale);
        let m128 = u128::from(m);
        if m128 < self.lo * p || m128 > self.hi * p {
            return None;
        }
        Decimal::try_from_i128_with_scale(m.into(), scale).ok()
    }
}

/// The plan row `indicator` resolves to, as [`Resolver::resolve`] finds
/// it; the row after the last one is tried first (files keep catalog
/// order). `ids` says whether the framework's ids split back into the
/// framework and the key, so that a plain comparison is enough.
fn row_of(
    resolver: &Resolver<'_>,
    plan: &Plan,
    ids: bool,
    indicator: &str,
    next: usize,
) -> Option<usize> {
    if ids {
        if plan.ids.get(next).is_some_and(|id| id == indicator) {
            return Some(next);
        }
        let fw = resolver.framework();
        if let Some(key) = indicator
            .strip_prefix(fw.id.as_str())
            .and_then(|r| r.strip_prefix(':'))
            && let Some(row) = plan.rows.get(key)
        {
            return Some(*row);
        }
    }
    match resolver.resolve(indicator) {
        Ok(Target::Item(row)) => Some(row),
        _ => None,
    }
}

/// Reads `text` (without a byte-order mark) into an assessment if it is in
/// the canonical form and has no errors; `given` is `--framework`.
pub fn read(text: &str, catalog: &Catalog, given: Option<&str>) -> Option<Assessment> {
    let doc = Scan { text, at: 0 }.doc()?;
    let from_file = doc.framework?.trim();
    if given.is_some_and(|g| g != from_file) {
        return None;
    }
    let fw = catalog.get(given.unwrap_or(from_file))?;
    let plan = fw.plan();
    let resolver = Resolver::new(fw);
    // A key holds no `:` or space, so an id splits back when the
    // framework's id has no space either.
    let ids = split_id(&format!("{}:1", fw.id)).is_some_and(|(id, _)| id == fw.id);
    let bounds = Bounds::of(fw);
    let mut answers: Vec<Answer> = Vec::with_capacity(plan.items.len());
    let (mut next, mut last, mut in_order) = (0, None, true);
    for row in doc.answers? {
        let at = row_of(&resolver, plan, ids, row.indicator, next)?;
        next = at + 1;
        let Some(value) = row.value else { continue };
        let value = match bounds.as_ref().and_then(|b| b.level(value)) {
            Some(v) => v,
            None if value.trim().is_empty() => continue,
            None => parse_value(fw, value).ok()?,
        };
        in_order &= last.is_none_or(|l| l < at);
        last = Some(at);
        answers.push(Answer {
            indicator: plan.ids[at].clone(),
            value,
            justification: row
                .justification
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            evidence: row.evidence,
            origin: row
                .origin
                .map(str::trim)
                .filter(|s| !s.is_empty() && !matches!(*s, "person" | "orang"))
                .map(str::to_string),
        });
    }
    if !in_order {
        let row = |a: &Answer| plan.rows.get(a.key()).copied();
        answers.sort_by_key(row);
        if answers.windows(2).any(|w| row(&w[0]) == row(&w[1])) {
            return None; // the same row twice
        }
    }
    Some(Assessment {
        framework: fw.id.clone(),
        agency: doc.agency.map(str::to_string),
        year: doc.year,
        source: doc.source.map(str::to_string),
        answers,
        external: Default::default(),
    })
}

#[cfg(test)]
mod tests;
