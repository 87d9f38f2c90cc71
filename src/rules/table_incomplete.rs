use super::common::{finding, rule, Context};
use crate::model::{Finding, Span};

rule! {
    /// 统计表未完整读出：报告中有统计表的措辞（表头或项目名称），但没有读出模板规定的全部
    /// 单元格。未读出的单元格无法核对，结果不能算作“未发现问题”；提示中列出读出的单元格数、
    /// 应有的单元格数和未读出的项目，请对照原表核对，或改为粘贴网页/Word 中的表格。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号规定了年度报告第二、三、四部分表格的全部项目；
    /// 2008—2018 年《政府信息公开情况统计表》各地格式均含主动公开、依申请公开、答复、
    /// 行政复议、行政诉讼各项。
    code: "table-incomplete",
    check: check,
}

/// Rows named in the message; the rest are counted.
const NAMED_ROWS: usize = 5;

fn check(cx: &Context) -> Vec<Finding> {
    // no row found at all: table-missing says so; rows found and none read is incomplete
    if cx.ex.cells.is_empty() && cx.ex.matched.is_empty() {
        return Vec::new();
    }
    cx.ex
        .coverage
        .iter()
        .filter(|c| c.read < c.expected)
        .map(|c| {
            let named: Vec<String> = c
                .missing
                .iter()
                .take(NAMED_ROWS)
                .map(|l| format!("“{}”", crate::schema::core(wording_printed(cx, l))))
                .collect();
            let more = c.missing.len().saturating_sub(NAMED_ROWS);
            let rest = if more > 0 {
                format!("等 {} 行", c.missing.len())
            } else {
                String::new()
            };
            let why = c
                .reason
                .as_ref()
                .map_or(String::new(), |r| format!("原因：{r}。"));
            let mut f = finding(
                "table-incomplete",
                format!(
                    "{}读出 {} 个单元格，应有 {} 个：{}{}未完整读出，这些单元格没有核对。{}{}",
                    c.table,
                    c.read,
                    c.expected,
                    named.join("、"),
                    rest,
                    why,
                    c.advice.as_deref().unwrap_or("")
                ),
                spans(cx, c),
                Some(c.expected as f64),
                Some(c.read as f64),
            );
            f.place = c.table.to_string();
            f.rows = c.missing.iter().flat_map(|l| rows_named(cx, l)).collect();
            f
        })
        .collect()
}

/// A missing row's wording as the report prints it, where the reading found the row under
/// another of the form's wordings (Fujian's `受理依申请公开信息总数` for `(一)收到申请数`): the
/// clerk looks for the row by the report's words. Else the form's first wording, `label`.
fn wording_printed<'a>(cx: &Context, label: &'a str) -> &'a str {
    let Some(m) = cx
        .ex
        .matched
        .iter()
        .find(|m| m.indicator.labels.first() == Some(&label))
    else {
        return label;
    };
    let printed = crate::normalize::han_chars(&m.row.label());
    // `-layout` prints a wrapped label's unit between its lines (`接受行政诉讼、举报` `件` `数`)
    let unit = [m.indicator.unit];
    let units: &[&str] = if unit[0].is_empty() { &[] } else { &unit };
    let mut readings: Vec<String> = crate::schema::without_a_unit(&printed, units).collect();
    readings.push(printed.clone());
    m.indicator
        .labels
        .iter()
        .copied()
        .find(|w| {
            let core = crate::schema::han_core(w);
            !core.is_empty() && readings.iter().any(|p| p.contains(&core))
        })
        .unwrap_or(label)
}

/// The rows a missing template row stands for, as the report prints them: table 四 is one row
/// of the template whose printed rows are its column groups (行政复议, 未经复议直接起诉, 复议后
/// 起诉), named when any of their cells was not read.
fn rows_named(cx: &Context, label: &str) -> Vec<String> {
    let Some(ind) = crate::schema::indicator("review_lawsuit").filter(|i| i.labels[0] == label)
    else {
        return vec![label.to_string()];
    };
    let mut groups: Vec<String> = Vec::new();
    for column in ind.value_columns(&[]) {
        let read = cx
            .ex
            .cells
            .iter()
            .any(|c| c.indicator == ind.id && c.column.as_deref() == Some(*column));
        let group = column.split_once('-').map_or(*column, |(g, _)| g);
        if !read && !groups.iter().any(|g| g == group) {
            groups.push(group.to_string());
        }
    }
    groups
}

/// Where a person finds the table: its caption (the section heading it stands under), then
/// the labels of the rows not read that were found in the text. Never a cell of another
/// table; a table not in the text at all (a paste cut short) points at the text's end.
fn spans(cx: &Context, c: &crate::model::Coverage) -> Vec<Span> {
    let mut out: Vec<Span> = caption(cx, c.table).into_iter().collect();
    for m in &cx.ex.matched {
        let missing = c
            .missing
            .iter()
            .any(|l| m.indicator.labels.first() == Some(&l.as_str()));
        let range = m.row.label_range();
        if missing && !range.is_empty() {
            out.push(cx.doc.span(range));
        }
    }
    if out.is_empty() {
        let end = cx.doc.text().len();
        let last = cx.doc.text().trim_end().len();
        out.push(
            cx.doc
                .span(last.saturating_sub(1).min(end)..last.max(1).min(end)),
        );
    }
    out
}

/// The heading line a table stands under (`三、收到和处理政府信息公开申请情况`, a 统计表's
/// title), the one nearest before the table's first row found.
fn caption(cx: &Context, table: &str) -> Option<Span> {
    let words: &[&str] = match table {
        "表二" => &["主动公开政府信息情况"],
        "表三" => &["收到和处理政府信息公开申请情况"],
        "表四" => &[
            "行政复议、行政诉讼情况",
            "行政复议,行政诉讼情况",
            "行政复议和行政诉讼情况",
        ],
        _ => &["情况统计表", "统计表", "指标名称", "统计指标"],
    };
    let doc = cx.doc;
    let first_row = cx
        .ex
        .matched
        .iter()
        .filter(|m| table_of(cx, m.indicator) == table)
        .map(|m| m.row.label_range().start)
        .filter(|&s| s > 0)
        .min()
        .unwrap_or(doc.text().len());
    // a short line (a heading, not a sentence of the prose) holding the words
    (0..doc.lines.len())
        .rev()
        .filter(|&i| doc.lines[i].start <= first_row)
        .find_map(|i| {
            let line = doc.line_text(i);
            if line.trim().chars().count() > 40 {
                return None;
            }
            words
                .iter()
                .find_map(|w| line.find(w))
                .map(|at| doc.span(doc.lines[i].start + at..doc.lines[i].end))
        })
}

fn table_of(cx: &Context, ind: &crate::schema::Indicator) -> &'static str {
    match cx.ex.template {
        Some(crate::schema::Template::T2008) | None => "统计表",
        _ => crate::schema::national_table(ind),
    }
}
