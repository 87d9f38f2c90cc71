//! How each template draws its tables, as data: the section and group rows, how deep each row
//! is indented under its group, the column headers with their levels, and which indicator
//! (from [`super::t2008`], [`super::t2019`]) fills each row. The page, the Excel export and the
//! 审核意见单 draw the tables from this, so that the screen reads like the printed form.
//!
//! Wordings of rows are taken from the indicators themselves (their first label), printed
//! with full-width punctuation as the forms print them.

use super::{indicator, Template};
use serde::Serialize;

/// One column header, with the headers under it (none for a value column).
pub struct Head {
    pub label: &'static str,
    /// The cell's `column` for a value column (`""` for a single-value table, whose cells
    /// have no column); unused for a header over others.
    pub column: &'static str,
    pub under: &'static [Head],
}

/// One row of a block.
pub enum Row {
    /// A section or group heading over the rows below it. When the report prints figures on
    /// it (`indicator` read), they are its values; otherwise its label spans the value columns.
    Group {
        label: &'static str,
        indicator: Option<&'static str>,
        depth: u8,
    },
    /// An indicator's row.
    Item { indicator: &'static str, depth: u8 },
    /// A row that only some editions or provinces print: drawn when the report has it.
    Variant { indicator: &'static str, depth: u8 },
}

/// Rows under one set of column headers (table 二 has one block per 第二十条 item).
pub struct Block {
    /// A title row over the block's header (`第二十条第（一）项`).
    pub title: Option<&'static str>,
    /// The header over the row labels.
    pub stub: &'static str,
    /// A 单位 column between labels and values (the 2008 统计表).
    pub unit_column: bool,
    pub head: &'static [Head],
    pub rows: &'static [Row],
}

pub struct Table {
    /// How a reviewer names the table in a cell reference: `表三`.
    pub name: &'static str,
    pub caption: &'static str,
    pub blocks: &'static [Block],
}

const fn col(label: &'static str, column: &'static str) -> Head {
    Head {
        label,
        column,
        under: &[],
    }
}

const fn over(label: &'static str, under: &'static [Head]) -> Head {
    Head {
        label,
        column: "",
        under,
    }
}

const fn item(indicator: &'static str, depth: u8) -> Row {
    Row::Item { indicator, depth }
}

const fn variant(indicator: &'static str, depth: u8) -> Row {
    Row::Variant { indicator, depth }
}

/// A group that is itself an indicator (its label is the indicator's).
const fn group(indicator: &'static str, depth: u8) -> Row {
    Row::Group {
        label: "",
        indicator: Some(indicator),
        depth,
    }
}

const fn block(title: &'static str, head: &'static [Head], rows: &'static [Row]) -> Block {
    Block {
        title: Some(title),
        stub: "信息内容",
        unit_column: false,
        head,
        rows,
    }
}

// ---- 表二 主动公开政府信息情况 ----

const T2_2021: Table = Table {
    name: "表二",
    caption: "二、主动公开政府信息情况",
    blocks: &[
        block(
            "第二十条第（一）项",
            &[
                col("本年制发件数", "本年制发件数"),
                col("本年废止件数", "本年废止件数"),
                col("现行有效件数", "现行有效件数"),
            ],
            &[item("disclose.rules", 0), item("disclose.normative", 0)],
        ),
        block(
            "第二十条第（五）项",
            &[col("本年处理决定数量", "本年处理决定数量")],
            &[item("disclose.permit", 0)],
        ),
        block(
            "第二十条第（六）项",
            &[col("本年处理决定数量", "本年处理决定数量")],
            &[item("disclose.penalty", 0), item("disclose.enforcement", 0)],
        ),
        block(
            "第二十条第（八）项",
            &[col("本年收费金额（单位：万元）", "本年收费金额")],
            &[item("disclose.fees", 0)],
        ),
    ],
};

const ITEMS_2019: &[Head] = &[
    col("上一年项目数量", "上一年项目数量"),
    col("本年增/减", "本年增/减"),
    col("处理决定数量", "处理决定数量"),
];

const T2_2019: Table = Table {
    name: "表二",
    caption: "二、主动公开政府信息情况",
    blocks: &[
        block(
            "第二十条第（一）项",
            &[
                col("本年新制作数量", "本年新制作数量"),
                col("本年新公开数量", "本年新公开数量"),
                col("对外公开总数量", "对外公开总数量"),
            ],
            &[
                item("disclose2019.rules", 0),
                item("disclose2019.normative", 0),
            ],
        ),
        block(
            "第二十条第（五）项",
            ITEMS_2019,
            &[
                item("disclose2019.permit", 0),
                item("disclose2019.other_services", 0),
            ],
        ),
        block(
            "第二十条第（六）项",
            ITEMS_2019,
            &[
                item("disclose2019.penalty", 0),
                item("disclose2019.enforcement", 0),
            ],
        ),
        block(
            "第二十条第（八）项",
            &[
                col("上一年项目数量", "上一年项目数量"),
                col("本年增/减", "本年增/减"),
            ],
            &[item("disclose2019.fees", 0)],
        ),
        block(
            "第二十条第（九）项",
            &[
                col("采购项目数量", "采购项目数量"),
                col("采购总金额", "采购总金额"),
            ],
            &[item("disclose2019.procurement", 0)],
        ),
    ],
};

// ---- 表三 收到和处理政府信息公开申请情况 ----

const APPLICANTS: &[Head] = &[over(
    "申请人情况",
    &[
        col("自然人", "自然人"),
        over(
            "法人或其他组织",
            &[
                col("商业企业", "商业企业"),
                col("科研机构", "科研机构"),
                col("社会公益组织", "社会公益组织"),
                col("法律服务机构", "法律服务机构"),
                col("其他", "其他"),
            ],
        ),
        col("总计", "总计"),
    ],
)];

const BALANCE_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Table 三's rows up to （五）不予处理 and its items: the same in both formats.
macro_rules! table_three_rows {
    ($($other:expr),* $(,)?) => {
        &[
            item("apply.new", 0),
            item("apply.carried_in", 0),
            group("result", 0),
            item("result.granted", 1),
            item("result.partial", 1),
            group("result.refused", 1),
            item("refused.secret", 2),
            item("refused.law", 2),
            item("refused.stability", 2),
            item("refused.third_party", 2),
            item("refused.internal", 2),
            item("refused.process", 2),
            item("refused.case_file", 2),
            item("refused.inquiry", 2),
            group("result.unable", 1),
            item("unable.not_held", 2),
            item("unable.must_create", 2),
            item("unable.unclear", 2),
            group("result.not_processed", 1),
            item("not_processed.petition", 2),
            item("not_processed.repeat", 2),
            item("not_processed.publication", 2),
            item("not_processed.mass", 2),
            item("not_processed.confirm", 2),
            $($other,)*
            item("result.total", 1),
            item("apply.carried_out", 0),
        ]
    };
}

const T3_2019: Table = Table {
    name: "表三",
    caption: "三、收到和处理政府信息公开申请情况",
    blocks: &[Block {
        title: None,
        stub: BALANCE_NOTE,
        unit_column: false,
        head: APPLICANTS,
        // the schema reads the 2021 sub-rows in a 2019-format table too
        rows: table_three_rows![
            item("result.other", 1),
            variant("other.no_correction", 2),
            variant("other.no_fee", 2),
            variant("other.other", 2),
        ],
    }],
};

const T3_2021: Table = Table {
    name: "表三",
    caption: "三、收到和处理政府信息公开申请情况",
    blocks: &[Block {
        title: None,
        stub: BALANCE_NOTE,
        unit_column: false,
        head: APPLICANTS,
        rows: table_three_rows![
            group("result.other", 1),
            item("other.no_correction", 2),
            item("other.no_fee", 2),
            item("other.other", 2),
        ],
    }],
};

// ---- 表四 行政复议、行政诉讼情况 ----

const OUTCOMES_REVIEW: &[Head] = &[
    col("结果维持", "行政复议-结果维持"),
    col("结果纠正", "行政复议-结果纠正"),
    col("其他结果", "行政复议-其他结果"),
    col("尚未审结", "行政复议-尚未审结"),
    col("总计", "行政复议-总计"),
];
const OUTCOMES_DIRECT: &[Head] = &[
    col("结果维持", "未经复议直接起诉-结果维持"),
    col("结果纠正", "未经复议直接起诉-结果纠正"),
    col("其他结果", "未经复议直接起诉-其他结果"),
    col("尚未审结", "未经复议直接起诉-尚未审结"),
    col("总计", "未经复议直接起诉-总计"),
];
const OUTCOMES_AFTER: &[Head] = &[
    col("结果维持", "复议后起诉-结果维持"),
    col("结果纠正", "复议后起诉-结果纠正"),
    col("其他结果", "复议后起诉-其他结果"),
    col("尚未审结", "复议后起诉-尚未审结"),
    col("总计", "复议后起诉-总计"),
];

const T4: Table = Table {
    name: "表四",
    caption: "四、政府信息公开行政复议、行政诉讼情况",
    blocks: &[Block {
        title: None,
        stub: "",
        unit_column: false,
        head: &[
            over("行政复议", OUTCOMES_REVIEW),
            over(
                "行政诉讼",
                &[
                    over("未经复议直接起诉", OUTCOMES_DIRECT),
                    over("复议后起诉", OUTCOMES_AFTER),
                ],
            ),
        ],
        rows: &[item("review_lawsuit", 0)],
    }],
};

// ---- 2008–2018 政府信息公开情况统计表 ----

/// A section of the 2008 table: a heading indicator of its own.
const fn section(indicator: &'static str) -> Row {
    group(indicator, 0)
}

const T2008: Table = Table {
    name: "统计表",
    caption: "政府信息公开情况统计表",
    blocks: &[Block {
        title: None,
        stub: "统计指标",
        unit_column: true,
        head: &[col("统计数", "")],
        rows: &[
            section("active"),
            item("active.total", 1),
            item("active.normative", 2),
            variant("active.normative_issued", 2),
            variant("active.key.total", 1),
            variant("active.key.budget", 2),
            variant("active.key.housing", 2),
            variant("active.key.food", 2),
            variant("active.key.environment", 2),
            variant("active.key.bidding", 2),
            variant("active.key.safety", 2),
            variant("active.key.land", 2),
            variant("active.key.price", 2),
            variant("active.key.credit", 2),
            variant("active.key.audit", 2),
            variant("active.key.utilities", 2),
            variant("active.key.other", 2),
            group("active.channels", 1),
            item("active.channel.gazette", 2),
            item("active.channel.website", 2),
            variant("active.channel.weibo", 2),
            variant("active.channel.wechat", 2),
            item("active.channel.other", 2),
            section("respond"),
            item("respond.hotspots", 1),
            group("respond.channels", 1),
            item("respond.press", 2),
            item("respond.press_leader", 3),
            item("respond.interview", 2),
            item("respond.interview_leader", 3),
            item("respond.explainers", 2),
            item("respond.weibo_wechat", 2),
            item("respond.other", 2),
            section("apply"),
            item("apply.received", 1),
            item("apply.in_person", 2),
            item("apply.fax", 2),
            item("apply.email", 2),
            item("apply.online", 2),
            item("apply.letter", 2),
            item("apply.letter_fax", 2),
            item("apply.other_form", 2),
            item("apply.closed", 1),
            item("apply.closed_on_time", 2),
            item("apply.closed_late", 2),
            item("apply.answered", 1),
            item("reply.already_public", 2),
            item("reply.granted", 2),
            item("reply.partial", 2),
            item("reply.refused", 2),
            item("refused.state_secret", 3),
            item("refused.trade_secret", 3),
            item("refused.privacy", 3),
            item("refused.security", 3),
            item("refused.not_gov_info", 3),
            item("refused.other_law", 3),
            item("reply.not_this_agency", 2),
            item("reply.not_exist", 2),
            item("reply.amend", 2),
            item("reply.other_route", 2),
            item("reply.other_type", 2),
            item("review.total", 0),
            item("review.upheld", 1),
            item("review.corrected", 1),
            item("review.other", 1),
            item("lawsuit.total", 0),
            item("lawsuit.upheld", 1),
            item("lawsuit.corrected", 1),
            item("lawsuit.other", 1),
            item("complaint.total", 0),
            item("fee.total", 0),
            item("fee.waived", 1),
            section("org"),
            item("org.units", 1),
            item("org.points", 1),
            item("org.staff", 1),
            item("org.staff_full", 2),
            item("org.staff_part", 2),
            item("org.budget", 1),
            section("meeting"),
            item("meeting.meetings", 1),
            item("meeting.trainings", 1),
            item("meeting.trainees", 1),
        ],
    }],
};

/// The tables of a template, in printed order.
pub fn tables(t: Template) -> &'static [Table] {
    static T2008_TABLES: &[Table] = &[T2008];
    static T2019_TABLES: &[Table] = &[T2_2019, T3_2019, T4];
    static T2021_TABLES: &[Table] = &[T2_2021, T3_2021, T4];
    match t {
        Template::T2008 => T2008_TABLES,
        Template::T2019 => T2019_TABLES,
        Template::T2021 => T2021_TABLES,
    }
}

// ---- The drawing, resolved: what the page and the exports draw ----

/// A table as drawn: header rows with their spans, rows with their printed labels.
#[derive(Debug, Serialize)]
pub struct Drawn {
    pub name: &'static str,
    pub caption: &'static str,
    pub blocks: Vec<DrawnBlock>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DrawnBlock {
    pub title: Option<&'static str>,
    pub stub: &'static str,
    pub unit_column: bool,
    /// Header rows, top first; the stub (and 单位) header spans all of them.
    pub head: Vec<Vec<HeadCell>>,
    /// The value columns left to right, as the cells name them (`null`: a single-value table).
    pub columns: Vec<Option<&'static str>>,
    /// The same columns as a reviewer names them in a cell reference (see [`reference`]).
    pub column_names: Vec<String>,
    pub rows: Vec<DrawnRow>,
}

#[derive(Debug, Serialize)]
pub struct HeadCell {
    pub label: &'static str,
    pub colspan: usize,
    pub rowspan: usize,
}

#[derive(Debug, Serialize)]
pub struct DrawnRow {
    /// `group` (a heading over the rows below), `item`, or `variant` (drawn only when read).
    pub kind: &'static str,
    pub label: String,
    pub indicator: Option<&'static str>,
    pub depth: u8,
    pub unit: &'static str,
    /// How a reviewer names the row: [`reference`] without the column.
    pub reference: String,
}

/// The tables of a template as drawn.
pub fn drawn(t: Template) -> Vec<Drawn> {
    tables(t)
        .iter()
        .map(|table| Drawn {
            name: table.name,
            caption: table.caption,
            blocks: table.blocks.iter().map(|b| drawn_block(table, b)).collect(),
        })
        .collect()
}

fn drawn_block(table: &Table, b: &Block) -> DrawnBlock {
    let levels = b.head.iter().map(depth).max().unwrap_or(0);
    let mut head: Vec<Vec<HeadCell>> = (0..levels).map(|_| Vec::new()).collect();
    for h in b.head {
        place(h, 0, levels, &mut head);
    }
    let mut columns = Vec::new();
    b.head.iter().for_each(|h| leaves(h, &mut columns));
    DrawnBlock {
        title: b.title,
        stub: b.stub,
        unit_column: b.unit_column,
        head,
        column_names: columns
            .iter()
            .map(|c| column_name(b.head, c).unwrap_or_default())
            .collect(),
        columns: columns
            .into_iter()
            .map(|c| (!c.is_empty()).then_some(c))
            .collect(),
        rows: (0..b.rows.len())
            .map(|at| DrawnRow {
                reference: row_reference(table, b, at),
                ..drawn_row(&b.rows[at])
            })
            .collect(),
    }
}

fn depth(h: &Head) -> usize {
    1 + h.under.iter().map(depth).max().unwrap_or(0)
}

fn width(h: &Head) -> usize {
    if h.under.is_empty() {
        1
    } else {
        h.under.iter().map(width).sum()
    }
}

/// A header over others spans one row; a value column reaches down to the last header row.
fn place(h: &Head, level: usize, levels: usize, rows: &mut [Vec<HeadCell>]) {
    let rowspan = if h.under.is_empty() {
        levels - level
    } else {
        1
    };
    rows[level].push(HeadCell {
        label: h.label,
        colspan: width(h),
        rowspan,
    });
    for u in h.under {
        place(u, level + 1, levels, rows);
    }
}

fn leaves(h: &Head, out: &mut Vec<&'static str>) {
    if h.under.is_empty() {
        out.push(h.column);
    }
    h.under.iter().for_each(|u| leaves(u, out));
}

fn drawn_row(r: &Row) -> DrawnRow {
    let (kind, label, id, depth) = match *r {
        Row::Group {
            label,
            indicator,
            depth,
        } => ("group", label, indicator, depth),
        Row::Item { indicator, depth } => ("item", "", Some(indicator), depth),
        Row::Variant { indicator, depth } => ("variant", "", Some(indicator), depth),
    };
    let schema = id.and_then(indicator);
    let label = match schema {
        Some(i) if label.is_empty() => printed(i.labels[0]),
        _ => label.to_string(),
    };
    DrawnRow {
        kind,
        label,
        indicator: id,
        depth,
        unit: schema.map_or("", |i| i.unit),
        reference: String::new(),
    }
}

/// Which rows of a block are drawn, given which rows the report has figures for: a variant
/// only when read; a group unless it has no figures and no drawn row under it. (The page's
/// tableview.js draws by the same rule.)
pub fn shown_rows(rows: &[DrawnRow], read: &[bool]) -> Vec<bool> {
    let mut shown: Vec<bool> = rows
        .iter()
        .zip(read)
        .map(|(r, &read)| r.kind != "variant" || read)
        .collect();
    for i in (0..rows.len()).rev() {
        if rows[i].kind != "group" || read[i] {
            continue;
        }
        let under = rows[i + 1..]
            .iter()
            .take_while(|r| r.depth > rows[i].depth)
            .count();
        shown[i] = shown[i + 1..=i + under].iter().any(|&s| s);
    }
    shown
}

/// A wording as the form prints it: the schema keeps ASCII punctuation (its labels are
/// normalized text), the forms use full-width.
pub fn printed(label: &str) -> String {
    label
        .chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            _ => c,
        })
        .collect()
}

