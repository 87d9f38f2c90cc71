//! Figures assigned to rows: tables printed column after column, then the rest in text order
//! by dynamic programming, then rows whose labels were printed after the table.

use super::types::*;
use crate::normalize::is_han;
use crate::schema::{self};

/// Labels wrapped in their cell are printed by pdftotext after the table, their rows' figures
/// left in place without a label: when the rows that got no figure are as many as the runs of
/// figures no row took, they are the same rows, in the same order.
pub(super) fn assign_orphans(
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    plan: &mut [Taken],
) {
    let mut used = vec![false; tokens.len()];
    for t in plan.iter() {
        match t {
            Taken::Cells(ks) => ks.iter().flatten().for_each(|&k| used[k] = true),
            Taken::Glued(k) => used[*k] = true,
        }
    }
    let empty = |t: &Taken| matches!(t, Taken::Cells(ks) if ks.iter().all(Option::is_none));
    let mut orphans: Vec<usize> = (0..anchors.len())
        .filter(|&r| empty(&plan[r]) && !anchors[r].indicator.heading)
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
    orphans.sort_by_key(|&r| anchors[r].label.start);
    let taken: Vec<Option<(usize, usize)>> = plan.iter().map(token_span).collect();
    // a label left without figures was printed after the table (after the figures of the
    // rows that follow it in the template), or its run stands beside it (no other row's
    // label between them): a label amid rows read with their figures, its run far from it,
    // is no such label
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
        after_the_table || beside_its_label
    });
    if std::env::var("NB_DEBUG").is_ok() {
        eprintln!(
            "IN_PLACE {in_place} free {} orphans {}",
            free.len(),
            orphans.len()
        );
    }
    if !in_place {
        return;
    }
    for (n, &r) in orphans.iter().enumerate() {
        plan[r] = Taken::Cells(free[n * w..(n + 1) * w].iter().map(|&k| Some(k)).collect());
    }
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
    let window = |i: usize| -> Vec<usize> {
        let s = anchors[i].label.start;
        let e = anchors.get(i + 1).map_or(usize::MAX, |a| a.label.start);
        // tokens are in text order
        let from = tokens.partition_point(|t| t.range.start < s);
        let to = tokens.partition_point(|t| t.range.start < e).max(from);
        (from..to).collect()
    };
    let windows: Vec<Vec<usize>> = (0..n).map(window).collect();
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
        if rows >= 2 && exact && last[..need].iter().all(|&k| tokens[k].kind == Tok::Value) {
            for r in 0..rows {
                let cells = (0..w).map(|c| Some(last[c * rows + r])).collect();
                plan[i + r] = Some(Taken::Cells(cells));
            }
            last[..need].iter().for_each(|&k| used[k] = true);
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
    plan.into_iter()
        .map(|p| p.unwrap_or(Taken::Cells(Vec::new())))
        .collect()
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
    let (fwd, bwd) = (dp.forward(), dp.backward());
    dp.agreed(text, &fwd, &bwd)
}

/// The alignment's states and moves. A state is (row, cells filled) flattened, and one more
/// for the end; between two tokens a reading may leave cells missing (moving along its row)
/// or close its row (the rest missing), then each token is skipped or taken.
struct Lattice<'a> {
    anchors: &'a [Anchor],
    widths: Vec<usize>,
    tokens: &'a [Token],
    rows: &'a [usize],
    free: &'a [usize],
    base: Vec<usize>,
    states: usize,
    /// Per free token: a glued run that reads as one figure (no leading zero).
    one_figure: Vec<bool>,
}

