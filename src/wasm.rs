//! The browser binding: type and error conversion only. All logic lives in the core.

use wasm_bindgen::prelude::*;

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("结果无法转换：{e}")))
}

/// Checks pasted text; spans in the result are UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::check(text).into_utf16(text))
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