/// How a reviewer names a cell: the table, the group the row sits in, the row (by its number
/// under a group), the column — `表三 （三）不予公开 3. 自然人`. `None` for an indicator or
/// column the template does not draw.
pub fn reference(t: Template, id: &str, column: Option<&str>) -> Option<String> {
    for table in tables(t) {
        for b in table.blocks {
            let Some(at) = b.rows.iter().position(|r| row_indicator(r) == Some(id)) else {
                continue;
            };
            let row = row_reference(table, b, at);
            return match column {
                Some(c) => Some(format!("{row} {}", column_name(b.head, c)?)),
                None => Some(row),
            };
        }
    }
    None
}

/// Where a person finds a cell or row on the form, the row by its whole wording and the
/// column after a dot: `表三 （四）无法提供 1.本机关不掌握相关政府信息 · 自然人`; without a
/// column, the row alone. A column the form does not draw (the old form's `2011年度`) is named
/// as the cells name it. `None` for an indicator the template does not draw.
#[inline(never)]
pub fn position(t: Template, id: &str, column: Option<&str>) -> Option<String> {
    for table in tables(t) {
        for b in table.blocks {
            let Some(at) = b.rows.iter().position(|r| row_indicator(r) == Some(id)) else {
                continue;
            };
            let mut parts = vec![table.name.to_string()];
            if let Some(title) = b.title {
                parts.push(title.to_string());
            }
            if let Some(g) = enclosing_group(b.rows, at) {
                parts.push(g.label);
            }
            parts.push(drawn_row(&b.rows[at]).label);
            let row = parts.join(" ");
            return Some(match column.filter(|c| !c.is_empty()) {
                Some(c) => {
                    let name = column_name(b.head, c).unwrap_or_else(|| c.to_string());
                    format!("{row} · {name}")
                }
                None => row,
            });
        }
    }
    None
}

