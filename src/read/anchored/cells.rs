//! The anchored reading's rows as cells: each label as printed (or its wording where other
//! cells broke it), each figure where it stands.

use super::types::{Anchor, ReadRow};
use crate::model::Cell;
use crate::read::extraction::Note;
use crate::read::grid;
use crate::read::value::parse_value;
use crate::schema::{self};
use crate::segment::Document;

/// A label broken by other cells named by the row's wording its characters spell, under the
/// numbering the report printed (`2、` + `同意部分公开答复数`): the numbering is how a reader
/// finds the row in the report.
pub(super) fn numbered_wording(text: &str, a: &Anchor) -> String {
    let is_han = |c: &char| crate::normalize::is_han(*c);
    let spelled: Vec<char> = text[a.core.clone()].chars().filter(is_han).collect();
    let spells = |w: &&&str| {
        let mut rest = spelled.iter();
        schema::core(w)
            .chars()
            .filter(is_han)
            .all(|c| rest.any(|&s| s == c))
    };
    // the longest: `2.政府公报公开` is spelled by `政府公报公开数` too
    let wording = a
        .indicator
        .labels
        .iter()
        .filter(spells)
        .max_by_key(|w| schema::core(w).chars().count())
        .unwrap_or(&a.indicator.labels[0]);
    let numbering: String = text[a.label.start..a.core.start.max(a.label.start)]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if numbering.is_empty() {
        return wording.to_string();
    }
    let numbering_char =
        |c: char| c.is_ascii_digit() || "一二三四五六七八九十()（）.、:：".contains(c);
    let bare = wording.trim_start_matches(numbering_char);
    let bare = bare
        .strip_prefix("其中")
        .unwrap_or(bare)
        .trim_start_matches(numbering_char);
    format!("{numbering}{bare}")
}

pub(super) fn anchored_cells(doc: &Document, r: &ReadRow) -> Vec<Cell> {
    let ind = r.anchor.indicator;
    // the label as printed when it reads as one of the row's wordings; else (broken by other
    // cells, wrapped, characters out of order) the template's wording
    let printed = r.anchor.printed(doc.text());
    // crawler text runs the unit cell into the label (`主动公开信息数条`)
    let unit_cut = grid::UNITS
        .iter()
        .find_map(|u| printed.strip_suffix(u))
        .map(str::to_string);
    let reads_as_wording = |l: &String| {
        ind.labels
            .iter()
            .any(|w| schema::core(w) == schema::core(l))
    };
    let shown = std::iter::once(printed.clone())
        .chain(unit_cut)
        .find(|l| reads_as_wording(l));
    let label: String = match shown {
        Some(l) if r.anchor.found && !r.anchor.broken => l,
        // a label printed with a character missing or changed is shown as printed (and said
        // to differ, label-variant)
        _ if r.anchor.variant => printed,
        _ => numbered_wording(doc.text(), &r.anchor),
    };
    let label_span = doc.span(r.anchor.label.clone());
    r.cells
        .iter()
        .enumerate()
        .filter_map(|(c, raw)| {
            let raw = raw.as_ref()?;
            let (value, kind) = parse_value(&raw.text);
            Some(Cell {
                indicator: ind.id.to_string(),
                label: label.clone(),
                column: r.columns.get(c).map(|n| n.to_string()),
                unit: (!ind.unit.is_empty()).then(|| ind.unit.to_string()),
                value,
                raw: raw.text.clone(),
                kind,
                span: if raw.text.is_empty() {
                    label_span
                } else {
                    doc.span(raw.range.clone())
                },
            })
        })
        .collect()
}

/// What glued digits became: split by the arithmetic, or left unread.
pub(super) fn glue_note(doc: &Document, r: &ReadRow) -> Option<Note> {
    let label = r.anchor.printed(doc.text());
    if let Some((cell, parts)) = &r.reconstructed {
        return Some(Note {
            code: "row-reconstructed",
            message: format!(
                "“{label}”一行的数字连在一起（{}），已按表内合计关系唯一拆分为 {}。",
                cell.text,
                parts.join("、")
            ),
            span: doc.span(cell.range.clone()),
            indicator: r.anchor.indicator.id,
        });
    }
    let cell = r.unreadable.as_ref()?;
    Some(Note {
        code: "row-unreadable",
        message: format!(
            "“{label}”一行的数字连在一起（{}），无法唯一拆分到各列，这一行未读出，请核对原表。",
            cell.text
        ),
        span: doc.span(cell.range.clone()),
        indicator: r.anchor.indicator.id,
    })
}
