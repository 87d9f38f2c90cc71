//! Rows read but not to be trusted, left unread (and so reported incomplete) rather than read
//! wrong.

use super::blocks;
use super::sums::{fits_row, out_of_order};
use super::types::*;
use crate::normalize::is_han;
use crate::read::grid::{self, RawCell};
use crate::scan::digits_word;
use std::ops::Range;

/// A figure printed on a label's line right after it is that row's: a reading that gave it to
/// another row misread both (pdftotext of a small table printed its first column with the
/// labels, the rest after). The rows between the two are read again over all their figures in
/// every way of printing that leaves each such figure with its own row (row by row, column
/// after column, the first columns with the labels and the others after); a cell is read
/// where every such way gives it the same figure, the others are left unread rather than
/// read wrong.
pub(super) fn distrust_strangers(text: &str, rows: &mut [ReadRow]) {
    let owner = |at: usize| {
        rows.iter().position(|q| {
            q.anchor.found
                && q.anchor.label.end <= at
                && text[q.anchor.label.end..at].bytes().all(|b| b == b' ')
        })
    };
    let mut groups: Vec<Range<usize>> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for cell in row.cells.iter().flatten() {
            if let Some(q) = owner(cell.range.start).filter(|&q| q != r) {
                groups.push(r.min(q)..r.max(q) + 1);
            }
        }
    }
    let agreed: Vec<(Range<usize>, Vec<Cells>)> = groups
        .into_iter()
        .map(|group| {
            let at = group.start;
            let own_row = |pos: usize| {
                owner(pos)
                    .and_then(|o| o.checked_sub(at))
                    .filter(|&o| o < group.len())
            };
            let cells = agreed_cells(text, &rows[group.clone()], &own_row);
            (group, cells)
        })
        .collect();
    for (group, cells) in agreed {
        for (row, cells) in rows[group].iter_mut().zip(cells) {
            row.cells = cells;
        }
    }
}

/// A row's cells, `None` where not read.
type Cells = Vec<Option<RawCell>>;

