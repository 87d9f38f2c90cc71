//! Page furniture: running heads, footers and page numbers, recognized by where they stand and
//! dropped before the page is read, so that none of them becomes a line of the text, a figure
//! or part of a cell (`- 3 -` under a row cut by the page's end read as `0-3`).
//!
//! A line is furniture only if it stands in the page's top or bottom band, outside every ruled
//! table, with nothing but furniture between it and the page's edge, and one of:
//! * it reads as a page number with its decoration: `- 1 -`, `— 1 —`, `第 1 页`,
//!   `第 1 页 共 6 页`, `1/6`, `Page 1 of 6`;
//! * the same line (digits aside) stands at the same height on another page: a running head or
//!   footer;
//! * it is a bare number, another page has one at the same height, and the numbers go up with
//!   the pages (`3` on the third page, `4` on the fourth): a page number without decoration.
//!
//! A bare number is never dropped on its own page's word: a single page's lone number, or one
//! that does not count the pages, stays in the text.

use super::page::{distinct, groups, placed_lines, Page, Placed, NEAR};

/// The bands where furniture stands: this share of the page's height from its top and bottom.
const BAND: f64 = 0.15;
/// At most this many lines from each edge are looked at (a running head may wrap once, and a
/// footer may stand over the page number).
const DEPTH: usize = 3;
/// Lines of two pages at heights this close (points) stand at the same height.
const SAME_Y: f64 = 2.0;

/// A line in a page's top or bottom band.
struct Candidate {
    page: usize,
    top: bool,
    y: f64,
    /// Its text without spaces, digits replaced by `#`.
    key: String,
    number: Option<Number>,
    /// How many of its words are numbers (a row of figures is no running head).
    figures: usize,
    /// Space between it and the next line towards the body (points), in its size.
    gap: f64,
    seqs: Vec<usize>,
}

#[derive(Debug, PartialEq)]
enum Number {
    /// A page number with its decoration, read as such wherever it is alone in the band.
    Decorated,
    /// A bare number: a page number only if the other pages agree.
    Bare(u32),
}

pub(super) fn drop(pages: &mut [Page]) {
    let mut found: Vec<Candidate> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let lines = placed_lines(&page.chars);
        let boxes = ruled_boxes(page);
        let outside = |l: &Placed| {
            !boxes.iter().any(|b| {
                l.y >= b.1 - NEAR && l.y - l.size <= b.3 + NEAR && l.x1 >= b.0 && l.x0 <= b.2
            })
        };
        let band = BAND * page.height;
        let mut take = |order: &mut dyn Iterator<Item = usize>, top: bool| {
            let mut order = order.peekable();
            let mut n = 0;
            while let Some(i) = order.next() {
                let l = &lines[i];
                let in_band = if top {
                    l.y < band
                } else {
                    l.y > page.height - band
                };
                if n == DEPTH || !in_band || !outside(l) {
                    break;
                }
                let gap = order
                    .peek()
                    .map(|&j| (lines[j].y - l.y).abs() / l.size.max(1.0))
                    .unwrap_or(f64::INFINITY);
                found.push(Candidate {
                    page: p,
                    top,
                    y: l.y,
                    key: key(&l.text),
                    number: page_number(&l.text),
                    figures: l
                        .text
                        .split_whitespace()
                        .filter(|w| crate::merged::is_number(w))
                        .count(),
                    gap,
                    seqs: l.seqs.clone(),
                });
                n += 1;
            }
        };
        take(&mut (0..lines.len()), true);
        take(&mut (0..lines.len()).rev(), false);
    }
    let same_place = |a: &Candidate, b: &Candidate| {
        a.page != b.page && a.top == b.top && (a.y - b.y).abs() <= SAME_Y
    };
    let mut drop: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for c in &found {
        let furniture = match c.number {
            Some(Number::Decorated) => true,
            // the numbers of the pages, standing apart from the body
            Some(Number::Bare(n)) => {
                c.gap >= 1.5
                    && found.iter().any(|o| {
                        same_place(c, o)
                            && o.gap >= 1.5
                            && matches!(o.number, Some(Number::Bare(m))
                                if m as i64 - o.page as i64 == n as i64 - c.page as i64)
                    })
            }
            // a running head or footer: words repeated at the same height
            None => {
                c.key.chars().any(char::is_alphabetic)
                    && c.figures < 3
                    && found.iter().any(|o| same_place(c, o) && o.key == c.key)
            }
        };
        if furniture {
            drop[c.page].extend(&c.seqs);
        }
    }
    for (page, mut seqs) in pages.iter_mut().zip(drop) {
        if seqs.is_empty() {
            continue;
        }
        seqs.sort_unstable();
        page.chars.retain(|g| seqs.binary_search(&g.seq).is_err());
    }
}

