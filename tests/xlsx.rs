//! The reviewer's workbook, read back: a summary row per report, a highlighted cell, the
//! findings with dismissals and their reasons.
#![cfg(feature = "xlsx")]

use calamine::{Data, Reader, Xlsx};
use nianbao::xlsx::{workbook, Entry};
use std::io::{Cursor, Read};

const A: &str = include_str!("fixtures/seeds/001_c2e2148ac72f28cc.txt");
const B: &str = include_str!("fixtures/seeds/003_29acd3a32e0cbf6b.txt");

fn book() -> Vec<u8> {
    let (ra, rb) = (nianbao::check(A), nianbao::check(B));
    let dismissed = vec![(0usize, "费用已在正文说明".to_string())];
    workbook(&[
        Entry {
            name: "001.txt",
            text: A,
            report: &ra,
            dismissed: &dismissed,
        },
        Entry {
            name: "003.txt",
            text: B,
            report: &rb,
            dismissed: &[],
        },
    ])
    .unwrap()
}

fn text(d: &Data) -> String {
    d.to_string()
}

#[test]
fn summary_has_one_row_per_report_with_counts() {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(book())).unwrap();
    assert_eq!(x.sheet_names()[0], "汇总");
    assert_eq!(
        x.sheet_names().len(),
        8,
        "汇总, then 表, 问题 and 表样 per report, then 全部问题"
    );
    assert_eq!(x.sheet_names()[7], "全部问题");
    let sheet = x.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "001.txt");
    assert_eq!(rows[1][1], "陶然亭街道");
    assert_eq!(rows[1][8], "1", "one dismissed");
    assert_eq!(rows[2][0], "003.txt");
}

/// The 汇总 tells a partial read from a clean one as the page's list and the CLI's summary do:
/// 读出 as cells read of the cells the tables have, 状态 in the page's words.
#[test]
fn summary_says_how_much_was_read_and_what_the_check_amounts_to() {
    let full = include_str!("fixtures/real/2022_pingtan_zonghe_shiyanqu.web.txt");
    let cut = &full[..full.find("（五）不予处理").unwrap()];
    let letter = "关于报送2023年政府信息公开工作年度报告的通知\n请于2024年1月31日前报送。\n";
    let reports: Vec<(&str, &str, nianbao::Report)> =
        [("whole", A), ("cut", cut), ("letter", letter)]
            .into_iter()
            .map(|(n, t)| (n, t, nianbao::check(t)))
            .collect();
    let entries: Vec<Entry> = reports
        .iter()
        .map(|(name, text, report)| Entry {
            name,
            text,
            report,
            dismissed: &[],
        })
        .collect();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(workbook(&entries).unwrap())).unwrap();
    let sheet = x.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(rows[0][4], "读出");
    assert_eq!(rows[0][9], "状态");
    let status: Vec<&str> = rows[1..].iter().map(|r| r[9].as_str()).collect();
    assert_eq!(status, ["已检查", "未完整读出", "不是年度报告"]);
    let read = |r: &[String]| -> (u32, u32) {
        let (a, b) = r[4].split_once('/').unwrap();
        (a.parse().unwrap(), b.parse().unwrap())
    };
    let (a, b) = read(&rows[1]);
    assert_eq!(a, b, "{:?}", rows[1]);
    let (a, b) = read(&rows[2]);
    assert!(a < b, "{:?}", rows[2]);
    assert_eq!(rows[3][4], "", "no table, nothing to count");
}

#[test]
fn findings_sheet_lists_dismissals_with_reasons() {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(book())).unwrap();
    let name = x.sheet_names()[2].clone();
    assert!(name.ends_with("问题"), "{name}");
    let sheet = x.worksheet_range(&name).unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(rows[1][1], "已忽略");
    assert_eq!(rows[1][7], "费用已在正文说明");
    // the Chinese name leads, the code comes last
    assert!(rows
        .iter()
        .any(|r| r[2] == "正文与统计表不符" && r[9] == "prose-table-mismatch"));
    assert_eq!(
        rows[0],
        [
            "序号",
            "严重程度",
            "问题",
            "说明",
            "位置",
            "应为",
            "实为",
            "忽略原因",
            "对比报告",
            "代码"
        ]
    );
    assert!(
        rows.iter()
            .all(|r| !r[4].contains('行') || !r[4].contains(':')),
        "no line numbers"
    );
}

#[test]
fn all_findings_name_their_file_agency_and_year() {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(book())).unwrap();
    let sheet = x.worksheet_range("全部问题").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(&rows[0][..4], ["文件", "机关", "年度", "严重程度"]);
    let (ra, rb) = (nianbao::check(A), nianbao::check(B));
    assert_eq!(rows.len(), 1 + ra.findings.len() + rb.findings.len());
    assert!(rows[1..]
        .iter()
        .all(|r| !r[0].is_empty() && !r[1].is_empty() && r[2] == "2017"));
    assert!(rows.iter().any(|r| r[0] == "003.txt" && r[4] == "未填写"));
}

#[test]
fn findings_name_their_cell_as_a_reviewer_does() {
    let r = nianbao::check(SAMPLE);
    let bytes = workbook(&[Entry {
        name: "x.txt",
        text: SAMPLE,
        report: &r,
        dismissed: &[],
    }])
    .unwrap();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[2].clone();
    let sheet = x.worksheet_range(&name).unwrap();
    let refs: Vec<String> = sheet.rows().skip(1).map(|r| text(&r[4])).collect();
    // the sample's wrong （一）予以公开 of 自然人
    assert!(
        refs.iter().any(|r| r == "表三 （一）予以公开 · 自然人"),
        "{refs:?}"
    );
}