/// Per row of `group`, its cells where every way of printing the group's figures that keeps
/// each figure with the row it stands beside reads the same; all unread when no way does.
/// `owner`: the row of the group (if any) whose label a figure at that place stands right
/// after.
fn agreed_cells(
    text: &str,
    group: &[ReadRow],
    owner: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Cells> {
    let unread: Vec<Cells> = group.iter().map(|r| vec![None; r.cells.len()]).collect();
    let width = group.first().map_or(0, |r| r.cells.len());
    let Some(mut cells) = group
        .iter()
        .filter(|r| r.cells.len() == width)
        .map(|r| r.cells.iter().cloned().collect::<Option<Vec<RawCell>>>())
        .collect::<Option<Vec<Vec<RawCell>>>>()
        .map(|c| c.concat())
        .filter(|c| c.len() == group.len() * width && width > 0)
    else {
        return unread;
    };
    crate::source::sort_by_place(&mut cells, |c| c.range.start);
    // per figure, the row of the group whose label it stands right after
    let first: Vec<Option<usize>> = cells.iter().map(|c| owner(c.range.start)).collect();
    let windows: Vec<Range<usize>> = (0..group.len())
        .map(|r| {
            let next = group
                .get(r + 1)
                .map_or(usize::MAX, |n| n.anchor.label.start);
            group[r].anchor.label.start..next
        })
        .collect();
    let readings: Vec<Vec<Vec<usize>>> = blocks::printings(group.len(), width)
        .filter(|(reading, labelled)| {
            reading.iter().enumerate().all(|(r, tokens)| {
                tokens.iter().enumerate().all(|(c, &t)| {
                    first[t].is_none_or(|o| o == r)
                        && (c >= *labelled || windows[r].contains(&cells[t].range.start))
                })
            })
        })
        .map(|(reading, _)| reading)
        .collect();
    if readings.is_empty() {
        return unread;
    }
    let value = |t: usize| text[cells[t].range.clone()].to_string();
    (0..group.len())
        .map(|r| {
            (0..width)
                .map(|c| {
                    let v = value(readings[0][r][c]);
                    readings
                        .iter()
                        .all(|x| value(x[r][c]) == v)
                        .then(|| cells[readings[0][r][c]].clone())
                })
                .collect()
        })
        .collect()
}

/// In a table whose figures pdftotext printed above their labels ([`figures_first`]), a row
/// with figures before its label and one after it on the label's line has that one out of the
/// run (`1 0 0 1 0 30` / `3.补正后申请内容仍不明确 28`): which column it is, the text does not
/// say, and a total of zeros adds up in every place; the row is left unread.
pub(super) fn distrust_figures_around_labels(rows: &mut [ReadRow], figures_above: &[bool]) {
    for (row, &above) in rows.iter_mut().zip(figures_above) {
        let label = row.anchor.label.clone();
        let cells = row.cells.iter().flatten();
        let before = cells.clone().any(|c| c.range.start < label.start);
        let after = cells.clone().any(|c| c.range.start >= label.end);
        if above && before && after {
            row.leave_unread();
        }
    }
}

/// A row read from text without cell separators whose own total does not add up was most
/// likely aligned with the wrong figures: it is left unread (and reported incomplete) rather
/// than reported as a wrong total. Rows of tab-separated copies keep their cells.
/// Han characters a row's figures may have among them and its label (a group label printed one
/// character per line, a page's running head) and still be the row's as printed.
const MAX_WORDS_AMONG_FIGURES: usize = 24;

/// `sections_after`: where the report's sections after its tables begin; figures past it were
/// not printed with their row.
pub(super) fn distrust_broken_rows(text: &str, rows: &mut [ReadRow], sections_after: usize) {
    let starts: Vec<usize> = rows.iter().map(|r| r.anchor.label.start).collect();
    for r in rows.iter_mut() {
        if r.columns.len() < 3 || r.reconstructed.is_some() {
            continue;
        }
        let Some(cells) = r
            .cells
            .iter()
            .map(|c| c.as_ref())
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let parts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        if parts
            .iter()
            .any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.is_empty())
        {
            continue;
        }
        let start = r.anchor.label.start;
        let end = starts
            .iter()
            .copied()
            .filter(|&s| s > start)
            .min()
            .unwrap_or(text.len())
            .min(sections_after.max(start));
        let end = crate::source::floor_char_boundary(text, end);
        let tabbed = text[start..end].contains('\t');
        // figures all between the row's label and the next: read as printed, so a total
        // that fails is the report's own
        // and no other cells' words between the label and its last figure: the next row's
        // label may not have been found, and the figures be another stretch's
        let last = cells.iter().map(|c| c.range.start).max().unwrap_or(start);
        let words_between = text[r.anchor.label.end.min(last)..last]
            .chars()
            .filter(|&c| is_han(c))
            .count();
        // (table 四 is one row whose label is its header, its words among the figures)
        let review = r.anchor.indicator.id == "review_lawsuit";
        // more figures between the label and the next than the row has cells: a row whose label
        // was not found stands between, and which of them are this row's is a guess
        let figures_between = text[r.anchor.label.end.min(end)..end]
            .split(|c: char| c.is_whitespace() || c == '|')
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
            .count();
        let own = r.anchor.found
            && (review || words_between <= MAX_WORDS_AMONG_FIGURES)
            && (review || figures_between <= r.columns.len())
            && cells
                .iter()
                .all(|c| c.range.start >= start && c.range.end <= end);
        if tabbed || fits_row(&parts, r.columns) {
            continue;
        }
        if !own {
            r.leave_unread();
        }
        for c in out_of_order(&parts, r.columns) {
            r.cells[c] = None;
        }
    }
}

