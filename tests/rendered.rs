//! Reports written as portals publish them (`tests/fixtures/rendered/make_report.py` and
//! `make_more.py`: cells holding paragraphs, group labels in merged cells, labels that wrap)
//! with injected errors, rendered by `shared/tools/render.js` with the real tools (Chromium's
//! text of the page, pdftotext of its PDF with and without -layout). Every rendering gives
//! those errors, or says which rows it could not read; never a false finding.

use nianbao::{check, Severity};

const KINDS: [&str; 3] = ["web", "pdf", "pdflayout"];

fn rendered(report: &str, kind: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/rendered/{report}.{kind}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("rendering")
}

fn rendering(kind: &str) -> String {
    rendered("report2021", kind)
}

fn serious(r: &nianbao::Report) -> Vec<(&'static str, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.code, f.message.clone()))
        .collect()
}

fn names_the_wrong_row(message: &str) -> bool {
    message.contains("本机关不掌握相关政府信息") && message.contains('6') && message.contains('5')
}

#[test]
fn web_copy_and_pdf_layout_text_give_exactly_the_wrong_total() {
    for kind in ["web", "pdflayout"] {
        let r = check(&rendering(kind));
        let found = serious(&r);
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
        assert_eq!(found[0].0, "sum-mismatch", "{kind}: {found:?}");
        assert!(names_the_wrong_row(&found[0].1), "{kind}: {found:?}");
        assert_eq!(r.cells.len(), 200, "{kind}: every cell read");
    }
}

/// pdftotext without -layout loses one figure of table 三 of this PDF (174 of 175 are in
/// its text): the wrong total is still found, and the table is reported incomplete.
#[test]
fn pdf_text_gives_the_wrong_total_and_says_what_it_could_not_read() {
    let r = check(&rendering("pdf"));
    let found = serious(&r);
    assert!(
        found
            .iter()
            .any(|(code, m)| *code == "sum-mismatch" && names_the_wrong_row(m)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(code, _)| *code == "sum-mismatch" || *code == "table-incomplete"),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|(c, _)| *c == "sum-mismatch").count(),
        1,
        "{found:?}"
    );
}

/// The cells read, as (indicator, column, raw text), sorted (readings differ in order).
fn cells(r: &nianbao::Report) -> Vec<(String, Option<String>, String)> {
    let mut out: Vec<_> = r
        .cells
        .iter()
        .map(|c| (c.indicator.clone(), c.column.clone(), c.raw.clone()))
        .collect();
    out.sort();
    out
}

/// What the old form's defects may be reported as: the wrong total (as a sum or as a part
/// larger than its whole), the blank, and rows a rendering could not read.
const EXPECTED_2008: [&str; 4] = [
    "sum-mismatch",
    "part-exceeds-whole",
    "blank-value",
    "table-incomplete",
];

/// The old national 统计表 with “（二）申请办结数” 23 over 按时 20 + 延期 2, and the cell of
/// “3.政策解读稿件发布数” left empty.
fn names_the_closed_total(m: &str) -> bool {
    m.contains("申请办结数") && m.contains("23") && m.contains("22")
}

#[test]
fn old_form_gives_the_wrong_total_and_the_blank_in_every_rendering() {
    for kind in KINDS {
        let found = serious(&check(&rendered("report2008", kind)));
        let sums: Vec<_> = found
            .iter()
            .filter(|(c, _)| *c == "sum-mismatch" || *c == "part-exceeds-whole")
            .collect();
        assert_eq!(sums.len(), 1, "{kind}: {found:?}");
        assert!(names_the_closed_total(&sums[0].1), "{kind}: {found:?}");
        // the blank: as a blank where the text shows the empty cell, else as a row unread
        let blank = |code: &str| {
            found
                .iter()
                .any(|(c, m)| *c == code && m.contains("政策解读稿件发布数"))
        };
        assert!(
            blank("blank-value") || blank("table-incomplete"),
            "{kind}: {found:?}"
        );
        // nothing else
        let others = found
            .iter()
            .filter(|(c, _)| !EXPECTED_2008.contains(c))
            .count();
        assert_eq!(others, 0, "{kind}: {found:?}");
        assert_eq!(found.len(), 2, "{kind}: {found:?}");
    }
}

