//! 2019 and 2021 national formats: every layout, consistent and with one injected error each.

mod support;

use nianbao::schema::t2019::APPLICANTS;
use nianbao::{Finding, Report, Severity};
use support::{Layout, National, LAYOUTS};

fn serious(r: &Report) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect()
}

fn value(r: &Report, id: &str, column: Option<&str>) -> Option<f64> {
    r.cells
        .iter()
        .find(|c| c.indicator == id && c.column.as_deref() == column)
        .and_then(|c| c.value)
}

fn describe(r: &Report) -> String {
    r.findings
        .iter()
        .map(|f| format!("  {} {}: {}\n", f.severity.as_str(), f.code, f.message))
        .collect()
}

fn assert_cells(n: &National, r: &Report, layout: Layout) {
    for (id, label, _, values) in &n.apply {
        for (k, column) in APPLICANTS.iter().enumerate() {
            if n.blanks.contains(&(*id, k)) {
                continue;
            }
            assert_eq!(
                value(r, id, Some(column)),
                Some(values[k] as f64),
                "{layout:?}: {label} / {column}"
            );
        }
    }
    let review = nianbao::schema::indicator("review_lawsuit")
        .unwrap()
        .columns
        .names();
    for (k, column) in review.iter().enumerate() {
        assert_eq!(
            value(r, "review_lawsuit", Some(column)),
            Some(n.review[k] as f64),
            "{layout:?}: 表四 {column}"
        );
    }
    let (permit, column) = if n.t2021 {
        ("disclose.permit", "本年处理决定数量")
    } else {
        ("disclose2019.permit", "本年增/减")
    };
    let expected = if n.t2021 { 120.0 } else { -3.0 };
    assert_eq!(
        value(r, permit, Some(column)),
        Some(expected),
        "{layout:?}: 表二 行政许可"
    );
}

#[test]
fn consistent_reports_read_fully_with_no_finding_in_every_layout() {
    for t2021 in [false, true] {
        for &layout in LAYOUTS {
            let n = National::new(t2021);
            let r = nianbao::check(&n.report(layout));
            assert_eq!(
                r.template,
                Some(if t2021 { "2021" } else { "2019" }),
                "{layout:?}"
            );
            assert_eq!(r.year, Some(n.year));
            assert_cells(&n, &r, layout);
            assert!(
                serious(&r).is_empty(),
                "{layout:?} 2021={t2021}: unexpected findings\n{}",
                describe(&r)
            );
        }
    }
}

/// Changes one figure, then expects exactly one error or warning, of `code`, whose first span
/// is the changed cell.
fn expect_one(mutate: impl Fn(&mut National), code: &str, cell: (&str, &str), layouts: &[Layout]) {
    for t2021 in [false, true] {
        for &layout in layouts {
            let mut n = National::new(t2021);
            mutate(&mut n);
            let text = n.report(layout);
            let r = nianbao::check(&text);
            let found = serious(&r);
            assert_eq!(
                found.len(),
                1,
                "{layout:?} 2021={t2021}: expected one {code}\n{}",
                describe(&r)
            );
            assert_eq!(
                found[0].code,
                code,
                "{layout:?} 2021={t2021}\n{}",
                describe(&r)
            );
            let target = r
                .cells
                .iter()
                .find(|c| c.indicator == cell.0 && c.column.as_deref() == Some(cell.1))
                .expect("cell read");
            assert_eq!(
                found[0].spans[0],
                target.span,
                "{layout:?} 2021={t2021}: culprit\n{}",
                describe(&r)
            );
        }
    }
}

#[test]
fn a_wrong_row_total_is_one_finding_on_that_cell() {
    expect_one(
        |n| n.set("result.granted", 6, n.get("result.granted", 6) + 1),
        "sum-mismatch",
        ("result.granted", "总计"),
        LAYOUTS,
    );
}

#[test]
fn a_wrong_sub_row_is_one_finding_on_that_cell() {
    expect_one(
        |n| n.set("refused.secret", 0, n.get("refused.secret", 0) + 2),
        "sum-mismatch",
        ("refused.secret", "自然人"),
        LAYOUTS,
    );
}

#[test]
fn a_wrong_grand_total_is_one_finding_not_nine() {
    expect_one(
        |n| n.set("result.total", 0, n.get("result.total", 0) + 1),
        "sum-mismatch",
        ("result.total", "自然人"),
        LAYOUTS,
    );
}

#[test]
fn a_balance_error_is_one_finding() {
    // the carry-over row stays consistent in itself (its 总计 moves too): only the balance breaks
    expect_one(
        |n| {
            n.set("apply.carried_out", 3, n.get("apply.carried_out", 3) + 1);
            n.set("apply.carried_out", 6, n.get("apply.carried_out", 6) + 1);
        },
        "balance-mismatch",
        ("apply.carried_out", "社会公益组织"),
        LAYOUTS,
    );
}

#[test]
fn a_wrong_review_total_is_one_finding() {
    expect_one(
        |n| n.review[4] += 1,
        "sum-mismatch",
        ("review_lawsuit", "行政复议-总计"),
        LAYOUTS,
    );
}

#[test]
fn a_blank_cell_is_one_warning() {
    let keeps: Vec<Layout> = LAYOUTS
        .iter()
        .copied()
        .filter(|l| l.keeps_blanks())
        .collect();
    expect_one(
        |n| n.blanks.push(("unable.not_held", 1)),
        "blank-value",
        ("unable.not_held", "商业企业"),
        &keeps,
    );
}

