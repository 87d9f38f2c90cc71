//! Test support: renders a table in each of the ways pasted reports flatten tables, and builds
//! whole 2019/2021-format reports with known figures.
#![allow(dead_code)]

use std::fmt::Write;

/// One printed row. `group` is a merged label cell that starts at this row (`三、本年度办理结果`).
#[derive(Clone, Debug)]
pub struct Row {
    pub group: Option<String>,
    pub label: String,
    pub unit: Option<String>,
    pub values: Vec<String>,
}

impl Row {
    pub fn new(label: &str, unit: Option<&str>, values: &[&str]) -> Row {
        Row {
            group: None,
            label: label.into(),
            unit: unit.map(Into::into),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Header rows, each a list of header cells.
    pub header: Vec<Vec<String>>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Word/WPS: one row per line, cells separated by tabs, merged cells as empty fields.
    TabRow,
    /// Word → text: `\tcell` per line, rows separated by blank lines.
    TabBlock,
    /// Web copy: cells separated by lines holding only `|`.
    PipeLine,
    /// Web copy: each cell on its own line ending in ` |`.
    PipeSuffix,
    Markdown,
    /// PDF text: a row per line, numbers separated by spaces, long labels broken over lines,
    /// vertical group labels, a page marker.
    Pdf,
    /// Web copy: one cell per line, nothing else.
    CellPerLine,
}

pub const LAYOUTS: &[Layout] = &[
    Layout::TabRow,
    Layout::TabBlock,
    Layout::PipeLine,
    Layout::PipeSuffix,
    Layout::Markdown,
    Layout::Pdf,
    Layout::CellPerLine,
];

impl Layout {
    /// Layouts in which a blank cell keeps its place.
    pub fn keeps_blanks(self) -> bool {
        !matches!(self, Layout::Pdf | Layout::CellPerLine)
    }
}

fn cells_of(r: &Row) -> Vec<String> {
    let mut c = vec![r.label.clone()];
    c.extend(r.unit.clone());
    c.extend(r.values.iter().cloned());
    c
}

pub fn render(t: &Table, layout: Layout) -> String {
    let mut out = String::new();
    match layout {
        Layout::TabRow => {
            for h in &t.header {
                writeln!(out, "{}", h.join("\t")).unwrap();
            }
            for r in &t.rows {
                let lead = r.group.clone().unwrap_or_default();
                let has_groups = t.rows.iter().any(|x| x.group.is_some());
                let mut cells = if has_groups { vec![lead] } else { vec![] };
                cells.extend(cells_of(r));
                writeln!(out, "{}", cells.join("\t")).unwrap();
            }
        }
        Layout::TabBlock => {
            for h in &t.header {
                for c in h {
                    writeln!(out, "\t{c}").unwrap();
                }
                out.push('\n');
            }
            for r in &t.rows {
                if let Some(g) = &r.group {
                    writeln!(out, "\t{g}\n").unwrap();
                }
                for c in cells_of(r) {
                    writeln!(out, "\t{c}").unwrap();
                }
                out.push('\n');
            }
        }
        Layout::PipeLine | Layout::PipeSuffix | Layout::CellPerLine => {
            let cell = |out: &mut String, c: &str| match layout {
                Layout::PipeLine => writeln!(
                    out,
                    "{}|",
                    if c.is_empty() {
                        String::new()
                    } else {
                        format!("{c}\n")
                    }
                )
                .unwrap(),
                Layout::PipeSuffix => writeln!(
                    out,
                    "{}|",
                    if c.is_empty() {
                        String::new()
                    } else {
                        format!("{c} ")
                    }
                )
                .unwrap(),
                _ => {
                    if !c.is_empty() {
                        writeln!(out, "{c}").unwrap()
                    }
                }
            };
            for h in t.header.iter().flatten() {
                cell(&mut out, h);
            }
            for r in &t.rows {
                if let Some(g) = &r.group {
                    cell(&mut out, g);
                }
                let cells = cells_of(r);
                // a long label breaks over two lines inside its cell
                if layout == Layout::PipeLine && r.label.chars().count() > 24 {
                    let (a, b) = split_half(&r.label);
                    write!(out, "{a}\n{b}\n|\n").unwrap();
                } else {
                    cell(&mut out, &cells[0]);
                }
                for c in &cells[1..] {
                    cell(&mut out, c);
                }
            }
        }
        Layout::Markdown => {
            let has_groups = t.rows.iter().any(|x| x.group.is_some());
            let width = t
                .rows
                .iter()
                .map(|r| cells_of(r).len() + usize::from(has_groups))
                .max()
                .unwrap_or(1);
            for (i, h) in t.header.iter().enumerate() {
                writeln!(out, "| {} |", h.join(" | ")).unwrap();
                if i == 0 {
                    writeln!(out, "|{}", "---|".repeat(width)).unwrap();
                }
            }
            for r in &t.rows {
                let mut cells = if has_groups {
                    vec![r.group.clone().unwrap_or_default()]
                } else {
                    vec![]
                };
                cells.extend(cells_of(r));
                writeln!(out, "| {} |", cells.join(" | ")).unwrap();
            }
        }
        Layout::Pdf => {
            for h in &t.header {
                writeln!(out, "{}", h.join(" ")).unwrap();
            }
            for (i, r) in t.rows.iter().enumerate() {
                if let Some(g) = &r.group {
                    if g.starts_with('三') || g.starts_with('二') || g.starts_with('一') {
                        // a vertical merged label: one character per line
                        for ch in g.chars() {
                            writeln!(out, "{ch}").unwrap();
                        }
                    } else {
                        // `（三）不予` / first sub-row / `公开`
                        let (a, b) = split_half(g);
                        writeln!(out, "{a}").unwrap();
                        pdf_row(&mut out, r);
                        writeln!(out, "{b}").unwrap();
                        continue;
                    }
                }
                if i == t.rows.len() / 2 {
                    writeln!(out, "- 5 -").unwrap();
                }
                pdf_row(&mut out, r);
            }
        }
    }
    out
}

fn pdf_row(out: &mut String, r: &Row) {
    let values: Vec<&str> = r
        .unit
        .iter()
        .map(String::as_str)
        .chain(r.values.iter().map(String::as_str))
        .filter(|v| !v.is_empty())
        .collect();
    if r.label.chars().count() > 24 {
        let (a, b) = split_half(&r.label);
        writeln!(out, "{a}\n{b}  {}", values.join(" ")).unwrap();
    } else {
        writeln!(out, "{}  {}", r.label, values.join(" ")).unwrap();
    }
}

fn split_half(s: &str) -> (String, String) {
    let chars: Vec<char> = s.chars().collect();
    let mid = chars.len() / 2;
    (chars[..mid].iter().collect(), chars[mid..].iter().collect())
}

/// The 2008 statistics-table header.
pub fn header_2008() -> Vec<Vec<String>> {
    vec![vec!["统计指标".into(), "单位".into(), "统计数".into()]]
}

/// Figures of a consistent national-format report; tests change one and expect one finding.
#[derive(Clone, Debug)]
pub struct National {
    pub year: u32,
    pub t2021: bool,
    /// table 三: indicator id → seven values (six applicant columns and 总计)
    pub apply: Vec<(&'static str, &'static str, Option<&'static str>, [i64; 7])>,
    /// table 四: fifteen values
    pub review: [i64; 15],
    /// cells to print blank: (indicator id, column index)
    pub blanks: Vec<(&'static str, usize)>,
}

/// (id, printed label, group label, six applicant values)
type ApplyRow = (&'static str, &'static str, Option<&'static str>, [i64; 6]);

fn apply_rows(t2021: bool) -> Vec<ApplyRow> {
    let mut rows: Vec<ApplyRow> = vec![
        (
            "apply.new",
            "一、本年新收政府信息公开申请数量",
            None,
            [64, 0, 0, 2, 0, 4],
        ),
        (
            "apply.carried_in",
            "二、上年结转政府信息公开申请数量",
            None,
            [3, 1, 0, 0, 0, 0],
        ),
        (
            "result.granted",
            "（一）予以公开",
            Some("三、本年度办理结果"),
            [20, 0, 0, 1, 0, 1],
        ),
        (
            "result.partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            None,
            [5, 0, 0, 0, 0, 0],
        ),
        (
            "refused.secret",
            "1.属于国家秘密",
            Some("（三）不予公开"),
            [1, 0, 0, 0, 0, 0],
        ),
        (
            "refused.law",
            "2.其他法律行政法规禁止公开",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "refused.stability",
            "3.危及“三安全一稳定”",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "refused.third_party",
            "4.保护第三方合法权益",
            None,
            [2, 0, 0, 0, 0, 0],
        ),
        (
            "refused.internal",
            "5.属于三类内部事务信息",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "refused.process",
            "6.属于四类过程性信息",
            None,
            [1, 0, 0, 0, 0, 0],
        ),
        (
            "refused.case_file",
            "7.属于行政执法案卷",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "refused.inquiry",
            "8.属于行政查询事项",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "unable.not_held",
            "1.本机关不掌握相关政府信息",
            Some("（四）无法提供"),
            [15, 1, 0, 0, 0, 1],
        ),
        (
            "unable.must_create",
            "2.没有现成信息需要另行制作",
            None,
            [3, 0, 0, 0, 0, 0],
        ),
        (
            "unable.unclear",
            "3.补正后申请内容仍不明确",
            None,
            [2, 0, 0, 0, 0, 0],
        ),
        (
            "not_processed.petition",
            "1.信访举报投诉类申请",
            Some("（五）不予处理"),
            [4, 0, 0, 0, 0, 0],
        ),
        (
            "not_processed.repeat",
            "2.重复申请",
            None,
            [2, 0, 0, 0, 0, 0],
        ),
        (
            "not_processed.publication",
            "3.要求提供公开出版物",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "not_processed.mass",
            "4.无正当理由大量反复申请",
            None,
            [0, 0, 0, 0, 0, 0],
        ),
        (
            "not_processed.confirm",
            "5.要求行政机关确认或重新出具已获取信息",
            None,
            [1, 0, 0, 0, 0, 0],
        ),
    ];
    if t2021 {
        rows.push((
            "other.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            Some("（六）其他处理"),
            [3, 0, 0, 0, 0, 0],
        ));
        rows.push((
            "other.no_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            None,
            [0, 0, 0, 0, 0, 0],
        ));
        rows.push(("other.other", "3.其他", None, [1, 0, 0, 0, 0, 1]));
    } else {
        rows.push(("result.other", "（六）其他处理", None, [4, 0, 0, 0, 0, 1]));
    }
    rows
}

impl National {
    pub fn new(t2021: bool) -> National {
        let mut apply: Vec<(&str, &str, Option<&str>, [i64; 7])> = Vec::new();
        let mut total = [0i64; 6];
        let mut carried = [0i64; 6];
        for (id, label, group, six) in apply_rows(t2021) {
            if id.starts_with("apply.") {
                for k in 0..6 {
                    carried[k] += six[k];
                }
            } else {
                for k in 0..6 {
                    total[k] += six[k];
                }
            }
            apply.push((id, label, group, with_total(six)));
        }
        apply.push(("result.total", "（七）总计", None, with_total(total)));
        let out: [i64; 6] = std::array::from_fn(|k| carried[k] - total[k]);
        assert!(
            out.iter().all(|&v| v >= 0),
            "fixture figures must balance with a non-negative carry-over"
        );
        apply.push((
            "apply.carried_out",
            "四、结转下年度继续办理",
            None,
            with_total(out),
        ));
        National {
            year: if t2021 { 2022 } else { 2019 },
            t2021,
            apply,
            review: [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
            blanks: Vec::new(),
        }
    }

    pub fn set(&mut self, id: &str, column: usize, value: i64) {
        let row = self
            .apply
            .iter_mut()
            .find(|r| r.0 == id)
            .expect("known row");
        row.3[column] = value;
    }

    pub fn get(&self, id: &str, column: usize) -> i64 {
        self.apply.iter().find(|r| r.0 == id).expect("known row").3[column]
    }

    fn table_two(&self) -> Table {
        let rows = if self.t2021 {
            vec![
                (
                    "第二十条第（一）项",
                    vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                    vec![
                        ("规章", vec!["0", "0", "0"]),
                        ("行政规范性文件", vec!["3", "1", "25"]),
                    ],
                ),
                (
                    "第二十条第（五）项",
                    vec!["信息内容", "本年处理决定数量"],
                    vec![("行政许可", vec!["120"])],
                ),
                (
                    "第二十条第（六）项",
                    vec!["信息内容", "本年处理决定数量"],
                    vec![("行政处罚", vec!["45"]), ("行政强制", vec!["2"])],
                ),
                (
                    "第二十条第（八）项",
                    vec!["信息内容", "本年收费金额（单位：万元）"],
                    vec![("行政事业性收费", vec!["12.5"])],
                ),
            ]
        } else {
            vec![
                (
                    "第二十条第（一）项",
                    vec![
                        "信息内容",
                        "本年新制作数量",
                        "本年新公开数量",
                        "对外公开总数量",
                    ],
                    vec![
                        ("规章", vec!["0", "0", "0"]),
                        ("规范性文件", vec!["3", "3", "40"]),
                    ],
                ),
                (
                    "第二十条第（五）项",
                    vec!["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                    vec![
                        ("行政许可", vec!["58", "-3", "1200"]),
                        ("其他对外管理服务事项", vec!["10", "1", "300"]),
                    ],
                ),
                (
                    "第二十条第（六）项",
                    vec!["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                    vec![
                        ("行政处罚", vec!["100", "5", "45"]),
                        ("行政强制", vec!["12", "0", "2"]),
                    ],
                ),
                (
                    "第二十条第（八）项",
                    vec!["信息内容", "上一年项目数量", "本年增/减"],
                    vec![("行政事业性收费", vec!["8", "-1"])],
                ),
                (
                    "第二十条第（九）项",
                    vec!["信息内容", "采购项目数量", "采购总金额"],
                    vec![("政府集中采购", vec!["15", "251.36"])],
                ),
            ]
        };
        // the blocks are printed one after the other: their headers become header rows
        let mut table = Table {
            header: Vec::new(),
            rows: Vec::new(),
        };
        for (clause, head, data) in rows {
            table.rows.push(Row {
                group: None,
                label: clause.into(),
                unit: None,
                values: vec![],
            });
            table.rows.push(Row {
                group: None,
                label: head[0].into(),
                unit: None,
                values: head[1..].iter().map(|h| h.to_string()).collect(),
            });
            for (label, values) in data {
                table.rows.push(Row::new(label, None, &values));
            }
        }
        table
    }

    fn table_three(&self) -> Table {
        let header = vec![
            vec![
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string(),
                "申请人情况".into(),
            ],
            vec!["自然人".into(), "法人或其他组织".into(), "总计".into()],
            vec![
                "商业企业".into(),
                "科研机构".into(),
                "社会公益组织".into(),
                "法律服务机构".into(),
                "其他".into(),
            ],
        ];
        let rows = self
            .apply
            .iter()
            .map(|(id, label, group, v)| Row {
                group: group.map(Into::into),
                label: label.to_string(),
                unit: None,
                values: v
                    .iter()
                    .enumerate()
                    .map(|(k, x)| {
                        if self.blanks.contains(&(*id, k)) {
                            String::new()
                        } else {
                            x.to_string()
                        }
                    })
                    .collect(),
            })
            .collect();
        Table { header, rows }
    }

    fn table_four_text(&self, layout: Layout) -> String {
        let head = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n";
        let values: Vec<String> = self.review.iter().map(|v| v.to_string()).collect();
        match layout {
            Layout::TabRow => format!("{}{}\n", head.replace(' ', "\t"), values.join("\t")),
            Layout::Markdown => format!(
                "| 行政复议 | 行政诉讼 |\n|---|---|\n| {} |\n",
                values.join(" | ")
            ),
            Layout::PipeLine => format!(
                "{}{}",
                head.split_whitespace()
                    .map(|w| format!("{w}\n|\n"))
                    .collect::<String>(),
                values
                    .iter()
                    .map(|v| format!("{v}\n|\n"))
                    .collect::<String>()
            ),
            Layout::PipeSuffix => format!(
                "{}{}",
                head.split_whitespace()
                    .map(|w| format!("{w} |\n"))
                    .collect::<String>(),
                values
                    .iter()
                    .map(|v| format!("{v} |\n"))
                    .collect::<String>()
            ),
            Layout::TabBlock => format!(
                "{}\n{}\n",
                head.split_whitespace()
                    .map(|w| format!("\t{w}\n"))
                    .collect::<String>(),
                values
                    .iter()
                    .map(|v| format!("\t{v}\n"))
                    .collect::<String>()
            ),
            Layout::CellPerLine => format!(
                "{}{}",
                head.split_whitespace()
                    .map(|w| format!("{w}\n"))
                    .collect::<String>(),
                values.join("\n") + "\n"
            ),
            Layout::Pdf => format!("{head}{}\n", values.join(" ")),
        }
    }

    /// The whole report, with the six prescribed sections and the three tables in `layout`.
    pub fn report(&self, layout: Layout) -> String {
        let y = self.year;
        format!(
            "某某县人民政府办公室{y}年政府信息公开工作年度报告\n\
             本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。\n\
             一、总体情况\n\
             {y}年，我办认真贯彻落实《条例》，全面推进决策、执行、管理、服务、结果公开，各项工作有序开展。\n\
             二、主动公开政府信息情况\n{}\
             三、收到和处理政府信息公开申请情况\n{}\
             四、政府信息公开行政复议、行政诉讼情况\n{}\
             五、存在的主要问题及改进情况\n\
             一是公开内容还不够全面，二是解读形式较为单一。下一步将加强培训，提升公开质量。\n\
             六、其他需要报告的事项\n\
             本年度未收取信息处理费。\n",
            render(&self.table_two(), layout),
            render(&self.table_three(), layout),
            self.table_four_text(layout)
        )
    }
}

fn with_total(six: [i64; 6]) -> [i64; 7] {
    let mut v = [0; 7];
    v[..6].copy_from_slice(&six);
    v[6] = six.iter().sum();
    v
}
