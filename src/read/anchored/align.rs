//! Figures assigned to rows: tables printed column after column, then the rest in text order
//! by dynamic programming, then rows whose labels were printed after the table.

use super::types::*;
use crate::normalize::is_han;
use crate::schema::{self};
use std::ops::Range;

/// Labels wrapped in their cell are printed by pdftotext after the table, their rows' figures
/// left in place without a label: when the rows that got no figure are as many as the runs of
/// figures no row took, they are the same rows, in the same order.
pub(super) fn assign_orphans(
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    plan: &mut [Taken],
) {
    let used = tokens_taken(plan, tokens.len());
    let found: Vec<_> = anchors.iter().map(|a| a.indicator).collect();
    let orphans: Vec<usize> = (0..anchors.len())
        .filter(|&r| took_nothing(&plan[r]) && !schema::figureless(anchors[r].indicator, &found))
        .collect();
    let Some(&w) = orphans.first().map(|&r| &widths[r]) else {
        return;
    };
    if orphans.iter().any(|&r| widths[r] != w) {
        return;
    }
    let last = anchors.iter().map(|a| a.label.start).max().unwrap_or(0);
    let free: Vec<usize> = (0..tokens.len())
        .filter(|&k| !used[k] && tokens[k].range.start < last)
        .collect();
    if free.len() != orphans.len() * w || free.iter().any(|&k| tokens[k].kind == Tok::Glued) {
        return;
    }
    let orphans = crate::source::by_place(orphans.iter().map(|&r| (anchors[r].label.start, r)));
    let taken: Vec<Option<(usize, usize)>> = plan.iter().map(token_span).collect();
    // a label left without figures was printed after the table (after the figures of the
    // rows that follow it in the template), its run stands beside it (no other row's label
    // between them) or among the figures where the row stands in the template's order: a
    // label amid rows read with their figures, its run far from it and out of order, is none
    // (rows in the template's order: a label printed after the table stands last in the text)
    let rank: Vec<usize> = anchors
        .iter()
        .map(|a| {
            schema::indicators()
                .position(|i| std::ptr::eq(i, a.indicator))
                .unwrap_or(usize::MAX)
        })
        .collect();
    let in_place = orphans.iter().enumerate().all(|(n, &r)| {
        let label = anchors[r].label.start;
        let after_the_table = taken.iter().zip(&rank).all(|(t, &q)| match t {
            Some((_, end)) if q > rank[r] => tokens[*end].range.start < label,
            _ => true,
        });
        let run = tokens[free[n * w]].range.start;
        let (from, to) = (run.min(label), run.max(label));
        let beside_its_label = !anchors
            .iter()
            .any(|a| a.label.start > from && a.label.start < to);
        // or among the figures where its row stands in the template's order
        let (first, last) = (free[n * w], free[(n + 1) * w - 1]);
        let in_the_rows_order = taken.iter().zip(&rank).all(|(t, &q)| match t {
            Some((_, end)) if q < rank[r] => *end < first,
            Some((start, _)) if q > rank[r] => *start > last,
            _ => true,
        });
        after_the_table || beside_its_label || in_the_rows_order
    });
    if !in_place {
        return;
    }
    for (n, &r) in orphans.iter().enumerate() {
        plan[r] = Taken::Cells(free[n * w..(n + 1) * w].iter().map(|&k| Some(k)).collect());
    }
}

/// Which tokens the plan gave a row.
fn tokens_taken(plan: &[Taken], tokens: usize) -> Vec<bool> {
    let mut used = vec![false; tokens];
    for t in plan {
        match t {
            Taken::Cells(ks) => ks.iter().flatten().for_each(|&k| used[k] = true),
            Taken::Glued(k) => used[*k] = true,
            Taken::Unplaced(ks) => ks.iter().for_each(|&k| used[k] = true),
        }
    }
    used
}

/// A row the plan gave no token.
fn took_nothing(t: &Taken) -> bool {
    matches!(t, Taken::Cells(ks) if ks.iter().all(Option::is_none))
}

/// The first and last token a row took, if any.
fn token_span(t: &Taken) -> Option<(usize, usize)> {
    match t {
        Taken::Cells(ks) => {
            let mut ks = ks.iter().flatten().copied();
            let first = ks.next()?;
            Some(ks.fold((first, first), |(a, b), k| (a.min(k), b.max(k))))
        }
        Taken::Glued(k) => Some((*k, *k)),
        Taken::Unplaced(ks) => Some((*ks.first()?, *ks.last()?)),
    }
}

