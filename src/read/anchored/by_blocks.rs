//! Table 三 read again, block by block, where the reading in text order left rows unread or not
//! adding up; the table's relations between rows that choose between cuts.

use super::blocks;
use super::sums::{adds_up, broken_in_columns, column_relations};
use super::tail;
use super::types::*;
use crate::read::grid::RawCell;
use crate::schema::{self, Indicator, Template};
use std::ops::Range;

/// Table 三 read again by [`blocks::solve`] when the reading in text order leaves rows
/// unread or not adding up: all its figures, from its first label to table 四, cut into runs
/// of rows printed column after column.
pub(super) fn read_blocks(text: &str, t: Template, tokens: &[Token], rows: &mut Vec<ReadRow>) {
    let table: Vec<&'static Indicator> = schema::value_rows(t)
        .filter(|i| schema::national_table(i) == "表三")
        .collect();
    let in_table = |r: &ReadRow| table.iter().any(|i| std::ptr::eq(*i, r.anchor.indicator));
    let sound = |r: &ReadRow| {
        let parts: Option<Vec<String>> = r
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.text.clone()))
            .collect();
        parts.is_some_and(|p| adds_up(&p, r.columns))
    };
    let read_whole = rows.iter().filter(|r| in_table(r) && sound(r)).count() == table.len();
    if read_whole || table.is_empty() {
        return;
    }
    let Some(start) = rows
        .iter()
        .filter(|r| in_table(r))
        .map(|r| r.anchor.label.start)
        .min()
    else {
        return;
    };
    let end = rows
        .iter()
        .find(|r| r.anchor.indicator.id == "review_lawsuit")
        .map_or(usize::MAX, |r| r.anchor.label.start);
    let zone: Vec<usize> = (0..tokens.len())
        .filter(|&k| (start..end).contains(&tokens[k].range.start))
        .collect();
    let width = schema::t2019::APPLICANTS.len();
    if zone.len() != table.len() * width || zone.iter().any(|&k| tokens[k].kind != Tok::Value) {
        return;
    }
    let Some(values) = zone
        .iter()
        .map(|&k| text[tokens[k].range.clone()].parse::<u64>().ok())
        .collect::<Option<Vec<u64>>>()
    else {
        return;
    };
    let fits = |v: &[u64]| v[..v.len() - 1].iter().sum::<u64>() == v[v.len() - 1];
    let labels = table_labels(text, rows, &table, tokens, &zone);
    let pinned = pinned_rows(text, &labels, tokens, &zone, width);
    let windows = label_windows(&labels);
    let beside = |row: usize, j: usize| {
        let at = tokens[zone[j]].range.start;
        windows
            .get(row)
            .and_then(Option::as_ref)
            .is_some_and(|w| w.contains(&at))
    };
    let sums = column_relations(t, &table);
    let printed = blocks::Printed {
        pinned: &pinned,
        beside: &beside,
    };
    let first_failing_unpinned = |solved: &[Option<Vec<usize>>]| {
        solved.iter().zip(&pinned).position(|(reading, &pinned)| {
            reading.as_ref().is_some_and(|p| {
                let v: Vec<u64> = p.iter().map(|&j| values[j]).collect();
                !pinned && !fits(&v)
            })
        })
    };
    // the rows before the last `open` cut into runs; where rows are left open, a cut is as
    // good as the last rows can be placed after it
    let cut = |open: usize| {
        let head = table.len() - open;
        let within: Vec<_> = sums
            .iter()
            .filter(|(l, r)| l.iter().chain(r).all(|&x| x < head))
            .cloned()
            .collect();
        let between = |reading: &[Vec<u64>]| {
            let broken = broken_in_columns(&within, reading, width);
            let placed = open == 0
                || tail::place(reading, open, &values[head * width..], width, &fits, &sums)
                    .is_some();
            broken + usize::from(!placed)
        };
        let mut solved = blocks::solve(
            &values[..head * width],
            head,
            width,
            &printed,
            &fits,
            &between,
        )?;
        solved.resize(table.len(), None);
        Some(solved)
    };
    let Some(mut solved) = cut(0) else {
        return;
    };
    // a row that fails its total is the report's own wrong total only where it was printed as
    // a row (its label right before its figures); elsewhere the cut itself is in doubt: the
    // last rows may be printed in no order a cut describes (a page's last figures after the
    // next rows'), to be placed by the arithmetic; failing that, only the rows printed as rows
    // are kept of the reading in text order
    if let Some(first) = first_failing_unpinned(&solved) {
        let with_open_tail = (table.len() - first..=MAX_OPEN_TAIL)
            .filter_map(|open| Some((open, cut(open)?)))
            .find(|(_, s)| first_failing_unpinned(s).is_none());
        match with_open_tail {
            Some((open, mut head)) => {
                place_open_tail(&mut head, open, &values, width, &fits, &sums);
                solved = head;
            }
            None => keep_rows_printed_in_order(&mut solved, &pinned, &table, width, rows),
        }
    }
    // with table 三's figures settled, table 四's are the next fifteen
    if let Some(review) = rows
        .iter_mut()
        .find(|r| r.anchor.indicator.id == "review_lawsuit")
    {
        let next: Vec<&Token> = tokens.iter().filter(|t| t.range.start >= end).collect();
        let n = review.columns.len();
        if next.len() >= n && next[..n].iter().all(|t| t.kind == Tok::Value) {
            review.cells = next[..n].iter().map(|t| Some(raw(text, t))).collect();
        }
    }
    for (ind, reading) in table.iter().zip(solved) {
        // a row the cuts read more ways than one keeps none of them, nor the reading in text
        // order (it is the cuts' figures it would take)
        let Some(picked) = reading else {
            if let Some(r) = rows
                .iter_mut()
                .find(|r| std::ptr::eq(r.anchor.indicator, *ind))
            {
                r.leave_unread();
            }
            continue;
        };
        let cells: Vec<Option<RawCell>> = picked
            .iter()
            .map(|&j| Some(raw(text, &tokens[zone[j]])))
            .collect();
        match rows
            .iter_mut()
            .find(|r| std::ptr::eq(r.anchor.indicator, *ind))
        {
            Some(r) => {
                r.cells = cells;
                r.unreadable = None;
            }
            None => {
                let at = tokens[zone[picked[0]]].range.clone();
                rows.push(ReadRow {
                    anchor: Anchor {
                        indicator: ind,
                        core: at.clone(),
                        label: at,
                        found: false,
                        broken: false,
                        variant: false,
                    },
                    columns: schema::t2019::APPLICANTS,
                    cells,
                    unreadable: None,
                    reconstructed: None,
                });
            }
        }
    }
}

