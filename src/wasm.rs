//! The browser binding: type and error conversion only. All logic lives in the core.

use crate::crossyear::Input;
#[cfg(feature = "xlsx")]
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Tables = Vec<Vec<Vec<String>>>;

// Allocator only: talc, made for single-threaded wasm, instead of std's dlmalloc (the checker's
// wasm -1.8 KB gzip, checks 1.00-1.02x the time in V8: docs/measurements.md, 2026-12-07).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("结果无法转换：{e}")))
}

/// Checks pasted text; spans in the result are UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::check(text).into_utf16(text))
}

/// Like `check`, with the clipboard's HTML tables as an array of tables, each an array of
/// rows of cell strings.
#[wasm_bindgen(js_name = checkWithTables)]
pub fn check_with_tables(text: &str, tables: JsValue) -> Result<JsValue, JsError> {
    let tables = tables_of(tables)?;
    to_js(&crate::check_with_tables(text, &tables).into_utf16(text))
}

/// The clipboard's tables from JavaScript arrays, read by hand rather than by serde: serde's
/// reading kept std's float printing in the wasm for one message about a number where a cell's
/// text was expected (a table cell is always text).
fn tables_of(tables: JsValue) -> Result<Tables, JsError> {
    if tables.is_null() || tables.is_undefined() {
        return Ok(Vec::new());
    }
    let bad = |what: &str| JsError::new(&format!("表格数据格式不对：{what}"));
    let array = |v: &JsValue| {
        v.dyn_ref::<js_sys::Array>()
            .cloned()
            .ok_or_else(|| bad("应为表格的数组，每个表格是行的数组，每行是各格文字的数组"))
    };
    let tables = array(&tables)?;
    let table_of = |(t, table): (usize, JsValue)| {
        let rows = array(&table)?;
        let row_of = |(r, row): (usize, JsValue)| {
            let cells = array(&row)?;
            let cell_of = |(c, cell): (usize, JsValue)| {
                cell.as_string().ok_or_else(|| {
                    let at = format!("第 {} 个表格第 {} 行第 {} 格不是文字", t + 1, r + 1, c + 1);
                    bad(&at)
                })
            };
            cells
                .iter()
                .enumerate()
                .map(cell_of)
                .collect::<Result<Vec<_>, _>>()
        };
        rows.iter()
            .enumerate()
            .map(row_of)
            .collect::<Result<Vec<_>, _>>()
    };
    tables.iter().enumerate().map(table_of).collect()
}

/// The key under which two agency names are one agency (for pairing consecutive years).
#[wasm_bindgen(js_name = agencyKey)]
pub fn agency_key(agency: &str) -> String {
    crate::crossyear::agency_key(agency)
}

/// The cross-year findings of this year's report against last year's (tables may be null);
/// spans are UTF-16 offsets into `cur`.
#[wasm_bindgen(js_name = crossYear)]
pub fn cross_year(
    prev: &str,
    prev_tables: JsValue,
    cur: &str,
    cur_tables: JsValue,
) -> Result<JsValue, JsError> {
    let (pt, ct) = (tables_of(prev_tables)?, tables_of(cur_tables)?);
    to_js(&crate::crossyear::compare_utf16(
        Input {
            text: prev,
            tables: &pt,
        },
        Input {
            text: cur,
            tables: &ct,
        },
    ))
}

#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    /// The short Chinese name (`合计不符`).
    title: &'static str,
    severity: crate::Severity,
    /// The doc comment as written: the description, then `## 依据` and the basis.
    doc: &'static str,
}

impl From<&crate::rules::common::Rule> for RuleInfo {
    fn from(r: &crate::rules::common::Rule) -> Self {
        RuleInfo {
            code: r.code,
            title: r.title(),
            severity: r.severity,
            doc: r.doc,
        }
    }
}

/// One report's findings as the page holds them, for [`findings_csv`].
#[cfg(feature = "xlsx")]
#[derive(serde::Deserialize)]
struct CsvReport {
    file: String,
    agency: Option<String>,
    year: Option<u32>,
    findings: Vec<CsvFinding>,
}

#[cfg(feature = "xlsx")]
#[derive(serde::Deserialize)]
struct CsvFinding {
    code: String,
    severity: crate::Severity,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "where")]
    place: String,
    message: String,
    expected: Option<f64>,
    actual: Option<f64>,
    #[serde(rename = "comparedWith")]
    compared_with: Option<String>,
}

