//! Position conversions at the boundary: bytes (core) to UTF-16 units (browser, JSON)
//! and to 1-based line:column in characters (CLI).

/// Byte offset → UTF-16 offset, in O(log n) per query after one O(n) pass.
pub struct Utf16Index {
    /// For every non-ASCII character: (byte start, byte length, utf16 start, utf16 length).
    wide: Vec<(usize, usize, usize, usize)>,
    len: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut wide = Vec::new();
        let mut u = 0;
        for (b, ch) in text.char_indices() {
            if !ch.is_ascii() {
                wide.push((b, ch.len_utf8(), u, ch.len_utf16()));
            }
            u += ch.len_utf16();
        }
        Utf16Index {
            wide,
            len: text.len(),
        }
    }

    /// UTF-16 offset of byte offset `b`; a `b` inside a character snaps to its start.
    pub fn offset(&self, b: usize) -> usize {
        let b = b.min(self.len);
        let i = self.wide.partition_point(|&(start, ..)| start <= b);
        if i == 0 {
            return b; // only ASCII before b: one byte is one unit
        }
        let (start, blen, u, ulen) = self.wide[i - 1];
        if b < start + blen {
            u
        } else {
            u + ulen + (b - start - blen)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, for people.
pub fn line_col(text: &str, b: usize) -> (usize, usize) {
    let b = floor_char_boundary(text, b.min(text.len()));
    let before = &text[..b];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..b].chars().count() + 1)
}

/// The source line (without its newline) holding byte offset `b`.
pub fn line_at(text: &str, b: usize) -> &str {
    let b = floor_char_boundary(text, b.min(text.len()));
    let start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let end = text[b..].find('\n').map_or(text.len(), |i| b + i);
    text[start..end].trim_end_matches('\r')
}

/// The whole number just before `at` (spaces between), when it stands apart from the text
/// before it.
pub fn number_before(text: &str, at: usize) -> Option<u64> {
    let before = text.get(..at)?.trim_end();
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = before.len() - digits;
    let apart = before[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    (digits > 0 && apart)
        .then(|| before[start..].parse().ok())
        .flatten()
}

/// Items (each given as its place in the text and its index) in the order of their places,
/// ties by index: what a stable `sort_by_key` on a list of indices gives, by one sort that all
/// callers share (each `sort_by_key` with a closure of its own is a sort of its own in the
/// browser's wasm).
pub fn by_place(keyed: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut keyed: Vec<(usize, usize)> = keyed.collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// `items` ordered by their places, stably, by [`by_place`]'s shared sort.
pub fn sort_by_place<T: Clone>(items: &mut Vec<T>, place: impl Fn(&T) -> usize) {
    let order = by_place(items.iter().enumerate().map(|(i, x)| (place(x), i)));
    *items = order.into_iter().map(|i| items[i].clone()).collect();
}

pub fn floor_char_boundary(text: &str, mut b: usize) -> usize {
    b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, b: usize) -> usize {
        text[..floor_char_boundary(text, b)].encode_utf16().count()
    }

    #[test]
    fn utf16_offsets_match_a_direct_count() {
        let text = "ab年报😀c\u{a0}d表";
        let idx = Utf16Index::new(text);
        for b in 0..=text.len() {
            assert_eq!(idx.offset(b), reference(text, b), "byte {b}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "第一行\n二、表\t3";
        let b = text.find('3').unwrap();
        assert_eq!(line_col(text, b), (2, 5));
        assert_eq!(line_at(text, b), "二、表\t3");
    }
}