/// The anchors as the alignment should see them. Where pdftotext prints a table's figures a
/// little above their labels (cells whose paragraphs keep a margin), a row's figures stand
/// before its label: the table's first row then has its figures between the table's header
/// and its label, where a table printed label first has none. Such a table's rows are aligned
/// as starting just after the previous row's label. (Tables of one column are left alone: the
/// old form's unit and figure flow is read by its units.)
pub(super) fn figures_first(
    text: &str,
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
) -> Vec<Anchor> {
    let mut seen = anchors.to_vec();
    let table = |a: &Anchor| schema::national_table(a.indicator);
    let mut i = 0;
    while i < anchors.len() {
        let j = (i..anchors.len())
            .take_while(|&k| table(&anchors[k]) == table(&anchors[i]))
            .last()
            .unwrap_or(i);
        if widths[i] >= 3 && figures_before(text, anchors, i, tokens) >= widths[i] {
            for k in i + 1..=j {
                seen[k].label.start = anchors[k - 1].label.end.min(anchors[k].label.start);
            }
            let header_end = anchors[..i].last().map_or(0, |a| a.label.end);
            seen[i].label.start = run_start(text, anchors[i].label.start, tokens).max(header_end);
        }
        i = j + 1;
    }
    seen
}

/// How many figures stand right before anchor `i`'s label, after text that is no row's label
/// (the table's header): nothing but figures, spaces and line ends between them.
fn figures_before(text: &str, anchors: &[Anchor], i: usize, tokens: &[Token]) -> usize {
    let at = anchors[i].label.start;
    let from = run_start(text, at, tokens);
    let run = tokens
        .iter()
        .filter(|t| t.kind == Tok::Value && (from..at).contains(&t.range.start))
        .count();
    // after another row's label, the figures are that row's (printed label first)
    let after_label = anchors[..i].last().is_some_and(|p| {
        text[p.label.end.min(from)..from]
            .chars()
            .all(|c| !is_han(c))
    });
    if after_label {
        0
    } else {
        run
    }
}

/// Where the run of figures right before `at` starts (`at` when none).
fn run_start(text: &str, at: usize, tokens: &[Token]) -> usize {
    let mut from = at;
    for t in tokens[..tokens.partition_point(|t| t.range.start < at)]
        .iter()
        .rev()
    {
        let between = &text[t.range.end.min(from)..from];
        if t.kind != Tok::Value || !between.chars().all(|c| c.is_whitespace() || c == '|') {
            break;
        }
        from = t.range.start;
    }
    from
}

/// How a row's figures were found.
#[derive(Debug, Clone)]
pub(super) enum Taken {
    /// Per column, the token (or none).
    Cells(Vec<Option<usize>>),
    /// One glued token for the whole row.
    Glued(usize),
    /// No figure: the row's run of rows printed these figures (for the run's last row; none
    /// for the others) in an order the text does not tell.
    Unplaced(Vec<usize>),
}

/// Per row, the tokens between its label and the next row's.
fn windows(anchors: &[Anchor], tokens: &[Token]) -> Vec<Vec<usize>> {
    let window = |i: usize| -> Vec<usize> {
        let s = anchors[i].label.start;
        let e = anchors.get(i + 1).map_or(usize::MAX, |a| a.label.start);
        // tokens are in text order
        let from = tokens.partition_point(|t| t.range.start < s);
        let to = tokens.partition_point(|t| t.range.start < e).max(from);
        (from..to).collect()
    };
    (0..anchors.len()).map(window).collect()
}

