//! Checks across two reports of one agency for consecutive years: the carry-over of
//! applications, figures copied forward, and sentences copied with only the year changed.
//! Spans point into the later report.

use crate::model::{Finding, Report};
use crate::rules;

/// One report with its text, as given to [`crate::check`].
#[derive(Clone, Copy)]
pub struct Yearly<'a> {
    pub text: &'a str,
    pub report: &'a Report,
}

/// Whether `prev` is the report of the year before `cur` for the same agency.
pub fn consecutive(prev: &Report, cur: &Report) -> bool {
    let same_agency = match (&prev.agency, &cur.agency) {
        (Some(a), Some(b)) => agency_key(a) == agency_key(b),
        _ => false,
    };
    same_agency && matches!((prev.year, cur.year), (Some(p), Some(c)) if p + 1 == c)
}

/// 北京市石景山区人民政府 and 石景山区人民政府 and 石景山区政府 are one agency.
fn agency_key(a: &str) -> String {
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
