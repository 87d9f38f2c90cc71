//! Verification of a reading by the template's arithmetic: a report's own mistake breaks its
//! relations the way one wrong cell does (its row total and its column, or one total); a
//! misreading — figures under the wrong column or row — breaks them in many places at once.
//! Where a table's failures need more than one mistake, the rows they point at are not
//! trusted: they are left unread (and reported so), never shown as read nor built upon.
//!
//! Besides the relations the rules report (sums, row totals, the 勾稽关系), a reading must keep
//! to the bounds no report breaks: a part never above its whole, a year's figure never above
//! its 历年累计.

use crate::arith::{self, Constraint, Figure, Figures};
use crate::model::{Cell, ValueKind};
use crate::scan::digits_word;
use crate::schema::{self, Columns, Relation, Template};
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// The part of a row the arithmetic can blame: the whole row, or one group of table 四's
/// columns (`行政复议-…`), which add up on their own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unit {
    pub indicator: String,
    /// The column group (`行政复议`), empty for the whole row.
    pub group: String,
}

impl Unit {
    /// The unit holding a cell: its column group, or the whole row (`column` None).
    pub fn of(indicator: &str, column: Option<&str>) -> Unit {
        Unit {
            indicator: indicator.to_string(),
            group: group_of(column).to_string(),
        }
    }

    /// Whether this is the unit of (indicator, group).
    fn is(&self, (indicator, group): (&str, &str)) -> bool {
        self.indicator == indicator && self.group == group
    }

    pub fn holds(&self, cell: &Cell) -> bool {
        cell.indicator == self.indicator
            && (self.group.is_empty()
                || cell
                    .column
                    .as_deref()
                    .is_some_and(|c| c.split_once('-').is_some_and(|(g, _)| g == self.group)))
    }
}

/// The column group of a column (`行政复议` of `行政复议-维持`), empty for none.
fn group_of(column: Option<&str>) -> &str {
    column
        .and_then(|c| c.split_once('-'))
        .map_or("", |(g, _)| g)
}

/// A row as read: its indicator, where its label stands and where each of its cells was read
/// (normalized byte ranges; a blank cell's range is its separator's, or empty).
pub struct RowRead<'a> {
    pub indicator: &'a str,
    pub label: Range<usize>,
    pub values: Vec<ValueRead>,
}

impl RowRead<'_> {
    /// Where each cell's figure was read, `None` for a cell read blank: what a printed row's
    /// cells are compared with.
    pub fn cells_read(&self) -> Vec<Option<Range<usize>>> {
        self.values
            .iter()
            .map(|v| (!v.blank).then(|| v.range.clone()))
            .collect()
    }
}

/// Where a cell was read, and whether it was read blank.
pub struct ValueRead {
    pub range: Range<usize>,
    pub blank: bool,
}

/// The rows the text leaves one reading: the figures right after the label, before the next
/// row's label, are exactly the cells read, in order, with nothing else between them but
/// cell borders, a unit and blank fields. A failure among such rows alone is the report's
/// own, however many there are; the other rows are read by a printing model, and a misread
/// shows as failures no single mistake explains.
pub fn certain_rows<'a>(text: &str, rows: &[RowRead<'a>]) -> Vec<&'a str> {
    rows.iter()
        .zip(windows(text, rows))
        .filter(|(r, w)| read_in_place(text, r, w.end))
        .map(|(r, _)| r.indicator)
        .collect()
}

/// Where each row's cells are printed, row by row: from the end of its label to the start of
/// the next label (or the text's end).
pub fn windows(text: &str, rows: &[RowRead]) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = rows.iter().map(|r| r.label.start).collect();
    starts.sort_unstable();
    rows.iter()
        .map(|r| {
            let next = starts
                .iter()
                .copied()
                .find(|&s| s >= r.label.end)
                .unwrap_or(text.len());
            r.label.end..next
        })
        .collect()
}

/// The rows whose window (`windows`' of them) sets their cells between tabs or `|`: there a
/// blank cell shows as an empty field.
pub fn bordered_rows<'a>(
    text: &str,
    rows: &[RowRead<'a>],
    windows: &[Range<usize>],
) -> Vec<&'a str> {
    rows.iter()
        .zip(windows)
        .filter(|(_, w)| {
            text.get((*w).clone())
                .is_some_and(crate::normalize::bordered)
        })
        .map(|(r, _)| r.indicator)
        .collect()
}

fn read_in_place(text: &str, r: &RowRead, next: usize) -> bool {
    let from = r.label.end;
    if r.values.is_empty() || next <= from || next > text.len() {
        return false;
    }
    let Some(mut printed) = printed_cells(&text[from..next], from) else {
        return false;
    };
    // empty fields after a row's last figure are its line's end, not cells
    while printed.len() > r.values.len() && printed.last() == Some(&None) {
        printed.pop();
    }
    printed == r.cells_read()
}

