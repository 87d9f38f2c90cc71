//! Tables that pdftotext (without `-layout`) printed block by block: a run of rows printed as
//! their first column's figures, then their second column's, and so on, the runs differing in
//! length from one place of the table to the next. Where every row has a 总计 column, the
//! arithmetic tells the runs apart: the figures are cut into runs so that the fewest rows fail
//! to add up (a report may have a wrong total of its own), and a row is read only when every
//! such cut gives it the same figures.

/// Rows a reading may leave not adding up: a report's own wrong totals (a reading that needs
/// more is taken for a misreading and not used).
const MAX_FAILING: usize = 2;

/// What the text shows of how rows were printed.
pub struct Printed<'a> {
    /// Rows whose figures stand right after their own label, as many as the row has cells:
    /// printed row by row there, never part of a longer run.
    pub pinned: &'a [bool],
    /// Whether the figure `values[j]` stands beside row `r`'s label (`beside(r, j)`): a run
    /// split in two flows prints the columns of one flow with the labels.
    pub beside: &'a dyn Fn(usize, usize) -> bool,
}

/// Per row, the token (an index into `values`) of each column, or `None` when the best cuts
/// (those leaving the fewest rows not adding up) disagree about the row. `None` overall when
/// every cut leaves more than [`MAX_FAILING`] rows not adding up.
/// `between`: how many of the relations between rows (column sums, the 勾稽关系) a whole
/// reading breaks; where the best cuts read rows differently, the readings breaking the
/// fewest are kept (a table of mostly zeros reads `x 0 0 0 0 0 x` after a row of zeros as
/// well one way as the other, its column sums only one way).
///
pub fn solve(
    values: &[u64],
    rows: usize,
    width: usize,
    printed: &Printed,
    fits: &dyn Fn(&[u64]) -> bool,
    between: &dyn Fn(&[Vec<u64>]) -> usize,
) -> Option<Vec<Option<Vec<usize>>>> {
    if rows == 0 || width == 0 || values.len() != rows * width {
        return None;
    }
    const FAR: usize = usize::MAX / 4;
    // failing[i]: per way of printing a run from row i, the rows of the run not adding up. A
    // row printed on its own may be the report's wrong total; a run of rows must add up, or
    // it is not how the table was printed.
    // a run split in two flows only where one flow's figures stand beside their labels
    let shown = |run: Run, i: usize| match run.shape {
        Shape::Columns => true,
        // the flow of the left columns is the one with the labels
        Shape::Split { at, .. } => (0..run.rows)
            .all(|r| (0..at).all(|c| (printed.beside)(i + r, row_token(i, run, r, c, width)))),
    };
    // only the ways that may have been printed are kept: a run of rows not holding a pinned
    // row, its split flows shown, every row adding up
    let failing: Vec<Vec<(Run, usize)>> = (0..rows)
        .map(|i| {
            let free = (i..rows)
                .take_while(|&r| printed.pinned.get(r) != Some(&true))
                .count();
            runs(rows - i, width)
                .filter(|run| run.rows == 1 || (run.rows <= free && shown(*run, i)))
                .filter_map(|run| {
                    // one buffer for the rows tried: this is the inner loop of the cuts
                    let mut row = Vec::with_capacity(width);
                    let mut fails = |r: usize| {
                        row.clear();
                        row.extend((0..width).map(|c| values[row_token(i, run, r, c, width)]));
                        !fits(&row)
                    };
                    if run.rows == 1 {
                        Some((run, usize::from(fails(0))))
                    } else {
                        (!(0..run.rows).any(&mut fails)).then_some((run, 0))
                    }
                })
                .collect()
        })
        .collect();
    let mut from_start = vec![FAR; rows + 1];
    from_start[0] = 0;
    for i in 0..rows {
        for &(run, cost) in &failing[i] {
            let via = from_start[i].saturating_add(cost);
            from_start[i + run.rows] = from_start[i + run.rows].min(via);
        }
    }
    let best = from_start[rows];
    if best > MAX_FAILING {
        return None;
    }
    let mut to_end = vec![FAR; rows + 1];
    to_end[rows] = 0;
    for i in (0..rows).rev() {
        to_end[i] = failing[i]
            .iter()
            .map(|&(run, cost)| cost.saturating_add(to_end[i + run.rows]))
            .min()
            .unwrap_or(FAR);
    }
    let cut = Cut {
        failing: &failing,
        to_end: &to_end,
        rows,
        width,
    };
    let agreed = cut.agreed(&from_start, best, values);
    if agreed.iter().all(Option::is_some) {
        return Some(agreed);
    }
    let Some(whole) = cut.readings(values) else {
        return Some(agreed);
    };
    let of = |reading: &Vec<Vec<usize>>| -> Vec<Vec<u64>> {
        reading
            .iter()
            .map(|row| row.iter().map(|&t| values[t]).collect())
            .collect()
    };
    let broken: Vec<usize> = whole.iter().map(|r| between(&of(r))).collect();
    let fewest = broken.iter().copied().min().unwrap_or(0);
    let kept: Vec<&Vec<Vec<usize>>> = whole
        .iter()
        .zip(&broken)
        .filter(|(_, &b)| b == fewest)
        .map(|(r, _)| r)
        .collect();
    Some(
        (0..rows)
            .map(|r| {
                let first = &kept.first()?[r];
                let same = |x: &Vec<Vec<usize>>| {
                    x[r].iter()
                        .map(|&t| values[t])
                        .eq(first.iter().map(|&t| values[t]))
                };
                kept.iter().all(|x| same(x)).then(|| first.clone())
            })
            .collect(),
    )
}