/// Rows at the end of table 三 a cut may leave to the arithmetic.
const MAX_OPEN_TAIL: usize = 3;

/// The last `open` rows placed by [`tail::place`] from the figures after the rows read, each
/// figure's token the first of its value not yet taken.
fn place_open_tail(
    solved: &mut [Option<Vec<usize>>],
    open: usize,
    values: &[u64],
    width: usize,
    fits: &dyn Fn(&[u64]) -> bool,
    sums: &tail::Relations,
) {
    let head = solved.len() - open;
    let Some(read) = solved[..head]
        .iter()
        .map(|r| Some(r.as_ref()?.iter().map(|&j| values[j]).collect::<Vec<u64>>()))
        .collect::<Option<Vec<Vec<u64>>>>()
    else {
        return;
    };
    let from = head * width;
    let Some(placed) = tail::place(&read, open, &values[from..], width, fits, sums) else {
        return;
    };
    let mut taken = vec![false; values.len() - from];
    for (row, cells) in solved[head..].iter_mut().zip(placed) {
        let tokens: Vec<usize> = cells
            .iter()
            .filter_map(|&v| {
                let k = (0..taken.len()).find(|&k| !taken[k] && values[from + k] == v)?;
                taken[k] = true;
                Some(from + k)
            })
            .collect();
        *row = Some(tokens);
    }
}

