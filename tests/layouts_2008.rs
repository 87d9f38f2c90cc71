//! The seed tables (2008–2018 template) rewritten in every layout a paste can produce: the
//! checker must read every gold cell and find the same table findings as in the original.

mod support;

use nianbao::schema::core;
use serde_json::Value;
use support::{header_2008, render, Layout, Row, Table, LAYOUTS};

const SEEDS: &[&str] = &[
    "001_c2e2148ac72f28cc.txt",
    "002_0862542e542952c6.txt",
    "003_29acd3a32e0cbf6b.txt",
];

/// Codes that come from the table alone.
const TABLE_CODES: &[&str] = &[
    "blank-value",
    "bad-number",
    "unit-suspicious",
    "sum-mismatch",
    "part-exceeds-whole",
];

fn gold() -> Value {
    serde_json::from_str(include_str!("fixtures/seeds/seeds.gold.json")).expect("gold json")
}

fn seed_text(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("seed")
}

/// The seed's table as the gold lists it, in order (the repeated wordings such as 被依法纠错数
/// under 复议 and under 诉讼 are told apart by their place).
fn seed_table(cells: &[Value]) -> Table {
    let mut rows = Vec::new();
    for c in cells {
        let label = c["label"].as_str().unwrap();
        let value = match &c["value"] {
            Value::Null => String::new(),
            v => v.to_string(),
        };
        rows.push(Row::new(label, c["unit"].as_str(), &[value.as_str()]));
    }
    Table {
        header: header_2008(),
        rows,
    }
}

fn report_with(table: &str) -> String {
    format!(
        "某区2017年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2017年1月1日起至12月31日止。\n附表\n政府信息公开情况统计表\n(2017年度)\n{table}单位负责人:张三 审核人:李四\n"
    )
}

fn gold_cells_found(report: &nianbao::Report, cells: &[Value]) -> Vec<String> {
    let got: Vec<(String, Option<f64>)> = report
        .cells
        .iter()
        .map(|c| (core(&c.label), c.value))
        .collect();
    let mut missing = Vec::new();
    for g in cells {
        let label = core(g["label"].as_str().unwrap());
        let value = g["value"].as_f64();
        if !got
            .iter()
            .any(|(l, v)| (l == &label || l.contains(&label)) && *v == value)
        {
            missing.push(format!("{}={:?}", g["label"], value));
        }
    }
    missing
}

/// Whether a missing gold cell (`"label"=value`) was read with another value.
fn read_otherwise(report: &nianbao::Report, missing: &str) -> bool {
    let label = core(missing.split('=').next().unwrap_or("").trim_matches('"'));
    report
        .cells
        .iter()
        .any(|c| core(&c.label) == label || core(&c.label).contains(&label))
}

fn table_codes(report: &nianbao::Report) -> Vec<&'static str> {
    let mut codes: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.code)
        .filter(|c| TABLE_CODES.contains(c))
        .collect();
    codes.sort_unstable();
    codes
}

#[test]
fn seed_tables_read_the_same_in_every_layout() {
    let gold = gold();
    for name in SEEDS {
        let cells = gold[name]["cells"].as_array().unwrap();
        let original = nianbao::check(&seed_text(name));
        let expected_codes = table_codes(&original);
        for &layout in LAYOUTS {
            let text = report_with(&render(&seed_table(cells), layout));
            if let Ok(dir) = std::env::var("NIANBAO_DUMP") {
                std::fs::write(format!("{dir}/{name}-{layout:?}.txt"), &text).unwrap();
            }
            let report = nianbao::check(&text);
            let mut missing = gold_cells_found(&report, cells);
            if layout == Layout::CellPerLine {
                // a blank cell leaves no trace there: a row without a figure before one with
                // its figure is the one or the other's (pdftotext prints either way), so both
                // may be unread, and said so; never read otherwise
                let said = report.findings.iter().any(|f| f.code == "table-incomplete");
                missing.retain(|m| !said || read_otherwise(&report, m));
            }
            assert!(
                missing.is_empty(),
                "{name} as {layout:?}: cells not read: {missing:?}"
            );
            assert_eq!(report.template, Some("2008"), "{name} as {layout:?}");
            let mut codes = table_codes(&report);
            if layout == Layout::CellPerLine {
                // one cell per line cannot show a blank cell in a row that has no unit
                codes.retain(|c| *c != "blank-value");
                let mut e = expected_codes.clone();
                e.retain(|c| *c != "blank-value");
                assert_eq!(codes, e, "{name} as {layout:?}");
            } else {
                assert_eq!(codes, expected_codes, "{name} as {layout:?}");
            }
        }
    }
}
