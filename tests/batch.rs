//! The batch command line: directory walks, the summary as a table and as CSV, `--fail-on`,
//! and files that cannot be read among good ones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_nianbao");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
const BASE_2008: &str = include_str!("fixtures/rules/base2008.txt");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory holding `files` (relative path, bytes).
fn tree(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("nianbao-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, bytes) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    root
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(SEEDS).join(name)).unwrap()
}

/// The 2008 base with one error (a sum off by one) and one warning (a blank cell).
fn with_error() -> String {
    BASE_2008.replacen("1.按时办结数\t件\t3", "1.按时办结数\t件\t2", 1)
}

fn with_warning() -> String {
    BASE_2008.replacen("2.延期办结数\t件\t0", "2.延期办结数\t件\t", 1)
}

#[test]
fn directories_are_walked_for_txt_files_in_sorted_order() {
    let root = tree(
        "walk",
        &[
            ("b/2.txt", &seed("002_0862542e542952c6.txt")),
            ("b/deeper/1.TXT", &seed("001_c2e2148ac72f28cc.txt")),
            ("a.txt", BASE_2008.as_bytes()),
            ("notes.md", b"not a report"),
        ],
    );
    let o = run(&["check", "--json", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap().replace(s(&root), ""))
        .collect();
    assert_eq!(files, ["/a.txt", "/b/2.txt", "/b/deeper/1.TXT"]);
    assert_eq!(v[1]["agency"], "宝山区");
    for r in v.as_array().unwrap() {
        for key in [
            "kind", "template", "year", "agency", "cells", "findings", "facts",
        ] {
            assert!(r.get(key).is_some(), "{key} missing");
        }
    }
}

#[test]
fn parallel_and_serial_runs_print_the_same() {
    let one = run(&["check", "--json", "--jobs", "1", SEEDS]);
    let many = run(&["check", "--json", "--jobs", "4", SEEDS]);
    assert!(one.status.success() && many.status.success());
    assert_eq!(stdout(&one), stdout(&many));
    let human = run(&["check", "-j", "3", SEEDS]);
    assert_eq!(stdout(&human), stdout(&run(&["check", "-j", "1", SEEDS])));
}

#[test]
fn the_summary_is_one_aligned_row_per_file() {
    let root = tree(
        "summary",
        &[
            ("err.txt", with_error().as_bytes()),
            ("warn.txt", with_warning().as_bytes()),
        ],
    );
    let o = run(&["check", "--summary", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    for word in ["文件", "机关", "年度", "模板", "错误", "警告"] {
        assert!(lines[0].contains(word), "{}", lines[0]);
    }
    assert!(lines[1].contains("err.txt") && lines[1].contains("某街道"));
    assert!(lines[1].contains("2017") && lines[1].contains("2008"));
    // the counts sit under their headers: 错误 then 警告
    let fields: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        &fields[fields.len() - 5..fields.len() - 3],
        ["1", "0"],
        "{}",
        lines[1]
    );
    let fields: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(
        &fields[fields.len() - 5..fields.len() - 3],
        ["0", "1"],
        "{}",
        lines[2]
    );
}

#[test]
fn the_csv_summary_has_a_bom_and_one_record_per_file() {
    let root = tree(
        "csv",
        &[
            ("err.txt", with_error().as_bytes()),
            ("ok.txt", BASE_2008.as_bytes()),
        ],
    );
    let o = run(&["check", "--summary", "--format", "csv", s(&root)]);
    assert!(o.status.success());
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBF"), "no UTF-8 BOM");
    let out = stdout(&o);
    let records: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(records[0], "文件,机关,年度,模板,错误,警告,提示,读出,状态");
    assert_eq!(records.len(), 3);
    let err: Vec<&str> = records[1].split(',').collect();
    assert!(err[0].ends_with("err.txt"));
    assert_eq!(&err[1..6], ["某街道", "2017", "2008", "1", "0"]);
    assert_eq!(err[7], "34/34", "cells read of the cells the table has");
    assert_eq!(err[8], "已检查");
    assert!(out.contains("\r\n"), "CSV records end in CRLF");
    let same = run(&["check", "--format=csv", "--summary", s(&root)]);
    assert_eq!(same.stdout, o.stdout);
}

#[test]
fn fail_on_makes_findings_fail_the_run() {
    let root = tree(
        "failon",
        &[
            ("err.txt", with_error().as_bytes()),
            ("warn.txt", with_warning().as_bytes()),
        ],
    );
    let err = root.join("err.txt");
    let warn = root.join("warn.txt");
    assert_eq!(run(&["check", s(&err)]).status.code(), Some(0));
    assert_eq!(
        run(&["check", "--fail-on", "error", s(&err)]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--fail-on", "error", s(&warn)])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", "--fail-on", "warning", s(&warn)])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--summary", "--fail-on", "warning", s(&root)])
            .status
            .code(),
        Some(1)
    );
    let bad = run(&["check", "--fail-on", "everything", s(&err)]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--fail-on"));
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_checked() {
    let root = tree(
        "unreadable",
        &[
            ("1.txt", BASE_2008.as_bytes()),
            ("2-empty.txt", b""),
            (
                "3-binary.txt",
                b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x00\x00",
            ),
            ("4.txt", &seed("002_0862542e542952c6.txt")),
        ],
    );
    let missing = root.join("5-missing.txt");
    let o = run(&["check", "--summary", s(&root), s(&missing)]);
    assert_eq!(o.status.code(), Some(2), "some files could not be checked");
    let err = stderr(&o);
    assert!(err.contains("2-empty.txt") && err.contains("为空"), "{err}");
    assert!(
        err.contains("3-binary.txt") && err.contains("已损坏"),
        "{err}"
    );
    assert!(
        err.contains("5-missing.txt") && err.contains("不存在"),
        "{err}"
    );
    let out = stdout(&o);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{out}");
    assert!(
        rows[0].contains("已检查") && rows[3].contains("已检查"),
        "{out}"
    );
    assert!(rows[3].contains("宝山区"));
    assert!(rows[1].contains("为空") && rows[2].contains("已损坏") && rows[4].contains("不存在"));
    // with --json the good files still come out, as an array
    let o = run(&["check", "--json", s(&root)]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn bad_command_lines_get_a_chinese_message() {
    for (args, words) in [
        (&["check", "--summary", "--json", SEEDS][..], "不能同时使用"),
        (&["check", "--bogus", SEEDS][..], "未知选项"),
        (&["check", "--jobs", "0", SEEDS][..], "正整数"),
        (&["check"][..], "没有给出"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(words), "{args:?}: {}", stderr(&o));
    }
    let empty = tree("nothing", &[("a.md", b"x")]);
    let o = run(&["check", s(&empty)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".txt"));
}

#[test]
fn json_of_several_files_carries_the_cross_year_findings_naming_the_other_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crossyear");
    let o = run(&["check", "--json", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = |i: usize| v[i]["findings"].as_array().unwrap().clone();
    assert!(findings(0).is_empty());
    let later = findings(1);
    let codes: Vec<&str> = later.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["carryover-mismatch", "carryover-mismatch"]);
    for f in &later {
        let other = f["comparedWith"].as_str().unwrap();
        assert!(other.ends_with("某某县办2021.txt"), "{other}");
    }
    // one file alone: its own findings only, no comparedWith field
    let one = run(&["check", "--json", &format!("{dir}/某某县办2022.txt")]);
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().is_empty());
}

/// A partly read report, one without a known template and a text that is no annual report, as
/// the page's browser test gives them (`tests/web/review.js`), beside a report read whole.
fn odd_reports() -> Vec<(&'static str, String, &'static str)> {
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real");
    let read = |f: &str| std::fs::read_to_string(Path::new(real).join(f)).unwrap();
    let full = read("2022_pingtan_zonghe_shiyanqu.web.txt");
    let cut = full[..full.find("（五）不予处理").unwrap()].to_string();
    vec![
        ("1-全部读出.txt", BASE_2008.to_string(), "已检查"),
        ("2-表格不全.txt", cut, "未完整读出"),
        (
            "3-没有统计表.txt",
            read("2013_pingtan_dishui.web.txt"),
            "未识别模板",
        ),
        (
            "4-一封信.txt",
            "关于报送2023年政府信息公开工作年度报告的通知\n各乡镇人民政府、县直各单位：\n请于2024年1月31日前报送本单位2023年政府信息公开工作年度报告。\n特此通知。\n".to_string(),
            "不是年度报告",
        ),
    ]
}

#[test]
fn the_summary_never_calls_a_partial_read_or_an_unknown_text_checked() {
    let odd = odd_reports();
    let files: Vec<(&str, &[u8])> = odd.iter().map(|(n, t, _)| (*n, t.as_bytes())).collect();
    let root = tree("status", &files);
    // the CSV: the 状态 field of each record
    let o = run(&["check", "--summary", "--format", "csv", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let records: Vec<Vec<&str>> = out
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(records[0][8], "状态");
    assert_eq!(records.len(), odd.len() + 1, "{out}");
    for ((name, _, status), r) in odd.iter().zip(&records[1..]) {
        assert!(r[0].ends_with(name), "{out}");
        assert_eq!(r[8], *status, "{name}: {out}");
    }
    // the partial read's 读出 shows how much was read, as the page's list does
    let (read, all) = records[2][7].split_once('/').unwrap();
    assert!(read.parse::<u32>().unwrap() < all.parse().unwrap(), "{out}");
    // the aligned table says the same
    let table = stdout(&run(&["check", "--summary", s(&root)]));
    for ((name, _, status), line) in odd.iter().zip(table.lines().skip(1)) {
        assert!(line.contains(name) && line.ends_with(status), "{table}");
    }
    // the findings' CSV names the partial read too, never 未发现问题
    let csv = stdout(&run(&["check", "--csv", s(&root.join("2-表格不全.txt"))]));
    assert!(
        csv.contains("表格未完整读出") && !csv.contains("未发现问题"),
        "{csv}"
    );
}

/// The CLI's statuses are the page's: the words `NB.statusOf` returns, in its order.
#[test]
fn the_summary_status_words_are_the_pages() {
    let js = include_str!("../www/format.js");
    let start = js.find("NB.statusOf = function").unwrap();
    let body = &js[start..start + js[start..].find("\n  };").unwrap()];
    let words: Vec<&str> = body
        .split("return '")
        .skip(1)
        .map(|w| &w[..w.find('\'').unwrap()])
        .filter(|w| !w.is_empty()) // no report: no status
        .collect();
    assert_eq!(words, nianbao::model::STATUSES, "{body}");
}
