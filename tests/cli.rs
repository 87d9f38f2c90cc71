//! The command line: the JSON contract, exit codes, encodings, and clear messages for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_nianbao");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seeds/001_c2e2148ac72f28cc.txt"
);

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.as_mut().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("nianbao-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn json_follows_the_contract_with_utf16_spans() {
    let o = run(&["check", "--json", SEED], None);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["kind"], "annual-report");
    assert_eq!(v["template"], "2008");
    assert_eq!(v["year"], 2017);
    let text = std::fs::read_to_string(SEED).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let cell = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["indicator"] == "active.total")
        .unwrap();
    let (s, e) = (
        cell["span"]["start"].as_u64().unwrap() as usize,
        cell["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "975");
    for f in v["findings"].as_array().unwrap() {
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        assert!(f.get("expected").is_some() && f.get("actual").is_some());
    }
}

#[test]
fn stdin_and_several_files() {
    let text = std::fs::read(SEED).unwrap();
    let o = run(&["check", "--json", "-"], Some(&text));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["year"],
        2017
    );
    let o = run(&["check", "--json", SEED, SEED], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn human_output_leads_with_the_chinese_name_and_names_file_line_and_column() {
    let o = run(&["check", SEED], None);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("警告  未填写  统计表 七、依申请公开信息收取的费用\n"),
        "{out}"
    );
    assert!(
        out.contains("未填写，请填写数字（没有发生的填 0）。  [blank-value]\n"),
        "{out}"
    );
    assert!(out.contains("001_c2e2148ac72f28cc.txt:323:2 | "), "{out}");
    assert!(o.status.success());
}

#[test]
fn help_prints_the_usage() {
    for args in [
        &["check", "--help"][..],
        &["check", "-h"],
        &["--help"],
        &["help"],
    ] {
        let o = run(args, None);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("用法") && out.contains("nianbao check"),
            "{args:?}"
        );
        assert!(!stderr(&o).contains("未知选项"), "{args:?}");
    }
}

/// The columns `--help` says the summary has are the columns it prints, and the README's.
#[test]
fn help_lists_the_summary_columns_the_summary_prints() {
    let o = run(&["check", "--summary", SEED], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let printed: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    for args in [&["check", "--help"][..], &["--help"]] {
        let help = String::from_utf8(run(args, None).stdout).unwrap();
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with("--summary"))
            .unwrap_or_else(|| panic!("no --summary in {help}"));
        let listed =
            &line[line.find("列为：").unwrap_or_else(|| panic!("{line}")) + "列为：".len()..];
        let listed: Vec<&str> = listed.trim().split('、').collect();
        assert_eq!(listed, printed, "{args:?}: {line}");
    }
    let readme = include_str!("../README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with("nianbao check --summary 报告目录/ "))
        .unwrap();
    let listed: Vec<&str> = line[line.find("每个文件一行：").unwrap() + "每个文件一行：".len()..]
        .split_whitespace()
        .collect();
    assert_eq!(listed, printed, "README: {line}");
}

#[test]
fn rules_are_listed_by_their_chinese_names_with_whole_descriptions() {
    let o = run(&["rules"], None);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("合计不符  错误  [sum-mismatch]\n"), "{out}");
    assert!(
        out.contains("表格未完整读出  警告  [table-incomplete]\n"),
        "{out}"
    );
    assert!(!out.contains('#'), "no raw Markdown: {out}");
    // each description whole, to its last full stop
    for r in nianbao::rules::RULES {
        let d = r.description();
        assert!(out.contains(&d) && d.ends_with('。'), "{}: {d}", r.code);
    }
    let o = run(&["explain", "blank-value"], None);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("未填写  警告  [blank-value]"), "{out}");
    assert!(out.contains("\n依据：") && !out.contains("##"), "{out}");
}

#[test]
fn findings_as_csv_name_the_file_agency_and_year_on_every_row() {
    let o = run(&["check", "--csv", PAIR[0], PAIR[1], SEED], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}文件,机关,年度,严重程度,问题,位置,说明,应为,实为,对比报告,代码"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter()
            .any(|l| l.contains(",陶然亭街道,2017,警告,未填写,")),
        "{out}"
    );
    assert!(
        rows.iter()
            .any(|l| l.contains(",2022,警告,结转数与上年不符,")
                && l.ends_with(",carryover-mismatch")),
        "{out}"
    );
    assert!(
        rows.iter()
            .all(|l| l.split(',').nth(2).is_some_and(|y| y.len() == 4)),
        "{out}"
    );
}