/// A figure stands under the column header printed nearest before it: where a copy prints a
/// table's header words between the row labels and the figures (pdftotext gives table 二's
/// labels, then `上一年项目数量 本年增/减` and both rows' figures of those columns, then
/// `处理决定数量` and theirs), a cell read from figures whose nearest header after its label
/// names another column was read under the wrong column, and its row is left unread.
pub(super) fn distrust_figures_under_other_headers(text: &str, rows: &mut [ReadRow]) {
    let mut names: Vec<String> = rows
        .iter()
        .flat_map(|r| r.columns.iter())
        .map(|c| squeezed(c))
        .filter(|c| c.chars().count() >= 3)
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut lines = HeaderLines::new(text, &names);
    for row in rows.iter_mut() {
        let label_end = row.anchor.label.end;
        let misplaced = row.cells.iter().zip(row.columns).any(|(cell, column)| {
            let Some(cell) = cell.as_ref().filter(|c| !c.text.trim().is_empty()) else {
                return false;
            };
            if text.get(label_end..cell.range.start).is_none() {
                return false;
            }
            lines
                .nearest_header(label_end, cell.range.start)
                .is_some_and(|h| !h.contains(&squeezed(column)))
        });
        if misplaced {
            row.leave_unread();
        }
    }
}

/// A line of text, white space taken out, as a header is looked for.
#[derive(Clone)]
enum Seen {
    Empty,
    Header(String),
    Other,
}

impl Seen {
    fn of(line: &str, names: &[String]) -> Seen {
        let line = squeezed(line);
        if line.is_empty() {
            Seen::Empty
        } else if is_header_line(&line, names) {
            Seen::Header(line)
        } else {
            Seen::Other
        }
    }
}

/// The text's lines as [`HeaderLines::nearest_header`] sees them, each whole line looked at once: every cell
/// of every row looks back over the lines before it, most of them the same lines.
struct HeaderLines<'a> {
    text: &'a str,
    names: &'a [String],
    /// Where each line starts; a line ends at the next one's start, less its line end.
    starts: Vec<usize>,
    seen: Vec<Option<Seen>>,
}

impl<'a> HeaderLines<'a> {
    fn new(text: &'a str, names: &'a [String]) -> HeaderLines<'a> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let seen = vec![None; starts.len()];
        HeaderLines {
            text,
            names,
            starts,
            seen,
        }
    }

    /// Line `k` cut to `from..to`, seen as a header would be: a whole line from its cache.
    fn line(&mut self, k: usize, from: usize, to: usize) -> Seen {
        let start = self.starts[k];
        let end = self.starts.get(k + 1).map_or(self.text.len(), |&s| s - 1);
        let (a, b) = (start.max(from), end.min(to));
        if (a, b) != (start, end) {
            return Seen::of(&self.text[a..b.max(a)], self.names);
        }
        let (text, names) = (self.text, self.names);
        self.seen[k]
            .get_or_insert_with(|| Seen::of(&text[start..end], names))
            .clone()
    }

    /// The header printed nearest before `to`, after `from`: its lines of column headers one
    /// after another (a header row printed a cell a line), white space taken out, the last
    /// line first.
    fn nearest_header(&mut self, from: usize, to: usize) -> Option<String> {
        let line_of = |at: usize| self.starts.partition_point(|&s| s <= at) - 1;
        let (first, last) = (line_of(from), line_of(to));
        let mut header: Vec<String> = Vec::new();
        for k in (first..=last).rev() {
            match self.line(k, from, to) {
                Seen::Empty => {}
                Seen::Header(l) => header.push(l),
                Seen::Other if header.is_empty() => {}
                Seen::Other => break,
            }
        }
        (!header.is_empty()).then(|| header.concat())
    }
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line of column headers only (`上一年项目数量本年增/减`), white space taken out.
fn is_header_line(line: &str, names: &[String]) -> bool {
    let mut rest = line;
    while !rest.is_empty() {
        match names.iter().find(|n| rest.starts_with(n.as_str())) {
            Some(n) => rest = &rest[n.len()..],
            None => return false,
        }
    }
    !line.is_empty()
}

/// A row of figures found by its own label in the text (not a heading, not placed by its
/// header alone like table 四).
fn found_by_label(r: &ReadRow) -> bool {
    r.anchor.found && r.anchor.indicator.by_label && !r.anchor.indicator.heading
}

