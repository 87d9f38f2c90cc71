//! The page model: the characters and rulings of a page as the PDF draws them, in points from
//! its top left, and the geometry every stage reads them by (lines by baseline, rulings that
//! touch, positions within [`NEAR`] as one). The pipeline in `pdf.rs` and its stages
//! (`furniture`, `columns`) share it; it names none of them.

/// A character at its baseline, in points from the page's top left.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    /// Its place in the page's content stream: the order it was written in.
    pub(super) seq: usize,
    /// The string shown with it (one Tj, or one string of a TJ array): placed by the
    /// producer's position, while the characters after its first are placed by pdf-extract
    /// from the font's widths.
    pub(super) run: usize,
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) width: f64,
    pub(super) size: f64,
    pub(super) text: String,
}

/// An axis-parallel ruling: `at` across, from `from` to `to` along.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub(super) at: f64,
    pub(super) from: f64,
    pub(super) to: f64,
}

/// A page's characters and rulings.
#[derive(Default)]
pub(super) struct Page {
    /// Its place in the document, from 0.
    pub(super) number: usize,
    pub(super) height: f64,
    pub(super) chars: Vec<Glyph>,
    pub(super) across: Vec<Rule>, // horizontal: at = y
    pub(super) down: Vec<Rule>,   // vertical: at = x
}

/// Positions closer than this (points) are one line or one border.
pub(super) const NEAR: f64 = 2.0;

/// Positions within [`NEAR`] of each other as one, sorted.
pub(super) fn distinct(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        if out.last().is_none_or(|l| x - l > NEAR) {
            out.push(x);
        }
    }
    out
}

pub(super) fn squeeze(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rulings that touch one another, grouped (each group one table).
pub(super) fn groups(page: &Page) -> Vec<(Vec<Rule>, Vec<Rule>)> {
    // (is_across, rule); a union of overlapping boxes, which is small for a report's pages
    let all: Vec<(bool, Rule)> = page
        .across
        .iter()
        .map(|r| (true, *r))
        .chain(page.down.iter().map(|r| (false, *r)))
        .collect();
    let bbox = |(across, r): &(bool, Rule)| {
        if *across {
            (r.from, r.at, r.to, r.at)
        } else {
            (r.at, r.from, r.at, r.to)
        }
    };
    let mut group: Vec<usize> = (0..all.len()).collect();
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            let (a, b) = (bbox(&all[i]), bbox(&all[j]));
            let touch =
                a.0 <= b.2 + NEAR && b.0 <= a.2 + NEAR && a.1 <= b.3 + NEAR && b.1 <= a.3 + NEAR;
            if touch {
                let (ri, rj) = (root(&mut group, i), root(&mut group, j));
                group[ri] = rj;
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for (i, (across, r)) in all.iter().enumerate() {
        let g = by_root.entry(root(&mut group, i)).or_default();
        if *across {
            g.0.push(*r);
        } else {
            g.1.push(*r);
        }
    }
    by_root.into_values().collect()
}

/// A line of characters: its baseline, left and right ends, size and text.
pub(super) struct Placed {
    pub(super) y: f64,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) size: f64,
    pub(super) text: String,
    /// Its characters' places in the content stream ([`Glyph::seq`]).
    pub(super) seqs: Vec<usize>,
    /// Words set apart by gaps wider than [`CELL_GAP`] characters: cells of a table printed
    /// without rulings, never a paragraph's line.
    pub(super) spread: bool,
}

/// A gap between two characters of a line this wide (in characters) parts cells, not words.
const CELL_GAP: f64 = 1.5;

/// A line's characters in reading order: the strings shown (one Tj, or one string of a TJ
/// array) by where each starts, each string's characters in the order written. Positions after a
/// string's first character are computed from the font's widths, which pdf-extract gets wrong
/// for some fonts (digits of 2015 placed after the 年 that follows them), while each string
/// starts where the producer put it (LibreOffice writes a line's runs of another font apart,
/// the quote of 及“三 before the Chinese around it).
fn reading_order(line: &mut Vec<&Glyph>) {
    line.sort_by_key(|g| g.seq);
    let mut runs: Vec<&[&Glyph]> = line.chunk_by(|a, b| a.run == b.run).collect();
    if runs.len() < 2 {
        return;
    }
    runs.sort_by(|a, b| a[0].x.total_cmp(&b[0].x));
    *line = runs.concat();
}

/// Characters grouped in lines by baseline (top to bottom), each in reading order.
pub(super) fn line_groups(chars: &[Glyph]) -> Vec<Vec<&Glyph>> {
    let mut sorted: Vec<&Glyph> = chars.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match groups.last_mut() {
            Some(line) if (g.y - line[0].y).abs() <= (g.size * 0.4).max(1.0) => line.push(g),
            _ => groups.push(vec![g]),
        }
    }
    for line in &mut groups {
        reading_order(line);
    }
    groups
}

pub(super) fn placed_lines(chars: &[Glyph]) -> Vec<Placed> {
    line_groups(chars)
        .into_iter()
        .map(|line| {
            let mut s = String::new();
            let mut end: Option<f64> = None;
            let mut spread = false;
            for g in &line {
                if end.is_some_and(|e| g.x - e > g.size / 3.0) {
                    s.push(' ');
                }
                spread |= end.is_some_and(|e| g.x - e > CELL_GAP * g.size);
                s.push_str(&g.text);
                end = Some(g.x + g.width);
            }
            Placed {
                y: line[0].y,
                x0: line.iter().map(|g| g.x).fold(f64::INFINITY, f64::min),
                x1: line
                    .iter()
                    .map(|g| g.x + g.width)
                    .fold(f64::NEG_INFINITY, f64::max),
                size: line.iter().map(|g| g.size).fold(0.0, f64::max),
                text: s.trim().to_string(),
                seqs: line.iter().map(|g| g.seq).collect(),
                spread,
            }
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}
