//! The result of a check: the JSON contract shared by the CLI, the browser and outside tools.
//!
//! Spans are byte offsets into the text as given while inside the core; [`Report::into_utf16`]
//! converts them once, at the boundary, to the UTF-16 code units the browser and the JSON use.

use serde::Serialize;

/// A half-open range `[start, end)` into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The same span in UTF-16 code units (the browser's and the JSON's offsets).
    pub fn to_utf16(self, index: &crate::source::Utf16Index) -> Span {
        Span::new(index.offset(self.start), index.offset(self.end))
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    /// The word a Chinese reader sees.
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    AnnualReport,
    Other,
}

/// What a table cell holds, kept apart so that a blank is never read as 0
/// and "not applicable" is never summed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    Number,
    Blank,
    NotApplicable,
    Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Stable indicator id from the template schema, e.g. `apply.received`.
    pub indicator: String,
    /// The row label as printed (whitespace removed, lines joined).
    pub label: String,
    /// Column name for multi-column tables (2019/2021 table 三 and 四), else null.
    pub column: Option<String>,
    /// Unit as printed, or the template's unit when the table prints none.
    pub unit: Option<String>,
    pub value: Option<f64>,
    pub raw: String,
    #[serde(rename = "valueKind")]
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub code: &'static str,
    /// The rule's short Chinese name (`合计不符`): what a clerk reads first.
    pub title: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where a person finds it: a cell or row as the form names it (`表三 （四）无法提供
    /// 1.本机关不掌握相关政府信息 · 自然人`), a table (`表三`), or the quoted words of the prose.
    /// Never a line number: a paste has none.
    #[serde(rename = "where")]
    pub place: String,
    /// The first span is the culprit; the rest are related places.
    pub spans: Vec<Span>,
    pub expected: Option<f64>,
    pub actual: Option<f64>,
    /// For a cross-year finding: the other year's report (its file name in the CLI's JSON).
    #[serde(rename = "comparedWith", skip_serializing_if = "Option::is_none")]
    pub compared_with: Option<String>,
    /// For `table-incomplete`: every row of the table not read in full, as the form words it
    /// (the message names the first few).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
}

/// A number stated in the prose, linked to a template indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub indicator: String,
    /// The column of a row with several (2021 表二 `现行有效件数`); absent for the row's figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub value: f64,
    pub unit: Option<String>,
    pub span: Span,
    /// The phrase that made the link, for reviewing precision.
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub kind: Kind,
    pub template: Option<&'static str>,
    pub year: Option<u32>,
    pub agency: Option<String>,
    pub cells: Vec<Cell>,
    pub findings: Vec<Finding>,
    pub facts: Vec<Fact>,
    /// Per statistics table: cells the template has, cells read, rows not read in full.
    pub coverage: Vec<Coverage>,
}

/// One report with the text it was read from: what the cross-year rules compare. It lives
/// here, below both `rules` and `crossyear`, so that neither imports the other's data.
#[derive(Clone, Copy)]
pub struct Yearly<'a> {
    pub text: &'a str,
    pub report: &'a Report,
}

impl Report {
    /// Re-expresses every span in UTF-16 code units of `text` (the numbers JavaScript uses).
    pub fn into_utf16(mut self, text: &str) -> Report {
        let index = crate::source::Utf16Index::new(text);
        let conv = |s: &mut Span| *s = s.to_utf16(&index);
        self.cells.iter_mut().for_each(|c| conv(&mut c.span));
        self.facts.iter_mut().for_each(|f| conv(&mut f.span));
        for f in &mut self.findings {
            f.spans.iter_mut().for_each(conv);
        }
        self
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// What the check amounts to, in the words of the page's list of reports (`NB.statusOf` in
    /// `www/format.js`, kept in step by a test): only [`CHECKED`] means every cell was read and
    /// checked; the others are not clean results, whatever the counts say.
    pub fn status(&self) -> &'static str {
        if self.kind != Kind::AnnualReport {
            STATUSES[0]
        } else if self.template.is_none() {
            STATUSES[1]
        } else if self.cells.is_empty() {
            STATUSES[2]
        } else if self.cells.iter().all(|c| c.kind == ValueKind::Blank) {
            STATUSES[3]
        } else if self.coverage.iter().any(|c| c.read < c.expected) {
            STATUSES[4]
        } else {
            CHECKED
        }
    }
}

/// The status of a report checked whole: every cell of its tables read and checked.
pub const CHECKED: &str = "已检查";

/// Every [`Report::status`], in the order it tests them, [`CHECKED`] last.
pub const STATUSES: [&str; 6] = [
    "不是年度报告",
    "未识别模板",
    "未找到统计表",
    "空白（未填写）",
    "未完整读出",
    CHECKED,
];

/// How much of one statistics table was read: the cells the template has, the cells read, the
/// rows not read in full, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// `表二`, `表三`, `表四` of the national formats; `统计表` of the old template.
    pub table: &'static str,
    pub expected: usize,
    pub read: usize,
    /// The rows (template wording) not read in full, in table order.
    pub missing: Vec<String>,
    /// Why those rows were not read, in a clerk's words (none when the table was read whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the clerk can do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}