/// Assigns the tokens to the rows: first tables printed block by block (all labels, then each
/// column's figures), then the rest in text order by [`align_in_order`].
pub(super) fn align(
    text: &str,
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
) -> Vec<Taken> {
    let n = anchors.len();
    let mut plan: Vec<Option<Taken>> = vec![None; n];
    let mut used = vec![false; tokens.len()];
    let windows = windows(anchors, tokens);
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && windows[j].is_empty() && widths[j + 1] == widths[i] {
            j += 1;
        }
        let rows = j - i + 1;
        let w = widths[i];
        let need = rows * w;
        let last = &windows[j];
        let exact = last.len() == need || (j + 1 == n && last.len() >= need);
        // the run of labels with no figures starts here, or the figures are fewer than its
        // rows (blank cells that left no trace) and no one knows which rows they fit
        let whole_run = i == 0 || !windows[i - 1].is_empty() || widths[i - 1] != w;
        if rows >= 2
            && whole_run
            && exact
            && last[..need].iter().all(|&k| tokens[k].kind == Tok::Value)
        {
            let cells = stacked_rows(text, &anchors[i..=j], w, &last[..need], tokens);
            for (r, cells) in cells.into_iter().enumerate() {
                plan[i + r] = Some(Taken::Cells(cells));
            }
            last[..need].iter().for_each(|&k| used[k] = true);
            i = j + 1;
            continue;
        }
        if whole_run && short_column(rows, w, last, j + 1 == n, tokens) {
            // the rows stay unread: the figures are theirs, in an order no one can tell
            for p in &mut plan[i..j] {
                *p = Some(Taken::Unplaced(Vec::new()));
            }
            plan[j] = Some(Taken::Unplaced(last.clone()));
            last.iter().for_each(|&k| used[k] = true);
            i = j + 1;
            continue;
        }
        if let Some(j) = labels_then_rows(&windows, widths, tokens, i) {
            let mut at = windows[j].iter();
            for r in i..=j {
                let cells = (0..widths[r]).map(|_| at.next().copied()).collect();
                plan[r] = Some(Taken::Cells(cells));
            }
            windows[j].iter().for_each(|&k| used[k] = true);
            i = j + 1;
            continue;
        }
        i += 1;
    }
    let rest: Vec<usize> = (0..n).filter(|&r| plan[r].is_none()).collect();
    let free: Vec<usize> = (0..tokens.len()).filter(|&k| !used[k]).collect();
    let ordered = align_in_order(text, anchors, widths, tokens, &rest, &free);
    for (r, t) in rest.into_iter().zip(ordered) {
        plan[r] = Some(t);
    }
    let mut plan: Vec<Taken> = plan
        .into_iter()
        .map(|p| p.unwrap_or(Taken::Cells(Vec::new())))
        .collect();
    leave_split_runs_unplaced(text, &windows, tokens, &mut plan);
    leave_late_takers_unplaced(anchors, tokens, &mut plan);
    leave_rows_shifted_by_unplaced_ones(&windows, &mut plan);
    plan
}

/// A row whose figures stay unplaced took them from a later row's stretch: that row, read
/// from what remained there, was read shifted along with it (`2、政府公报公开` left blank,
/// `受理依申请公开信息总数` `156 635`, `当面申请数` `16 66 155`, 155 the blank row's printed late:
/// each row took the next one's figures, and 当面申请数 read 66 155). It stays unplaced too.
fn leave_rows_shifted_by_unplaced_ones(windows: &[Vec<usize>], plan: &mut [Taken]) {
    for r in 1..plan.len() {
        let Taken::Unplaced(took) = &plan[r - 1] else {
            continue;
        };
        let shifted = took.iter().any(|k| windows[r].contains(k));
        if let Taken::Cells(ks) = &plan[r] {
            if shifted && ks.iter().any(Option::is_some) {
                plan[r] = unplaced(ks);
            }
        }
    }
}

/// The cells of `rows` rows whose labels were printed one under the other, then all their
/// figures (`run`, exactly their cells): column after column, as pdftotext prints cells drawn
/// side by side, unless the rows add up only read row by row (seed 157: `（一）予以公开`
/// `（二）部分公开`, then `9 0 0 0 0 1 10 0 0 0 1 0 0 1`); a row of zeros says nothing either
/// way. Where both ways add up, a cell is read only where both give the same figure.
fn stacked_rows(
    text: &str,
    rows: &[Anchor],
    w: usize,
    run: &[usize],
    tokens: &[Token],
) -> Vec<Vec<Option<usize>>> {
    let n = rows.len();
    let by_columns = |r: usize, c: usize| run[c * n + r];
    let by_rows = |r: usize, c: usize| run[r * w + c];
    let figure = |k: usize| &text[tokens[k].range.clone()];
    let columns = rows[0].indicator.value_columns(&[]);
    // every row adds up, and none is all zeros (a row of zeros adds up whatever it took)
    let adds_up = |at: &dyn Fn(usize, usize) -> usize| {
        (0..n).all(|r| {
            let parts: Vec<String> = (0..w).map(|c| figure(at(r, c)).to_string()).collect();
            super::sums::adds_up(&parts, columns)
                && parts.iter().any(|p| !p.trim_start_matches('0').is_empty())
        })
    };
    let totals = schema::row_totals(columns).next().is_some();
    let (columns_add_up, rows_add_up) = match totals {
        true => (adds_up(&by_columns), adds_up(&by_rows)),
        false => (true, false),
    };
    (0..n)
        .map(|r| {
            (0..w)
                .map(|c| {
                    let (a, b) = (by_columns(r, c), by_rows(r, c));
                    match (columns_add_up, rows_add_up) {
                        (false, true) => Some(b),
                        (true, true) => (figure(a) == figure(b)).then_some(a),
                        _ => Some(a),
                    }
                })
                .collect()
        })
        .collect()
}

