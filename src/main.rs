//! `nianbao`: the command-line checker.

mod batch;
mod summary;

use nianbao::{rules, source, Report, Severity};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// The usage; the summary's columns come from the summary itself, so that the two cannot differ.
fn usage() -> String {
    USAGE
        .replace("{columns}", &summary::HEADER.join("、"))
        .replace(
            "{statuses}",
            &nianbao::model::STATUSES
                .iter()
                .filter(|s| **s != nianbao::model::CHECKED)
                .copied()
                .collect::<Vec<_>>()
                .join("、"),
        )
}

const USAGE: &str = "用法 (usage):
  nianbao check [--json] PATH...   检查报告；PATH 为文件（.txt .html .htm .docx .pdf）、目录（其下所有这些文件）或 -（标准输入）
      --summary                    每个文件一行汇总，列为：{columns}
                                   读出：读出的单元格/应有的单元格（如 154/175）
                                   状态：只有“已检查”表示全部读出并已核对；{statuses}
                                   都要人工查看；读不了的文件写明原因
      --csv（即 --format csv）     CSV，带 UTF-8 BOM，可直接用 Excel 打开：每个问题一行（含文件、机关、年度）；
                                   与 --summary 同用时每个文件一行
      --format xlsx -o FILE        写审核用的 Excel 工作簿（汇总、各报告的表格和问题）
      --fail-on error|warning      有该级别（或更严重）的问题时退出码为 1
      --jobs N                     并行检查的线程数（默认每个 CPU 核一个）
  nianbao explain CODE             显示规则说明
  nianbao rules                    列出所有规则（名称、代码、严重程度和说明）
  nianbao help | --help            显示本说明
  nianbao --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("explain") => explain(args.get(1).map(String::as_str)),
        Some("rules") => {
            print!("{}", rules_list());
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("nianbao {}", nianbao::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", usage());
            ExitCode::from(2)
        }
    }
}

/// Every rule for people: its Chinese name, then its code and severity as small tags, then its
/// whole description.
fn rules_list() -> String {
    let mut out = String::new();
    for r in rules::RULES {
        out.push_str(&format!(
            "{}  {}  [{}]\n    {}\n",
            r.title(),
            r.severity.zh(),
            r.code,
            r.description()
        ));
    }
    out.push_str("用 nianbao explain 代码 查看一条规则的依据。\n");
    out
}

fn explain(code: Option<&str>) -> ExitCode {
    match code.and_then(rules::rule) {
        Some(r) => {
            println!("{}  {}  [{}]\n", r.title(), r.severity.zh(), r.code);
            println!("{}", r.plain_doc());
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

/// How `check` was asked to report.
struct Options {
    json: bool,
    /// `--format xlsx -o FILE`: the reviewer's workbook.
    xlsx: Option<String>,
    summary: Option<Format>,
    /// `--csv` without `--summary`: one row per finding.
    csv: bool,
    /// `--help`: the usage, nothing checked.
    help: bool,
    fail_on: Option<Severity>,
    jobs: usize,
    paths: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Table,
    Csv,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        json: false,
        xlsx: None,
        summary: None,
        csv: false,
        help: false,
        fail_on: None,
        jobs: batch::default_jobs(),
        paths: Vec::new(),
    };
    let mut format = Format::Table;
    let mut workbook = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if a.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("选项 {name} 后面缺少取值"))
        };
        match flag {
            "--help" | "-h" => o.help = true,
            "--json" => o.json = true,
            "--csv" => format = Format::Csv,
            "--summary" => o.summary = Some(format),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "csv" => Format::Csv,
                    "table" => Format::Table,
                    "xlsx" => {
                        workbook = true;
                        Format::Table
                    }
                    v => return Err(format!("--format 只能是 table、csv 或 xlsx，不能是 {v}")),
                };
            }
            "-o" | "--output" => {
                o.xlsx = Some(value("-o")?);
            }
            "--fail-on" => {
                o.fail_on = Some(match value("--fail-on")?.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    v => return Err(format!("--fail-on 只能是 error 或 warning，不能是 {v}")),
                });
            }
            "--jobs" | "-j" => {
                o.jobs = value("--jobs")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--jobs 需要一个正整数")?;
            }
            f if f.starts_with("--") => return Err(format!("未知选项：{f}")),
            _ => o.paths.push(a.clone()),
        }
    }
    if o.help {
        return Ok(o);
    }
    if o.summary.is_some() {
        o.summary = Some(format);
    } else {
        o.csv = format == Format::Csv;
    }
    if o.csv && (o.json || o.xlsx.is_some()) {
        return Err("--csv 不能与 --json 或 Excel 工作簿同时使用".into());
    }
    if workbook != o.xlsx.is_some() {
        return Err("Excel 工作簿需要同时给出 --format xlsx 和 -o 文件名".into());
    }
    if o.summary.is_some() && o.json {
        return Err("--summary 与 --json 不能同时使用".into());
    }
    if o.paths.is_empty() {
        return Err("没有给出要检查的文件或目录".into());
    }
    Ok(o)
}

