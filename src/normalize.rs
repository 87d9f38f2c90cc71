//! Normalization of pasted text with a map back to the original bytes.
//!
//! Everything after this step reads the normalized text: half-width digits and punctuation,
//! `\n` line ends, plain spaces, no zero-width characters, no Word bookmarks, no spaces inside
//! spaced-out headings (`统 计 指 标`) and no thousands separators. Every normalized byte keeps
//! the offset of the original character it came from, so spans point at what the user pasted.

use crate::model::Span;

pub struct Normalized {
    pub text: String,
    /// `map[i]` is the original byte offset of normalized byte `i`; `map[text.len()]` is the
    /// original length.
    map: Vec<u32>,
    /// Original byte length of the character that produced normalized byte `i`'s character.
    orig_len: usize,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut first = map_chars(original);
        let markdown = crate::markdown::edits(&first.text);
        if !markdown.replace.is_empty() {
            let mut bytes = std::mem::take(&mut first.text).into_bytes();
            for &(i, b) in &markdown.replace {
                bytes[i] = b;
            }
            first.text = String::from_utf8(bytes).expect("ASCII bytes replaced by ASCII bytes");
        }
        let deletions = merge(markdown.delete, deletable_ranges(&first.text));
        first.without(&deletions)
    }

    /// Original byte span of a normalized byte range.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let s = self.map[start.min(self.text.len())] as usize;
        let e = if end == 0 || end <= start {
            s
        } else {
            // end of the original character that produced the last normalized byte
            self.end_of(end - 1)
        };
        Span::new(s, e.max(s))
    }

    fn end_of(&self, i: usize) -> usize {
        let i = crate::source::floor_char_boundary(&self.text, i);
        let next = i + self.text[i..].chars().next().map_or(1, char::len_utf8);
        let here = self.map[i] as usize;
        // the next normalized char may come from the same original char (e.g. one char → two)
        let mut j = next;
        while j < self.text.len() && self.map[j] as usize == here {
            j += 1;
        }
        (self.map[j.min(self.text.len())] as usize)
            .max(here + 1)
            .min(self.orig_len)
    }

    /// The text without the given byte ranges (sorted, whole characters), compacted in place:
    /// building a second text and map while the first were alive doubled the peak memory of
    /// a check.
    fn without(self, ranges: &[(usize, usize)]) -> Normalized {
        if ranges.is_empty() {
            return self;
        }
        let mut text = self.text.into_bytes();
        let mut map = self.map;
        let mut kept = 0;
        let mut pos = 0;
        for &(a, b) in ranges {
            text.copy_within(pos..a, kept);
            map.copy_within(pos..a, kept);
            kept += a - pos;
            pos = b;
        }
        let (text_len, map_len) = (text.len(), map.len());
        text.copy_within(pos..text_len, kept);
        map.copy_within(pos..map_len, kept);
        text.truncate(kept + text_len - pos);
        map.truncate(kept + map_len - pos);
        Normalized {
            text: String::from_utf8(text).expect("only whole characters are deleted"),
            map,
            orig_len: self.orig_len,
        }
    }
}

/// Two sorted lists of byte ranges as one, sorted, a range overlapping an earlier one dropped.
fn merge(a: Vec<(usize, usize)>, b: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if a.is_empty() {
        return b;
    }
    let mut all = a;
    all.extend(b);
    all.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for r in all {
        if out.last().is_none_or(|last| r.0 >= last.1) {
            out.push(r);
        }
    }
    out
}

/// Character-by-character replacements.
fn map_chars(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
    let mut chars = original.char_indices().peekable();
    while let Some((b, ch)) = chars.next() {
        if ch == '[' && original[b..].starts_with("[bookmark:") {
            if let Some(close) = original[b..].find(']') {
                // skip the whole artefact
                while chars.peek().is_some_and(|&(nb, _)| nb < b + close + 1) {
                    chars.next();
                }
                continue;
            }
        }
        if ch == '\r' {
            if chars.peek().is_some_and(|&(_, c)| c == '\n') {
                continue; // \r\n → the \n that follows
            }
            push(&mut text, &mut map, '\n', b);
            continue;
        }
        if let Some(c) = normalize_char(ch) {
            push(&mut text, &mut map, c, b);
        }
    }
    map.push(original.len() as u32);
    Normalized {
        text,
        map,
        orig_len: original.len(),
    }
}

