use super::common::{finding, num, rule, Context};
use super::sum_mismatch::{culprit_finding, dedup};
use crate::arith::{Constraint, Shape};
use crate::model::Finding;

rule! {
    /// 勾稽关系不符：表三每一列都应满足“第一项加第二项之和，等于第三项加第四项之和”，即
    /// 本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理。
    /// 若一个格子同时破坏了行、列合计，则与“sum-mismatch”合并为一条，只报告最可能填错的格子。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表三左上角：
    /// “本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
    code: "balance-mismatch",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let a = cx.arithmetic();
    let mut out: Vec<Finding> = a
        .culprits
        .iter()
        .filter(|(_, _, cs)| cs.iter().all(|c| c.shape == Shape::Balance))
        .map(|(t, implied, cs)| culprit_finding("balance-mismatch", t, *implied, cs))
        .collect();
    out.extend(
        a.single
            .iter()
            .filter(|(c, _)| c.shape == Shape::Balance)
            .map(|(c, echo)| single(c, echo.as_ref())),
    );
    out
}

/// The carry-over to next year is the figure most often worked out by subtraction, so the
/// finding points at it first; the column's other three figures follow.
fn single(c: &Constraint, echo: Option<&Constraint>) -> Finding {
    let column = c.left[0].column.unwrap_or("");
    let also = if echo.is_some() {
        "（总计列同样不符）"
    } else {
        ""
    };
    let message = format!(
        "“{column}”列勾稽关系不符{also}：本年新收加上年结转为 {}，但办理结果总计加结转下年度为 {}（相差 {}），请核对该列这四项。",
        num(c.lhs()),
        num(c.rhs()),
        num((c.lhs() - c.rhs()).abs())
    );
    let mut spans: Vec<_> = c
        .right
        .iter()
        .rev()
        .chain(&c.left)
        .map(|t| t.span)
        .collect();
    if let Some(e) = echo {
        spans.extend(e.right.iter().rev().chain(&e.left).map(|t| t.span));
    }
    finding(
        "balance-mismatch",
        message,
        dedup(spans),
        Some(c.lhs()),
        Some(c.rhs()),
    )
}
