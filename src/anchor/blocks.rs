//! Tables that pdftotext (without `-layout`) printed block by block: a run of rows printed as
//! their first column's figures, then their second column's, and so on, the runs differing in
//! length from one place of the table to the next. Where every row has a 总计 column, the
//! arithmetic tells the runs apart: the figures are cut into runs so that every row adds up,
//! and a row is read only when every such cut gives it the same figures.

/// Per row, the token (an index into `values`) of each column, or `None` when the cuts that
/// make the table add up disagree about the row. `None` overall when no cut does.
pub fn solve(
    values: &[u64],
    rows: usize,
    width: usize,
    fits: &dyn Fn(&[u64]) -> bool,
) -> Option<Vec<Option<Vec<usize>>>> {
    if rows == 0 || width == 0 || values.len() != rows * width {
        return None;
    }
    // valid[i][k-1]: rows i..i+k printed as one run, column after column, all add up
    let valid: Vec<Vec<bool>> = (0..rows)
        .map(|i| {
            (1..=rows - i)
                .map(|k| (0..k).all(|r| fits(&row_values(values, i, k, r, width))))
                .collect()
        })
        .collect();
    let mut from_start = vec![false; rows + 1];
    from_start[0] = true;
    for i in 0..rows {
        if !from_start[i] {
            continue;
        }
        for k in 1..=rows - i {
            if valid[i][k - 1] {
                from_start[i + k] = true;
            }
        }
    }
    if !from_start[rows] {
        return None;
    }
    let mut to_end = vec![false; rows + 1];
    to_end[rows] = true;
    for i in (0..rows).rev() {
        to_end[i] = (1..=rows - i).any(|k| valid[i][k - 1] && to_end[i + k]);
    }
    let mut readings: Vec<Vec<(Vec<u64>, Vec<usize>)>> = vec![Vec::new(); rows];
    for i in 0..rows {
        for k in 1..=rows - i {
            if !(from_start[i] && valid[i][k - 1] && to_end[i + k]) {
                continue;
            }
            for r in 0..k {
                let tokens = row_tokens(i, k, r, width);
                let v: Vec<u64> = tokens.iter().map(|&t| values[t]).collect();
                if !readings[i + r].iter().any(|(seen, _)| *seen == v) {
                    readings[i + r].push((v, tokens));
                }
            }
        }
    }
    Some(
        readings
            .into_iter()
            .map(|r| match r.as_slice() {
                [(_, tokens)] => Some(tokens.clone()),
                _ => None,
            })
            .collect(),
    )
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
        let got = solve(&values, 4, 3, &total_last).expect("a cut adds up");
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
        let got = solve(&[0, 1, 1, 2, 1, 3], 2, 3, &total_last).unwrap();
        assert!(got[0].is_some(), "both cuts read the first row alike");
        assert!(got[1].is_none(), "the second row is read two ways");
        assert!(
            solve(&[1, 1, 1], 1, 3, &total_last).is_none(),
            "no cut adds up"
        );
    }
}