#[test]
fn gb18030_is_read_and_named() {
    // "某区2017年政府信息公开工作年度报告" in GBK
    let gbk: &[u8] = &[
        0xC4, 0xB3, 0xC7, 0xF8, b'2', b'0', b'1', b'7', 0xC4, 0xEA, 0xD5, 0xFE, 0xB8, 0xAE, 0xD0,
        0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA, 0xB9, 0xA4, 0xD7, 0xF7, 0xC4, 0xEA, 0xB6, 0xC8,
        0xB1, 0xA8, 0xB8, 0xE6, b'\n',
    ];
    let path = temp("gbk.txt", gbk);
    let o = run(&["check", "--json", &path], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("GB18030"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["year"], 2017);
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_exit() {
    for (name, bytes, words) in [
        ("empty.txt", &b""[..], "为空"),
        (
            "binary.docx",
            &b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x00\x00"[..],
            "已损坏",
        ),
        (
            "old.doc",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"[..],
            "另存为",
        ),
        (
            "scan.pdf",
            &b"%PDF-1.4\n%\xE2\xE3\n1 0 obj\n<<>>\nendobj\n"[..],
            "PDF",
        ),
    ] {
        let path = temp(name, bytes);
        let o = run(&["check", &path], None);
        assert!(!o.status.success(), "{name}");
        assert!(stderr(&o).contains(words), "{name}: {}", stderr(&o));
    }
    let o = run(&["check", "/no/such/file.txt"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("不存在"));
}

#[test]
fn findings_do_not_change_the_exit_code() {
    let text = "某区2017年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n(二)申请办结数\t件\t5\n1.按时办结数\t件\t1\n2.延期办结数\t件\t1\n(一)收到申请数\t件\t5\n1.当面申请数\t件\t5\n";
    let o = run(&["check", "--json", "-"], Some(text.as_bytes()));
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "sum-mismatch"));
}

#[test]
fn explain_prints_the_rule_documentation() {
    let o = run(&["explain", "sum-mismatch"], None);
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout).unwrap().contains("依据"));
    assert!(!run(&["explain", "no-such-rule"], None).status.success());
}

const PAIR: [&str; 2] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crossyear/某某县办2021.txt"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crossyear/某某县办2022.txt"
    ),
];

#[test]
fn files_given_together_are_compared_year_with_year() {
    let o = run(&["check", PAIR[0], PAIR[1]], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("与上一年度报告对比"), "{out}");
    assert!(
        out.contains("某某县办2022.txt:") && out.contains("carryover-mismatch"),
        "{out}"
    );
}

/// Issue 21: one district's reports of 2023 and 2024 under two forms of its name
/// (洪泽区人民政府, 淮安市洪泽区人民政府) are paired for the year-to-year checks.
#[test]
fn one_agency_under_two_names_is_compared_year_with_year() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crossyear/");
    let (a, b) = (
        format!("{dir}洪泽区2023.txt"),
        format!("{dir}洪泽区2024.txt"),
    );
    let o = run(&["check", "--json", &a, &b], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reports = v.as_array().unwrap();
    assert_eq!(reports[0]["agency"], "洪泽区人民政府");
    assert_eq!(reports[1]["agency"], "淮安市洪泽区人民政府");
    let compared: Vec<_> = reports[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["comparedWith"].as_str() == Some(a.as_str()))
        .collect();
    assert!(
        compared.iter().any(|f| f["code"] == "carryover-mismatch"),
        "{compared:?}"
    );
    for f in compared {
        assert!(f["title"].as_str().is_some_and(|t| !t.is_empty()), "{f}");
        assert!(
            f["where"].as_str().is_some_and(|w| w.starts_with("表三")),
            "{f}"
        );
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbook_is_written_with_a_row_per_report() {
    use calamine::{Reader, Xlsx};
    let path = std::env::temp_dir().join(format!("nianbao-cli-{}.xlsx", std::process::id()));
    let p = path.to_string_lossy().into_owned();
    let o = run(
        &[
            "check", "--format", "xlsx", "-o", &p, PAIR[0], PAIR[1], SEED,
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut x: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let summary = x.worksheet_range("汇总").unwrap();
    assert_eq!(summary.rows().count(), 4);
    let names = x.sheet_names();
    // 汇总, then 表, 问题 and 表样 for each report: the later report's findings
    assert!(names[5].ends_with("问题"), "{names:?}");
    let findings = x.worksheet_range(&names[5]).unwrap();
    assert!(
        findings
            .rows()
            .any(|r| r[2] == "结转数与上年不符" && r[9] == "carryover-mismatch"),
        "cross-year finding in the later report's sheet"
    );
    assert!(
        !run(&["check", "--format", "xlsx", PAIR[0]], None)
            .status
            .success(),
        "-o is required"
    );
}

/// `table-incomplete` lists every row not read in full in `rows`, though its message names only
/// the first few: a reviewer's tool sees them all.
#[test]
fn an_incomplete_table_lists_every_row_not_read() {
    let path = format!(
        "{}/tests/fixtures/generated/s1_26_2021.pdflayout.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--json", &path])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let t3 = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "table-incomplete" && f["where"] == "表三")
        .expect("表三 reported incomplete");
    let rows: Vec<&str> = t3["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(rows.len() > 5, "{rows:?}");
    assert!(t3["message"]
        .as_str()
        .unwrap()
        .contains(&format!("等 {} 行", rows.len())));
    assert!(rows.contains(&"2.其他法律行政法规禁止公开"), "{rows:?}");
    // a finding of another kind carries no such list
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] != "table-incomplete")
        .all(|f| f.get("rows").is_none()));
}
