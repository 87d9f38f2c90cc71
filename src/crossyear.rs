//! Checks across two reports of one agency for consecutive years: the carry-over of
//! applications, figures copied forward, and sentences copied with only the year changed.
//! Spans point into the later report.

pub use crate::model::Yearly;
use crate::model::{Finding, Report};
use crate::rules;
use crate::source::Utf16Index;

/// Whether two agency names name one agency ([`agency_key`]).
pub fn same_agency(a: &str, b: &str) -> bool {
    agency_key(a) == agency_key(b)
}

/// Whether `prev` is the report of the year before `cur` for the same agency.
pub fn consecutive(prev: &Report, cur: &Report) -> bool {
    let same_agency = match (&prev.agency, &cur.agency) {
        (Some(a), Some(b)) => same_agency(a, b),
        _ => false,
    };
    same_agency && matches!((prev.year, cur.year), (Some(p), Some(c)) if p + 1 == c)
}

/// The identity of an agency, whatever form of its name a report prints: 北京市石景山区人民政府,
/// 石景山区人民政府 and 石景山区政府 are one agency, and so are 淮安市洪泽区人民政府 and
/// 洪泽区人民政府; 人民政府办公室, 政府办公室 and 政府办 are one office (another agency than the
/// government). The province and prefecture before a district's, county's or city's own name
/// are left out; spaces and punctuation do not count.
#[inline(never)]
pub fn agency_key(a: &str) -> String {
    let clean = crate::segment::clean_agency(a).unwrap_or_else(|| a.to_string());
    let mut key: String = clean
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !is_cjk_punct(*c))
        .collect::<String>()
        .replace("人民政府", "政府")
        .replace("办公室", "办");
    while let Some(rest) = without_region(&key) {
        key = rest;
    }
    key
}

fn is_cjk_punct(c: char) -> bool {
    "《》「」『』【】（）〔〕：，。、；“”‘’·•—…　".contains(c)
}

/// Marks that end a province's or prefecture's name.
const REGIONS: &[&str] = &["自治区", "地区", "省", "市", "州", "盟"];
/// Marks that end a district's, county's or city's own name.
const LOCAL: &[char] = &['区', '县', '市', '旗'];

/// `name` without its leading province or prefecture (`江苏省`, `淮安市`), when what follows
/// is itself a place's name (`洪泽区…`): `淮安市教育局` keeps its 淮安市.
#[inline(never)]
fn without_region(name: &str) -> Option<String> {
    for region in REGIONS {
        // the region's own name has two characters at least
        let Some(at) = name
            .char_indices()
            .skip(2)
            .take(10)
            .map(|(i, _)| i)
            .find(|&i| name[i..].starts_with(region))
        else {
            continue;
        };
        let rest = &name[at + region.len()..];
        // the place after it: a name of two to six characters, then its mark
        let local = rest.chars().skip(2).take(6).any(|c| LOCAL.contains(&c));
        if local && !rest.starts_with("政府") && !rest.starts_with('办') {
            return Some(rest.to_string());
        }
    }
    None
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
        f.place = rules::common::locate(cur.text, &cur.report.cells, template, f);
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
        *s = s.to_utf16(&index);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_agency_under_the_forms_of_its_name() {
        let same = |a, b| {
            assert!(
                same_agency(a, b),
                "{a} / {b}: {} {}",
                agency_key(a),
                agency_key(b)
            )
        };
        same("洪泽区人民政府", "淮安市洪泽区人民政府");
        same("江苏省淮安市洪泽区人民政府", "洪泽区政府");
        same("北京市石景山区人民政府", "石景山区人民政府");
        same("石景山区 人民政府", "石景山区政府");
        same("某某县人民政府办公室", "某某县政府办");
        same("淮安市洪泽区教育局", "洪泽区教育局");
        same("# 平潭县人民政府", "平潭县人民政府");
        let apart = |a, b| assert!(!same_agency(a, b), "{a} / {b}: {}", agency_key(a));
        apart("石景山区人民政府办公室", "石景山区人民政府");
        apart("淮安市教育局", "教育局");
        apart("淮安市人民政府", "洪泽区人民政府");
        apart("苏州市人民政府", "昆山市人民政府");
        apart("淮安市城市管理局", "城市管理局");
        assert_eq!(agency_key("淮安市城市管理局"), "淮安市城市管理局");
        assert_eq!(agency_key("苏州市昆山市人民政府"), "昆山市政府");
    }
}
