use super::common::{finding, quoted, rule, Context};
use crate::model::{Finding, ValueKind};

rule! {
    /// 数字有误：统计表单元格里不是可读的数字（如“约5”“1e5”），或件数、人数等计数出现负数、小数。
    /// 金额（万元、元）可以有小数；2019 年格式表二的“本年增/减”可以为负数。
    ///
    /// ## 依据
    /// 统计表各项为计数或金额，计数必须是非负整数（各版《政府信息公开情况统计表》及
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表格）。
    code: "bad-number",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &cx.ex.cells {
        let column = c.column.as_deref();
        let what = quoted(&c.label, column);
        let money = matches!(c.unit.as_deref(), Some("万元" | "元"))
            || column.is_some_and(|n| n.contains("金额"));
        let may_be_negative = column.is_some_and(|n| n.contains("增/减"));
        let message = match (c.kind, c.value) {
            (ValueKind::Text, _) => format!("{what}填的是“{}”，不是可读的数字。", c.raw),
            (ValueKind::Number, Some(v)) if v < 0.0 && !may_be_negative => {
                format!("{what}为 {}，计数不能为负数。", c.raw)
            }
            (ValueKind::Number, Some(v)) if v.fract() != 0.0 && !money => {
                format!("{what}为 {}，件数、人数等计数应为整数。", c.raw)
            }
            _ => continue,
        };
        out.push(finding("bad-number", message, vec![c.span], None, c.value));
    }
    out
}
