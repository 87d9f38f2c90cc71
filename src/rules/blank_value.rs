use super::common::{finding, num, quoted, rule, Context};
use crate::model::{Cell, Finding, Span, ValueKind};
use crate::schema::Relation;

rule! {
    /// 空白单元格：统计表中应填数字的单元格留空。空白不等于 0：没有发生的事项应填“0”，
    /// 不适用的填“/”或“不适用”。每一行只报告一次，列出这一行空白的各列；整列都空白时
    /// （该表已完整读出）按列报告一次。若空白的是合计，消息中会给出其分项之和，供填报人补填。
    ///
    /// ## 依据
    /// 各版《政府信息公开情况统计表》的填报说明均要求逐项填报；2019、2021 年国家格式表三、表四
    /// 每个单元格都有数值。
    code: "blank-value",
    check: check,
}

fn check(cx: &Context) -> Vec<Finding> {
    let (blank_columns, mut out) = whole_columns(cx);
    let mut rows: Vec<&str> = Vec::new();
    for c in &cx.ex.cells {
        if c.kind == ValueKind::Blank && !rows.contains(&c.indicator.as_str()) {
            rows.push(&c.indicator);
        }
    }
    for id in rows {
        let unreadable = cx
            .ex
            .notes
            .iter()
            .any(|n| n.code == "row-unreadable" && n.indicator == id);
        if unreadable {
            continue;
        }
        let row: Vec<&Cell> = cx.ex.cells.iter().filter(|o| o.indicator == id).collect();
        let blank: Vec<&Cell> = row
            .iter()
            .copied()
            .filter(|c| c.kind == ValueKind::Blank)
            .filter(|c| {
                !c.column
                    .as_deref()
                    .is_some_and(|col| blank_columns.contains(&col))
            })
            .collect();
        if let Some(f) = row_finding(cx, &row, &blank) {
            out.push(f);
        }
    }
    out
}

/// One finding for the blank cells of one row: the whole row, one cell (a total with its parts'
/// sum when they are filled), or the columns left blank, named in one sentence.
#[inline(never)]
fn row_finding(cx: &Context, row: &[&Cell], blank: &[&Cell]) -> Option<Finding> {
    let first = blank.first()?;
    let label = &first.label;
    let mut spans: Vec<Span> = blank.iter().map(|c| c.span).collect();
    // blank cells without text of their own point at their row's label
    spans.dedup();
    let whole_row = row.len() > 1 && blank.len() == row.len();
    let (message, column) = if whole_row {
        (
            format!("“{label}”整行未填写，请填写数字（没有发生的填 0）。"),
            None,
        )
    } else if let [one] = blank {
        let column = one.column.as_deref();
        let message = match parts_sum(cx, &one.indicator, column) {
            Some((n, sum)) => format!(
                "{}未填写，其 {n} 个分项之和为 {}，合计无法核对。",
                quoted(label, column),
                num(sum)
            ),
            None => format!(
                "{}未填写，请填写数字（没有发生的填 0）。",
                quoted(label, column)
            ),
        };
        (message, column)
    } else {
        let names: Vec<String> = blank
            .iter()
            .filter_map(|c| c.column.as_deref())
            .map(|c| format!("“{c}”"))
            .collect();
        (
            format!(
                "“{label}”一行有 {} 格未填写（{}列），请填写数字（没有发生的填 0）。",
                blank.len(),
                names.join("、")
            ),
            None,
        )
    };
    let mut f = finding("blank-value", message, spans, None, None);
    f.place = cx
        .ex
        .template
        .and_then(|t| crate::schema::layout::position(t, &first.indicator, column))
        .unwrap_or_else(|| quoted(label, column));
    Some(f)
}

/// Whether the table an indicator is in was read in full: a column is blank in every row only
/// where every row was read (rows not read may print figures in it).
fn table_read_whole(cx: &Context, id: &str) -> bool {
    let (Some(t), Some(ind)) = (cx.ex.template, crate::schema::indicator(id)) else {
        return false;
    };
    let table = crate::schema::table_of(t, ind);
    cx.ex
        .coverage
        .iter()
        .filter(|c| c.table == table)
        .all(|c| c.read >= c.expected)
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
        cells.len() >= 3
            && cells.iter().all(|c| c.kind == ValueKind::Blank)
            && cells.iter().all(|c| table_read_whole(cx, &c.indicator))
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
    let spans: Vec<Span> = cx
        .ex
        .cells
        .iter()
        .filter(|c| {
            c.column
                .as_deref()
                .is_some_and(|col| columns.contains(&col))
        })
        .map(|c| c.span)
        .collect();
    let mut finding = finding("blank-value", message, spans, None, None);
    let table = super::common::table_name(cx, &first.indicator);
    finding.place = format!("{table} · {}列", columns.join("、"));
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
