//! Figures borrowed from the next row. Where a table prints each row's figures right after its
//! label (one cell a line, say), a row left with a blank cell shows one figure fewer, and
//! nothing tells which cell is blank. A reading by count makes up the row from the figures
//! after the next row's label, and that row in turn takes whatever follows it (a heading's
//! `无`). Both rows are left unread.

use crate::read::grid::{classify, CellClass};
use crate::read::verify::{self, RowRead, Unit};
use std::ops::Range;

/// The rows that took the first figure of a later row's window, where that figure stands right
/// after the label (a unit at most between) and the window's run of figures is no longer than
/// its row's cells and one (a row printed in place with, say, a serial or a heading's `无`; not
/// a column block of many rows' figures); and the rows whose window was so taken from. (A
/// table that prints every row's figures above its label reads each row from an earlier
/// window, and is not doubted.) `windows`: the rows' [`verify::windows`].
pub fn figures_borrowed_from_the_next_row(
    text: &str,
    rows: &[RowRead],
    windows: &[Range<usize>],
) -> Vec<Unit> {
    // asked only of the windows some other row took figures from (few or none): counting the
    // figures of every window was most of this doubt's time
    let row_sized = |j: usize| {
        let figures = figures_in(text, windows[j].clone());
        figures > 0 && figures <= cells_of(&rows[j]) + 1
    };
    let window_of = |at: usize| windows.iter().position(|w| w.contains(&at));
    // where each row took figures: per window, the first figure's offset
    let firsts: Vec<Vec<(usize, usize)>> = rows
        .iter()
        .map(|r| {
            let mut out: Vec<(usize, usize)> = Vec::new();
            for v in r.values.iter().filter(|v| !v.blank) {
                let Some(w) = window_of(v.range.start) else {
                    continue;
                };
                match out.iter_mut().find(|(x, _)| *x == w) {
                    Some((_, first)) => *first = (*first).min(v.range.start),
                    None => out.push((w, v.range.start)),
                }
            }
            out
        })
        .collect();
    let mut out: Vec<Unit> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        for &(j, borrowed) in firsts[i].iter().filter(|(j, _)| *j != i) {
            // a later row's window, read from its start: that row's figures in place
            let later = windows[j].start > windows[i].start;
            // the figure printed first in that window, right after its label
            let leading = || first_figure(text, windows[j].clone());
            if later && row_sized(j) && leading() == Some(borrowed) {
                for id in [r.indicator, rows[j].indicator] {
                    let unit = Unit::of(id, None);
                    if !out.contains(&unit) {
                        out.push(unit);
                    }
                }
            }
        }
    }
    out
}

/// Where the first figure of a window stands, when only a unit stands before it (a figure
/// in place after its label; not one after a heading or the label's own last words).
fn first_figure(text: &str, window: Range<usize>) -> Option<usize> {
    let w = text.get(window.clone())?;
    verify::words(w)
        .find(|(_, word)| classify(word) != CellClass::Unit)
        .filter(|(_, word)| classify(word) == CellClass::Value)
        .map(|(at, _)| window.start + at)
}

/// How many figures (`0`, `12`, `无`) a window prints in one run after its label, units
/// aside, up to the first other word.
fn figures_in(text: &str, window: Range<usize>) -> usize {
    text.get(window).map_or(0, |w| {
        verify::words(w)
            .map(|(_, word)| classify(word))
            .filter(|class| *class != CellClass::Unit)
            .take_while(|class| *class == CellClass::Value)
            .count()
    })
}

/// How many cells a row has: the template's columns (a row read short has them all the same).
fn cells_of(r: &RowRead) -> usize {
    let columns = crate::schema::indicator(r.indicator).map_or(0, |i| i.columns.names().len());
    columns.max(r.values.len())
}