/// A row that took a figure printed among another row's wrapped label (`8、属于行政查询事项`
/// `0 0 0 0 0` / `1、本机关不` / `掌握相关政府 1` / `信息` …): pdftotext puts a row's first
/// figure beside the middle line of its label, so that figure is the other row's as likely as
/// this one's, and a total of zeros adds up either way; alone on its line between two lines of
/// the label's words it is the other row's (`4.无正当理由大` `19` `量反复申请`, then `缴纳费用、行政`
/// `8` `机关不再处理其` of the next row: the first row read 8 and the second the row after). The row
/// is left unread, and so is the row whose label holds the figure: its reading went without
/// its first figure.
pub(super) fn distrust_figures_inside_other_labels(text: &str, rows: &mut [ReadRow]) {
    let cores: Vec<std::ops::Range<usize>> = rows
        .iter()
        .filter(|r| found_by_label(r))
        .map(|r| r.anchor.core.clone())
        .collect();
    let inside = |k: &std::ops::Range<usize>, at: &std::ops::Range<usize>| {
        k.start < at.start && at.end < k.end
    };
    // the figure ends a line of the label's words (`掌握相关政府 1`), or stands on a line of
    // its own between them (`缴纳费用、行政` `8` `机关不再处理其`)
    let among_words = |at: &std::ops::Range<usize>| {
        let line_start = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..at.start].chars().any(is_han)
            || line_start == at.start && between_lines_of_words(text, at)
    };
    // the rows that took such a figure, and the rows whose label holds it: a row that did
    // not take the figure beside its own label's middle line was read a column off
    let mut doubted = vec![false; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let own = row.anchor.core.clone();
        for c in row.cells.iter().flatten() {
            if inside(&own, &c.range) || !among_words(&c.range) {
                continue;
            }
            for (o, other) in rows.iter().enumerate() {
                // the look-up among the cores last: it is a scan, for every cell and row
                if o != r
                    && inside(&other.anchor.core, &c.range)
                    && cores.contains(&other.anchor.core)
                {
                    doubted[r] = true;
                    doubted[o] = true;
                }
            }
        }
    }
    // a row that left the figure beside its own label's middle line to no row or another
    for (r, row) in rows.iter().enumerate() {
        if row.cells.iter().all(Option::is_none) {
            continue;
        }
        let core = row.anchor.core.clone();
        let mut at = core.start;
        for word in text[core.clone()].split(|c: char| c.is_whitespace() || c == '|') {
            let start = at;
            at += word.len() + 1;
            let figure = !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
            let taken = row.cells.iter().flatten().any(|c| c.range.start == start);
            // beside the words (one space: -layout text sets figures apart in their columns)
            let beside = text[..start]
                .strip_suffix(' ')
                .and_then(|b| b.chars().next_back())
                .is_some_and(is_han);
            if figure && beside && !taken {
                doubted[r] = true;
            }
        }
    }
    for (row, doubted) in rows.iter_mut().zip(doubted) {
        if doubted {
            row.leave_unread();
        }
    }
}

/// Whether `at` is all its line holds, between two lines of words (a wrapped label's).
fn between_lines_of_words(text: &str, at: &std::ops::Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let han_at = |i: usize| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_han)
    };
    // a Han character is three bytes in UTF-8
    at.start >= 4
        && bytes[at.start - 1] == b'\n'
        && han_at(at.start - 4)
        && bytes.get(at.end) == Some(&b'\n')
        && han_at(at.end + 1)
}

/// What stands between a unit's cell and its figure's: spaces, line breaks, cell borders.
const CELL_GAP: [char; 4] = [' ', '\t', '\n', '|'];

/// The text before `at` without the cell borders and spaces ending it, and the unit it ends
/// with, if any: the unit printed right before `at`.
fn unit_before(text: &str, at: usize) -> (&str, Option<&'static str>) {
    let before = text[..at].trim_end_matches(CELL_GAP);
    let unit = grid::UNITS.iter().find(|u| before.ends_with(*u)).copied();
    (before, unit)
}

