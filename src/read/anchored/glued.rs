//! Glued runs of digits split into their cells where the row's own total, `历年累计 ≥ 年度` and
//! the table's relations leave exactly one reading.

use super::sums::{column_relations, fits_row};
use super::types::*;
use crate::read::grid::RawCell;
use crate::schema::{Indicator, Template};

/// Splits each row's glued run into its columns where exactly one split fits the row's own
/// arithmetic and, taken over the whole table, the relations between rows.
pub(super) fn split_glued(rows: &mut [ReadRow], t: Template) {
    let mut options: Vec<Option<Vec<Vec<String>>>> = rows
        .iter()
        .map(|r| r.unreadable.as_ref().map(|g| splits(&g.text, r.columns)))
        .collect();
    narrow_by_relations(rows, &mut options, t);
    for (row, opts) in rows.iter_mut().zip(options) {
        let (Some(glued), Some(opts)) = (row.unreadable.clone(), opts) else {
            continue;
        };
        if let [one] = opts.as_slice() {
            // the run's digits, where they stand (spaces and line breaks between some)
            let digits: Vec<usize> = glued
                .text
                .bytes()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| glued.range.start + i)
                .collect();
            let mut next = 0;
            for (c, part) in one.iter().enumerate() {
                let (first, last) = (digits[next], digits[next + part.len() - 1]);
                row.cells[c] = Some(RawCell {
                    text: part.clone(),
                    range: first..last + 1,
                });
                next += part.len();
            }
            row.reconstructed = Some((glued, one.clone()));
            row.unreadable = None;
        }
    }
}

/// At most this many readings of one glued run are kept; more is no reading at all.
pub(super) const MAX_SPLITS: usize = 64;

/// At most this many steps (a number cut from a run) are taken to find a glued run's
/// readings; a run that needs more (table 四's fifteen cells glued in twenty-odd digits) has
/// no reading.
const MAX_STEPS: usize = 50_000;

/// Every way to cut `digits` into one number per column (no leading zeros) that fits the
/// row: a `总计` column equal to the others, `历年累计` at least the year's figure. None at all
/// when not every way could be tried: a reading found among some of them only is no reading
/// (the first 65 cuts of `941911115131` held one that added up, `9 4 1 91 11 15 131`, and
/// never reached the report's `94 19 1 1 11 5 131`).
pub fn splits(digits: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let n = columns.len();
    // a line break inside a run is no cell border (a letter-spaced figure, a digit per line)
    let joined: String = digits.chars().filter(|&c| c != '\n').collect();
    let chunks: Vec<&str> = joined.split(' ').filter(|c| !c.is_empty()).collect();
    let length: usize = chunks.iter().map(|c| c.len()).sum();
    if n < 2
        || chunks.len() > n
        || length < n
        || length > 40
        || !chunks.iter().all(|c| c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Vec::new();
    }
    let mut cutting = Cutting {
        out: Vec::new(),
        steps: 0,
        fits: &|p: &[String]| fits_row(p, columns),
    };
    let complete = cutting.cut(&chunks, 0, n, &mut Vec::new());
    match complete && cutting.out.len() <= MAX_SPLITS {
        true => cutting.out,
        false => Vec::new(),
    }
}

/// The search for the ways to cut runs of digits (a space between two runs is a cell border
/// for sure) into numbers, each run into one number or more.
struct Cutting<'f> {
    out: Vec<Vec<String>>,
    steps: usize,
    fits: &'f dyn Fn(&[String]) -> bool,
}

impl Cutting<'_> {
    /// Cuts `chunks[0][at..]` and the runs after it into `n` numbers after `parts`; false
    /// when the search stopped before trying every way.
    fn cut(&mut self, chunks: &[&str], at: usize, n: usize, parts: &mut Vec<String>) -> bool {
        let Some((&chunk, rest)) = chunks.split_first() else {
            if n == 0 && (self.fits)(parts) {
                self.out.push(parts.clone());
            }
            return self.out.len() <= MAX_SPLITS;
        };
        if n == 0 {
            return true; // numbers all cut, digits left over: no way
        }
        let left = &chunk[at..];
        let digits_after: usize = rest.iter().map(|c| c.len()).sum();
        let numbers_left = n - 1;
        for len in 1..=left.len().min(15) {
            let head = &left[..len];
            if len > 1 && head.starts_with('0') {
                break;
            }
            let ends_chunk = len == left.len();
            // each number left needs a digit, each run left a number
            let needed_runs = rest.len() + usize::from(!ends_chunk);
            if numbers_left > left.len() - len + digits_after || numbers_left < needed_runs {
                continue;
            }
            self.steps += 1;
            if self.steps > MAX_STEPS {
                return false;
            }
            parts.push(head.to_string());
            let complete = match ends_chunk {
                true => self.cut(rest, 0, numbers_left, parts),
                false => self.cut(chunks, at + len, numbers_left, parts),
            };
            parts.pop();
            if !complete {
                return false;
            }
        }
        true
    }
}