/// A row's figures left unplaced: taken (no other row reads them), none of them read.
fn unplaced(ks: &[Option<usize>]) -> Taken {
    Taken::Unplaced(ks.iter().flatten().copied().collect())
}

/// A row that took a figure printed after the next row's label began (a wrapped label's row,
/// its last figure below the next label) while that next row is not read in full: the figure
/// may as well be the next row's first, and the row one figure short, its blank anywhere (seed
/// 137: `7.属于行政执法案卷` `0 0 0 0 0 0`, blank 法律服务机构, took the first 0 after `8.属于行政
/// 查询事项`, which was then left a figure short). The row's figures stay unplaced.
fn leave_late_takers_unplaced(anchors: &[Anchor], tokens: &[Token], plan: &mut [Taken]) {
    for r in 0..plan.len().saturating_sub(1) {
        let next_label = anchors[r + 1].label.start;
        let Taken::Cells(ks) = &plan[r] else {
            continue;
        };
        let late = ks
            .iter()
            .flatten()
            .any(|&k| tokens[k].range.start >= next_label);
        let next_short = match &plan[r + 1] {
            Taken::Cells(next) => next.is_empty() || next.iter().any(Option::is_none),
            Taken::Glued(_) => false,
            Taken::Unplaced(_) => true,
        };
        if late && next_short {
            plan[r] = unplaced(ks);
        }
    }
}

/// Two labels printed one under the other, then the figures of both (table 二's cells drawn
/// beside each other: `规章` `规范性文件` `1 1 12 7 57`): with fewer figures than the two rows'
/// cells, where the first row's end and the second's start, the text does not say (the
/// second's `12 7 57` or `7 57` and a blank). When the first row is not read in full and the
/// second was read from the end of the run of figures, passing over figures of the run no row
/// took, the second row's figures stay unplaced too.
fn leave_split_runs_unplaced(
    text: &str,
    windows: &[Vec<usize>],
    tokens: &[Token],
    plan: &mut [Taken],
) {
    let used = tokens_taken(plan, tokens.len());
    // nothing but figures and spaces from one token to another: one run of figures
    let one_run = |a: usize, b: usize| {
        text[tokens[a].range.start..tokens[b].range.start]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == '.')
    };
    for r in 1..plan.len() {
        let stacked = windows[r - 1].is_empty();
        let first_short =
            matches!(&plan[r - 1], Taken::Cells(ks) if ks.iter().any(Option::is_none));
        let Taken::Cells(ks) = &plan[r] else {
            continue;
        };
        let Some(&first) = ks.iter().flatten().min() else {
            continue;
        };
        let passed_over = windows[r]
            .iter()
            .any(|&k| k < first && !used[k] && tokens[k].kind == Tok::Value && one_run(k, first));
        if stacked && first_short && passed_over {
            plan[r] = unplaced(ks);
        }
    }
}

/// A run of single-figure rows' labels with no figures printed as a column of figures after
/// the last, with fewer figures than rows: blank cells left no trace, and which rows they were, the
/// text does not say (taken in order, every row after the first blank is one row off).
fn short_column(rows: usize, w: usize, last: &[usize], at_end: bool, tokens: &[Token]) -> bool {
    w == 1
        && rows >= 3
        && !at_end
        && last.len() > w
        && last.len() < rows * w
        && last.iter().all(|&k| tokens[k].kind == Tok::Value)
}

/// The last row of a run from row `i` whose labels pdftotext printed one after the other and
/// then all their figures row by row (table 二's blocks of three and two columns: its labels,
/// then its figures): the rows' widths differ, so that the figures cannot be column after
/// column, and the figures after the last label are exactly the run's cells.
fn labels_then_rows(
    windows: &[Vec<usize>],
    widths: &[usize],
    tokens: &[Token],
    i: usize,
) -> Option<usize> {
    let mut j = i;
    while j + 1 < windows.len() && windows[j].is_empty() {
        j += 1;
    }
    let run = &widths[i..=j];
    let need: usize = run.iter().sum();
    let last = &windows[j];
    let mixed = run.iter().any(|&w| w != run[0]);
    (j > i && mixed && last.len() == need && last.iter().all(|&k| tokens[k].kind == Tok::Value))
        .then_some(j)
}