/// A one-figure row whose figure follows a unit printed after another row's label
/// (`(一)回应公众关注热点…` … `1.参加或举办新闻发布会总次数` `次` `1`): the unit column ties
/// that figure to the label before it, so this row's own figure was printed elsewhere (above
/// a heading, say) and the row is left unread rather than one place off.
pub(super) fn distrust_figures_after_another_rows_unit(text: &str, rows: &mut [ReadRow]) {
    let labels: Vec<usize> = rows
        .iter()
        .filter(|r| found_by_label(r))
        .map(|r| r.anchor.label.start)
        .collect();
    for row in rows.iter_mut().filter(|r| r.cells.len() == 1) {
        let own = row.anchor.label.start;
        let Some(cell) = row.cells[0].as_ref() else {
            continue;
        };
        let (before, unit) = unit_before(text, cell.range.start);
        let after_unit = unit.is_some();
        let another_label_between = labels.iter().any(|&l| own < l && l < before.len());
        if after_unit && another_label_between {
            row.cells[0] = None;
        }
    }
}

/// A one-figure row whose figure follows a unit other than its own, while its own unit stands
/// between its label and that figure with a figure after it (the old form's `制发规范性文件总数`
/// `件` `10` `条` `6868`: the 6868 is the row after's, whose label pdftotext printed further on;
/// seed 151). The figure after the row's own unit is no surer (a row may print two units), so
/// the row is left unread.
pub(super) fn distrust_figures_after_a_unit_not_their_own(text: &str, rows: &mut [ReadRow]) {
    for row in rows.iter_mut().filter(|r| r.cells.len() == 1) {
        let own = row.anchor.indicator.unit;
        let Some(cell) = row.cells[0].as_ref().filter(|_| !own.is_empty()) else {
            continue;
        };
        let other_unit = unit_before(text, cell.range.start)
            .1
            .is_some_and(|u| u != own);
        let window = text
            .get(row.anchor.label.end..cell.range.start)
            .unwrap_or("");
        let own_unit_with_a_figure = window.match_indices(own).any(|(i, u)| {
            let after = window[i + u.len()..].trim_start_matches(CELL_GAP);
            after.starts_with(|c: char| c.is_ascii_digit())
        });
        if other_unit && own_unit_with_a_figure {
            row.cells[0] = None;
        }
    }
}

/// A one-figure row of the old form's table that numbers its rows, read as the number it carries: the rows
/// before and after it in the form print `3` and `5` just before their labels, and it read `4`
/// (pdftotext printed `（二）重点领域公开政府信息数` further on with its serial `4` after it,
/// seed 151), its own serial not before its label. Its own figure stands elsewhere: the row is
/// left unread.
pub(super) fn distrust_their_own_serials(text: &str, rows: &mut [ReadRow]) {
    let form = crate::schema::Template::T2008;
    let place = |r: &ReadRow| {
        crate::schema::value_rows(form).position(|i| std::ptr::eq(i, r.anchor.indicator))
    };
    let mut order: Vec<(usize, usize)> = (0..rows.len())
        .filter_map(|k| Some((place(&rows[k])?, k)))
        .collect();
    order.sort_unstable();
    let serial = |k: usize| crate::source::number_before(text, rows[k].anchor.label.start);
    let figure = |k: usize| {
        let cell = rows[k].cells.first()?.as_ref()?;
        cell.text.trim().parse::<u64>().ok()
    };
    let doubted: Vec<usize> = order
        .windows(3)
        .filter_map(|w| {
            let (a, r, b) = (w[0].1, w[1].1, w[2].1);
            let (before, after) = (serial(a)?, serial(b)?);
            let carried = before + 1;
            // a row whose serial stands before its label reads a figure equal to it rightly
            let own_serial_printed = serial(r) == Some(carried);
            let read_its_serial = figure(r) == Some(carried) && !own_serial_printed;
            (rows[r].cells.len() == 1 && after == carried + 1 && read_its_serial).then_some(r)
        })
        .collect();
    for r in doubted {
        rows[r].cells[0] = None;
    }
}

