use super::common::{finding, label_of, num, rule, Context};
use crate::model::{Fact, Finding};
use crate::schema;

rule! {
    /// 正文前后不一：正文在两处写了同一统计项，数字却不同。例如第二部分写“全年共更新重点领域
    /// 公开政府信息1855条”，第三部分又写“重点领域公开政府信息1851条”。统计表缺失时
    /// （例如表格是图片），这是核对正文的主要办法。
    ///
    /// ## 依据
    /// 年度报告各部分报告的是同一统计期限的数据（《中华人民共和国政府信息公开条例》第五十条），
    /// 同一数据只能有一个值。
    code: "prose-conflict",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (first, other) in conflicts(cx.facts) {
        out.push(finding(
            "prose-conflict",
            format!(
                "正文两处写的{}不一致：“{}”为 {}，“{}”却为 {}。",
                schema::core(&label_of(&first.indicator)),
                first.evidence,
                num(first.value),
                other.evidence,
                num(other.value)
            ),
            vec![other.span, first.span],
            Some(first.value),
            Some(other.value),
        ));
    }
    out
}

/// For each indicator stated twice with different values: its first statement and the first
/// later one that differs, in the order of the first statements. One pass, not a scan of the
/// rest for every statement: a pasted dump can state the same figure thousands of times.
fn conflicts(facts: &[Fact]) -> Vec<(&Fact, &Fact)> {
    let ids: Vec<&str> = schema::indicators().map(|i| i.id).collect();
    let mut first_of: Vec<Option<usize>> = vec![None; ids.len()];
    let mut other: Vec<Option<usize>> = vec![None; facts.len()];
    for (i, f) in facts.iter().enumerate() {
        // a column's figure (2021 表二 `现行有效件数`) is not the row's other columns'
        let Some(id) = ids
            .iter()
            .position(|id| *id == f.indicator)
            .filter(|_| f.column.is_none())
        else {
            continue;
        };
        match first_of[id] {
            None => first_of[id] = Some(i),
            Some(j) if other[j].is_none() && (yuan(f) - yuan(&facts[j])).abs() >= 0.005 => {
                other[j] = Some(i);
            }
            Some(_) => {}
        }
    }
    other
        .iter()
        .enumerate()
        .filter_map(|(j, o)| o.map(|o| (&facts[j], &facts[o])))
        .collect()
}

/// Money stated once in 元 and once in 万元 is the same money.
fn yuan(f: &Fact) -> f64 {
    match f.unit.as_deref() {
        Some("万元") => f.value * 10_000.0,
        _ => f.value,
    }
}
