use super::common::{finding, num, rule, Context};
use crate::model::{Cell, Finding};
use crate::schema;

rule! {
    /// 计量单位可疑：金额的单位与数值对不上，数字可能差了一万倍——以“万元”为单位却填了
    /// 上万的数（如专项经费“50000 万元”，即 5 亿元），或以“元”为单位却只填了几十（如“5 元”，
    /// 多半应为 5 万元）；或者金额项写成了件、条等计数单位，计数项写成了元、万元。
    /// 各地 2008—2018 年统计表对金额有用“元”也有用“万元”的，两者本身都不算错；
    /// 计数单位之间的差别（条、件、个）不影响数字，不报告。表二“行政事业性收费”是一个机关全部的
    /// 收费，区县政府常以亿元计，10 亿元以上才提示。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》“计量单位”一栏（收取的费用、专项经费）；
    /// 国办公开办函〔2021〕30号表二“本年收费金额（单位：万元）”。
    code: "unit-suspicious",
    check: check,
}

const MONEY: &[&str] = &["元", "万元"];

/// 万元 above which an amount looks like 元 written under 万元: 1 亿元 for what the disclosure
/// work itself costs or earns; 表二's 行政事业性收费 is all the fees an agency collects, which a
/// district's government counts in 亿元 (18651.06 万元 in a published report), so 10 亿元.
fn ceiling(indicator: &str) -> f64 {
    match indicator {
        "disclose.fees" => 100_000.0,
        _ => 10_000.0,
    }
}

fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for c in &cx.ex.cells {
        let Some(ind) = schema::indicator(&c.indicator) else {
            continue;
        };
        let Some(unit) = c.unit.as_deref() else {
            continue;
        };
        if ind.unit.is_empty() || seen.contains(&c.indicator.as_str()) {
            continue;
        }
        let Some(message) = problem(c, unit, ind.unit) else {
            continue;
        };
        seen.push(&c.indicator);
        out.push(finding(
            "unit-suspicious",
            message,
            vec![c.span],
            None,
            c.value,
        ));
    }
    out
}

fn problem(c: &Cell, unit: &str, expected: &str) -> Option<String> {
    let money = MONEY.contains(&unit);
    if money != MONEY.contains(&expected) {
        return Some(format!(
            "“{}”的计量单位是“{unit}”，模板规定为“{expected}”，请核对。",
            c.label
        ));
    }
    let v = c.value?;
    match unit {
        "万元" if v >= ceiling(&c.indicator) => Some(format!(
            "“{}”为 {} 万元（即 {} 亿元），数额异常，是否应以“元”为单位？",
            c.label,
            num(v),
            num(v / 10_000.0)
        )),
        "元" if v > 0.0 && v < 100.0 => Some(format!(
            "“{}”为 {} 元，数额异常，是否应以“万元”为单位？",
            c.label,
            num(v)
        )),
        _ => None,
    }
}
