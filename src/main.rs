//! `nianbao`: the command-line checker.

use nianbao::{decode, rules, source, Report};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "用法 (usage):
  nianbao check [--json] FILE...   检查报告；FILE 为 - 时读标准输入
  nianbao explain CODE             显示规则说明
  nianbao rules                    列出所有规则
  nianbao --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("explain") => explain(args.get(1).map(String::as_str)),
        Some("rules") => {
            for r in rules::RULES {
                println!(
                    "{:<22} {:<8} {}",
                    r.code,
                    r.severity.zh(),
                    r.doc.lines().next().unwrap_or("").trim()
                );
            }
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("nianbao {}", nianbao::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn explain(code: Option<&str>) -> ExitCode {
    match code.and_then(rules::rule) {
        Some(r) => {
            println!("{}（{}）\n", r.code, r.severity.zh());
            println!("{}", r.doc.trim_end());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "没有这个规则代码：{}。用 nianbao rules 列出所有规则。",
                code.unwrap_or("")
            );
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut documents = Vec::new();
    for file in &files {
        match read(file) {
            Ok(text) => {
                let report = nianbao::check(&text);
                if json {
                    documents.push(
                        serde_json::to_value(report.into_utf16(&text)).expect("report serializes"),
                    );
                } else {
                    print_human(file, &text, &report);
                }
            }
            Err(reason) => {
                eprintln!("{file}: {reason}");
                failed = true;
            }
        }
    }
    if json {
        let out = if files.len() == 1 {
            documents.pop().unwrap_or(serde_json::Value::Null)
        } else {
            serde_json::Value::Array(documents)
        };
        println!("{}", serde_json::to_string_pretty(&out).expect("json"));
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在".to_string(),
            std::io::ErrorKind::IsADirectory => "这是一个目录，不是文件".to_string(),
            _ => format!("无法读取文件：{e}"),
        })?;
    }
    let decoded = decode::decode(&bytes)?;
    if decoded.encoding != "UTF-8" {
        eprintln!("{file}: 按 {} 编码读取", decoded.encoding);
    }
    Ok(decoded.text)
}

fn print_human(file: &str, text: &str, report: &Report) {
    let kind = match report.kind {
        nianbao::Kind::AnnualReport => "年度报告",
        nianbao::Kind::Other => "非年度报告",
    };
    println!(
        "{file}: {kind}，模板 {}，年度 {}，单位 {}，读出 {} 个单元格",
        report.template.unwrap_or("未识别"),
        report.year.map_or("未识别".to_string(), |y| y.to_string()),
        report.agency.as_deref().unwrap_or("未识别"),
        report.cells.len()
    );
    for f in &report.findings {
        let at = f.spans.first().map_or(0, |s| s.start);
        let (line, col) = source::line_col(text, at);
        println!(
            "{file}:{line}:{col}  {}  {}  {}",
            f.severity.zh(),
            f.code,
            f.message
        );
        if !f.spans.is_empty() {
            let src: String = source::line_at(text, at).trim().chars().take(80).collect();
            println!("    | {src}");
        }
    }
    println!(
        "共 {} 个错误、{} 个警告、{} 个提示",
        report.count(nianbao::Severity::Error),
        report.count(nianbao::Severity::Warning),
        report.count(nianbao::Severity::Info)
    );
}
