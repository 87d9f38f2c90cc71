use super::common::{finding, num, quoted, rule, Context};
use crate::model::{Finding, Yearly};

rule! {
    /// 结转数与上一年度不符：本年度表三“二、上年结转政府信息公开申请数量”应等于上一年度报告表三
    /// “四、结转下年度继续办理”，逐列核对（自然人、各类法人或其他组织、总计）。
    /// 需要同时载入同一机关相邻两个年度的报告。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表三：上一年度“结转下年度继续办理”的申请，
    /// 即本年度“上年结转政府信息公开申请数量”。
    code: "carryover-mismatch",
    check: check,
}

/// Needs two reports: see [`compare`].
fn check(_cx: &Context) -> Vec<Finding> {
    Vec::new()
}

pub fn compare(prev: Yearly, cur: Yearly) -> Vec<Finding> {
    let mut out = Vec::new();
    for now in cur
        .report
        .cells
        .iter()
        .filter(|c| c.indicator == "apply.carried_in")
    {
        let before = prev
            .report
            .cells
            .iter()
            .find(|c| c.indicator == "apply.carried_out" && c.column == now.column);
        let (Some(before), Some(v)) = (before, now.value) else {
            continue;
        };
        let Some(b) = before.value else { continue };
        if (v - b).abs() > 0.005 {
            out.push(finding(
                "carryover-mismatch",
                format!(
                    "{}为 {}，但 {} 年度报告的“四、结转下年度继续办理”为 {}。",
                    quoted(&now.label, now.column.as_deref()),
                    num(v),
                    prev.report
                        .year
                        .map_or("上一".to_string(), |y| y.to_string()),
                    num(b)
                ),
                vec![now.span],
                Some(b),
                Some(v),
            ));
        }
    }
    out
}