/// Of a cut in doubt, the rows up to the first not read in plain order stand as printed, and so
/// do the rows printed as rows (`pinned`); the rest is left unread.
fn keep_rows_printed_in_order(
    solved: &mut [Option<Vec<usize>>],
    pinned: &[bool],
    table: &[&'static Indicator],
    width: usize,
    rows: &mut [ReadRow],
) {
    let plain = |r: usize, reading: &Option<Vec<usize>>| {
        reading
            .as_ref()
            .is_some_and(|p| p.iter().copied().eq(r * width..(r + 1) * width))
    };
    let prefix = (0..table.len())
        .find(|&r| !plain(r, &solved[r]))
        .unwrap_or(table.len());
    for (r, reading) in solved.iter_mut().enumerate() {
        if r < prefix || pinned[r] {
            continue;
        }
        *reading = None;
        if let Some(row) = rows
            .iter_mut()
            .find(|x| std::ptr::eq(x.anchor.indicator, table[r]))
        {
            row.leave_unread();
        }
    }
}

/// Where each row of `table` has its label in the text, if anywhere.
fn table_labels(
    text: &str,
    rows: &[ReadRow],
    table: &[&Indicator],
    tokens: &[Token],
    zone: &[usize],
) -> Vec<Option<Range<usize>>> {
    let Some(span) = zone
        .first()
        .zip(zone.last())
        .map(|(&a, &b)| tokens[a].range.start..tokens[b].range.end)
    else {
        return Vec::new();
    };
    // rows the chain of anchors passed over (labels pdftotext printed out of order) are
    // looked for once more, printed whole, among the table's figures
    let label = |ind: &Indicator| -> Option<Range<usize>> {
        if let Some(r) = rows
            .iter()
            .find(|r| r.anchor.found && std::ptr::eq(r.anchor.indicator, ind))
        {
            return Some(r.anchor.label.clone());
        }
        let zone = &text[span.clone()];
        ind.labels.iter().find_map(|w| {
            let core = schema::core(w);
            let at = zone.find(core.as_str())?;
            (zone[at + core.len()..].find(core.as_str()).is_none())
                .then(|| span.start + at..span.start + at + core.len())
        })
    };
    table.iter().map(|i| label(i)).collect()
}

/// Per row, the stretch of text from just after its label's start to the next row's label: a
/// figure there stands beside that row's label.
fn label_windows(labels: &[Option<Range<usize>>]) -> Vec<Option<Range<usize>>> {
    let mut starts: Vec<usize> = labels.iter().flatten().map(|l| l.start).collect();
    starts.sort_unstable();
    labels
        .iter()
        .map(|l| {
            let own = l.as_ref()?.start;
            let next = starts[starts.partition_point(|&s| s <= own)..]
                .first()
                .copied()
                .unwrap_or(usize::MAX);
            Some(own + 1..next)
        })
        .collect()
}

/// Rows of `table` whose label is followed by exactly their own figures, at the place a row
/// printed row by row would have them (`zone[r * width..]`).
pub(super) fn pinned_rows(
    text: &str,
    labels: &[Option<Range<usize>>],
    tokens: &[Token],
    zone: &[usize],
    width: usize,
) -> Vec<bool> {
    // the figures right after the label, nothing but spaces and line ends between them
    let run_after = |end: usize| -> Vec<usize> {
        let mut at = end;
        let mut run = Vec::new();
        for &k in zone.iter().filter(|&&k| tokens[k].range.start >= end) {
            if !text[at..tokens[k].range.start].trim().is_empty() {
                break;
            }
            run.push(k);
            at = tokens[k].range.end;
        }
        run
    };
    labels
        .iter()
        .enumerate()
        .map(|(n, label)| {
            let Some(label) = label else { return false };
            let own = run_after(label.end);
            zone.get(n * width..(n + 1) * width) == Some(own.as_slice())
        })
        .collect()
}
