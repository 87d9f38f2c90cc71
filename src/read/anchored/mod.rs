//! Anchored reading: finds the template's row labels in the text, whatever the layout, and
//! reads the figures that follow each one.
//!
//! Real reports arrive as web copies (tab-separated cells, blank lines around each cell), PDF
//! text (one cell per line, a table printed block by block, labels wrapped over lines with
//! figures between the fragments) or crawler text (every cell glued to the next). What all of
//! them keep is the template's wording, in the template's order. So the labels are found first
//! (on the Han characters alone, so that line breaks, spaces, punctuation and figures inside a
//! wrapped label do not matter), then the figures of the table are aligned with those rows:
//! each row takes as many figures as it has columns, in text order, a figure never before its
//! row's label, preferably before the next row's label. Cells glued together are split only
//! where the table's arithmetic leaves one reading.

use crate::read::extraction::Extraction;
use crate::read::grid::{MatchedRow, RawCell};
use crate::schema::{Columns, Template};
use crate::segment::Document;
use cells::{anchored_cells, glue_note};
use std::ops::Range;

mod align;
mod blocks;
mod by_blocks;
mod cells;
mod doubt;
mod figures;
mod find;
mod flow;
mod glued;
mod sums;
mod tail;
mod types;

use align::*;
use by_blocks::*;
use doubt::*;
use figures::*;
use find::*;
pub use find::{anchors, rows_found};
pub use glued::splits;
use glued::*;
pub use sums::adds_up;
use types::*;
pub use types::{Anchor, ReadRow};

/// Reads the tables anchored on the template's labels ([`crate::read::anchored`]).
pub fn reading(doc: &Document, t: Template, announced: Option<Range<usize>>) -> Extraction {
    let rows = read(doc, t);
    let old_columns = rows
        .iter()
        .find(|r| matches!(r.anchor.indicator.columns, Columns::Single))
        .map_or(&[][..], |r| r.columns);
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    let mut unread = Vec::new();
    for r in &rows {
        cells.extend(anchored_cells(doc, r));
        notes.extend(glue_note(doc, r));
        if r.unreadable.is_some() {
            unread.push((r.anchor.indicator.id, crate::read::coverage::Why::Glued));
        }
    }
    let lines = match (
        rows.first(),
        rows.iter()
            .flat_map(|r| r.cells.iter().flatten())
            .map(|c| c.range.end)
            .max(),
    ) {
        (Some(first), Some(end)) => {
            let from = rows
                .iter()
                .map(|r| r.anchor.label.start)
                .min()
                .unwrap_or(first.anchor.label.start);
            std::iter::once(doc.line_of(from)..doc.line_of(end) + 1).collect()
        }
        _ => Vec::new(),
    };
    let fuzzy = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.anchor.variant)
        .map(|(i, _)| (i, 0.8))
        .collect();
    let matched = rows
        .iter()
        .map(|r| MatchedRow {
            indicator: r.anchor.indicator,
            row: r.as_row(doc),
            score: 1.0,
        })
        .collect();
    Extraction {
        template: Some(t),
        cells,
        table_lines: lines,
        matched,
        table_announced: announced,
        fuzzy,
        notes,
        old_columns,
        coverage: Vec::new(),
        unread,
        exact: false,
        unplaced: 0,
    }
}

