//! The rules. One file per rule; each has a stable kebab-case code and a Chinese doc comment
//! ending in its basis (依据), which `nianbao explain CODE` prints.

use crate::model::{Fact, Finding, Kind, Severity, Span};
use crate::read::Extraction;
use crate::segment::Document;
use common::{locate, Context, Rule};

mod bad_number;
mod balance_mismatch;
mod blank_value;
pub mod carryover_mismatch;
pub mod common;
pub mod copied_sentence;
pub mod copied_table;
pub mod input_truncated;
mod label_variant;
mod not_annual_report;
mod outline;
mod part_exceeds_whole;
mod percent_mismatch;
mod prose_conflict;
mod prose_table_mismatch;
mod row_reconstructed;
mod row_unreadable;
mod section_missing;
mod section_order;
mod sum_mismatch;
mod sum_unchecked;
mod table_incomplete;
mod table_missing;
mod template_mismatch;
mod unit_suspicious;
mod year_mismatch;

/// Every rule, in the order findings are listed.
pub static RULES: &[Rule] = &[
    not_annual_report::RULE,
    input_truncated::RULE,
    table_missing::RULE,
    table_incomplete::RULE,
    template_mismatch::RULE,
    row_reconstructed::RULE,
    row_unreadable::RULE,
    label_variant::RULE,
    blank_value::RULE,
    bad_number::RULE,
    unit_suspicious::RULE,
    sum_mismatch::RULE,
    sum_unchecked::RULE,
    balance_mismatch::RULE,
    part_exceeds_whole::RULE,
    carryover_mismatch::RULE,
    copied_table::RULE,
    copied_sentence::RULE,
    prose_table_mismatch::RULE,
    prose_conflict::RULE,
    percent_mismatch::RULE,
    section_missing::RULE,
    section_order::RULE,
    year_mismatch::RULE,
];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Runs every rule. A document that is not an annual report gets only that finding.
pub fn run(
    doc: &Document,
    ex: &Extraction,
    facts: &[Fact],
    prose: &crate::facts::Prose,
) -> Vec<Finding> {
    let cx = Context::new(doc, ex, facts, prose);
    if doc.kind == Kind::Other {
        let mut out = (not_annual_report::RULE.check)(&cx);
        out.iter_mut().for_each(|f| f.place = "全文".to_string());
        return out;
    }
    let mut out: Vec<Finding> = RULES.iter().flat_map(|r| (r.check)(&cx)).collect();
    out.iter_mut().for_each(|f| mixed_sources_warn(&cx, f));
    out.retain(|f| !f.spans.is_empty() || f.severity == Severity::Info);
    // a total with parts in several variants of the form may be found once per variant
    let mut seen: Vec<(&'static str, String)> = Vec::new();
    out.retain(|f| {
        let key = (f.code, f.message.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    order(&mut out);
    for f in out.iter_mut().filter(|f| f.place.is_empty()) {
        f.place = place_of(&cx, f);
    }
    out
}

/// Findings in the order they are listed: errors first, then warnings, then notes, each by
/// where it is. One function for every list, so that the sort's code is there once.
pub fn order(findings: &mut Vec<Finding>) {
    // (severity and place, index) pairs sorted, the index breaking ties: the sort stable, and
    // the one the crate already has for pairs (a stable sort of findings cost the checker's
    // wasm 7 KB)
    let mut keys: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            // a text is at most 5 MB (MAX_INPUT_BYTES): its offsets fit in 28 bits, even in
            // the 32-bit usize of wasm
            let at = f.spans.first().map_or(0, |s| s.start).min((1 << 28) - 1);
            (((f.severity as usize) << 28) | at, i)
        })
        .collect();
    keys.sort_unstable();
    let mut taken: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    findings.extend(keys.into_iter().filter_map(|(_, i)| taken[i].take()));
}

/// Where a finding that did not name its place is found: a table for a finding about a
/// table, else the cell or the words its first span points at.
#[inline(never)]
fn place_of(cx: &Context, f: &Finding) -> String {
    if f.code == "table-incomplete" {
        // the table whose count the finding gives
        let table = cx
            .ex
            .coverage
            .iter()
            .find(|c| f.expected == Some(c.expected as f64) && f.actual == Some(c.read as f64));
        if let Some(c) = table {
            return c.table.to_string();
        }
    }
    locate(cx.doc.original, &cx.ex.cells, cx.ex.template, f)
}

/// Severity policy: an error is arithmetic that cannot be right in the report's own figures.
/// When a relation mixes table cells with figures read from the prose, the disagreement may be
/// the prose's (another scope, a rounded figure), so it is reported as prose against table: a
/// warning.
fn mixed_sources_warn(cx: &Context, f: &mut Finding) {
    if f.severity != Severity::Error || !matches!(f.code, "sum-mismatch" | "part-exceeds-whole") {
        return;
    }
    let from_prose = |s: &Span| cx.facts.iter().any(|fact| fact.span == *s);
    if f.spans.iter().any(from_prose) && !f.spans.iter().all(from_prose) {
        f.severity = Severity::Warning;
    }
}

#[cfg(test)]
mod tests {
    use super::common::*;
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        for r in RULES {
            assert!(
                r.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.code
            );
            assert!(r.doc.contains("依据"), "{} has no 依据 in its doc", r.code);
            assert!(
                r.doc.chars().any(crate::normalize::is_han),
                "{} doc is not Chinese",
                r.code
            );
        }
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule code");
    }

    #[test]
    fn every_rule_has_a_short_chinese_name_of_its_own() {
        let mut titles: Vec<&str> = RULES.iter().map(Rule::title).collect();
        for r in RULES {
            let t = r.title();
            assert!(!t.is_empty(), "{} has no title", r.code);
            assert!(t.chars().count() <= 10, "{}: {t} is not short", r.code);
            assert!(t.chars().all(crate::normalize::is_han), "{}: {t}", r.code);
            assert!(!r.description().contains("##"), "{}", r.code);
            assert!(r.plain_doc().contains("依据：") && !r.plain_doc().contains('#'));
        }
        assert_eq!(rule("sum-mismatch").unwrap().title(), "合计不符");
        assert_eq!(rule("blank-value").unwrap().title(), "未填写");
        assert_eq!(rule("table-incomplete").unwrap().title(), "表格未完整读出");
        titles.sort_unstable();
        let n = titles.len();
        titles.dedup();
        assert_eq!(titles.len(), n, "two rules with one name");
    }

    #[test]
    fn quotes_are_cut_between_clauses_or_words() {
        let s = "全年收取政府信息公开申请处理费用0元，未发生减免情况";
        assert_eq!(clip(s, 40), s);
        assert_eq!(clip(s, 20), "全年收取政府信息公开申请处理费用0元……");
        // no clause mark within reach: after a particle
        assert_eq!(
            clip("本机关进一步规范政府信息公开的工作流程和办理时限要求", 12),
            "本机关进一步规范政府信息公开的……"
        );
        assert!(clip("本机关进一步规范政府信息公开工作流程办理时限要求", 12).ends_with("……"));
    }

    #[test]
    fn the_words_at_a_span_are_quoted_with_their_clause() {
        let text =
            "答复申请805件。予以公开258件，占33.9%；不予公开35件，占4.34%。\n(三)突出公开重点。";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            quote_at(text, Span::new(i, i + w.len()))
        };
        assert_eq!(at("33.9%"), "“予以公开258件，占33.9%”");
        assert_eq!(at("35件"), "“不予公开35件”");
        assert_eq!(at("(三)"), "“(三)突出公开重点”");
        let text = "(四)创新公开方式\n在平潭综合实验区管委会网站主动公开的1913条政府信\n息。";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            quote_at(text, Span::new(i, i + w.len()))
        };
        assert_eq!(at("(四)"), "“(四)创新公开方式”");
        assert_eq!(at("1913条"), "“在平潭综合实验区管委会网站主动公开的1913条”");
        let text = "在已经答复的3件申请中：“同意部分公开”的1件，占总数33%；“申请内容不明确”的1件，占总数的34％。";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            quote_at(text, Span::new(i, i + w.len()))
        };
        assert_eq!(at("3件"), "“在已经答复的3件申请中”");
        assert_eq!(at("34％"), "“申请内容不明确的1件，占总数的34％”");
    }

    #[test]
    fn numbers_print_like_people_write_them() {
        assert_eq!(num(340.0), "340");
        assert_eq!(num(1.50), "1.5");
        assert_eq!(num(-3.0), "-3");
    }
}