fn push(text: &mut String, map: &mut Vec<u32>, c: char, orig: usize) {
    text.push(c);
    map.extend(std::iter::repeat_n(orig as u32, c.len_utf8()));
}

/// The normalized form of one character, or `None` to drop it.
pub fn normalize_char(ch: char) -> Option<char> {
    Some(match ch {
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => return None,
        '\u{00A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{FE59}' | '\u{FE5D}' | '\u{3014}' => '(',
        '\u{FE5A}' | '\u{FE5E}' | '\u{3015}' => ')',
        '\u{2212}' | '\u{FE63}' => '-',
        '\u{00B7}' | '\u{30FB}' => '·',
        _ => ch,
    })
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A text's Han characters alone: what a wording keeps however a copy breaks or spaces it.
pub fn han_chars(text: &str) -> String {
    text.chars().filter(|&c| is_han(c)).collect()
}

/// Whether a stretch of text sets its cells between tabs or `|` (a web page's copy, a Markdown
/// table), where an empty cell shows as an empty field.
pub fn bordered(text: &str) -> bool {
    text.contains(['\t', '|'])
}

/// Ranges to delete: single spaces between Han characters, and thousands separators.
fn deletable_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        match c {
            ' ' if prev.is_some_and(is_han) && next.is_some_and(is_han) => out.push((i, i + 1)),
            ',' => {
                let groups = thousands_groups(bytes, i);
                out.extend((0..groups).map(|g| (i + 4 * g, i + 4 * g + 1)));
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

/// `1,234` and `12,345,678` (judged at the first comma): 1–3 digits before, then groups of
/// exactly three. Returns how many separators the number has, 0 if it is not such a number.
fn thousands_groups(b: &[u8], i: usize) -> usize {
    let digits_before = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let lead = i - digits_before;
    let continues_a_number =
        lead >= 2 && matches!(b[lead - 1], b',' | b'.') && b[lead - 2].is_ascii_digit();
    if digits_before == 0 || digits_before > 3 || continues_a_number {
        return 0;
    }
    let mut j = i;
    let mut groups = 0;
    while j < b.len() && b[j] == b',' {
        if b[j + 1..].iter().take_while(|c| c.is_ascii_digit()).count() != 3 {
            return 0;
        }
        groups += 1;
        j += 4;
    }
    if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
        return 0;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).text
    }

    #[test]
    fn maps_width_spaces_and_line_ends() {
        assert_eq!(norm("（一）１２３：\u{a0}a\r\nb\rc"), "(一)123: a\nb\nc");
        assert_eq!(norm("\u{feff}年\u{200b}报"), "年报");
    }

    #[test]
    fn removes_word_bookmarks_and_heading_spaces() {
        assert_eq!(norm("[bookmark: _GoBack]2017年"), "2017年");
        assert_eq!(
            norm("统\u{a0}计\u{a0}指\u{a0}标 年 度 报 告"),
            "统计指标年度报告"
        );
        assert_eq!(norm("合计 12 件"), "合计 12 件");
    }

    #[test]
    fn drops_thousands_separators_only() {
        assert_eq!(norm("共1,234条，12，345，678件"), "共1234条,12345678件");
        assert_eq!(norm("分别为15,17和3,5"), "分别为15,17和3,5");
        assert_eq!(norm("1,2345"), "1,2345");
    }

    #[test]
    fn spans_point_at_original_characters() {
        let original = "（一）\u{a0}１２件";
        let n = Normalized::new(original);
        let start = n.text.find("12").unwrap();
        let span = n.original_span(start, start + 2);
        assert_eq!(&original[span.start..span.end], "１２");
        let all = n.original_span(0, n.text.len());
        assert_eq!(&original[all.start..all.end], original);
    }
}