/// Reads the template's tables from the text: the rows found, the figures aligned with them,
/// glued runs split, table 三 read again block by block where needed, doubtful rows unread.
pub fn read(doc: &Document, t: Template) -> Vec<ReadRow> {
    let mut anchors = anchors(doc, t);
    if anchors.is_empty() {
        return Vec::new();
    }
    let text = doc.text();
    let old = if t == Template::T2008 {
        old_columns(doc, &anchors)
    } else {
        &[]
    };
    if t != Template::T2008 {
        if let Some(a) = review_anchor(doc, anchors.last().map_or(0, |a| a.core.end)) {
            anchors.push(a);
        }
    }
    let zone_end = zone_end(doc, anchors.last().map_or(0, |a| a.label.end));
    let widths: Vec<usize> = anchors.iter().map(|a| a.indicator.width(old)).collect();
    let tokens = with_layout_blanks(doc, &anchors, &widths, tokens(doc, &anchors, zone_end));
    let seen = figures_first(text, &anchors, &widths, &tokens);
    let mut plan = align(text, &seen, &widths, &tokens);
    assign_orphans(&seen, &widths, &tokens, &mut plan);
    assign_orphan_runs(t, &seen, &widths, &tokens, &mut plan);
    let mut rows: Vec<ReadRow> = anchors
        .iter()
        .zip(plan)
        .map(|(a, taken)| row_of(text, a, taken, &tokens, old))
        .collect();
    split_glued(&mut rows, t);
    if t != Template::T2008 {
        read_blocks(text, t, &tokens, &mut rows);
    }
    let first = anchors.iter().map(|a| a.label.start).min().unwrap_or(0);
    let sections_after = sections_after_tables(doc, first).unwrap_or(text.len());
    distrust_broken_rows(text, &mut rows, sections_after);
    distrust_strangers(text, &mut rows);
    distrust_figures_inside_other_labels(text, &mut rows);
    distrust_figures_after_another_rows_unit(text, &mut rows);
    distrust_figures_after_a_unit_not_their_own(text, &mut rows);
    if t == Template::T2008 {
        distrust_their_own_serials(text, &mut rows);
    }
    distrust_cells_past_the_next_label(text, &mut rows);
    distrust_rows_past_their_own_figures(text, &mut rows);
    distrust_figures_under_other_headers(text, &mut rows);
    let figures_above: Vec<bool> = seen
        .iter()
        .zip(&anchors)
        .map(|(s, a)| s.label.start != a.label.start)
        .collect();
    distrust_figures_around_labels(&mut rows, &figures_above);
    if t == Template::T2008 {
        flow::read_by_flow(doc, &mut rows, zone_end);
    }
    // after the flow too: a unit's flow places a figure after stacked labels no better
    distrust_figures_after_stacked_labels(text, &mut rows, sections_after);
    distrust_labels_run_together(text, &mut rows);
    rows
}