/// Chromium's copy keeps the empty cell between tabs, and -layout prints the unit with nothing
/// after it on the row's own line: both read every cell, the blank as a blank. (-layout also
/// prints the 2.5 of the wrapped “（四）政府信息公开专项经费” between the label's lines.)
#[test]
fn old_form_web_and_layout_text_read_every_cell_alike() {
    let web = check(&rendered("report2008", "web"));
    let layout = check(&rendered("report2008", "pdflayout"));
    assert_eq!(web.cells.len(), 58);
    assert_eq!(cells(&web), cells(&layout));
    let budget = web.cells.iter().find(|c| c.indicator == "org.budget");
    assert_eq!(budget.map(|c| c.raw.as_str()), Some("2.5"));
    let found = serious(&web);
    assert!(found.iter().any(|(c, _)| *c == "blank-value"), "{found:?}");
}

/// pdftotext without -layout prints the label cells of rows near the tall (two-paragraph)
/// labels in a flow of their own, apart from the units and figures (`条 1260 条 12` before the
/// first label, `件 8` after the next row's label, the blank's `篇` with nothing after it): the
/// run of units and figures, in the rows' order, reads every cell as the web copy does.
#[test]
fn old_form_pdf_text_reads_the_figures_printed_apart_from_their_labels() {
    let web = check(&rendered("report2008", "web"));
    let pdf = check(&rendered("report2008", "pdf"));
    assert_eq!(cells(&pdf), cells(&web));
    let found = serious(&pdf);
    let blanks: Vec<_> = found.iter().filter(|(c, _)| *c == "blank-value").collect();
    assert_eq!(blanks.len(), 1, "{found:?}");
    assert!(blanks[0].1.contains("政策解读稿件发布数"), "{found:?}");
}

/// The 2019 trial format (2020 report) with “四、结转下年度继续办理” one too many in the 自然人
/// column (and so in 总计): one balance-mismatch, the same 198 cells in every rendering.
#[test]
fn trial_format_gives_exactly_the_balance_error_in_every_rendering() {
    let web = cells(&check(&rendered("report2019", "web")));
    for kind in KINDS {
        let r = check(&rendered("report2019", kind));
        let found = serious(&r);
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
        assert_eq!(found[0].0, "balance-mismatch", "{kind}: {found:?}");
        assert!(found[0].1.contains("自然人"), "{kind}: {found:?}");
        assert_eq!(r.cells.len(), 198, "{kind}: every cell read");
        assert_eq!(cells(&r), web, "{kind}: the same cells as the web copy");
    }
    let raw = |id: &str, col: &str| {
        web.iter()
            .find(|(i, c, _)| i == id && c.as_deref() == Some(col))
            .map(|(_, _, v)| v.clone())
    };
    // （六）其他处理 is one row with figures of its own; table 二 has the 2019 columns
    assert_eq!(raw("result.other", "总计").as_deref(), Some("2"));
    assert_eq!(raw("apply.carried_out", "自然人").as_deref(), Some("3"));
    assert_eq!(
        raw("disclose2019.procurement", "采购总金额").as_deref(),
        Some("356.8")
    );
    assert_eq!(
        raw("disclose2019.penalty", "本年增/减").as_deref(),
        Some("-2")
    );
}

