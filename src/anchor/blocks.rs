//! Tables that pdftotext (without `-layout`) printed block by block: a run of rows printed as
//! their first column's figures, then their second column's, and so on, the runs differing in
//! length from one place of the table to the next. Where every row has a 总计 column, the
//! arithmetic tells the runs apart: the figures are cut into runs so that the fewest rows fail
//! to add up (a report may have a wrong total of its own), and a row is read only when every
//! such cut gives it the same figures.

/// Rows a reading may leave not adding up: a report's own wrong totals (a reading that needs
/// more is taken for a misreading and not used).
const MAX_FAILING: usize = 2;

/// Per row, the token (an index into `values`) of each column, or `None` when the best cuts
/// (those leaving the fewest rows not adding up) disagree about the row. `None` overall when
/// every cut leaves more than [`MAX_FAILING`] rows not adding up.
/// `between`: how many of the relations between rows (column sums, the 勾稽关系) a whole
/// reading breaks; where the best cuts read rows differently, the readings breaking the
/// fewest are kept (a table of mostly zeros reads `x 0 0 0 0 0 x` after a row of zeros as
/// well one way as the other, its column sums only one way).
///
/// `pinned`: rows whose figures stand right after their own label, as many as the row has
/// cells: printed row by row there, never part of a longer run.
pub fn solve(
    values: &[u64],
    rows: usize,
    width: usize,
    pinned: &[bool],
    fits: &dyn Fn(&[u64]) -> bool,
    between: &dyn Fn(&[Vec<u64>]) -> usize,
) -> Option<Vec<Option<Vec<usize>>>> {
    if rows == 0 || width == 0 || values.len() != rows * width {
        return None;
    }
    const FAR: usize = usize::MAX / 4;
    // failing[i][k-1]: rows of the run i..i+k, printed column after column, not adding up. A
    // row printed on its own may be the report's wrong total; a run of rows must add up, or
    // it is not how the table was printed.
    let failing: Vec<Vec<usize>> = (0..rows)
        .map(|i| {
            (1..=rows - i)
                .map(|k| {
                    let n = (0..k)
                        .filter(|&r| !fits(&row_values(values, i, k, r, width)))
                        .count();
                    let holds_pinned = (i..i + k).any(|r| pinned.get(r) == Some(&true));
                    if k > 1 && (n > 0 || holds_pinned) {
                        FAR
                    } else {
                        n
                    }
                })
                .collect()
        })
        .collect();
    let mut from_start = vec![FAR; rows + 1];
    from_start[0] = 0;
    for i in 0..rows {
        for k in 1..=rows - i {
            let via = from_start[i].saturating_add(failing[i][k - 1]);
            from_start[i + k] = from_start[i + k].min(via);
        }
    }
    let best = from_start[rows];
    if best > MAX_FAILING {
        return None;
    }
    let mut to_end = vec![FAR; rows + 1];
    to_end[rows] = 0;
    for i in (0..rows).rev() {
        to_end[i] = (1..=rows - i)
            .map(|k| failing[i][k - 1].saturating_add(to_end[i + k]))
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
    failing: &'a [Vec<usize>],
    to_end: &'a [usize],
    rows: usize,
    width: usize,
}

impl Cut<'_> {
    /// Per row, its tokens when every best cut reads it alike.
    fn agreed(&self, from_start: &[usize], best: usize, values: &[u64]) -> Vec<Option<Vec<usize>>> {
        let mut readings: Vec<Vec<(Vec<u64>, Vec<usize>)>> = vec![Vec::new(); self.rows];
        for i in 0..self.rows {
            for k in 1..=self.rows - i {
                let through = from_start[i]
                    .saturating_add(self.failing[i][k - 1])
                    .saturating_add(self.to_end[i + k]);
                if through != best {
                    continue;
                }
                for r in 0..k {
                    let tokens = row_tokens(i, k, r, self.width);
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
        let mut from: Vec<Vec<Vec<Vec<usize>>>> = vec![Vec::new(); self.rows + 1];
        from[self.rows] = vec![Vec::new()];
        for i in (0..self.rows).rev() {
            if self.to_end[i] > MAX_FAILING {
                continue; // no cut from here is among the best
            }
            let mut here: Vec<Vec<Vec<usize>>> = Vec::new();
            let mut seen: std::collections::HashSet<Vec<u64>> = Default::default();
            for k in 1..=self.rows - i {
                if self.failing[i][k - 1].saturating_add(self.to_end[i + k]) != self.to_end[i] {
                    continue;
                }
                let run: Vec<Vec<usize>> =
                    (0..k).map(|r| row_tokens(i, k, r, self.width)).collect();
                for rest in &from[i + k] {
                    let reading: Vec<Vec<usize>> = run.iter().chain(rest).cloned().collect();
                    let key: Vec<u64> = reading.iter().flatten().map(|&t| values[t]).collect();
                    if seen.insert(key) {
                        here.push(reading);
                    }
                }
                if here.len() > MAX_READINGS {
                    return None;
                }
            }
            from[i] = here;
        }
        Some(std::mem::take(&mut from[0]))
    }
}

/// The tokens of row `r` of a run of `k` rows starting at row `i`, printed column after column.
fn row_tokens(i: usize, k: usize, r: usize, width: usize) -> Vec<usize> {
    (0..width).map(|c| i * width + c * k + r).collect()
}

fn row_values(values: &[u64], i: usize, k: usize, r: usize, width: usize) -> Vec<u64> {
    row_tokens(i, k, r, width)
        .into_iter()
        .map(|t| values[t])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_last(v: &[u64]) -> bool {
        v[..v.len() - 1].iter().sum::<u64>() == v[v.len() - 1]
    }

    #[test]
    fn runs_of_rows_printed_column_after_column_are_told_apart() {
        // rows (80 1 81) (0 0 0) (22 0 22) printed as one run, then (19 1 20) row by row
        let values = [80, 0, 22, 1, 0, 0, 81, 0, 22, 19, 1, 20];
        let got = solve(&values, 4, 3, &[], &total_last, &|_| 0).expect("a cut adds up");
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
        let got = solve(&[0, 1, 1, 2, 1, 3], 2, 3, &[], &total_last, &|_| 0).unwrap();
        assert!(got[0].is_some(), "both cuts read the first row alike");
        assert!(got[1].is_none(), "the second row is read two ways");
        // a report's own wrong total, printed row by row, is read as printed
        let wrong = solve(&[1, 1, 3], 1, 3, &[], &total_last, &|_| 0).unwrap();
        assert_eq!(wrong[0], Some(vec![0, 1, 2]));
        // three rows wrong whatever the cut: a misreading, not used
        assert!(solve(&[1, 1, 3, 1, 1, 3, 1, 1, 3], 3, 3, &[], &total_last, &|_| 0).is_none());
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
        let none = solve(&values, 2, 3, &[], &total_last, &|_| 0).unwrap();
        assert_eq!(second(none), None);
        // a column sum that only the first reading keeps
        let column = |r: &[Vec<u64>]| usize::from(r[1][0] != 2);
        let by_sums = solve(&values, 2, 3, &[], &total_last, &column).unwrap();
        assert_eq!(second(by_sums), Some(vec![2, 0, 2]));
        // the second row's label stands right before its three figures
        let by_label = solve(&values, 2, 3, &[false, true], &total_last, &|_| 0).unwrap();
        assert_eq!(second(by_label), Some(vec![2, 0, 2]));
    }
}