fn row_reference(table: &Table, b: &Block, at: usize) -> String {
    let mut parts = vec![table.name.to_string()];
    if let Some(title) = b.title {
        parts.push(title.to_string());
    }
    let row = drawn_row(&b.rows[at]);
    match enclosing_group(b.rows, at) {
        Some(g) => {
            parts.push(g.label);
            parts.push(numbering(&row.label).unwrap_or(row.label));
        }
        None => parts.push(row.label),
    }
    parts.join(" ")
}

fn row_indicator(r: &Row) -> Option<&'static str> {
    match *r {
        Row::Group { indicator, .. } => indicator,
        Row::Item { indicator, .. } | Row::Variant { indicator, .. } => Some(indicator),
    }
}

fn row_depth(r: &Row) -> u8 {
    match *r {
        Row::Group { depth, .. } | Row::Item { depth, .. } | Row::Variant { depth, .. } => depth,
    }
}

/// The nearest row above row `at` that it is indented under, unless that is a top-level
/// section heading (every row under it shares it, so naming it adds nothing). A total row
/// above its parts is named: 2008's 四、行政复议数量 and 五、行政诉讼数量 both have a
/// （二）被依法纠错数.
fn enclosing_group(rows: &[Row], at: usize) -> Option<DrawnRow> {
    let d = row_depth(&rows[at]);
    let above = rows[..at].iter().rev().find(|r| row_depth(r) < d)?;
    let section = matches!(above, Row::Group { .. }) && row_depth(above) == 0;
    (!section).then(|| drawn_row(above))
}

