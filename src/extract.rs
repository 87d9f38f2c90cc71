//! Extraction: matches table rows to template indicators and reads their cells.

use crate::grid::{self, RawCell, Row};
use crate::model::{Cell, Span, ValueKind};
use crate::schema::{self, Columns, Indicator, Template};
use crate::segment::Document;
use std::ops::Range;

/// Below this similarity a row is not taken for an indicator.
const MATCH_THRESHOLD: f64 = 0.72;

pub struct Extraction {
    pub template: Option<Template>,
    pub cells: Vec<Cell>,
    /// Line ranges of the tables, which prose and heading checks skip.
    pub table_lines: Vec<Range<usize>>,
    /// Rows that matched an indicator, with the indicator, for rules that need the row.
    pub matched: Vec<MatchedRow>,
    /// A statistics table is announced (title or header) at this normalized range.
    pub table_announced: Option<Range<usize>>,
    /// Rows matched by similarity only (misspelled or outdated wording), for a warning.
    pub fuzzy: Vec<(usize, f64)>,
}

pub struct MatchedRow {
    pub indicator: &'static Indicator,
    pub row: Row,
    pub score: f64,
}

pub fn extract(doc: &Document, html_tables: &[Vec<Vec<String>>]) -> Extraction {
    let tables = if html_tables.is_empty() {
        grid::tables(doc)
    } else {
        grid::from_html(doc, html_tables)
    };
    let rows: Vec<&Row> = tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .filter(|r| !r.label_parts.is_empty())
        .collect();
    let template = detect_template(doc, &rows);
    let matched = template.map(|t| match_rows(&rows, t)).unwrap_or_default();
    let cells = matched.iter().flat_map(|m| cells_of(doc, m)).collect();
    let fuzzy = matched
        .iter()
        .enumerate()
        .filter(|(_, m)| m.score < 0.85)
        .map(|(i, m)| (i, m.score))
        .collect();
    Extraction {
        template,
        cells,
        table_lines: grid::table_line_ranges(&tables),
        matched,
        table_announced: announced_table(doc),
        fuzzy,
    }
}

/// The template whose wording the rows match best; national formats are told apart by the
/// columns and rows that changed in 2021.
fn detect_template(doc: &Document, rows: &[&Row]) -> Option<Template> {
    let score = |t: Template| -> usize {
        rows.iter()
            .filter(|r| best_match(&r.label(), t, 0).is_some_and(|(_, s, _)| s >= 0.9))
            .count()
    };
    let old = score(Template::T2008);
    let national = score(Template::T2021).max(score(Template::T2019));
    if old.max(national) < 3 {
        return None;
    }
    if old >= national {
        return Some(Template::T2008);
    }
    let text = doc.text();
    let says_2021 = [
        "本年制发件数",
        "现行有效件数",
        "本年处理决定数量",
        "行政规范性文件",
        "逾期不补正",
        "本年收费金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    let says_2019 = [
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "政府集中采购",
        "采购总金额",
    ]
    .iter()
    .filter(|w| text.contains(*w))
    .count();
    Some(match says_2021.cmp(&says_2019) {
        std::cmp::Ordering::Greater => Template::T2021,
        std::cmp::Ordering::Less => Template::T2019,
        std::cmp::Ordering::Equal if doc.year.is_some_and(|y| y >= 2021) => Template::T2021,
        std::cmp::Ordering::Equal => Template::T2019,
    })
}

