//! The old form's 统计数 column printed as a flow of its own. pdftotext prints a table whose
//! label cells are tall (a label with its note in brackets, wrapped over lines) label after
//! label, and the unit and figure cells in runs of their own: labels then stand far from their
//! figures (`条 1260 条 12` before the first label, `件 8` after the next row's label), while the
//! units and figures keep the rows' order. Where the units printed are, one for one, the units
//! of the rows found taken in the template's order, and the rows whose label is followed by
//! their own unit and figure get those figures, the run is read row by row; a unit with no
//! figure before the next unit is a blank cell.

use super::types::*;
use crate::read::grid::RawCell;
use crate::schema::{self, Template};
use crate::segment::Document;
use std::ops::Range;

/// A unit printed in the table, with the figure printed after it (before the next unit).
struct Slot {
    unit: Range<usize>,
    figure: Option<Range<usize>>,
}

/// Reads the rows of a single-column old form by the run of its units and figures, when the
/// run fits the rows as said above (the reading by labels may have read rows wrong without
/// knowing: a label printed apart from its figures takes the next row's). The run
/// starts with the units and figures printed before the first label.
pub(super) fn read_by_flow(doc: &Document, rows: &mut [ReadRow], zone_end: usize) {
    let text = doc.text();
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&r| rows[r].anchor.found && !rows[r].anchor.indicator.heading)
        .collect();
    let single = order.iter().all(|&r| rows[r].cells.len() == 1);
    if order.is_empty() || !single {
        return;
    }
    let place = |r: usize| {
        schema::value_rows(Template::T2008)
            .position(|i| std::ptr::eq(i, rows[r].anchor.indicator))
            .unwrap_or(usize::MAX)
    };
    order.sort_by_cached_key(|&r| place(r));
    // headings included: the run may start before the table's first heading
    let first = rows
        .iter()
        .filter(|r| r.anchor.found)
        .map(|r| r.anchor.label.start)
        .min()
        .unwrap_or(0);
    let slots = slots(text, run_start(doc, first)..zone_end.max(first));
    let fits = slots.len() == order.len()
        && order
            .iter()
            .zip(&slots)
            .all(|(&r, s)| text[s.unit.clone()] == *rows[r].anchor.indicator.unit);
    if !fits {
        return;
    }
    let pinned = order
        .iter()
        .zip(&slots)
        .filter(|(&r, s)| own_figure(text, &rows[r].anchor) == s.figure && s.figure.is_some())
        .count();
    let contradicted = order.iter().zip(&slots).any(|(&r, s)| {
        own_figure(text, &rows[r].anchor).is_some_and(|f| s.figure.as_ref() != Some(&f))
    });
    // the run mostly agrees with the labels' own figures and never contradicts one
    if contradicted || pinned * 2 < order.len() {
        return;
    }
    for (&r, s) in order.iter().zip(slots) {
        let cell = match s.figure {
            Some(f) => RawCell {
                text: text[f.clone()].to_string(),
                range: f,
            },
            None => RawCell {
                text: String::new(),
                range: s.unit.end..s.unit.end,
            },
        };
        rows[r].cells = vec![Some(cell)];
        rows[r].unreadable = None;
    }
}

/// The start of the lines of units and figures (and the template's headings between them)
/// right before `at`'s line.
fn run_start(doc: &Document, at: usize) -> usize {
    let text = doc.text();
    let units = units();
    let headings: Vec<String> = schema::indicators()
        .filter(|i| i.heading && i.within.has(Template::T2008))
        .flat_map(|i| i.labels.iter().map(|l| schema::core(l)))
        .collect();
    let mut line = doc.line_of(at);
    while line > 0 {
        let before = doc.line_text(line - 1);
        let only_cells = before
            .split_whitespace()
            .all(|w| units.contains(&w) || is_figure(w));
        if !only_cells && !headings.contains(&schema::core(before)) {
            break;
        }
        line -= 1;
    }
    doc.lines[line].start.min(at).min(text.len())
}

/// The figure printed right after a row's label and its own unit, nothing else between.
fn own_figure(text: &str, a: &Anchor) -> Option<Range<usize>> {
    let mut parts = parts(text, a.label.end..text.len());
    let unit = parts.next()?;
    let figure = parts.next()?;
    (text[unit] == *a.indicator.unit && is_figure(&text[figure.clone()])).then_some(figure)
}

/// The zone's units, each with the figure after it before the next unit; empty when a figure
/// stands without a unit before it (the run is then not the table's unit and figure columns).
fn slots(text: &str, zone: Range<usize>) -> Vec<Slot> {
    let units = units();
    let mut slots: Vec<Slot> = Vec::new();
    for part in parts(text, zone) {
        let word = &text[part.clone()];
        // a unit printed on the last line of a wrapped label runs into it once spaces between
        // Han characters are dropped (`…方面的 万元`)
        if let Some(unit) = unit_at_end(word, &units) {
            slots.push(Slot {
                unit: part.end - unit.len()..part.end,
                figure: None,
            });
        } else if is_figure(word) {
            match slots.last_mut() {
                Some(s) if s.figure.is_none() => s.figure = Some(part),
                _ => return Vec::new(),
            }
        }
    }
    slots
}