/// Rows whose label's line holds a figure for each of their cells, right after the label, while
/// the reading took other figures (`1.信访举报投诉类申请 6 3 0 0 0 0 9` read as the next line's
/// `10 2 0 0 0 0 12`, both adding up): the text's own reading of the row and the reading
/// disagree, and the row is not trusted.
pub fn read_off_their_line(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    rows.iter()
        .zip(windows(text, rows))
        .filter(|(r, w)| {
            let Some(printed) = text.get(w.clone()).and_then(|t| printed_cells(t, w.start)) else {
                return false;
            };
            let read = r.cells_read();
            printed.len() == read.len() && printed.iter().all(Option::is_some) && printed != read
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// Whether a text's one-figure rows had their figures printed by pdftotext a little above
/// their labels where they were not on the label's line (`(1)属于已主动公开范围数 25` `52`
/// `(2)同意公开答复数` `15` `(3)同意部分公开答复数`): a row with its figure on its label's line
/// and another figure alone on a line before the next label shows it, twice at least (that
/// figure can only be the next row's). Tables numbering their rows (`序号`) print serials alone
/// on lines and show nothing. Worked out on either reading's rows: it is the text's, and both
/// readings are judged by it.
pub fn figures_stand_above(text: &str, rows: &[RowRead]) -> bool {
    if text.contains("序号") {
        return false;
    }
    let one = one_figure_rows(rows);
    // the figures alone on a line before the next label where the row's own is on its line;
    // serials alone on their lines (a 序号 column, dozens of rows) only ever go up
    let (mut shown, mut rising, mut last) = (0, true, f64::NEG_INFINITY);
    for pair in one.windows(2) {
        let (label_end, next) = (pair[0].label.end, pair[1].label.start);
        if label_end > next {
            continue;
        }
        let end = line_end(text, label_end).min(next);
        if !text[label_end..end].split_whitespace().any(digits_word) {
            continue;
        }
        // whole lines between: a serial stands on the next label's line (`31 (二)申请办结数`)
        let next_line = text[..next].rfind('\n').map_or(0, |i| i + 1).max(end);
        let alone = text[end..next_line].split('\n').find(|l| figure_alone(l));
        if let Some(figure) = alone.and_then(|l| crate::scan::decimal(l.trim())) {
            shown += 1;
            rising &= figure > last;
            last = figure;
        }
    }
    shown >= 2 && !(rising && shown >= 3)
}

/// Where [figures stand above](figures_stand_above) their labels, one-figure rows that read a
/// figure alone on a line after their label: it is as likely the next row's as their own.
pub fn read_below_where_figures_stand_above(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    one_figure_rows(rows)
        .into_iter()
        .filter(|r| {
            r.cells_read().into_iter().flatten().any(|c| {
                let line_start = text[..c.start].rfind('\n').map_or(0, |i| i + 1);
                line_start > r.label.end && figure_alone(&text[line_start..line_end(text, c.start)])
            })
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// The rows of one figure (the national form's), in the text's order.
fn one_figure_rows<'a, 'b>(rows: &'b [RowRead<'a>]) -> Vec<&'b RowRead<'a>> {
    let one = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| crate::schema::one_value_column(r.indicator))
        .map(|(i, r)| (r.label.start, i));
    crate::source::by_place(one)
        .into_iter()
        .map(|i| &rows[i])
        .collect()
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

fn figure_alone(line: &str) -> bool {
    digits_word(line.trim())
}

/// Rows whose label's line, set out by spaces (`pdftotext -layout`), holds fewer figures than
/// the row has cells with one gap between them wider than the others — the place of a cell the
/// report left blank (`3.危及“三安全一稳定”    0    0    0         0    0   0`) — while the
/// reading took a figure off that line to fill the row: the blank went elsewhere and a figure
/// of another row came in.
/// `windows` are the rows' [`windows`], worked out once for the verification's pass.
pub fn filled_past_a_gap(text: &str, rows: &[RowRead], windows: &[Range<usize>]) -> Vec<Unit> {
    rows.iter()
        .zip(windows)
        .filter(|(r, w)| {
            let end = w.end.max(r.label.end);
            let line_end = text[r.label.end..end]
                .find('\n')
                .map_or(end, |n| r.label.end + n);
            let line = &text[r.label.end..line_end];
            if line.contains(['\t', '|']) {
                return false;
            }
            let on_line: Vec<Range<usize>> = words(line)
                .filter(|(_, w)| {
                    crate::read::grid::classify(w) == crate::read::grid::CellClass::Value
                })
                .map(|(at, w)| r.label.end + at..r.label.end + at + w.len())
                .collect();
            let taken_off = r
                .values
                .iter()
                .any(|v| !v.blank && v.range.start >= line_end);
            on_line.len() >= 2
                && on_line.len() < r.values.len()
                && taken_off
                && has_a_wide_gap(&on_line)
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// Rows that took, in plain text, a figure printed past a page break after their label:
/// pdftotext prints the rows around a page break out of order (`(1)参加或举办新闻发布会总次数`
/// `\f次` `1`, the 1 another row's, the row's own figure elsewhere), and nothing tells which
/// figure is whose. (Between tabs or `|`, a row cut by a page break keeps its fields in order.)
pub fn read_past_a_page_break(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    rows.iter()
        .filter(|r| {
            schema::one_value_column(r.indicator)
                && r.values.iter().filter(|v| !v.blank).any(|v| {
                    text.get(r.label.end..v.range.start).is_some_and(|between| {
                        between.contains('\u{c}') && !crate::normalize::bordered(between)
                    })
                })
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// Rows of table 二 whose figures end a page in plain text: pdftotext gives a page's last row's
/// figures in the order they were drawn, not their columns' (`行政处罚` `2` `3` `24` `\f` for
/// `2 24 3`, three fresh seeds alike), and table 二 has no sum to tell. Between tabs or `|` a
/// row keeps its fields in order, and `-layout` sets them on the row's line by x.
pub fn last_on_a_page_unordered(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    rows.iter()
        .filter(|r| {
            schema::indicator(r.indicator).is_some_and(|i| schema::national_table(i) == "表二")
        })
        .filter(|r| {
            let figures: Vec<&ValueRead> = r.values.iter().filter(|v| !v.blank).collect();
            let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
                return false;
            };
            let after = text[last.range.end..].trim_start_matches([' ', '\n', '\r']);
            // each on a line of its own: `-layout` sets a row's figures on one line, by x
            let alone = |v: &&ValueRead| {
                crate::source::line_at(text, v.range.start).trim() == &text[v.range.clone()]
            };
            figures.len() >= 2
                && figures.iter().all(alone)
                && after.starts_with('\u{c}')
                && !crate::normalize::bordered(
                    &text[r.label.start..first.range.start.max(r.label.start)],
                )
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// Whether one gap between figures on a line is at least twice the narrowest and three
/// characters wider.
fn has_a_wide_gap(figures: &[Range<usize>]) -> bool {
    let gaps: Vec<usize> = figures.windows(2).map(|p| p[1].start - p[0].end).collect();
    let narrowest = gaps.iter().copied().min().unwrap_or(0);
    gaps.iter()
        .any(|&g| g >= 2 * narrowest && g >= narrowest + 3)
}

/// The cells printed between a row's label and the next row's: each figure's range, or `None`
/// for an empty field between two cell borders (tabs, `|`); `None` at all when anything else
/// stands between the figures (words, another row's label). A unit cell before the figures
/// is the row's own.
pub(crate) fn printed_cells(window: &str, from: usize) -> Option<Vec<Option<Range<usize>>>> {
    let fields = crate::normalize::bordered(window);
    let mut out: Vec<Option<Range<usize>>> = Vec::new();
    let mut words_after = false;
    let pieces: Vec<(usize, &str)> = if fields {
        // the first piece is the rest of the label's own cell
        split_fields(window).into_iter().skip(1).collect()
    } else {
        // without cell borders only a row printed on its label's line shows its cells: one
        // cell per line, a label may stand before another row's figures
        let line = window.find('\n').unwrap_or(window.len());
        words(&window[..line]).collect()
    };
    for (start, piece) in pieces {
        // a line's end after a field's figure ends the row's fields: what follows is the next
        // row's (a group label on a line of its own before the next row's label: `26` `（三）`
        // `不予公开`); a field's own lines around it (a cell a paragraph) are the field's
        let (piece, row_ends) = match piece.find('\n') {
            Some(nl) if fields && !piece[..nl].trim().is_empty() => (&piece[..nl], true),
            _ => (piece, false),
        };
        let word = piece.trim();
        let at = from + start + (piece.len() - piece.trim_start().len());
        match crate::read::grid::classify(word) {
            _ if word.is_empty() && !words_after => out.push(None),
            _ if word.is_empty() || words_after => {}
            crate::read::grid::CellClass::Value if !word.contains(char::is_whitespace) => {
                out.push(Some(at..at + word.len()))
            }
            crate::read::grid::CellClass::Unit if out.is_empty() => {}
            _ if out.iter().all(Option::is_none) => return None,
            _ => words_after = true,
        }
        if row_ends {
            break;
        }
    }
    Some(out)
}

/// A window's fields between tabs and `|`, with their offsets.
fn split_fields(window: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in window.split(['\t', '|']) {
        out.push((at, piece));
        at += piece.len() + 1;
    }
    out
}

/// Rows holding a figure that another row holds too: one printed figure is one cell, so at
/// least one of the two readings took what was not its own, and neither is trusted.
pub fn read_twice(cells: &[Cell]) -> Vec<Unit> {
    let mut printed: Vec<(crate::model::Span, usize)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.raw.is_empty())
        .map(|(i, c)| (c.span, i))
        .collect();
    printed.sort_unstable();
    let mut out: Vec<Unit> = Vec::new();
    for pair in printed.windows(2) {
        let (a, b) = (&cells[pair[0].1], &cells[pair[1].1]);
        if pair[0].0 == pair[1].0 && (a.indicator != b.indicator || a.column != b.column) {
            for c in [a, b] {
                let u = Unit::of(&c.indicator, c.column.as_deref());
                if !out.contains(&u) {
                    out.push(u);
                }
            }
        }
    }
    out
}

/// The words of a text (between white space and `|`) with their byte offsets.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let border = |c: char| c.is_whitespace() || c == '|';
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + rest.find(|c: char| !border(c))?;
        let len = text[start..].find(border).unwrap_or(text.len() - start);
        at = start + len;
        Some((start, &text[start..start + len]))
    })
}

/// The rows of a reading whose figures break the arithmetic in more places than one mistake
/// of the report would: to be left unread. Rows in `certain` are never doubted.
pub fn misread(
    t: Template,
    cells: &[Cell],
    old_columns: &'static [&'static str],
    certain: &[&str],
) -> Vec<Unit> {
    // a blank part is tested as the 0 it stands for: the rules leave such a sum unchecked
    // (blank-value asks for the 0), but a reading that put a blank a column off breaks it
    // all the same, and in a table of many blanks no sum would test the reading otherwise.
    // A blank whole stays untested: a total left blank over its parts is the report's.
    let certain = RowSet::new(certain);
    let cells = blanks_as_zero(t, cells.iter());
    let cells = cells.as_slice();
    // a count read with decimals (23.85 人) is another row's amount, not a count the report
    // printed: misread even alone (bad-number would build an error on it)
    let mut dropped: Vec<Unit> = Vec::new();
    for c in cells.iter().filter(|c| fraction_in_a_count(c)) {
        let u = Unit::of(&c.indicator, c.column.as_deref());
        if !certain.holds(&c.indicator) && !dropped.contains(&u) {
            dropped.push(u);
        }
    }
    // each round drops at least one unit; a table has fewer than forty
    for _ in 0..64 {
        // the cells still trusted, by reference: copying every cell each round was most of
        // the verification's time
        let kept: Vec<&Cell> = cells
            .iter()
            .map(Cow::as_ref)
            .filter(|c| !dropped.iter().any(|u| u.holds(c)))
            .collect();
        let view = TableCells::new(t, kept.iter().copied(), old_columns);
        let mut failures = failures(&view);
        // a failure among certain rows alone is the report's own
        failures.retain(|f| f.units.iter().any(|u| !certain.holds(&u.indicator)));
        for f in &mut failures {
            f.units.retain(|u| !certain.holds(&u.indicator));
        }
        let Some(table) = misread_table(&failures) else {
            break;
        };
        let mine: Vec<&Failure> = failures.iter().filter(|f| f.table == table).collect();
        // a row read short (a cell not found in its place) is the first suspect: its
        // figures may stand a column off
        let short: Vec<Unit> = touched(&mine)
            .into_iter()
            .filter(|u| read_short(u, &kept, old_columns))
            .collect();
        if !short.is_empty() {
            dropped.extend(short);
            continue;
        }
        match culprit(&mine) {
            Some(unit) => dropped.push(unit),
            None => {
                // no row stands out: every row the failures touch is in doubt
                for f in &mine {
                    for u in &f.units {
                        if !dropped.contains(u) {
                            dropped.push(u.clone());
                        }
                    }
                }
            }
        }
    }
    rows_of_groups_misread(dropped)
}

/// Where two column groups of one row are misread (table 四 read in text order), the whole row
/// is: its figures were printed out of order, and a group still adding up among them does so
/// by chance (pdftotext of a 2019 table 四, `5 3 0 0 1 2 1 8 2 0 0 3 6 2 11` for
/// `5 3 0 0 8 | 2 0 0 1 3 | 6 2 2 1 11`: 复议后起诉 read `0 3 6 2 11`, its total fitting).
fn rows_of_groups_misread(dropped: Vec<Unit>) -> Vec<Unit> {
    let groups_of = |id: &str| {
        dropped
            .iter()
            .filter(|u| u.indicator == id && !u.group.is_empty())
            .count()
    };
    let whole: Vec<String> = dropped
        .iter()
        .filter(|u| groups_of(&u.indicator) >= 2)
        .map(|u| u.indicator.clone())
        .collect();
    let mut out: Vec<Unit> = dropped
        .into_iter()
        .filter(|u| !whole.contains(&u.indicator))
        .collect();
    for id in whole {
        let row = Unit::of(&id, None);
        if !out.contains(&row) {
            out.push(row);
        }
    }
    out
}

/// The cells as the verification tests them. In a row (or table 四's column group) of
/// nothing but blanks and zeros, a blank is 0: all it can stand for. Otherwise a blank part
/// is 0 where another part of its row is printed; a blank whole, and the parts of a row that
/// prints only its total, stay blank (the report's blanks, which blank-value names). A
/// cell's kind stays Blank: no bound is tested on it.
///
/// Only the cells made 0 are copies: copying every cell (five strings each) was 30 µs a
/// call, four calls in a 2.9 ms warm check of a 2020 report.
fn blanks_as_zero<'a>(t: Template, cells: impl Iterator<Item = &'a Cell>) -> Vec<Cow<'a, Cell>> {
    let mut out: Vec<Cow<Cell>> = cells.map(Cow::Borrowed).collect();
    let blank = |c: &Cell| c.kind == ValueKind::Blank && c.value.is_none();
    let nil = |c: &Cell| c.value.is_none_or(|v| v == 0.0) && c.kind != ValueKind::Text;
    let zero: Vec<bool> = out
        .iter()
        .map(|c| {
            if !blank(c) {
                return false;
            }
            let unit = Unit::of(&c.indicator, c.column.as_deref());
            let mut row = out.iter().map(Cow::as_ref).filter(|o| unit.holds(o));
            row.clone().all(nil) || !is_whole(t, c) && row.any(|o| !is_whole(t, o) && !blank(o))
        })
        .collect();
    for (c, zero) in out.iter_mut().zip(zero) {
        if zero {
            c.to_mut().value = Some(0.0);
        }
    }
    out
}

/// Whether a cell holds a figure with decimals where its row counts (件, 人, 次…), not money.
fn fraction_in_a_count(c: &Cell) -> bool {
    // the row's unit looked up only for the few figures with decimals: asked of every cell
    let money = || {
        schema::indicator(&c.indicator).is_some_and(|i| matches!(i.unit, "万元" | "元"))
            || c.column.as_deref().is_some_and(|n| n.contains("金额"))
    };
    c.kind == ValueKind::Number && c.value.is_some_and(|v| v.fract() != 0.0) && !money()
}

/// Whether a cell is a total: of a sum of rows, or its row's total column.
fn is_whole(t: Template, c: &Cell) -> bool {
    let row_total = c.column.as_deref().is_some_and(|col| {
        schema::t2019::ROW_TOTALS
            .iter()
            .any(|(_, total, _)| *total == col)
    });
    row_total
        || schema::relations().any(|r| {
            matches!(r, Relation::Sum { total, within, .. }
                if *total == c.indicator && within.has(t))
        })
}

/// The units of rows read by a printing model (not in `certain`) that no relation of the
/// template tests once the `dropped` units are gone: nothing in the text or the arithmetic
/// tells their figures from figures a column or a row off, so they are left unread.
pub fn untested(
    t: Template,
    cells: &[Cell],
    old_columns: &'static [&'static str],
    certain: &[&str],
    dropped: &[Unit],
) -> Vec<Unit> {
    let certain = RowSet::new(certain);
    let cells = kept_as_tested(t, cells, dropped);
    let view = TableCells::new(t, cells.iter().map(Cow::as_ref), old_columns);
    // hashed and borrowed: sorting the terms' Units (a few hundred, most repeated) took
    // 0.1 ms of a 2.7 ms warm check of a 2022 report
    let constraints = arith::constraints(&view, &mut Vec::new());
    let mut terms: Vec<(&str, &str)> = constraints
        .iter()
        .flat_map(|c| c.left.iter().chain(&c.right))
        .map(|term| (term.id, group_of(term.column)))
        .collect();
    // a row total's terms are one unit after another: hashing each repeat was most of the set
    terms.dedup();
    let tested: HashSet<(&str, &str)> = terms.into_iter().collect();
    // rows of tables 三 and 四 only: each has its row total and its column's sum, so a row
    // neither tests was read where the arithmetic cannot see (table 二's rows and the old
    // form's single figures, tested by nothing in any reading, are judged by their place)
    let many_columns = |id: &str| {
        schema::indicator(id).is_some_and(|i| {
            matches!(i.columns, Columns::Named(_)) && schema::national_table(i) != "表二"
        })
    };
    // a Unit is made only for the few kept: one per cell was a fifth of this function
    let mut out: Vec<Unit> = Vec::new();
    for c in &cells {
        let unit = (c.indicator.as_str(), group_of(c.column.as_deref()));
        if !certain.holds(unit.0)
            && many_columns(unit.0)
            && !tested.contains(&unit)
            && !out.iter().any(|u| u.is(unit))
        {
            out.push(Unit::of(unit.0, c.column.as_deref()));
        }
    }
    out
}

/// The units of rows read by a printing model that still break the arithmetic once the
/// `dropped` units are gone, next to a unit the reading got wrong (`doubted`: the row before
/// or after in the template, or the column group beside). One failure is taken for the
/// report's own mistake only where the reading around it is sound: beside a row it got wrong,
/// the row that took its neighbour's figure fails by one cell too.
pub fn failing_beside_misread(
    t: Template,
    cells: &[Cell],
    old_columns: &'static [&'static str],
    certain: &[&str],
    dropped: &[Unit],
    doubted: &[Unit],
) -> Vec<Unit> {
    if doubted.is_empty() {
        return Vec::new();
    }
    let certain = RowSet::new(certain);
    let cells = kept_as_tested(t, cells, dropped);
    let view = TableCells::new(t, cells.iter().map(Cow::as_ref), old_columns);
    let order: Vec<&str> = schema::value_rows(t).map(|i| i.id).collect();
    let beside = |u: &Unit| doubted.iter().any(|d| next_to(t, &order, u, d));
    let mut out: Vec<Unit> = Vec::new();
    for f in &failures(&view) {
        for u in f.units.iter().filter(|u| !certain.holds(&u.indicator)) {
            if beside(u) && !out.contains(u) {
                out.push(u.clone());
            }
        }
    }
    out
}

/// Whether two units stand next to each other in the printed table: groups of one row side
/// by side (or one of them the whole row), or rows one after the other in one table.
fn next_to(t: Template, order: &[&str], u: &Unit, d: &Unit) -> bool {
    if u.indicator == d.indicator {
        if u.group.is_empty() || d.group.is_empty() {
            return true;
        }
        let groups = groups_of(&u.indicator);
        let at = |g: &str| groups.iter().position(|x| *x == g);
        return at(&u.group)
            .zip(at(&d.group))
            .is_some_and(|(a, b)| a.abs_diff(b) == 1);
    }
    let at = |id: &str| order.iter().position(|x| *x == id);
    at(&u.indicator)
        .zip(at(&d.indicator))
        .is_some_and(|(a, b)| a.abs_diff(b) == 1)
        && table_of(t, &u.indicator) == table_of(t, &d.indicator)
}

/// A row's column groups in their printed order (`行政复议`, `未经复议直接起诉`, …).
fn groups_of(id: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let names = schema::indicator(id).map_or(&[][..], |i| i.columns.names());
    for g in names.iter().map(|n| group_of(Some(n))) {
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out
}

/// Rows by indicator, sorted for look-ups: the verification asks whether a row is certain
/// once per cell and failure, of a hundred rows or so (alone no measurable difference).
struct RowSet<'a>(Vec<&'a str>);

impl<'a> RowSet<'a> {
    fn new(rows: &[&'a str]) -> RowSet<'a> {
        let mut rows = rows.to_vec();
        rows.sort_unstable();
        RowSet(rows)
    }

    fn holds(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

/// One failed relation or bound, with the table it belongs to and the units it touches.
#[derive(Debug)]
struct Failure {
    table: &'static str,
    units: Vec<Unit>,
    /// Which mistake of the report it would be (failures one wrong cell explains share one).
    mistake: usize,
    /// A bound no report breaks (a part above its whole, a year above its 历年累计): read
    /// wrong, even alone.
    bound: bool,
}

fn failures(view: &TableCells) -> Vec<Failure> {
    let mut failed: Vec<Constraint> = arith::constraints(view, &mut Vec::new())
        .into_iter()
        .filter(|c| !c.holds())
        .collect();
    // grouped by table, in the order of the tables' names, by the shared stable sort
    crate::source::sort_by_place(&mut failed, |c| table_rank(table_of(view.t, c.left[0].id)));
    let mut grouped = arith::Arithmetic::default();
    arith::group_by_culprit(failed, &mut grouped);
    let mut out = Vec::new();
    let mut mistake = 0;
    for (_, _, cs) in &grouped.culprits {
        out.extend(cs.iter().map(|c| failure(view.t, c, mistake)));
        mistake += 1;
    }
    for (c, echo) in &grouped.single {
        out.push(failure(view.t, c, mistake));
        out.extend(echo.iter().map(|e| failure(view.t, e, mistake)));
        mistake += 1;
    }
    for (part, whole) in broken_bounds(view) {
        let units = vec![Unit::of(part.0, part.1), Unit::of(whole.0, whole.1)];
        out.push(Failure {
            table: table_of(view.t, part.0),
            units,
            mistake,
            bound: true,
        });
        mistake += 1;
    }
    out
}

fn failure(t: Template, c: &Constraint, mistake: usize) -> Failure {
    let mut units: Vec<Unit> = Vec::new();
    for term in c.left.iter().chain(&c.right) {
        let u = Unit::of(term.id, term.column);
        if !units.contains(&u) {
            units.push(u);
        }
    }
    Failure {
        table: table_of(t, c.left[0].id),
        units,
        mistake,
        bound: false,
    }
}

fn table_of(t: Template, id: &str) -> &'static str {
    schema::indicator(id).map_or("统计表", |ind| schema::table_of(t, ind))
}

/// A table's place among the names `table_of` gives, in their string order (表三 before 表二: the
/// order failures have always been grouped in).
fn table_rank(table: &str) -> usize {
    ["统计表", "表三", "表二", "表四"]
        .iter()
        .position(|&t| t == table)
        .unwrap_or(usize::MAX)
}

/// The first table whose failures need two mistakes of the report or more.
fn misread_table(failures: &[Failure]) -> Option<&'static str> {
    let mut tables: Vec<&'static str> = failures.iter().map(|f| f.table).collect();
    tables.dedup();
    tables.into_iter().find(|t| {
        let mut mistakes: Vec<usize> = failures
            .iter()
            .filter(|f| f.table == *t)
            .map(|f| f.mistake)
            .collect();
        mistakes.sort_unstable();
        mistakes.dedup();
        mistakes.len() >= 2 || failures.iter().any(|f| f.table == *t && f.bound)
    })
}

/// The units some failure touches, in order.
fn touched(failures: &[&Failure]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for u in failures.iter().flat_map(|f| &f.units) {
        if !out.contains(u) {
            out.push(u.clone());
        }
    }
    out
}

/// Whether a unit was read with fewer cells than it has.
fn read_short(u: &Unit, cells: &[&Cell], old_columns: &[&str]) -> bool {
    let Some(ind) = schema::indicator(&u.indicator) else {
        return false;
    };
    let width = if u.group.is_empty() {
        ind.width(old_columns)
    } else {
        ind.columns
            .names()
            .iter()
            .filter(|c| c.starts_with(u.group.as_str()))
            .count()
    };
    cells.iter().filter(|c| u.holds(c)).count() < width
}

/// The unit most failures touch, when it touches more than any other.
fn culprit(failures: &[&Failure]) -> Option<Unit> {
    let mut counts: Vec<(Unit, usize)> = Vec::new();
    for f in failures {
        for u in &f.units {
            match counts.iter_mut().find(|(v, _)| v == u) {
                Some((_, n)) => *n += 1,
                None => counts.push((u.clone(), 1)),
            }
        }
    }
    // the most first (by the one sort shared by the reading, the place reversed)
    crate::source::sort_by_place(&mut counts, |c| usize::MAX - c.1);
    match counts.as_slice() {
        [(u, n), (_, m), ..] if n > m => Some(u.clone()),
        [(u, _)] => Some(u.clone()),
        _ => None,
    }
}

/// (indicator, column) of a cell.
type At = (&'static str, Option<&'static str>);

/// Bounds no report breaks: a part above its whole, a year's figure above its 历年累计.
fn broken_bounds(view: &TableCells) -> Vec<(At, At)> {
    let mut out = Vec::new();
    let value = |id: &str, column: Option<&str>| {
        view.cell(id, column)
            .filter(|c| c.kind != ValueKind::Blank)
            .and_then(|c| c.value)
    };
    for r in schema::relations() {
        let Relation::AtMost {
            part,
            whole,
            within,
        } = r
        else {
            continue;
        };
        if !within.has(view.t) {
            continue;
        }
        for column in view.columns(whole) {
            if let (Some(p), Some(w)) = (value(part, column), value(whole, column)) {
                if p > w + 1e-9 {
                    out.push(((*part, column), (*whole, column)));
                }
            }
        }
    }
    if let [year, cumulative] = view.old_columns {
        for ind in schema::value_rows(Template::T2008).filter(|_| view.t == Template::T2008) {
            if let (Some(y), Some(c)) = (value(ind.id, Some(year)), value(ind.id, Some(cumulative)))
            {
                if y > c + 1e-9 {
                    out.push(((ind.id, Some(*year)), (ind.id, Some(*cumulative))));
                }
            }
        }
    }
    out
}

/// The table's own cells, nothing else, as the arithmetic reads them.
struct TableCells<'a> {
    t: Template,
    index: arith::CellIndex<'a>,
    old_columns: &'static [&'static str],
}

impl<'a> TableCells<'a> {
    fn new(
        t: Template,
        cells: impl IntoIterator<Item = &'a Cell>,
        old_columns: &'static [&'static str],
    ) -> TableCells<'a> {
        TableCells {
            t,
            index: arith::CellIndex::new(cells),
            old_columns,
        }
    }
}

/// The cells not in a `dropped` unit, as the verification tests them ([`blanks_as_zero`]).
fn kept_as_tested<'a>(t: Template, cells: &'a [Cell], dropped: &[Unit]) -> Vec<Cow<'a, Cell>> {
    blanks_as_zero(
        t,
        cells.iter().filter(|c| !dropped.iter().any(|u| u.holds(c))),
    )
}

