//! Figures assigned to rows: tables printed column after column, then the rest in text order
//! by dynamic programming, then rows whose labels were printed after the table.

use super::*;

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
    for (n, &r) in orphans.iter().enumerate() {
        plan[r] = Taken::Cells(free[n * w..(n + 1) * w].iter().map(|&k| Some(k)).collect());
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
pub(super) fn align(anchors: &[Anchor], widths: &[usize], tokens: &[Token]) -> Vec<Taken> {
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
    let ordered = align_in_order(anchors, widths, tokens, &rest, &free);
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

pub(super) const LATE: u32 = 2;

/// More tokens than any report's tables hold; the rest of a long paste is not aligned.
pub(super) const MAX_TOKENS: usize = 4000;

/// Aligns tokens with rows in text order, by dynamic programming over (token, row, column):
/// each row takes up to its width of tokens, none before its own label; a token may be
/// skipped; a row may end short. The cheapest reading wins.
pub(super) fn align_in_order(
    anchors: &[Anchor],
    widths: &[usize],
    tokens: &[Token],
    rows: &[usize],
    free: &[usize],
) -> Vec<Taken> {
    let free = &free[..free.len().min(MAX_TOKENS)];
    let nr = rows.len();
    if nr == 0 {
        return Vec::new();
    }
    // states: (row, filled) flattened; plus the end state
    let mut base = Vec::with_capacity(nr + 1);
    let mut total = 0;
    for &r in rows {
        base.push(total);
        total += widths[r] + 1;
    }
    base.push(total);
    let states = total + 1;
    let start_of = |r: usize| anchors[rows[r]].label.start;
    let next_start = |r: usize, k: usize| {
        rows.get(r + k)
            .map_or(usize::MAX, |&x| anchors[x].label.start)
    };
    let optional = |r: usize| anchors[rows[r]].indicator.heading;
    let missing = |r: usize, c: usize| -> u32 {
        if c == 0 && optional(r) {
            0
        } else {
            MISSING * (widths[rows[r]] - c) as u32
        }
    };
    const INF: u32 = u32::MAX / 4;
    const NONE: u32 = u32::MAX;
    let mut cost = vec![INF; states];
    cost[0] = 0;
    // eps[j][s]: state before the row-advance at step j; tok[j][s]: (state, action) at token j
    let mut eps = vec![NONE; (free.len() + 1) * states];
    let mut tok = vec![(NONE, 0u8); free.len() * states];
    let relax = |cost: &mut Vec<u32>, eps: &mut [u32], j: usize| {
        for r in 0..nr {
            for c in 0..=widths[rows[r]] {
                let s = base[r] + c;
                if cost[s] >= INF {
                    continue;
                }
                let next = base[r + 1];
                let v = cost[s] + missing(r, c);
                if v < cost[next] {
                    cost[next] = v;
                    eps[j * states + next] = s as u32;
                }
            }
        }
    };
    for (j, &k) in free.iter().enumerate() {
        relax(&mut cost, &mut eps, j);
        let mut next = vec![INF; states];
        let t = &tokens[k];
        let at = t.range.start;
        for r in 0..=nr {
            let w = if r < nr { widths[rows[r]] } else { 0 };
            for c in 0..=w {
                let s = base[r] + c;
                let here = cost[s];
                if here >= INF {
                    continue;
                }
                let mut put = |to: usize, v: u32, action: u8, next: &mut Vec<u32>| {
                    if v < next[to] {
                        next[to] = v;
                        tok[j * states + to] = (s as u32, action);
                    }
                };
                // skip: free once the last row is full or before any row, else a cost
                // past the last row's label the rest is the text after the table; before
                // it, a figure left out costs whatever state the reading is in
                let done = (r == nr || (r + 1 == nr && c == w)) && at >= start_of(nr - 1);
                put(s, here + if done { 0 } else { SKIPPED }, 0, &mut next);
                if r == nr || at < start_of(r) || at >= next_start(r, 2) {
                    continue;
                }
                let late = if at >= next_start(r, 1) { LATE } else { 0 };
                // digits run into the text are a whole row or nothing: never one cell of several
                if c < w && (t.kind != Tok::Glued || w == 1) {
                    put(s + 1, here + late, 1, &mut next);
                }
                if c == 0 && w >= 2 && t.kind == Tok::Glued {
                    put(s + w, here + late, 2, &mut next);
                }
            }
        }
        cost = next;
    }
    relax(&mut cost, &mut eps, free.len());
    // walk back from the end state
    let mut taken: Vec<Taken> = rows
        .iter()
        .map(|&r| Taken::Cells(vec![None; widths[r]]))
        .collect();
    let row_of = |s: usize| base.partition_point(|&b| b <= s) - 1;
    let mut s = base[nr];
    let mut j = free.len();
    loop {
        let e = eps[j * states + s];
        if e != NONE {
            s = e as usize;
            continue;
        }
        if j == 0 {
            break;
        }
        let (prev, action) = tok[(j - 1) * states + s];
        if prev == NONE {
            break;
        }
        let r = row_of(prev as usize);
        let c = prev as usize - base[r];
        match action {
            1 => {
                if let Taken::Cells(cells) = &mut taken[r] {
                    cells[c] = Some(free[j - 1]);
                }
            }
            2 => taken[r] = Taken::Glued(free[j - 1]),
            _ => {}
        }
        s = prev as usize;
        j -= 1;
    }
    taken
}