/// A row whose cells stand between tabs or `|` (a web page's copy, a Markdown table) that took
/// a figure printed after the next row's label: its own fields were fewer than its cells (a
/// blank cell the copy left no trace of), and what it took is the next row's first cell. It
/// is left unread rather than read a cell off (a row of zeros adds up either way).
pub(super) fn distrust_cells_past_the_next_label(text: &str, rows: &mut [ReadRow]) {
    let labels = labels_in_text_order(rows);
    for row in rows.iter_mut().filter(|r| found_by_label(r)) {
        let own = row.anchor.label.end;
        let Some(&(next, _)) = labels.iter().find(|&&(l, _)| l >= own) else {
            continue;
        };
        let bordered = text.get(own..next).is_some_and(crate::normalize::bordered);
        let past = row.cells.iter().flatten().any(|c| c.range.start >= next);
        if bordered && past {
            row.leave_unread();
        }
    }
}

/// A row that took figures printed after the next row's label while figures between its own
/// label and that one went to no row (`(七)总计` `1` `0` `0` `四、结转下年度继续办理` `0 0 0 0 0 0 0` …:
/// pdftotext printed the rest of the total's cells further on): what follows its label is its
/// own, so what it took past the next label is another row's, and the next row, its figures
/// taken, read further on. Both are left unread.
pub(super) fn distrust_rows_past_their_own_figures(text: &str, rows: &mut [ReadRow]) {
    let labels = labels_in_text_order(rows);
    let mut taken: Vec<usize> = rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten().map(|c| c.range.start))
        .collect();
    taken.sort_unstable();
    let untaken_figure = |from: usize, to: usize| {
        let mut at = from;
        text[from..to]
            .split(|c: char| c.is_whitespace() || c == '|')
            .any(|w| {
                let start = at;
                at += w.len() + 1;
                digits_word(w) && taken.binary_search(&start).is_err()
            })
    };
    let mut doubted = Vec::new();
    for &(_, r) in &labels {
        let own = rows[r].anchor.label.end;
        let Some(&(next, n)) = labels.iter().find(|&&(l, _)| l >= own) else {
            continue;
        };
        let past = rows[r]
            .cells
            .iter()
            .flatten()
            .any(|c| c.range.start >= next);
        if past && untaken_figure(own, next) {
            doubted.extend([r, n]);
        }
    }
    for r in doubted {
        rows[r].leave_unread();
    }
}