/// Distinct whole readings beyond which the table is left to the rows all best cuts agree on.
const MAX_READINGS: usize = 48;

/// The cuts' costs, for walking the best ones.
struct Cut<'a> {
    failing: &'a [Vec<(Run, usize)>],
    to_end: &'a [usize],
    rows: usize,
    width: usize,
}

impl Cut<'_> {
    /// Per row, its tokens when every best cut reads it alike.
    fn agreed(&self, from_start: &[usize], best: usize, values: &[u64]) -> Vec<Option<Vec<usize>>> {
        let mut readings: Vec<Vec<(Vec<u64>, Vec<usize>)>> = vec![Vec::new(); self.rows];
        for i in 0..self.rows {
            for &(run, cost) in &self.failing[i] {
                let through = from_start[i]
                    .saturating_add(cost)
                    .saturating_add(self.to_end[i + run.rows]);
                if through != best {
                    continue;
                }
                for r in 0..run.rows {
                    let tokens = row_tokens(i, run, r, self.width);
                    let v: Vec<u64> = tokens.iter().map(|&t| values[t]).collect();
                    if !readings[i + r].iter().any(|(seen, _)| *seen == v) {
                        readings[i + r].push((v, tokens));
                    }
                }
            }
        }
        readings
            .into_iter()
            .map(|r| match r.as_slice() {
                [(_, tokens)] => Some(tokens.clone()),
                _ => None,
            })
            .collect()
    }

    /// The distinct whole readings (per row, its tokens) of the best cuts, built from the last
    /// row back; `None` past [`MAX_READINGS`].
    fn readings(&self, values: &[u64]) -> Option<Vec<Vec<Vec<usize>>>> {
        // per row from the end, the readings from there with a fingerprint of their values:
        // readings equal in values are one reading, and comparing fingerprints instead of whole
        // tables keeps a table of zeros, read alike in thousands of ways, cheap (two distinct
        // readings sharing a 64-bit fingerprint is not a case to plan for). A reading is kept
        // as its first run and a link to the reading after it, and written out whole only at
        // the end: copying every reading at every row was most of the search's time.
        let mut from: Vec<Vec<(u64, Option<Link>)>> = vec![Vec::new(); self.rows + 1];
        from[self.rows] = vec![(0, None)];
        for i in (0..self.rows).rev() {
            if self.to_end[i] > MAX_FAILING {
                continue; // no cut from here is among the best
            }
            let mut here: Vec<(u64, Option<Link>)> = Vec::new();
            let mut seen: std::collections::HashSet<u64> = Default::default();
            for &(run, cost) in &self.failing[i] {
                if cost.saturating_add(self.to_end[i + run.rows]) != self.to_end[i] {
                    continue;
                }
                let head = fingerprint((0..run.rows).flat_map(|r| {
                    (0..self.width).map(move |c| values[row_token(i, run, r, c, self.width)])
                }));
                let shift = BASE.wrapping_pow((run.rows * self.width) as u32);
                for (rest, &(rest_print, _)) in from[i + run.rows].iter().enumerate() {
                    let print = head.wrapping_add(rest_print.wrapping_mul(shift));
                    if seen.insert(print) {
                        here.push((print, Some(Link { run, rest })));
                    }
                }
                if here.len() > MAX_READINGS {
                    return None;
                }
            }
            from[i] = here;
        }
        Some(
            from[0]
                .iter()
                .map(|&(_, link)| self.written_out(&from, link))
                .collect(),
        )
    }

    /// A reading from the first row, per row its tokens, following its links.
    fn written_out(
        &self,
        from: &[Vec<(u64, Option<Link>)>],
        first: Option<Link>,
    ) -> Vec<Vec<usize>> {
        let mut reading = Vec::with_capacity(self.rows);
        let (mut i, mut link) = (0, first);
        while let Some(Link { run, rest }) = link {
            reading.extend((0..run.rows).map(|r| row_tokens(i, run, r, self.width)));
            i += run.rows;
            link = from[i][rest].1;
        }
        reading
    }
}

