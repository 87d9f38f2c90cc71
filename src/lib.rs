//! nianbao（年报校验）: checks the tables and figures of a Chinese 政府信息公开工作年度报告.
//!
//! The pipeline, one module each: [`normalize`] → [`segment`] → [`grid`] → [`schema`] (data)
//! → [`extract`] → [`facts`] → [`rules`] → [`model::Report`]. This crate is pure: no I/O,
//! no wasm dependency outside `wasm.rs`.

pub mod crossyear;
pub mod decode;
pub mod extract;
pub mod facts;
pub mod grid;
pub mod model;
pub mod normalize;
pub mod rules;
pub mod schema;
pub mod segment;
pub mod source;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use model::{Cell, Finding, Kind, Report, Severity, Span};

/// The version shown in the CLI and the page footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks one pasted report. Spans in the result are byte offsets into `text`.
pub fn check(text: &str) -> Report {
    check_with_tables(text, &[])
}

/// Like [`check`], with tables read exactly from a clipboard's HTML (`rows` of `cells`),
/// used instead of the flattened tables found in `text`.
pub fn check_with_tables(text: &str, tables: &[Vec<Vec<String>>]) -> Report {
    let doc = segment::Document::new(text);
    let extraction = extract::extract(&doc, tables);
    let facts = facts::extract_facts(&doc, &extraction);
    let findings = rules::run(&doc, &extraction, &facts);
    Report {
        kind: doc.kind,
        template: extraction.template.map(|t| t.name()),
        year: doc.year,
        agency: doc.agency.clone(),
        cells: extraction.cells,
        findings,
        facts,
    }
}
