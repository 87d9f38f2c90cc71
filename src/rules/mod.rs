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

/// Each rule's short Chinese name, the words a clerk reads first (the code stays for
/// reviewers and tools). Kept here, beside the registry, so that every rule has one.
static TITLES: &[(&str, &str)] = &[
    ("not-annual-report", "不是年度报告"),
    ("input-truncated", "文字过长未全部检查"),
    ("table-missing", "缺少统计表"),
    ("table-incomplete", "表格未完整读出"),
    ("template-mismatch", "表格格式与年度不符"),
    ("row-reconstructed", "连写数字已拆分"),
    ("row-unreadable", "连写数字无法拆分"),
    ("label-variant", "项目名称有出入"),
    ("blank-value", "未填写"),
    ("bad-number", "数字有误"),
    ("unit-suspicious", "单位可疑"),
    ("sum-mismatch", "合计不符"),
    ("sum-unchecked", "合计无法核对"),
    ("balance-mismatch", "勾稽关系不符"),
    ("part-exceeds-whole", "分项大于总数"),
    ("carryover-mismatch", "结转数与上年不符"),
    ("copied-table", "数据疑似沿用上年"),
    ("copied-sentence", "句子疑似照搬上年"),
    ("prose-table-mismatch", "正文与统计表不符"),
    ("prose-conflict", "正文前后不一"),
    ("percent-mismatch", "百分比不符"),
    ("section-missing", "缺少规定部分"),
    ("section-order", "顺序颠倒"),
    ("year-mismatch", "年度不一致"),
];

impl Rule {
    /// The rule's short Chinese name (`合计不符`).
    pub fn title(&self) -> &'static str {
        title_of(self.code)
    }

    /// The documentation without its `## 依据` heading: the description, then the basis
    /// introduced in words (`依据：…`), for people rather than for a Markdown renderer.
    pub fn plain_doc(&self) -> String {
        let (description, basis) = match self.doc.split_once("## 依据") {
            Some((d, b)) => (d, Some(b)),
            None => (self.doc, None),
        };
        let joined = |s: &str| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<String>()
        };
        match basis {
            Some(b) => format!("{}\n依据：{}", joined(description), joined(b)),
            None => joined(description),
        }
    }

    /// The description alone, whole (its first paragraph, lines joined).
    pub fn description(&self) -> String {
        let first = self.doc.split("\n\n").next().unwrap_or(self.doc);
        first
            .split("## 依据")
            .next()
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .collect()
    }
}

/// The short Chinese name of a rule's code; empty for an unknown one.
pub fn title_of(code: &str) -> &'static str {
    TITLES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, t)| t)
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

/// A finding of a rule, its severity and name from the registry. Out of line: called from every
/// rule, its two look-ups inlined at each call were kilobytes of the checker's wasm.
#[inline(never)]
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
        title: title_of(code),
        severity,
        message,
        place: String::new(),
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
        .map(|n| {
            let mut f = finding(code, n.message.clone(), vec![n.span], None, None);
            f.place = row_position(cx, n.indicator);
            f
        })
        .collect()
}

/// The table an indicator's row is in: `表二`, `表三`, `表四` of the national forms, the old
/// form's `统计表`.
pub fn table_name(cx: &Context, id: &str) -> &'static str {
    match (cx.ex.template, schema::indicator(id)) {
        (Some(Template::T2019 | Template::T2021), Some(i)) => schema::national_table(i),
        _ => "统计表",
    }
}

/// A row as a person finds it on the form (`表三 （三）不予公开 1.属于国家秘密`), else its
/// wording quoted.
#[inline(never)]
pub fn row_position(cx: &Context, id: &str) -> String {
    cx.ex
        .template
        .and_then(|t| schema::layout::position(t, id, None))
        .unwrap_or_else(|| quoted(&label_of(id), None))
}

/// Where a person finds a finding: the cell its first span falls in, as the form names it;
/// else the words of the prose it points at, quoted. Empty for a finding without a place.
#[inline(never)]
pub fn locate(text: &str, cells: &[Cell], template: Option<Template>, f: &Finding) -> String {
    let Some(&span) = f.spans.first() else {
        return String::new();
    };
    let within = |c: &&Cell| {
        span.start >= c.span.start && (span.start < c.span.end || span.start == c.span.start)
    };
    if let Some(c) = cells.iter().find(within) {
        let column = c.column.as_deref();
        if let Some(p) = template.and_then(|t| schema::layout::position(t, &c.indicator, column)) {
            return p;
        }
        return quoted(&c.label, column);
    }
    quote_at(text, span)
}

