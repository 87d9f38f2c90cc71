//! The Excel workbook for reviewers: a summary sheet (one row per report), and per report the
//! extracted table with the cells that have findings highlighted, and its findings with the
//! dismissed ones and their reasons. Pure: it returns the bytes of the .xlsx file.

use crate::model::{Report, Severity, Span};
use crate::source::line_col;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

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
            "单位",
            "年度",
            "模板",
            "读出单元格",
            "错误",
            "警告",
            "提示",
            "已忽略",
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
    }
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
    sheet.write_number(row, 4, r.cells.len() as f64)?;
    sheet.write_number(row, 5, counts(Severity::Error) as f64)?;
    sheet.write_number(row, 6, counts(Severity::Warning) as f64)?;
    sheet.write_number(row, 7, counts(Severity::Info) as f64)?;
    sheet.write_number(row, 8, e.dismissed.len() as f64)?;
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
        &["指标", "项目", "列", "单位", "数值", "原文", "问题"],
        head,
    )?;
    for (i, c) in e.report.cells.iter().enumerate() {
        let row = i as u32 + 1;
        let codes: Vec<&str> = e
            .report
            .findings
            .iter()
            .enumerate()
            .filter(|(k, f)| !is_dismissed(e, *k) && f.spans.iter().any(|s| overlaps(*s, c.span)))
            .map(|(_, f)| f.code)
            .collect();
        sheet.write_string(row, 0, &c.indicator)?;
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
        sheet.write_string(row, 6, codes.join(" "))?;
    }
    sheet.autofit();
    Ok(())
}

fn findings_sheet(sheet: &mut Worksheet, e: &Entry, head: &Format) -> Result<(), XlsxError> {
    let grey = Format::new().set_font_color(Color::RGB(0x777777));
    write_row(
        sheet,
        0,
        &[
            "序号",
            "严重程度",
            "代码",
            "说明",
            "位置（行:列）",
            "应为",
            "实为",
            "忽略原因",
        ],
        head,
    )?;
    for (i, f) in e.report.findings.iter().enumerate() {
        let row = i as u32 + 1;
        let reason = e
            .dismissed
            .iter()
            .find(|(k, _)| *k == i)
            .map(|(_, r)| r.as_str());
        let plain = Format::new();
        let fmt = if reason.is_some() { &grey } else { &plain };
        let at = f.spans.first().map_or(String::new(), |s| {
            let (l, c) = line_col(e.text, s.start);
            format!("{l}:{c}")
        });
        sheet.write_number_with_format(row, 0, row as f64, fmt)?;
        sheet.write_string_with_format(
            row,
            1,
            if reason.is_some() {
                "已忽略"
            } else {
                f.severity.zh()
            },
            fmt,
        )?;
        sheet.write_string_with_format(row, 2, f.code, fmt)?;
        sheet.write_string_with_format(row, 3, safe(&f.message), fmt)?;
        sheet.write_string_with_format(row, 4, &at, fmt)?;
        if let Some(v) = f.expected {
            sheet.write_number_with_format(row, 5, v, fmt)?;
        }
        if let Some(v) = f.actual {
            sheet.write_number_with_format(row, 6, v, fmt)?;
        }
        sheet.write_string_with_format(row, 7, safe(reason.unwrap_or("")), fmt)?;
    }
    sheet.autofit();
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