/// What checking one input gave: its summary row, its output, and remarks for stderr.
struct Checked {
    row: summary::Row,
    output: Option<String>,
    notes: Vec<String>,
    /// The text and report, kept when several reports are compared or written to a workbook.
    kept: Option<(String, Report)>,
    /// How the file was read: `txt`, `html`, `docx`, `pdf`.
    format: &'static str,
}

fn check(args: &[String]) -> ExitCode {
    let o = match parse_options(args) {
        Ok(o) if o.help => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{}", usage());
            return ExitCode::from(2);
        }
    };
    let inputs = batch::expand(&o.paths);
    if inputs.is_empty() {
        eprintln!(
            "没有找到要检查的文件（.txt、.html、.htm、.docx、.pdf）：{}",
            o.paths.join(" ")
        );
        return ExitCode::from(2);
    }
    let one = inputs.len() == 1 && o.paths.len() == 1 && !Path::new(&o.paths[0]).is_dir();
    batch::quiet_panics();
    let mut rows = Vec::new();
    let mut kept: Vec<(String, String, Report)> = Vec::new();
    let mut formats = Vec::new();
    let mut json_items = 0;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    batch::run_ordered(
        &inputs,
        o.jobs,
        |input| check_one(input, &o, one),
        |_, c| {
            for n in &c.notes {
                eprintln!("{n}");
            }
            if let Some(text) = c.output {
                let _ = write_item(&mut out, &text, o.json && !one, &mut json_items);
            }
            if let Some((text, report)) = c.kept {
                kept.push((c.row.file.clone(), text, report));
                formats.push(c.format);
            }
            rows.push(c.row);
        },
    );
    let mut cross = cross_year(&kept);
    if !o.json && !o.csv && o.summary.is_none() && o.xlsx.is_none() && !cross.is_empty() {
        let _ = write!(out, "{}", human_cross(&kept, &cross));
    }
    if o.csv {
        let all = with_cross_year(std::mem::take(&mut kept), std::mem::take(&mut cross));
        let entries: Vec<nianbao::csv::Entry> = all
            .iter()
            .map(|(file, _, report)| nianbao::csv::Entry { file, report })
            .collect();
        let _ = write!(out, "{}", nianbao::csv::findings(&entries));
    }
    if o.json && !one && o.xlsx.is_none() {
        // the array waits for every file: a report's cross-year findings may need a later file
        for ((name, text, report), format) in with_cross_year(kept, cross).into_iter().zip(formats)
        {
            let item = json(&name, &text, report, false, format);
            let _ = write_item(&mut out, &item, true, &mut json_items);
        }
        kept = Vec::new();
        cross = Vec::new();
    }
    if let Some(path) = &o.xlsx {
        if let Err(e) = write_workbook(path, with_cross_year(kept, cross)) {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    }
    if o.json && !one {
        let _ = writeln!(out, "{}", if json_items == 0 { "[]" } else { "\n]" });
    }
    match o.summary {
        Some(Format::Table) => {
            let _ = write!(out, "{}", summary::table(&rows));
        }
        Some(Format::Csv) => {
            let _ = write!(out, "{}", summary::csv(&rows));
        }
        None => {}
    }
    let _ = out.flush();
    exit_code(&rows, o.fail_on)
}

/// Several JSON documents stream out as one array, laid out as a pretty-printed array would be.
fn write_item(
    out: &mut impl Write,
    text: &str,
    in_array: bool,
    items: &mut usize,
) -> std::io::Result<()> {
    if !in_array {
        return write!(out, "{text}");
    }
    write!(out, "{}", if *items == 0 { "[\n" } else { ",\n" })?;
    *items += 1;
    let indented: Vec<String> = text.trim_end().lines().map(|l| format!("  {l}")).collect();
    write!(out, "{}", indented.join("\n"))
}

