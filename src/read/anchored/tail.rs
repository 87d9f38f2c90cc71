//! The last rows of table 三 where pdftotext printed their figures in no order the block model
//! describes (a page's last cells printed after the next rows' figures, one figure after the
//! labels): the figures are known, their places are not. They are placed by the table's
//! arithmetic alone, and only where it leaves exactly one table: every row adding up, every
//! column sum and 勾稽关系 holding. A report with a wrong figure there has no such table, and
//! its rows stay unread.

/// Nodes of the search beyond which the rows are left unread.
const MAX_TRIES: usize = 200_000;

/// The table's relations between rows: (left side, right side), row indices.
pub type Relations = [(Vec<usize>, Vec<usize>)];

/// The values of the last `open` rows of `reading` (the rows before all read), placed from
/// `figures` so that every row `fits` (its last column, 总计, the sum of the others, as in
/// table 三) and every relation holds; `None` unless exactly one
/// such placement exists (as values: equal figures swapped are one placement).
pub fn place(
    reading: &[Vec<u64>],
    open: usize,
    figures: &[u64],
    width: usize,
    fits: &dyn Fn(&[u64]) -> bool,
    relations: &Relations,
) -> Option<Vec<Vec<u64>>> {
    let rows = reading.len() + open;
    if figures.len() != open * width {
        return None;
    }
    let mut pool: Vec<(u64, usize)> = Vec::new();
    for &f in figures {
        match pool.iter_mut().find(|(v, _)| *v == f) {
            Some((_, n)) => *n += 1,
            None => pool.push((f, 1)),
        }
    }
    let mut table: Vec<Option<Vec<u64>>> = reading.iter().cloned().map(Some).collect();
    table.resize(rows, None);
    let mut search = Search {
        width,
        fits,
        relations,
        found: Vec::new(),
        tries: 0,
    };
    search.next_row(&mut table, &mut pool);
    match search.found.as_slice() {
        [one] if search.tries <= MAX_TRIES => Some(one[reading.len()..].to_vec()),
        _ => None,
    }
}

struct Search<'a> {
    width: usize,
    fits: &'a dyn Fn(&[u64]) -> bool,
    relations: &'a Relations,
    found: Vec<Vec<Vec<u64>>>,
    tries: usize,
}

impl Search<'_> {
    /// Rows the relations settle are derived; the first row still open is tried with every
    /// row of the pool's figures that adds up.
    fn next_row(&mut self, table: &mut [Option<Vec<u64>>], pool: &mut Vec<(u64, usize)>) {
        if self.found.len() > 1 || self.tries > MAX_TRIES {
            return;
        }
        let (derived, from_pool) = self.derive(table, pool);
        match table.iter().position(Option::is_none) {
            _ if !from_pool => {}
            None => {
                if pool.iter().all(|&(_, n)| n == 0) && self.holds(table) {
                    let whole: Vec<Vec<u64>> = table.iter().flatten().cloned().collect();
                    if !self.found.contains(&whole) {
                        self.found.push(whole);
                    }
                }
            }
            Some(r) => {
                let mut row = Vec::with_capacity(self.width);
                let links = self.links(table, r);
                self.try_cells(table, pool, r, &mut row, &links);
            }
        }
        for (r, row) in derived.into_iter().rev() {
            give_back(pool, &row);
            table[r] = None;
        }
    }

    fn try_cells(
        &mut self,
        table: &mut [Option<Vec<u64>>],
        pool: &mut Vec<(u64, usize)>,
        r: usize,
        row: &mut Vec<u64>,
        links: &[Link],
    ) {
        self.tries += 1;
        if self.tries > MAX_TRIES || self.found.len() > 1 {
            return;
        }
        if row.len() + 1 == self.width {
            // the 总计 column: the sum of the others, if the pool has it
            let total: u64 = row.iter().sum();
            let Some(k) = pool.iter().position(|&(v, n)| v == total && n > 0) else {
                return;
            };
            pool[k].1 -= 1;
            row.push(total);
            if (self.fits)(row) && implied_in_pool(links, pool, row.len() - 1, total) {
                table[r] = Some(row.clone());
                self.next_row(table, pool);
                table[r] = None;
            }
            row.pop();
            pool[k].1 += 1;
            return;
        }
        let sum: u64 = row.iter().sum();
        let most = pool.iter().filter(|&&(_, n)| n > 0).map(|&(v, _)| v).max();
        for k in 0..pool.len() {
            // a row whose figures pass the largest left cannot add up to it
            if pool[k].1 == 0 || Some(sum + pool[k].0) > most {
                continue;
            }
            pool[k].1 -= 1;
            row.push(pool[k].0);
            if implied_in_pool(links, pool, row.len() - 1, pool[k].0) {
                self.try_cells(table, pool, r, row, links);
            }
            row.pop();
            pool[k].1 += 1;
        }
    }

    /// The relations that row `r`, once filled, leaves with one row open: that row's cells
    /// follow from `r`'s, column by column, and must be figures the pool still holds. Checked
    /// as each cell is tried, this cuts the search where [`Search::derive`] would only fail
    /// after the whole row (most of the tries were such rows).
    fn links(&self, table: &[Option<Vec<u64>>], r: usize) -> Vec<Link> {
        self.relations
            .iter()
            .filter_map(|(l, rr)| {
                let other = only_open(l.iter().chain(rr).copied().filter(|&x| x != r), table)?;
                // as derive works it out: the side without `other` less the side with it
                let (plus, minus) = match l.contains(&other) {
                    true => (rr, l),
                    false => (l, rr),
                };
                let count = |rows: &[usize]| rows.iter().filter(|&&x| x == r).count() as i128;
                let known = (0..self.width)
                    .map(|c| {
                        let side = |rows: &[usize]| -> i128 {
                            rows.iter()
                                .filter_map(|&x| table[x].as_ref())
                                .map(|v| i128::from(v[c]))
                                .sum()
                        };
                        side(plus) - side(minus)
                    })
                    .collect();
                Some(Link {
                    known,
                    per_cell: count(plus) - count(minus),
                })
            })
            .collect()
    }

    /// Fills every open row that a relation with all its other rows known settles, taking its
    /// figures from the pool; the rows filled, to be given back, and whether the pool gave
    /// every row settled (else the table is broken here).
    fn derive(
        &self,
        table: &mut [Option<Vec<u64>>],
        pool: &mut [(u64, usize)],
    ) -> (Vec<(usize, Vec<u64>)>, bool) {
        let mut filled: Vec<(usize, Vec<u64>)> = Vec::new();
        loop {
            let settled = self.relations.iter().find_map(|(l, r)| {
                let one = only_open(l.iter().chain(r).copied(), table)?;
                let on_left = l.contains(&one);
                let side = |rows: &[usize], c: usize| -> i128 {
                    rows.iter()
                        .filter_map(|&x| table[x].as_ref())
                        .map(|v| i128::from(v[c]))
                        .sum()
                };
                let row: Option<Vec<u64>> = (0..self.width)
                    .map(|c| {
                        let d = if on_left {
                            side(r, c) - side(l, c)
                        } else {
                            side(l, c) - side(r, c)
                        };
                        u64::try_from(d).ok()
                    })
                    .collect();
                Some((one, row))
            });
            let Some((r, row)) = settled else {
                return (filled, true);
            };
            match row.filter(|row| take(pool, row)) {
                Some(row) => {
                    table[r] = Some(row.clone());
                    filled.push((r, row));
                }
                None => return (filled, false),
            }
        }
    }

    fn holds(&self, table: &[Option<Vec<u64>>]) -> bool {
        let rows: Vec<&Vec<u64>> = table.iter().flatten().collect();
        rows.iter().all(|r| (self.fits)(r))
            && self.relations.iter().all(|(l, r)| {
                let side = |x: &[usize], c: usize| x.iter().map(|&i| rows[i][c]).sum::<u64>();
                (0..self.width).all(|c| side(l, c) == side(r, c))
            })
    }
}