/// Costs of the alignment: a cell left unread, a figure skipped, a figure printed after the
/// next row's label began (PDF text does that when a label wraps).
pub(super) const MISSING: u32 = 4;

pub(super) const SKIPPED: u32 = 4;

pub(super) const SKIPPED_BLANK: u32 = 1;

pub(super) const LATE: u32 = 2;

pub(super) const GLUED_CELL: u32 = 1;

/// More tokens than any report's tables hold; the rest of a long paste is not aligned.
pub(super) const MAX_TOKENS: usize = 4000;

const INF: u32 = u32::MAX / 4;

/// Aligns tokens with rows in text order, by dynamic programming over (token, row, column):
/// each row takes up to its width of tokens, none before its own label; a token may be
/// skipped; a cell may be missing anywhere in its row (a blank that left no trace). Several
/// alignments may cost the least — a row one figure short may miss any of its cells — and the
/// text then leaves its cells more than one reading: a cell is read only where every cheapest
/// alignment gives it the same figure (the same token, or tokens printed alike: which of a
/// run of zeros a row takes does not change what it reads).
pub(super) fn align_in_order(
    text: &str,
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    rows: &[usize],
    free: &[usize],
) -> Vec<Taken> {
    let free = &free[..free.len().min(MAX_TOKENS)];
    if rows.is_empty() {
        return Vec::new();
    }
    let dp = Lattice::new(text, anchors, widths, tokens, rows, free);
    dp.agreed(text, &dp.backward())
}

/// The alignment's states and moves. A state is (row, cells filled) flattened, and one more
/// for the end; between two tokens a reading may leave cells missing (moving along its row)
/// or close its row (the rest missing), then each token is skipped or taken.
///
/// A state has one move between tokens at most, and a token three at most: skipped, filling
/// the next cell of its row, or a glued run standing for the whole row. A token is taken only
/// in the rows whose label it follows (and precedes the next but one's), so each pass moves
/// every state by its skip in one sweep and looks at those few rows only; the moves are looked
/// up in tables made once, not worked out per state and token.
struct Lattice<'a> {
    tokens: &'a [Token],
    rows: &'a [usize],
    /// Per alignment row: its width, its first state, where its label starts, and where the
    /// next row's and the next but one's start (`usize::MAX` past the last row).
    widths: Vec<usize>,
    base: Vec<usize>,
    start: Vec<usize>,
    next1: Vec<usize>,
    next2: Vec<usize>,
    /// Per state: its move between tokens, if any.
    empty: Vec<Gap>,
    /// Per state: its row (`rows.len()` for the end) and the cells filled.
    row: Vec<(usize, usize)>,
    /// Per token aligned: the token's index, where it starts and its kind.
    free: &'a [usize],
    at: Vec<usize>,
    kind: Vec<Tok>,
    states: usize,
    /// Per free token: a glued run that reads as one figure (no leading zero).
    one_figure: Vec<bool>,
}

/// A state's move between two tokens: (to, cost).
type Gap = Option<(usize, u32)>;

/// What a token does in a move.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    /// fills the next cell of its row
    Cell,
    /// a glued run standing for the whole row
    Row,
}