/// `3.` of `3.危及“三安全一稳定”`.
fn numbering(label: &str) -> Option<String> {
    let digits = label.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && label[digits..].starts_with('.')).then(|| label[..=digits].to_string())
}

/// A value column's header; with its parent's when the label alone repeats (table 四's five
/// 总计).
fn column_name(head: &[Head], column: &str) -> Option<String> {
    fn find(
        hs: &[Head],
        column: &str,
        parent: &'static str,
    ) -> Option<(&'static str, &'static str)> {
        hs.iter().find_map(|h| {
            if h.under.is_empty() {
                (h.column == column).then_some((parent, h.label))
            } else {
                find(h.under, column, h.label)
            }
        })
    }
    fn count(hs: &[Head], label: &str) -> usize {
        hs.iter()
            .map(|h| usize::from(h.under.is_empty() && h.label == label) + count(h.under, label))
            .sum()
    }
    let (parent, label) = find(head, column, "")?;
    Some(if count(head, label) > 1 {
        format!("{parent} {label}")
    } else {
        label.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{indicators, Columns};

    const ALL: [Template; 3] = [Template::T2008, Template::T2019, Template::T2021];

    #[test]
    fn every_indicator_of_a_template_is_drawn_once_and_no_other() {
        for t in ALL {
            let mut drawn: Vec<&str> = tables(t)
                .iter()
                .flat_map(|tb| tb.blocks)
                .flat_map(|b| b.rows)
                .filter_map(row_indicator)
                .collect();
            drawn.sort_unstable();
            let mut want: Vec<&str> = indicators()
                .filter(|i| i.within.has(t))
                .map(|i| i.id)
                .collect();
            want.sort_unstable();
            assert_eq!(drawn, want, "{t:?}");
        }
    }

    #[test]
    fn each_row_has_the_columns_its_indicator_has() {
        for t in ALL {
            for tb in drawn(t) {
                for b in &tb.blocks {
                    for r in &b.rows {
                        let i = indicator(r.indicator.unwrap()).unwrap();
                        let want: Vec<Option<&str>> = match i.columns {
                            Columns::Single => vec![None],
                            Columns::Named(n) => n.iter().map(|c| Some(*c)).collect(),
                        };
                        assert_eq!(b.columns, want, "{t:?} {}", r.label);
                    }
                }
            }
        }
    }

    /// Fills the header grid with the spans: every place covered exactly once.
    #[test]
    fn header_spans_tile_the_value_columns() {
        for t in ALL {
            for tb in drawn(t) {
                for b in &tb.blocks {
                    let (w, h) = (b.columns.len(), b.head.len());
                    let mut taken = vec![vec![false; w]; h];
                    for (y, row) in b.head.iter().enumerate() {
                        let mut x = 0;
                        for c in row {
                            while taken[y][x] {
                                x += 1;
                            }
                            for (dy, line) in taken[y..y + c.rowspan].iter_mut().enumerate() {
                                for place in &mut line[x..x + c.colspan] {
                                    assert!(!*place, "{} overlaps at {dy}", c.label);
                                    *place = true;
                                }
                            }
                            x += c.colspan;
                        }
                    }
                    assert!(taken.iter().flatten().all(|&p| p), "{}", tb.name);
                }
            }
        }
    }

    fn heads(b: &DrawnBlock) -> Vec<Vec<(&str, usize, usize)>> {
        b.head
            .iter()
            .map(|r| r.iter().map(|c| (c.label, c.colspan, c.rowspan)).collect())
            .collect()
    }

    #[test]
    fn table_three_and_four_have_the_template_headers() {
        let t = drawn(Template::T2021);
        let names: Vec<&str> = t.iter().map(|d| d.name).collect();
        assert_eq!(names, ["表二", "表三", "表四"]);
        assert_eq!(
            heads(&t[1].blocks[0]),
            vec![
                vec![("申请人情况", 7, 1)],
                vec![("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
                vec![
                    ("商业企业", 1, 1),
                    ("科研机构", 1, 1),
                    ("社会公益组织", 1, 1),
                    ("法律服务机构", 1, 1),
                    ("其他", 1, 1)
                ],
            ]
        );
        let four = heads(&t[2].blocks[0]);
        assert_eq!(four[0], vec![("行政复议", 5, 1), ("行政诉讼", 10, 1)]);
        assert_eq!(four[1].len(), 7);
        assert_eq!(four[1][0], ("结果维持", 1, 2));
        assert_eq!(four[1][5], ("未经复议直接起诉", 5, 1));
        assert_eq!(four[2].len(), 10);
    }

    #[test]
    fn table_three_groups_and_indentation() {
        let t = drawn(Template::T2021);
        let rows = &t[1].blocks[0].rows;
        let groups: Vec<(&str, u8)> = rows
            .iter()
            .filter(|r| r.kind == "group")
            .map(|r| (r.label.as_str(), r.depth))
            .collect();
        assert_eq!(
            groups,
            [
                ("三、本年度办理结果", 0),
                ("（三）不予公开", 1),
                ("（四）无法提供", 1),
                ("（五）不予处理", 1),
                ("（六）其他处理", 1)
            ]
        );
        let at = |l: &str| rows.iter().find(|r| r.label == l).unwrap().depth;
        assert_eq!(at("1.本机关不掌握相关政府信息"), 2);
        assert_eq!(
            at("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            1
        );
        assert_eq!(at("四、结转下年度继续办理"), 0);
        // 2019: （六）其他处理 is one row with figures
        let r2019 = &drawn(Template::T2019)[1].blocks[0].rows;
        let other = r2019.iter().find(|r| r.label == "（六）其他处理").unwrap();
        assert_eq!(other.kind, "item");
    }

    #[test]
    fn table_two_has_its_blocks_with_their_own_headers() {
        let titles = |t| -> Vec<(Option<&str>, usize)> {
            drawn(t)[0]
                .blocks
                .iter()
                .map(|b| (b.title, b.columns.len()))
                .collect()
        };
        assert_eq!(
            titles(Template::T2021),
            [
                (Some("第二十条第（一）项"), 3),
                (Some("第二十条第（五）项"), 1),
                (Some("第二十条第（六）项"), 1),
                (Some("第二十条第（八）项"), 1)
            ]
        );
        assert_eq!(titles(Template::T2019).len(), 5);
    }

    #[test]
    fn the_2008_table_has_nine_sections_and_its_qizhong_rows_indented() {
        let t = drawn(Template::T2008);
        let rows = &t[0].blocks[0].rows;
        let top: Vec<&str> = rows
            .iter()
            .filter(|r| r.depth == 0)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(
            top,
            [
                "一、主动公开情况",
                "二、回应解读情况",
                "三、依申请公开情况",
                "四、行政复议数量",
                "五、行政诉讼数量",
                "六、举报投诉数量",
                "七、依申请公开信息收取的费用",
                "八、机构建设和保障经费情况",
                "九、政府信息公开会议和培训情况"
            ]
        );
        let at = |l: &str| rows.iter().find(|r| r.label == l).unwrap().depth;
        assert_eq!(at("其中：涉及国家秘密"), 3);
        assert_eq!(at("4.不同意公开答复数"), 2);
        assert_eq!(at("其中：主动公开规范性文件数"), 2);
        assert!(t[0].blocks[0].unit_column);
    }

    #[test]
    fn cells_are_named_as_a_reviewer_names_them() {
        let r = |t, id, c| reference(t, id, c).unwrap();
        assert_eq!(
            r(Template::T2021, "refused.stability", Some("自然人")),
            "表三 （三）不予公开 3. 自然人"
        );
        assert_eq!(
            r(Template::T2021, "apply.new", Some("总计")),
            "表三 一、本年新收政府信息公开申请数量 总计"
        );
        assert_eq!(
            r(Template::T2019, "review_lawsuit", Some("复议后起诉-总计")),
            "表四 行政复议、行政诉讼 复议后起诉 总计"
        );
        assert_eq!(
            r(Template::T2021, "disclose.fees", Some("本年收费金额")),
            "表二 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）"
        );
        assert_eq!(
            r(Template::T2008, "lawsuit.corrected", None),
            "统计表 五、行政诉讼数量 （二）被依法纠错数"
        );
        assert_eq!(reference(Template::T2008, "apply.new", None), None);
    }

    #[test]
    fn positions_name_the_row_whole_and_the_column_after_a_dot() {
        let p = |t, id, c| position(t, id, c).unwrap();
        assert_eq!(
            p(Template::T2021, "unable.not_held", Some("自然人")),
            "表三 （四）无法提供 1.本机关不掌握相关政府信息 · 自然人"
        );
        assert_eq!(
            p(Template::T2021, "apply.new", Some("总计")),
            "表三 一、本年新收政府信息公开申请数量 · 总计"
        );
        assert_eq!(
            p(Template::T2008, "lawsuit.corrected", None),
            "统计表 五、行政诉讼数量 （二）被依法纠错数"
        );
        assert_eq!(position(Template::T2008, "apply.new", None), None);
    }

    #[test]
    fn drawn_rows_and_columns_carry_the_same_references() {
        for t in ALL {
            for tb in drawn(t) {
                for b in &tb.blocks {
                    for r in &b.rows {
                        for (c, name) in b.columns.iter().zip(&b.column_names) {
                            let id = r.indicator.unwrap();
                            let want = reference(t, id, *c).unwrap();
                            let got = match c {
                                Some(_) => format!("{} {name}", r.reference),
                                None => r.reference.clone(),
                            };
                            assert_eq!(got, want);
                        }
                    }
                }
            }
        }
    }
}
