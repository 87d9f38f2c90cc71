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
    assert_eq!(x.sheet_names().len(), 5);
    let sheet = x.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "001.txt");
    assert_eq!(rows[1][1], "陶然亭街道");
    assert_eq!(rows[1][8], "1", "one dismissed");
    assert_eq!(rows[2][0], "003.txt");
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
    assert!(rows.iter().any(|r| r[2] == "unit-suspicious"));
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
    let name = x.sheet_names()[3].clone();
    let range = x.worksheet_range(&name).unwrap();
    let row = range
        .rows()
        .position(|r| text(&r[1]).contains("其他方式回应事件数"))
        .unwrap();
    let flagged = range.rows().nth(row).unwrap();
    assert_eq!(text(&flagged[6]), "blank-value");
    // the value cell of that row carries a style that an unflagged value cell does not
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet4.xml")
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