/// An anchor's row with the tokens the alignment gave it.
fn row_of(
    text: &str,
    a: &Anchor,
    taken: Taken,
    tokens: &[Token],
    old: &'static [&'static str],
) -> ReadRow {
    let n = a.indicator.width(old);
    let mut cells: Vec<Option<RawCell>> = vec![None; n];
    let mut unreadable = None;
    match taken {
        Taken::Glued(k) => unreadable = Some(raw(text, &tokens[k])),
        Taken::Unplaced(_) => {}
        Taken::Cells(ks) => {
            for (c, k) in ks.into_iter().enumerate().take(n) {
                cells[c] = k.map(|k| raw(text, &tokens[k]));
            }
        }
    }
    ReadRow {
        anchor: a.clone(),
        columns: a.indicator.value_columns(old),
        cells,
        unreadable,
        reconstructed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::sums::out_of_order;
    use super::*;
    use crate::schema;

    fn read_text(text: &str, t: Template) -> Vec<(String, Vec<Option<String>>)> {
        let doc = Document::new(text);
        read(&doc, t)
            .into_iter()
            .map(|r| {
                (
                    r.anchor.indicator.id.to_string(),
                    r.cells
                        .iter()
                        .map(|c| c.as_ref().map(|c| c.text.clone()))
                        .collect(),
                )
            })
            .collect()
    }

    /// The cells read for a row of `text`, by its indicator (a row not found fails the test).
    fn rows_of(text: &str, t: Template) -> impl Fn(&str) -> Vec<Option<String>> {
        let rows = read_text(text, t);
        move |id| match rows.iter().find(|r| r.0 == id) {
            Some(r) => r.1.clone(),
            None => panic!("no row {id}"),
        }
    }

    /// The figure read for a one-figure row (a row not found fails the test).
    fn figure(rows: &[ReadRow], id: &str) -> Option<String> {
        let row = rows.iter().find(|r| r.anchor.indicator.id == id);
        row.expect("the row is found").cells[0]
            .as_ref()
            .map(|c| c.text.clone())
    }

    /// A row read whole, as those figures.
    fn read_as(figures: &[&str]) -> Vec<Option<String>> {
        figures.iter().map(|f| Some(f.to_string())).collect()
    }

    #[test]
    fn page_markers_are_not_figures() {
        use crate::segment::is_page_marker;
        assert!(is_page_marker("- 4 -"));
        assert!(is_page_marker("第 3 页 共 6 页"));
        assert!(is_page_marker("共6页"));
        assert!(!is_page_marker("4"));
    }

    #[test]
    fn glued_rows_split_by_their_total() {
        let cols = schema::t2019::APPLICANTS;
        assert_eq!(
            splits("713000074", cols),
            vec![vec!["71", "3", "0", "0", "0", "0", "74"]]
        );
    }

    /// PDFium's digit per line (seed 139, held out): 予以公开 `94 19 1 1 11 5 131` as
    /// `941911115131`. Eight cuts add up; the first 65 cuts tried held one of them only, which
    /// was shown as the row. Every cut is tried, or none is kept.
    #[test]
    fn a_glued_row_is_split_over_every_cut_or_none() {
        let cols = schema::t2019::APPLICANTS;
        let found = splits("9\n4\n1\n9\n1\n1\n1\n1\n5\n1\n3\n1", cols);
        assert_eq!(found.len(), 8, "{found:?}");
        assert!(found.contains(
            &["94", "19", "1", "1", "11", "5", "131"]
                .map(String::from)
                .to_vec()
        ));
        // seven cells in forty digits: more cuts than are tried, no reading
        assert!(splits(&"1234567890".repeat(4), cols).is_empty());
    }

    #[test]
    fn numbering_of_the_next_label_is_not_a_figure() {
        let text = "二、收到和处理政府信息公开申请情况\n1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n";
        let rows = read_text(text, Template::T2021);
        let secret = rows.iter().find(|r| r.0 == "refused.secret").unwrap();
        assert!(secret.1.iter().all(|c| c.as_deref() == Some("0")));
    }

    /// pdftotext -layout of a province's old form: labels wrapped over the figures' line, the
    /// website row printed before the gazette row (the national form has them the other way).
    #[test]
    fn old_form_wrapped_labels_in_their_own_order() {
        let text = "指标名称 计量单位 2017年度 历年累计\n主动公开文件数 条 2122 10037\n\
            其中：1、政府网站公\n               条 2122 10037\n开数\n\
            2、政府公报公开\n               条 0 0\n数\n\
            受理政府信息依申请公开总数 条 3 9\n";
        let rows = read_text(text, Template::T2008);
        let row = |id: &str| rows.iter().find(|r| r.0 == id).map(|r| r.1.clone());
        let both = |a: &str, b: &str| Some(vec![Some(a.to_string()), Some(b.to_string())]);
        assert_eq!(row("active.channel.website"), both("2122", "10037"));
        assert_eq!(row("active.channel.gazette"), both("0", "0"));
        assert_eq!(row("apply.received"), both("3", "9"));
    }

    #[test]
    fn a_total_another_figure_would_make_add_up_is_taken_for_figures_out_of_order() {
        let cols = schema::t2019::APPLICANTS;
        let row = |v: [&str; 7]| v.map(String::from).to_vec();
        // 2 printed after the total it belongs before: 2 + 0 + … + 19 = 21 fails, 19 adds up
        assert_eq!(
            out_of_order(&row(["13", "4", "0", "0", "0", "19", "2"]), cols).len(),
            7
        );
        // a report's own wrong total: no figure of the row is the sum of the others
        assert!(out_of_order(&row(["1", "1", "0", "0", "0", "0", "3"]), cols).is_empty());
    }

    /// A wording printed with a quarter of its characters missing (`2.其他法律行政止公开`, seen in
    /// real PDFs) is found between its neighbours: left unfound, its figures went to the rows
    /// before it, each a cell off (a fresh generated report, seed 11).
    #[test]
    fn a_wording_missing_three_of_twelve_characters_is_found_between_its_neighbours() {
        let text = "二、收到和处理政府信息公开申请情况\n1.属于国家秘密 0 0 0 0 0 0 0\n\
            2.其他法律行政止公开 1 0 0 0 0 0 1\n3.危及“三安全一稳定” 2 0 0 0 0 0 2\n";
        let row = rows_of(text, Template::T2021);
        assert_eq!(
            row("refused.law"),
            read_as(&["1", "0", "0", "0", "0", "0", "1"])
        );
        assert_eq!(
            row("refused.stability"),
            read_as(&["2", "0", "0", "0", "0", "0", "2"])
        );
    }

    /// pdftotext of 2023's table 一: the first column printed with the labels, the rest after;
    /// in text order 77 would fall to 规章 although it stands on 行政规范性文件's line. Printed
    /// column after column or in two flows (the first column with the labels), the two rows
    /// read (0 0 132) (77 0 470) or (0 0 0) (77 132 470): only the cells both give are read.
    #[test]
    fn a_figure_on_another_labels_line_leaves_the_cells_in_doubt_unread() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n\n本年制发件数 本年废止件数 现行有效件数\n\n\
            规章\n\n0\n\n行政规范性文件 77\n\n0\n\n0\n\n132\n\n470\n\n第二十条第（五）项\n信息内容\n\n本年处理决定数量\n\n行政许可\n\n2629\n";
        let row = rows_of(text, Template::T2021);
        let some = |v: &str| Some(v.to_string());
        assert_eq!(row("disclose.rules"), vec![some("0"), some("0"), None]);
        assert_eq!(
            row("disclose.normative"),
            vec![some("77"), None, some("470")]
        );
        assert_eq!(row("disclose.permit"), vec![some("2629")]);
    }

    /// Cells whose paragraphs keep a margin: pdftotext prints each row's figures a little above
    /// its label, the first row's between the header and its label; a wrapped note holds its
    /// row's figures between its lines.
    #[test]
    fn figures_printed_above_their_labels_are_their_rows() {
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然\n人\n总计\n\
            10 1 0\n0\n0\n0 11\n一、本年新收政府信息公开申请数量\n2\n0 0\n0\n0\n0 2\n\
            二、上年结转政府信息公开申请数量\n5 0 0 0 0 0 5\n（一）予以公开\n\
            （二）部分公开（区分处理的，只计这一\n3 1 0 0 0 0 4\n情形，不计其他情形）\n\
            0 0 0 0 0 0 0\n1.属于国家秘密\n";
        let row = rows_of(text, Template::T2021);
        assert_eq!(
            row("apply.new"),
            read_as(&["10", "1", "0", "0", "0", "0", "11"])
        );
        assert_eq!(
            row("apply.carried_in"),
            read_as(&["2", "0", "0", "0", "0", "0", "2"])
        );
        assert_eq!(
            row("result.granted"),
            read_as(&["5", "0", "0", "0", "0", "0", "5"])
        );
        assert_eq!(
            row("result.partial"),
            read_as(&["3", "1", "0", "0", "0", "0", "4"])
        );
        assert_eq!(row("refused.secret"), read_as(&["0"; 7]));
    }

    /// A Markdown table's rows with a group label typed one character per line in the first
    /// column (`|理<br>结<br>）<br>不|2、其他法律…|`): the `不` cell opens 2、's line, so the
    /// row before ends before it and takes no blank there; 2、's last cell, blank, ends its
    /// line before the next row's `果<br>予<br>公` cell. 2、's 0 stays under 法律服务机构.
    #[test]
    fn a_group_labels_character_opening_the_next_line_is_no_cell_of_the_row_before() {
        let text = include_str!("../../../tests/fixtures/generated/s1_26_2021.md.txt");
        let row = rows_of(text, Template::T2021);
        let blanks_then = |at: usize| -> Vec<Option<String>> {
            (0..7)
                .map(|c| Some(if c == at { "0" } else { "" }.to_string()))
                .collect()
        };
        assert_eq!(row("refused.law"), blanks_then(4));
        assert_eq!(row("refused.internal"), blanks_then(1));
    }

    /// pdftotext of a 2021 table 三: `8、属于行政查询事项` `0 0 0 0 0` (its 其他 blank, its 总计
    /// printed elsewhere), then `1、本机关不` / `掌握相关政府 1` / `信息` / `1 0 0 0 0 2`. The `1`
    /// beside the next label's middle line is that row's first figure; a reading that gives
    /// it (and the next) to 查询事项 adds up (0+…+1 = 1), but the row is left unread.
    #[test]
    fn a_figure_among_another_rows_wrapped_label_is_not_taken() {
        let text = include_str!("../../../tests/fixtures/generated/s1_05_2021.pdf.txt");
        let row = rows_of(text, Template::T2021);
        assert_eq!(row("refused.inquiry"), vec![None; 7]);
        assert_eq!(row("refused.case_file"), read_as(&["0"; 7]));
    }

    /// pdftotext of the national form with a 序号 column, a row's unit and figure printed
    /// above the heading before it (`次` `0` `二、回应解读情况` `9` `(一)回应公众关注热点…`):
    /// the figure after `1.参加或举办新闻发布会总次数` `次` is that row's, not 回应热点's.
    #[test]
    fn a_figure_after_another_rows_label_and_unit_is_not_taken() {
        let text = include_str!("../../../tests/fixtures/generated/s1_06_national.pdf.txt");
        let rows = read(&Document::new(text), Template::T2008);
        let hotspots = rows
            .iter()
            .find(|r| r.anchor.indicator.id == "respond.hotspots")
            .expect("the row is found");
        assert!(hotspots.cells.iter().all(Option::is_none));
        // `政府网站在线访谈次数` ends the next row's wrapped label too (`其中：主要负责同志参加`
        // `次` `政府网站在线访谈次数` `2`): the row is the one after its numbering `2.`
        assert_eq!(figure(&rows, "respond.interview").as_deref(), Some("6"));
        assert_eq!(
            figure(&rows, "respond.interview_leader").as_deref(),
            Some("2")
        );
    }

    /// A web copy of the national form with a 序号 column, a row's figure right above the next
    /// row's serial (`…事件等信息数` `10` `9` `主动公开招投标…`): 10 is the figure, not a
    /// serial passing over 9 (seed 7, not one the reader was mended on).
    #[test]
    fn a_figure_just_above_the_next_serial_is_the_rows() {
        let text = "统计表\n序号\n统计指标\n统计数\n一、主动公开情况\n1\n（一）主动公开政府信息数\n1379\n\
            2\n其中：主动公开规范性文件数\n31\n3\n制发规范性文件总数\n11\n\
            4\n（二）重点领域公开政府信息数\n180\n\
            5\n其中：主动公开财政预算决算、“三公经费”和行政经费信息数\n16\n\
            6\n主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数\n26\n\
            7\n主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数\n28\n\
            8\n主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数\n10\n\
            9\n主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数\n24\n\
            10\n主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数\n8\n";
        let rows = read(&Document::new(text), Template::T2008);
        assert_eq!(
            figure(&rows, "active.key.environment").as_deref(),
            Some("10")
        );
        assert_eq!(figure(&rows, "active.key.safety").as_deref(), Some("8"));
    }

    /// pdftotext of a 2021 table 三: `1、申请人无正当理由逾期不` / `补正、行政机关不再处理其政 36`
    /// / `府信息公开申请` / `3 1 1 1` (its 其他 blank, its 总计 printed elsewhere). A reading of
    /// the row without the `36` beside its label's middle line stands a column off: unread.
    #[test]
    fn a_row_that_left_the_figure_beside_its_label_is_not_read() {
        let text = include_str!("../../../tests/fixtures/generated/s1_14_2021.pdf.txt");
        let row = rows_of(text, Template::T2021);
        assert_eq!(row("other.no_correction"), vec![None; 7]);
    }

    /// MuPDF of an old form whose row lost a character (`2.同意分公开答复数`): found by its
    /// place between its neighbours and read as 同意部分公开答复数, a variant, so the next
    /// row's blank 年度 cell does not take its 历年累计 figure.
    #[test]
    fn an_old_form_row_that_lost_a_character_is_found_between_its_neighbours() {
        let text = "指标名称\n计量单位\n2010年度\n历年累计\n对申请的答复数\n条\n 1180 \n 8921 \n\
            其中:1.同意公开答复数条\n 388 \n 3425 \n2.同意分公开答复数\n条\n 306 \n 2670 \n\
            3.否决公开答复数\n条\n 2826 \n行政复议数\n条\n 0 \n 0 \n";
        let doc = Document::new(text);
        let rows = read(&doc, Template::T2008);
        let partial = rows
            .iter()
            .find(|r| r.anchor.indicator.id == "reply.partial")
            .expect("the row is found");
        assert!(partial.anchor.variant);
        let refused = rows
            .iter()
            .find(|r| r.anchor.indicator.id == "reply.refused");
        let refused_year = refused
            .and_then(|r| r.cells[0].as_ref())
            .map(|c| c.text.clone());
        assert_ne!(refused_year.as_deref(), Some("2670"));
    }

    /// pdftotext of a 2021 table 三 whose last rows' labels were printed after their figures
    /// (the group labels （五）（六）（七） wrapped in their cells): the three rows left
    /// without figures take, in order, the 21 figures between the row read before them and
    /// table 四. With a row's label missing, no row can be sure of them: none is read.
    #[test]
    fn rows_printed_after_their_figures_take_the_run_between_their_neighbours() {
        let text = include_str!("../../../tests/fixtures/generated/s1_23_2021.pdf.txt");
        let row = rows_of(text, Template::T2021);
        assert_eq!(row("other.other"), read_as(&["0"; 7]));
        assert_eq!(
            row("result.total"),
            read_as(&["28", "1", "1", "0", "3", "1", "34"])
        );
        assert_eq!(row("apply.carried_out"), read_as(&["0"; 7]));
        let without_a_label = text.replace("(3)其他", "(3)");
        let row = rows_of(&without_a_label, Template::T2021);
        assert_eq!(row("result.total"), vec![None; 7]);
    }

    /// pdftotext -layout of a group label printed one character per line (`（` `四` `）` `无` `法`
    /// `提` `供`): its `无` is no not-applicable mark of the row beside it.
    #[test]
    fn a_character_of_a_vertical_group_label_is_not_a_figure() {
        let text = "    1.本机关不掌握相关政府信息    315   9   1   1   3   3   332\n\
            （\n四\n    2.没有\n）\n    现成信\n无\n    息需要    40    2   0   0   0   0   42\n\
            法\n    另行制\n提\n      作\n供\n    3.补正后申请内容仍不明确    0   0   0   0   0   0   0\n";
        let row = rows_of(text, Template::T2021);
        assert_eq!(
            row("unable.must_create"),
            read_as(&["40", "2", "0", "0", "0", "0", "42"])
        );
    }

    /// A block of table 二 printed as its labels, then its rows' figures (three columns, then
    /// two): read row by row.
    #[test]
    fn labels_then_their_rows_figures_are_read_row_by_row() {
        let text = "二、主动公开政府信息情况\n信息内容\n规章\n规范性文件\n信息内容\n行政许可\n\
            信息内容\n行政事业性收费\n\
            第二十条第（一）项\n本年新制作数量\n本年新公开数量\n对外公开总数量\n0\n0\n2\n15\n15\n203\n\
            第二十条第（五）项\n上一年项目数量\n本年增/减\n处理决定数量\n312\n+4\n18436\n\
            第二十条第（八）项\n上一年项目数量\n本年增/减\n11\n-2\n";
        let row = rows_of(text, Template::T2019);
        assert_eq!(row("disclose2019.rules"), read_as(&["0", "0", "2"]));
        assert_eq!(row("disclose2019.normative"), read_as(&["15", "15", "203"]));
        assert_eq!(row("disclose2019.permit"), read_as(&["312", "+4", "18436"]));
        assert_eq!(row("disclose2019.fees"), read_as(&["11", "-2"]));
    }

    /// pdftotext -layout prints a blank cell as nothing: the figure stands under its column.
    #[test]
    fn a_blank_cell_of_layout_text_is_placed_by_its_columns() {
        let text = "        指标名称     计量单位   2013年度   历年累计\n\
            主动公开信息数           条     72804    76424\n\
            其中：1、网站公开         条     72804    76424\n\
               2、政府公报公开       条       0\n\
            受理依申请公开信息总数       条       0        0\n";
        let row = rows_of(text, Template::T2008);
        assert_eq!(
            row("active.channel.gazette"),
            vec![Some("0".to_string()), Some(String::new())]
        );
        assert_eq!(
            row("apply.received"),
            vec![Some("0".to_string()), Some("0".to_string())]
        );
    }
}
