//! Figures printed inside a row's label. A PDF's narrow label column wraps a long label over
//! several lines, and a copy in text order prints the row's figure among the label's lines
//! (`制发规范性文` `20` `件总数`). Where the label's own figures and the reading's disagree,
//! the reading took figures off their rows (each row the next one's), and its rows may still
//! add up: such rows are left unread.
//!
//! Figures set apart by spaces are tested in the old form only: its label is the tallest cell
//! of its row, so the row's figures stand among its lines. A 2019 or 2021 row can be taller
//! than its label (a wrapped cell in another column), and its figures can stand among the next
//! row's label lines. Fields set between tabs or `|` inside a label (a row cut by a page break)
//! are the row's in every form ([`fields_inside_labels`]).

use crate::read::verify::{RowRead, Unit};
use crate::schema::Template;
use std::ops::Range;

/// The rows that took a figure printed inside another row's label, or a number of their
/// own label's wording. (A row that left a figure inside its own label untaken is not
/// doubted: the serial column's numbers stand among a wrapped label's lines too.)
pub fn figures_inside_labels(
    t: Template,
    text: &str,
    rows: &[RowRead],
    bordered: &[&str],
) -> Vec<Unit> {
    if t != Template::T2008 {
        return Vec::new();
    }
    let labels: Vec<Option<WrappedLabel>> = rows
        .iter()
        .map(|r| WrappedLabel::of(text, r, bordered))
        .collect();
    // a figure read inside a label is that label's own cell, or its wording (`计1条`)
    let misplaced = |i: usize, figure: &Range<usize>| {
        labels.iter().enumerate().any(|(j, label)| {
            label.as_ref().is_some_and(|l| {
                l.range.start <= figure.start
                    && figure.end <= l.range.end
                    && (j != i || !l.figures.contains(figure))
            })
        })
    };
    rows.iter()
        .enumerate()
        .filter(|&(i, r)| r.values.iter().any(|v| !v.blank && misplaced(i, &v.range)))
        .map(|(_, r)| Unit::of(r.indicator, None))
        .collect()
}

/// The rows that took figures, in plain text, on both sides of a line naming another row:
/// whatever way a table was printed (row by row, labels before a column of figures, figures
/// above their labels), a row's figures stand together. A row straddling another's wording
/// took figures of two rows (pdftotext of a 2019 table 三 printing its columns in blocks:
/// 上年结转's 总计 read as a 0 past `（二）部分公开`).
pub fn figures_around_another_label(t: Template, text: &str, rows: &[RowRead]) -> Vec<Unit> {
    let read_short = |r: &RowRead| {
        crate::schema::indicator(r.indicator)
            .is_some_and(|i| r.values.len() < i.value_columns(&[]).len())
    };
    rows.iter()
        .filter(|r| read_short(r))
        .filter(|r| {
            let figures = r.values.iter().filter(|v| !v.blank).map(|v| v.range.start);
            let (Some(first), Some(last)) = (figures.clone().min(), figures.max()) else {
                return false;
            };
            let Some(between) = text.get(first..last) else {
                return false;
            };
            !crate::normalize::bordered(between)
                && between.lines().skip(1).any(|line| {
                    let at = line.as_ptr() as usize - text.as_ptr() as usize;
                    let own = r.label.start <= at && at < r.label.end;
                    !own && crate::read::layout::names_a_row(line.trim(), t)
                })
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// A label printed over several lines with its row's figures among them.
struct WrappedLabel {
    range: Range<usize>,
    figures: Vec<Range<usize>>,
}

impl WrappedLabel {
    /// None for a label that cannot hold its row's figures alone: one set between tabs or
    /// `|` (in a cell of its own, a wrapped line may follow the row's cells), or one whose
    /// range holds more figures than its row's cells and a serial (a column of figures printed
    /// between the label's lines: the figures of many rows).
    fn of(text: &str, row: &RowRead, bordered: &[&str]) -> Option<WrappedLabel> {
        if bordered.contains(&row.indicator) {
            return None;
        }
        let figures = figures_within(text, row.label.clone());
        (figures.len() <= row.values.len() + 1).then(|| WrappedLabel {
            range: row.label.clone(),
            figures,
        })
    }
}

/// The figures standing as words of their own (between spaces or line breaks) inside a
/// label's range, after its first word: `1` in `计1条` is the label's wording, `20` on a line
/// between two of its lines is a cell, and `2` before `、网上申请数` is its serial.
fn figures_within(text: &str, label: Range<usize>) -> Vec<Range<usize>> {
    let Some(span) = text.get(label.clone()) else {
        return Vec::new();
    };
    crate::read::verify::words(span)
        .skip(1)
        .filter(|(_, w)| {
            w.bytes().any(|b| b.is_ascii_digit())
                && crate::read::grid::classify(w) == crate::read::grid::CellClass::Value
        })
        .map(|(at, w)| label.start + at..label.start + at + w.len())
        .collect()
}

/// Rows whose label's range holds cells set between tabs or `|` (a row cut by a page break:
/// `(2)申请人逾期未按收费通知要求缴纳费用、` `6` `1` `` `` `0` `` `7`, then the label's last
/// line on the next page) read otherwise than those fields, empty ones as blanks: a reading
/// that took the figures in order and put the blanks after the label's last line.
pub fn fields_inside_labels(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    rows.iter()
        .filter(|r| {
            let Some(label) = text.get(r.label.clone()) else {
                return false;
            };
            let Some(tab) = label.find(['\t', '|']) else {
                return false;
            };
            let from = r.label.start + tab;
            let line_end = label[tab..].find('\n').map_or(r.label.end, |n| from + n);
            let Some(printed) = crate::read::verify::printed_cells(&text[from..line_end], from)
            else {
                return false;
            };
            let read = r.cells_read();
            printed.iter().any(Option::is_some) && printed.len() == read.len() && printed != read
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}
