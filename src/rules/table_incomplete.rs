use super::{finding, rule, Context};
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
    severity: Warning,
    check: check,
}

/// Rows named in the message; the rest are counted.
const NAMED_ROWS: usize = 5;

fn check(cx: &Context) -> Vec<Finding> {
    let read_any = !cx.ex.cells.is_empty();
    if !read_any {
        return Vec::new(); // no table read at all: table-missing says so
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
                .map(|l| format!("“{}”", crate::schema::core(l)))
                .collect();
            let more = c.missing.len().saturating_sub(NAMED_ROWS);
            let rest = if more > 0 {
                format!("等 {} 行", c.missing.len())
            } else {
                String::new()
            };
            finding(
                "table-incomplete",
                format!(
                    "{}读出 {} 个单元格，应有 {} 个：{}{}未完整读出，这些单元格没有核对。",
                    c.table,
                    c.read,
                    c.expected,
                    named.join("、"),
                    rest
                ),
                vec![first_span(cx)],
                Some(c.expected as f64),
                Some(c.read as f64),
            )
        })
        .collect()
}

fn first_span(cx: &Context) -> Span {
    cx.ex.cells.first().map(|c| c.span).unwrap_or_default()
}