/// 2 when some file could not be checked at all; 1 when `--fail-on` finds its severity.
fn exit_code(rows: &[summary::Row], fail_on: Option<Severity>) -> ExitCode {
    if rows.iter().any(|r| r.failure.is_some()) {
        return ExitCode::from(2);
    }
    let failing = |r: &summary::Row| match fail_on {
        Some(Severity::Error) => r.errors > 0,
        Some(_) => r.errors + r.warnings > 0,
        None => false,
    };
    if rows.iter().any(failing) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads, checks and formats one input; runs on a worker thread.
fn check_one(input: &batch::Input, o: &Options, one: bool) -> Checked {
    let name = input.name();
    let mut c = Checked {
        row: summary::Row {
            file: name.clone(),
            ..summary::Row::default()
        },
        output: None,
        notes: Vec::new(),
        kept: None,
        format: "txt",
    };
    // a reader's bug in one file (a PDF library meeting odd input) leaves the others checked
    let opened = match batch::guarded(|| read(input)) {
        Ok(Ok(opened)) => opened,
        Ok(Err(reason)) => return c.failed(reason),
        Err(panic) => {
            return c.failed(format!(
                "读取文件时出现内部错误（{panic}），其他文件不受影响；请另存为 .docx 或复制报告文字后粘贴"
            ))
        }
    };
    if let Some(encoding) = opened.encoding {
        c.notes.push(format!("{name}: 按 {encoding} 编码读取"));
    }
    let (text, tables, opened_format) = (opened.text, opened.tables, opened.format);
    c.format = opened_format;
    let report = match batch::guarded(|| nianbao::check_with_tables(&text, &tables)) {
        Ok(r) => r,
        Err(panic) => {
            return c.failed(format!(
                "检查时出现内部错误（{panic}），其他文件不受影响，请把这个文件报告给开发者"
            ))
        }
    };
    c.row.agency = report.agency.clone();
    c.row.year = report.year;
    c.row.template = report.template;
    c.row.errors = report.count(Severity::Error);
    c.row.warnings = report.count(Severity::Warning);
    c.row.infos = report.count(Severity::Info);
    c.row.status = report.status();
    c.row.read = (!report.coverage.is_empty()).then(|| {
        let sum = |f: fn(&nianbao::model::Coverage) -> usize| report.coverage.iter().map(f).sum();
        (sum(|c| c.read), sum(|c| c.expected))
    });
    let compared = o.xlsx.is_some() || o.csv || (o.summary.is_none() && !one);
    if o.summary.is_none() && o.xlsx.is_none() && !o.csv && !(o.json && compared) {
        c.output = Some(if o.json {
            json(&name, &text, report.clone(), one, opened_format)
        } else {
            human(&name, &text, &report)
        });
    }
    // several reports are compared year with year (not in the one-row-per-file summary)
    if compared {
        c.kept = Some((text, report));
    }
    c
}

/// Cross-year findings of the kept reports: (earlier index, later index, the later one's findings).
fn cross_year(kept: &[(String, String, Report)]) -> Vec<(usize, usize, Vec<nianbao::Finding>)> {
    let reports: Vec<&Report> = kept.iter().map(|k| &k.2).collect();
    nianbao::crossyear::pairs(&reports)
        .into_iter()
        .map(|(prev, cur)| {
            let y = |i: usize| nianbao::crossyear::Yearly {
                text: &kept[i].1,
                report: &kept[i].2,
            };
            (prev, cur, nianbao::crossyear::compare(y(prev), y(cur)))
        })
        .filter(|(_, _, f)| !f.is_empty())
        .collect()
}

/// The cross-year findings as the per-file output gives findings, after it, each pair named.
fn human_cross(
    kept: &[(String, String, Report)],
    cross: &[(usize, usize, Vec<nianbao::Finding>)],
) -> String {
    let mut s = String::from("与上一年度报告对比：\n");
    for (prev, i, findings) in cross {
        let (file, text, _) = &kept[*i];
        s.push_str(&format!("{file} 与 {}：\n", kept[*prev].0));
        let lines = LineStarts::new(text);
        for f in findings {
            s.push_str(&human_finding(file, text, &lines, f));
        }
    }
    s
}

/// The kept reports with each later report's cross-year findings after its own, each naming
/// the earlier report's file.
fn with_cross_year(
    mut kept: Vec<(String, String, Report)>,
    cross: Vec<(usize, usize, Vec<nianbao::Finding>)>,
) -> Vec<(String, String, Report)> {
    for (prev, cur, mut findings) in cross {
        for f in &mut findings {
            f.compared_with = Some(kept[prev].0.clone());
        }
        kept[cur].2.findings.extend(findings);
        // errors first, then warnings, then notes, each in their order
        kept[cur].2.findings.sort_by_key(|f| f.severity);
    }
    kept
}

/// The reviewer's workbook, cross-year findings listed with the later report's own.
fn write_workbook(path: &str, kept: Vec<(String, String, Report)>) -> Result<(), String> {
    let entries: Vec<nianbao::xlsx::Entry> = kept
        .iter()
        .map(|(name, text, report)| nianbao::xlsx::Entry {
            name,
            text,
            report,
            dismissed: &[],
        })
        .collect();
    let bytes = nianbao::xlsx::workbook(&entries)?;
    std::fs::write(path, bytes).map_err(|e| format!("无法写入 Excel 文件：{e}"))
}

impl Checked {
    fn failed(mut self, reason: String) -> Checked {
        self.notes.push(format!("{}: {reason}", self.row.file));
        self.row.failure = Some(reason);
        self
    }
}

/// The report as JSON; inside an array it also names its file; read from a page, a .docx or a
/// PDF, it also gives the format and the document's text.
fn json(name: &str, text: &str, report: Report, one: bool, format: &str) -> String {
    let mut v = serde_json::to_value(report.into_utf16(text)).expect("report serializes");
    if let Some(map) = v.as_object_mut() {
        if !one {
            map.insert("file".into(), name.into());
        }
        // spans point into the document's text, which a page, a .docx or a PDF does not hold
        // as such: it comes along
        if format != "txt" {
            map.insert("format".into(), format.into());
            map.insert("text".into(), text.into());
        }
    }
    let mut s = serde_json::to_string_pretty(&v).expect("json");
    s.push('\n');
    s
}

/// The text and tables of an input, read by its format.
fn read(input: &batch::Input) -> Result<nianbao::files::Opened, String> {
    let mut bytes = Vec::new();
    match input {
        batch::Input::Stdin => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("无法读取标准输入：{e}"))?;
        }
        batch::Input::File(path) => {
            bytes = std::fs::read(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => "文件不存在".to_string(),
                std::io::ErrorKind::IsADirectory => "这是一个目录，不是文件".to_string(),
                std::io::ErrorKind::PermissionDenied => "没有读取这个文件的权限".to_string(),
                _ => format!("无法读取文件：{e}"),
            })?;
        }
        batch::Input::Unlisted(_, reason) => return Err(reason.clone()),
    }
    nianbao::files::open(&input.name(), &bytes)
}