#[test]
fn cells_with_findings_are_highlighted() {
    let bytes = book();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("FFF8D7DA"), "the highlight fill exists");
    // 003's table sheet: the blank 5.其他方式回应事件数 has a finding, so its value cell is styled
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(book())).unwrap();
    let name = x.sheet_names()[4].clone();
    let range = x.worksheet_range(&name).unwrap();
    let row = range
        .rows()
        .position(|r| text(&r[1]).contains("其他方式回应事件数"))
        .unwrap();
    let flagged = range.rows().nth(row).unwrap();
    assert_eq!(text(&flagged[6]), "未填写");
    assert!(text(&flagged[0]).starts_with("统计表 "), "{:?}", flagged[0]);
    // the value cell of that row carries a style that an unflagged value cell does not
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet5.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let style_of = |cell: &str| -> Option<String> {
        let at = sheet.find(&format!("<c r=\"{cell}\""))?;
        let tag = &sheet[at..at + sheet[at..].find('>')?];
        tag.split("s=\"")
            .nth(1)
            .map(|s| s.split('"').next().unwrap_or("").to_string())
    };
    let flagged_style = style_of(&format!("E{}", row + 1));
    assert!(flagged_style.is_some());
    assert_ne!(
        flagged_style,
        style_of("E2"),
        "an unflagged value cell looks different"
    );
}

const SAMPLE: &str = include_str!("../www/sample.txt");
const R2019: &str = include_str!("fixtures/web/national-2019.txt");

/// A merged region: (first row, first col, last row, last col).
type Merged = (u32, u32, u32, u32);

/// The 表样 sheet's rows as text, and its merged regions.
fn form(text: &str) -> (Vec<Vec<String>>, Vec<Merged>) {
    let r = nianbao::check(text);
    let bytes = workbook(&[Entry {
        name: "x.txt",
        text,
        report: &r,
        dismissed: &[],
    }])
    .unwrap();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[3].clone();
    assert!(name.ends_with("表样"), "{name}");
    x.load_merged_regions().unwrap();
    let merged = x
        .merged_regions_by_sheet(&name)
        .iter()
        .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    let range = x.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| r.iter().map(text_of).collect())
        .collect();
    (rows, merged)
}

fn text_of(d: &Data) -> String {
    d.to_string()
}

fn row_of(rows: &[Vec<String>], label: &str) -> u32 {
    rows.iter()
        .position(|r| r[0] == label)
        .unwrap_or_else(|| panic!("no row {label}")) as u32
}

#[test]
fn the_form_sheet_draws_table_three_as_the_template() {
    let (rows, merged) = form(SAMPLE);
    let spans = |label: &str| {
        let r = row_of(&rows, label);
        merged.iter().copied().find(|m| m.0 == r && m.1 == 0)
    };
    // group rows: their label over the seven value columns (A to H), no value of their own
    for g in [
        "三、本年度办理结果",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ] {
        let r = row_of(&rows, g);
        assert_eq!(spans(g), Some((r, 0, r, 7)), "{g}");
    }
    // each 1. under its own group
    assert_eq!(
        row_of(&rows, "1.本机关不掌握相关政府信息"),
        row_of(&rows, "（四）无法提供") + 1
    );
    assert_eq!(
        row_of(&rows, "1.信访举报投诉类申请"),
        row_of(&rows, "（五）不予处理") + 1
    );
    // header levels: 申请人情况 over seven columns, 法人或其他组织 over five, 自然人 two rows high
    let head = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "申请人情况"))
        .unwrap() as u32;
    assert!(merged.contains(&(head, 1, head, 7)), "{merged:?}");
    assert!(merged.contains(&(head + 1, 2, head + 1, 6)), "{merged:?}");
    assert!(merged.contains(&(head + 1, 1, head + 2, 1)), "{merged:?}");
    assert_eq!(rows[head as usize + 2][2], "商业企业");
    // the stub header spans the three header rows
    assert!(merged.contains(&(head, 0, head + 2, 0)));
    let four = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "未经复议直接起诉"))
        .unwrap();
    assert!(rows[four - 1].iter().any(|c| c == "行政诉讼"));
}

#[test]
fn the_form_sheet_marks_cells_not_read() {
    let text = SAMPLE.replace("2.重复申请\t1\t0\t0\t0\t0\t0\t1\n", "");
    assert_ne!(text, SAMPLE);
    let (rows, _) = form(&text);
    let r = &rows[row_of(&rows, "2.重复申请") as usize];
    assert_eq!(
        r[1..8].iter().filter(|c| *c == "未读出").count(),
        7,
        "{r:?}"
    );
}

#[test]
fn the_form_sheet_of_2019_and_2008() {
    let (rows, _) = form(R2019);
    let titles = rows.iter().filter(|r| r[0].starts_with("第二十条")).count();
    assert_eq!(titles, 5);
    let other = &rows[row_of(&rows, "（六）其他处理") as usize];
    assert!(
        other[1..8].iter().all(|c| c.parse::<f64>().is_ok()),
        "{other:?}"
    );
    let (rows, merged) = form(A);
    let sections: Vec<&str> = [
        "一、主动公开情况",
        "二、回应解读情况",
        "三、依申请公开情况",
        "八、机构建设和保障经费情况",
        "九、政府信息公开会议和培训情况",
    ]
    .into_iter()
    .filter(|s| {
        let r = row_of(&rows, s);
        merged.contains(&(r, 0, r, 2))
    })
    .collect();
    assert_eq!(sections.len(), 5, "sections span label, unit and value");
    assert!(row_of(&rows, "四、行政复议数量") < row_of(&rows, "五、行政诉讼数量"));
    let secret = &rows[row_of(&rows, "其中：涉及国家秘密") as usize];
    assert_eq!(secret[1], "件", "the 单位 column");
}