impl<'a> Lattice<'a> {
    fn new(
        text: &str,
        anchors: &'a [Anchor],
        widths: &[usize],
        tokens: &'a [Token],
        rows: &'a [usize],
        free: &'a [usize],
    ) -> Lattice<'a> {
        let widths: Vec<usize> = rows.iter().map(|&r| widths[r]).collect();
        let nr = rows.len();
        let mut base = Vec::with_capacity(nr + 1);
        let mut total = 0;
        for w in &widths {
            base.push(total);
            total += w + 1;
        }
        base.push(total);
        let states = total + 1;
        let start_of = |r: usize| rows.get(r).map_or(usize::MAX, |&x| anchors[x].label.start);
        // a group heading's first cell costs nothing, but for （六）其他处理 printed as a row
        let found: Vec<_> = anchors.iter().map(|a| a.indicator).collect();
        let headings: Vec<bool> = rows
            .iter()
            .map(|&r| schema::figureless(anchors[r].indicator, &found))
            .collect();
        let (row, empty) = empty_moves(&widths, &base, &headings);
        Lattice {
            tokens,
            rows,
            widths,
            base,
            start: (0..nr).map(start_of).collect(),
            next1: (0..nr).map(|r| start_of(r + 1)).collect(),
            next2: (0..nr).map(|r| start_of(r + 2)).collect(),
            empty,
            row,
            free,
            at: free.iter().map(|&k| tokens[k].range.start).collect(),
            kind: free.iter().map(|&k| tokens[k].kind).collect(),
            states,
            one_figure: free.iter().map(|&k| one_figure(text, &tokens[k])).collect(),
        }
    }

    fn end(&self) -> usize {
        self.base[self.rows.len()]
    }

    /// The cost of skipping token `j`, and whether the last row's full state and the end skip
    /// it for nothing: past the last row's label, once it is full, the rest is the text after
    /// the table. An empty field beyond a row's width is a converter's vacant column more likely
    /// than a figure left out.
    fn skips(&self, j: usize) -> (u32, bool) {
        let skip = match self.kind[j] {
            Tok::Blank => SKIPPED_BLANK,
            _ => SKIPPED,
        };
        let last = self.start[self.rows.len() - 1];
        (skip, self.at[j] >= last)
    }

    /// Token `j`'s moves other than skipping, from the states of the rows it may go to, in
    /// state order: (from, to, cost, move).
    fn takes(&self, j: usize, mut f: impl FnMut(usize, usize, u32, Move)) {
        let at = self.at[j];
        let glued = self.kind[j] == Tok::Glued;
        for r in 0..self.rows.len() {
            if at < self.start[r] || at >= self.next2[r] {
                continue;
            }
            let late = if at >= self.next1[r] { LATE } else { 0 };
            let w = self.widths[r];
            for c in 0..=w {
                let s = self.base[r] + c;
                // digits run into the text are a whole row, or one cell run into its label
                // (`行政事业性收费19` `-5`) at a cost: a run that is the row is cheaper as the row
                if c < w && (!glued || w == 1) {
                    f(s, s + 1, late, Move::Cell);
                } else if c < w && self.one_figure[j] {
                    f(s, s + 1, late + GLUED_CELL, Move::Cell);
                }
                if c == 0 && w >= 2 && glued {
                    f(s, s + w, late, Move::Row);
                }
            }
        }
    }

    /// The forward pass, one position at a time (walked alongside [`Lattice::agreed`], which
    /// needs one position's costs at a time: a table of them all, tokens × states, was a fresh
    /// 0.2 MB per check, page faults included). The costs of reaching each state before a
    /// token, with the moves between tokens made.
    ///
    /// Only the costs within the cheapest alignment's (`best`) are worked out exactly: no
    /// cheapest alignment passes a state that costs more, and a cost above `best` is only ever
    /// compared with it. Those states are a band (`band`, held from one position to the next)
    /// that moves along with the tokens, where all the states were swept before. Nor does a
    /// state on no cheapest alignment (its cost and `to_end`'s from it above `best`) pass its
    /// cost on: a state reached cheapest through it is on none either.
    fn between_tokens(&self, row: &mut [u32], to_end: &[u32], best: u32, band: &mut Range<usize>) {
        let mut s = band.start;
        while s < band.end {
            if row[s] <= best && row[s] + to_end[s] <= best {
                if let Some((to, cost)) = self.empty[s] {
                    row[to] = row[to].min(row[s] + cost);
                    if row[to] <= best {
                        band.end = band.end.max(to + 1);
                    }
                }
            }
            s += 1;
        }
    }

    /// The forward pass past token `j`: the costs before the next token from those before `j`
    /// (`here`, after the moves between tokens), `j` skipped or taken; the band of states
    /// on a cheapest alignment (see [`Lattice::between_tokens`]; `to_end` from the next
    /// position) moved along.
    fn past_token(
        &self,
        j: usize,
        here: &[u32],
        next: &mut [u32],
        to_end: &[u32],
        best: u32,
        band: &mut Range<usize>,
    ) {
        let end = self.end();
        let (skip, done) = self.skips(j);
        // unreachable states stay at INF: every cost is far below it
        for (to, &h) in next.iter_mut().zip(here) {
            *to = (h + skip).min(INF);
        }
        if done {
            next[end - 1] = here[end - 1].min(INF);
            next[end] = here[end].min(INF);
        }
        let mut reach = band.end;
        self.takes(j, |s, to, cost, _| {
            if here[s] < INF {
                next[to] = next[to].min(here[s] + cost);
                if next[to] <= best {
                    reach = reach.max(to + 1);
                }
            }
        });
        // a state within `best` now was one before (skipped, or the end's free skips), or a
        // token's move led there
        band.end = reach;
        let off = |s: usize| next[s] > best || next[s] + to_end[s] > best;
        while band.start < band.end && off(band.start) {
            band.start += 1;
        }
        while band.end > band.start && off(band.end - 1) {
            band.end -= 1;
        }
    }

    /// Costs from each state to the end, per position: `to_end[j][s]` from state `s` before
    /// the moves between tokens at position `j`.
    fn backward(&self) -> Vec<u32> {
        let (n, states) = (self.free.len(), self.states);
        let end = self.end();
        let mut to_end = vec![INF; (n + 1) * states];
        let mut after = vec![INF; states];
        for j in (0..=n).rev() {
            // after the moves between tokens: the token's own moves (or the end)
            if j == n {
                after[end] = 0;
            } else {
                let next = &to_end[(j + 1) * states..(j + 2) * states];
                let (skip, done) = self.skips(j);
                for (slot, &x) in after.iter_mut().zip(next) {
                    *slot = skip.saturating_add(x).min(INF);
                }
                if done {
                    after[end - 1] = next[end - 1].min(INF);
                    after[end] = next[end].min(INF);
                }
                self.takes(j, |s, to, cost, _| {
                    after[s] = after[s].min(cost.saturating_add(next[to]));
                });
            }
            // the moves between tokens lead to higher states: from the last state back
            let here = &mut to_end[j * states..(j + 1) * states];
            for s in (0..states).rev() {
                let mut best = after[s];
                if let Some((to, cost)) = self.empty[s] {
                    best = best.min(cost.saturating_add(here[to]));
                }
                here[s] = best;
            }
        }
        to_end
    }

    /// Marks the cells some cheapest alignment leaves missing between two tokens, given the
    /// costs there (`f` from the start, `b` to the end).
    fn mark_missing(
        &self,
        f: &[u32],
        b: &[u32],
        best: u32,
        band: Range<usize>,
        missing: &mut [bool],
    ) {
        for (s, &here) in f.iter().enumerate().take(band.end).skip(band.start) {
            let Some((to, cost)) = self.empty[s] else {
                continue;
            };
            if here < INF && here + cost + b[to] == best {
                let (r, c) = self.row[s];
                let w = self.widths.get(r).copied().unwrap_or(0);
                (c..if to == s + 1 { c + 1 } else { w })
                    .for_each(|cc| missing[self.base[r] + cc] = true);
            }
        }
    }

    /// Per row, what every cheapest alignment agrees on.
    fn agreed(&self, text: &str, bwd: &[u32]) -> Vec<Taken> {
        let (n, states) = (self.free.len(), self.states);
        let best = bwd[0];
        // per state (row, column): the first token some cheapest alignment puts there, whether
        // another puts a token printed otherwise, whether one leaves it missing
        let mut put: Vec<Option<usize>> = vec![None; states];
        let mut clash = vec![false; states];
        let mut missing = vec![false; states];
        let mut glued: Vec<Vec<usize>> = vec![Vec::new(); self.rows.len()];
        let printed = |k: usize| {
            let t = &self.tokens[k];
            (t.kind, &text[t.range.clone()])
        };
        if best < INF {
            // the forward pass's costs before token j, and before the next
            let mut f = vec![INF; states];
            f[0] = 0;
            let mut next = vec![INF; states];
            let mut band = 0..1;
            for j in 0..=n {
                let b = &bwd[j * states..];
                self.between_tokens(&mut f, b, best, &mut band);
                self.mark_missing(&f, b, best, band.clone(), &mut missing);
                if j == n {
                    continue;
                }
                let b = &bwd[(j + 1) * states..];
                let k = self.free[j];
                self.takes(j, |s, to, cost, mv| {
                    let here = f[s];
                    if here >= INF || here + cost + b[to] != best {
                        return;
                    }
                    match mv {
                        Move::Cell => match put[s] {
                            None => put[s] = Some(k),
                            Some(first) => clash[s] |= printed(first) != printed(k),
                        },
                        Move::Row => {
                            let g = &mut glued[self.row[s].0];
                            if !g.contains(&k) {
                                g.push(k);
                            }
                        }
                    }
                });
                self.past_token(j, &f, &mut next, b, best, &mut band);
                std::mem::swap(&mut f, &mut next);
            }
        }
        (0..self.rows.len())
            .map(|r| {
                let w = self.widths[r];
                let cells: Vec<Option<usize>> = (0..w)
                    .map(|c| {
                        let s = self.base[r] + c;
                        put[s].filter(|_| !clash[s] && !missing[s] && glued[r].is_empty())
                    })
                    .collect();
                let by_cells = (0..w).any(|c| put[self.base[r] + c].is_some());
                match glued[r].as_slice() {
                    [k] if !by_cells && !missing[self.base[r]] => Taken::Glued(*k),
                    _ => Taken::Cells(cells),
                }
            })
            .collect()
    }
}

