use super::common::{finding, num, quoted, rule, Context};
use crate::model::{Cell, Fact, Finding};
use crate::schema;

rule! {
    /// 正文与统计表不符：正文写明的数字与统计表中同一项的数字不一致。例如正文“在已经答复的3件申请中”，
    /// 统计表“（三）申请答复数”却为 2；正文“通过政府信息公开门户网站公开1531条”，统计表
    /// “政府网站公开政府信息数”却为 6072。正文数字只在措辞明确对应某一统计项时才读取
    /// （见 `cargo run --example facts`），约数（“50余人”）、往年数、计划数和下属单位的数字不读取。
    /// 2019、2021 年格式表三按“总计”列核对。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第五十条：年度报告应当包括主动公开、收到和处理申请、
    /// 复议诉讼等情况；正文与所附统计表报告的是同一统计期限的同一数据，应当一致。
    code: "prose-table-mismatch",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<(&str, Option<&str>, f64)> = Vec::new();
    for f in cx.facts {
        let Some(cell) = table_cell(cx, f) else {
            continue;
        };
        let Some(cell_value) = cell.value else {
            continue;
        };
        let Some(stated) = in_unit(f, cell.unit.as_deref()) else {
            continue;
        };
        let key = (f.indicator.as_str(), f.column.as_deref(), stated);
        if (stated - cell_value).abs() < 0.005 || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.push(finding(
            "prose-table-mismatch",
            format!(
                "正文“{}”写的{}为 {}，但统计表{}为 {}。",
                f.evidence,
                named(f),
                num(stated),
                quoted(&cell.label, cell.column.as_deref()),
                num(cell_value)
            ),
            vec![f.span, cell.span],
            Some(cell_value),
            Some(stated),
        ));
    }
    out
}

/// The table's figure for a prose fact: the column it names (2021 表二 `现行有效件数`), else
/// the single value, the 总计 column of table 三, or the year's column of the old form.
pub(super) fn table_cell<'a>(cx: &Context<'a>, f: &Fact) -> Option<&'a Cell> {
    let id = f.indicator.as_str();
    if let Some(column) = f.column.as_deref() {
        return cx.cell(id, Some(column));
    }
    // the old form printed for the year and cumulatively: the prose speaks of the year
    let year_column = cx.ex.old_columns.first().copied();
    cx.cell(id, None)
        .or_else(|| cx.cell(id, Some("总计")))
        .or_else(|| year_column.and_then(|c| cx.cell(id, Some(c))))
}

/// The fact's value in the table's unit: 元 and 万元 convert; other units are counts of the
/// same kind (the lexicon only links units of the indicator's kind).
fn in_unit(f: &Fact, table_unit: Option<&str>) -> Option<f64> {
    match (f.unit.as_deref(), table_unit) {
        (Some("元"), Some("万元")) => Some(f.value / 10_000.0),
        (Some("万元"), Some("元")) => Some(f.value * 10_000.0),
        _ => Some(f.value),
    }
}

/// The indicator as the message names it: `行政规范性文件现行有效件数` for a column's figure.
fn named(f: &Fact) -> String {
    let row = schema::core(&super::common::label_of(&f.indicator));
    match f.column.as_deref() {
        // a column group's total (表四 `行政复议-总计`): the group's count
        Some(column) if column.ends_with("-总计") => {
            format!("{}数量", column.trim_end_matches("-总计"))
        }
        Some(column) => format!("{row}{column}"),
        None => row.to_string(),
    }
}