/// Most combinations of the open rows' readings tried for one relation.
pub(super) const MAX_COMBINATIONS: usize = 512;

/// Keeps, for rows with several readings, those that some combination with the other open rows
/// of a relation (column sums, the 勾稽关系) makes hold in every column; again until nothing
/// changes. A relation no combination keeps is a wrong figure of the report's: nothing is
/// kept or dropped by it.
pub(super) fn narrow_by_relations(
    rows: &[ReadRow],
    options: &mut [Option<Vec<Vec<String>>>],
    t: Template,
) {
    let table: Vec<&Indicator> = rows.iter().map(|r| r.anchor.indicator).collect();
    let relations = column_relations(t, &table);
    let fixed = |m: usize, c: usize| -> Option<f64> {
        rows[m]
            .cells
            .get(c)?
            .as_ref()
            .and_then(|x| crate::read::value::parse_value(&x.text).0)
    };
    for _ in 0..8 {
        let mut changed = false;
        for (left, right) in &relations {
            let mut members: Vec<usize> = left.iter().chain(right).copied().collect();
            members.sort_unstable();
            members.dedup();
            let open: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| options[m].as_ref().is_some_and(|o| o.len() > 1))
                .collect();
            let combos = open.iter().try_fold(1usize, |n, &m| {
                n.checked_mul(options[m].as_ref().map_or(1, Vec::len))
            });
            if open.is_empty() || combos.is_none_or(|n| n > MAX_COMBINATIONS) {
                continue;
            }
            let width = members
                .iter()
                .map(|&m| rows[m].cells.len())
                .min()
                .unwrap_or(0);
            let value = |m: usize, c: usize, pick: &[usize]| -> Option<f64> {
                match &options[m] {
                    Some(o) if o.len() > 1 => {
                        let at = open.iter().position(|&x| x == m)?;
                        crate::scan::decimal(o[pick[at]].get(c)?)
                    }
                    Some(o) if o.len() == 1 => crate::scan::decimal(o[0].get(c)?),
                    Some(_) => None,
                    None => fixed(m, c),
                }
            };
            let holds = |pick: &[usize]| {
                (0..width).all(|c| {
                    let side =
                        |s: &[usize]| s.iter().map(|&m| value(m, c, pick)).sum::<Option<f64>>();
                    match (side(left), side(right)) {
                        (Some(l), Some(r)) => (l - r).abs() < 0.005,
                        _ => true,
                    }
                })
            };
            let sizes: Vec<usize> = open
                .iter()
                .map(|&m| options[m].as_ref().map_or(1, Vec::len))
                .collect();
            let mut used: Vec<Vec<bool>> = sizes.iter().map(|&n| vec![false; n]).collect();
            let mut any = false;
            let mut pick = vec![0usize; open.len()];
            loop {
                if holds(&pick) {
                    any = true;
                    pick.iter()
                        .enumerate()
                        .for_each(|(i, &p)| used[i][p] = true);
                }
                // the next combination, as an odometer over the open rows' readings
                let Some(i) = (0..pick.len()).find(|&i| pick[i] + 1 < sizes[i]) else {
                    break;
                };
                pick[i] += 1;
                pick[..i].iter_mut().for_each(|p| *p = 0);
            }
            if !any {
                continue;
            }
            for (i, &m) in open.iter().enumerate() {
                let Some(o) = options[m].take() else { continue };
                let kept: Vec<Vec<String>> = o
                    .into_iter()
                    .zip(&used[i])
                    .filter(|(_, &u)| u)
                    .map(|(x, _)| x)
                    .collect();
                changed |= kept.len() < sizes[i];
                options[m] = Some(kept);
            }
        }
        if !changed {
            break;
        }
    }
}
