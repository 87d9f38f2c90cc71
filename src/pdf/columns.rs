//! Figures placed by x under their columns, where a table draws rulings between its rows but
//! not (or not all) between its columns: a row's figures then stand in one ruled cell
//! (`（七）总计 95 0 0 0 0 0 95`), and only where they stand says which column each is in.
//!
//! The columns are the table's own, found section by section (the rows holding figures one after
//! another, with the header rows just above them: each part of table 二 has columns of its own).
//! The figures of a section, laid on one axis, cover stretches: each stretch is a column, and
//! where no row prints anything a column ends. What stands left of the first figure is the row's
//! label, one cell however many columns it spans. (A column left blank in every row leaves no
//! trace but a wider gap: its rows are a cell short, and the checker reads no cell of a row
//! shorter than its template's. Headers do not part such a gap: a header wrapped in a narrow
//! column stands in the gaps as well.) Each cell is then cut
//! at the borders: a figure goes to the column it stands in, a column with nothing in it is a
//! blank cell, never a figure moved over from its neighbour. A row printing across a border (a
//! label run into the figures, two figures run together) cannot be cut: it is left out of the
//! table, to be reported unread, rather than read with its figures shifted.
//!
//! Only a table with a figure standing apart in a cell beside other words is cut; a table ruled
//! between all its columns is left as drawn.

use super::page::{distinct, squeeze, NEAR};
use super::table::{Found, Segment, Slot};
use crate::merged;
use std::ops::Range;

/// Two segments whose baselines are this close (points) stand on one line.
const SAME_LINE: f64 = 2.0;

/// Whether a cell prints a figure beside another segment on the same line: a border between
/// them was not drawn.
fn mixed(s: &Slot) -> bool {
    s.segments.iter().enumerate().any(|(i, a)| {
        a.figure()
            && s.segments
                .iter()
                .enumerate()
                .any(|(j, b)| i != j && (a.y - b.y).abs() <= SAME_LINE)
    })
}

/// Whether a row holds a figure as a value: with no word of the row above or below it (a
/// header's `2012` over its `年度` is no value).
fn holds_values(row: &[Slot]) -> bool {
    let all: Vec<&Segment> = row.iter().flat_map(|s| s.segments.iter()).collect();
    all.iter().any(|g| {
        g.figure()
            && all.iter().all(|w| {
                w.figure() || w.x1 <= g.x0 || w.x0 >= g.x1 || (w.y - g.y).abs() <= SAME_LINE
            })
    })
}

/// A section's column borders.
struct Columns {
    borders: Vec<f64>,
}

pub(super) fn split(t: &mut Found) {
    if !t.rows.iter().flatten().any(mixed) {
        return;
    }
    let data: Vec<bool> = t.rows.iter().map(|r| holds_values(r)).collect();
    untie_figures(t, &data);
    let mut of_row: Vec<Option<usize>> = vec![None; t.rows.len()];
    let mut sections: Vec<Columns> = Vec::new();
    let mut r = 0;
    while r < t.rows.len() {
        let head = r;
        while r < t.rows.len() && !data[r] {
            r += 1;
        }
        let first = r;
        while r < t.rows.len() && data[r] {
            r += 1;
        }
        if first == r {
            break;
        }
        if let Some(c) = section_columns(t, first..r) {
            of_row[head..r]
                .iter_mut()
                .for_each(|s| *s = Some(sections.len()));
            sections.push(c);
        }
    }
    let drawn = t.columns.clone();
    let (left, right) = (drawn[0], drawn[drawn.len() - 1]);
    let inside = |x: &f64| {
        *x > left + NEAR && *x < right - NEAR && drawn.iter().all(|d| (d - x).abs() > NEAR)
    };
    let all: Vec<f64> = sections
        .iter()
        .flat_map(|c| c.borders.iter().copied())
        .filter(inside)
        .collect();
    if all.is_empty() {
        return;
    }
    let columns = distinct(drawn.iter().copied().chain(all).collect());
    let index = |x: f64| {
        columns
            .iter()
            .position(|c| (c - x).abs() <= NEAR)
            .expect("a border is a column border")
    };
    let mut unread: Vec<usize> = Vec::new();
    for (r, row) in t.rows.iter_mut().enumerate() {
        let borders: Vec<f64> = of_row[r].map_or(Vec::new(), |s| {
            let c = &sections[s];
            c.borders.iter().copied().filter(inside).collect()
        });
        let mut cut: Vec<Slot> = Vec::new();
        let mut across = false;
        for slot in row.drain(..) {
            let (x0, x1) = (drawn[slot.col], drawn[slot.col + slot.cell.cols]);
            let within: Vec<f64> = borders
                .iter()
                .copied()
                .filter(|&x| x > x0 + NEAR && x < x1 - NEAR)
                .collect();
            // a border that a word crosses is not this cell's
            let crossed = |x: f64| slot.segments.iter().any(|g| g.x0 < x && g.x1 > x);
            across |= within.iter().any(|&x| crossed(x));
            let mut at: Vec<f64> = vec![x0];
            at.extend(within.iter().copied().filter(|&x| !crossed(x)));
            at.push(x1);
            if at.len() == 2 {
                cut.push(Slot {
                    col: index(x0),
                    cell: merged::Cell {
                        cols: index(x1) - index(x0),
                        ..slot.cell
                    },
                    ..slot
                });
                continue;
            }
            for w in at.windows(2) {
                let inside: Vec<Segment> = slot
                    .segments
                    .iter()
                    .filter(|g| {
                        let mid = (g.x0 + g.x1) / 2.0;
                        mid > w[0] && mid < w[1]
                    })
                    .cloned()
                    .collect();
                cut.push(Slot {
                    col: index(w[0]),
                    cell: merged::Cell {
                        text: text_of(&inside),
                        rows: slot.cell.rows,
                        cols: index(w[1]) - index(w[0]),
                    },
                    room: f64::INFINITY,
                    segments: inside,
                });
            }
        }
        *row = cut;
        if across && data[r] {
            unread.push(r);
        }
    }
    t.columns = columns;
    for r in unread.into_iter().rev() {
        remove_row(&mut t.rows, r);
    }
}