/// A relation that settles an open row from the row being tried: that row's cell in column c
/// is `known[c] + per_cell × (the tried row's cell c)`.
struct Link {
    known: Vec<i128>,
    per_cell: i128,
}

/// Whether every row the links settle may have, in column `c`, the figure that the tried row's
/// `value` there implies: a figure the pool still holds (what is taken now is not given back
/// before the settled row is taken).
fn implied_in_pool(links: &[Link], pool: &[(u64, usize)], c: usize, value: u64) -> bool {
    links.iter().all(|link| {
        let implied = link.known[c] + link.per_cell * i128::from(value);
        u64::try_from(implied).is_ok_and(|v| pool.iter().any(|&(x, n)| x == v && n > 0))
    })
}

/// The one row of `rows` not yet filled, if exactly one is (no list made: this is asked of
/// every relation at every step of the search).
fn only_open(rows: impl Iterator<Item = usize>, table: &[Option<Vec<u64>>]) -> Option<usize> {
    let mut open = rows.filter(|&x| table[x].is_none());
    let one = open.next()?;
    open.next().is_none().then_some(one)
}

/// Takes a row's figures from the pool, all or none.
fn take(pool: &mut [(u64, usize)], row: &[u64]) -> bool {
    let mut taken = Vec::new();
    for &v in row {
        match pool.iter_mut().find(|(x, n)| *x == v && *n > 0) {
            Some(slot) => {
                slot.1 -= 1;
                taken.push(v);
            }
            None => {
                give_back(pool, &taken);
                return false;
            }
        }
    }
    true
}

fn give_back(pool: &mut [(u64, usize)], row: &[u64]) {
    for &v in row {
        if let Some(slot) = pool.iter_mut().find(|(x, _)| *x == v) {
            slot.1 += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_last(v: &[u64]) -> bool {
        v[..v.len() - 1].iter().sum::<u64>() == v[v.len() - 1]
    }

    /// rows: item a, item b, total (= a + b), carried out (= 一 − total, 一 being row 0)
    fn relations() -> Vec<(Vec<usize>, Vec<usize>)> {
        vec![(vec![3], vec![1, 2]), (vec![0], vec![3, 4])]
    }

    #[test]
    fn the_last_rows_are_placed_where_the_arithmetic_leaves_one_table() {
        // 一 (5 2 7) and item a (3 2 5) read; item b, the total and carried out open
        let read = vec![vec![5, 2, 7], vec![3, 2, 5]];
        // printed out of order: b = (2 0 2), total = (5 2 7), carried out = (0 0 0)
        let figures = [0, 2, 2, 5, 2, 7, 0, 0, 0];
        let got = place(&read, 3, &figures, 3, &total_last, &relations());
        assert_eq!(got, Some(vec![vec![2, 0, 2], vec![5, 2, 7], vec![0, 0, 0]]));
    }

    #[test]
    fn rows_two_tables_fit_or_none_fits_are_not_placed() {
        let read = vec![vec![5, 2, 7], vec![3, 2, 5]];
        // the total printed wrong (5 2 8): no table holds
        let wrong = [0, 2, 2, 5, 2, 8, 0, 0, 1];
        assert_eq!(place(&read, 3, &wrong, 3, &total_last, &relations()), None);
        // without the column sums, b could be (2 0 2) or (0 2 2)
        let two = place(&read, 3, &[0, 2, 2, 5, 2, 7, 0, 0, 0], 3, &total_last, &[]);
        assert_eq!(two, None);
    }
}
