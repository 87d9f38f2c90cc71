//! Rows read but not to be trusted, left unread (and so reported incomplete) rather than read
//! wrong.

use super::*;

/// A figure printed on a label's line right after it is that row's: a reading that gave it to
/// another row misread both (pdftotext of a small table printed its first column with the
/// labels, the rest after), so both are left unread rather than read wrong.
pub(super) fn distrust_strangers(text: &str, rows: &mut [ReadRow]) {
    let owner = |at: usize| {
        rows.iter().position(|q| {
            q.anchor.found
                && q.anchor.label.end <= at
                && text[q.anchor.label.end..at].bytes().all(|b| b == b' ')
        })
    };
    let mut wrong = vec![false; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for cell in row.cells.iter().flatten() {
            if let Some(q) = owner(cell.range.start).filter(|&q| q != r) {
                wrong[r] = true;
                wrong[q] = true;
            }
        }
    }
    for (row, wrong) in rows.iter_mut().zip(wrong) {
        if wrong {
            row.cells.iter_mut().for_each(|c| *c = None);
        }
    }
}

/// A row read from text without cell separators whose own total does not add up was most
/// likely aligned with the wrong figures: it is left unread (and reported incomplete) rather
/// than reported as a wrong total. Rows of tab-separated copies keep their cells.
pub(super) fn distrust_broken_rows(text: &str, rows: &mut [ReadRow]) {
    let starts: Vec<usize> = rows.iter().map(|r| r.anchor.label.start).collect();
    for r in rows.iter_mut() {
        if r.columns.len() < 3 || r.reconstructed.is_some() {
            continue;
        }
        let Some(cells) = r
            .cells
            .iter()
            .map(|c| c.as_ref())
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let parts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        if parts
            .iter()
            .any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.is_empty())
        {
            continue;
        }
        let start = r.anchor.label.start;
        let end = starts
            .iter()
            .copied()
            .filter(|&s| s > start)
            .min()
            .unwrap_or(text.len());
        let end = crate::source::floor_char_boundary(text, end);
        let tabbed = text[start..end].contains('\t');
        // figures all between the row's label and the next: read as printed, so a total
        // that fails is the report's own
        let own = r.anchor.found
            && cells
                .iter()
                .all(|c| c.range.start >= start && c.range.end <= end);
        if tabbed || fits_row(&parts, r.columns) {
            continue;
        }
        if !own {
            r.cells.iter_mut().for_each(|c| *c = None);
        }
        for c in out_of_order(&parts, r.columns) {
            r.cells[c] = None;
        }
    }
}

/// Whether a row whose total fails would add up with another of its figures as the total:
/// pdftotext prints a cell a little off its baseline after the others (`13 4 0 19 2` of
/// `13 2 4 0 19`), and a wrong total of the report's own seldom equals the sum of the others.
/// The columns of such groups (table 四 has three).
pub(super) fn out_of_order(parts: &[String], columns: &[&str]) -> Vec<usize> {
    let v: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX / 64))
        .collect();
    let at = |name: &str| columns.iter().position(|c| *c == name);
    schema::t2019::ROW_TOTALS
        .iter()
        .filter(|(set, ..)| std::ptr::eq(*set, columns) || *set == columns)
        .filter_map(|(_, total, sum_of)| {
            let ti = at(total)?;
            let cols: Vec<usize> = sum_of.iter().filter_map(|p| at(p)).chain([ti]).collect();
            let all: u64 = cols.iter().map(|&i| v[i]).sum();
            let fails = all - v[ti] != v[ti];
            (fails && cols.iter().any(|&i| 2 * v[i] == all)).then_some(cols)
        })
        .flatten()
        .collect()
}
