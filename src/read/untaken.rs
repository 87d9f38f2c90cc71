//! Figures of a table that no row took. A PDF copy can print a column of figures apart from its
//! rows (pdftotext put rows 9 to 50 of an old-form table as labels and units, their 42 figures
//! in one run after row 50 and a few more after the signature). Read row by row, such rows show
//! no figure and look blank; the zeros a blank stands for add up, so the arithmetic passes them.
//! A blank is read only where nothing says its figure was printed elsewhere.

use crate::model::{Cell, ValueKind};
use crate::read::verify::{self, RowRead, Unit};
use crate::segment::Document;

/// The rows read blank in plain text (no tab or `|` showing an empty field) while the table
/// holds a run of figures, each alone on its line, that no cell took and that are not the 序号
/// column's numbers: their figures may be those.
pub fn blanks_beside_untaken_figures(
    doc: &Document,
    cells: &[Cell],
    rows: &[RowRead],
) -> Vec<Unit> {
    let text = doc.text();
    let windows = verify::windows(text, rows);
    let Some(start) = rows.iter().map(|r| r.label.start).min() else {
        return Vec::new();
    };
    let end = windows.iter().map(|w| w.end).max().unwrap_or(start);
    let bordered = |id: &str| {
        rows.iter().zip(&windows).any(|(r, w)| {
            r.indicator == id && text.get(w.clone()).is_some_and(|w| w.contains(['\t', '|']))
        })
    };
    let blanks: Vec<Unit> = cells
        .iter()
        .filter(|c| c.kind == ValueKind::Blank && !bordered(&c.indicator))
        .map(|c| Unit::of(&c.indicator, c.column.as_deref()))
        .collect();
    if blanks.is_empty() || !has_untaken_run(doc, cells, start..end) {
        return Vec::new();
    }
    let mut out: Vec<Unit> = Vec::new();
    for u in blanks {
        if !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// Whether two or more figures stand one after another, each alone on its line, within
/// `region`, taken by no cell and not numbering the rows (1, 2, 3…, each the next or one or
/// two past it, alone or before a label's words).
fn has_untaken_run(doc: &Document, cells: &[Cell], region: std::ops::Range<usize>) -> bool {
    const RUN: usize = 2;
    const SERIALS_PASSED: u64 = 2;
    let mut taken: Vec<usize> = cells.iter().map(|c| c.span.start).collect();
    taken.sort_unstable();
    let taken_within = |r: std::ops::Range<usize>| {
        let i = taken.partition_point(|&s| s < r.start);
        taken.get(i).is_some_and(|&s| s < r.end)
    };
    let mut next_serial = 1u64;
    let mut run = 0;
    for i in doc.line_of(region.start)..doc.lines.len() {
        let line = &doc.lines[i];
        if line.start >= region.end {
            break;
        }
        let words = doc.line_text(i).trim();
        if words.is_empty() {
            continue;
        }
        let Some(n) = leading_number(words) else {
            run = 0;
            continue;
        };
        let serial = (next_serial..=next_serial + SERIALS_PASSED).contains(&n);
        if serial {
            next_serial = n + 1;
        }
        let alone = words.len() == n.to_string().len();
        let range = line.start..line.start + doc.line_text(i).len();
        if alone && !serial && !taken_within(range) {
            run += 1;
            if run >= RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The whole number a line begins with, alone or before a space or a label's words.
fn leading_number(line: &str) -> Option<u64> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let ends_well = rest.is_empty()
        || rest.starts_with(char::is_whitespace)
        || rest.chars().next().is_some_and(crate::normalize::is_han);
    (digits > 0 && digits <= 6 && ends_well)
        .then(|| line[..digits].parse().ok())
        .flatten()
}
