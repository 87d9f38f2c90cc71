//! The rules. One file per rule; each has a stable kebab-case code and a Chinese doc comment
//! ending in its basis (依据), which `nianbao explain CODE` prints.

use crate::extract::Extraction;
use crate::model::{Cell, Fact, Finding, Kind, Severity, Span, ValueKind};
use crate::schema::{self, Template};
use crate::segment::Document;

mod bad_number;
mod balance_mismatch;
mod blank_value;
pub mod carryover_mismatch;
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

pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// The rule's documentation in Chinese (its doc comment).
    pub doc: &'static str,
    pub check: fn(&Context) -> Vec<Finding>,
}

/// Declares a rule from its doc comment, code, severity and check function.
macro_rules! declare_rule {
    ($(#[doc = $doc:expr])* code: $code:literal, severity: $sev:ident, check: $check:path $(,)?) => {
        $(#[doc = $doc])*
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            severity: $crate::model::Severity::$sev,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule as rule;

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

/// What the rules read.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub ex: &'a Extraction,
    pub facts: &'a [Fact],
    pub prose: &'a crate::facts::Prose,
    arithmetic: std::cell::OnceCell<arith::Arithmetic>,
}

use crate::arith::Figures;
pub use crate::arith::{self, quoted, Figure};

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        ex: &'a Extraction,
        facts: &'a [Fact],
        prose: &'a crate::facts::Prose,
    ) -> Context<'a> {
        Context {
            doc,
            ex,
            facts,
            prose,
            arithmetic: std::cell::OnceCell::new(),
        }
    }

    /// Every relation of the tables, evaluated once for all rules that need it.
    pub fn arithmetic(&self) -> &arith::Arithmetic {
        self.arithmetic.get_or_init(|| arith::analyse(self))
    }

    /// The template whose relations apply: the table's, or for prose alone the one of the year.
    pub fn template(&self) -> Template {
        self.ex.template.unwrap_or(match self.doc.year {
            Some(y) if y >= 2021 => Template::T2021,
            Some(y) if y >= 2019 => Template::T2019,
            _ => Template::T2008,
        })
    }

    /// Whether none of these rows is printed, in the table or the prose (a relation of another
    /// variant of the form).
    pub fn none_printed(&self, ids: &[&str]) -> bool {
        !self
            .ex
            .cells
            .iter()
            .any(|c| ids.contains(&c.indicator.as_str()))
            && !self
                .facts
                .iter()
                .any(|f| ids.contains(&f.indicator.as_str()))
    }

    pub fn cell(&self, id: &str, column: Option<&str>) -> Option<&'a Cell> {
        self.ex
            .cells
            .iter()
            .find(|c| c.indicator == id && c.column.as_deref() == column)
    }

    /// The figure of an indicator in a column: the table cell, or a prose fact when the
    /// table has no such row.
    pub fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure> {
        if let Some(c) = self.cell(id, column) {
            return Some(Figure {
                value: c.value,
                kind: c.kind,
                span: c.span,
                label: c.label.clone(),
                from_table: true,
            });
        }
        if column.is_some() {
            return None;
        }
        let f = self
            .facts
            .iter()
            .find(|f| f.indicator == id && f.column.is_none())?;
        Some(Figure {
            value: Some(f.value),
            kind: ValueKind::Number,
            span: f.span,
            label: label_of(id),
            from_table: false,
        })
    }

    /// The value columns of an indicator (`[None]` for single-value rows).
    pub fn columns(&self, id: &str) -> Vec<Option<&'static str>> {
        match schema::indicator(id).map(|i| i.columns) {
            Some(schema::Columns::Named(names)) => names.iter().map(|n| Some(*n)).collect(),
            // the old template printed with a year and a 历年累计 column
            _ => match self.ex.old_columns {
                [] => vec![None],
                names => names.iter().map(|n| Some(*n)).collect(),
            },
        }
    }
}

/// The rules' arithmetic reads the table, and the prose where the table has no such row.
impl Figures for Context<'_> {
    fn template(&self) -> Template {
        Context::template(self)
    }
    fn cell(&self, id: &str, column: Option<&str>) -> Option<&Cell> {
        Context::cell(self, id, column)
    }
    fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure> {
        Context::figure(self, id, column)
    }
    fn none_printed(&self, ids: &[&str]) -> bool {
        Context::none_printed(self, ids)
    }
    fn columns(&self, id: &str) -> Vec<Option<&'static str>> {
        Context::columns(self, id)
    }
}

/// The canonical wording of an indicator, for messages.
pub fn label_of(id: &str) -> String {
    schema::indicator(id).map_or_else(|| id.to_string(), |i| i.labels[0].to_string())
}

/// A number as people write it: no `.0` on whole numbers.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub fn finding(
    code: &'static str,
    message: String,
    spans: Vec<Span>,
    expected: Option<f64>,
    actual: Option<f64>,
) -> Finding {
    let severity = rule(code).map_or(Severity::Info, |r| r.severity);
    let spans = spans.into_iter().filter(|s| !s.is_empty()).collect();
    Finding {
        code,
        severity,
        message,
        spans,
        expected,
        actual,
        compared_with: None,
    }
}

/// The extraction's own remarks of one code, as findings.
fn notes(cx: &Context, code: &'static str) -> Vec<Finding> {
    cx.ex
        .notes
        .iter()
        .filter(|n| n.code == code)
        .map(|n| finding(code, n.message.clone(), vec![n.span], None, None))
        .collect()
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
        return (not_annual_report::RULE.check)(&cx);
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
    out.sort_by_key(|f| (f.severity, f.spans.first().map_or(0, |s| s.start)));
    out
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
    fn numbers_print_like_people_write_them() {
        assert_eq!(num(340.0), "340");
        assert_eq!(num(1.50), "1.5");
        assert_eq!(num(-3.0), "-3");
    }
}
