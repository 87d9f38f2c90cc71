//! A negative figure off the one column that can hold it. Of a 2019 table 二 row's columns
//! only `本年增/减` can be negative; pdftotext can print a row's figures out of their columns'
//! order (`行政处罚 89 1615 -6` under `上一年项目数量 本年增/减` `处理决定数量`). A reading that
//! puts the negative figure in a count column, while the change column holds a figure that
//! could be the count, leaves two readings of the text: one with the report's error, one
//! without. The row is left unread rather than called wrong.

use crate::model::Cell;
use crate::read::verify::Unit;

/// The column that alone may hold a negative figure.
const CHANGE: &str = "本年增/减";

/// The rows read with a negative figure in a count column and none in their change column.
pub fn negative_off_its_column(cells: &[Cell]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for c in cells.iter().filter(|c| c.value.is_some_and(|v| v < 0.0)) {
        let off = c.column.as_deref().is_some_and(|col| col != CHANGE);
        let change = cells
            .iter()
            .find(|o| o.indicator == c.indicator && o.column.as_deref() == Some(CHANGE));
        let change_not_negative = change.is_some_and(|o| o.value.is_some_and(|v| v >= 0.0));
        let unit = Unit::of(&c.indicator, None);
        if off && change_not_negative && !out.contains(&unit) {
            out.push(unit);
        }
    }
    out
}
