//! How much of each statistics table was read: the cells the template has, the cells read,
//! and the rows not read in full. A check is only clean when every table was read whole.

use crate::model::{Cell, Coverage};
use crate::schema::{self, Indicator, Template};

/// What coverage is judged on: the template found, the cells read, the old form's value
/// columns. (Not the extraction itself: reading asks it too, before it is done.)
#[derive(Clone, Copy)]
pub struct Tables<'a> {
    pub template: Option<Template>,
    pub cells: &'a [Cell],
    pub old_columns: &'a [&'static str],
    /// The rows whose label the reading found, read or not.
    pub found: &'a [super::grid::MatchedRow],
    /// Rows found but not read, and why.
    pub unread: &'a [(&'static str, Why)],
    /// Whether the tables were read from exact grids (a file's or the clipboard's tables).
    pub exact: bool,
}

/// Why a row was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// Its figures break the table's arithmetic in several places: not where the text put them.
    Misplaced,
    /// Its digits are glued together, and more than one split fits.
    Glued,
    /// Its label was found, but the text leaves its figures' places in doubt.
    Layout,
    /// Its label was not found.
    NotFound,
}

impl Why {
    /// The reason in a clerk's words.
    pub fn zh(self) -> &'static str {
        match self {
            Why::Misplaced => "读出的数字与表内合计关系多处对不上，复制的文字打乱了表格的行列",
            Why::Glued => "这几行的数字连在一起，无法确定每一格的数值",
            Why::Layout => "复制的文字打乱了表格的行列，无法确定这些数字属于哪一格",
            Why::NotFound => "没有找到这些项目的名称（可能改了措辞、漏印或表格不完整）",
        }
    }
}

/// Adds a reason to a table's, once. The figures breaking the arithmetic and the figures'
/// places in doubt both come of the copy's scrambled rows and columns: said once where both
/// are given.
fn add_reason(reason: &mut String, why: Why) {
    const SCRAMBLED: &str = "，复制的文字打乱了表格的行列";
    let misplaced = Why::Misplaced.zh().trim_end_matches(SCRAMBLED);
    if reason.contains(why.zh()) || (why == Why::Misplaced && reason.contains(misplaced)) {
        return;
    }
    if !reason.is_empty() {
        reason.push('；');
    }
    reason.push_str(why.zh());
    if reason.contains(Why::Layout.zh()) && reason.contains(Why::Misplaced.zh()) {
        *reason = reason.replacen(Why::Misplaced.zh(), misplaced, 1);
    }
}

/// What a clerk can do about a table not read in full.
fn advice(exact: bool) -> &'static str {
    if exact {
        "请对照原表核对这些项目的名称和数字。"
    } else {
        "请打开 PDF 或 Word 原文件检查（可准确读表），或从 Word、网页中复制表格后粘贴（可保留表格结构）。"
    }
}

/// Rows every provincial variant of the old form prints: a table found without one of them
/// was not read to its end.
const OLD_CORE_ROWS: &[&str] = &[
    "active.total",
    "apply.received",
    "apply.answered",
    "review.total",
    "lawsuit.total",
];

fn single_other_row(ex: &Tables) -> bool {
    let has = |id: &str| ex.cells.iter().any(|c| c.indicator == id);
    has("result.other") && !ex.cells.iter().any(|c| c.indicator.starts_with("other."))
}

/// A row of the old form counts when its label was found: its figure unread is missing.
fn found(ind: &Indicator, ex: &Tables) -> bool {
    ex.found.iter().any(|m| std::ptr::eq(m.indicator, ind))
}

fn cells_read(ind: &Indicator, ex: &Tables) -> usize {
    ex.cells.iter().filter(|c| c.indicator == ind.id).count()
}

/// Coverage of each table of the template found; empty when none was found.
pub fn coverage(ex: Tables) -> Vec<Coverage> {
    let ex = &ex;
    let Some(t) = ex.template else {
        return Vec::new();
    };
    let rows: Vec<&'static Indicator> = match t {
        Template::T2008 => schema::value_rows(t)
            .filter(|i| OLD_CORE_ROWS.contains(&i.id) || cells_read(i, ex) > 0 || found(i, ex))
            .collect(),
        // a 2021 table still printing （六） as one row is read as 2019 prints it
        // (template-mismatch says so); its table 二 is 2021's
        Template::T2021 if single_other_row(ex) => {
            schema::value_rows_with_one_other_row(t).collect()
        }
        _ => schema::value_rows(t).collect(),
    };
    let mut out: Vec<Coverage> = Vec::new();
    for ind in rows {
        let table = schema::table_of(t, ind);
        let expected = ind.width(ex.old_columns);
        let read = cells_read(ind, ex).min(expected);
        let at = match out.iter().position(|c| c.table == table) {
            Some(at) => at,
            None => {
                out.push(Coverage {
                    table,
                    expected: 0,
                    read: 0,
                    missing: Vec::new(),
                    reason: None,
                    advice: None,
                });
                out.len() - 1
            }
        };
        let c = &mut out[at];
        c.expected += expected;
        c.read += read;
        if read < expected {
            c.missing.push(ind.labels[0].to_string());
            add_reason(
                c.reason.get_or_insert_with(String::new),
                why_unread(ind, ex),
            );
            c.advice = Some(advice(ex.exact).to_string());
        }
    }
    out
}

/// Why a row was not read (in full): what the reading said, else by whether its label was
/// found.
fn why_unread(ind: &Indicator, ex: &Tables) -> Why {
    ex.unread
        .iter()
        .filter(|(id, _)| *id == ind.id)
        .map(|(_, w)| *w)
        .min()
        .unwrap_or(if found(ind, ex) {
            Why::Layout
        } else {
            Why::NotFound
        })
}

/// Whether every table of the template was read in full.
pub fn complete(ex: Tables) -> bool {
    let c = coverage(ex);
    !c.is_empty() && c.iter().all(|t| t.read == t.expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_of(whys: &[Why]) -> String {
        let mut reason = String::new();
        whys.iter().for_each(|&w| add_reason(&mut reason, w));
        reason
    }

    #[test]
    fn scrambled_rows_and_columns_are_said_once() {
        let both = [
            "复制的文字打乱了表格的行列，无法确定这些数字属于哪一格",
            "读出的数字与表内合计关系多处对不上",
        ];
        assert_eq!(reason_of(&[Why::Layout, Why::Misplaced]), both.join("；"));
        assert_eq!(
            reason_of(&[Why::Misplaced, Why::Layout, Why::Misplaced]),
            format!("{}；{}", both[1], both[0])
        );
        assert_eq!(
            reason_of(&[Why::Misplaced, Why::Misplaced]),
            Why::Misplaced.zh()
        );
        assert_eq!(
            reason_of(&[Why::Glued, Why::NotFound, Why::Glued]),
            format!("{}；{}", Why::Glued.zh(), Why::NotFound.zh())
        );
    }
}