/// A 2020 report in the 2019 format whose cells hold Word's `<p style="margin:0pt">`
/// (report2020above.html, rendered by render.js like the others): pdftotext
/// prints each row's figures a little above its label (`1180 37 2 5 11 8 1243` before
/// `一、本年新收…`), table 二 as all its labels then all its figures, and the last figures of
/// table 四 after the sections that follow it. Injected: 法律服务机构's balance is one off.
/// Web copy and -layout read every cell; pdftotext reads table 三 with the figures above
/// their labels, finds the balance error, and reports what it could not place (the two rows
/// with a figure after the label, table 四) instead of reading them wrong.
#[test]
fn figures_printed_above_their_labels_are_their_rows() {
    let web = check(&rendered("report2020above", "web"));
    let layout = check(&rendered("report2020above", "pdflayout"));
    assert_eq!(web.cells.len(), 198);
    assert_eq!(cells(&layout), cells(&web));
    let pdf = check(&rendered("report2020above", "pdf"));
    let found = serious(&pdf);
    let balance: Vec<_> = found
        .iter()
        .filter(|(c, _)| *c == "balance-mismatch")
        .collect();
    assert_eq!(balance.len(), 1, "{found:?}");
    assert!(balance[0].1.contains("法律服务机构"), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(c, _)| matches!(*c, "balance-mismatch" | "table-incomplete")),
        "{found:?}"
    );
    // every cell read is the web copy's
    let web_cells = cells(&web);
    for c in cells(&pdf) {
        assert!(web_cells.contains(&c), "{c:?} not in the web copy");
    }
    // table 三 less its two rows in doubt (14 cells), table 四 (15) and the table 二 row that
    // ends a page (2: pdftotext gives such a row's figures in the order they were drawn) unread
    assert!(pdf.cells.len() >= 167, "{} cells", pdf.cells.len());
}

/// Chromium's copy of an old national form whose label cells hold paragraphs: the unit and the
/// figure on a line of their own after the label (`2.同意公开答复数` / `\t件\t9`). The unit is the
/// row's, not a word of its label (which read `2.同意公开答复数件` as 不同意公开答复数).
#[test]
fn a_unit_opening_the_line_under_its_label_is_the_rows_unit() {
    let text = "统计指标\t单位\t统计数\n\n\n三、依申请公开情况\n\n\t\t\n\n\n\
        （三）申请答复数\n\n（注：含本年度结转下年度办理的申请）\n\n\t件\t23\n\n\n\
        1.属于已主动公开范围数\n\n\t件\t5\n\n\n2.同意公开答复数\n\n\t件\t9\n\n\n\
        3.同意部分公开答复数\n\n\t件\t2\n\n\n4.不同意公开答复数（具体情形见下）\n\n\t件\t3\n\n\n\
        5.不属于本行政机关公开数\n\n\t件\t2\n\n\n6.申请信息不存在数\n\n\t件\t1\n\n\n\
        7.告知作出更改补充数\n\n\t件\t1\n\n\n8.告知通过其他途径办理数\n\n\t件\t0\n";
    let r = check(text);
    let raw = |id: &str| {
        r.cells
            .iter()
            .find(|c| c.indicator == id)
            .map(|c| (c.label.clone(), c.raw.clone()))
    };
    assert_eq!(
        raw("reply.granted"),
        Some(("2.同意公开答复数".into(), "9".into()))
    );
    assert_eq!(
        raw("reply.refused").map(|x| x.1),
        Some("3".to_string()),
        "{:?}",
        r.cells
    );
    assert!(serious(&r).is_empty(), "{:?}", serious(&r));
}

/// A 2021 report with group labels printed one character per line (`三、本年度办理结果`, `（四）无法
/// 提供`…) and cells holding paragraphs (report2021vertical.html, rendered by render.js).
/// Injected: （七）总计 自然人 10 too many, the cell 2.重复申请 / 商业企业 left empty. In `-layout`
/// the group label's `无` is no figure and the row short of a figure is placed by the full rows
/// beside it: every cell read is the web copy's, the empty cell found as a blank. In the web
/// copy the empty cell is two tabs with nothing between them (`\t\t`), kept in its place.
#[test]
fn vertical_group_labels_and_a_blank_cell_stay_where_printed() {
    let web = check(&rendered("report2021vertical", "web"));
    assert_eq!(web.cells.len(), 200);
    let layout = check(&rendered("report2021vertical", "pdflayout"));
    let blank = layout
        .cells
        .iter()
        .find(|c| c.indicator == "not_processed.repeat" && c.raw.is_empty())
        .and_then(|c| c.column.clone());
    assert_eq!(blank.as_deref(), Some("商业企业"));
    let web_cells = cells(&web);
    for c in cells(&layout) {
        let blank_here = c.0 == "not_processed.repeat";
        assert!(
            blank_here || web_cells.contains(&c),
            "{c:?} not in the web copy"
        );
    }
    assert!(layout.cells.len() >= 190, "{}", layout.cells.len());
}
