//! The browser binding: type and error conversion only. All logic lives in the core.

use serde::Serialize;
use wasm_bindgen::prelude::*;

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
    let tables: Vec<Vec<Vec<String>>> = serde_wasm_bindgen::from_value(tables)
        .map_err(|e| JsError::new(&format!("表格数据格式不对：{e}")))?;
    to_js(&crate::check_with_tables(text, &tables).into_utf16(text))
}

#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: crate::Severity,
    doc: &'static str,
}

impl From<&crate::rules::Rule> for RuleInfo {
    fn from(r: &crate::rules::Rule) -> Self {
        RuleInfo {
            code: r.code,
            severity: r.severity,
            doc: r.doc,
        }
    }
}

/// Every rule: `[{code, severity, doc}]`.
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

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
