//! What every rule works with: the rule's declaration, each code's Chinese name and severity,
//! the context a rule reads (document, tables, prose facts, arithmetic), and the helpers that
//! make a finding, name a position and quote the text.

use crate::model::{Cell, Fact, Finding, Severity, Span, ValueKind};
use crate::read::Extraction;
use crate::schema::{self, Template};
use crate::segment::Document;

pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// The rule's documentation in Chinese (its doc comment).
    pub doc: &'static str,
    pub check: fn(&Context) -> Vec<Finding>,
}

/// Declares a rule from its doc comment, code and check function (its severity is its code's,
/// in [`CODES`]).
macro_rules! declare_rule {
    ($(#[doc = $doc:expr])* code: $code:literal, check: $check:path $(,)?) => {
        $(#[doc = $doc])*
        pub const RULE: $crate::rules::common::Rule = $crate::rules::common::Rule {
            code: $code,
            severity: $crate::rules::common::severity_of($code),
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

pub(crate) use declare_rule as rule;

/// Each rule's short Chinese name, the words a clerk reads first (the code stays for
/// reviewers and tools), and its severity: what a code is, in one place, for the rules that
/// make findings of it and for the registry (the registry test checks every rule has one).
static CODES: &[(&str, &str, Severity)] = &[
    ("not-annual-report", "不是年度报告", Severity::Info),
    ("input-truncated", "文字过长未全部检查", Severity::Info),
    ("table-missing", "缺少统计表", Severity::Info),
    ("table-incomplete", "表格未完整读出", Severity::Warning),
    ("template-mismatch", "表格格式与年度不符", Severity::Warning),
    ("row-reconstructed", "连写数字已拆分", Severity::Info),
    ("row-unreadable", "连写数字无法拆分", Severity::Warning),
    ("label-variant", "项目名称有出入", Severity::Info),
    ("blank-value", "未填写", Severity::Warning),
    ("bad-number", "数字有误", Severity::Error),
    ("unit-suspicious", "单位可疑", Severity::Warning),
    ("sum-mismatch", "合计不符", Severity::Error),
    ("sum-unchecked", "合计无法核对", Severity::Info),
    ("balance-mismatch", "勾稽关系不符", Severity::Error),
    ("part-exceeds-whole", "分项大于总数", Severity::Error),
    ("carryover-mismatch", "结转数与上年不符", Severity::Warning),
    ("copied-table", "数据疑似沿用上年", Severity::Warning),
    ("copied-sentence", "句子疑似照搬上年", Severity::Warning),
    (
        "prose-table-mismatch",
        "正文与统计表不符",
        Severity::Warning,
    ),
    ("prose-conflict", "正文前后不一", Severity::Warning),
    ("percent-mismatch", "百分比不符", Severity::Warning),
    ("section-missing", "缺少规定部分", Severity::Warning),
    ("section-order", "顺序颠倒", Severity::Warning),
    ("year-mismatch", "年度不一致", Severity::Warning),
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
    CODES
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or("", |(_, t, _)| t)
}

/// A code's severity (Info for a code no rule has), at compile time for the rules' declarations.
pub const fn severity_of(code: &str) -> Severity {
    let mut i = 0;
    while i < CODES.len() {
        if same(CODES[i].0, code) {
            return CODES[i].2;
        }
        i += 1;
    }
    Severity::Info
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What the rules read.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub ex: &'a Extraction,
    pub facts: &'a [Fact],
    pub prose: &'a crate::facts::Prose,
    arithmetic: std::cell::OnceCell<arith::Arithmetic>,
    cells: std::cell::OnceCell<arith::CellIndex<'a>>,
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
            cells: std::cell::OnceCell::new(),
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
        // a row found in the table but left unread is printed all the same: the variant
        // without it is not the report's (a 3-part 答复总数 beside its unread 4th part)
        !ids.iter().any(|id| self.cells().has(id))
            && !self
                .ex
                .matched
                .iter()
                .any(|m| ids.contains(&m.indicator.id))
            && !self
                .facts
                .iter()
                .any(|f| ids.contains(&f.indicator.as_str()))
    }

    pub fn cell(&self, id: &str, column: Option<&str>) -> Option<&'a Cell> {
        self.cells().get(id, column)
    }

    /// The table's cells by indicator and column, made at the first look-up.
    fn cells(&self) -> &arith::CellIndex<'a> {
        self.cells
            .get_or_init(|| arith::CellIndex::new(&self.ex.cells))
    }

    /// The figure of an indicator in a column: the table cell, or a prose fact when the
    /// table has no such row.
    pub fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure<'a>> {
        if let Some(c) = self.cell(id, column) {
            return Some(Figure {
                value: c.value,
                kind: c.kind,
                span: c.span,
                label: std::borrow::Cow::Borrowed(&c.label),
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
            label: std::borrow::Cow::Owned(label_of(id)),
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
    fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure<'_>> {
        Context::figure(self, id, column)
    }
    fn none_printed(&self, ids: &[&str]) -> bool {
        Context::none_printed(self, ids)
    }
    fn columns(&self, id: &str) -> Vec<Option<&'static str>> {
        Context::columns(self, id)
    }
    fn unread_row(&self, id: &str) -> Option<Span> {
        if self.ex.cells.iter().any(|c| c.indicator == id) {
            return None;
        }
        let m = self.ex.matched.iter().find(|m| m.indicator.id == id)?;
        let range = m.row.label_range();
        (!range.is_empty()).then(|| self.doc.span(range))
    }
}

/// The canonical wording of an indicator, for messages.
pub fn label_of(id: &str) -> String {
    schema::indicator(id).map_or_else(|| id.to_string(), |i| i.labels[0].to_string())
}

pub use crate::scan::num;

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
    let severity = severity_of(code);
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
        rows: Vec::new(),
    }
}

/// The extraction's own remarks of one code, as findings.
pub fn notes(cx: &Context, code: &'static str) -> Vec<Finding> {
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
        (Some(t), Some(i)) => schema::table_of(t, i),
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

#[cfg(test)]
mod tests {
    use super::num;
    use proptest::prelude::*;

    /// What `num` printed before: std's rounding to four decimals, its zeros trimmed (and a
    /// negative number rounded to zero was `-0`; now `0`).
    fn std_num(v: f64) -> String {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.to_string()
        }
    }

    #[test]
    fn num_prints_as_people_write() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (12.0, "12"),
            (-3.0, "-3"),
            (0.5, "0.5"),
            (-0.25, "-0.25"),
        ];
        for (v, want) in cases {
            assert_eq!(num(v), want);
        }
        assert_eq!(num(2.0 / 3.0), "0.6667");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(123_456_789_012_345.0), "123456789012345");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(num(f64::NAN), "NaN");
        // a tie held exactly, and one a float holds a little below (both found by proptest)
        assert_eq!(num(5_875_154_341.0 / 45_472.0), "129203.7812");
        assert_eq!(num(3_999_755_155.0 / 13_600.0), "294099.6437");
    }

    proptest! {
        /// Figures and shares as reports print them, and the quotients the rules compute.
        #[test]
        fn num_matches_std(a in 0u64..10_000_000_000, b in 1u64..100_000, scale in 0u32..5, negative: bool) {
            let sign = if negative { -1.0 } else { 1.0 };
            let printed = sign * a as f64 / 10f64.powi(scale as i32);
            prop_assert_eq!(num(printed), std_num(printed));
            let quotient = sign * a as f64 / b as f64;
            prop_assert_eq!(num(quotient), std_num(quotient));
        }
    }
}
