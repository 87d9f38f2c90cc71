//! The Excel workbook for reviewers: a summary sheet (one row per report), and per report the
//! extracted cells with those that have findings highlighted, its findings with the dismissed
//! ones and their reasons, and the tables drawn as the template's form (表样: section and group
//! rows, indented sub-items, merged header levels, 未读出 where a cell was not read); last, every
//! report's findings in one sheet with the file, 机关 and 年度 on each row, to sort and filter.
//! Findings are named in Chinese (`合计不符`), placed as a person finds them (`表三 （一）予以公开
//! · 自然人`, the quoted words), the code last for reviewers. Pure: it returns the bytes of the
//! .xlsx file.

use crate::model::{Finding, Report, Severity, Span};
use crate::schema::layout::{self, Drawn, DrawnBlock};
use crate::schema::Template;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// One report to put in the workbook.
pub struct Entry<'a> {
    /// File name (or 粘贴的文本).
    pub name: &'a str,
    pub text: &'a str,
    /// Spans in bytes, as [`crate::check`] returns them.
    pub report: &'a Report,
    /// Dismissed findings: (index in `report.findings`, reason).
    pub dismissed: &'a [(usize, String)],
}

pub fn workbook(entries: &[Entry]) -> Result<Vec<u8>, String> {
    build(entries).map_err(|e| format!("无法生成 Excel 文件：{e}"))
}

fn build(entries: &[Entry]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F3))
        .set_border(FormatBorder::Thin);
    let summary = book.add_worksheet().set_name("汇总")?;
    write_row(
        summary,
        0,
        &[
            "文件",
            "机关",
            "年度",
            "模板",
            "读出",
            "错误",
            "警告",
            "提示",
            "已忽略",
            "状态",
        ],
        &head,
    )?;
    for (i, e) in entries.iter().enumerate() {
        summary_row(summary, i as u32 + 1, e)?;
    }
    summary.autofit();
    let mut used: Vec<String> = vec!["汇总".into()];
    for (i, e) in entries.iter().enumerate() {
        let base = sheet_name(i + 1, e);
        let table = book
            .add_worksheet()
            .set_name(unique(&mut used, format!("{base}表")))?;
        table_sheet(table, e, &head)?;
        let findings = book
            .add_worksheet()
            .set_name(unique(&mut used, format!("{base}问题")))?;
        findings_sheet(findings, e, &head)?;
        let form = book
            .add_worksheet()
            .set_name(unique(&mut used, format!("{base}表样")))?;
        form_sheet(form, e)?;
    }
    let all = book
        .add_worksheet()
        .set_name(unique(&mut used, "全部问题".to_string()))?;
    all_findings_sheet(all, entries, &head)?;
    book.save_to_buffer()
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[&str],
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, text) in cells.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *text, format)?;
    }
    Ok(())
}

fn summary_row(sheet: &mut Worksheet, row: u32, e: &Entry) -> Result<(), XlsxError> {
    let r = e.report;
    let counts = |s: Severity| {
        r.findings
            .iter()
            .enumerate()
            .filter(|(i, f)| f.severity == s && !is_dismissed(e, *i))
            .count()
    };
    sheet.write_string(row, 0, safe(e.name))?;
    sheet.write_string(row, 1, safe(r.agency.as_deref().unwrap_or("")))?;
    match r.year {
        Some(y) => sheet.write_number(row, 2, y)?,
        None => sheet.write_string(row, 2, "")?,
    };
    sheet.write_string(row, 3, r.template.unwrap_or("未识别"))?;
    // cells read of the cells the template's tables have (`154/175`), as the page's list and
    // the CLI's summary give them; empty without a table
    let (read, all) = r
        .coverage
        .iter()
        .fold((0, 0), |(a, b), c| (a + c.read, b + c.expected));
    let read = if all > 0 {
        format!("{read}/{all}")
    } else {
        String::new()
    };
    sheet.write_string(row, 4, read)?;
    sheet.write_number(row, 5, counts(Severity::Error) as f64)?;
    sheet.write_number(row, 6, counts(Severity::Warning) as f64)?;
    sheet.write_number(row, 7, counts(Severity::Info) as f64)?;
    sheet.write_number(row, 8, e.dismissed.len() as f64)?;
    // only 已检查 is a clean result: 未完整读出, 未识别模板, 不是年度报告… are not
    sheet.write_string(row, 9, r.status())?;
    Ok(())
}

