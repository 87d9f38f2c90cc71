use super::{finding, num, quoted, rule, Context};
use crate::model::{Finding, ValueKind};
use crate::schema::Relation;

rule! {
    /// 空白单元格：统计表中应填数字的单元格留空。空白不等于 0：没有发生的事项应填“0”，
    /// 不适用的填“/”或“不适用”。一整行都空白时只报告一次。若空白的是合计，
    /// 消息中会给出其分项之和，供填报人补填。
    ///
    /// ## 依据
    /// 各版《政府信息公开情况统计表》的填报说明均要求逐项填报；2019、2021 年国家格式表三、表四
    /// 每个单元格都有数值。
    code: "blank-value",
    severity: Warning,
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let (blank_columns, mut out) = whole_columns(cx);
    let mut reported_rows: Vec<&str> = Vec::new();
    for c in &cx.ex.cells {
        if c.column
            .as_deref()
            .is_some_and(|col| blank_columns.contains(&col))
        {
            continue;
        }
        let unreadable = cx
            .ex
            .notes
            .iter()
            .any(|n| n.code == "row-unreadable" && n.indicator == c.indicator);
        if c.kind != ValueKind::Blank || unreadable || reported_rows.contains(&c.indicator.as_str())
        {
            continue;
        }
        let row: Vec<_> = cx
            .ex
            .cells
            .iter()
            .filter(|o| o.indicator == c.indicator)
            .collect();
        if row.len() > 1 && row.iter().all(|o| o.kind == ValueKind::Blank) {
            reported_rows.push(&c.indicator);
            out.push(finding(
                "blank-value",
                format!("“{}”整行未填写，请填写数字（没有发生的填 0）。", c.label),
                vec![c.span],
                None,
                None,
            ));
            continue;
        }
        let column = c.column.as_deref();
        let message = match parts_sum(cx, &c.indicator, column) {
            Some((n, sum)) => format!(
                "{}未填写，其 {n} 个分项之和为 {}，合计无法核对。",
                quoted(&c.label, column),
                num(sum)
            ),
            None => format!(
                "{}未填写，请填写数字（没有发生的填 0）。",
                quoted(&c.label, column)
            ),
        };
        out.push(finding("blank-value", message, vec![c.span], None, None));
    }
    out
}

/// Columns left blank in every row (a report that fills only 总计): one finding for them all.
fn whole_columns<'c>(cx: &'c Context) -> (Vec<&'c str>, Vec<Finding>) {
    let mut columns: Vec<&str> = Vec::new();
    for c in &cx.ex.cells {
        if let Some(col) = c.column.as_deref() {
            if !columns.contains(&col) {
                columns.push(col);
            }
        }
    }
    columns.retain(|col| {
        let cells: Vec<_> = cx
            .ex
            .cells
            .iter()
            .filter(|c| c.column.as_deref() == Some(*col))
            .collect();
        cells.len() >= 3 && cells.iter().all(|c| c.kind == ValueKind::Blank)
    });
    let Some(first) = columns.first().and_then(|col| {
        cx.ex
            .cells
            .iter()
            .find(|c| c.column.as_deref() == Some(*col))
    }) else {
        return (columns, Vec::new());
    };
    let names = columns
        .iter()
        .map(|c| format!("“{c}”"))
        .collect::<Vec<_>>()
        .join("、");
    let message = format!("{names}列整列未填写，请逐格填写数字（没有发生的填 0）。");
    let finding = finding("blank-value", message, vec![first.span], None, None);
    (columns, vec![finding])
}

/// When the blank cell is a total whose parts are all filled: (how many parts, their sum).
fn parts_sum(cx: &Context, id: &str, column: Option<&str>) -> Option<(usize, f64)> {
    let t = cx.template();
    crate::schema::relations().find_map(|r| match r {
        Relation::Sum {
            total,
            parts,
            within,
            absent,
        } if *total == id && within.has(t) && cx.none_printed(absent) => {
            let values: Option<Vec<f64>> = parts
                .iter()
                .map(|p| cx.figure(p, column).and_then(|f| f.value))
                .collect();
            values.map(|v| (v.len(), v.iter().sum()))
        }
        _ => None,
    })
}