/// Per state, its row and cells filled (`(rows, 0)` for the end), and its one move between
/// tokens (to, cost): a cell left missing (a group heading's first cell costs nothing: it
/// carries no figures of its own), or the row closed when full; none from the end.
fn empty_moves(
    widths: &[usize],
    base: &[usize],
    headings: &[bool],
) -> (Vec<(usize, usize)>, Vec<Gap>) {
    let mut row = Vec::new();
    let mut empty = Vec::new();
    for (r, &w) in widths.iter().enumerate() {
        for c in 0..=w {
            let s = base[r] + c;
            row.push((r, c));
            empty.push(Some(if c == w || (headings[r] && c == 0) {
                (base[r + 1], 0)
            } else {
                (s + 1, MISSING)
            }));
        }
    }
    row.push((widths.len(), 0));
    empty.push(None);
    (row, empty)
}

/// A glued run that reads as one figure (no leading zero), with no sign or hyphen beside it
/// (`35-15`) to leave its figures in doubt.
fn one_figure(text: &str, t: &Token) -> bool {
    let digits = &text[t.range.clone()];
    let signed = |b: Option<u8>| matches!(b, Some(b'-' | b'+'));
    let (before, after) = (
        text.as_bytes().get(t.range.start.wrapping_sub(1)).copied(),
        text.as_bytes().get(t.range.end).copied(),
    );
    t.kind == Tok::Glued
        && !signed(before)
        && !signed(after)
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(digits.len() > 1 && digits.starts_with('0'))
        && digits.len() <= 9
}

