//! Figures of a table that no row took. A PDF copy can print a column of figures apart from its
//! rows (pdftotext put rows 9 to 50 of an old-form table as labels and units, their 42 figures
//! in one run after row 50 and a few more after the signature). Read row by row, such rows show
//! no figure and look blank; the zeros a blank stands for add up, so the arithmetic passes them.
//! A blank is read only where nothing says its figure was printed elsewhere.

use crate::model::{Cell, ValueKind};
use crate::normalize::bordered;
use crate::read::serial::next_serial;
use crate::read::verify::{self, RowRead, Unit};
use crate::schema;
use crate::schema::one_value_column;
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
    let bordered = verify::bordered_rows(text, rows, &windows);
    let mut blanks: Vec<Unit> = Vec::new();
    for c in cells
        .iter()
        .filter(|c| c.kind == ValueKind::Blank && !bordered.contains(&c.indicator.as_str()))
    {
        let unit = Unit::of(&c.indicator, c.column.as_deref());
        if !blanks.contains(&unit) {
            blanks.push(unit);
        }
    }
    if blanks.is_empty() || !has_untaken_run(doc, rows, start..end) {
        return Vec::new();
    }
    blanks
}

/// Whether two or more figures stand one after another, each alone on its line, within
/// `region`, taken by no cell and not numbering the rows (1, 2, 3…, each the next or one or
/// two past it, alone or before a label's words).
fn has_untaken_run(doc: &Document, rows: &[RowRead], region: std::ops::Range<usize>) -> bool {
    const RUN: usize = 2;
    const SERIALS_PASSED: u64 = 2;
    let mut taken = figures_taken(rows);
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

/// The rows of one figure read blank in plain text with a figure in their own window (from
/// their label to the next label) that no cell took: pdftotext can print a wrapped label's
/// unit between its lines (`其中：主要负责同志参加新闻发布会次` `次` `数` `0`), and a reading that
/// takes the first line for the whole label finds no figure after it. A serial right before
/// the next row's label (`21` `(4)信函申请数` `件` `22` `（二）申请办结数`: one more than the
/// number before the row's own label) is no such figure. (In bordered copies, tabs
/// and `|` show where a blank is: measured, the same test there cost 338 right cells of the
/// committed set.)
/// `windows` are the rows' [`verify::windows`], worked out once for the verification's pass.
pub fn blanks_beside_their_own_figure(
    text: &str,
    cells: &[Cell],
    rows: &[RowRead],
    windows: &[std::ops::Range<usize>],
) -> Vec<Unit> {
    let taken = figures_taken(rows);
    rows.iter()
        .zip(windows.iter().cloned())
        .filter(|(r, _)| one_blank_cell(cells, r.indicator))
        // a bordered copy shows a blank as an empty field; a row that read no field at all
        // shows none (a converter merged the row with a heading, its figure after both labels)
        .filter(|(r, w)| {
            text.get(w.clone())
                .is_some_and(|t| !bordered(t) || r.values.is_empty())
        })
        .filter(|(r, w)| {
            figures_apart(text, w.clone()).any(|f| no_rows_and_no_serial(text, r, w, &taken, &f))
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// The rows, in plain text, whose figures were all taken from outside their window while the
/// one figure in it (between their label and the next label) went to no row and is no serial:
/// pdftotext can print a table 三's first column beside the labels and the other columns after
/// them as one stream (`（七）总计` `2` … `0` `0` `0`…); a reading of the stream gave
/// （七）总计 seven zeros over its printed 2. A figure beside the label that none of the row's
/// cells reads says the reading is not the text's.
pub fn read_past_their_own_figure(
    text: &str,
    rows: &[RowRead],
    windows: &[std::ops::Range<usize>],
) -> Vec<Unit> {
    let taken = figures_taken(rows);
    rows.iter()
        .zip(windows.iter().cloned())
        // a row of several columns: the old form's single column has serials beside labels
        .filter(|(r, _)| !one_value_column(r.indicator))
        .filter(|(r, w)| {
            let mut figures = r.values.iter().filter(|v| !v.blank).peekable();
            // a figure among the label's own lines (`-layout` wraps a label around its row)
            // is the row's too
            let own = r.label.start..w.end;
            figures.peek().is_some() && figures.all(|v| !own.contains(&v.range.start))
        })
        .filter(|(_, w)| text.get(w.clone()).is_some_and(|t| !bordered(t)))
        .filter(|(r, w)| {
            // a figure beside the label that one of the row's cells reads is that cell, printed
            // there (a first column beside the labels)
            let read: Vec<&str> = r
                .values
                .iter()
                .filter_map(|v| text.get(v.range.clone()))
                .collect();
            let mut beside = figures_apart(text, w.clone());
            let (Some(f), None) = (beside.next(), beside.next()) else {
                return false;
            };
            no_rows_and_no_serial(text, r, w, &taken, &f) && !read.contains(&&text[f])
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// Whether a figure in a row's `window` went to no row (`taken`: [`figures_taken`]) and is not
/// the next row's serial: a figure of the row's own that the reading passed over.
fn no_rows_and_no_serial(
    text: &str,
    r: &RowRead,
    window: &std::ops::Range<usize>,
    taken: &[usize],
    figure: &std::ops::Range<usize>,
) -> bool {
    !next_serial(text, r.label.start, window, figure) && !taken.contains(&figure.start)
}

/// The rows of one cell read blank where no empty field shows the blank, with a figure alone on
/// the line right before their label that no row took and that is no serial: a converter or
/// pdftotext may print a row's figure above its label (`0` `# 行政事业性收费`, the table's last
/// row broken out of it), and the row's figure may be that one.
pub fn blank_below_an_untaken_figure(text: &str, cells: &[Cell], rows: &[RowRead]) -> Vec<Unit> {
    let taken = figures_taken(rows);
    let mut labels: Vec<usize> = rows.iter().map(|r| r.label.start).collect();
    labels.sort_unstable();
    rows.iter()
        .filter(|r| one_blank_cell(cells, r.indicator) && r.values.iter().all(|v| v.blank))
        .filter(|r| {
            let Some(figure) = figure_on_the_line_before(text, r.label.start) else {
                return false;
            };
            // the 序号 column: one more than the number before the previous row's label
            let previous = labels[..labels.partition_point(|&s| s < r.label.start)].last();
            let serial = previous
                .and_then(|&p| crate::source::number_before(text, p))
                .is_some_and(|n| text[figure.clone()].parse() == Ok(n + 1));
            !serial && !taken.contains(&figure.start)
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// Whether the row's only cell was read blank.
fn one_blank_cell(cells: &[Cell], id: &str) -> bool {
    let mut own = cells.iter().filter(|c| c.indicator == id);
    own.next().is_some_and(|c| c.kind == ValueKind::Blank) && own.next().is_none()
}

/// The figure alone on the line right before the line `label` starts (nothing but spaces
/// before the label on its line, empty lines between).
fn figure_on_the_line_before(text: &str, label: usize) -> Option<std::ops::Range<usize>> {
    let line_start = text[..label].rfind('\n').map_or(0, |n| n + 1);
    let opening = &text[line_start..label];
    // a Markdown heading's `#` opens the line before the label
    if !opening
        .trim_matches(|c: char| c.is_whitespace() || c == '#')
        .is_empty()
    {
        return None;
    }
    let before = text[..line_start].trim_end();
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let word = before[start..].trim();
    let at = start + (before[start..].len() - before[start..].trim_start().len());
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| at..at + word.len())
}

/// The rows of one figure that took a digit alone on its line with another digit alone on the
/// line next to it that no row took: PDFium copies a letter-spaced figure a digit per line
/// (`1` `1` for 11), and a reading that takes one digit for the figure reads it wrong. Two
/// digits for one cell leave two readings; the next row's serial (`5` `5` `2.政府网站…`), the
/// one taken or the other, is no such digit. (Any untaken figure in the row's window was
/// measured too: it cost hundreds of right cells where a 序号 column or `-layout` leaves
/// numbers beside a row.)
pub fn digit_beside_an_untaken_digit(
    text: &str,
    rows: &[RowRead],
    windows: &[std::ops::Range<usize>],
) -> Vec<Unit> {
    let taken = figures_taken(rows);
    // the digit alone on its line at `at`, and where its line and the next start
    // (only the spaces around the digit are looked at: a text on one line stays linear)
    let lone_digit = |at: usize| -> Option<(usize, usize)> {
        let b = text.as_bytes();
        if !b.get(at).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let start = text[..at].trim_end_matches([' ', '\r']).len();
        let after = &text[at + 1..];
        let end = at + 1 + (after.len() - after.trim_start_matches([' ', '\r']).len());
        let first = start == 0 || b[start - 1] == b'\n';
        let last = end == text.len() || b[end] == b'\n';
        (first && last).then_some((start, end + 1))
    };
    rows.iter()
        .zip(windows)
        .filter(|(r, _)| one_value_column(r.indicator))
        .filter(|(r, w)| {
            let mut values = r.values.iter().filter(|v| !v.blank);
            let (Some(v), None) = (values.next(), values.next()) else {
                return false;
            };
            let Some((line, next)) = lone_digit(v.range.start) else {
                return false;
            };
            if next_serial(text, r.label.start, w, &v.range) {
                return false;
            }
            figures_apart(text, (*w).clone()).any(|f| {
                !taken.contains(&f.start)
                    && !next_serial(text, r.label.start, w, &f)
                    && lone_digit(f.start).is_some_and(|(l, n)| l == next || n == line)
            })
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// The rows of one figure right after a row of one figure that the reading found but read
/// nothing for, with no figure in its own window but the next row's serial: pdftotext prints a
/// figure level with the next row's wrapped label when its own row's cell is shorter
/// (`六、举报投诉数量` `62` `七、依申请公开信息收取的` `费用` `14`: 14 is 六's, 七 left blank).
/// The one figure is either row's, and the next row is left unread with it.
pub fn one_figure_for_two_rows(
    text: &str,
    cells: &[Cell],
    rows: &[RowRead],
    windows: &[std::ops::Range<usize>],
) -> Vec<Unit> {
    let order = crate::source::by_place((0..rows.len()).map(|i| (rows[i].label.start, i)));
    order
        .windows(2)
        .filter(|p| {
            let (r, next) = (&rows[p[0]], &rows[p[1]]);
            let unread = r.values.iter().all(|v| v.blank)
                && !cells.iter().any(|c| c.indicator == r.indicator);
            // nothing but the next row's serial: the table numbers its rows, pdftotext's copy
            let (serials, own): (Vec<_>, Vec<_>) = figures_apart(text, windows[p[0]].clone())
                .partition(|f| next_serial(text, r.label.start, &windows[p[0]], f));
            one_value_column(r.indicator)
                && one_value_column(next.indicator)
                && unread
                && own.is_empty()
                && serials.len() == 1
                && next.values.iter().filter(|v| !v.blank).count() == 1
                && text
                    .get(windows[p[1]].clone())
                    .is_some_and(|t| !bordered(t))
        })
        .map(|p| Unit::of(rows[p[1]].indicator, None))
        .collect()
}

/// The rows read blank right before or after a heading whose window holds a figure no cell
/// took: a heading carries no figure of its own, so the figure is a neighbour's (a Markdown
/// converter merged `（一）回应公众关注热点…` and the heading after it into one table row, the
/// row's figure printed after the heading's label), and the blank beside it is in doubt.
/// `windows` are the rows' [`verify::windows`], worked out once for the verification's pass.
pub fn blanks_beside_a_headings_figure(
    text: &str,
    cells: &[Cell],
    rows: &[RowRead],
    windows: &[std::ops::Range<usize>],
) -> Vec<Unit> {
    let found: Vec<&schema::Indicator> = rows
        .iter()
        .filter_map(|r| schema::indicator(r.indicator))
        .collect();
    let heading =
        |r: &RowRead| schema::indicator(r.indicator).is_some_and(|i| schema::figureless(i, &found));
    // a figure a reading gave the heading itself is no cell's: still untaken
    let taken = figures_taken(rows.iter().filter(|r| !heading(r)));
    let mut out = Vec::new();
    for (h, window) in rows.iter().zip(windows) {
        if !heading(h) || figures_apart(text, window.clone()).all(|f| taken.contains(&f.start)) {
            continue;
        }
        // the rows just before and after the heading, in the text
        let at = h.label.start;
        let before = rows
            .iter()
            .filter(|r| r.label.start < at)
            .max_by_key(|r| r.label.start);
        let after = rows
            .iter()
            .filter(|r| r.label.start > at)
            .min_by_key(|r| r.label.start);
        for r in before.into_iter().chain(after).filter(|r| !heading(r)) {
            let blank = cells
                .iter()
                .any(|c| c.indicator == r.indicator && c.kind == ValueKind::Blank);
            if blank {
                out.push(Unit::of(r.indicator, None));
            }
        }
    }
    out
}

/// The numbers in `range` standing apart: between spaces, tabs, `|` or line ends.
pub(super) fn figures_apart(
    text: &str,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let start = range.start;
    let part = text.get(range).unwrap_or("");
    part.split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .map(move |w| {
            let at = start + (w.as_ptr() as usize - part.as_ptr() as usize);
            at..at + w.len()
        })
}

/// Where each figure a row took starts (normalized byte offsets, as the rows' ranges are; a
/// cell's span is the pasted text's UTF-16 offsets).
pub(super) fn figures_taken<'a, 'r: 'a>(
    rows: impl IntoIterator<Item = &'a RowRead<'r>>,
) -> Vec<usize> {
    rows.into_iter()
        .flat_map(|r| r.values.iter().filter(|v| !v.blank).map(|v| v.range.start))
        .collect()
}
