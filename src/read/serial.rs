//! The 序号 column's numbers taken for a row's figure. A table that numbers its rows prints
//! each serial just before the row's label; where a row's cell is blank, plain text shows the
//! next row's serial right after the row's unit, where its figure would stand (`21` `(4)信函申请数`
//! `件` `22` `（二）申请办结数`). The number is the row's figure only if the copy dropped that
//! serial, which it kept for every other row: the text leaves two readings, and the row is
//! left unread.

use crate::read::verify::{self, RowRead, Unit};
use crate::schema::one_value_column;

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
            .then(|| crate::source::number_before(text, label))
            .flatten()
    };
    // the previous row's serial on a line of its own anywhere in that row (pdftotext centres
    // it on a label of several lines: `（一）主动公开政府信息数` `1` `（不同渠道…计1条）`)
    let alone_in = |from: usize, to: usize, serial: u64| {
        let mut at = from;
        text.get(from..to).is_some_and(|rows| {
            rows.split('\n').any(|line| {
                let end = at + line.trim_end().len();
                at += line.len() + 1;
                line.trim().parse() == Ok(serial) && !figures.contains(&end)
            })
        })
    };
    let numbered = |label: usize, serial: u64| {
        let previous = labels[..labels.partition_point(|&s| s < label)].last();
        previous.is_some_and(|&p| {
            serial_before(p).is_some_and(|n| n + 1 == serial)
                || serial.checked_sub(1).is_some_and(|n| alone_in(p, label, n))
        })
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

/// The rows that took a number of the 序号 column: eight or more numbers opening their lines,
/// each one more than the one before with at most two other such numbers between (a row's
/// figure on a line of its own), are the rows' numbering, whatever stands after each (a label,
/// a figure, nothing). A row left blank shows only its serial (`4` between
/// `(1)政府公报公开政府信息` and `数`: pdftotext of a table with a 序号 column and many blank
/// cells), and a reading by count takes it for the figure.
pub fn serials_taken(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    const RUN: usize = 8;
    const BETWEEN: usize = 2;
    let numbers = line_openings(text);
    // each number linked to the next one more than it, close after it
    let mut next: Vec<Option<usize>> = vec![None; numbers.len()];
    let mut linked = vec![false; numbers.len()];
    for i in 0..numbers.len() {
        let within = i + 1..(i + 2 + BETWEEN).min(numbers.len());
        // the last such: a row's figure equal to the next serial stands before that serial;
        // but not one right after a unit, where a row's figure stands (a row's figure equal to
        // its own serial: `9` `（一）回应公众关注…` `次` `9`)
        let candidates = within.rev().filter(|&j| numbers[j].1 == numbers[i].1 + 1);
        let serial = candidates
            .clone()
            .find(|&j| !after_a_unit(text, numbers[j].0));
        if let Some(j) = serial.or_else(|| candidates.clone().next()) {
            next[i] = Some(j);
            linked[j] = true;
        }
    }
    let mut chains: Vec<Vec<usize>> = (0..numbers.len())
        .filter(|&i| !linked[i])
        .map(|first| {
            let mut chain = vec![first];
            while let Some(j) = next[*chain.last().expect("a chain has a first")] {
                chain.push(j);
            }
            chain
        })
        .collect();
    // the longest first; a chain that joins a longer one (a row's figure equal to a serial,
    // linked to the serial after it) counts up to the join only
    crate::source::sort_by_place(&mut chains, |c| usize::MAX - c.len());
    let mut on_a_chain = vec![false; numbers.len()];
    let mut serials: Vec<usize> = Vec::new();
    for chain in chains {
        let own: Vec<usize> = chain.into_iter().take_while(|&k| !on_a_chain[k]).collect();
        own.iter().for_each(|&k| on_a_chain[k] = true);
        if own.len() >= RUN {
            serials.extend(own.iter().map(|&k| numbers[k].0));
        }
    }
    serials.sort_unstable();
    rows.iter()
        .filter(|r| {
            r.values
                .iter()
                .any(|v| !v.blank && serials.binary_search(&v.range.start).is_ok())
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// The whole numbers opening a line (at its very start, spaces or the line's end after them)
/// that may be serials, with where they start: a serial stands before its row's label or, on
/// its line, before the row's figure; a number whose next word, on a later line, is another
/// number is a row's figure before the next row's serial.
fn line_openings(text: &str) -> Vec<(usize, u64)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let apart = line[digits..].starts_with(char::is_whitespace);
        let rest = &text[start + digits..];
        let same_line = rest.trim_start_matches([' ', '\t', '\r']);
        let next_word = rest.trim_start();
        let before_a_number = !same_line.starts_with(|c: char| c.is_ascii_digit())
            && next_word.starts_with(|c: char| c.is_ascii_digit())
            && !numbered_label(next_word);
        if let Some(n) = (digits > 0 && digits <= 4 && apart && !before_a_number)
            .then(|| line[..digits].parse::<u64>().ok())
            .flatten()
        {
            out.push((start, n));
        }
    }
    out
}

/// Whether the word before `at` is a unit (`件`, `人次`…).
fn after_a_unit(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    crate::schema::UNITS.iter().any(|u| {
        before
            .strip_suffix(u)
            .is_some_and(|rest| rest.ends_with(char::is_whitespace) || rest.is_empty())
    })
}

/// Whether `s` opens with a label's numbering (`2.同意公开答复数`, `5、`), not a number.
fn numbered_label(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let mut after = s[digits..].chars();
    matches!(after.next(), Some('.' | '、')) && after.next().is_some_and(crate::normalize::is_han)
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
        && crate::source::number_before(text, label)
            .is_some_and(|s| text.get(figure.clone()).and_then(whole) == Some(s + 1))
}

fn whole(figure: &str) -> Option<u64> {
    let figure = figure.trim();
    figure
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| figure.parse().ok())
        .flatten()
}
