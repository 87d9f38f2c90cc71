use super::common::{finding, num, quoted, rule, Context};
use crate::arith::{Constraint, Shape, Term};
use crate::model::{Finding, Span};

rule! {
    /// 合计与分项之和不符：统计表（或正文）中的合计数不等于其各分项之和。例如“申请答复数”
    /// 应等于 8 类答复之和，“申请办结数”= 按时办结 + 延期办结，“行政复议数量”= 维持 + 纠错
    /// + 其他，“从事政府信息公开工作人员数”= 专职 + 兼职；2019、2021 年格式中表三每行“总计”
    /// = 六类申请人之和，每列（三）（四）（五）（六）= 其细项之和，（七）总计 =（一）至（六）之和，
    /// 表四每组“总计”= 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
    /// 一个填错的数字往往同时破坏所在行、所在列和勾稽关系（以及“分项不大于总数”的关系）：
    /// 这时只报告一次，指出最可能填错的格子及其应有的数值，其余关系作为相关位置列出。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》各项的分解关系；国办公开办函〔2019〕60号、〔2021〕30号
    /// 所附表三、表四的行列结构。
    code: "sum-mismatch",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let a = cx.arithmetic();
    let mut out: Vec<Finding> = a
        .culprits
        .iter()
        .filter(|(_, _, cs)| cs.iter().any(|c| c.shape != Shape::Balance))
        .map(|(t, implied, cs)| culprit_finding("sum-mismatch", t, *implied, cs))
        .collect();
    out.extend(
        a.single
            .iter()
            .filter(|(c, _)| c.shape != Shape::Balance)
            .map(|(c, echo)| single(c, echo.as_ref())),
    );
    out.extend(a.unchecked.iter().map(|(total, label, bad)| {
        finding(
            "sum-unchecked",
            format!("{label}的分项中有无法读出的数字，合计无法核对。"),
            vec![*bad, *total],
            None,
            None,
        )
    }));
    out
}

fn describe(shape: Shape) -> &'static str {
    match shape {
        Shape::Sum => "所在列的合计",
        Shape::RowTotal => "所在行的总计",
        Shape::Balance => "勾稽关系（第一项加第二项等于第三项加第四项）",
        Shape::Bound => "分项与总数的大小关系",
    }
}

/// One finding for all the relations one wrong cell breaks.
pub fn culprit_finding(code: &'static str, t: &Term, implied: f64, cs: &[Constraint]) -> Finding {
    let mut shapes: Vec<&str> = cs.iter().map(|c| describe(c.shape)).collect();
    shapes.dedup();
    let message = format!(
        "{}为 {}，与{}都不符，最可能是这一格填错：按这些关系应为 {}（相差 {}）。",
        quoted(&t.label, t.column),
        num(t.value),
        shapes.join("、"),
        num(implied),
        num((t.value - implied).abs())
    );
    let mut spans = vec![t.span];
    for c in cs {
        spans.extend(c.left.iter().chain(&c.right).map(|u| u.span));
    }
    finding(code, message, dedup(spans), Some(implied), Some(t.value))
}

/// One failed relation; its echo in the 总计 column, if any, is named in the same finding.
fn single(c: &Constraint, echo: Option<&Constraint>) -> Finding {
    let total = &c.left[0];
    let also = if echo.is_some() {
        "；总计列同样相差，是同一处错误"
    } else {
        ""
    };
    let message = match c.shape {
        Shape::RowTotal => format!(
            "“{}”一行的“{}”为 {}，但各列之和为 {}（相差 {}{also}）。",
            total.label,
            total.column.unwrap_or("总计"),
            num(c.lhs()),
            num(c.rhs()),
            num((c.lhs() - c.rhs()).abs())
        ),
        _ => format!(
            "{}为 {}，但其 {} 个分项之和为 {}（相差 {}{also}）。",
            quoted(&total.label, total.column),
            num(c.lhs()),
            c.right.len(),
            num(c.rhs()),
            num((c.lhs() - c.rhs()).abs())
        ),
    };
    let mut spans: Vec<Span> = std::iter::once(total.span)
        .chain(c.right.iter().map(|t| t.span))
        .collect();
    if let Some(e) = echo {
        spans.extend(e.left.iter().chain(&e.right).map(|t| t.span));
    }
    finding(
        "sum-mismatch",
        message,
        dedup(spans),
        Some(c.rhs()),
        Some(c.lhs()),
    )
}

pub fn dedup(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
