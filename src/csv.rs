//! Findings as CSV for spreadsheets: one row per finding, with the file, the agency and the
//! year on every row so that a reviewer can sort and filter many reports' findings at once.
//! Chinese headers; a UTF-8 byte-order mark, which Excel needs to read Chinese correctly.

use crate::model::{Finding, Report};

/// The columns, as a reviewer reads them.
pub const HEADER: [&str; 11] = [
    "文件",
    "机关",
    "年度",
    "严重程度",
    "问题",
    "位置",
    "说明",
    "应为",
    "实为",
    "对比报告",
    "代码",
];

/// One report's findings to list: its file name (or 粘贴的文本) and its report.
pub struct Entry<'a> {
    pub file: &'a str,
    pub report: &'a Report,
}

/// Every finding of every report, a row each, in the reports' order; a report without
/// findings still gets a row (its file, agency and year), so that none goes missing.
pub fn findings(entries: &[Entry]) -> String {
    let mut rows = Vec::new();
    for e in entries {
        let r = e.report;
        let agency = r.agency.clone().unwrap_or_default();
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        if r.findings.is_empty() {
            rows.push(clean_row(e.file, &agency, &year));
        }
        for f in &r.findings {
            rows.push(row(e.file, &agency, &year, f));
        }
    }
    table(&rows)
}

/// The CSV of rows in [`HEADER`]'s order, the header first.
pub fn table(rows: &[[String; 11]]) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, &HEADER.map(str::to_string));
    for r in rows {
        line(&mut out, r);
    }
    out
}

/// The row of a report without findings.
pub fn clean_row(file: &str, agency: &str, year: &str) -> [String; 11] {
    let mut fields: [String; 11] = Default::default();
    fields[0] = file.to_string();
    fields[1] = agency.to_string();
    fields[2] = year.to_string();
    fields[6] = "未发现问题".to_string();
    fields
}

fn row(file: &str, agency: &str, year: &str, f: &Finding) -> [String; 11] {
    let number = |v: Option<f64>| v.map(crate::rules::common::num).unwrap_or_default();
    [
        file.to_string(),
        agency.to_string(),
        year.to_string(),
        f.severity.zh().to_string(),
        f.title.to_string(),
        f.place.clone(),
        f.message.clone(),
        number(f.expected),
        number(f.actual),
        f.compared_with.clone().unwrap_or_default(),
        f.code.to_string(),
    ]
}

fn line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A field as RFC 4180 writes it; text a spreadsheet would take for a formula is kept as text.
pub fn field(f: &str) -> String {
    let f = if f.starts_with(['=', '+', '-', '@']) && crate::scan::decimal(f).is_none() {
        format!("'{f}")
    } else {
        f.to_string()
    };
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_the_file_agency_and_year() {
        let text = "某区2017年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n(二)申请办结数\t件\t5\n1.按时办结数\t件\t1\n2.延期办结数\t件\t1\n";
        let r = crate::check(text);
        assert!(!r.findings.is_empty());
        let clean = crate::check("某区2018年政府信息公开工作年度报告\n");
        let csv = findings(&[
            Entry {
                file: "a,b.txt",
                report: &r,
            },
            Entry {
                file: "c.txt",
                report: &clean,
            },
        ]);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "\u{feff}文件,机关,年度,严重程度,问题,位置,说明,应为,实为,对比报告,代码"
        );
        let rows: Vec<&str> = lines.collect();
        assert_eq!(rows.len(), r.findings.len() + clean.findings.len().max(1));
        assert!(rows[..r.findings.len()]
            .iter()
            .all(|l| l.starts_with("\"a,b.txt\",某区,2017,")));
        assert!(rows.iter().any(|l| l.contains(",合计不符,")), "{csv}");
        assert!(rows.last().unwrap().starts_with("c.txt,某区,2018,"));
        assert_eq!(field("=1+2"), "'=1+2");
        assert_eq!(field("-3"), "-3");
    }
}