/// A finding for people: its severity and Chinese name, where it is on the form or in the
/// text; then the message with the code as a small tag; then `file:line:col` and the line.
fn human_finding(file: &str, text: &str, lines: &LineStarts, f: &nianbao::Finding) -> String {
    let mut out = format!("{}  {}", f.severity.zh(), f.title);
    if !f.place.is_empty() {
        out.push_str(&format!("  {}", f.place));
    }
    out.push_str(&format!("\n    {}  [{}]\n", f.message, f.code));
    if let Some(at) = f.spans.first().map(|s| s.start) {
        let (line, col) = lines.line_col(text, at);
        let src: String = source::line_at(text, at).trim().chars().take(80).collect();
        out.push_str(&format!("    {file}:{line}:{col} | {src}\n"));
    }
    out
}

/// The report's reading, then each finding as [`human_finding`] gives it, then the counts.
fn human(file: &str, text: &str, report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let kind = match report.kind {
        nianbao::Kind::AnnualReport => "年度报告",
        nianbao::Kind::Other => "非年度报告",
    };
    let _ = writeln!(
        out,
        "{file}: {kind}，模板 {}，年度 {}，机关 {}，读出 {} 个单元格",
        report.template.unwrap_or("未识别"),
        report.year.map_or("未识别".to_string(), |y| y.to_string()),
        report.agency.as_deref().unwrap_or("未识别"),
        report.cells.len()
    );
    let lines = LineStarts::new(text);
    for f in &report.findings {
        out.push_str(&human_finding(file, text, &lines, f));
    }
    let _ = writeln!(
        out,
        "共 {} 个错误、{} 个警告、{} 个提示",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    out
}

/// Where each line starts, so that many findings in a long text each find their line
/// without rescanning the text from the top.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts(starts)
    }

    /// 1-based line and column (in characters), as [`source::line_col`] gives them.
    fn line_col(&self, text: &str, b: usize) -> (usize, usize) {
        let b = source::floor_char_boundary(text, b);
        let line = self.0.partition_point(|&s| s <= b);
        let start = self.0[line - 1];
        (line, text[start..b].chars().count() + 1)
    }
}