fn is_dismissed(e: &Entry, index: usize) -> bool {
    e.dismissed.iter().any(|(i, _)| *i == index)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn table_sheet(sheet: &mut Worksheet, e: &Entry, head: &Format) -> Result<(), XlsxError> {
    let flagged = Format::new()
        .set_background_color(Color::RGB(0xF8D7DA))
        .set_bold();
    write_row(
        sheet,
        0,
        &[
            "位置",
            "项目",
            "列",
            "单位",
            "数值",
            "原文",
            "问题",
            "指标代码",
        ],
        head,
    )?;
    let template = e.report.template.and_then(Template::from_name);
    for (i, c) in e.report.cells.iter().enumerate() {
        let row = i as u32 + 1;
        let codes = flags(e, c.span);
        let place = template
            .and_then(|t| layout::position(t, &c.indicator, c.column.as_deref()))
            .unwrap_or_default();
        sheet.write_string(row, 0, safe(&place))?;
        sheet.write_string(row, 1, safe(&c.label))?;
        sheet.write_string(row, 2, c.column.as_deref().unwrap_or(""))?;
        sheet.write_string(row, 3, c.unit.as_deref().unwrap_or(""))?;
        let plain = Format::new();
        let fmt = if codes.is_empty() { &plain } else { &flagged };
        match c.value {
            Some(v) => sheet.write_number_with_format(row, 4, v, fmt)?,
            None => sheet.write_string_with_format(row, 4, "", fmt)?,
        };
        sheet.write_string(row, 5, safe(&c.raw))?;
        sheet.write_string(row, 6, codes.join("、"))?;
        sheet.write_string(row, 7, &c.indicator)?;
    }
    sheet.autofit();
    Ok(())
}

/// The Chinese names of the open findings whose spans touch the cell (the list sheet and the
/// form agree).
fn flags(e: &Entry, cell: Span) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for (k, f) in e.report.findings.iter().enumerate() {
        if !is_dismissed(e, k)
            && f.spans.iter().any(|s| overlaps(*s, cell))
            && !names.contains(&f.title)
        {
            names.push(f.title);
        }
    }
    names
}

struct Formats {
    caption: Format,
    head: Format,
    group: Format,
    label: Vec<Format>,
    value: Format,
    flagged: Format,
    missing: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Formats {
            caption: Format::new().set_bold(),
            head: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDE7F3)),
            group: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF4F6F9)),
            label: (0..4)
                .map(|d| cell.clone().set_text_wrap().set_indent(2 * d))
                .collect(),
            value: cell.clone(),
            flagged: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF8D7DA)),
            missing: cell.set_italic().set_font_color(Color::RGB(0x5F5F5F)),
        }
    }
}

/// The tables as the template draws them, one under the other.
fn form_sheet(sheet: &mut Worksheet, e: &Entry) -> Result<(), XlsxError> {
    let f = Formats::new();
    let Some(template) = e.report.template.and_then(Template::from_name) else {
        sheet.write_string(0, 0, "未识别统计表模板，单元格见“表”工作表。")?;
        return Ok(());
    };
    sheet.set_column_width(0, 48)?;
    let mut row = 0u32;
    for t in layout::drawn(template) {
        row = form_table(sheet, e, &t, row, &f)? + 1;
    }
    Ok(())
}

/// Writes one table from `row`; returns the row after it.
fn form_table(
    sheet: &mut Worksheet,
    e: &Entry,
    t: &Drawn,
    mut row: u32,
    f: &Formats,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, format!("{} {}", t.name, t.caption), &f.caption)?;
    row += 1;
    let width = t.blocks.iter().map(|b| b.columns.len()).max().unwrap_or(1) as u16;
    for b in &t.blocks {
        let stubs: u16 = if b.unit_column { 2 } else { 1 };
        let last = stubs + width - 1;
        if let Some(title) = b.title {
            merge(sheet, row, 0, row, last, title, &f.group)?;
            row += 1;
        }
        row = form_head(sheet, b, row, stubs, last, f)?;
        row = form_rows(sheet, e, b, row, stubs, last, f)?;
    }
    Ok(row)
}