/// A reading's first run, and the reading after it: its index among the readings from the row
/// after the run.
#[derive(Clone, Copy)]
struct Link {
    run: Run,
    rest: usize,
}

const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// A 64-bit fingerprint of a run of figures, Σ mix(vⱼ)·BASEʲ: the fingerprint of two runs one
/// after the other is the first's plus the second's times BASE to the first's length.
fn fingerprint(values: impl Iterator<Item = u64>) -> u64 {
    let mut at = 1u64;
    values.fold(0, |h, v| {
        let mixed = (v ^ (v >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9) | 1;
        let h = h.wrapping_add(mixed.wrapping_mul(at));
        at = at.wrapping_mul(BASE);
        h
    })
}

/// Every way `rows` rows of `width` columns may have been printed as one run (row by row
/// included): per row, the index of each column's figure among the run's figures in text
/// order, and how many first columns are printed with the labels (in a split into two flows;
/// none otherwise).
pub fn printings(rows: usize, width: usize) -> impl Iterator<Item = (Vec<Vec<usize>>, usize)> {
    let plain = Run {
        rows,
        shape: Shape::Split {
            at: 0,
            left_first: true,
        },
    };
    let whole = runs(rows, width).filter(move |r| r.rows == rows && rows > 1);
    std::iter::once(plain).chain(whole).map(move |run| {
        let labelled = match run.shape {
            Shape::Split { at, .. } => at,
            Shape::Columns => 0,
        };
        let reading = (0..rows).map(|r| row_tokens(0, run, r, width)).collect();
        (reading, labelled)
    })
}

/// How a run of rows was printed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    /// Column after column: each column's figures of the run, top to bottom.
    Columns,
    /// The run's columns from `at` on row by row, then its columns before `at` row by row, or
    /// the other way round (`left_first`): pdftotext prints the label column with the first
    /// figure column as one flow and the other columns as another, a page's worth of each.
    Split { at: usize, left_first: bool },
}

#[derive(Clone, Copy, Debug)]
struct Run {
    rows: usize,
    shape: Shape,
}

/// The ways a run starting with `left` rows still to read may have been printed.
fn runs(left: usize, width: usize) -> impl Iterator<Item = Run> {
    let single = Run {
        rows: 1,
        shape: Shape::Columns,
    };
    let longer = (2..=left).flat_map(move |rows| {
        let split = (1..width).flat_map(move |at| {
            [false, true].map(|left_first| Run {
                rows,
                shape: Shape::Split { at, left_first },
            })
        });
        std::iter::once(Run {
            rows,
            shape: Shape::Columns,
        })
        .chain(split)
    });
    std::iter::once(single).chain(longer)
}

/// The tokens of row `r` of `run` starting at row `i`.
fn row_tokens(i: usize, run: Run, r: usize, width: usize) -> Vec<usize> {
    (0..width).map(|c| row_token(i, run, r, c, width)).collect()
}

