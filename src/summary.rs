//! `nianbao check --summary`: one row per file, as an aligned table for people or as CSV for
//! spreadsheets. Part of the `nianbao` binary only.

/// What the summary says about one file.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<u32>,
    pub template: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Cells read and cells the template's tables have (`None`: no table).
    pub read: Option<(usize, usize)>,
    /// What the check amounts to ([`nianbao::Report::status`]): 已检查 only when every cell
    /// was read and checked, else 未完整读出, 未识别模板, 不是年度报告…, as the page's list says.
    pub status: &'static str,
    /// Why the file could not be checked; `None` when it was.
    pub failure: Option<String>,
}

/// The columns, as the table and the CSV head them (and `--help` lists them).
pub const HEADER: [&str; 9] = [
    "文件", "机关", "年度", "模板", "错误", "警告", "提示", "读出", "状态",
];

impl Row {
    fn fields(&self) -> [String; 9] {
        let opt = |s: Option<String>| s.unwrap_or_default();
        let checked = self.failure.is_none();
        let count = |n: usize| {
            if checked {
                n.to_string()
            } else {
                String::new()
            }
        };
        [
            self.file.clone(),
            opt(self.agency.clone()),
            opt(self.year.map(|y| y.to_string())),
            opt(self.template.map(str::to_string)),
            count(self.errors),
            count(self.warnings),
            count(self.infos),
            opt(self.read.map(|(read, all)| format!("{read}/{all}"))),
            self.failure
                .clone()
                .unwrap_or_else(|| self.status.to_string()),
        ]
    }
}

/// An aligned table; Chinese characters count as two columns, as terminals draw them.
pub fn table(rows: &[Row]) -> String {
    let lines: Vec<[String; 9]> = std::iter::once(HEADER.map(str::to_string))
        .chain(rows.iter().map(Row::fields))
        .collect();
    let mut widths = [0usize; 9];
    for l in &lines {
        for (w, f) in widths.iter_mut().zip(l) {
            *w = (*w).max(display_width(f));
        }
    }
    let mut out = String::new();
    for l in &lines {
        let mut line = String::new();
        for (k, (f, w)) in l.iter().zip(widths).enumerate() {
            let numeric = (4..8).contains(&k);
            let pad = " ".repeat(w - display_width(f));
            let cell = if numeric {
                format!("{pad}{f}")
            } else {
                format!("{f}{pad}")
            };
            line.push_str(&cell);
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// CSV (RFC 4180) with a UTF-8 byte-order mark, which Excel needs to read Chinese correctly.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[String]| {
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(&HEADER.map(str::to_string));
    for r in rows {
        line(&r.fields());
    }
    out
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

/// Terminal columns: East Asian wide and full-width characters take two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Row> {
        vec![
            Row {
                file: "a.txt".into(),
                agency: Some("宝山区".into()),
                year: Some(2017),
                template: Some("2008"),
                errors: 2,
                warnings: 10,
                infos: 0,
                read: Some((173, 175)),
                status: "未完整读出",
                failure: None,
            },
            Row {
                file: "b,\"c\".txt".into(),
                failure: Some("文件为空，没有可检查的内容".into()),
                ..Row::default()
            },
        ]
    }

    #[test]
    fn table_columns_line_up_with_chinese_text() {
        let t = table(&rows());
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        let col = |l: &str, word: &str| display_width(&l[..l.find(word).unwrap()]);
        assert_eq!(col(lines[0], "状态"), col(lines[1], "未完整读出"));
        assert_eq!(col(lines[0], "状态"), col(lines[2], "文件为空"));
    }

    #[test]
    fn csv_has_a_bom_and_quotes_what_needs_it() {
        let c = csv(&rows());
        assert!(c.starts_with("\u{feff}文件,机关,年度,模板,错误,警告,提示,读出,状态\r\n"));
        assert!(c.contains("a.txt,宝山区,2017,2008,2,10,0,173/175,未完整读出\r\n"));
        assert!(c.contains("\"b,\"\"c\"\".txt\",,,,,,,,文件为空，没有可检查的内容\r\n"));
    }
}
