//! Figures a Markdown converter merged into one field (`|(七)总计||24|1|1<br>1<br>1<br>28|`):
//! the field spans several columns, and where one of them was left blank its place is lost.
//! An empty field between the label and the first figure may then be a blank cell or a field
//! the label spans (the label of `（七）总计` covers two columns): counting fields places every
//! figure by a guess. Such a row is left unread. An empty field after a figure is no label's,
//! so there the count places the blank (the merged field holds as many columns as figures).

use crate::model::{Cell, ValueKind};
use crate::read::verify::Unit;
use crate::schema;

/// The rows read with blank cells before their first figure and two of their figures from one
/// field (`<br>` between them in the pasted text, no `|`). `original` is the pasted text: the
/// cells' spans are its bytes while the tables are read. Rows printed without a label (table
/// 四's one row of figures) have no label to span a field.
pub fn blanks_beside_merged_figures(original: &str, cells: &[Cell]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut start = 0;
    while start < cells.len() {
        let id = &cells[start].indicator;
        let end = start
            + cells[start..]
                .iter()
                .take_while(|c| &c.indicator == id)
                .count();
        let row = &cells[start..end];
        start = end;
        let labelled = schema::indicator(id).is_some_and(|i| i.by_label);
        let leading_blank = row.len() > 1 && row[0].kind == ValueKind::Blank;
        if labelled && leading_blank && two_figures_in_one_field(original, row) {
            out.push(Unit::of(id, None));
        }
    }
    out
}

/// Whether two figures read one after the other came from one field of the pasted text.
fn two_figures_in_one_field(original: &str, row: &[Cell]) -> bool {
    let figures: Vec<&Cell> = row.iter().filter(|c| c.kind == ValueKind::Number).collect();
    figures.windows(2).any(|pair| {
        let between = original.get(pair[0].span.end..pair[1].span.start);
        between.is_some_and(|t| t.contains("<br>") && !t.contains('|'))
    })
}

/// The rows with a figure whose field ends in a line break with the next field an amount's
/// digits and unit (`411<br>|75.98万|`): the figure goes on in the next field. (Figures of
/// their own in the next field, `26<br>|29|`, are the converter's offset of a row's cells.)
pub fn figures_cut_over_fields(original: &str, cells: &[Cell]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for c in cells.iter().filter(|c| c.kind == ValueKind::Number) {
        let after = original.get(c.span.end..).unwrap_or("");
        let cut = after
            .strip_prefix("<br>")
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix('|'))
            .is_some_and(amount_goes_on);
        let unit = Unit::of(&c.indicator, None);
        if cut && !out.contains(&unit) {
            out.push(unit);
        }
    }
    out
}

/// Whether a field (up to its `|`) is digits followed by a unit of money: an amount's rest.
fn amount_goes_on(fields: &str) -> bool {
    let field = fields.split('|').next().unwrap_or("").trim();
    let unit = field.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    unit.len() < field.len()
        && field.starts_with(|c: char| c.is_ascii_digit())
        && (unit.starts_with('万') || unit.starts_with('元'))
}
