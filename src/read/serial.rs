//! The 序号 column's numbers taken for a row's figure. A table that numbers its rows prints
//! each serial just before the row's label; where a row's cell is blank, plain text shows the
//! next row's serial right after the row's unit, where its figure would stand (`21` `(4)信函申请数`
//! `件` `22` `（二）申请办结数`). The number is the row's figure only if the copy dropped that
//! serial, which it kept for every other row: the text leaves two readings, and the row is
//! left unread.

use crate::read::verify::{self, RowRead, Unit};

/// The rows whose last figure is the next serial: one more than the number printed just before
/// their label (no row's figure), which is itself one more than the number before the previous
/// row's label (the table numbers its rows), with nothing but spaces between the figure and the
/// next row's label. A row whose window prints the same figure twice reads the same either way.
pub fn serial_read_as_figure(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    let mut labels: Vec<usize> = rows.iter().map(|r| r.label.start).collect();
    labels.sort_unstable();
    // a number some row took is that row's figure, not a serial
    let figures: Vec<usize> = rows
        .iter()
        .flat_map(|r| r.values.iter().filter(|v| !v.blank).map(|v| v.range.end))
        .collect();
    let serial_before = |label: usize| {
        let before = text.get(..label)?.trim_end();
        (!figures.contains(&before.len()))
            .then(|| number_before(text, label))
            .flatten()
    };
    let numbered = |label: usize, serial: u64| {
        let previous = labels[..labels.partition_point(|&s| s < label)].last();
        previous.is_some_and(|&p| serial_before(p).is_some_and(|n| n + 1 == serial))
    };
    rows.iter()
        .zip(verify::windows(text, rows))
        .filter(|(r, _)| one_value_column(r.indicator))
        .filter(|(r, window)| {
            let Some(last) = r.values.iter().rev().find(|v| !v.blank) else {
                return false;
            };
            let Some(figure) = text.get(last.range.clone()).and_then(whole) else {
                return false;
            };
            // a figure ending the text has no next row to be the serial of
            let before_next_label = window.end < text.len();
            let printed_twice = text.get(window.start..last.range.start).is_some_and(|w| {
                w.split(|c: char| !c.is_ascii_digit())
                    .any(|n| n.parse() == Ok(figure))
            });
            before_next_label
                && !printed_twice
                && next_serial(text, r.label.start, window, &last.range)
                && serial_before(r.label.start).is_some_and(|s| numbered(r.label.start, s))
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// Whether the figure at `figure`, with nothing but spaces between it and the end of its row's
/// `window` (the next row's label), is the next row's serial: one more than the number printed
/// just before the row's own label at `label`.
pub(super) fn next_serial(
    text: &str,
    label: usize,
    window: &std::ops::Range<usize>,
    figure: &std::ops::Range<usize>,
) -> bool {
    let before_next_label = text
        .get(figure.end..window.end)
        .is_some_and(|gap| gap.trim().is_empty());
    before_next_label
        && number_before(text, label)
            .is_some_and(|s| text.get(figure.clone()).and_then(whole) == Some(s + 1))
}

/// Serials number the rows of the old form's single column (and of its year and 历年累计
/// columns); the 2019 and 2021 tables print none.
pub(super) fn one_value_column(id: &str) -> bool {
    crate::schema::indicator(id).is_some_and(|ind| ind.columns.names().is_empty())
}

/// The whole number just before `at` (spaces between), when it stands apart from the text
/// before it.
pub(super) fn number_before(text: &str, at: usize) -> Option<u64> {
    let before = text.get(..at)?.trim_end();
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = before.len() - digits;
    let apart = before[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    (digits > 0 && apart)
        .then(|| before[start..].parse().ok())
        .flatten()
}

fn whole(figure: &str) -> Option<u64> {
    let figure = figure.trim();
    figure
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| figure.parse().ok())
        .flatten()
}