/// Writes the fixtures out for looking at: `NIANBAO_DUMP=dir cargo test --test national dump`.
#[test]
fn dump() {
    let Ok(dir) = std::env::var("NIANBAO_DUMP") else {
        return;
    };
    for t2021 in [false, true] {
        for &layout in LAYOUTS {
            let path = format!("{dir}/{}-{layout:?}.txt", if t2021 { 2021 } else { 2019 });
            std::fs::write(path, National::new(t2021).report(layout)).unwrap();
        }
    }
}

fn only(r: &Report, code: &str) -> bool {
    let s = serious(r);
    s.len() == 1 && s[0].code == code
}

/// Where the empty cells are printed (tabs, pipes) the blanks are read in place; in PDF text
/// they leave no trace, and a lone figure could stand in any column: those rows are not read,
/// and the table is said to be incomplete (a guess that it is the 总计 would read it wrong if the
/// report filled another column).
#[test]
fn a_report_that_fills_only_the_total_column_gets_one_warning() {
    let mut n = National::new(true);
    let ids: Vec<&str> = n.apply.iter().map(|r| r.0).collect();
    for id in ids {
        for k in 0..6 {
            n.blanks.push((id, k));
        }
    }
    let r = nianbao::check(&n.report(Layout::Pdf));
    assert!(only(&r, "table-incomplete"), "{}", describe(&r));
    assert_eq!(value(&r, "result.total", Some("总计")), None);
    for layout in [Layout::TabRow, Layout::Markdown] {
        let mut n = National::new(true);
        let ids: Vec<&str> = n.apply.iter().map(|r| r.0).collect();
        for id in ids {
            for k in 0..6 {
                n.blanks.push((id, k));
            }
        }
        let r = nianbao::check(&n.report(layout));
        assert!(only(&r, "blank-value"), "{layout:?}\n{}", describe(&r));
        // read whole, the table's six blank columns are one finding
        let blanks: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.code == "blank-value")
            .collect();
        assert!(
            blanks.len() == 1 && blanks[0].message.contains("列整列未填写"),
            "{layout:?}\n{}",
            describe(&r)
        );
        assert_eq!(
            value(&r, "result.total", Some("总计")),
            Some(n.get("result.total", 6) as f64),
            "{layout:?}"
        );
    }
}

#[test]
fn an_all_zero_report_is_clean() {
    let mut n = National::new(true);
    for row in &mut n.apply {
        row.3 = [0; 7];
    }
    n.review = [0; 15];
    for &layout in LAYOUTS {
        let r = nianbao::check(&n.report(layout));
        assert!(serious(&r).is_empty(), "{layout:?}\n{}", describe(&r));
        assert_eq!(
            value(&r, "result.total", Some("总计")),
            Some(0.0),
            "{layout:?}"
        );
    }
}

#[test]
fn a_table_printed_twice_is_read_once() {
    let n = National::new(true);
    let text = n.report(Layout::TabRow);
    let table = text
        .split("三、收到和处理政府信息公开申请情况\n")
        .nth(1)
        .unwrap()
        .split("四、政府信息公开行政复议")
        .next()
        .unwrap();
    let twice = format!("{text}附：统计表\n{table}");
    let r = nianbao::check(&twice);
    assert!(serious(&r).is_empty(), "{}", describe(&r));
    assert_cells(&n, &r, Layout::TabRow);
}

#[test]
fn pdf_quirks_read_the_same() {
    for t2021 in [false, true] {
        let n = National::new(t2021);
        let text = n
            .report(Layout::Pdf)
            .replace("1.属于国家秘密", "1、属于国家秘密")
            .replace("2.重复申请", "2、重复申请")
            .replace("商业企业 科研机构", "商 业 企\n业 科研机构");
        let r = nianbao::check(&text);
        assert_cells(&n, &r, Layout::Pdf);
        assert!(serious(&r).is_empty(), "{}", describe(&r));
    }
}

#[test]
fn a_2021_report_with_the_single_other_row_is_read_and_warned() {
    let mut n = National::new(false);
    n.t2021 = true;
    n.year = 2022;
    let r = nianbao::check(&n.report(Layout::TabRow));
    assert_eq!(r.template, Some("2021"));
    assert_eq!(
        value(&r, "result.other", Some("总计")),
        Some(n.get("result.other", 6) as f64)
    );
    assert!(only(&r, "template-mismatch"), "{}", describe(&r));
}

#[test]
fn glued_digits_are_split_by_the_row_total() {
    let n = National::new(true);
    let text = n.report(Layout::TabRow).replacen(
        "一、本年新收政府信息公开申请数量\t64\t0\t0\t2\t0\t4\t70",
        "一、本年新收政府信息公开申请数量640020470",
        1,
    );
    let r = nianbao::check(&text);
    assert_cells(&n, &r, Layout::TabRow);
    assert!(serious(&r).is_empty(), "{}", describe(&r));
    assert!(r.findings.iter().any(|f| f.code == "row-reconstructed"));
}

#[test]
fn misspelled_labels_are_read_with_a_note() {
    let n = National::new(true);
    let text = n
        .report(Layout::Pdf)
        .replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开");
    let r = nianbao::check(&text);
    assert_cells(&n, &r, Layout::Pdf);
    assert!(serious(&r).is_empty(), "{}", describe(&r));
    assert!(r.findings.iter().any(|f| f.code == "label-variant"));
}
