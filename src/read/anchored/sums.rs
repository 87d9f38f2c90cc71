//! The arithmetic a reading of table 三 and 四 is judged by: a row adding up to its own total,
//! a row whose figures would add up in another order, the relations between the table's rows
//! in each column.

use crate::schema::{self, Indicator, Relation, Template};

/// Whether a row's figures (whole numbers as text, by column name) fit its own total.
pub fn adds_up(parts: &[String], columns: &[&str]) -> bool {
    parts.len() == columns.len()
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && fits_row(parts, columns)
}

pub fn fits_row(parts: &[String], columns: &[&str]) -> bool {
    let v: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX))
        .collect();
    for (total, sum_of) in schema::row_totals(columns) {
        let at = |name: &str| columns.iter().position(|c| *c == name);
        let Some(ti) = at(total) else { continue };
        let sum: u64 = sum_of.iter().filter_map(|p| at(p)).map(|i| v[i]).sum();
        if v[ti] != sum {
            return false;
        }
    }
    if columns.last().is_some_and(|c| *c == "历年累计") && columns.len() == 2 {
        return v[1] >= v[0];
    }
    true
}

/// Whether a row whose total fails would add up with another of its figures as the total:
/// pdftotext prints a cell a little off its baseline after the others (`13 4 0 19 2` of
/// `13 2 4 0 19`), and a wrong total of the report's own seldom equals the sum of the others.
/// The columns of such groups (table 四 has three).
pub fn out_of_order(parts: &[String], columns: &[&str]) -> Vec<usize> {
    let v: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX / 64))
        .collect();
    let at = |name: &str| columns.iter().position(|c| *c == name);
    schema::row_totals(columns)
        .filter_map(|(total, sum_of)| {
            let ti = at(total)?;
            let cols: Vec<usize> = sum_of.iter().filter_map(|p| at(p)).chain([ti]).collect();
            let all: u64 = cols.iter().map(|&i| v[i]).sum();
            let fails = all - v[ti] != v[ti];
            (fails && cols.iter().any(|&i| 2 * v[i] == all)).then_some(cols)
        })
        .flatten()
        .collect()
}

/// The table's relations between rows as (left side, right side), indices into `table`: a
/// total whose group row prints no figures (2021's （三）不予公开) stands for its items.
pub fn column_relations(t: Template, table: &[&Indicator]) -> Vec<(Vec<usize>, Vec<usize>)> {
    fn spread(id: &str, t: Template, table: &[&Indicator], depth: usize) -> Option<Vec<usize>> {
        if let Some(i) = table.iter().position(|r| r.id == id) {
            return Some(vec![i]);
        }
        let parts = schema::relations().find_map(|r| match r {
            Relation::Sum {
                total,
                parts,
                within,
                ..
            } if *total == id && within.has(t) => Some(*parts),
            _ => None,
        })?;
        if depth > 3 {
            return None;
        }
        let spread: Option<Vec<Vec<usize>>> = parts
            .iter()
            .map(|p| spread(p, t, table, depth + 1))
            .collect();
        Some(spread?.concat())
    }
    let side = |ids: &[&str]| -> Option<Vec<usize>> {
        let parts: Option<Vec<Vec<usize>>> = ids.iter().map(|i| spread(i, t, table, 0)).collect();
        Some(parts?.concat())
    };
    schema::relations()
        .filter_map(|r| match r {
            Relation::Sum {
                total,
                parts,
                within,
                absent,
            } if within.has(t) => {
                // another variant's relation when one of its rows is printed
                if absent.iter().any(|a| table.iter().any(|r| r.id == *a)) {
                    return None;
                }
                table.iter().position(|r| r.id == *total)?;
                Some((side(&[total])?, side(parts)?))
            }
            Relation::Balance {
                plus,
                equals,
                within,
            } if within.has(t) => Some((side(plus)?, side(equals)?)),
            _ => None,
        })
        .collect()
}

/// How many (relation, column) pairs a reading of the table breaks.
pub fn broken_in_columns(
    sums: &[(Vec<usize>, Vec<usize>)],
    reading: &[Vec<u64>],
    width: usize,
) -> usize {
    let side = |rows: &[usize], c: usize| rows.iter().map(|&r| reading[r][c]).sum::<u64>();
    sums.iter()
        .map(|(l, r)| (0..width).filter(|&c| side(l, c) != side(r, c)).count())
        .sum()
}