/// Takes a row out of a table: cells spanning down over it end a row sooner, and a cell
/// spanning down from it starts in the next row.
fn remove_row(rows: &mut Vec<Vec<Slot>>, r: usize) {
    for (k, row) in rows.iter_mut().enumerate().take(r) {
        for s in row.iter_mut() {
            if k + s.cell.rows > r {
                s.cell.rows -= 1;
            }
        }
    }
    let gone = rows.remove(r);
    if r < rows.len() {
        for mut s in gone.into_iter().filter(|s| s.cell.rows > 1) {
            s.cell.rows -= 1;
            let at = rows[r]
                .iter()
                .position(|o| o.col > s.col)
                .unwrap_or(rows[r].len());
            rows[r].insert(at, s);
        }
    }
}

/// The stretches of x the segments `keep` takes cover, over the rows of figures.
fn covered(t: &Found, data: &[bool], keep: impl Fn(&Segment) -> bool) -> Vec<(f64, f64)> {
    union(
        t.rows
            .iter()
            .zip(data)
            .filter(|(_, d)| **d)
            .flat_map(|(r, _)| r.iter())
            .flat_map(|s| s.segments.iter().filter(|g| keep(g)).map(|g| (g.x0, g.x1)))
            .collect(),
    )
}

/// Digits set close after a row's words, standing where the table's figures stand (in a
/// stretch only figures of other rows cover, past the words' end): a figure of its own
/// (`…已获取信息1` is the label and 1).
fn untie_figures(t: &mut Found, data: &[bool]) {
    let figures = covered(t, data, |g| g.figure());
    let words = covered(t, data, |g| !g.figure() && g.tail.is_none());
    for slot in t
        .rows
        .iter_mut()
        .zip(data)
        .filter(|(_, d)| **d)
        .flat_map(|(r, _)| r)
    {
        let mut out = Vec::with_capacity(slot.segments.len());
        for g in slot.segments.drain(..) {
            let Some((head_end, start, digits)) = g.tail.clone() else {
                out.push(g);
                continue;
            };
            let column = figures.iter().find(|f| f.0 <= start && g.x1 <= f.1);
            let clear = |x0: f64, x1: f64| words.iter().all(|w| w.1 <= x0 || w.0 >= x1);
            match column {
                Some(&(f0, f1)) if head_end < f0 && clear(f0, f1) => {
                    let head: String = g.text[..g.text.len() - digits.len()].trim_end().into();
                    out.push(Segment {
                        x1: head_end,
                        text: head,
                        tail: None,
                        ..g.clone()
                    });
                    out.push(Segment {
                        x0: start,
                        text: digits,
                        tail: None,
                        ..g
                    });
                }
                _ => out.push(g),
            }
        }
        slot.segments = out;
    }
}

/// The columns of a section: each stretch its figures cover is a column; the words between
/// (labels, units, a serial number's neighbours) cover stretches too, and words standing next
/// to one another are one cell, a label however many columns it spans. A word run into a
/// figure's stretch does not part it: its row is left unread.
fn section_columns(t: &Found, rows: Range<usize>) -> Option<Columns> {
    let body: Vec<&Segment> = t.rows[rows]
        .iter()
        .flat_map(|r| r.iter().flat_map(|s| s.segments.iter()))
        .collect();
    let figures = union(
        body.iter()
            .filter(|g| g.figure())
            .map(|g| (g.x0, g.x1))
            .collect(),
    );
    let words = union(
        body.iter()
            .filter(|g| !g.figure() && figures.iter().all(|f| g.x1 <= f.0 || g.x0 >= f.1))
            .map(|g| (g.x0, g.x1))
            .collect(),
    );
    // (start, end, holds figures), in order; words side by side as one
    let mut stretches: Vec<(f64, f64, bool)> = figures
        .iter()
        .map(|f| (f.0, f.1, true))
        .chain(words.iter().map(|w| (w.0, w.1, false)))
        .collect();
    stretches.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut units: Vec<(f64, f64, bool)> = Vec::new();
    for s in stretches {
        match units.last_mut() {
            Some(last) if !last.2 && !s.2 => last.1 = last.1.max(s.1),
            _ => units.push(s),
        }
    }
    // borders midway between (a column left blank in every row shows as a gap no wider: its
    // rows have a cell fewer than the template's, and the checker reads none of them)
    let borders: Vec<f64> = units.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0).collect();
    (!figures.is_empty()).then_some(Columns { borders })
}