/// Writes or merges: a one-cell "merge" is an error in the library.
fn merge(
    sheet: &mut Worksheet,
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 && c0 == c1 {
        sheet.write_string_with_format(r0, c0, text, format)?;
    } else {
        sheet.merge_range(r0, c0, r1, c1, text, format)?;
    }
    Ok(())
}

fn form_head(
    sheet: &mut Worksheet,
    b: &DrawnBlock,
    row: u32,
    stubs: u16,
    last: u16,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let levels = b.head.len() as u32;
    let stub = if b.stub.is_empty() { "项目" } else { b.stub };
    merge(sheet, row, 0, row + levels - 1, 0, stub, &f.head)?;
    if stubs == 2 {
        merge(sheet, row, 1, row + levels - 1, 1, "单位", &f.head)?;
    }
    let mut taken = vec![vec![false; b.columns.len()]; levels as usize];
    for (y, cells) in b.head.iter().enumerate() {
        let mut x = 0;
        for h in cells {
            while taken[y][x] {
                x += 1;
            }
            for line in &mut taken[y..y + h.rowspan] {
                line[x..x + h.colspan].iter_mut().for_each(|t| *t = true);
            }
            let c0 = stubs + x as u16;
            // a block narrower than the table: its last column reaches the table's edge
            let c1 = if x + h.colspan == b.columns.len() {
                last
            } else {
                c0 + h.colspan as u16 - 1
            };
            let r0 = row + y as u32;
            merge(
                sheet,
                r0,
                c0,
                r0 + h.rowspan as u32 - 1,
                c1,
                h.label,
                &f.head,
            )?;
            x += h.colspan;
        }
    }
    Ok(row + levels)
}

fn form_rows(
    sheet: &mut Worksheet,
    e: &Entry,
    b: &DrawnBlock,
    mut row: u32,
    stubs: u16,
    last: u16,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let cells = &e.report.cells;
    let find = |id: Option<&str>, col: Option<&str>| {
        cells
            .iter()
            .find(|c| Some(c.indicator.as_str()) == id && c.column.as_deref() == col)
    };
    let read: Vec<bool> = b
        .rows
        .iter()
        .map(|r| b.columns.iter().any(|&c| find(r.indicator, c).is_some()))
        .collect();
    let shown = layout::shown_rows(&b.rows, &read);
    for (i, r) in b.rows.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        if r.kind == "group" && !read[i] {
            merge(sheet, row, 0, row, last, &r.label, &f.group)?;
            row += 1;
            continue;
        }
        let label = if r.kind == "group" {
            &f.group
        } else {
            &f.label[usize::from(r.depth.min(3))]
        };
        sheet.write_string_with_format(row, 0, &r.label, label)?;
        let mut unit = r.unit;
        for (x, &col) in b.columns.iter().enumerate() {
            let c0 = stubs + x as u16;
            let c1 = if x + 1 == b.columns.len() { last } else { c0 };
            match find(r.indicator, col) {
                Some(c) => {
                    unit = c.unit.as_deref().unwrap_or(unit);
                    let fmt = if flags(e, c.span).is_empty() {
                        &f.value
                    } else {
                        &f.flagged
                    };
                    if c1 > c0 {
                        merge(sheet, row, c0, row, c1, "", fmt)?;
                    }
                    match c.value {
                        Some(v) => sheet.write_number_with_format(row, c0, v, fmt)?,
                        None => sheet.write_string_with_format(row, c0, safe(&c.raw), fmt)?,
                    };
                }
                None => merge(sheet, row, c0, row, c1, "未读出", &f.missing)?,
            }
        }
        if stubs == 2 {
            sheet.write_string_with_format(row, 1, unit, &f.value)?;
        }
        row += 1;
    }
    Ok(row)
}