/// The words of the text at `span`, with the clause before them when they are few
/// (`予以公开及部分公开258件，占33.9%` for the span of `33.9%`) and the rest of their clause
/// when they are still few (a heading's `(三)`), quoted, never cut mid-word.
#[inline(never)]
pub fn quote_at(text: &str, span: Span) -> String {
    let floor = |b: usize| crate::source::floor_char_boundary(text, b.min(text.len()));
    let (start, end) = (floor(span.start), floor(span.end).max(floor(span.start)));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    // just after the clause mark before `at`, on the line
    let clause_start = |at: usize| {
        text[line_start..at]
            .rfind(CLAUSE_MARKS)
            .map_or(line_start, |i| {
                let mark = line_start + i;
                mark + text[mark..].chars().next().map_or(1, char::len_utf8)
            })
    };
    // words enough to find: four Han characters (`占33.9%` is not); a share (`占总数的34%`)
    // is found by the count before it
    let few = |a: usize, b: usize| {
        text[a..b]
            .chars()
            .filter(|&c| crate::normalize::is_han(c))
            .count()
            < 4
    };
    let mut from = clause_start(start);
    if from > line_start
        && (few(from, end) || text[from..].starts_with('占'))
        && !text[..from].ends_with('。')
    {
        let mark = text[..from].chars().next_back().map_or(0, char::len_utf8);
        from = clause_start(from - mark);
    }
    // on to the end of the clause when they are still few, or when little of it is left
    // (`在已经答复的3件` + `申请中`); to the end of a short line (a heading), but not to the
    // end of a paragraph's line, which may break a word (`政府信` / `息公开`)
    let short_line = text[line_start..line_end].chars().count() <= 30;
    let to = match text[end..line_end].find(CLAUSE_MARKS) {
        Some(i) if few(from, end) || text[end..end + i].chars().count() <= 6 => end + i,
        None if few(from, end) && short_line => line_end,
        _ => end,
    };
    // a long clause: from the words themselves
    if text[from..to].chars().count() > QUOTE_CHARS {
        from = start;
    }
    let words: String = text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !"“”\"".contains(*c))
        .collect();
    match words.trim() {
        "" => String::new(),
        w => format!("“{}”", clip(w, QUOTE_CHARS)),
    }
}

/// Marks that end a clause, where a quote starts or stops.
const CLAUSE_MARKS: &[char] = &[
    '，', '。', '；', '：', '、', ',', ';', ':', '！', '？', '!', '?',
];

/// How long a quote in a message or a `where` may be, in characters.
pub const QUOTE_CHARS: usize = 40;

/// Marks after which a quote may stop: the end of a clause.
fn clause_mark(c: char) -> bool {
    "，。；：、,;:！？!?）)”".contains(c)
}

/// Words after which a cut leaves whole words: particles and conjunctions that end a phrase.
fn word_end(c: char) -> bool {
    "的了和与及或在对为等中".contains(c)
}

/// `s` cut to at most `max` characters, at the end of a clause or else after a word, never in
/// the middle of one (`全年收取政府信息公开…` rather than `全年收取政府信公`); `……` marks
/// the cut.
#[inline(never)]
pub fn clip(s: &str, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_string();
    }
    // a clause's end within the limit, else a little past it; else a particle's end the same
    // way; else a change between Han and other script; else the limit
    let (min, reach) = (max / 3, (max * 3 / 2).min(chars.len() - 1));
    let before = |f: fn(char) -> bool| (min..max).rev().find(|&i| f(chars[i]));
    let past = |f: fn(char) -> bool| (max..reach).find(|&i| f(chars[i]));
    let script =
        |i: &usize| crate::normalize::is_han(chars[*i]) != crate::normalize::is_han(chars[i + 1]);
    let at = before(clause_mark)
        .or_else(|| past(clause_mark))
        .or_else(|| before(word_end))
        .or_else(|| past(word_end))
        .or_else(|| (min..max - 1).rev().find(script))
        .map_or(max, |i| i + 1);
    let head = &chars[..at];
    let kept: String = head.iter().collect();
    format!(
        "{}……",
        kept.trim_end_matches(|c: char| "，、；：,;:".contains(c))
    )
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