/// The unit a part is or ends with (the longest: `人次` before `次`).
fn unit_at_end(word: &str, units: &[&'static str]) -> Option<&'static str> {
    units
        .iter()
        .filter(|u| word.ends_with(**u))
        .max_by_key(|u| u.len())
        .copied()
}

fn units() -> Vec<&'static str> {
    let mut units: Vec<&'static str> = schema::value_rows(Template::T2008)
        .map(|i| i.unit)
        .filter(|u| !u.is_empty())
        .collect();
    units.sort_unstable();
    units.dedup();
    units
}

/// The whitespace-separated parts of `range`, as byte ranges.
fn parts(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let from = range.start;
    text[range].split_whitespace().map(move |p| {
        let at = p.as_ptr() as usize - text.as_ptr() as usize;
        debug_assert!(at >= from);
        at..at + p.len()
    })
}

fn is_figure(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !word.starts_with('.')
        && !word.ends_with('.')
}

#[cfg(test)]
mod tests {
    use crate::schema::Template;
    use crate::segment::Document;

    /// The cell read for a row of `text`, by its indicator.
    fn read(text: &str) -> impl Fn(&str) -> Option<String> {
        let doc = Document::new(text);
        let rows: Vec<(&'static str, Option<String>)> = super::super::read(&doc, Template::T2008)
            .into_iter()
            .map(|r| {
                let cell = r.cells.first().cloned().flatten().map(|c| c.text);
                (r.anchor.indicator.id, cell)
            })
            .collect();
        move |id| {
            rows.iter()
                .find(|(i, _)| *i == id)
                .and_then(|(_, c)| c.clone())
        }
    }

    const DISPLACED: &str = "统计指标\n单位\n统计数\n条\n1260\n条\n12\n一、主动公开情况\n\
        （一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）\n其中：主动公开规范性文件数\n件\n8\n\
        1.政府公报公开政府信息数\n条\n20\n2.政府网站公开政府信息数\n条\n1100\n\
        3.政策解读稿件发布数\n篇\n制发规范性文件总数\n4.微博微信回应事件数\n次\n6\n\
        （一）收到申请数\n件\n23\n1.当面申请数\n件\n8\n2.传真申请数\n件\n15\n";

    #[test]
    fn figures_printed_apart_from_their_labels_are_read_in_the_rows_order_by_their_units() {
        let of = read(DISPLACED);
        assert_eq!(of("active.total").as_deref(), Some("1260"));
        assert_eq!(of("active.normative").as_deref(), Some("12"));
        assert_eq!(of("active.normative_issued").as_deref(), Some("8"));
        assert_eq!(
            of("respond.explainers").as_deref(),
            Some(""),
            "a unit with no figure"
        );
        assert_eq!(of("respond.weibo_wechat").as_deref(), Some("6"));
        assert_eq!(of("apply.fax").as_deref(), Some("15"));
    }

    /// A 序号 column: the row numbers, first on their lines and never after a unit, are not
    /// figures; a label printed after the next rows' figures (`（一）主动公开政府信息数` below
    /// `条 20`) does not take the figure after it.
    #[test]
    fn row_numbers_and_labels_printed_late_do_not_take_figures() {
        let text = "序号 统计指标\n1\n2\n单位\n统计数\n条\n1260\n一、主动公开情况\n\
            3\n其中：主动公开规范性文件数\n条\n12\n4\n1.政府公报公开政府信息数\n条\n20\n\
            （一）主动公开政府信息数\n(不同渠道和方式公开相同信息计1条)\n5\n2.政府网站公开政府信息数\n\
            条\n150\n6\n（一）收到申请数\n件\n23\n7\n1.当面申请数\n件\n8\n8\n2.传真申请数\n件\n15\n";
        let of = read(text);
        assert_eq!(of("active.total").as_deref(), Some("1260"));
        assert_eq!(of("active.normative").as_deref(), Some("12"));
        assert_eq!(of("active.channel.gazette").as_deref(), Some("20"));
        assert_eq!(of("active.channel.website").as_deref(), Some("150"));
        assert_eq!(of("apply.in_person").as_deref(), Some("8"));
        assert_eq!(of("apply.fax").as_deref(), Some("15"));
    }

    #[test]
    fn a_run_whose_units_do_not_fit_the_rows_is_not_read_by_the_units() {
        // one unit fewer than the rows found: the run does not stand for the rows
        let short = DISPLACED.replace("条\n12\n", "12\n");
        let of = read(&short);
        assert_ne!(of("active.normative_issued").as_deref(), Some("8"));
    }
}