/// Best indicator for a label: (index in template order, score, indicator). Ties go to the
/// first indicator at or after `cursor`, so repeated wordings (被依法纠错数 under 复议 and
/// under 诉讼) are read in table order.
fn best_match(label: &str, t: Template, cursor: usize) -> Option<(usize, f64, &'static Indicator)> {
    let core = schema::core(label);
    if core.chars().count() < 2 {
        return None;
    }
    let mut best: Option<(usize, f64, &'static Indicator)> = None;
    for (i, ind) in schema::indicators()
        .filter(|ind| ind.within.has(t))
        .enumerate()
    {
        let s = ind
            .labels
            .iter()
            .map(|w| schema::similarity(&core, &schema::core(w)))
            .fold(0.0, f64::max);
        if s < MATCH_THRESHOLD {
            continue;
        }
        let better = match best {
            None => true,
            Some((bi, bs, _)) => {
                s > bs + 1e-9 || ((s - bs).abs() < 1e-9 && bi < cursor && i >= cursor)
            }
        };
        if better {
            best = Some((i, s, ind));
        }
    }
    best
}

fn match_rows(rows: &[&Row], t: Template) -> Vec<MatchedRow> {
    let mut cursor = 0;
    let mut out: Vec<MatchedRow> = Vec::new();
    for row in rows {
        let Some((i, score, ind)) = best_match(&row.label(), t, cursor) else {
            continue;
        };
        let no_figures = row.values.iter().all(|v| v.text.is_empty());
        if no_figures && ind.heading {
            cursor = i + 1;
            continue; // a group heading row: context only
        }
        if row.values.is_empty() && row.unit.is_none() && score < 1.0 {
            continue; // a stray line of text that resembles a label
        }
        if out.iter().any(|m| std::ptr::eq(m.indicator, ind)) {
            continue; // the table printed twice (summary and detail): keep the first
        }
        cursor = i + 1;
        out.push(MatchedRow {
            indicator: ind,
            row: (*row).clone(),
            score,
        });
    }
    out
}

fn cells_of(doc: &Document, m: &MatchedRow) -> Vec<Cell> {
    let label = m.row.label();
    let unit = m
        .row
        .unit
        .as_ref()
        .map(|u| u.text.clone())
        .or_else(|| (!m.indicator.unit.is_empty()).then(|| m.indicator.unit.to_string()));
    let label_span = doc.span(m.row.label_range());
    let make = |column: Option<&str>, raw: Option<&RawCell>| {
        let text = raw.map_or("", |r| r.text.as_str());
        let (value, kind) = parse_value(text);
        let span = match raw {
            Some(r) if !r.range.is_empty() && !text.is_empty() => doc.span(r.range.clone()),
            _ => label_span,
        };
        Cell {
            indicator: m.indicator.id.to_string(),
            label: label.clone(),
            column: column.map(str::to_string),
            unit: unit.clone(),
            value,
            raw: text.to_string(),
            kind,
            span,
        }
    };
    match m.indicator.columns {
        Columns::Single => vec![make(None, m.row.values.first())],
        Columns::Named(names) => {
            let values = align(&m.row.values, names.len());
            names
                .iter()
                .zip(values)
                .map(|(n, v)| make(Some(n), v))
                .collect()
        }
    }
}

/// Places a row's values under its columns: all of them in order, or a lone value under the
/// last column (the 总计 that some reports fill alone).
fn align(values: &[RawCell], n: usize) -> Vec<Option<&RawCell>> {
    if values.len() == 1 && n > 1 {
        let mut out = vec![None; n];
        out[n - 1] = values.first();
        return out;
    }
    (0..n).map(|i| values.get(i)).collect()
}

/// Reads a printed value: a number, blank, not applicable, or other text.
pub fn parse_value(raw: &str) -> (Option<f64>, ValueKind) {
    let t = raw.trim();
    if t.is_empty() {
        return (None, ValueKind::Blank);
    }
    if grid::is_not_applicable(t) {
        return (None, ValueKind::NotApplicable);
    }
    let body = grid::UNITS
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim();
    let plain = body.strip_prefix('+').unwrap_or(body);
    let well_formed = !plain.is_empty()
        && plain
            .trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
        && plain
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || c == '.')
        && plain.matches('.').count() <= 1;
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() && well_formed => (Some(v), ValueKind::Number),
        _ => (None, ValueKind::Text),
    }
}

/// `统计表` / `汇总表` / a 统计指标 header: the report says a statistics table follows.
fn announced_table(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    ["情况统计表", "统计表", "汇总表", "统计指标"]
        .iter()
        .filter_map(|w| text.rfind(w).map(|i| i..i + w.len()))
        .next()
}

/// The cells of one indicator, by column.
pub fn cells_for<'c>(cells: &'c [Cell], id: &str) -> impl Iterator<Item = &'c Cell> {
    let id = id.to_string();
    cells.iter().filter(move |c| c.indicator == id)
}

pub fn span_of(cells: &[Cell], id: &str) -> Option<Span> {
    cells_for(cells, id).next().map(|c| c.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_kind() {
        assert_eq!(parse_value("975"), (Some(975.0), ValueKind::Number));
        assert_eq!(parse_value("0元"), (Some(0.0), ValueKind::Number));
        assert_eq!(parse_value(""), (None, ValueKind::Blank));
        assert_eq!(parse_value("/"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("不适用"), (None, ValueKind::NotApplicable));
        assert_eq!(parse_value("1.5"), (Some(1.5), ValueKind::Number));
        assert_eq!(parse_value("-3"), (Some(-3.0), ValueKind::Number));
        assert_eq!(parse_value("1e5"), (None, ValueKind::Text));
        assert_eq!(
            parse_value("99999999999999999999"),
            (Some(1e20), ValueKind::Number)
        );
        assert_eq!(parse_value("约5"), (None, ValueKind::Text));
    }
}
