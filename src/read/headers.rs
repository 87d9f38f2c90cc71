//! A table's column headers standing between one row's figures. A PDF copy can print a table
//! column by column, each header before its figures (`本年制发件数` `0` `0` `本年废止件数` `2`
//! `7` `现行有效件数` `11` `72`); read row by row, a row takes figures of two columns
//! (`规章 0 0 2`), and no relation of table 二 tests it. The headers say where the columns
//! were: a row whose figures have a header between them is not read in rows, and is left
//! unread.

use crate::normalize::{bordered, han_chars};
use crate::read::untaken;
use crate::read::verify::{RowRead, Unit, ValueRead};
use crate::schema::{self, Template};

/// The rows of table 二 with the header of another column between two of their figures: a
/// header between a row's figures stands before its own column's figure (`采购项目数量` `36`
/// `采购总金额` `1856.3万元`, a section of one row), never before another's. Where other rows
/// found print the same headers, not even before its own: the column was printed as a block
/// after the rows (`规章` `1` `1` `规范性文件` `0` `0` `对外公开总数量` `23`), its first figure
/// the first row's. (Table 三's first row and table 四's groups are printed among their headers
/// in a copy read right: `自然人` `20` `法人或其他组织` `商业企业` `0`…)
pub fn headers_between_figures(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    let headers: Vec<Option<&[&str]>> = rows
        .iter()
        .map(|r| {
            schema::indicator(r.indicator)
                .filter(|i| schema::national_table(i) == "表二")
                .map(|i| i.columns.names())
        })
        .collect();
    rows.iter()
        .zip(&headers)
        .filter(|&(r, of_r)| {
            let Some(headers_r) = *of_r else {
                return false;
            };
            // no other row read prints the same headers
            let alone = !rows
                .iter()
                .zip(&headers)
                .any(|(o, of_o)| o.indicator != r.indicator && of_o == of_r);
            let figures: Vec<(usize, &ValueRead)> = r
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.blank)
                .collect();
            figures.windows(2).any(|pair| {
                let ((i, a), (j, b)) = (pair[0], pair[1]);
                let between = han_chars(text.get(a.range.end..b.range.start).unwrap_or(""));
                headers_r
                    .iter()
                    .enumerate()
                    .any(|(k, h)| !(alone && i < k && k <= j) && printed(&between, h))
            })
        })
        .map(|(r, _)| Unit::of(r.indicator, None))
        .collect()
}