/// Stretches of the x axis as the stretches they cover together, sorted.
fn union(mut spans: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The text of a cell's segments: by the stretches they cover side by side (a label's lines,
/// then its unit's; a group label printed a character a line beside an item's label apart from
/// it), each stretch's lines top to bottom, a line's segments apart by a space.
fn text_of(segments: &[Segment]) -> String {
    let stretches = union(segments.iter().map(|g| (g.x0, g.x1)).collect());
    let stretch = |g: &Segment| {
        stretches
            .iter()
            .position(|s| s.0 <= g.x0 && g.x1 <= s.1)
            .unwrap_or(0)
    };
    let mut order: Vec<&Segment> = segments.iter().collect();
    order.sort_by(|a, b| {
        stretch(a)
            .cmp(&stretch(b))
            .then(a.y.total_cmp(&b.y))
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut s = String::new();
    let mut last: Option<(usize, f64)> = None;
    for g in order {
        let at = stretch(g);
        if last.is_some_and(|(k, y)| k != at || (g.y - y).abs() <= SAME_LINE) {
            s.push(' ');
        }
        s.push_str(&g.text);
        last = Some((at, g.y));
    }
    squeeze(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as one ruled cell: its label at the left, figures centred on the given x.
    fn row(y: f64, label: &str, figures: &[(f64, &str)]) -> Vec<Slot> {
        let mut segments = vec![Segment {
            x0: 10.0,
            x1: 10.0 + 10.0 * label.chars().count() as f64,
            y,
            text: label.into(),
            tail: None,
        }];
        for (x, t) in figures {
            let w = 5.0 * t.len() as f64;
            segments.push(Segment {
                x0: x - w / 2.0,
                x1: x + w / 2.0,
                y,
                text: (*t).into(),
                tail: None,
            });
        }
        let text = segments
            .iter()
            .map(|g| g.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        vec![Slot {
            col: 0,
            cell: merged::Cell {
                text,
                rows: 1,
                cols: 1,
            },
            room: f64::INFINITY,
            segments,
        }]
    }

    fn texts(t: &Found) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|s| s.cell.text.clone()).collect())
            .collect()
    }

    const X: [f64; 7] = [200.0, 240.0, 280.0, 320.0, 360.0, 400.0, 440.0];

    fn table(rows: Vec<Vec<Slot>>) -> Found {
        Found {
            top: 0.0,
            bottom: 100.0,
            columns: vec![0.0, 480.0],
            rows,
            open_top: false,
            open_bottom: false,
        }
    }

    #[test]
    fn a_figure_is_read_in_the_column_it_stands_in_and_a_blank_stays_blank() {
        let full: Vec<(f64, &str)> = X
            .iter()
            .copied()
            .zip(["5", "1", "0", "0", "0", "0", "6"])
            .collect();
        // （七）总计 95 _ 0 0 0 0 95: nothing printed under 商业企业
        let total: Vec<(f64, &str)> = [X[0], X[2], X[3], X[4], X[5], X[6]]
            .into_iter()
            .zip(["95", "0", "0", "0", "0", "95"])
            .collect();
        let mut t = table(vec![
            row(10.0, "（一）予以公开", &full),
            row(20.0, "（七）总计", &total),
        ]);
        split(&mut t);
        assert_eq!(
            texts(&t),
            [
                vec!["（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
                vec!["（七）总计", "95", "", "0", "0", "0", "0", "95"],
            ]
        );
    }

    #[test]
    fn a_row_printed_across_a_column_border_is_left_out() {
        let full: Vec<(f64, &str)> = X
            .iter()
            .copied()
            .zip(["5", "1", "0", "0", "0", "0", "6"])
            .collect();
        // a label run into the first figure's column
        let long = "（二）部分公开（区分处理的，只计这一情形）";
        let mut t = table(vec![
            row(10.0, "（一）予以公开", &full),
            row(20.0, long, &full[1..]),
            row(30.0, "（三）不予公开", &full),
        ]);
        split(&mut t);
        let rows = texts(&t);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows
            .iter()
            .all(|r| r.len() == 8 && !r[0].contains("部分公开")));
    }

    #[test]
    fn a_table_ruled_between_its_columns_is_left_as_drawn() {
        let mut t = table(vec![vec![Slot {
            col: 0,
            cell: merged::Cell {
                text: "规章".into(),
                rows: 1,
                cols: 1,
            },
            room: f64::INFINITY,
            segments: vec![Segment {
                x0: 10.0,
                x1: 30.0,
                y: 10.0,
                text: "规章".into(),
                tail: None,
            }],
        }]]);
        split(&mut t);
        assert_eq!(texts(&t), [vec!["规章"]]);
        assert_eq!(t.columns, [0.0, 480.0]);
    }
}
