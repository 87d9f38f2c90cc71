use super::arith::{Constraint, Shape};
use super::sum_mismatch::{culprit_finding, dedup};
use super::{finding, num, rule, Context};
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
    severity: Error,
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
    out.extend(a.single.iter().filter(|c| c.shape == Shape::Balance).map(single));
    out
}

fn single(c: &Constraint) -> Finding {
    let column = c.left[0].column.unwrap_or("");
    let message = format!(
        "“{column}”列勾稽关系不符：本年新收加上年结转为 {}，但办理结果总计加结转下年度为 {}（相差 {}）。",
        num(c.lhs()),
        num(c.rhs()),
        num((c.lhs() - c.rhs()).abs())
    );
    let spans = c.left.iter().chain(&c.right).map(|t| t.span).collect();
    finding("balance-mismatch", message, dedup(spans), Some(c.lhs()), Some(c.rhs()))
}
