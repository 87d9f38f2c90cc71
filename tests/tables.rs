//! The extra input path of the core: tables read from the clipboard's HTML (rows of cell
//! strings, as the page builds them from Word/WPS/web tables) passed to `check_with_tables`.
//!
//! The grids below are shaped the way `www/tables.js` shapes a Word table: each real cell
//! once, in the row where it starts; an empty string where a rowspan from above covers a
//! position; nothing for the extra columns of a colspan.

use nianbao::{check, check_with_tables, Report, Severity};

const COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// (leading empty positions from rowspans above, label cells, values) of 2021 table 三, laid
/// out as in the official docx: 三、本年度办理结果 spans every result row in the first column,
/// （三）…（六） span their numbered sub-rows in the second.
fn table3_rows(total: [u32; 7]) -> Vec<(usize, Vec<&'static str>, [u32; 7])> {
    let z = [0; 7];
    vec![
        (
            0,
            vec!["一、本年新收政府信息公开申请数量"],
            [40, 3, 0, 1, 2, 0, 46],
        ),
        (
            0,
            vec!["二、上年结转政府信息公开申请数量"],
            [2, 0, 0, 0, 0, 0, 2],
        ),
        (
            0,
            vec!["三、本年度办理结果", "（一）予以公开"],
            [15, 1, 0, 0, 1, 0, 17],
        ),
        (
            1,
            vec!["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            [4, 0, 0, 0, 0, 0, 4],
        ),
        (1, vec!["（三）不予公开", "1.属于国家秘密"], z),
        (2, vec!["2.其他法律行政法规禁止公开"], z),
        (2, vec!["3.危及“三安全一稳定”"], z),
        (2, vec!["4.保护第三方合法权益"], [2, 0, 0, 0, 0, 0, 2]),
        (2, vec!["5.属于三类内部事务信息"], z),
        (2, vec!["6.属于四类过程性信息"], z),
        (2, vec!["7.属于行政执法案卷"], z),
        (2, vec!["8.属于行政查询事项"], z),
        (
            1,
            vec!["（四）无法提供", "1.本机关不掌握相关政府信息"],
            [12, 1, 0, 1, 0, 0, 14],
        ),
        (2, vec!["2.没有现成信息需要另行制作"], [2, 0, 0, 0, 0, 0, 2]),
        (2, vec!["3.补正后申请内容仍不明确"], [1, 0, 0, 0, 0, 0, 1]),
        (
            1,
            vec!["（五）不予处理", "1.信访举报投诉类申请"],
            [2, 0, 0, 0, 1, 0, 3],
        ),
        (2, vec!["2.重复申请"], [1, 0, 0, 0, 0, 0, 1]),
        (2, vec!["3.要求提供公开出版物"], z),
        (2, vec!["4.无正当理由大量反复申请"], z),
        (2, vec!["5.要求行政机关确认或重新出具已获取信息"], z),
        (
            1,
            vec![
                "（六）其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ],
            [1, 0, 0, 0, 0, 0, 1],
        ),
        (
            2,
            vec!["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
            z,
        ),
        (2, vec!["3.其他"], z),
        (1, vec!["（七）总计"], total),
        (0, vec!["四、结转下年度继续办理"], [2, 1, 0, 0, 0, 0, 3]),
    ]
}

/// The grid and the plain text a clipboard would hold for the same table.
type Tables = Vec<Vec<Vec<String>>>;

fn clipboard(total: [u32; 7], blank_at: Option<(usize, usize)>) -> (String, Tables) {
    let s = |x: &str| x.to_string();
    let mut grid = vec![
        vec![
            s("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            s("申请人情况"),
        ],
        vec![s(""), s("自然人"), s("法人或其他组织"), s("总计")],
        vec![s(""), s("")]
            .into_iter()
            .chain(COLUMNS[1..6].iter().map(|c| s(c)))
            .chain([s("")])
            .collect(),
    ];
    for (r, (lead, labels, values)) in table3_rows(total).into_iter().enumerate() {
        let mut row: Vec<String> = vec![String::new(); lead];
        row.extend(labels.into_iter().map(s));
        for (c, v) in values.iter().enumerate() {
            let blank = blank_at == Some((r, c));
            row.push(if blank {
                s("\u{a0}").trim().to_string()
            } else {
                v.to_string()
            });
        }
        grid.push(row);
    }
    let mut text =
        s("示例县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    for row in &grid {
        let cells: Vec<&str> = row
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    (text, vec![grid])
}

fn cell<'a>(r: &'a Report, label: &str, column: &str) -> &'a nianbao::Cell {
    r.cells
        .iter()
        .find(|c| c.label.contains(label) && c.column.as_deref() == Some(column))
        .unwrap_or_else(|| panic!("no cell {label} / {column}"))
}

const GOOD_TOTAL: [u32; 7] = [40, 2, 0, 1, 2, 0, 45];

#[test]
fn reads_every_column_of_a_merged_word_table() {
    let (text, tables) = clipboard(GOOD_TOTAL, None);
    let r = check_with_tables(&text, &tables);
    assert_eq!(r.template, Some("2021"));
    for (c, want) in COLUMNS.iter().zip(GOOD_TOTAL) {
        assert_eq!(cell(&r, "总计", c).value, Some(want as f64), "总计/{c}");
    }
    for (c, want) in COLUMNS.iter().zip([40, 3, 0, 1, 2, 0, 46]) {
        assert_eq!(
            cell(&r, "本年新收", c).value,
            Some(want as f64),
            "本年新收/{c}"
        );
    }
    assert_eq!(r.cells.len() % 7, 0, "whole rows of seven columns");
    assert_eq!(r.count(Severity::Error), 0, "{:#?}", r.findings);
}

#[test]
fn cell_spans_point_at_the_numbers_in_the_text() {
    let (text, tables) = clipboard(GOOD_TOTAL, None);
    let r = check_with_tables(&text, &tables);
    let c = cell(&r, "本年新收", "总计");
    assert_eq!(&text[c.span.start..c.span.end], "46");
    let line = text
        .lines()
        .find(|l| l.starts_with("一、本年新收"))
        .unwrap();
    let at = text.find(line).unwrap();
    assert!(c.span.start > at && c.span.end <= at + line.len());
}

#[test]
fn a_wrong_total_is_found_in_its_column() {
    let mut wrong = GOOD_TOTAL;
    wrong[0] = 41;
    wrong[6] = 46;
    let (text, tables) = clipboard(wrong, None);
    let r = check_with_tables(&text, &tables);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "sum-mismatch" && f.message.contains("自然人"))
        .unwrap_or_else(|| panic!("{:#?}", r.findings));
    assert_eq!(f.actual, Some(41.0));
    assert_eq!(f.expected, Some(40.0));
    assert_eq!(&text[f.spans[0].start..f.spans[0].end], "41");
}

#[test]
fn a_cell_holding_only_nbsp_is_blank_not_zero() {
    let (text, tables) = clipboard(GOOD_TOTAL, Some((2, 1)));
    let r = check_with_tables(&text, &tables);
    let c = cell(&r, "予以公开", "商业企业");
    assert_eq!(c.value, None);
    assert!(
        r.findings.iter().any(|f| f.code == "blank-value"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn no_tables_means_the_same_as_check() {
    let (text, _) = clipboard(GOOD_TOTAL, None);
    let a = serde_json::to_string(&check(&text)).unwrap();
    let b = serde_json::to_string(&check_with_tables(&text, &[])).unwrap();
    assert_eq!(a, b);
}