/// The token of column `c` of row `r` of `run` starting at row `i`.
fn row_token(i: usize, run: Run, r: usize, c: usize, width: usize) -> usize {
    let k = run.rows;
    let base = i * width;
    match run.shape {
        Shape::Columns => base + c * k + r,
        Shape::Split { at, left_first } => {
            let (left, right) = (at, width - at);
            let (left_from, right_from) = if left_first {
                (base, base + k * left)
            } else {
                (base + k * right, base)
            };
            if c < at {
                left_from + r * left + c
            } else {
                right_from + r * right + (c - at)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_labels() -> Printed<'static> {
        Printed {
            pinned: &[],
            beside: &|_, _| false,
        }
    }

    fn total_last(v: &[u64]) -> bool {
        v[..v.len() - 1].iter().sum::<u64>() == v[v.len() - 1]
    }

    #[test]
    fn a_run_printed_in_two_flows_is_read_where_the_first_column_stands_by_the_labels() {
        // rows (1 0 1) (0 0 0) (2 0 2): the last two columns of the three row by row, then the
        // first column, each figure after its row's label (tokens 6, 7, 8)
        let values = [0, 1, 0, 0, 0, 2, 1, 0, 2];
        let third = |printed: &Printed| -> Option<Vec<u64>> {
            let got = solve(&values, 3, 3, printed, &total_last, &|_| 0)?;
            Some(got[2].as_ref()?.iter().map(|&k| values[k]).collect())
        };
        let by_labels = Printed {
            pinned: &[],
            beside: &|r, j| j == 6 + r,
        };
        assert_eq!(third(&by_labels), Some(vec![2, 0, 2]));
        // without the labels beside the figures the two flows are not assumed, and no other
        // way of printing adds up
        assert_eq!(third(&no_labels()), None);
    }

    #[test]
    fn a_fingerprint_of_two_runs_is_made_of_theirs() {
        let (a, b) = ([3, 0, 0, 7], [0, 2, 5]);
        let both = fingerprint(a.iter().chain(&b).copied());
        let shift = BASE.wrapping_pow(a.len() as u32);
        let made =
            fingerprint(a.into_iter()).wrapping_add(fingerprint(b.into_iter()).wrapping_mul(shift));
        assert_eq!(both, made);
        assert_ne!(
            fingerprint([0, 2].into_iter()),
            fingerprint([2, 0].into_iter())
        );
        assert_ne!(
            fingerprint([0].into_iter()),
            fingerprint([0, 0].into_iter())
        );
    }

    #[test]
    fn runs_of_rows_printed_column_after_column_are_told_apart() {
        // rows (80 1 81) (0 0 0) (22 0 22) printed as one run, then (19 1 20) row by row
        let values = [80, 0, 22, 1, 0, 0, 81, 0, 22, 19, 1, 20];
        let got = solve(&values, 4, 3, &no_labels(), &total_last, &|_| 0).expect("a cut adds up");
        let read = |r: usize| -> Vec<u64> {
            got[r]
                .as_ref()
                .unwrap()
                .iter()
                .map(|&t| values[t])
                .collect()
        };
        assert_eq!(read(0), vec![80, 1, 81]);
        assert_eq!(read(1), vec![0, 0, 0]);
        assert_eq!(read(2), vec![22, 0, 22]);
        assert_eq!(read(3), vec![19, 1, 20]);
    }

    #[test]
    fn a_row_two_cuts_read_differently_is_not_read() {
        // row by row: (0 1 1) (2 1 3); as one run: (0 1 1) (1 2 3): both add up
        let got = solve(&[0, 1, 1, 2, 1, 3], 2, 3, &no_labels(), &total_last, &|_| 0).unwrap();
        assert!(got[0].is_some(), "both cuts read the first row alike");
        assert!(got[1].is_none(), "the second row is read two ways");
        // a report's own wrong total, printed row by row, is read as printed
        let wrong = solve(&[1, 1, 3], 1, 3, &no_labels(), &total_last, &|_| 0).unwrap();
        assert_eq!(wrong[0], Some(vec![0, 1, 2]));
        // three rows wrong whatever the cut: a misreading, not used
        assert!(solve(
            &[1, 1, 3, 1, 1, 3, 1, 1, 3],
            3,
            3,
            &no_labels(),
            &total_last,
            &|_| 0
        )
        .is_none());
    }

    #[test]
    fn the_columns_sums_or_a_label_before_its_figures_choose_between_cuts() {
        // row by row (0 0 0) (2 0 2); as one run (0 0 0) (0 2 2): both rows add up either way
        let values = [0, 0, 0, 2, 0, 2];
        let second = |got: Vec<Option<Vec<usize>>>| -> Option<Vec<u64>> {
            got[1]
                .as_ref()
                .map(|t| t.iter().map(|&k| values[k]).collect())
        };
        let none = solve(&values, 2, 3, &no_labels(), &total_last, &|_| 0).unwrap();
        assert_eq!(second(none), None);
        // a column sum that only the first reading keeps
        let column = |r: &[Vec<u64>]| usize::from(r[1][0] != 2);
        let by_sums = solve(&values, 2, 3, &no_labels(), &total_last, &column).unwrap();
        assert_eq!(second(by_sums), Some(vec![2, 0, 2]));
        // the second row's label stands right before its three figures
        let pinned = Printed {
            pinned: &[false, true],
            beside: &|_, _| false,
        };
        let by_label = solve(&values, 2, 3, &pinned, &total_last, &|_| 0).unwrap();
        assert_eq!(second(by_label), Some(vec![2, 0, 2]));
    }
}