/// The findings CSV the CLI's `check --csv` writes (UTF-8 BOM, Chinese headers, the file, 机关
/// and 年度 on every row) for `[{file, agency, year, findings: [finding as check returns
/// it]}]`; the page may leave out findings a reviewer dismissed. In the export module (with
/// the workbook), not the checker's: it is needed only on export.
#[cfg(feature = "xlsx")]
#[wasm_bindgen(js_name = findingsCsv)]
pub fn findings_csv(reports: JsValue) -> Result<String, JsError> {
    let reports: Vec<CsvReport> = serde_wasm_bindgen::from_value(reports)
        .map_err(|e| JsError::new(&format!("导出数据格式不对：{e}")))?;
    let mut rows = Vec::new();
    for r in &reports {
        let agency = r.agency.clone().unwrap_or_default();
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        if r.findings.is_empty() {
            rows.push(crate::csv::clean_row(&r.file, &agency, &year));
        }
        for f in &r.findings {
            let number = |v: Option<f64>| v.map(crate::rules::common::num).unwrap_or_default();
            let title = match f.title.as_str() {
                "" => crate::rules::common::title_of(&f.code).to_string(),
                t => t.to_string(),
            };
            rows.push([
                r.file.clone(),
                agency.clone(),
                year.clone(),
                f.severity.zh().to_string(),
                title,
                f.place.clone(),
                f.message.clone(),
                number(f.expected),
                number(f.actual),
                f.compared_with.clone().unwrap_or_default(),
                f.code.clone(),
            ]);
        }
    }
    Ok(crate::csv::table(&rows))
}

/// Every rule: `[{code, title, severity, doc}]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let all: Vec<RuleInfo> = crate::rules::RULES.iter().map(RuleInfo::from).collect();
    to_js(&all)
}

/// One rule's documentation, or `null` for an unknown code.
#[wasm_bindgen]
pub fn explain(code: &str) -> Result<JsValue, JsError> {
    to_js(&crate::rules::rule(code).map(RuleInfo::from))
}

/// How each template draws its tables: `{"2008": [table…], "2019": […], "2021": […]}`
/// (`schema::layout`).
#[wasm_bindgen]
pub fn layouts() -> Result<JsValue, JsError> {
    use crate::schema::{layout, Template};
    let all: std::collections::BTreeMap<&str, Vec<layout::Drawn>> =
        [Template::T2008, Template::T2019, Template::T2021]
            .into_iter()
            .map(|t| (t.name(), layout::drawn(t)))
            .collect();
    to_js(&all)
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// One report for the workbook, as the page holds it.
#[cfg(feature = "xlsx")]
#[derive(Deserialize)]
struct ExportEntry {
    name: String,
    text: String,
    tables: Option<Tables>,
    /// Last year's report, when the page compared the two.
    previous: Option<ExportText>,
    /// (index in the page's list of findings: own, then cross-year; reason)
    dismissed: Vec<(usize, String)>,
}

#[cfg(feature = "xlsx")]
#[derive(Deserialize)]
struct ExportText {
    text: String,
    tables: Option<Tables>,
}

#[cfg(feature = "xlsx")]
fn input<'a>(text: &'a str, tables: &'a Option<Tables>) -> Input<'a> {
    Input {
        text,
        tables: tables.as_deref().unwrap_or(&[]),
    }
}

/// The reviewer's .xlsx for `[{name, text, tables, previous: {text, tables} | null,
/// dismissed: [[index, reason]]}]`.
#[cfg(feature = "xlsx")]
#[wasm_bindgen]
pub fn workbook(entries: JsValue) -> Result<Vec<u8>, JsError> {
    let entries: Vec<ExportEntry> = serde_wasm_bindgen::from_value(entries)
        .map_err(|e| JsError::new(&format!("导出数据格式不对：{e}")))?;
    let reports: Vec<crate::Report> = entries
        .iter()
        .map(|e| {
            let prev = e.previous.as_ref().map(|p| input(&p.text, &p.tables));
            crate::crossyear::check_against(input(&e.text, &e.tables), prev)
        })
        .collect();
    let books: Vec<crate::xlsx::Entry> = entries
        .iter()
        .zip(&reports)
        .map(|(e, report)| crate::xlsx::Entry {
            name: &e.name,
            text: &e.text,
            report,
            dismissed: &e.dismissed,
        })
        .collect();
    crate::xlsx::workbook(&books).map_err(|e| JsError::new(&e))
}

/// What a file gave, for the page: the text to show (spans point into it), the exact tables,
/// and its format.
#[cfg(feature = "files")]
#[derive(Serialize)]
struct OpenedFile {
    text: String,
    tables: Tables,
    format: &'static str,
}

#[cfg(feature = "files")]
fn opened(o: Result<crate::files::Opened, String>) -> Result<JsValue, JsError> {
    let o = o.map_err(|e| JsError::new(&e))?;
    to_js(&OpenedFile {
        text: o.text,
        tables: o.tables,
        format: o.format,
    })
}

/// A .pdf, .docx (or anything else by its bytes) as the CLI opens it: `{text, tables, format}`;
/// what cannot be read throws the CLI's Chinese message.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = openFile)]
pub fn open_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    opened(crate::files::open(name, bytes))
}

/// A web page or text the browser decoded from GB18030 (`malformed`: its strict decoder refused
/// the bytes), as `openFile`.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = openText)]
pub fn open_text(name: &str, text: String, malformed: bool) -> Result<JsValue, JsError> {
    opened(crate::files::open_decoded(name, text, "GB18030", malformed))
}