/// What a token does in a move.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    Skip,
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
        let mut base = Vec::with_capacity(rows.len() + 1);
        let mut total = 0;
        for w in &widths {
            base.push(total);
            total += w + 1;
        }
        base.push(total);
        let one_figure = free
            .iter()
            .map(|&k| {
                let t = &tokens[k];
                let digits = &text[t.range.clone()];
                // a sign or hyphen beside it (`35-15`) leaves its figures in doubt
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
            })
            .collect();
        Lattice {
            anchors,
            widths,
            tokens,
            rows,
            free,
            base,
            states: total + 1,
            one_figure,
        }
    }

    fn end(&self) -> usize {
        self.base[self.rows.len()]
    }

    fn row_of(&self, s: usize) -> (usize, usize) {
        let r = self.base.partition_point(|&b| b <= s) - 1;
        (r, s - self.base[r])
    }

    fn start_of(&self, r: usize) -> usize {
        self.anchors[self.rows[r]].label.start
    }

    fn next_start(&self, r: usize, k: usize) -> usize {
        self.rows
            .get(r + k)
            .map_or(usize::MAX, |&x| self.anchors[x].label.start)
    }

    /// Moves between two tokens from state `s`: (to, cost). A cell left missing (a group
    /// heading's first cell costs nothing: it carries no figures of its own), or the row
    /// closed when full.
    fn empty_moves(&self, s: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let (r, c) = self.row_of(s);
        let in_row = r < self.rows.len();
        let w = if in_row { self.widths[r] } else { 0 };
        let heading = in_row && self.anchors[self.rows[r]].indicator.heading;
        let miss = (in_row && c < w).then(|| {
            if heading && c == 0 {
                (self.base[r + 1], 0)
            } else {
                (s + 1, MISSING)
            }
        });
        let close = (in_row && c == w).then(|| (self.base[r + 1], 0));
        miss.into_iter().chain(close)
    }

    /// Moves of token `j` from state `s`: (to, cost, move).
    fn token_moves(&self, j: usize, s: usize) -> Vec<(usize, u32, Move)> {
        let (r, c) = self.row_of(s);
        let nr = self.rows.len();
        let t = &self.tokens[self.free[j]];
        let at = t.range.start;
        let w = if r < nr { self.widths[r] } else { 0 };
        // past the last row's label, once it is full, the rest is the text after the table
        let done = (r == nr || (r + 1 == nr && c == w)) && at >= self.start_of(nr - 1);
        // an empty field beyond a row's width is a converter's vacant column more likely
        // than a figure left out
        let skip = match t.kind {
            _ if done => 0,
            Tok::Blank => SKIPPED_BLANK,
            _ => SKIPPED,
        };
        let mut out = vec![(s, skip, Move::Skip)];
        if r == nr || at < self.start_of(r) || at >= self.next_start(r, 2) {
            return out;
        }
        let late = if at >= self.next_start(r, 1) { LATE } else { 0 };
        // digits run into the text are a whole row, or one cell run into its label
        // (`行政事业性收费19` `-5`) at a cost: a run that is the row is cheaper as the row
        if c < w && (t.kind != Tok::Glued || w == 1) {
            out.push((s + 1, late, Move::Cell));
        } else if c < w && self.one_figure[j] {
            out.push((s + 1, late + GLUED_CELL, Move::Cell));
        }
        if c == 0 && w >= 2 && t.kind == Tok::Glued {
            out.push((s + w, late, Move::Row));
        }
        out
    }

    /// Costs of reaching each state, per position: `at[j][s]` before token `j` (after the moves
    /// between tokens).
    fn forward(&self) -> Vec<u32> {
        let (n, states) = (self.free.len(), self.states);
        let mut at = vec![INF; (n + 1) * states];
        at[0] = 0;
        for j in 0..=n {
            let row = &mut at[j * states..(j + 1) * states];
            for s in 0..states {
                if row[s] >= INF {
                    continue;
                }
                for (to, cost) in self.empty_moves(s) {
                    row[to] = row[to].min(row[s] + cost);
                }
            }
            if j == n {
                break;
            }
            let (here, next) = at.split_at_mut((j + 1) * states);
            let here = &here[j * states..];
            for (s, &cost_here) in here.iter().enumerate() {
                if cost_here >= INF {
                    continue;
                }
                for (to, cost, _) in self.token_moves(j, s) {
                    next[to] = next[to].min(cost_here + cost);
                }
            }
        }
        at
    }

    /// Costs from each state to the end, per position: `to_end[j][s]` from state `s` before
    /// the moves between tokens at position `j`.
    fn backward(&self) -> Vec<u32> {
        let (n, states) = (self.free.len(), self.states);
        let mut to_end = vec![INF; (n + 1) * states];
        for j in (0..=n).rev() {
            // after the moves between tokens: the token's own moves (or the end)
            let mut after = vec![INF; states];
            if j == n {
                after[self.end()] = 0;
            } else {
                let next = &to_end[(j + 1) * states..(j + 2) * states];
                for (s, slot) in after.iter_mut().enumerate() {
                    for (to, cost, _) in self.token_moves(j, s) {
                        *slot = (*slot).min(cost.saturating_add(next[to]));
                    }
                }
            }
            // the moves between tokens lead to higher states: from the last state back
            for s in (0..states).rev() {
                let mut best = after[s];
                for (to, cost) in self.empty_moves(s) {
                    best = best.min(cost.saturating_add(to_end[j * states + to]));
                }
                to_end[j * states + s] = best;
            }
        }
        to_end
    }

    /// Per row, what every cheapest alignment agrees on.
    fn agreed(&self, text: &str, fwd: &[u32], bwd: &[u32]) -> Vec<Taken> {
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
            for j in 0..=n {
                for s in 0..states {
                    let here = fwd[j * states + s];
                    if here >= INF {
                        continue;
                    }
                    for (to, cost) in self.empty_moves(s) {
                        if here + cost + bwd[j * states + to] == best {
                            let (r, c) = self.row_of(s);
                            let w = self.widths.get(r).copied().unwrap_or(0);
                            (c..if to == s + 1 { c + 1 } else { w })
                                .for_each(|cc| missing[self.base[r] + cc] = true);
                        }
                    }
                    if j == n {
                        continue;
                    }
                    for (to, cost, mv) in self.token_moves(j, s) {
                        if mv == Move::Skip || here + cost + bwd[(j + 1) * states + to] != best {
                            continue;
                        }
                        let k = self.free[j];
                        match mv {
                            Move::Cell => match put[s] {
                                None => put[s] = Some(k),
                                Some(first) => clash[s] |= printed(first) != printed(k),
                            },
                            Move::Row => {
                                let g = &mut glued[self.row_of(s).0];
                                if !g.contains(&k) {
                                    g.push(k);
                                }
                            }
                            Move::Skip => {}
                        }
                    }
                }
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
