//! A table found on a page: its rows' cells at their grid columns, and each cell's text as
//! printed (segments of words standing together, where they stand). `pdf.rs` finds and joins
//! tables, `columns` cuts a cell's figures at the columns they stand under.

use super::page::{line_groups, squeeze, Glyph, Page};
use crate::merged;

/// A table found on one page: its column borders, its rows' cells, its lines for the text.
pub(super) struct Found {
    pub(super) top: f64,
    pub(super) bottom: f64,
    pub(super) columns: Vec<f64>,
    /// Each row's cells with the grid column each starts at.
    pub(super) rows: Vec<Vec<Slot>>,
    /// The first row goes on from the last page (no ruling above it).
    pub(super) open_top: bool,
    /// The last row goes on to the next page (no ruling below it).
    pub(super) open_bottom: bool,
}

/// A cell of a table found, at the grid column it starts at.
pub(super) struct Slot {
    pub(super) col: usize,
    pub(super) cell: merged::Cell,
    /// The room left at the end of its text's last line (in characters of its size): little
    /// where the text was wrapped at the cell's right border, and may go on.
    pub(super) room: f64,
    /// Its text as printed: words apart by gaps, where they stand.
    pub(super) segments: Vec<Segment>,
}

/// Characters of a line standing together: no gap wider than [`SEGMENT_GAP`] characters (two
/// spaces; the cells of a narrow table without rulings may stand less than a character apart).
const SEGMENT_GAP: f64 = 0.6;

/// Characters of a line standing together (no gap wider than [`SEGMENT_GAP`] characters).
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) y: f64,
    pub(super) text: String,
    /// Where words end in a run of digits set close after them (`…已获取信息1`): the words'
    /// end, and the digits' start and text.
    pub(super) tail: Option<(f64, f64, String)>,
}

impl Segment {
    /// A figure (never an item's numbering: `2.`, `3、`).
    pub(super) fn figure(&self) -> bool {
        merged::is_number(&self.text) && !self.text.ends_with(['.', ',', '，'])
    }
}

/// The segments of some characters of a page: by line (top to bottom), each in reading order.
pub(super) fn segments(chars: &[Glyph], page: &Page) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for line in line_groups(chars) {
        let mut end: Option<f64> = None;
        let mut run: Vec<&Glyph> = Vec::new();
        for g in line {
            if end.is_some_and(|e| g.x - e > SEGMENT_GAP * g.size) {
                out.extend(segment(&std::mem::take(&mut run)));
            }
            run.push(g);
            end = Some(g.x + g.width);
        }
        out.extend(segment(&run));
    }
    // a cell cut by a page break reads on below its part on the last page
    for s in &mut out {
        s.y += PAGE_OFFSET * page.number as f64;
    }
    out
}

/// Baselines of a page's segments are this far (points) below the last page's.
const PAGE_OFFSET: f64 = 10_000.0;

fn segment(run: &[&Glyph]) -> Option<Segment> {
    let text_of = |run: &[&Glyph]| {
        let mut s = String::new();
        let mut end: Option<f64> = None;
        for g in run {
            if end.is_some_and(|e| g.x - e > g.size / 3.0) {
                s.push(' ');
            }
            s.push_str(&g.text);
            end = Some(g.x + g.width);
        }
        squeeze(&s)
    };
    let text = text_of(run);
    if text.is_empty() {
        return None;
    }
    let digit = |g: &&&Glyph| g.text.chars().all(|c| c.is_ascii_digit() || c == '.');
    let digits = run.iter().rev().take_while(digit).count();
    let tail = (digits > 0 && digits < run.len()).then(|| {
        let (head, tail) = run.split_at(run.len() - digits);
        let head_end = head
            .iter()
            .map(|g| g.x + g.width)
            .fold(f64::NEG_INFINITY, f64::max);
        (head_end, tail[0].x, text_of(tail))
    });
    Some(Segment {
        x0: run.iter().map(|g| g.x).fold(f64::INFINITY, f64::min),
        x1: run
            .iter()
            .map(|g| g.x + g.width)
            .fold(f64::NEG_INFINITY, f64::max),
        y: run[0].y,
        text,
        tail,
    })
}