/// The findings' columns after the sheet's own first ones.
const FINDING_HEAD: [&str; 9] = [
    "严重程度",
    "问题",
    "说明",
    "位置",
    "应为",
    "实为",
    "忽略原因",
    "对比报告",
    "代码",
];

fn findings_sheet(sheet: &mut Worksheet, e: &Entry, head: &Format) -> Result<(), XlsxError> {
    let mut columns = vec!["序号"];
    columns.extend(FINDING_HEAD);
    write_row(sheet, 0, &columns, head)?;
    for (i, f) in e.report.findings.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, row as f64)?;
        finding_cells(sheet, row, 1, e, i, f)?;
    }
    sheet.autofit();
    Ok(())
}

/// Every report's findings, a row each with its file, 机关 and 年度.
fn all_findings_sheet(
    sheet: &mut Worksheet,
    entries: &[Entry],
    head: &Format,
) -> Result<(), XlsxError> {
    let mut columns = vec!["文件", "机关", "年度"];
    columns.extend(FINDING_HEAD);
    write_row(sheet, 0, &columns, head)?;
    let mut row = 0;
    for e in entries {
        for (i, f) in e.report.findings.iter().enumerate() {
            row += 1;
            sheet.write_string(row, 0, safe(e.name))?;
            sheet.write_string(row, 1, safe(e.report.agency.as_deref().unwrap_or("")))?;
            match e.report.year {
                Some(y) => sheet.write_number(row, 2, y)?,
                None => sheet.write_string(row, 2, "")?,
            };
            finding_cells(sheet, row, 3, e, i, f)?;
        }
    }
    sheet.autofit();
    Ok(())
}

/// One finding's cells from column `at`, in [`FINDING_HEAD`]'s order; a dismissed one greyed,
/// with its reason.
fn finding_cells(
    sheet: &mut Worksheet,
    row: u32,
    at: u16,
    e: &Entry,
    index: usize,
    f: &Finding,
) -> Result<(), XlsxError> {
    let grey = Format::new().set_font_color(Color::RGB(0x777777));
    let plain = Format::new();
    let reason = e
        .dismissed
        .iter()
        .find(|(k, _)| *k == index)
        .map(|(_, r)| r.as_str());
    let fmt = if reason.is_some() { &grey } else { &plain };
    let severity = if reason.is_some() {
        "已忽略"
    } else {
        f.severity.zh()
    };
    sheet.write_string_with_format(row, at, severity, fmt)?;
    sheet.write_string_with_format(row, at + 1, f.title, fmt)?;
    sheet.write_string_with_format(row, at + 2, safe(&f.message), fmt)?;
    sheet.write_string_with_format(row, at + 3, safe(&f.place), fmt)?;
    if let Some(v) = f.expected {
        sheet.write_number_with_format(row, at + 4, v, fmt)?;
    }
    if let Some(v) = f.actual {
        sheet.write_number_with_format(row, at + 5, v, fmt)?;
    }
    sheet.write_string_with_format(row, at + 6, safe(reason.unwrap_or("")), fmt)?;
    let compared = f.compared_with.as_deref().unwrap_or("");
    sheet.write_string_with_format(row, at + 7, safe(compared), fmt)?;
    sheet.write_string_with_format(row, at + 8, f.code, fmt)?;
    Ok(())
}

/// A sheet name from the report: 1-石景山区2017 (Excel allows 31 characters, none of `[]:*?/\`).
fn sheet_name(n: usize, e: &Entry) -> String {
    let who: String = e
        .report
        .agency
        .as_deref()
        .unwrap_or(e.name)
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(12)
        .collect();
    let year = e.report.year.map_or(String::new(), |y| y.to_string());
    format!("{n}-{who}{year}")
}

fn unique(used: &mut Vec<String>, name: String) -> String {
    let mut candidate: String = name.chars().take(31).collect();
    let mut k = 2;
    while used.contains(&candidate) {
        let suffix = format!("~{k}");
        candidate = name
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        k += 1;
    }
    used.push(candidate.clone());
    candidate
}

/// Text that a spreadsheet would take for a formula is kept as text.
fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
