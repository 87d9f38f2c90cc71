use super::{finding, rule, Context};
use crate::model::Finding;
use crate::schema;

rule! {
    /// 计量单位可疑：统计表中某项印出的计量单位与模板规定的不同，例如模板为“万元”而表中写“元”，
    /// 数字可能因此差一万倍；或把“件”写成“条”。
    ///
    /// ## 依据
    /// 《政府信息公开情况统计表》“计量单位”一栏（收取的费用、专项经费为万元）；
    /// 国办公开办函〔2021〕30号表二“本年收费金额（单位：万元）”。
    code: "unit-suspicious",
    severity: Warning,
    check: check,
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
        if ind.unit.is_empty() || unit == ind.unit || seen.contains(&c.indicator.as_str()) {
            continue;
        }
        seen.push(&c.indicator);
        out.push(finding(
            "unit-suspicious",
            format!(
                "“{}”的计量单位是“{unit}”，模板规定为“{}”，请核对数值的单位。",
                c.label, ind.unit
            ),
            vec![c.span],
            None,
            c.value,
        ));
    }
    out
}
