use super::common::{finding, rule, Context};
use crate::model::Finding;

rule! {
    /// 缺少统计表：报告提到了统计表（如“政府信息公开情况统计表（2017年）”），或正文有年度数据，
    /// 但粘贴的文字里没有任何统计表的行。常见原因是统计表是图片或附件，复制时丢失了。
    /// 此时只能核对正文中的数字。
    ///
    /// ## 依据
    /// 2008—2018 年各地年度报告均附《政府信息公开情况统计表》；2019、2021 年国家格式规定
    /// 第二、三、四部分以表格列出数据（国办公开办函〔2019〕60号、〔2021〕30号）。
    code: "table-missing",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    // rows found but not read: table-incomplete names them
    if !cx.ex.cells.is_empty() || !cx.ex.matched.is_empty() {
        return Vec::new();
    }
    let Some(range) = cx.ex.table_announced.clone() else {
        return prose_only(cx);
    };
    let line = cx.doc.line_of(range.start);
    let l = cx.doc.lines[line];
    let title = super::common::clip(cx.doc.line_text(line).trim(), super::common::QUOTE_CHARS);
    vec![finding(
        "table-missing",
        format!("报告提到“{title}”，但其后没有统计表的数据行（可能是图片或附件），只能核对正文中的数字。"),
        vec![cx.doc.span(l.start..l.end)],
        None,
        None,
    )]
}

/// Fewer figures than this in the prose is a short text, not a report whose table went missing.
const PROSE_FIGURES: usize = 3;

/// No table announced and none read, but the prose states the table's figures.
fn prose_only(cx: &Context) -> Vec<Finding> {
    let mut ids: Vec<&str> = cx.facts.iter().map(|f| f.indicator.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() < PROSE_FIGURES {
        return Vec::new();
    }
    vec![finding(
        "table-missing",
        format!(
            "正文写了 {} 项统计数字，但没有读到统计表（可能是图片或附件），只能核对正文中的数字。",
            ids.len()
        ),
        vec![cx.facts[0].span],
        None,
        None,
    )]
}