/// Rows whose labels were printed one under the other with no figure between them, then
/// fewer figures than their cells, and not one figure a row either (`44 涉及商业秘密 件`
/// `45 涉及个人隐私 件` `23`: the first row's figure, the second left blank; `2、政府网站在线访谈次数
/// 次` `其中:主要负责同志参加政府网站` `次` `在线访谈次数` `1`; five labels of table 三, then one row's
/// seven figures): a blank cell leaves no trace in such text, and pdftotext prints a figure
/// after the next label as often as after its own, so whose figures they are the text does not
/// say. The rows are left unread. Cells between tabs or `|` keep their blanks and are not
/// doubted.
pub(super) fn distrust_figures_after_stacked_labels(
    text: &str,
    rows: &mut [ReadRow],
    tables_end: usize,
) {
    let labels = labels_in_text_order(rows);
    // the last row's figures run to where the sections after the tables begin (`行政复议数` `条`
    // `行政诉讼数` `条` `行政申诉数` `条`, a footer, then `1 2 3 1`)
    let ends = labels.iter().skip(1).map(|&(l, _)| l);
    let ends = ends.chain(std::iter::once(
        tables_end.max(labels.last().map_or(0, |l| l.0)),
    ));
    let mut run: Vec<usize> = Vec::new();
    let mut doubted = Vec::new();
    for (&(_, a), next) in labels.iter().zip(ends) {
        run.push(a);
        // from the label's start: a wrapped label may hold its figures between its lines
        let stretch = &text[rows[a].anchor.label.start.min(next)..next];
        // stacked: one under the other, on lines of their own
        if crate::normalize::bordered(stretch) || !stretch.contains('\n') {
            run.clear();
            continue;
        }
        let figures = figures_before_label(stretch);
        // a serial printed before the next label, read for a figure, is none (`45 涉及个人隐私`);
        // nor is one taken from past the next label: that row is stacked with it all the same
        let next_line = next - (stretch.len() - stretch.rfind('\n').map_or(0, |i| i + 1));
        let read_a_figure = rows[a]
            .cells
            .iter()
            .flatten()
            .any(|c| !c.text.is_empty() && c.range.start < next_line);
        if figures == 0 && !read_a_figure {
            continue; // a's label, then b's: stacked so far
        }
        let (k, w) = (run.len(), rows[a].cells.len());
        // a figure printed on the last label's lines is that row's (`3、危及“三安` `0`
        // `全一稳定”` `0 0 0 0 0 0`; PDFium's `46 危及…稳定 件 37`): its figures are its own
        let (start, end) = (
            rows[a].anchor.label.start.min(next),
            rows[a].anchor.label.end.min(next),
        );
        let line_end = text[end..next].find('\n').map_or(next, |i| end + i);
        let own = text[start..line_end].split_whitespace();
        let inside = own.filter(|w| digits_word(w)).count() > 0;
        if k >= 2 && figures < k * w && !figures.is_multiple_of(k) && !inside {
            doubted.extend(run.iter().copied());
        }
        run.clear();
    }
    // a figure the doubted rows took from past them was a later row's: that row's reading was
    // shifted along with theirs (`点数` `人员数` `31` `专职人员数` `4` `人` `27` `兼职人员数`)
    let taken_past: Vec<usize> = doubted
        .iter()
        .flat_map(|&r| rows[r].cells.iter().flatten().map(|c| c.range.start))
        .collect();
    for p in taken_past {
        let holder = labels.partition_point(|&(l, _)| l <= p);
        if holder > 0 {
            doubted.push(labels[holder - 1].1);
        }
    }
    for r in doubted {
        rows[r].leave_unread();
    }
}

/// Two labels run together with nothing between them (`涉及个人隐私危及国家安全、…稳定 1`: a
/// page break joined two rows' cells in one): whose the figures after them are the text does
/// not say, and both rows are left unread. Labels apart by a space, a tab or a `|` are cells of
/// their own and are not doubted.
pub(super) fn distrust_labels_run_together(text: &str, rows: &mut [ReadRow]) {
    let labels = labels_in_text_order(rows);
    let mut doubted = Vec::new();
    for pair in labels.windows(2) {
        let (a, b) = (&rows[pair[0].1].anchor, &rows[pair[1].1].anchor);
        // none where the cores overlap (end past start)
        let Some(between) = text.get(a.core.end..b.core.start) else {
            continue;
        };
        let run_on = between
            .chars()
            .all(|c| !c.is_whitespace() && c != '|' && !c.is_ascii_digit());
        if run_on {
            doubted.extend([pair[0].1, pair[1].1]);
        }
    }
    for r in doubted {
        rows[r].leave_unread();
    }
}

/// The rows found by their labels, as (label start, row), in the text's order.
fn labels_in_text_order(rows: &[ReadRow]) -> Vec<(usize, usize)> {
    let mut labels: Vec<(usize, usize)> = (0..rows.len())
        .filter(|&r| found_by_label(&rows[r]))
        .map(|r| (rows[r].anchor.label.start, r))
        .collect();
    labels.sort_unstable();
    labels
}

/// The figures (words of digits) of a stretch of text up to a label, but for a serial printed
/// on the label's line right before it (`45 涉及个人隐私`).
fn figures_before_label(stretch: &str) -> usize {
    let last_line = stretch.rfind('\n').map_or(0, |i| i + 1);
    let before = stretch[..last_line]
        .split_whitespace()
        .filter(|w| digits_word(w))
        .count();
    let on_label_line: Vec<&str> = stretch[last_line..].split_whitespace().collect();
    let serial = matches!(on_label_line.as_slice(), [.., w] if w.len() <= 3 && digits_word(w));
    let on_line = on_label_line.iter().filter(|w| digits_word(w)).count();
    before + on_line - usize::from(serial)
}