/// Table 四's row when its figures come before every header of its results, the headers
/// following them within what was taken for its label: a PDF copy can put other figures
/// (table 三's, flowed past its rows) between the table's title and its headers. A copy read
/// right prints a group's headers (`维持`, `纠正`, `审结`, whole or a character a line) before
/// the group's figures.
pub fn figures_before_their_headers(text: &str, rows: &[RowRead]) -> Vec<Unit> {
    const RESULT_WORDS: [char; 3] = ['维', '纠', '审'];
    let has_results =
        |range: std::ops::Range<usize>| text.get(range).is_some_and(|t| t.contains(RESULT_WORDS));
    rows.iter()
        .filter(|r| {
            schema::indicator(r.indicator).is_some_and(|i| schema::national_table(i) == "表四")
        })
        .filter(|r| {
            let Some(first) = r.values.iter().find(|v| !v.blank) else {
                return false;
            };
            let at = first.range.start;
            !has_results(r.label.start.min(at)..at) && has_results(at..r.label.end.max(at))
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// The rows whose cells stand between tabs or `|` with a figure past the heading of a group
/// that carries no figures (`（六）其他处理` of 2021, `（三）不予公开`…), printed between the
/// row's label and that figure: a web copy of a 2021 table 三 printing （六） as one row gave `(5)要求行政机关
/// 确认…`, blank, the figures of （六）. A row's figures never run past the next group.
/// In plain text a column of figures may follow all the labels, headings included; there the
/// row is in doubt only where its figure is past the heading and no other row's label, and a
/// figure no cell took stands right before its label (pdftotext prints a tall row's figure
/// above its label: `64` `（一）回应公众关注热点…` `（二）通过不同渠道…的情况` `29`, the row
/// took 29).
pub fn figures_past_a_heading(text: &str, t: Template, rows: &[RowRead]) -> Vec<Unit> {
    let cores = heading_cores(t);
    let taken = untaken::figures_taken(rows);
    let next_row_before = |r: &RowRead, at: usize| {
        rows.iter().any(|o| {
            o.label.start > r.label.start
                && o.label.start < at
                && schema::indicator(o.indicator).is_some_and(|i| !i.heading)
        })
    };
    let untaken_before = |r: &RowRead| {
        let from = rows
            .iter()
            .map(|o| o.label.end)
            .filter(|&e| e <= r.label.start)
            .max()
            .unwrap_or(r.label.start);
        untaken::figures_apart(text, from..r.label.start).any(|f| !taken.contains(&f.start))
    };
    rows.iter()
        .filter(|r| {
            let Some(last) = r
                .values
                .iter()
                .filter(|v| !v.blank)
                .map(|v| v.range.start)
                .max()
            else {
                return false;
            };
            let Some(window) = text.get(r.label.end..last) else {
                return false;
            };
            (bordered(window) || (!next_row_before(r, last) && untaken_before(r)))
                && window
                    .lines()
                    .map(schema::han_core)
                    .any(|l| cores.iter().any(|c| l.starts_with(c.as_str())))
        })
        .map(|r| Unit::of(r.indicator, None))
        .collect()
}

/// The Han cores (four characters or more) of a template's group headings that carry no
/// figures, made once per template (the test runs for each reading of every text).
fn heading_cores(t: Template) -> &'static [String] {
    static SLOTS: [std::sync::OnceLock<Vec<String>>; 3] = [const { std::sync::OnceLock::new() }; 3];
    schema::once_per_template::<Vec<_>>(&SLOTS, t, || {
        let value_rows: Vec<&str> = schema::value_rows(t).map(|i| i.id).collect();
        schema::indicators()
            .filter(|i| i.within.has(t) && i.heading && !value_rows.contains(&i.id))
            .flat_map(|i| i.labels.iter())
            .map(|w| schema::han_core(w))
            .filter(|core| core.chars().count() >= 4)
            .collect()
    })
}

/// Whether the start of a header's wording (its first four Han characters, a header of three
/// or more; a PDF breaks a header's last characters onto another line) is in `han`.
fn printed(han: &str, header: &str) -> bool {
    const SHORTEST: usize = 3;
    const START: usize = 4;
    let words: String = han_chars(header).chars().take(START).collect();
    words.chars().count() >= SHORTEST && han.contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(text: &str, id: &'a str, label: &str, figures: &[&str]) -> RowRead<'a> {
        let at = text.find(label).unwrap();
        let mut from = at + label.len();
        let values = figures
            .iter()
            .map(|f| {
                let start = from + text[from..].find(f).unwrap();
                from = start + f.len();
                ValueRead {
                    range: start..from,
                    blank: false,
                }
            })
            .collect();
        RowRead {
            indicator: id,
            label: at..at + label.len(),
            values,
        }
    }

    #[test]
    fn a_row_read_across_a_header_of_its_table_is_unread() {
        let text = "规章\n行政规范性文件\n本年制发件\n数\n0\n0\n本年废止件\n数\n2\n7\n现行有效件\n数\n11\n72\n";
        let rows = [row(text, "disclose.rules", "规章", &["0", "0", "2"])];
        assert_eq!(
            headers_between_figures(text, &rows),
            vec![Unit::of("disclose.rules", None)]
        );
    }

    #[test]
    fn a_row_of_one_read_header_by_header_is_kept() {
        let text = "政府集中采购\n采购项目数量\n36\n采购总金额\n1856.3万元\n";
        let rows = [row(
            text,
            "disclose2019.procurement",
            "政府集中采购",
            &["36", "1856.3万元"],
        )];
        assert!(headers_between_figures(text, &rows).is_empty());
    }

    #[test]
    fn a_row_with_its_figures_together_is_kept() {
        let text = "本年制发件数 本年废止件数 现行有效件数\n规章 0 2 11\n";
        let rows = [row(text, "disclose.rules", "规章", &["0", "2", "11"])];
        assert!(headers_between_figures(text, &rows).is_empty());
    }
}