/// A run of rows left without figures, in a national format whose rows are fixed: when the
/// figures no row took between the row read before it and the row read after it (in the
/// template's order and in the text's) are exactly as many as those rows' cells, they are
/// those rows' figures in order (pdftotext prints a row's label after the table when it
/// wraps, its figures staying in place). Every template row between the two read rows must
/// be found, so no row whose label was missed can have left its figures there.
pub(super) fn assign_orphan_runs(
    t: schema::Template,
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    plan: &mut [Taken],
) {
    if t == schema::Template::T2008 {
        return;
    }
    let used = tokens_taken(plan, tokens.len());
    let row_of = |id: &str| anchors.iter().position(|a| a.indicator.id == id);
    // the template's rows in order, as the anchors found them (None: not found)
    let rows: Vec<Option<usize>> = schema::value_rows(t).map(|i| row_of(i.id)).collect();
    let empties: Vec<bool> = plan.iter().map(took_nothing).collect();
    let empty = |r: usize| empties[r];
    let mut i = 0;
    while i < rows.len() {
        let Some(r) = rows[i].filter(|&r| empty(r)) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while rows.get(j).is_some_and(|r| r.is_some_and(&empty)) {
            j += 1;
        }
        let group: Vec<usize> = rows[i..j].iter().flatten().copied().collect();
        let before = i
            .checked_sub(1)
            .and_then(|p| rows[p])
            .and_then(|p| token_span(&plan[p]));
        let after = match rows.get(j) {
            Some(Some(n)) => token_span(&plan[*n]),
            Some(None) => None,
            // the table's last rows: up to the figures of the rows after the template's
            None => plan
                .iter()
                .enumerate()
                .filter(|(r, _)| !rows.contains(&Some(*r)))
                .filter_map(|(_, p)| token_span(p))
                .min(),
        };
        if let (Some((_, from)), Some((to, _))) = (before, after) {
            let w = widths[r];
            let free: Vec<usize> = (from + 1..to).filter(|&k| !used[k]).collect();
            let fits = group.iter().all(|&g| widths[g] == w)
                && free.len() == group.len() * w
                && free.iter().all(|&k| tokens[k].kind != Tok::Glued);
            if fits {
                for (n, &g) in group.iter().enumerate() {
                    let cells = free[n * w..(n + 1) * w].iter().map(|&k| Some(k)).collect();
                    plan[g] = Taken::Cells(cells);
                }
            }
        }
        i = j;
    }
}