/// The boxes (x0, y0, x1, y1) of the page's ruled tables: rulings that touch, with at least two
/// vertical ones (a lone line under a running head encloses nothing).
fn ruled_boxes(page: &Page) -> Vec<(f64, f64, f64, f64)> {
    groups(page)
        .into_iter()
        .filter(|(_, down)| distinct(down.iter().map(|r| r.at).collect()).len() >= 2)
        .map(|(across, down)| {
            let mut b = (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            );
            for r in &across {
                b = (b.0.min(r.from), b.1.min(r.at), b.2.max(r.to), b.3.max(r.at));
            }
            for r in &down {
                b = (b.0.min(r.at), b.1.min(r.from), b.2.max(r.at), b.3.max(r.to));
            }
            b
        })
        .collect()
}

/// Full-width digits and letters as ASCII, spaces out.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '／' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// A line's text for comparing across pages: spaces out, each run of digits one `#`.
fn key(text: &str) -> String {
    let mut out = String::new();
    for c in plain(text).chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a line reads as a page number, and which kind.
fn page_number(text: &str) -> Option<Number> {
    let t = plain(text);
    let digits = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(n) = digits(&t) {
        // one number: `95 0 0` is a row of figures
        return (text.split_whitespace().count() == 1).then_some(Number::Bare(n));
    }
    // - 1 -, — 1 —, －1－, ·1·
    const DASH: &[char] = &['-', '－', '—', '–', '−', '‒', '―', '─', '·', '•', '~', '～'];
    let inner = t.trim_start_matches(DASH);
    if inner.len() < t.len() {
        let core = inner.trim_end_matches(DASH);
        if core.len() < inner.len() && digits(core).is_some() {
            return Some(Number::Decorated);
        }
    }
    // 第1页, 第1页共6页, 第1页/共6页, 共6页第1页
    let counted = |s: &str, head: char| -> Option<String> {
        let s = s.strip_prefix(head)?;
        let (d, rest) = s.split_once('页')?;
        digits(d)?;
        Some(
            rest.trim_start_matches([',', '，', '/', '、', '|'])
                .to_string(),
        )
    };
    let pages = |s: &str| match counted(s, '第') {
        Some(rest) => rest.is_empty() || counted(&rest, '共').is_some_and(|r| r.is_empty()),
        None => counted(s, '共')
            .and_then(|rest| counted(&rest, '第'))
            .is_some_and(|r| r.is_empty()),
    };
    if pages(&t) {
        return Some(Number::Decorated);
    }
    // 1/6 (the page within the count)
    if let Some((a, b)) = t.split_once('/') {
        if let (Some(a), Some(b)) = (digits(a), digits(b)) {
            if 0 < a && a <= b {
                return Some(Number::Decorated);
            }
        }
    }
    // Page 1, Page 1 of 6
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let (a, b) = rest.split_once("of").unwrap_or((rest, "1"));
        if digits(a).is_some() && digits(b).is_some() {
            return Some(Number::Decorated);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_as_offices_print_them() {
        for t in [
            "- 1 -",
            "-1-",
            "— 12 —",
            "－ ３ －",
            "第 1 页",
            "第1页 共6页",
            "第 2 页，共 6 页",
            "第2页/共6页",
            "共6页 第2页",
            "1/6",
            "1 / 6",
            "Page 3",
            "Page 3 of 6",
        ] {
            assert_eq!(page_number(t), Some(Number::Decorated), "{t}");
        }
        assert_eq!(page_number(" 7 "), Some(Number::Bare(7)));
        for t in [
            "95 0 0",
            "-5",
            "第二十条第（一）项",
            "2/1",
            "1/6 件",
            "第1页说明",
            "0-3",
            "3-",
            "2024年",
            "12345",
            "",
        ] {
            assert_eq!(page_number(t), None, "{t}");
        }
    }

    #[test]
    fn a_running_head_is_compared_without_its_digits() {
        assert_eq!(key("某区 2024 年报 第 3 页"), key("某区2024年报第12页"));
        assert_ne!(key("某区2024年报"), key("某县2024年报"));
    }
}
