use super::common::{finding, label_of, rule, Context};
use crate::model::Finding;

rule! {
    /// 行已按合计拆分：有些网页复制的表格把一行的数字连在一起（如“640020470”），
    /// 只有一种拆法能使六类申请人之和等于总计时，按该拆法读取，并提示已重建，请核对。
    /// 每张表提示一次，列出拆分过的各行。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号、〔2021〕30号所附表三：每行“总计”为各类申请人之和。
    code: "row-reconstructed",
    check: check,
}

/// Rows named in a table's note; the rest are counted.
const NAMED_ROWS: usize = 3;

/// The reader's notes on rows split by the arithmetic, one finding per table: a glued table
/// gives a note per row, all at the same place.
fn check(cx: &Context) -> Vec<Finding> {
    let notes: Vec<_> = cx
        .ex
        .notes
        .iter()
        .filter(|n| n.code == "row-reconstructed")
        .collect();
    let mut tables: Vec<&str> = Vec::new();
    for n in &notes {
        let t = super::common::table_name(cx, n.indicator);
        if !tables.contains(&t) {
            tables.push(t);
        }
    }
    let mut out = Vec::new();
    for table in tables {
        let rows: Vec<_> = notes
            .iter()
            .filter(|n| super::common::table_name(cx, n.indicator) == table)
            .collect();
        let mut f = match rows.as_slice() {
            [one] => finding(
                "row-reconstructed",
                one.message.clone(),
                vec![one.span],
                None,
                None,
            ),
            _ => {
                let named: Vec<String> = rows
                    .iter()
                    .take(NAMED_ROWS)
                    .map(|n| format!("“{}”", crate::schema::core(&label_of(n.indicator))))
                    .collect();
                let more = if rows.len() > NAMED_ROWS { "等" } else { "" };
                finding(
                    "row-reconstructed",
                    format!(
                        "{table}有 {} 行的数字连在一起（{}{more}），已按表内合计关系唯一拆分，请对照原表核对。",
                        rows.len(),
                        named.join("、")
                    ),
                    rows.iter().map(|n| n.span).collect(),
                    None,
                    None,
                )
            }
        };
        f.place = match rows.as_slice() {
            [one] => super::common::row_position(cx, one.indicator),
            _ => table.to_string(),
        };
        out.push(f);
    }
    out
}
