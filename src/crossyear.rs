//! Checks across two reports of one agency for consecutive years: the carry-over of
//! applications, figures copied forward, and sentences copied with only the year changed.
//! Spans point into the later report.

pub use crate::model::Yearly;
use crate::model::{Finding, Report};
use crate::rules;
use crate::source::Utf16Index;

/// Whether `prev` is the report of the year before `cur` for the same agency.
pub fn consecutive(prev: &Report, cur: &Report) -> bool {
    let same_agency = match (&prev.agency, &cur.agency) {
        (Some(a), Some(b)) => agency_key(a) == agency_key(b),
        _ => false,
    };
    same_agency && matches!((prev.year, cur.year), (Some(p), Some(c)) if p + 1 == c)
}

/// 北京市石景山区人民政府 and 石景山区人民政府 and 石景山区政府 are one agency: the same key.
pub fn agency_key(a: &str) -> String {
    let a: String = a.chars().filter(|c| !c.is_whitespace()).collect();
    let a = a
        .strip_prefix("北京市")
        .or_else(|| a.strip_prefix("上海市"))
        .unwrap_or(&a)
        .to_string();
    a.replace("人民政府", "政府").replace("办公室", "办")
}

/// Every cross-year finding for the pair, in the later report's terms.
pub fn compare(prev: Yearly, cur: Yearly) -> Vec<Finding> {
    let mut out = rules::carryover_mismatch::compare(prev, cur);
    out.extend(rules::copied_table::compare(prev, cur));
    out.extend(rules::copied_sentence::compare(prev, cur));
    let template = cur
        .report
        .template
        .and_then(crate::schema::Template::from_name);
    for f in out.iter_mut().filter(|f| f.place.is_empty()) {
        f.place = rules::locate(cur.text, &cur.report.cells, template, f);
    }
    out
}

/// Pairs reports of one agency for consecutive years: (earlier index, later index).
pub fn pairs(reports: &[&Report]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, a) in reports.iter().enumerate() {
        for (j, b) in reports.iter().enumerate() {
            if i != j && consecutive(a, b) {
                out.push((i, j));
            }
        }
    }
    out
}

/// One text to check, with the clipboard's tables as [`crate::check_with_tables`] takes them.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub tables: &'a [Vec<Vec<String>>],
}

/// Checks `cur` and, when last year's report is given, appends the cross-year findings after
/// its own: the order in which the page lists them, so that a finding's index is the same in
/// the page and in the workbook.
pub fn check_against(cur: Input, prev: Option<Input>) -> Report {
    let mut report = crate::check_with_tables(cur.text, cur.tables);
    if let Some(prev) = prev {
        let found = compare_checked(prev, cur, &report);
        report.findings.extend(found);
    }
    report
}

/// Only the cross-year findings of the pair, with spans in UTF-16 code units of `cur.text`.
pub fn compare_utf16(prev: Input, cur: Input) -> Vec<Finding> {
    let report = crate::check_with_tables(cur.text, cur.tables);
    let mut found = compare_checked(prev, cur, &report);
    let index = Utf16Index::new(cur.text);
    for s in found.iter_mut().flat_map(|f| f.spans.iter_mut()) {
        *s = index.span(*s);
    }
    found
}

fn compare_checked(prev: Input, cur: Input, cur_report: &Report) -> Vec<Finding> {
    let before = crate::check_with_tables(prev.text, prev.tables);
    compare(
        Yearly {
            text: prev.text,
            report: &before,
        },
        Yearly {
            text: cur.text,
            report: cur_report,
        },
    )
}