impl Figures for TableCells<'_> {
    fn template(&self) -> Template {
        self.t
    }

    fn cell(&self, id: &str, column: Option<&str>) -> Option<&Cell> {
        self.index.get(id, column)
    }

    fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure<'_>> {
        self.cell(id, column).map(|c| Figure {
            value: c.value,
            kind: c.kind,
            span: c.span,
            label: Cow::Borrowed(&c.label),
            from_table: true,
        })
    }

    fn none_printed(&self, ids: &[&str]) -> bool {
        !ids.iter().any(|id| self.index.has(id))
    }

    fn quotes_labels(&self) -> bool {
        false
    }

    fn columns(&self, id: &str) -> Vec<Option<&'static str>> {
        match schema::indicator(id).map(|i| i.columns) {
            Some(Columns::Named(names)) => names.iter().map(|n| Some(*n)).collect(),
            _ if self.old_columns.is_empty() => vec![None],
            _ => self.old_columns.iter().map(|n| Some(*n)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn cell(id: &str, column: &'static str, value: f64, at: usize) -> Cell {
        Cell {
            indicator: id.to_string(),
            label: String::new(),
            column: Some(column.to_string()),
            unit: Some("条".to_string()),
            value: Some(value),
            raw: value.to_string(),
            kind: ValueKind::Number,
            span: Span::new(at, at + 4),
        }
    }

    /// A year's figure above its 历年累计 is a misreading even alone (figures one place off
    /// where a blank cell left no trace), unless the row was printed where it leaves one reading.
    #[test]
    fn a_year_above_its_cumulative_is_misread_alone() {
        let columns: &'static [&'static str] = &["2010年度", "历年累计"];
        let cells = vec![
            cell("reply.granted", columns[0], 3425.0, 10),
            cell("reply.granted", columns[1], 306.0, 20),
        ];
        let dropped = misread(Template::T2008, &cells, columns, &[]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].indicator, "reply.granted");
        assert!(misread(Template::T2008, &cells, columns, &["reply.granted"]).is_empty());
        // the other way round it stands
        let fine = vec![
            cell("reply.granted", columns[0], 306.0, 10),
            cell("reply.granted", columns[1], 3425.0, 20),
        ];
        assert!(misread(Template::T2008, &fine, columns, &[]).is_empty());
    }

    fn blank(id: &str, column: &'static str, at: usize) -> Cell {
        Cell {
            value: None,
            raw: String::new(),
            kind: ValueKind::Blank,
            ..cell(id, column, 0.0, at)
        }
    }

    /// A row of table 三 from figures: `None` for a blank cell.
    fn row(id: &str, figures: [Option<f64>; 7], at: usize) -> Vec<Cell> {
        schema::t2019::APPLICANTS
            .iter()
            .zip(figures)
            .enumerate()
            .map(|(k, (col, f))| match f {
                Some(v) => cell(id, col, v, at + 10 * k),
                None => blank(id, col, at + 10 * k),
            })
            .collect()
    }

    /// A row of table 三 read by a printing model, whose 总计 is blank while a part is not:
    /// no relation tests it (a blank whole is no 0), so it is left unread unless printed in
    /// its place. A row of blanks and zeros is tested as zeros.
    #[test]
    fn a_row_no_relation_tests_is_left_unread_unless_read_in_place() {
        let t = Template::T2021;
        let figures = [
            Some(2.0),
            Some(0.0),
            Some(1.0),
            Some(61.0),
            Some(9.0),
            None,
            None,
        ];
        let cells = row("apply.new", figures, 0);
        assert_eq!(
            untested(t, &cells, &[], &[], &[]),
            [Unit::of("apply.new", None)]
        );
        assert!(super::untested(t, &cells, &[], &["apply.new"], &[]).is_empty());
        let zeros = row(
            "apply.new",
            [Some(0.0), None, None, None, None, None, None],
            0,
        );
        assert!(super::untested(t, &zeros, &[], &[], &[]).is_empty());
    }

    /// Blank parts count as zeros in the verification: a row read a column off among blanks
    /// breaks its row total (`3` read under 其他 and `56` in 总计), which blanks left
    /// untested before.
    #[test]
    fn blank_parts_count_as_zeros_when_a_reading_is_tested() {
        let t = Template::T2021;
        let right = row(
            "apply.new",
            [Some(3.0), None, None, None, None, None, Some(3.0)],
            0,
        );
        assert!(failures(&view(t, &right)).is_empty());
        let off = row(
            "apply.new",
            [None, None, None, None, None, Some(3.0), Some(56.0)],
            0,
        );
        assert_eq!(failures(&view(t, &off)).len(), 1);
    }

    fn view(t: Template, cells: &[Cell]) -> TableCells<'static> {
        let cells: Vec<Cell> = blanks_as_zero(t, cells.iter())
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        let cells: &'static [Cell] = Box::leak(cells.into_boxed_slice());
        TableCells::new(t, cells.iter(), &[])
    }

    /// A count read with decimals (`23.85` under 兼职人员数, the 专项经费 printed further on)
    /// is misread even alone, unless printed in its place; an amount in 万元 is no count.
    #[test]
    fn a_count_with_decimals_is_misread_alone() {
        let mut staff = cell("org.staff_part", "统计数", 23.85, 10);
        staff.column = None;
        let cells = vec![staff.clone()];
        let dropped = misread(Template::T2008, &cells, &[], &[]);
        assert_eq!(dropped, [Unit::of("org.staff_part", None)]);
        assert!(misread(Template::T2008, &cells, &[], &["org.staff_part"]).is_empty());
        let budget = Cell {
            indicator: "org.budget".to_string(),
            ..staff
        };
        assert!(misread(Template::T2008, &[budget], &[], &[]).is_empty());
    }
}
